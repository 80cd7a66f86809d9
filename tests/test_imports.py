"""The dependency rule of docs/INTERFACES.md, enforced.

- ``clerk_app.core`` imports in a fresh interpreter where PySide6, requests and sqlite3
  cannot be imported at all;
- static checks over whatever source files exist: who may import ``PySide6.QtWidgets``
  and which layers may import which.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "clerk_app" / "core"

BLOCKER = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    BLOCKED = ("PySide6", "shiboken6", "requests", "sqlite3", "_sqlite3")
    attempts = []

    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                attempts.append(name)
                raise ImportError(f"{name} is blocked for clerk_app.core")
            return None

    sys.meta_path.insert(0, Blocker())
    for name in BLOCKED:
        sys.modules.pop(name, None)

    if "--probe" in sys.argv:
        for name in ("sqlite3", "requests", "PySide6.QtCore"):
            try:
                importlib.import_module(name)
            except ImportError:
                pass
        print(json.dumps({"attempts": attempts}))
        raise SystemExit(0)

    import clerk_app.core
    imported, failed = [], {}
    for info in pkgutil.walk_packages(clerk_app.core.__path__, "clerk_app.core."):
        try:
            importlib.import_module(info.name)
            imported.append(info.name)
        except Exception as exc:  # report every module, not just the first
            failed[info.name] = f"{type(exc).__name__}: {exc}"
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    print(json.dumps({"imported": imported, "failed": failed, "attempts": attempts,
                      "leaked": leaked}))
    """
)


def run_blocked(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", BLOCKER, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_blocker_really_blocks():
    assert run_blocked("--probe")["attempts"] == ["sqlite3", "requests", "PySide6"]


def test_core_imports_without_qt_requests_or_sqlite3():
    report = run_blocked()
    assert report["failed"] == {}
    assert report["attempts"] == []
    assert report["leaked"] == []
    expected = {f"clerk_app.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__"}
    assert expected <= set(report["imported"])
    for name in ("clock", "calendar", "identity", "lifecycle", "numbering", "catalog", "intake"):
        assert f"clerk_app.core.{name}" in report["imported"]


# -- static checks ------------------------------------------------------------------------


def python_files(*parts: str) -> Iterator[Path]:
    base = ROOT.joinpath(*parts)
    if base.is_dir():
        yield from sorted(p for p in base.rglob("*.py") if ".venv" not in p.parts)


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in the file, relative imports resolved.

    For ``from a import b`` both ``a`` and ``a.b`` are reported, so importing a
    submodule by name counts as importing it. ``importlib.import_module("x")`` with a
    constant string counts too.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(path).split(".")
    package = here if is_package(path) else here[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = package[: len(package) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def offenders(files: Iterator[Path], forbidden) -> list[str]:
    bad = []
    for path in files:
        for module in sorted(imported_modules(path)):
            if forbidden(module):
                bad.append(f"{path.relative_to(ROOT)} imports {module}")
    return bad


def test_import_scanner_resolves_relative_and_from_imports(tmp_path, monkeypatch):
    pkg = tmp_path / "clerk_app" / "store"
    pkg.mkdir(parents=True)
    sample = pkg / "x.py"
    sample.write_text(
        "from ..remote import api\nfrom . import db\nimport PySide6.QtWidgets as W\n"
        "def f():\n    from PySide6 import QtWidgets\n"
        "    importlib.import_module('clerk_app.gui')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    found = imported_modules(sample)
    assert {
        "clerk_app.remote.api",
        "clerk_app.store.db",
        "PySide6.QtWidgets",
        "clerk_app.gui",
    } <= found


def test_only_the_gui_imports_qt_widgets():
    def is_widgets(module: str) -> bool:
        return within(module, "PySide6.QtWidgets")

    files = [
        p
        for p in (*python_files("clerk_app"), *python_files("records_service"))
        if p.relative_to(ROOT).parts[:2] != ("clerk_app", "gui")
    ]
    assert offenders(iter(files), is_widgets) == []


def test_documents_never_import_qt_widgets():
    assert (
        offenders(python_files("clerk_app", "documents"), lambda m: within(m, "PySide6.QtWidgets"))
        == []
    )


def test_records_service_uses_nothing_of_the_client_but_core():
    def forbidden(module: str) -> bool:
        return within(module, "clerk_app") and not (
            within(module, "clerk_app.core") or module == "clerk_app"
        )

    assert offenders(python_files("records_service"), forbidden) == []


@pytest.mark.parametrize(
    ("layer", "forbidden_prefixes"),
    [
        ("core", None),  # nothing of the project outside core
        ("store", ("clerk_app.remote", "clerk_app.gui", "clerk_app.documents")),
        ("remote", ("clerk_app.gui",)),
    ],
)
def test_layers_import_only_downwards(layer, forbidden_prefixes):
    def forbidden(module: str) -> bool:
        if forbidden_prefixes is None:
            return (within(module, "clerk_app") and not within(module, "clerk_app.core")) or (
                within(module, "records_service")
            )
        return any(within(module, prefix) for prefix in forbidden_prefixes)

    assert offenders(python_files("clerk_app", layer), forbidden) == []


def test_core_never_imports_qt_requests_or_sqlite3_even_lazily():
    blocked = ("PySide6", "shiboken6", "requests", "sqlite3", "_sqlite3")
    assert offenders(python_files("clerk_app", "core"), lambda m: m.split(".")[0] in blocked) == []
