"""Pages of a material from a file, and turning a page (issue 22).

The clerk may take a material's pages from a file instead of the scanner (the applicant's
e-mailed PDF, a photo on a USB stick): :func:`pages_from_file` reads a PNG, a JPEG or a PDF
and gives its pages, each checked before it is kept:

- a PNG or JPEG is kept as it is (``image/png`` / ``image/jpeg``), once Qt has decoded it
  in full (a corrupt picture is refused, not kept half);
- a PDF's pages are rendered with QtPdf at :data:`PDF_DPI` into PNGs, one page each (so
  they can be turned, reordered and dropped like scanned pages);
- a page larger than the limit of pixels is refused before it is decoded (its header says
  its size), and so is a file larger than :data:`MAX_FILE_BYTES`.

A refusal is a :class:`~clerk_app.core.errors.ScannerProblem`: ``bad-file`` (not a picture
or PDF this desk reads, damaged, or unreadable) or ``too-large`` (pixels or bytes); the
panel words it with the file's name. :func:`turn_page` turns a page by a quarter
(the same format back). Qt's image and PDF modules only (no widgets): call these off the GUI
thread with a ``QGuiApplication`` running.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader, QPainter, QTransform

from clerk_app.app.scanner import MAX_PIXELS
from clerk_app.core.errors import ScannerProblem

#: Resolution a PDF page is rendered at (the scanner's: legible, a few hundred KB a page).
PDF_DPI = 150
#: A file larger than this is not read at all.
MAX_FILE_BYTES = 200_000_000
#: The most pages taken from one PDF.
MAX_PDF_PAGES = 200
#: File names the open dialog offers.
FILE_PATTERNS = ("*.png", "*.jpg", "*.jpeg", "*.pdf")

PNG = "image/png"
JPEG = "image/jpeg"
_FORMATS = {b"png": PNG, b"jpeg": JPEG, b"jpg": JPEG}


@dataclass(frozen=True)
class FilePage:
    """One page taken from a file: its bytes, their format and its size in pixels."""

    data: bytes
    media_type: str
    width: int
    height: int


def _too_large(width: int, height: int, max_pixels: int) -> ScannerProblem:
    return ScannerProblem(
        "too-large", f"{width}x{height} pixels ({width * height / 1e6:.0f} MP > {max_pixels})"
    )


def pages_from_file(path: Path, *, max_pixels: int = MAX_PIXELS) -> list[FilePage]:
    """The pages of a PNG, JPEG or PDF file.

    Raises:
        ScannerProblem: ``bad-file`` or ``too-large`` (see the module's docstring).
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScannerProblem("too-large", f"a file of {size} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise ScannerProblem("bad-file", f"{path.name}: {exc}") from exc
    if data.startswith(b"%PDF-"):
        return _pdf_pages(data, max_pixels)
    if path.suffix.lower() == ".pdf":
        raise ScannerProblem("bad-file", f"{path.name} is not a PDF (it does not start %PDF-)")
    return [_picture(data, max_pixels, path.name)]


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(False)
    reader.setAllocationLimit(0)  # the pixel limit below decides, not Qt's 256 MB
    return reader, buffer


def _picture(data: bytes, max_pixels: int, name: str) -> FilePage:
    reader, _buffer = _reader(data)
    media_type = _FORMATS.get(bytes(reader.format().data()).lower())
    if media_type is None:
        raise ScannerProblem("bad-file", f"{name} is not a PNG, JPEG or PDF file")
    dims = reader.size()
    if dims.isValid() and dims.width() * dims.height() > max_pixels:
        raise _too_large(dims.width(), dims.height(), max_pixels)
    if media_type == PNG and len(data) >= 24 and data[12:16] == b"IHDR":  # as its header says
        width, height = struct.unpack(">II", data[16:24])
        if width * height > max_pixels:
            raise _too_large(width, height, max_pixels)
    image = reader.read()
    if image.isNull():
        raise ScannerProblem("bad-file", f"{name}: {reader.errorString()}")
    if image.width() * image.height() > max_pixels:
        raise _too_large(image.width(), image.height(), max_pixels)
    return FilePage(data, media_type, image.width(), image.height())


def _pdf_pages(data: bytes, max_pixels: int) -> list[FilePage]:
    from PySide6.QtPdf import QPdfDocument  # only when a PDF is opened

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise ScannerProblem("bad-file", f"not a readable PDF ({document.error().name})")
    if document.pageCount() > MAX_PDF_PAGES:
        raise ScannerProblem("too-large", f"{document.pageCount()} pages")
    pages = []
    for index in range(document.pageCount()):
        points = document.pagePointSize(index)
        width = max(1, round(points.width() * PDF_DPI / 72))
        height = max(1, round(points.height() * PDF_DPI / 72))
        if width * height > max_pixels:
            raise _too_large(width, height, max_pixels)
        image = document.render(index, QSize(width, height))
        if image.isNull():
            raise ScannerProblem("bad-file", f"page {index + 1} of the PDF cannot be drawn")
        flat = QImage(image.size(), QImage.Format.Format_RGB888)
        flat.fill(0xFFFFFF)  # a PDF page has no background of its own: white paper
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        pages.append(FilePage(encode(flat, PNG), PNG, width, height))
    document.close()
    return pages


def compact_scan(png: bytes) -> tuple[bytes, str]:
    """A scanned page as the smaller of its PNG and a JPEG, with its media type: a scan of
    paper or a photo of it is a fraction of its PNG as a JPEG (what travels over a
    sub-center's weak link), a page of flat colour may stay a PNG. The JPEG is taken only
    when it saves at least a quarter."""
    image = QImage.fromData(png)
    if image.isNull():
        return png, PNG
    jpeg = encode(image, JPEG)
    return (jpeg, JPEG) if len(jpeg) * 4 <= len(png) * 3 else (png, PNG)


def encode(image: QImage, media_type: str) -> bytes:
    """``image`` as PNG or JPEG bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # Qt reads a PNG's "quality" as how little to compress: -1 is zlib's default level.
    quality = 92 if media_type == JPEG else -1
    if not image.save(buffer, "JPEG" if media_type == JPEG else "PNG", quality):  # type: ignore[call-overload]
        raise ScannerProblem("bad-image", "the picture could not be encoded")
    return bytes(buffer.data().data())


def turn_page(data: bytes, media_type: str, *, clockwise: bool = True) -> bytes:
    """The page turned a quarter (clockwise or not), in its own format.

    Raises:
        ScannerProblem: ``bad-image``: the page is not a picture Qt reads.
    """
    image = QImage.fromData(data)
    if image.isNull():
        raise ScannerProblem("bad-image", "the page is not a picture")
    turned = image.transformed(QTransform().rotate(90 if clockwise else -90))
    return encode(turned, media_type)


def picture_size(data: bytes) -> tuple[int, int]:
    """Width and height of a page's picture (0, 0: not a picture)."""
    reader, _buffer = _reader(data)
    dims = reader.size()
    return (dims.width(), dims.height()) if dims.isValid() else (0, 0)
