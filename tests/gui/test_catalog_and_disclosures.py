"""Catalog pane (search as you type, Enter picks) and the six-disclosure panel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.gui.catalog_pane import CatalogModel, CatalogPane, ItemRole
from clerk_app.gui.disclosure import DisclosurePanel
from tests.helpers.gui import demo_catalog, type_text


def test_catalog_model_passes_the_model_tester(qtmodeltester):
    model = CatalogModel()
    model.set_catalog(demo_catalog())
    qtmodeltester.check(model)
    model.set_filter("护照")
    qtmodeltester.check(model)


def test_typing_filters_by_name_and_by_item_code(qtbot):
    pane = CatalogPane()
    qtbot.addWidget(pane)
    catalog = demo_catalog()
    pane.set_catalog(catalog)
    # Every item, then the packages (一件事, projects) when nothing is typed.
    assert pane.model.rowCount() == len(catalog.items) + len(catalog.packages)

    type_text(qtbot, pane.search, "护照")
    names = [pane.model.item_at(r).name for r in range(pane.model.rowCount())]
    assert names and all("护照" in n for n in names)

    pane.search.clear()
    qtbot.keyClicks(pane.search, "DEMO-SJ-001")
    assert pane.model.item_at(0).code == "DEMO-SJ-001"
    assert "1" in pane.count_label.text()


def test_enter_in_the_list_picks_the_item(qtbot):
    pane = CatalogPane()
    qtbot.addWidget(pane)
    pane.set_catalog(demo_catalog())
    pane.show()
    qtbot.keyClicks(pane.search, "DEMO-GA-013")
    with qtbot.waitSignal(pane.item_chosen) as blocker:
        qtbot.keyClick(pane.search, Qt.Key.Key_Down)
        qtbot.keyClick(pane.list, Qt.Key.Key_Return)
    assert blocker.args[0].code == "DEMO-GA-013"
    assert pane.list.currentIndex().data(ItemRole).code == "DEMO-GA-013"


def test_disclosure_panel_shows_all_six_with_fees_in_yuan_and_demo_badge(qtbot):
    panel = DisclosurePanel()
    qtbot.addWidget(panel)
    catalog = demo_catalog()
    item = catalog.item("DEMO-GA-001")
    panel.show_item(item, "市公安局")
    text = panel.toPlainText()
    positions = [text.find(title) for title in panel.section_titles()]
    assert all(p >= 0 for p in positions), text
    assert positions == sorted(positions)
    assert item.procedure[0] in text
    assert item.materials[0].name in text
    assert item.legal_basis[0] in text
    assert "20.00 yuan" in text
    assert "20 working days" in text
    assert "DEMO" in text


def test_a_free_item_says_free_of_charge(qtbot):
    panel = DisclosurePanel()
    qtbot.addWidget(panel)
    panel.show_item(demo_catalog().item("DEMO-GA-005"))
    text = panel.toPlainText()
    assert "Free of charge" in text
    assert "Done on the spot" in text
