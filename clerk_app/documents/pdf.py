"""Writing an HTML notice to a PDF file: QTextDocument laid out on a QPdfWriter.

Needs a QGuiApplication (fonts and layout go through it); never QtWidgets. The PDF embeds
a CJK font with a text map, so its Chinese text can be searched, copied and archived.
The file is written atomically: a failed write leaves the old file, or none, never half a PDF.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextDocument,
)

from clerk_app.documents.fonts import document_font, pick_cjk_family
from clerk_app.documents.textmap import glyph_aliases, repair_text_map

log = logging.getLogger("clerk.print")

#: Output resolution. Text is vector output at any resolution; 300 dpi keeps layout
#: rounding (table borders, image placement) below a tenth of a millimetre.
RESOLUTION_DPI = 300


@dataclass(frozen=True)
class PageFormat:
    """A paper format and its margins in millimetres."""

    size: QPageSize.PageSizeId | tuple[float, float]
    margins_mm: tuple[float, float, float, float]  # left, top, right, bottom
    base_point_size: float
    #: A roll (receipt printer): one page as long as the content, at least ``size``'s height.
    roll: bool = False

    def page_layout(self, height_mm: float | None = None) -> QPageLayout:
        if isinstance(self.size, tuple):
            width, height = self.size
            size = QPageSize(
                QSizeF(width, max(height, height_mm or 0.0)),
                QPageSize.Unit.Millimeter,
                "",
                QPageSize.SizeMatchPolicy.ExactMatch,
            )
        else:
            size = QPageSize(self.size)
        return QPageLayout(
            size,
            QPageLayout.Orientation.Portrait,
            QMarginsF(*self.margins_mm),
            QPageLayout.Unit.Millimeter,
        )


#: Formats by name: A4 for the formal notices, an 80 mm roll for the receipt slip (72 mm
#: printable on a thermal printer; the page is as long as its content).
PAGE_FORMATS: dict[str, PageFormat] = {
    "A4": PageFormat(QPageSize.PageSizeId.A4, (20.0, 20.0, 20.0, 20.0), 12.0),
    "roll80": PageFormat((80.0, 100.0), (4.0, 4.0, 4.0, 6.0), 9.0, roll=True),
}


class DocumentWriteError(OSError):
    """The PDF could not be saved; the message says why in Chinese and English.

    ``errno`` and ``filename`` are those of the underlying OSError.
    """

    def __str__(self) -> str:
        return str(self.strerror)


def write_pdf(
    html: str,
    path: Path | str,
    *,
    resources: Mapping[str, QImage] | None = None,
    page: str = "A4",
    title: str = "",
    font_family: str | None = None,
) -> Path:
    """Lay out ``html`` on ``page`` paper and save it as a PDF at ``path``.

    Args:
        html: the notice (Qt's rich-text HTML subset).
        path: the PDF file to write; its folder must exist.
        resources: images the HTML refers to by name (``<img src="name">``).
        page: a key of ``PAGE_FORMATS``.
        title: the PDF's title (document properties).
        font_family: the CJK family to use; default ``pick_cjk_family()``.

    Returns:
        The path written.

    Raises:
        NoCjkFontError: no installed font can show Chinese.
        DocumentWriteError: the file could not be saved (disk full, no permission, …).
        RuntimeError: no QGuiApplication exists.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("clerk_app.documents needs a QGuiApplication (or QApplication)")
    fmt = PAGE_FORMATS.get(page)
    if fmt is None:
        raise ValueError(f"unknown page format {page!r}; known: {sorted(PAGE_FORMATS)}")
    family = font_family or pick_cjk_family()
    data = _render(html, fmt, resources or {}, title, family)
    target = Path(path)
    _atomic_write(target, data)
    log.info("wrote %s (%d bytes, %s, font %s)", target.name, len(data), page, family)
    return target


def pdf_bytes(
    html: str,
    *,
    resources: Mapping[str, QImage] | None = None,
    page: str = "A4",
    title: str = "",
    font_family: str | None = None,
) -> bytes:
    """Lay out ``html`` on ``page`` paper and give the PDF as bytes (nothing written).

    For a caller that keeps the PDF elsewhere than in a plain file (the desk seals its
    documents, ``clerk_app.store.file_cipher``). Raises as :func:`write_pdf` does, less the
    file errors.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("clerk_app.documents needs a QGuiApplication (or QApplication)")
    fmt = PAGE_FORMATS.get(page)
    if fmt is None:
        raise ValueError(f"unknown page format {page!r}; known: {sorted(PAGE_FORMATS)}")
    return _render(html, fmt, resources or {}, title, font_family or pick_cjk_family())


def write_error(target: Path, exc: OSError) -> DocumentWriteError:
    """The clerk's message (Chinese and English) for a document file that was not saved."""
    return _write_error(target, exc)


def _render(
    html: str, fmt: PageFormat, resources: Mapping[str, QImage], title: str, family: str
) -> bytes:
    """The PDF bytes, text map repaired (see ``textmap``)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    writer.setCreator("Window Clerk")
    try:
        doc = paint_document(html, writer, fmt, resources, family)
    finally:
        buffer.close()
    raw = QRawFont.fromFont(doc.defaultFont())
    canonical = glyph_aliases(doc.toPlainText(), lambda s: tuple(raw.glyphIndexesForString(s)))
    return repair_text_map(bytes(array.data()), canonical)


def paint_document(
    html: str,
    device: QPagedPaintDevice,
    fmt: PageFormat,
    resources: Mapping[str, QImage],
    family: str,
) -> QTextDocument:
    """Lay ``html`` out on ``fmt`` paper and paint it page by page on ``device``.

    ``device`` is a QPdfWriter or a QPrinter (both QPagedPaintDevice); its page layout is
    set here. A roll format gets one page as long as the content.

    Returns:
        The laid-out QTextDocument (its text feeds the PDF text map).

    Raises:
        PaintError: the device refused to start or finish painting (e.g. a print queue
            that refuses the job).
    """
    dpi = device.logicalDpiY()
    device.setPageLayout(fmt.page_layout())
    doc = QTextDocument()
    font = document_font(family, fmt.base_point_size)
    doc.setDefaultFont(font)
    for name, image in resources.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    body = device.pageLayout().paintRectPixels(dpi)
    if fmt.roll:
        doc.setTextWidth(body.width())
        doc.setHtml(html)
        content_mm = doc.size().height() / dpi * 25.4
        top, bottom = fmt.margins_mm[1], fmt.margins_mm[3]
        device.setPageLayout(fmt.page_layout(content_mm + top + bottom + 1.0))
        body = device.pageLayout().paintRectPixels(dpi)
    doc.setPageSize(QSizeF(body.width(), body.height()))
    doc.setHtml(html)

    painter = QPainter()
    if not painter.begin(device):
        raise PaintError("the paint device refused to start (printer or file not ready)")
    try:
        height = float(body.height())
        for index in range(doc.pageCount()):
            if index:
                device.newPage()
            painter.save()
            painter.translate(0, -index * height)
            # A line that starts exactly at the page break belongs to the next page: keep
            # its glyphs (invisible, but extractable) off this one.
            doc.drawContents(painter, QRectF(0, index * height, body.width(), height - 1))
            painter.restore()
    finally:
        finished = painter.end()
    if not finished:
        raise PaintError("the paint device did not accept the finished pages")
    return doc


class PaintError(RuntimeError):
    """A paint device (printer) refused the document."""


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (``DocumentWriteError`` says why not)."""
    _atomic_write(target, data)


def _atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to a temp file next to ``target``, fsync it, then rename over."""
    folder = target.parent
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise _write_error(target, exc) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _write_error(target: Path, exc: OSError) -> DocumentWriteError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        message = (
            f"磁盘空间已满，文书未能保存：{target}。请清理磁盘后重新打印。 / "
            f"The disk is full; the document was not saved: {target}. Free some space "
            "and print again."
        )
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        message = (
            f"没有写入权限，文书未能保存：{target}。 / "
            f"No permission to write the document: {target}."
        )
    else:
        message = (
            f"文书未能保存：{target}（{exc.strerror or exc}）。 / "
            f"The document could not be saved: {target} ({exc.strerror or exc})."
        )
    error = DocumentWriteError(exc.errno, message)
    error.filename = str(target)
    return error
