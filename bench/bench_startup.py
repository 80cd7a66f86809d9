"""Start to a usable sign-in window, as a ratio to a bare PySide6 window in the same run.

Each run is a fresh Python process (``python -m bench.bench_startup --child KIND``); the
parent measures from starting it until the child says its window is shown and has gone
through the event loop. ``clerk``: the steps of ``clerk-app`` up to the sign-in dialog
(folders, settings, logging, provisioning, local database, translations, the dialog);
``bare``: ``QApplication`` + a ``QWidget`` shown. Runs alternate; the median counts.

    python -m bench.bench_startup [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"


def child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(420, 300)
    window.show()
    app.processEvents()
    print("ready", flush=True)


def child_clerk() -> None:
    """What ``clerk_app.__main__.main`` does before the clerk can type a password."""
    from clerk_app.app.context import build_context
    from clerk_app.core.provisioning import load_provisioning
    from clerk_app.core.settings import Settings
    from clerk_app.logs import setup_logging
    from clerk_app.paths import default_paths

    paths = default_paths().ensure()
    settings = Settings.load(paths.settings_file)
    setup_logging(paths.log_dir, settings["logging.level"])
    provisioning = load_provisioning(PROVISIONING)
    context = build_context(provisioning, paths, settings=settings)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from clerk_app.gui.app import Desk
    from clerk_app.gui.i18n import install_translations

    app = QApplication(sys.argv[:1])
    QCoreApplication.setApplicationName("Window Clerk")
    install_translations(settings["ui.language"] or provisioning.language)
    login = Desk(context).make_login()
    login.show()
    app.processEvents()
    print("ready", flush=True)
    context.close()


def one_run(kind: str, home: Path) -> float:
    env = dict(os.environ, CLERK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_startup", "--child", kind],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "ready":
        raise RuntimeError(f"{kind} child did not start (exit {proc.returncode})")
    return elapsed


def main(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        home = Path(tmp)
        one_run("clerk", home)  # first start: creates the database; not counted
        clerk: list[float] = []
        bare: list[float] = []
        for _ in range(runs):
            bare.append(one_run("bare", home))
            clerk.append(one_run("clerk", home))
    ours, theirs = statistics.median(clerk), statistics.median(bare)
    print(
        f"start to sign-in window: {ours * 1e3:7.0f} ms median; bare PySide6 window "
        f"{theirs * 1e3:7.0f} ms; ratio {ours / theirs:5.2f} ({runs} runs each)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=("bare", "clerk"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
    elif args.child == "clerk":
        child_clerk()
    else:
        main(args.runs)
