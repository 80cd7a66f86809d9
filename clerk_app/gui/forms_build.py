"""Turn the Qt Designer forms in ``ui/`` into Python: ``python -m clerk_app.gui.forms_build``.

Every ``ui/<name>.ui`` becomes ``clerk_app/gui/forms/ui_<name>.py`` (``pyside6-uic``). The
generated modules are committed; ``tests/gui/test_forms.py`` fails when one is stale.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from clerk_app.gui.i18n_build import ROOT, UI_DIR, find_tool

FORMS_DIR = ROOT / "clerk_app" / "gui" / "forms"


def form_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


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
