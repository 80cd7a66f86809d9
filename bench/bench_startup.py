"""Start to a usable sign-in window, as a ratio to a bare PySide6 window in the same run.

Each run is a fresh Python process (``python -m bench.bench_startup --child KIND``); the
parent measures from starting it until the child says its window is shown and has gone
through the event loop. ``clerk``: the steps of ``clerk-app`` up to the sign-in dialog
(folders, settings, logging, provisioning, local database, translations, the dialog);
``bare``: ``QApplication`` + a ``QWidget`` shown; ``cli``: ``python -m clerk_app
--smoke-start`` itself (single-instance lock, start-up checks included; a tree without the
switch is skipped). ``--before PATH`` also runs the ``clerk`` child from another checkout
(``git worktree add /tmp/wt PATH-COMMIT``), interleaved in the same run, so "before" and
"after" share the machine's load. Runs alternate; the median counts.

    python -m bench.bench_startup [--runs 7] [--before /tmp/wt-s1]
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


def one_run(kind: str, home: Path, tree: Path = REPO) -> float:
    """Seconds from starting a child of ``kind`` (its code from ``tree``) to its "ready"."""
    env = dict(os.environ, CLERK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(tree)  # before the editable install's finder
    if kind == "cli":
        command = ["-m", "clerk_app", "--provisioning", str(PROVISIONING), "--smoke-start"]
    else:
        command = ["-m", "bench.bench_startup", "--child", kind]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *command],
        cwd=tree,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() not in ("ready", "smoke-start: sign-in window shown"):
        raise RuntimeError(f"{kind} child did not start (exit {proc.returncode})")
    return elapsed


def main(runs: int = 7, before: Path | None = None) -> None:
    kinds: list[tuple[str, str, Path]] = [("bare PySide6 window", "bare", REPO)]
    if before is not None:
        kinds.append((f"before ({before.name}), clerk steps", "clerk", before))
    kinds.append(("clerk steps to sign-in window", "clerk", REPO))
    if "--smoke-start" in (REPO / "clerk_app" / "__main__.py").read_text("utf-8"):
        kinds.append(("clerk-app --smoke-start", "cli", REPO))
    times: dict[str, list[float]] = {label: [] for label, _, _ in kinds}
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        for label, kind, tree in kinds:  # first start: creates the database; not counted
            if kind != "bare":
                one_run(kind, Path(tmp) / label, tree)
        for _ in range(runs):
            for label, kind, tree in kinds:
                times[label].append(one_run(kind, Path(tmp) / label, tree))
    bare = statistics.median(times[kinds[0][0]])
    for label, _, _ in kinds:
        ours = statistics.median(times[label])
        print(f"{label:40} {ours * 1e3:7.0f} ms median; ratio to bare {ours / bare:5.2f}")
    print(f"({runs} runs each, interleaved)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=("bare", "clerk"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
    elif args.child == "clerk":
        child_clerk()
    else:
        main(args.runs, args.before)
