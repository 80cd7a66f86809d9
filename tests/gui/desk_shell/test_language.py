"""简体中文 ↔ English switched live: the same widgets retranslate, no restart."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from clerk_app.gui.i18n import current_language, install_translations
from clerk_app.gui.log_view import LogView
from clerk_app.gui.settings_dialog import SettingsDialog
from clerk_app.gui.sync_worker import LinkDetails
from tests.helpers.desk_shell import open_window
from tests.helpers.gui import LinkFeed, demo_catalog


def _menus(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _close_text(dialog) -> str:
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Close).text()


def _assert_chinese(window, log_view) -> None:
    assert _menus(window) == ["文件(&F)", "视图(&V)", "受理(&I)", "帮助(&H)"]
    assert window.find_action.text() == "查找事项(&F)"
    assert window.find_action.toolTip() == "查找事项 (Ctrl+F)"
    assert window.tabs.tabText(0) == "受理"
    assert window.clerk_label.text() == "受理人：示例受理员"
    assert window.connection_indicator.text() == "离线 · 1 件办件、1 份文书待上传"
    assert window.catalog_pane.caption.text() == "服务事项(&S)"
    assert window.catalog_pane.count_label.text() == "共 4 项"
    shown = window.disclosure.toPlainText()
    for title in ("受理项目", "办事程序", "申报材料", "承诺时限", "收费标准", "政策依据"):
        assert title in shown
    assert log_view.windowTitle() == "日志"
    assert _close_text(log_view) == "关闭"  # Qt's own button, from qtbase_zh_CN


def _assert_english(window, log_view) -> None:
    assert _menus(window) == ["&File", "&View", "&Intake", "&Help"]
    assert window.find_action.text() == "&Find item"
    assert window.find_action.toolTip() == "Find item (Ctrl+F)"
    assert window.tabs.tabText(0) == "Intake"
    assert window.clerk_label.text() == "Clerk: 示例受理员"
    assert window.connection_indicator.text() == "Offline · 1 case, 1 document waiting"
    assert window.catalog_pane.caption.text() == "&Service items"
    assert window.catalog_pane.count_label.text() == "4 items"
    shown = window.disclosure.toPlainText()
    assert "Promised time limit" in shown and "承诺时限" not in shown
    assert log_view.windowTitle() == "Log"
    assert _close_text(log_view) == "Close"


def test_chinese_then_english_then_chinese_on_the_same_widgets(qtbot, context, qm_dir):
    install_translations("zh_CN", qm_dir)
    window = open_window(qtbot, context)
    qtbot.keyClicks(window.catalog_pane.search, "sfz")
    window.catalog_pane.choose_current()
    feed = LinkFeed()
    window.attach_sync(feed)
    feed.status_changed.emit(False, 2, 0)
    feed.details_changed.emit(LinkDetails("offline", 2, waiting_kinds=(1, 1, 0)))
    window.show_log()
    log_view = window.last_tool
    assert isinstance(log_view, LogView)
    widgets = (window.menuBar(), window.clerk_label, window.catalog_pane, window.disclosure)
    _assert_chinese(window, log_view)

    window.apply_language("en")  # what View ▸ Switch language does
    qtbot.waitUntil(lambda: _menus(window)[0] == "&File")
    _assert_english(window, log_view)
    assert json.loads(context.paths.settings_file.read_text("utf-8"))["ui.language"] == "en"
    log_view.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # Back to Chinese through File ▸ Settings, keyboard only.
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.last_tool, SettingsDialog))
    settings = window.last_tool
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is settings)
    settings.language.setFocus()
    qtbot.keyClick(settings.language, Qt.Key.Key_Home)  # 简体中文 is the first
    assert settings.chosen_language() == "zh_CN"
    qtbot.keyClick(settings.language, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _menus(window)[0] == "文件(&F)")
    window.show_log()
    _assert_chinese(window, window.last_tool)
    window.last_tool.close()
    assert (window.menuBar(), window.clerk_label, window.catalog_pane, window.disclosure) == widgets
    assert current_language() == "zh_CN"
    assert json.loads(context.paths.settings_file.read_text("utf-8"))["ui.language"] == "zh_CN"


def test_language_switch_keeps_what_the_clerk_typed(qtbot, context, qm_dir):
    install_translations("zh_CN", qm_dir)
    window = open_window(qtbot, context)
    window.choose_item(demo_catalog().item("DEMO-GA-001"))
    window.intake.ui.personNameEdit.insert("张三")
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: _menus(window)[0] == "&File")
    assert window.intake.ui.personNameEdit.text() == "张三"
    assert window.current_item.code == "DEMO-GA-001"
