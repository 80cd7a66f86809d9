"""Turn the Qt Designer forms in ``ui/`` into Python: ``python -m clerk_app.gui.forms_build``.

Every ``ui/<name>.ui`` becomes ``clerk_app/gui/forms/ui_<name>.py`` (``pyside6-uic``). The
generated modules are committed; ``tests/gui/test_forms.py`` fails when one is stale.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from clerk_app.gui.i18n_build import ROOT, UI_DIR, find_tool

FORMS_DIR = ROOT / "clerk_app" / "gui" / "forms"


def form_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def keep_used_imports(code: str) -> str:
    """``code`` with each ``from PySide6.X import (...)`` of uic's cut to the names the form
    uses (uic imports a fixed list). PySide6 builds a type, with its enums, at its first
    import: the ``Qt`` namespace alone costs ~10 ms, ``QImage`` ~5, and the sign-in form is
    on the start's path (issue 21)."""
    lines = _IMPORT.sub("", code).splitlines()
    body = "\n".join(line for line in lines if not line.lstrip().startswith("#"))  # code only
    used = set(re.findall(r"\bQ\w+|\bQt\b", body))

    def trimmed(match: re.Match[str]) -> str:
        names = [n.strip() for n in match.group(2).split(",") if n.strip()]
        kept = [n for n in names if n in used]
        return f"from {match.group(1)} import ({', '.join(kept)})\n" if kept else ""

    return _IMPORT.sub(trimmed, code)


def build(out_dir: Path = FORMS_DIR) -> list[Path]:
    """Generate ``ui_<name>.py`` for every form into ``out_dir``; return the written paths."""
    uic = find_tool("uic")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui in form_files():
        target = out_dir / f"ui_{ui.stem}.py"
        subprocess.run(  # noqa: S603 - fixed tool, our own paths
            [uic, "-g", "python", "-o", str(target), str(ui)], check=True
        )
        target.write_text(keep_used_imports(target.read_text("utf-8")), "utf-8")
        written.append(target)
    init = out_dir / "__init__.py"
    if not init.exists():
        init.write_text('"""Code generated from ui/*.ui by clerk_app.gui.forms_build."""\n')
    return written


def main() -> int:
    for path in build():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
