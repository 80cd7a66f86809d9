"""A settings file written before ``privacy.mask_ids`` was removed (issue 15: shown, read
by nothing) opens the desk without error; Settings (Ctrl+,) offers no such switch, keeps
the file's other values, and saving drops the dead key. Keyboard only, real SQLite."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.gui.settings_dialog import YELLOW_DAYS, SettingsDialog
from tests.helpers.desk_shell import DEMO_PROVISIONING, NOWHERE, make_paths, open_window

CTRL = Qt.KeyboardModifier.ControlModifier


def test_an_old_settings_file_with_mask_ids_opens_and_is_cleaned_on_save(qtbot, tmp_path, clock):
    paths = make_paths(tmp_path)
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(json.dumps({"privacy.mask_ids": False, YELLOW_DAYS: 4}), "utf-8")
    context = build_context(demo_provisioning(DEMO_PROVISIONING, NOWHERE), paths, clock=clock)
    try:
        assert context.settings[YELLOW_DAYS] == 4
        window = open_window(qtbot, context)
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Comma, CTRL)
        qtbot.waitUntil(lambda: isinstance(window.last_tool, SettingsDialog), timeout=5000)
        dialog = window.last_tool
        qtbot.waitUntil(dialog.isVisible, timeout=5000)
        assert dialog.yellow_days.value() == 4
        widgets = dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
        texts = [w.text() + " " + w.toolTip() for w in widgets]
        assert not any("mask" in t.lower() for t in texts), texts
        with qtbot.waitSignal(dialog.saved):
            qtbot.keyClick(dialog.yellow_days, Qt.Key.Key_Return)
        on_disk = json.loads(paths.settings_file.read_text("utf-8"))
        assert on_disk[YELLOW_DAYS] == 4
        assert "privacy.mask_ids" not in on_disk
        window.close()
    finally:
        context.close()
