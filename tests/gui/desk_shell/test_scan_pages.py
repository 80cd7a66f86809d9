"""A material's pages from a file, turned, reordered and dropped by keyboard (issue 22):
F on a row of the checklist opens Qt's own file dialog, a PDF's pages and a JPEG become
thumbnails, R / Shift+R turn a page, Ctrl+Left / Ctrl+Right move it (a drag reorders too),
and the pages go with the case in the order shown. Files that are not pictures, pages over
the limits and the files of an intake abandoned without parking. No scanner needed."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QFileDialog

from clerk_app.app.scans import case_scans, scan_image
from clerk_app.gui.scan_panel import THUMB
from tests.helpers.keyboard import CTRL, applicant, find_item, press, target, to_materials

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _pdf(path: Path, pages: int) -> Path:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    for n in range(pages):
        if n:
            writer.newPage()
        painter.drawText(200, 200, f"page {n + 1}")
    painter.end()
    path.write_bytes(bytes(buffer.data().data()))
    return path


def _jpeg(path: Path, width: int = 60, height: int = 30) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB888)
    image.fill(QColor("navy"))
    image.save(str(path), "JPEG")
    return path


def _noise(path: Path, side: int) -> Path:
    """A PNG that does not compress: about 3 bytes a pixel."""
    image = QImage(os.urandom(side * side * 3), side, side, side * 3, QImage.Format.Format_RGB888)
    image.copy().save(str(path), "PNG")
    return path


def _start(qtbot, window) -> None:
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)


def _open(qtbot, window, path: Path, pages: int) -> None:
    """F, the file's path pasted into the dialog's name field (Ctrl+V), Enter."""
    press(qtbot, window, Qt.Key.Key_F)
    dialog = window.scans.file_dialog
    assert isinstance(dialog, QFileDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert QApplication.activeModalWidget() is dialog
    assert target(window).objectName() == "fileNameEdit"
    QApplication.clipboard().setText(str(path))  # the path pasted into the name field
    press(qtbot, window, Qt.Key.Key_V, CTRL)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.scans.file_dialog is None)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.scans.thumbs.count() == pages, timeout=10_000)
    qtbot.waitUntil(lambda: not window.scans.busy())


def test_pages_from_files_are_turned_reordered_and_taken_in_in_the_order_shown(
    qtbot, desk_window, context, tmp_path
):
    window, scans = desk_window, desk_window.scans
    _start(qtbot, window)
    table = window.intake.materials_table
    first, second = table.rows[0], table.rows[1]

    _open(qtbot, window, _pdf(tmp_path / "household.pdf", 2), 2)  # row 0: two PDF pages
    assert scans.status.text() == f"household.pdf: 2 pages added to {first.name}."
    assert target(window) is window.intake.ui.materialsTable  # back to the checklist
    original = first.original
    press(qtbot, window, Qt.Key.Key_O)  # O stays the checklist's original / copy
    assert table.rows[0].original is not original and scans.file_dialog is None
    press(qtbot, window, Qt.Key.Key_O)
    press(qtbot, window, Qt.Key.Key_Down)
    _open(qtbot, window, _jpeg(tmp_path / "photo.jpg"), 3)  # row 1: a JPEG, kept as JPEG
    assert scans.thumbnail_texts() == [
        f"{first.name} · 1",
        f"{first.name} · 2",
        f"{second.name} · 1",
    ]
    pdf_pages = scans.pages()[:2]
    assert scans.pages()[2].media_type == "image/jpeg"
    # every thumbnail one size whatever the page's shape (a portrait A4, a landscape photo)
    icons = [scans.thumbs.item(i).icon().availableSizes() for i in range(3)]
    assert icons[0] == icons[1] == icons[2] == [THUMB]

    press(qtbot, window, Qt.Key.Key_Tab)  # from the checklist to the pages
    assert target(window) is scans.thumbs
    press(qtbot, window, Qt.Key.Key_End)
    assert scans.thumbs.currentRow() == 2
    press(qtbot, window, Qt.Key.Key_R)  # the JPEG turned clockwise: 30 x 60 now
    turned = QImage.fromData(scan_image(context, scans.pages()[2].path))
    assert (turned.width(), turned.height()) == (30, 60)
    press(qtbot, window, Qt.Key.Key_R, SHIFT)  # and back
    back = QImage.fromData(scan_image(context, scans.pages()[2].path))
    assert (back.width(), back.height()) == (60, 30)

    press(qtbot, window, Qt.Key.Key_Home)
    press(qtbot, window, Qt.Key.Key_Right, CTRL)  # PDF page 1 after PDF page 2
    assert scans.thumbs.currentRow() == 1
    assert [p.id for p in scans.pages()[:2]] == [pdf_pages[1].id, pdf_pages[0].id]
    press(qtbot, window, Qt.Key.Key_Right, CTRL)  # past the JPEG
    assert scans.thumbnail_texts() == [
        f"{first.name} · 1",
        f"{second.name} · 1",
        f"{first.name} · 2",
    ]
    press(qtbot, window, Qt.Key.Key_Left, CTRL)
    # A drag does what the model's row move does: the pages follow the thumbnails.
    model = scans.thumbs.model()
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert scans.pages()[0].media_type == "image/jpeg"
    assert scans.thumbnail_texts()[0] == f"{second.name} · 1"

    press(qtbot, window, Qt.Key.Key_Tab, SHIFT)  # back to the checklist
    assert target(window) is window.intake.ui.materialsTable
    press(qtbot, window, Qt.Key.Key_Home, CTRL)
    for _ in table.rows:
        press(qtbot, window, Qt.Key.Key_Space)
        press(qtbot, window, Qt.Key.Key_Down)
    assert window.intake.ui.acceptButton.isEnabled(), window.intake.ui.missingLabel.text()
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=20_000)
    case_no = window.last_dialog.case_no_label.text()
    press(qtbot, window, Qt.Key.Key_Escape)
    rows = {(r.material_code, r.page): r for r in case_scans(context, case_no)}
    assert rows[(first.code, 1)].id == pdf_pages[1].id  # the order shown, not the order read
    assert rows[(first.code, 2)].id == pdf_pages[0].id
    assert rows[(second.code, 1)].media_type == "image/jpeg"
    assert window.writer.wait_idle(10_000)
    for row in rows.values():  # taken in: their files stay
        assert (context.paths.documents_dir / row.path).exists()


def test_a_bad_file_or_a_page_over_a_limit_is_refused_in_words_and_nothing_kept(
    qtbot, desk_window, context, tmp_path
):
    window, scans = desk_window, desk_window.scans
    _start(qtbot, window)
    (tmp_path / "scan.pdf").write_bytes(b"<html>not a PDF</html>")
    press(qtbot, window, Qt.Key.Key_F)
    dialog = scans.file_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.fileSelected.emit(str(tmp_path / "scan.pdf"))
    dialog.reject()
    qtbot.waitUntil(lambda: not scans.busy())
    assert "scan.pdf is not a picture (PNG, JPEG) or PDF" in scans.status.text()
    assert scans.thumbs.count() == 0

    context.settings.set("scan.max_page_bytes", 100_000)
    scans.add_file(0, _noise(tmp_path / "big.png", 300))  # ~270 KB
    qtbot.waitUntil(lambda: not scans.busy())
    assert "The page is too large (more than 0.1 MB" in scans.status.text()
    context.settings.set("scan.max_page_bytes", 20_000_000)
    context.settings.set("scan.max_case_bytes", 1_000_000)
    scans.add_file(0, _noise(tmp_path / "bigger.png", 600))  # ~1.1 MB
    qtbot.waitUntil(lambda: not scans.busy())
    assert "would pass 1.0 MB, the most one case may hold" in scans.status.text()
    assert scans.thumbs.count() == 0
    assert not list((context.paths.documents_dir / "scans").glob("*.scan"))


def test_the_files_of_an_intake_abandoned_without_parking_are_removed(
    qtbot, desk_window, context, tmp_path
):
    window, scans = desk_window, desk_window.scans
    _start(qtbot, window)
    _open(qtbot, window, _pdf(tmp_path / "a.pdf", 2), 2)
    files = [context.paths.documents_dir / p.path for p in scans.pages()]
    assert all(f.exists() for f in files)
    press(qtbot, window, Qt.Key.Key_S, CTRL)  # parked: the files stay
    qtbot.waitUntil(lambda: scans.thumbs.count() == 0, timeout=10_000)
    assert window.writer.wait_idle(10_000)
    assert all(f.exists() for f in files)

    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window, name="Wang Fang")
    to_materials(qtbot, window)
    _open(qtbot, window, _jpeg(tmp_path / "b.jpg"), 1)
    abandoned = context.paths.documents_dir / scans.pages()[0].path
    window.choose_item(window.current_item)  # the clerk starts over: not parked
    qtbot.waitUntil(lambda: scans.thumbs.count() == 0)
    assert window.writer.wait_idle(10_000)
    assert not abandoned.exists()
    assert all(f.exists() for f in files)  # the parked intake's pages stay
