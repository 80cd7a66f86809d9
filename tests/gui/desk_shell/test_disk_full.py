"""A real full disk while accepting a case: the clerk is told what happened and what to do,
nothing typed is lost, and after freeing space the same intake is accepted once.

The local database lives on a small tmpfs mounted for the test (root only; skipped where
mounting is not allowed)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk_app.app.context import build_context, demo_provisioning
from tests.helpers.desk_shell import DEMO_PROVISIONING, NOWHERE, make_paths, open_window
from tests.helpers.keyboard import CTRL, applicant, find_item, mark, press, to_materials


@pytest.fixture
def small_disk(tmp_path) -> Path:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    """Write a file until the disk is full; return it (delete it to free the space)."""
    filler = folder / "filler.bin"
    with filler.open("wb") as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()
            os.fsync(fh.fileno())
    return filler


def _error_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            return widget
    return None


def test_a_full_disk_says_so_keeps_the_intake_and_saves_it_once_later(
    qtbot, tmp_path, small_disk, clock
):
    paths = make_paths(tmp_path)
    paths = type(paths)(
        data_dir=small_disk / "data",
        config_dir=paths.config_dir,
        log_dir=paths.log_dir,
        documents_dir=paths.documents_dir,
    )
    context = build_context(demo_provisioning(DEMO_PROVISIONING, NOWHERE), paths, clock=clock)
    try:
        window = open_window(qtbot, context)
        find_item(qtbot, window, "DEMO-GA-008")  # 无犯罪记录证明开具: promised, no fee
        applicant(qtbot, window, name="Wang Fang")
        to_materials(qtbot, window)
        mark(qtbot, window, "rrr")
        assert window.intake.ui.acceptButton.isEnabled(), window.intake.ui.missingLabel.text()

        filler = _fill(small_disk)
        press(qtbot, window, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: _error_box() is not None, timeout=20_000)
        box = _error_box()
        assert box.text().startswith("The disk is full. Nothing was saved.")
        assert "Free some disk space" in box.text()
        assert window.last_dialog is None
        assert window.intake.ui.personNameEdit.text() == "Wang Fang"  # nothing typed is lost
        assert context.backend.store.db.query_one("SELECT COUNT(*) FROM cases")[0] == 0
        box.close()

        filler.unlink()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        press(qtbot, window, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=20_000)
        assert context.backend.store.db.query_one("SELECT COUNT(*) FROM cases")[0] == 1
        window.last_dialog.close()
        window.close()
    finally:
        context.close()
