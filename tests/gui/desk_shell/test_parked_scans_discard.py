"""Discarding a parked intake from the parking list (Ctrl+R, Delete, Y) removes the sealed
files of its scanned pages at once (issue 22); the pages of another parked intake stay.
Pages scanned by the S key from SANE's real ``test`` device; no mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.helpers.keyboard import CTRL, applicant, find_item, press, to_materials
from tests.helpers.sane import sane_test_device  # noqa: F401 - a fixture


def _park_with_a_page(qtbot, window):
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    press(qtbot, window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: window.scans.thumbs.count() == 1, timeout=20_000)
    [page] = window.scans.pages()
    press(qtbot, window, Qt.Key.Key_S, CTRL)  # 暂存
    qtbot.waitUntil(lambda: window.intake.ui.personNameEdit.text() == "", timeout=10_000)
    return page


def _answer_yes(qtbot, asked: list[str]) -> None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    boxes = [b for b in boxes if b.isVisible()]
    if not boxes:
        QTimer.singleShot(50, lambda: _answer_yes(qtbot, asked))
        return
    asked.append(boxes[0].text())
    qtbot.keyClick(boxes[0], Qt.Key.Key_Y)


def test_a_discarded_parked_intake_takes_its_page_files_with_it(
    qtbot,
    desk_window,
    context,
    sane_test_device,  # noqa: F811
):
    window = desk_window
    folder = context.paths.documents_dir
    pages = {p.id: p for p in (_park_with_a_page(qtbot, window) for _ in range(2))}
    assert all((folder / p.path).exists() for p in pages.values())

    press(qtbot, window, Qt.Key.Key_R, CTRL)
    dialog = window.parking.last_dialog
    assert dialog is not None and dialog.table.rowCount() == 2
    # The fake clock parks both at the same second: the list's order decides which goes.
    gone, kept = (pages[p.state["scans"][0]["id"]] for p in dialog.parked)
    asked: list[str] = []
    QTimer.singleShot(100, lambda: _answer_yes(qtbot, asked))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # the first row
    assert asked == ["Discard this parked intake? What was typed is lost."]
    qtbot.waitUntil(lambda: not (folder / gone.path).exists(), timeout=10_000)
    assert (folder / kept.path).exists()  # the other parked intake's page
    assert dialog.table.rowCount() == 1
    press(qtbot, window, Qt.Key.Key_Return)  # resume it: its page comes back
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert [p.id for p in window.scans.pages()] == [kept.id]
