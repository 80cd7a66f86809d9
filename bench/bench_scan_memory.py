"""Desk memory while scanning 50 pages (issue 22, not in CI): ``python -m
bench.bench_scan_memory``.

Each figure is a ratio to a bare PySide6 app (``QApplication`` + a shown ``QWidget``,
offscreen) measured in the same run, each in a fresh child process (the same window with
one Chinese label, which loads the CJK fonts any Chinese UI does, is printed beside it):

- *desk, no pages*: the real main window (``gui.main_window.MainWindow``, the demo catalog,
  a throwaway ``CLERK_HOME``-like folder, no service) with the intake of DEMO-GA-001 open;
- *peak* (``VmHWM``) and *final* (``VmRSS``) while its scan panel (``gui.scan_panel
  .ScanPanel``) scans ``--pages`` pages (A4 at 150 dpi, colour) into that one intake, one
  after the other through :meth:`ScanPanel.scan_row` (what the S key calls), RSS sampled
  after every page; *per page*: the growth from page 10 to the last, per page;
- *after*: the RSS once the intake is **cleared** (the same item chosen again: the pages
  abandoned, their files released on the writer) or **taken in** (applicant filled in,
  every material received, :meth:`MainWindow.accept_case`, its confirmation closed; the
  take-in also renders the receipt PDF and loads QtPdf), then once more after
  ``gc.collect()`` + glibc's ``malloc_trim(0)`` (memory freed but kept by the allocator
  comes back then);
- the sealed files' size on disk (``documents/scans``) against the PNGs' own size.

Pages come from SANE's ``test`` backend through the real ``SaneScanner`` (``scanimage``, a
subprocess per page), configured in a folder of the bench's own (the recipe of
tests/helpers/sane.py, with an A4 scan area and the colour test pattern instead of the
default 80 x 100 mm solid black). Without ``scanimage``, or with ``--from-file``, the
child takes the pages from an A4 PNG file instead (``ScanPanel.add_file``, the F key's
path) and says so.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_CATALOG = ROOT / "resources" / "catalog" / "demo_catalog.json"
DEMO_PROVISIONING = ROOT / "resources" / "provisioning" / "demo-W01.toml"
ITEM = "DEMO-GA-001"
PAGES = 50
#: SANE's test backend: an A4 page (210 x 297 mm) of its colour pattern.
SANE_OVERRIDES = {
    "geometry_max": "300.0",
    "br_x": "210.0",
    "br_y": "297.0",
    "test-picture": '"Color pattern"',
}


def sane_config(folder: Path) -> Path:
    """A SANE configuration folder that loads only the ``test`` backend (tests/helpers/
    sane.py's recipe), its scan area A4."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    system = Path("/etc/sane.d/test.conf")
    lines = system.read_text().splitlines() if system.exists() else []
    seen: set[str] = set()
    out = []
    for line in lines:
        key = line.split(" ", 1)[0]
        if key in SANE_OVERRIDES:
            line = f"{key} {SANE_OVERRIDES[key]}"
            seen.add(key)
        out.append(line)
    out += [f"{k} {v}" for k, v in SANE_OVERRIDES.items() if k not in seen]
    (folder / "test.conf").write_text("\n".join(out) + "\n")
    return folder


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _heap_kib() -> int:
    """The C heap in use (glibc ``mallinfo2``: ``uordblks`` + ``hblkhd``), in KiB: what is
    still allocated, whatever the allocator keeps of what was freed."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [
            (name, ctypes.c_size_t)
            for name in (
                "arena", "ordblks", "smblks", "hblks", "hblkhd",
                "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
            )
        ]  # fmt: skip

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
        info = libc.mallinfo2()
    except (OSError, AttributeError):
        return 0
    return (info.uordblks + info.hblkhd) // 1024


def _trim() -> None:
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _settle(app: object, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def _wait(app: object, done: object, timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while not done():  # type: ignore[operator]
        if time.monotonic() > end:
            raise SystemExit("timed out waiting for the desk")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.005)


def _desk(home: Path) -> tuple[object, object]:
    """The real desk: context (no service), main window, demo catalog, the item's intake."""
    from datetime import datetime

    from clerk_app.app.context import build_context, demo_provisioning
    from clerk_app.app.session import Session
    from clerk_app.core.catalog import Catalog
    from clerk_app.core.clock import CENTER_TZ, FixedClock
    from clerk_app.gui import services
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.ops import DbWriter
    from clerk_app.paths import Paths

    clock = FixedClock(datetime(2026, 11, 30, 9, 30, tzinfo=CENTER_TZ))
    paths = Paths(home / "data", home / "config", home / "log", home / "documents").ensure()
    context = build_context(
        demo_provisioning(DEMO_PROVISIONING, "http://127.0.0.1:9"), paths, clock=clock
    )
    session = Session(
        "demo-clerk", "示例受理员", ("clerk",), "W01", "公安户政窗口", "市公安局", None, None
    )
    hooks = services.default_hooks()
    window = MainWindow(
        context, session, calendar=hooks.calendar(context), take_in=hooks.take_in, writer=DbWriter()
    )
    catalog = Catalog.from_dict(json.loads(DEMO_CATALOG.read_text("utf-8")))
    window.set_catalog(catalog)
    window.resize(1480, 900)
    window.show()
    window.choose_item(catalog.item(ITEM))
    return context, window


def _take_in(app: object, window: object) -> None:
    """Applicant, every material received, Accept; the confirmation closed."""
    w: object = window
    ui = w.intake.ui  # type: ignore[attr-defined]
    ui.personNameEdit.setText("李雷")
    ui.personIdEdit.setText("11010519491231002X")
    ui.personMobileEdit.setText("13800138000")
    for row in range(len(w.intake.materials_table.rows)):  # type: ignore[attr-defined]
        w.intake.set_material(row, True)  # type: ignore[attr-defined]
    w.intake.revalidate()  # type: ignore[attr-defined]
    if not w.intake.is_ready():  # type: ignore[attr-defined]
        raise SystemExit(f"intake not ready: {w.intake.problems()}")  # type: ignore[attr-defined]
    w.accept_case()  # type: ignore[attr-defined]
    _wait(app, lambda: w.last_dialog is not None)  # type: ignore[attr-defined]
    w.last_dialog.close()  # type: ignore[attr-defined]


def child(kind: str, pages: int, source: str) -> None:
    """Run in a subprocess: print one JSON line of KiB figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    if kind in ("bare", "bare_zh"):
        widget = QWidget()
        widget.resize(1480, 900)
        if kind == "bare_zh":  # the fonts any Chinese UI loads (as bench_worklist's)
            from PySide6.QtWidgets import QLabel, QVBoxLayout

            QVBoxLayout(widget).addWidget(QLabel("扫描的材料页"))
        widget.show()
        _settle(app)
        print(json.dumps({"rss": _status("VmRSS"), "peak": _status("VmHWM")}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        context, window = _desk(Path(tmp))
        _settle(app)
        w: object = window
        panel = w.scans  # type: ignore[attr-defined]
        figures: dict[str, object] = {
            "desk": _status("VmRSS"),
            "desk_peak": _status("VmHWM"),
            "desk_heap": _heap_kib(),
        }
        rows = len(w.intake.materials_table.rows)  # type: ignore[attr-defined]
        png_bytes = 0
        samples, heap = [], []
        started = time.monotonic()
        for n in range(pages):
            row = n % rows
            if source == "sane":
                panel.scan_row(row)
            else:
                panel.add_file(row, Path(source))
            _wait(app, lambda n=n: panel.thumbs.count() == n + 1 and not panel.busy())
            if panel.thumbs.count() != n + 1:
                raise SystemExit(f"page {n + 1} not kept: {panel.status.text()}")
            png_bytes += panel.pages()[-1].size
            samples.append(_status("VmRSS"))
            heap.append(_heap_kib())
        figures["seconds"] = round(time.monotonic() - started, 1)
        _settle(app)
        figures["final"] = _status("VmRSS")
        figures["peak"] = _status("VmHWM")
        figures["samples"] = samples
        figures["heap"] = heap
        figures["final_heap"] = _heap_kib()
        figures["png_bytes"] = png_bytes
        scans = context.paths.documents_dir / "scans"  # type: ignore[attr-defined]
        figures["sealed_bytes"] = sum(p.stat().st_size for p in scans.iterdir())
        if kind == "clear":
            w.choose_item(w.current_item)  # type: ignore[attr-defined]
        else:
            _take_in(app, window)
        _wait(app, lambda: panel.thumbs.count() == 0)
        _settle(app, 100)  # the writer releases (or keeps with the case) the files
        figures["after"] = _status("VmRSS")
        figures["after_heap"] = _heap_kib()
        figures["left_on_disk"] = len(list(scans.iterdir()))
        _trim()
        figures["after_trim"] = _status("VmRSS")
        print(json.dumps(figures))
        w.close()  # type: ignore[attr-defined]
        context.close()  # type: ignore[attr-defined]


def _run_child(kind: str, pages: int, source: str, env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_scan_memory", "--child", kind, str(pages), source],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    if out.returncode != 0:
        raise SystemExit(f"child {kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


def main(pages: int = PAGES, *, from_file: bool = False) -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        if shutil.which("scanimage") and not from_file:
            env["SANE_CONFIG_DIR"] = str(sane_config(Path(tmp) / "sane.d"))
            source = "sane"
            print(f"pages: SANE's test backend (scanimage), A4 at 150 dpi, colour; {pages} pages")
        else:
            source = str(_a4_png(Path(tmp) / "page.png"))
            print(f"pages: {pages} times an A4 PNG from a file (the F key's path)")
        bare = _run_child("bare", pages, source, env)["rss"]
        bare_zh = _run_child("bare_zh", pages, source, env)["rss"]
        print(
            f"bare PySide6 window: {_mib(bare)} (the ratios below); with one Chinese label "
            f"{_mib(bare_zh)}"
        )
        for kind, what in (("clear", "cleared"), ("takein", "taken in")):
            f = _run_child(kind, pages, source, env)
            samples = f["samples"]
            k = min(10, len(samples)) - 1
            per_page = (samples[-1] - samples[k]) / max(1, len(samples) - 1 - k)
            heap = f["heap"]
            heap_per_page = (heap[-1] - heap[k]) / max(1, len(heap) - 1 - k)
            print(f"-- {pages} pages into one intake, then {what} ({f['seconds']} s of scanning)")
            print(f"  desk, no pages:   {_mib(f['desk'])}; ratio {f['desk'] / bare:.2f}")
            print(
                f"  peak (VmHWM) before the first page: {_mib(f['desk_peak'])}; "
                f"ratio {f['desk_peak'] / bare:.2f}"
            )
            print(f"  peak (VmHWM) after the last: {_mib(f['peak'])}; ratio {f['peak'] / bare:.2f}")
            print(f"  after page 1:     {_mib(samples[0])}; ratio {samples[0] / bare:.2f}")
            print(
                f"  final, {pages} pages: {_mib(f['final'])}; ratio {f['final'] / bare:.2f} "
                f"(to the window with a Chinese label {f['final'] / bare_zh:.2f})"
            )
            print(
                f"  per page from page {k + 1}: RSS {per_page:.0f} KiB, C heap in use "
                f"{heap_per_page:.0f} KiB (thumbnail card 96x128x4 = 48 KiB)"
            )
            print(
                f"  C heap in use: {_mib(f['desk_heap'])} no pages, {_mib(f['final_heap'])} "
                f"with {pages}, {_mib(f['after_heap'])} after {what}"
            )
            print(f"  after {what}: {_mib(f['after'])}; ratio {f['after'] / bare:.2f}")
            print(
                f"  after gc + malloc_trim: {_mib(f['after_trim'])}; "
                f"ratio {f['after_trim'] / bare:.2f}"
            )
            print(
                f"  sealed files: {f['sealed_bytes'] / 1e6:.1f} MB on disk for "
                f"{f['png_bytes'] / 1e6:.1f} MB of PNG; files left after: {f['left_on_disk']}"
            )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


def _a4_png(path: Path) -> Path:
    """An A4 page at 150 dpi as a PNG (the file path, when there is no scanimage)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(1240, 1754, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y in range(0, 1754, 40):
        painter.fillRect(80, y, 1080, 14, QColor(30, 30, 30 + y % 200))
    painter.end()
    image.save(str(path))
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=PAGES)
    parser.add_argument(
        "--from-file", action="store_true", help="pages from a PNG file, not from SANE"
    )
    parser.add_argument("--child", nargs=3, metavar=("KIND", "PAGES", "SOURCE"))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.child[2])
    else:
        main(args.pages, from_file=args.from_file)
