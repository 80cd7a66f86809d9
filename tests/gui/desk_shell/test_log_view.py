"""Help ▸ Log: the recent log with IDs masked, filters, and "Export logs…" for IT."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest

from clerk_app.gui.log_view import LogView
from clerk_app.logs import setup_logging
from tests.helpers.gui import VALID_ID

MASKED = "110105********002X"


@pytest.fixture
def logged(context):
    """The app's own logging into the context's log folder, with a few records."""
    root = logging.getLogger("clerk")
    level = root.level
    setup_logging(context.paths.log_dir)
    logging.getLogger("clerk.sync").warning("push failed for applicant %s: timeout", VALID_ID)
    logging.getLogger("clerk.store").info("case HS-W01-20261130-000001 saved")
    logging.getLogger("clerk.gui").error("receipt not printed, mobile 13800138000")
    # An older rotated file written before masking existed, with a whole ID in it.
    (context.paths.log_dir / "clerk.log.1").write_text(
        f"2026-11-29 08:00:00,000 INFO    clerk.app: started for {VALID_ID}\n", "utf-8"
    )
    yield context
    for handler in list(root.handlers):
        if getattr(handler, "_clerk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _view(qtbot, context) -> LogView:
    view = LogView(context)
    qtbot.addWidget(view)
    view.show()
    return view


def test_the_log_shows_masked_ids_and_filters_by_level_and_area(qtbot, logged):
    view = _view(qtbot, logged)
    text = view.view.toPlainText()
    assert VALID_ID not in text and "13800138000" not in text
    assert f"push failed for applicant {MASKED}" in text
    assert "started for " + MASKED in text  # the old file, masked on screen
    assert text.index("started for") < text.index("push failed")  # oldest first
    assert "138****8000" in text
    assert view.count_label.text() == "4 of 4 records"

    view.level.setCurrentIndex(view.level.findData("WARNING"))
    shown = view.view.toPlainText().splitlines()
    assert len(shown) == 2 and all(("WARNING" in s or "ERROR" in s) for s in shown)
    view.area.setCurrentIndex(view.area.findData("sync"))
    assert (
        view.view.toPlainText().count("\n") == 0 and "sync: push failed" in view.view.toPlainText()
    )
    view.area.setCurrentIndex(0)
    view.level.setCurrentIndex(view.level.findData("DEBUG"))
    view.text_filter.setText("saved")
    assert view.count_label.text() == "1 of 4 records"


def test_export_writes_a_zip_of_the_logs_and_the_self_check_report(qtbot, logged, tmp_path):
    view = _view(qtbot, logged)
    target = tmp_path / "for-it.zip"
    with qtbot.waitSignal(view.exported, timeout=30_000) as signal:
        view.export_to(target)
    assert signal.args == [str(target)]
    assert "send this file to IT" in view.status_label.text()
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        assert {"logs/clerk.log", "logs/clerk.log.1", "self-check.txt", "about.txt"} <= names
        content = {name: archive.read(name).decode("utf-8") for name in names}
    assert all(VALID_ID not in c and "13800138000" not in c for c in content.values())
    assert MASKED in content["logs/clerk.log.1"]
    assert "W01" in content["about.txt"] and str(logged.paths.database) in content["about.txt"]
    assert content["self-check.txt"].strip()


def test_a_full_disk_is_told_as_such(qtbot, logged):
    view = _view(qtbot, logged)
    with qtbot.waitSignal(view.export_failed, timeout=30_000) as signal:
        view.export_to(Path("/dev/full"))  # a real device that is always full
    assert signal.args[0].startswith("The disk is full: the logs were not exported.")
    assert view.status_label.text() == signal.args[0]
    assert view.export_button.isEnabled()


def test_a_folder_that_cannot_be_written_is_told_as_such(qtbot, logged):
    view = _view(qtbot, logged)
    with qtbot.waitSignal(view.export_failed, timeout=30_000) as signal:
        view.export_to(Path("/sys/logs.zip"))  # /sys refuses new files, even to root
    assert signal.args[0].startswith("This folder cannot be written to")
    assert not Path("/sys/logs.zip").exists()
