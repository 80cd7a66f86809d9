"""The first catalog search and the first intake after the sign-in, against the second.

The start leaves the store, the keyring, the calendar and the ID checks' tables to after the
sign-in window is shown (issue 21); this checks that none of it comes back as a stall at the
clerk's first search or first intake. Each run is a fresh ``clerk-app``-like process
(``python -m bench.bench_first_use --child``) against one demo records service started here:
the sign-in window, the store opened behind it (``Desk.open_store`` once the window is on
the screen, as ``run_app`` does), the demo clerk signs in, the catalog loads, one second
idle; then, keystroke by keystroke through the real widgets (each until the widget has
painted): the search ``sfz`` in the catalog pane, and an intake — Enter on the first item,
then a resident ID number typed into the form (checked at each keystroke). Then both again
(the second time). The budget: each step of the first within one frame (16.7 ms) of the
same step the second time (the worst step's difference, median over the starts).

    python -m bench.bench_first_use [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"
FRAME_MS = 1000 / 60
WORD = "sfz"
RESIDENT_ID = "11010519491231002X"


def child(service_url: str) -> None:
    """One start: sign in, wait for the catalog, time the first and second uses."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from clerk_app.app.context import demo_provisioning, start_context
    from clerk_app.core.settings import Settings
    from clerk_app.gui.app import Desk, when_on_screen
    from clerk_app.gui.i18n import install_translations
    from clerk_app.logs import setup_logging
    from clerk_app.paths import default_paths

    paths = default_paths().ensure()
    settings = Settings.load(paths.settings_file)
    setup_logging(paths.log_dir, settings["logging.level"])
    provisioning = demo_provisioning(PROVISIONING, service_url)
    context = start_context(provisioning, paths, settings=settings)
    app = QApplication(sys.argv[:1])
    install_translations(provisioning.language)
    desk = Desk(context)
    login = desk.make_login()
    opened: list[int] = []
    when_on_screen(login, lambda: opened.append(desk.open_store(show=False)))
    login.show()

    def wait(condition, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError("timed out")
            app.processEvents()
            time.sleep(0.005)

    wait(lambda: bool(opened))
    login.fill("demo-clerk", "demo-pass-2026")
    login.submit()
    wait(lambda: desk.window is not None and desk.window.catalog_pane.model.rowCount() > 0)
    window = desk.window
    assert window is not None
    idle_until = time.monotonic() + 1.0
    wait(lambda: time.monotonic() > idle_until)

    def keystrokes(edit, text: str, painted) -> list[float]:
        times = []
        for ch in text:
            start = time.perf_counter()
            QTest.keyClicks(edit, ch)
            painted.grab()  # the widget painted with what the keystroke changed
            times.append((time.perf_counter() - start) * 1e3)
        return times

    pane = window.catalog_pane
    pane.grab()  # the measuring tool's own first time (a pixmap to paint into), not timed
    window.intake.grab()
    result: dict[str, list[list[float]]] = {"search": [], "intake": []}
    for _ in range(2):
        pane.search.clear()
        app.processEvents()
        result["search"].append(keystrokes(pane.search, WORD, pane))
        start = time.perf_counter()
        pane.choose_current()  # Enter on the first row: the item's intake form
        window.intake.grab()
        chosen = (time.perf_counter() - start) * 1e3
        id_edit = window.intake.ui.personIdEdit
        id_edit.clear()
        app.processEvents()
        result["intake"].append([chosen, *keystrokes(id_edit, RESIDENT_ID, window.intake)])
    print(json.dumps(result), flush=True)
    window.close()
    desk.shutdown()
    context.close()


def main(runs: int) -> None:
    from clerk_app.embedded import start_embedded_service

    firsts: dict[str, list[float]] = {"search": [], "intake": []}
    seconds: dict[str, list[float]] = {"search": [], "intake": []}
    worst: dict[str, list[float]] = {"search": [], "intake": []}  # step by step
    with tempfile.TemporaryDirectory(prefix="bench-first-use-") as tmp:
        service = start_embedded_service(Path(tmp) / "service")
        try:
            for n in range(runs):
                env = dict(os.environ, CLERK_HOME=str(Path(tmp) / f"home-{n}"))
                env.setdefault("QT_QPA_PLATFORM", "offscreen")
                out = subprocess.run(
                    [sys.executable, "-m", "bench.bench_first_use", "--child", service.base_url],
                    cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=True,
                )  # fmt: skip
                result = json.loads(out.stdout.strip().splitlines()[-1])
                for kind in ("search", "intake"):
                    first, second = result[kind]
                    firsts[kind].append(sum(first))
                    seconds[kind].append(sum(second))
                    worst[kind].append(max(a - b for a, b in zip(first, second, strict=True)))
        finally:
            service.stop()
    rows = (("search", f"catalog search '{WORD}' (3 keystrokes)"),
            ("intake", "intake: Enter on an item + an ID number (18 keystrokes)"))  # fmt: skip
    for kind, label in rows:
        first, second = statistics.median(firsts[kind]), statistics.median(seconds[kind])
        step = statistics.median(worst[kind])
        verdict = "within one frame" if step <= FRAME_MS else "MORE than a frame"
        print(f"{label}: first {first:6.1f} ms, second {second:6.1f} ms in all; the worst "
              f"step's first - second {step:5.1f} ms ({verdict})")  # fmt: skip
    print(f"({runs} fresh starts, medians; load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", metavar="SERVICE_URL")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.child:
        child(args.child)
    else:
        main(args.runs)
