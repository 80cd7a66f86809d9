"""A scanned material kept as a PDF is drawn in the case detail's page viewer (issue 22),
page by page: Enter on the page opens it on the PDF's first page, Page Down / Page Up turn
the pages, Esc closes it. The PDF is a real one (written by Qt), sealed on the desk like any
scanned page; a file that only claims to be a PDF says it cannot be read."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QPageSize, QPainter, QPdfWriter

from clerk_app.app.scans import attach_scans, keep_scan
from tests.helpers.case_detail import open_detail
from tests.helpers.store import add_case, make_payload
from tests.helpers.worklist import desk_context

PDF = "application/pdf"


def _pdf() -> bytes:
    """Two A4 pages: the first black on its left half, the second on its right half."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    width, height = painter.viewport().width(), painter.viewport().height()
    painter.fillRect(QRect(0, 0, width // 2, height), QColor("black"))
    writer.newPage()
    painter.fillRect(QRect(width // 2, 0, width - width // 2, height), QColor("black"))
    painter.end()
    buffer.close()
    return bytes(data.data())


def _dark(viewer, x_share: float) -> bool:
    image = viewer.picture.pixmap().toImage()
    color = image.pixelColor(int(image.width() * x_share), image.height() // 2)
    return color.lightness() < 60


def _case_with(store, clock, tmp_path, files: list[bytes]):
    payload = make_payload(1, item_code="DEMO-GA-006")
    add_case(store, payload)
    context = desk_context(store, clock, tmp_path)
    material = payload["materials"][0]["code"]
    kept = [keep_scan(context, material, data, media_type=PDF) for data in files]
    assert attach_scans(context, payload["case_no"], kept) == len(files)
    return payload, context


def test_a_pdf_page_is_drawn_and_its_pages_turn_by_keyboard(
    qtbot, store, clock, writer, tmp_path
) -> None:
    payload, context = _case_with(store, clock, tmp_path, [_pdf(), b"%PDF-1.4 not really"])
    detail = open_detail(qtbot, context, payload["case_no"], writer)
    pages = detail.materials.list
    qtbot.waitUntil(lambda: detail.materials.thumbnails_ready, timeout=15_000)
    assert not pages.item(0).icon().isNull()  # the PDF's first page, small
    assert "the file cannot be read" in pages.item(1).text()
    pages.setFocus()
    pages.setCurrentRow(0)
    qtbot.keyClick(pages, Qt.Key.Key_Return)
    viewer = detail.materials.viewer
    assert viewer.isVisible() and viewer.page_count() == 2
    assert viewer.page_label.text() == "page 1 of 2"
    assert _dark(viewer, 0.25) and not _dark(viewer, 0.75)  # the first page, drawn
    assert not viewer.previous_button.isEnabled() and viewer.next_button.isEnabled()

    qtbot.keyClick(viewer.area, Qt.Key.Key_PageDown)
    assert viewer.page_label.text() == "page 2 of 2"
    assert not _dark(viewer, 0.25) and _dark(viewer, 0.75)
    qtbot.keyClick(viewer.area, Qt.Key.Key_PageDown)  # no third page: stays
    assert viewer.pdf_page == 1
    qtbot.keyClick(viewer.area, Qt.Key.Key_PageUp)
    qtbot.keyClick(viewer, Qt.Key.Key_PageUp)  # from the buttons too: stays on the first
    assert viewer.page_label.text() == "page 1 of 2" and _dark(viewer, 0.25)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()

    # A file that only says it is a PDF: said, no page buttons.
    pages.setCurrentRow(1)
    qtbot.keyClick(pages, Qt.Key.Key_Return)
    broken = detail.materials.viewer
    assert broken is not viewer and broken.isVisible()
    assert broken.picture.text() == "The PDF file cannot be read."
    assert not broken.next_button.isVisible()
    qtbot.keyClick(broken, Qt.Key.Key_Escape)
    detail.close()
