"""Catalog search through the real pane, keyboard only: pinyin initials, full pinyin,
item code and department; arrows and Enter choose."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.gui.catalog_pane import ItemRole


def _names(pane) -> list[str]:
    model = pane.model
    return [model.index(r, 0).data(ItemRole).name for r in range(model.rowCount())]


def _search(qtbot, window, text: str) -> list[str]:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.catalog_pane.search.hasFocus()
    qtbot.keyClicks(window.catalog_pane.search, text)  # Ctrl+F selected the old text
    return _names(window.catalog_pane)


def test_pinyin_initials_find_the_id_card_items_and_enter_picks_one(qtbot, desk_window):
    window = desk_window
    names = _search(qtbot, window, "sfz")
    assert names[:4] == [
        "居民身份证首次申领",
        "居民身份证换领",
        "居民身份证补领",
        "临时居民身份证申领",
    ]
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_Down)
    qtbot.keyClick(window.catalog_pane.list, Qt.Key.Key_Return)
    assert window.current_item.name == "居民身份证换领"
    assert "居民身份证换领" in window.disclosure.toPlainText()
    assert window.intake.ui.personNameEdit.hasFocus()


def test_full_pinyin_code_and_department(qtbot, desk_window):
    window = desk_window
    assert _search(qtbot, window, "shenfenzheng") == [
        "居民身份证首次申领",
        "居民身份证换领",
        "居民身份证补领",
        "临时居民身份证申领",
    ]
    assert _search(qtbot, window, "jidongche")[0] == "机动车注册登记"
    assert _search(qtbot, window, "DEMO-GA-013") == ["普通护照签发"]
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_Return)
    assert window.current_item.code == "DEMO-GA-013"
    # 市市场监督管理局 by its pinyin initials from 市场 on: every item of that department.
    found = _search(qtbot, window, "scjd")
    model = window.catalog_pane.model
    departments = {model.index(r, 0).data(ItemRole).department for r in range(model.rowCount())}
    assert departments == {"SJ"} and len(found) >= 6
    assert window.catalog_pane.count_label.text() == f"{len(found)} items"


def test_nothing_found_says_so_and_enter_does_nothing(qtbot, desk_window):
    window = desk_window
    assert _search(qtbot, window, "zzzzq") == []
    assert window.catalog_pane.count_label.text() == "0 items"
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_Return)
    assert window.current_item is None
