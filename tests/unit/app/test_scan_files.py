"""Pages from a file (PNG, JPEG, PDF rendered with QtPdf) and turning a page
(app.scan_files), the document camera's adapter where there is no camera (app.scanner),
and the sealed files of an abandoned intake removed (app.scans) on a real SQLite file."""

from __future__ import annotations

import os
import random
import threading
import zlib

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QSizeF
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtMultimedia import QCameraDevice

from clerk_app.app.parking import park
from clerk_app.app.scan_files import (
    JPEG,
    PNG,
    compact_scan,
    encode,
    pages_from_file,
    turn_page,
)
from clerk_app.app.scanner import PNG_MAGIC, CameraScanner, default_scanner
from clerk_app.app.scans import (
    attach_scans,
    keep_scan,
    release_scans,
    replace_scan,
    scan_image,
    sweep_scans,
)
from clerk_app.app.take_in import take_in_case
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import FixedClock
from clerk_app.core.errors import ScannerProblem
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.store import T0, open_store
from tests.helpers.workload import demo_item, draft_for

pytestmark = pytest.mark.usefixtures("qapp")


def picture(width: int = 40, height: int = 20, media_type: str = PNG) -> bytes:
    """A picture whose top-left quarter is red and the rest white."""
    image = QImage(width, height, QImage.Format.Format_RGB888)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 2, height // 2, QColor("red"))
    painter.end()
    return encode(image, media_type)


def pdf(pages: int = 2, size: QSizeF | None = None) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    if size is None:
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    else:
        writer.setPageSize(QPageSize(size, QPageSize.Unit.Point))
    writer.setResolution(72)
    painter = QPainter(writer)
    for n in range(pages):
        if n:
            writer.newPage()
        painter.drawText(100, 100, f"page {n + 1}")
    painter.end()
    return bytes(buffer.data().data())


def test_a_png_and_a_jpeg_are_kept_as_they_are(tmp_path):
    png, jpeg = picture(), picture(media_type=JPEG)
    (tmp_path / "a.png").write_bytes(png)
    (tmp_path / "b.JPG").write_bytes(jpeg)
    [page] = pages_from_file(tmp_path / "a.png")
    assert page.data == png and page.media_type == PNG and (page.width, page.height) == (40, 20)
    [page] = pages_from_file(tmp_path / "b.JPG")
    assert page.data == jpeg and page.media_type == JPEG


def test_a_pdf_gives_one_png_page_per_page_rendered_at_150_dpi(tmp_path):
    (tmp_path / "form.pdf").write_bytes(pdf(pages=3))
    pages = pages_from_file(tmp_path / "form.pdf")
    assert len(pages) == 3
    for page in pages:
        assert page.data.startswith(PNG_MAGIC) and page.media_type == PNG
        assert (page.width, page.height) == (1240, 1754)  # A4 at 150 dpi
    image = QImage.fromData(pages[0].data)
    assert image.pixelColor(5, 5).name() == "#ffffff"  # white paper, not transparent black


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("scan.png", None, "scan.png"),  # a picture cut short: corrupt
        ("letter.pdf", b"Dear Sir, this is not a PDF", "not a PDF"),
        ("broken.pdf", b"%PDF-1.7\nnothing that a PDF needs", "not a readable PDF"),
        ("notes.png", b"just some text, not a picture", "not a PNG, JPEG or PDF"),
    ],
)
def test_a_corrupt_picture_or_a_pdf_that_is_not_one_is_refused(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(picture()[:60] if content is None else content)
    with pytest.raises(ScannerProblem) as caught:
        pages_from_file(tmp_path / name)
    assert caught.value.reason == "bad-file"
    assert words in caught.value.detail


def test_a_page_of_100_megapixels_is_refused_before_it_is_decoded(tmp_path):
    ihdr = b"IHDR" + (10_000).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00"
    chunk = b"\x00\x00\x00\x0d" + ihdr + zlib.crc32(ihdr).to_bytes(4, "big")
    (tmp_path / "huge.png").write_bytes(PNG_MAGIC + chunk + b"\0" * 64)  # no pixels at all
    with pytest.raises(ScannerProblem) as caught:
        pages_from_file(tmp_path / "huge.png")
    assert caught.value.reason == "too-large" and "100 MP" in caught.value.detail
    (tmp_path / "poster.pdf").write_bytes(pdf(pages=1, size=QSizeF(5000, 5000)))  # ~70 in.
    with pytest.raises(ScannerProblem) as caught:
        pages_from_file(tmp_path / "poster.pdf")
    assert caught.value.reason == "too-large"
    with pytest.raises(ScannerProblem) as caught:
        pages_from_file(tmp_path / "missing.png")
    assert caught.value.reason == "bad-file"


@pytest.mark.parametrize("media_type", [PNG, JPEG])
def test_a_page_turns_a_quarter_each_way_in_its_own_format(media_type):
    page = picture(media_type=media_type)
    right = QImage.fromData(turn_page(page, media_type, clockwise=True))
    assert (right.width(), right.height()) == (20, 40)
    assert right.pixelColor(15, 5).red() > 200 and right.pixelColor(2, 35).green() > 200
    left = QImage.fromData(turn_page(page, media_type, clockwise=False))
    assert left.pixelColor(5, 35).red() > 200 and left.pixelColor(15, 5).green() > 200
    magic = PNG_MAGIC if media_type == PNG else b"\xff\xd8"
    assert turn_page(page, media_type).startswith(magic)
    with pytest.raises(ScannerProblem):
        turn_page(b"not a picture", media_type)


# -- the document camera ----------------------------------------------------------------------


# QtMultimedia's FFmpeg backend says which video acceleration libraries it did not find.
@pytest.mark.qt_log_ignore("Couldn't (load|resolve) ", "Using Qt multimedia")
def test_the_camera_adapter_without_a_camera_says_no_scanner():
    """This machine has no camera and QtMultimedia offers no virtual one: only the paths
    without a camera run here (the capture of a real still needs the hardware)."""
    scanner = CameraScanner(timeout=5)
    if scanner.devices():
        pytest.skip("this machine has a camera: the no-camera paths are not what it has")
    assert isinstance(default_scanner("camera"), CameraScanner)
    with pytest.raises(ScannerProblem) as caught:
        scanner.scan("/dev/video0")
    assert caught.value.reason == "no-scanner"
    with pytest.raises(ScannerProblem) as caught:  # QCamera of no device: said at once
        scanner.capture(QCameraDevice(), resolution=150, mode="color", cancel=threading.Event())
    assert caught.value.reason == "no-scanner"
    with pytest.raises(ValueError):
        scanner.scan("x", mode="sepia")


# -- the sealed files of an abandoned intake ---------------------------------------------------


@pytest.fixture
def context(tmp_path):
    store = open_store(tmp_path / "clerk.db", FixedClock(T0))
    context = window_context(store, store.clock, tmp_path)
    context.calendar = WorkCalendar.builtin()
    yield context
    store.db.close()


def test_only_the_pages_nothing_keeps_are_removed(context):
    _, item = demo_item()
    code = item.materials[0].code
    taken_page, parked_page, abandoned = (keep_scan(context, code, picture()) for _ in range(3))
    taken = take_in_case(context, clerk_session(), draft_for(item, 3), item, catalog_version="v1")
    attach_scans(context, taken.case_no, [taken_page])
    park(
        context,
        clerk="demo-clerk",
        item_code=item.code,
        state={"scans": [{"id": parked_page.id, "path": parked_page.path}]},
    )
    folder = context.paths.documents_dir
    assert release_scans(context, [taken_page, parked_page, abandoned]) == 1
    assert not (folder / abandoned.path).exists()
    assert (folder / taken_page.path).exists() and (folder / parked_page.path).exists()

    left = keep_scan(context, code, picture())  # the desk closed with it in the form
    (folder / "scans" / "unrelated.txt").write_text("not a page")
    start = (folder / left.path).stat().st_mtime + 1
    new = keep_scan(context, code, picture())  # scanned since the start: the form's
    os.utime(folder / new.path, (start + 5, start + 5))
    assert sweep_scans(context, before=start) == 1
    assert (folder / new.path).exists()
    assert not (folder / left.path).exists()
    assert (folder / taken_page.path).exists() and (folder / parked_page.path).exists()
    assert (folder / "scans" / "unrelated.txt").exists()


def test_a_turned_page_is_sealed_again_under_its_id(context):
    kept = keep_scan(context, "M1", picture(media_type=JPEG), media_type=JPEG)
    turned = turn_page(scan_image(context, kept.path), kept.media_type)
    again = replace_scan(context, kept, turned)
    assert again.id == kept.id and again.path == kept.path and again.media_type == JPEG
    assert again.size == len(turned) and again.sha256 != kept.sha256
    assert scan_image(context, kept.path) == turned


def test_a_scan_of_paper_is_kept_as_a_jpeg_and_a_flat_page_stays_a_png() -> None:
    # A page like a photographed form: shades and grain everywhere (PNG compresses it badly).
    width, height = 600, 800
    grain = random.Random(7).randbytes(width * height)
    pixels = bytes(
        170 + (x + y) % 50 + grain[y * width + x] % 24 for y in range(height) for x in range(width)
    )
    photo = QImage(pixels, width, height, width, QImage.Format.Format_Grayscale8).copy()
    png = encode(photo, PNG)
    data, media_type = compact_scan(png)
    assert media_type == JPEG and data[:3] == b"\xff\xd8\xff"
    assert len(data) * 4 <= len(png) * 3  # at least a quarter smaller
    assert QImage.fromData(data).size() == photo.size()  # the same page, readable
    # A page of flat colour is small as a PNG already: it stays one, byte for byte.
    flat = picture(600, 800)
    assert compact_scan(flat) == (flat, PNG)
    # Bytes Qt cannot read are handed back as they are (the panel refuses them later).
    assert compact_scan(b"not a picture") == (b"not a picture", PNG)
