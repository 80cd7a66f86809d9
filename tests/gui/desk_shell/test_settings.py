"""File ▸ Settings: saved in the typed settings and the store, applied; a folder that
cannot be written is told."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from clerk_app.core.settings import Settings
from clerk_app.gui.main_window import MainWindow
from clerk_app.gui.ops import DbWriter
from clerk_app.gui.settings_dialog import YELLOW_DAYS, SettingsDialog
from tests.helpers.desk_shell import open_window


def test_settings_are_saved_and_shown_again(qtbot, context):
    writer = DbWriter()
    dialog = SettingsDialog(context, writer, printers=["Counter-A4", "Roll-80"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language.currentText() == "English"  # the tests run in English
    assert dialog.yellow_days.value() == context.settings[YELLOW_DAYS]
    dialog.yellow_days.setFocus()
    dialog.yellow_days.selectAll()
    qtbot.keyClicks(dialog.yellow_days, "4")
    slip = dialog.printer_boxes["slip"]
    assert slip.currentIndex() == 0 and slip.currentText().startswith(
        ("As provisioned", "System default")
    )
    slip.setCurrentIndex(slip.findText("Roll-80"))
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.yellow_days, Qt.Key.Key_Return)
    assert writer.wait_idle(10_000)
    qtbot.waitUntil(lambda: context.backend.store.get_state("printer.slip") == "Roll-80")

    on_disk = json.loads(context.paths.settings_file.read_text("utf-8"))
    assert on_disk[YELLOW_DAYS] == 4
    assert Settings.load(context.paths.settings_file)[YELLOW_DAYS] == 4
    again = SettingsDialog(context, writer, printers=["Counter-A4", "Roll-80"])
    qtbot.addWidget(again)
    assert again.yellow_days.value() == 4
    assert again.printer_boxes["slip"].currentText() == "Roll-80"
    assert again.printer_boxes["acceptance"].currentIndex() == 0


def test_a_settings_folder_that_cannot_be_written_is_told_and_the_dialog_stays(qtbot, context):
    # /sys refuses new files even to root: a real folder that cannot be written.
    context.settings.path = Path("/sys/window-clerk-test/settings.json")
    dialog = SettingsDialog(context, None, printers=[])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.yellow_days.setValue(5)
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    text = dialog.error_label.text()
    assert "could not be saved in /sys/window-clerk-test/settings.json" in text
    assert "Ask IT" in text
    assert context.settings[YELLOW_DAYS] == 5  # applies until the clerk quits


def test_window_size_and_splitter_are_remembered(qtbot, context):
    window = open_window(qtbot, context)
    window.resize(760, 560)  # within the offscreen screen (800 x 600)
    window.splitter.setSizes([200, 260, 280])
    sizes = window.splitter.sizes()
    window.close()
    saved = Settings.load(context.paths.settings_file)
    assert saved["ui.window_geometry"] and saved["ui.splitter_state"]
    context.settings = saved
    again: MainWindow = open_window(qtbot, context)
    assert again.size().width() == 760 and again.size().height() == 560
    assert again.splitter.sizes() == sizes


def test_a_new_yellow_card_threshold_shows_in_the_worklist_at_once(qtbot, context):
    from clerk_app.gui.worklist import WorklistPane
    from tests.helpers.desk_shell import SESSION

    window = open_window(qtbot, context)
    if not isinstance(window.worklist, WorklistPane):
        window.set_worklist(WorklistPane(context, SESSION, context.calendar, window.writer))
    window.show_settings()
    dialog = window.last_tool
    assert isinstance(dialog, SettingsDialog)
    dialog.yellow_days.setValue(5)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert window.worklist.due_box.itemText(1) == "Due within 5 working days"
