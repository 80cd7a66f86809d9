"""Help ▸ About: version, records service, window, database and log folders."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from clerk_app import __version__


def test_about_names_version_service_window_and_folders(qtbot, desk_window, context):
    window = desk_window
    window.about_action.trigger()
    box = window.last_tool
    assert isinstance(box, QMessageBox) and box.isVisible()
    text = box.text()
    for expected in (
        __version__,
        context.provisioning.service_url,
        "W01",
        str(context.paths.database),
        str(context.paths.log_dir),
    ):
        assert expected in text, expected
    box.close()


def test_lookup_opens_the_lookup_dialog_or_says_it_is_missing(qtbot, desk_window):
    window = desk_window
    window.lookup_action.trigger()
    if window.last_tool is None:
        assert "not available" in window.statusBar().currentMessage()
    else:
        assert window.last_tool.isVisible()
        window.last_tool.close()
