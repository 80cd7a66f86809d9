"""Scanning through SANE (app.scanner) with SANE's real ``test`` backend, and the pages kept
encrypted with the case (app.scans) on a real SQLite file."""

from __future__ import annotations

import threading

import pytest

from clerk_app.app.scanner import PNG_MAGIC, SaneScanner, _reason_of, png_size
from clerk_app.app.scans import attach_scans, case_scans, keep_scan, scan_image
from clerk_app.app.take_in import take_in_case
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import FixedClock
from clerk_app.core.errors import ScannerProblem
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.sane import sane_test_device  # noqa: F401 - a fixture
from tests.helpers.store import T0, open_store
from tests.helpers.workload import demo_item, draft_for

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "clerk.db", FixedClock(T0))
    yield s
    s.db.close()


@pytest.fixture
def context(store, tmp_path):
    context = window_context(store, store.clock, tmp_path)
    context.calendar = WorkCalendar.builtin()
    return context


def test_the_sane_test_device_is_listed_and_scans_a_colour_page(sane_test_device):  # noqa: F811
    scanner = SaneScanner()
    names = [d.name for d in scanner.devices()]
    assert sane_test_device in names
    page = scanner.scan(sane_test_device, resolution=75, mode="color")
    assert page.png.startswith(PNG_MAGIC)
    assert (page.width, page.height) == png_size(page.png)
    # The test device's flatbed is A4-ish: about 8.3 x 11.7 inches at 75 dpi.
    assert 150 < page.width < 700 and 200 < page.height < 900
    gray = scanner.scan(sane_test_device, resolution=50, mode="gray")
    assert gray.width < page.width


def test_no_such_scanner_busy_words_and_cancel_are_reasons_not_crashes(sane_test_device):  # noqa: F811
    scanner = SaneScanner()
    with pytest.raises(ScannerProblem) as missing:
        scanner.scan("nosuchbackend:0", resolution=75)
    assert missing.value.reason == "no-scanner"
    stop = threading.Event()
    stop.set()
    with pytest.raises(ScannerProblem) as cancelled:
        scanner.scan(sane_test_device, resolution=75, cancel=stop)
    assert cancelled.value.reason == "cancelled"
    with pytest.raises(ScannerProblem) as no_sane:
        SaneScanner(command="/nonexistent/scanimage").devices()
    assert no_sane.value.reason == "no-scanner"
    with pytest.raises(ScannerProblem) as bad:
        png_size(b"%PDF-1.7 not a picture")
    assert bad.value.reason == "bad-image"


def test_a_scanned_page_is_encrypted_on_disk_and_the_case_carries_it(
    context,
    store,
    sane_test_device,  # noqa: F811
):
    _, item = demo_item()
    code = item.materials[0].code
    page = SaneScanner().scan(sane_test_device, resolution=75)
    kept = [keep_scan(context, code, page.png), keep_scan(context, code, page.png)]

    on_disk = (context.paths.documents_dir / kept[0].path).read_bytes()
    assert not on_disk.startswith(PNG_MAGIC) and PNG_MAGIC not in on_disk
    assert on_disk.startswith(b"WCDOC")
    assert scan_image(context, kept[0].path) == page.png  # decrypted in memory only

    taken = take_in_case(context, clerk_session(), draft_for(item, 3), item, catalog_version="v1")
    assert attach_scans(context, taken.case_no, kept) == 2
    assert attach_scans(context, taken.case_no, kept) == 0  # kept once, whatever is retried
    rows = case_scans(context, taken.case_no)
    assert [(r.material_code, r.page) for r in rows] == [(code, 1), (code, 2)]
    assert rows[0].sha256 == kept[0].sha256 and rows[0].size == len(page.png)
    assert scan_image(context, rows[1].path) == page.png


def test_a_page_of_100_megapixels_is_refused_and_scanimage_words_map_to_reasons():
    header = PNG_MAGIC + b"\x00\x00\x00\x0dIHDR" + (10_000).to_bytes(4, "big") * 2
    with pytest.raises(ScannerProblem) as huge:
        png_size(header + b"\x08\x02\x00\x00\x00")
    assert huge.value.reason == "bad-image" and "10000x10000" in huge.value.detail
    # scanimage's own words (sane-backends 1.2) for a device another program holds.
    assert (
        _reason_of("scanimage: open of device genesys:libusb:001:004 failed: Device busy") == "busy"
    )
    assert _reason_of("scanimage: no SANE devices found") == "no-scanner"
    assert _reason_of("scanimage: open of device x:0 failed: Invalid argument") == "no-scanner"
    assert _reason_of("scanimage: sane_start: Error during device I/O") == "failed"
