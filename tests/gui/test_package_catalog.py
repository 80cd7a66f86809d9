"""Packages in the catalog pane (一件事 and staged projects, issue 16): listed with the
items under their mark, found by code, name and pinyin, picked with Enter; and their six
disclosures: scope and departments, the combined procedure with its stages, the combined
materials and each item's own, each stage's time limit and the total, the sum of the fees,
the legal bases of the items."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from PySide6.QtCore import Qt, QTimer

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.catalog import Catalog
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui.catalog_pane import CatalogPane, ItemRole, MarkRole, PackageRole
from clerk_app.gui.disclosure import DisclosurePanel
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.intake_texts import decision_names
from clerk_app.gui.joint_intake import JointIntakeDialog
from tests.helpers.gui import demo_catalog, type_text
from tests.helpers.packages import CATALOG, OPENING, PROJECT


def _rows(pane: CatalogPane) -> list[tuple[str, str]]:
    model = pane.model
    return [
        (model.index(r, 0).data(MarkRole), model.index(r, 0).data().split("\n")[0])
        for r in range(model.rowCount())
    ]


def test_packages_are_found_by_pinyin_code_and_name_under_their_mark(qtbot):
    pane = CatalogPane()
    qtbot.addWidget(pane)
    pane.set_catalog(demo_catalog())
    pane.show()

    qtbot.keyClicks(pane.search, "qykb")  # 企业开办 by its pinyin initials
    assert _rows(pane)[0] == ("One thing", "企业开办“一件事”")
    second_line = pane.model.index(0, 0).data().split("\n")[1]
    assert second_line == "DEMO-PKG-QYKB · lead: 市市场监督管理局 · 5 departments"

    pane.search.clear()
    type_text(qtbot, pane.search, "工程建设项目")  # as the input method commits it
    assert _rows(pane)[0] == ("Project", "工程建设项目审批（房屋建筑类）")
    pane.search.clear()
    qtbot.keyClicks(pane.search, "gcjs")  # the name's pinyin from its start: before items
    assert _rows(pane)[0] == ("Project", "工程建设项目审批（房屋建筑类）")
    assert all(mark == "" for mark, _name in _rows(pane)[1:])  # the rest are items

    # Enter picks the package, not an item.
    pane.search.clear()
    qtbot.keyClicks(pane.search, "DEMO-PRJ-GCJS")
    assert pane.model.rowCount() == 1
    with qtbot.waitSignal(pane.package_chosen) as chosen:
        qtbot.keyClick(pane.search, Qt.Key.Key_Return)
    assert chosen.args[0].code == "DEMO-PRJ-GCJS"
    index = pane.list.currentIndex()
    assert index.data(ItemRole) is None and index.data(PackageRole).kind == "project"

    # A department's search still lists only items (a package has no department).
    pane.search.clear()
    qtbot.keyClicks(pane.search, "scjd")
    assert _rows(pane) and all(mark == "" for mark, _name in _rows(pane))


def test_the_six_disclosures_of_the_construction_project(qtbot):
    panel = DisclosurePanel()
    qtbot.addWidget(panel)
    catalog = demo_catalog()
    package = catalog.package("DEMO-PRJ-GCJS")
    panel.show_package(package, catalog)
    text = panel.toPlainText()
    positions = [text.find(title) for title in panel.section_titles()]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), text
    scope, procedure, materials, limits, fees, basis = (
        text[a:b] for a, b in zip(positions, [*positions[1:], len(text)], strict=True)
    )
    assert package.scope in scope
    assert "Lead department: 市住房和城乡建设局" in scope
    assert "10 departments handle it in parallel" in scope
    for name in ("市发展和改革委员会", "市文化广电和旅游局", "市城市建设档案馆"):
        assert name in scope
    assert "S1 立项用地规划许可 lead: 市发展和改革委员会" in procedure
    assert "建设工程档案验收 · 市城市建设档案馆" in procedure
    assert "One set of materials, handed in once" in materials
    assert "建设工程设计方案和施工图设计文件" in materials and "for 4 items" in materials
    assert "建设用地规划许可证核发: 建设用地规划许可申请表" in materials  # its own ones
    assert "15 working days" in limits  # S2
    assert "Total: 45 working days" in limits  # every type: the same four stages
    assert "Free of charge" in fees
    assert "《中华人民共和国档案法》" in basis and "《政府投资条例》" in basis
    assert "DEMO" in text


def test_a_package_with_fees_sums_them_and_totals_differ_by_project_type(qtbot):
    catalog = Catalog.from_dict({**CATALOG.to_dict(), "packages": [OPENING, PROJECT]})
    panel = DisclosurePanel()
    qtbot.addWidget(panel)
    panel.show_package(catalog.package("PKG-KB"), catalog)
    text = panel.toPlainText()
    assert "10.00 yuan in all (the sum of its items' fees)" in text
    assert "Total: 3 working days" in text
    panel.show_package(catalog.package("PRJ-GC"), catalog)
    text = panel.toPlainText()
    assert "Government-invested (政府投资): Total: 32 working days" in text
    assert "Small, low-risk (小型低风险): Total: 17 working days" in text
    # Back to an item: its own disclosures again.
    panel.show_item(catalog.item("GA-1"))
    assert panel.package is None and "事项GA-1" in panel.toPlainText()


def test_the_desk_in_chinese_marks_discloses_and_asks_for_a_project(qtbot, qm_dir):
    """The desk's default language: the marks, the disclosures and the joint form's words."""
    install_translations("zh_CN", qm_dir)
    catalog = demo_catalog()
    pane = CatalogPane()
    qtbot.addWidget(pane)
    pane.set_catalog(catalog)
    qtbot.keyClicks(pane.search, "qykb")
    assert _rows(pane)[0] == ("一件事", "企业开办“一件事”")
    assert pane.model.index(0, 0).data().endswith("牵头：市市场监督管理局 · 5 个部门")

    panel = DisclosurePanel()
    qtbot.addWidget(panel)
    panel.show_package(catalog.package("DEMO-PRJ-GCJS"), catalog)
    text = panel.toPlainText()
    for words in (
        "受理项目",
        "牵头部门：市住房和城乡建设局",
        "10 个部门并联办理",
        "一套材料，一次提交",
        "合计 45 个工作日",
        "不收费",
        "示例",
    ):
        assert words in text, words

    context = SimpleNamespace(clock=FixedClock(datetime(2026, 11, 30, 9, 0, tzinfo=CENTER_TZ)))
    dialog = JointIntakeDialog(
        context, None, catalog, catalog.package("DEMO-PRJ-GCJS"),
        calendar=WorkCalendar(), writer=None,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "联合受理 — 工程建设项目审批（房屋建筑类）"
    assert dialog.code_caption.text() == "项目代码(&C)："
    assert dialog.type_combo.currentText() == "政府投资"
    assert dialog.missing_label.text().startswith("尚需：项目代码；单位名称")
    zr = next(p for p in dialog.parts if p.item.code == "DEMO-ZR-004")
    assert zr.note_label.text().startswith("本事项缺少：建设用地规划许可申请表")
    assert zr.decision_combo.currentText() == decision_names()["supplement"]
    assert "宗地图" in zr.note_label.text()


def test_esc_asks_before_a_filled_joint_intake_is_dropped(qtbot):
    catalog = demo_catalog()
    context = SimpleNamespace(clock=FixedClock(datetime(2026, 11, 30, 9, 0, tzinfo=CENTER_TZ)))
    dialog = JointIntakeDialog(
        context, None, catalog, catalog.package("DEMO-PKG-QYKB"),
        calendar=WorkCalendar(), writer=None,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.type_combo is None and not dialog.project_box.isVisible()  # a 一件事
    qtbot.keyClicks(dialog.party.first_field(), "Hengshui Trading")
    asked = []

    def answer(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        def press() -> None:
            box = dialog.discard_box
            if box is None or not box.isVisible():  # not asked yet: look again
                QTimer.singleShot(10, press)
                return
            asked.append(box.text())
            box.activateWindow()  # its mnemonics need it active, as on a screen
            qtbot.waitUntil(box.isActiveWindow, timeout=2000)
            qtbot.keyClick(box, key, modifier)

        QTimer.singleShot(0, press)

    answer(Qt.Key.Key_Escape)  # "Go on": the form stays as it was
    qtbot.keyClick(dialog.party.first_field(), Qt.Key.Key_Escape)
    assert asked == ["Close the joint intake? What you entered is not kept."]
    assert dialog.isVisible() and dialog.party.org_name.text() == "Hengshui Trading"
    answer(Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # "Close it"
    qtbot.keyClick(dialog.party.first_field(), Qt.Key.Key_Escape)
    assert len(asked) == 2 and not dialog.isVisible()
