"""Start to a usable sign-in window, as a ratio to a bare PySide6 window in the same run.

Each run is a fresh Python process (``python -m bench.bench_startup --child KIND``); the
parent measures from starting it until the child says its window is shown and has gone
through the event loop. ``clerk``: the steps of ``clerk-app`` up to the sign-in dialog
(folders, settings, logging, translations, the dialog; then the provisioning, read behind
the shown window — an older checkout's child reads it before —; the local database opens
after it, untimed — in an older checkout still, before it);
``bare``: ``QApplication`` + a ``QWidget`` shown (``python -c``: nothing else imported);
``form``: the sign-in window alone (``LoginDialog``, the floor of the start with it);
``cli``: ``python -m clerk_app --smoke-start`` itself (single-instance lock, start-up
checks included; a tree without the switch is skipped). A child that shows the window
before the provisioning is read also says when it is filled in from it: reported in a row
of its own (", filled in") beside the one of its "shown". ``--before PATH`` also runs
``clerk`` and ``cli`` from another checkout (``git worktree add /tmp/wt PATH-COMMIT``),
interleaved in the same run, so "before" and "after" share the machine's load. Runs
alternate; the median counts.

``--frozen DIR`` also builds (once, into DIR; minutes each, reused when there) a bare
PySide6 window and ``clerk-app`` with packaging/clerk-app.spec — and ``--before``'s
``clerk-app`` — and times the frozen ``clerk-app --smoke-start`` (no service) against the
frozen bare window, interleaved with the others.

    python -m bench.bench_startup [--runs 7] [--before /tmp/wt-s1] [--frozen /tmp/frozen]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# The children import this module: what only the parent needs (argparse, statistics,
# subprocess, tempfile: ~7 ms) is imported in the functions that use it.

REPO = Path(__file__).resolve().parents[1]
PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"


def child_form() -> None:
    """The sign-in window alone: ``LoginDialog`` shown, without the rest of the start
    (folders, settings, logging, provisioning, translations) — the floor of the client's
    start with this window."""
    from PySide6.QtWidgets import QApplication

    from clerk_app.gui.login import LoginDialog

    app = QApplication(sys.argv[:1])
    dialog = LoginDialog(
        lambda _user, _password: None, center_name="center", window_code="W01", server="https://"
    )
    dialog.show()
    app.processEvents()
    print("ready", flush=True)


def child_clerk() -> None:
    """What ``clerk_app.__main__.main`` does before the clerk can type a password (without
    the data folder's lock; the cli row has it): folders, settings, logging, translations
    (the settings' language), the sign-in window shown — "ready" —, then the provisioning
    read, the context made and the window filled in from it — "filled in" (issue 21: the
    window no longer waits for the provisioning; an older checkout's own child read it
    first, and has no second line)."""
    import gc

    gc.disable()  # as main does (gui.gc_guard takes over)
    from clerk_app.core.settings import Settings
    from clerk_app.logs import setup_logging
    from clerk_app.paths import default_paths

    paths = default_paths().ensure()
    settings = Settings.load(paths.settings_file)
    setup_logging(paths.log_dir, settings["logging.level"])

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from clerk_app.gui.app import Desk
    from clerk_app.gui.i18n import install_translations

    QCoreApplication.setApplicationName("Window Clerk")
    install_translations(settings["ui.language"] or None)
    desk = Desk(None)
    login = desk.make_login()
    login.show()
    app.processEvents()
    print("ready", flush=True)
    from clerk_app.app.context import start_context
    from clerk_app.core.provisioning import load_provisioning

    context = start_context(load_provisioning(PROVISIONING), paths, settings=settings)
    desk.provisioned(context)  # (the demo window's language is the one installed)
    app.processEvents()
    print(FILLED[0], flush=True)
    context.open()  # the rest of the start, not timed
    context.close()


#: A bare PySide6 window: run as ``python -c`` (nothing else imported), and frozen with
#: packaging/clerk-app.spec like the client.
BARE_ENTRY = """
import sys
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(420, 300)
window.show()
app.processEvents()
print("ready", flush=True)
"""

#: What a child prints when its window is shown.
READY = ("ready", "smoke-start: sign-in window shown")
#: What it prints next when the window was shown before the provisioning was read, once
#: the window is filled in from it (issue 21; reported beside the "shown" figure).
FILLED = ("filled in", "smoke-start: sign-in window filled in")

#: Seconds to "filled in" of each run, by tree and command (reported beside the medians).
filled_times: dict[str, list[float]] = {}


def one_run(command: list[str], home: Path, tree: Path = REPO) -> float:
    """Seconds from starting ``command`` (Python code from ``tree``) to its "ready"; the
    seconds to its "filled in" line, when it prints one, go to ``filled_times``."""
    env = dict(os.environ, CLERK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(tree)  # before the editable install's finder
    import subprocess

    start = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    if proc.stdout.readline().strip() in FILLED:
        filled_times.setdefault(f"{tree}: {command}", []).append(time.perf_counter() - start)
    proc.stdout.read()
    proc.wait(timeout=60)
    if line.strip() not in READY or proc.returncode != 0:
        raise RuntimeError(f"{command[:3]} did not start (exit {proc.returncode})")
    return elapsed


def script_kinds(tree: Path, label: str) -> list[tuple[str, list[str], Path]]:
    """The bench's clerk child and ``clerk-app --smoke-start`` of the checkout ``tree``."""
    kinds = [(f"{label}clerk steps to sign-in window", [sys.executable, "-m",
              "bench.bench_startup", "--child", "clerk"], tree)]  # fmt: skip
    if "--smoke-start" in (tree / "clerk_app" / "__main__.py").read_text("utf-8"):
        cli = [sys.executable, "-m", "clerk_app", "--provisioning", str(PROVISIONING)]
        kinds.append((f"{label}clerk-app --smoke-start", [*cli, "--smoke-start"], tree))
    return kinds


def build_frozen(tree: Path, work: Path, name: str, entry: Path | None = None) -> Path:
    """``work/dist/name``: built with ``tree``'s packaging/clerk-app.spec unless there."""
    import subprocess

    app = work / "dist" / name
    if (app / name).exists():
        return app
    # PyInstaller itself may come from PYTHONPATH (pip install --target DIR pyinstaller).
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(tree), os.environ.get("PYTHONPATH", "")])
    )
    if entry is not None:
        env.update(CLERK_BUNDLE_NAME=name, CLERK_BUNDLE_ENTRY=str(entry))
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(tree / "packaging" / "clerk-app.spec")],
        check=True, env=env, cwd=tree, timeout=3600,
    )  # fmt: skip
    return app


def frozen_kinds(work: Path, before: Path | None) -> list[tuple[str, list[str], Path]]:
    """The bare frozen window and the frozen ``clerk-app --smoke-start`` (this checkout's,
    and ``before``'s when given), built once into ``work`` (reused when already there)."""
    work.mkdir(parents=True, exist_ok=True)
    entry = work / "bare_window.py"
    entry.write_text(BARE_ENTRY, "utf-8")
    bare = build_frozen(REPO, work / "bare", "bare-pyside6", entry)
    kinds = [("frozen bare PySide6 window", [str(bare / "bare-pyside6")], REPO)]
    trees = [("before, ", before, work / "before")] if before is not None else []
    for label, tree, folder in [*trees, ("", REPO, work / "app")]:
        app = build_frozen(tree, folder, "clerk-app")
        command = [str(app / "clerk-app"), "--provisioning", str(PROVISIONING), "--smoke-start"]
        kinds.append((f"{label}frozen clerk-app --smoke-start", command, tree))
    return kinds


def measure(kinds: list[tuple[str, list[str], Path]], runs: int) -> dict[str, float]:
    """Median seconds per kind: a first start of each (its database made) not counted, then
    ``runs`` rounds, the kinds interleaved so they share the machine's load."""
    import statistics
    import tempfile

    times: dict[str, list[float]] = {label: [] for label, _, _ in kinds}
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        for label, command, tree in kinds:
            one_run(command, Path(tmp) / label, tree)
        filled_times.clear()  # (the first starts are not counted)
        for _ in range(runs):
            for label, command, tree in kinds:
                times[label].append(one_run(command, Path(tmp) / label, tree))
    medians = {label: statistics.median(t) for label, t in times.items()}
    for label, command, tree in kinds:  # the window filled in, if that came after "shown"
        if filled := filled_times.get(f"{tree}: {command}"):
            medians[f"{label}, filled in"] = statistics.median(filled)
    return medians


def report(medians: dict[str, float]) -> None:
    """Each median and its ratio to the first (the bare window)."""
    bare = next(iter(medians.values()))
    for label, ours in medians.items():
        print(f"{label:46} {ours * 1e3:7.0f} ms median; ratio to bare {ours / bare:5.2f}")


def with_filled(labels: list[str], medians: dict[str, float]) -> dict[str, float]:
    """The medians of ``labels``, each followed by its "filled in" row when it has one."""
    rows: dict[str, float] = {}
    for label in labels:
        rows[label] = medians[label]
        if f"{label}, filled in" in medians:
            rows[f"{label}, filled in"] = medians[f"{label}, filled in"]
    return rows


def main(runs: int = 7, before: Path | None = None, frozen: Path | None = None) -> None:
    bare = ("bare PySide6 window", [sys.executable, "-c", BARE_ENTRY], REPO)
    form = ("sign-in window alone (LoginDialog)", [sys.executable, "-m",
            "bench.bench_startup", "--child", "form"], REPO)  # fmt: skip
    kinds = [bare, form, *(script_kinds(before, "before, ") if before else [])]
    kinds += script_kinds(REPO, "")
    if frozen is not None:
        frozen_all = frozen_kinds(frozen, before)
        medians = measure([*kinds, *frozen_all], runs)
        report(with_filled([label for label, _, _ in kinds], medians))
        report(with_filled([label for label, _, _ in frozen_all], medians))
    else:
        medians = measure(kinds, runs)
        report(with_filled([label for label, _, _ in kinds], medians))
    print(f"({runs} runs each, interleaved; load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:  # a child: nothing more imported than it needs
        {"form": child_form, "clerk": child_clerk}[sys.argv[2]]()
        sys.exit(0)
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", type=Path, help="another checkout to compare with")
    parser.add_argument(
        "--frozen", type=Path, help="also the frozen builds, made (once) in this folder"
    )
    args = parser.parse_args()
    main(args.runs, args.before, args.frozen)
