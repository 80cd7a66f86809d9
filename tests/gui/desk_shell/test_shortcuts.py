"""Keyboard first: every menu action has keys, shown in its menu and tooltip; F1 lists them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.gui.i18n import install_translations
from clerk_app.gui.shortcuts import ShortcutsDialog, all_menu_actions, key_path, mnemonic
from tests.helpers.desk_shell import open_window


def _walk(window):
    pairs = all_menu_actions(window.menuBar())
    assert len(pairs) >= 15
    menu_keys = [mnemonic(a.text()) for a in window.menuBar().actions()]
    assert all(menu_keys) and len(set(menu_keys)) == len(menu_keys), menu_keys
    shortcuts: list[str] = []
    for menu, action in pairs:
        keys = key_path(menu, action)
        assert keys, f"{action.text()} has neither a shortcut nor a mnemonic"
        assert f"({keys})" in action.toolTip(), (action.text(), action.toolTip())
        assert menu.toolTipsVisible()
        if action.shortcut().isEmpty():
            continue
        shortcuts += [s.toString() for s in action.shortcuts()]
    assert len(shortcuts) == len(set(shortcuts)), "a shortcut is used twice"
    for menu in {m for m, _a in pairs}:
        letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        assert len(letters) == len(set(letters)), (menu.title(), letters)


def test_every_menu_action_has_keys_shown_in_its_tooltip(qtbot, context):
    window = open_window(qtbot, context)
    _walk(window)
    assert window.find_action.toolTip() == "Find item (Ctrl+F)"
    assert window.about_action.toolTip() == "About Window Clerk (Alt+H, A)"


def test_in_chinese_too(qtbot, context, qm_dir):
    install_translations("zh_CN", qm_dir)
    window = open_window(qtbot, context)
    _walk(window)
    assert window.about_action.toolTip() == "关于窗口受理客户端 (Alt+H, A)"


def test_f1_lists_every_action_with_its_keys(qtbot, desk_window):
    window = desk_window
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(window.last_tool, ShortcutsDialog))
    rows = window.last_tool.rows()
    assert ("Intake", "Find item", "Ctrl+F") in rows
    assert ("Intake", "Accept case", "Ctrl+Return, Ctrl+Enter") in rows
    assert ("Help", "Self-check", "Alt+H, S") in rows
    assert ("Anywhere", "Choose the item under the cursor", "Enter") in rows
    window.last_tool.close()


def test_f1_in_chinese_says_each_key_once(qtbot, context, qm_dir):
    install_translations("zh_CN", qm_dir)  # Return and Enter are both 回车 in Chinese
    window = open_window(qtbot, context)
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(window.last_tool, ShortcutsDialog))
    rows = window.last_tool.rows()
    assert ("受理", "受理本件", "Ctrl+回车") in rows
    assert window.accept_action.toolTip() == "受理本件 (Ctrl+回车)"
    window.last_tool.close()


def test_ctrl_1_and_2_switch_between_intake_and_worklist(qtbot, desk_window):
    window = desk_window
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier
    )
    assert window.tabs.currentIndex() == 0
    assert window.catalog_pane.search.hasFocus()  # no item yet: the search line


def test_tab_order_goes_search_list_disclosures_form(qtbot, desk_window):
    window = desk_window
    window.focus_search()
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_Tab)
    assert window.catalog_pane.list.hasFocus()
    qtbot.keyClick(window.catalog_pane.list, Qt.Key.Key_Tab)
    assert window.disclosure.hasFocus()
