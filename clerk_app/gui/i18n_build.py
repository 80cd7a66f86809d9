"""Compile (and on request refresh) the Qt Linguist translations.

``python -m clerk_app.gui.i18n_build`` runs ``pyside6-lrelease`` on every
``resources/translations/*.ts`` and writes the ``.qm`` next to it (the Makefile calls this;
.qm files are not committed). ``--update`` first runs ``pyside6-lupdate`` over
``clerk_app/gui`` and ``ui/*.ui`` to bring new source strings into the .ts files; it never
runs by itself, because it rewrites the .ts files translators work in.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUI_DIR = ROOT / "clerk_app" / "gui"
UI_DIR = ROOT / "ui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"


def find_tool(name: str) -> str:
    """Find ``pyside6-<name>`` next to the running interpreter, on PATH, or in PySide6.

    Args:
        name: "lrelease", "lupdate" or "uic".
    """
    exe = "pyside6-" + name + (".exe" if sys.platform == "win32" else "")
    beside = Path(sys.executable).parent / exe
    if beside.exists():
        return str(beside)
    on_path = shutil.which(exe)
    if on_path:
        return on_path
    import PySide6

    package = Path(PySide6.__file__).parent
    for candidate in (
        package / name,
        package / (name + ".exe"),
        package / "Qt" / "libexec" / name,
        package / "Qt" / "bin" / name,
    ):
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"cannot find pyside6-{name}")


def source_files() -> list[Path]:
    """The files lupdate reads: the GUI's Python modules and the Designer forms."""
    files = sorted(p for p in GUI_DIR.rglob("*.py") if "forms" not in p.parts)
    files += sorted(UI_DIR.glob("*.ui"))
    return files


def update(ts_files: list[Path], *, no_obsolete: bool = True) -> None:
    """Run lupdate over :func:`source_files` into ``ts_files`` (keeps translations)."""
    cmd = [find_tool("lupdate"), "-locations", "none"]
    if no_obsolete:
        cmd.append("-no-obsolete")
    cmd += [str(p) for p in source_files()]
    cmd += ["-ts", *[str(p) for p in ts_files]]
    subprocess.run(cmd, check=True)  # noqa: S603 - fixed tool, our own paths


def release(ts_files: list[Path], out_dir: Path | None = None) -> list[Path]:
    """Compile each .ts into a .qm (next to it, or in ``out_dir``); return the .qm paths."""
    tool = find_tool("lrelease")
    outputs = []
    for ts in ts_files:
        qm = (out_dir or ts.parent) / (ts.stem + ".qm")
        subprocess.run(  # noqa: S603 - fixed tool, our own paths
            [tool, "-silent", str(ts), "-qm", str(qm)], check=True
        )
        outputs.append(qm)
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m clerk_app.gui.i18n_build")
    parser.add_argument(
        "--update", action="store_true", help="refresh the .ts files from the sources first"
    )
    args = parser.parse_args(argv)
    ts_files = sorted(TRANSLATIONS_DIR.glob("clerk_*.ts"))
    if args.update:
        update(ts_files)
    for qm in release(ts_files):
        print(f"wrote {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
