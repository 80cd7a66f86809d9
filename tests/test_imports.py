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


# -- the layers of ARCHITECTURE.md, app layer and top-level modules included ---------------

#: ``from clerk_app import __version__``: the package root, which every layer may read.
PACKAGE_ROOT = frozenset({"clerk_app", "clerk_app.__version__"})
#: Which parts of the project each part may import (besides itself), by area: a package
#: (``clerk_app.gui``) or a top-level module (``clerk_app.selfcheck``). ``None``: anything of
#: the client (``__main__`` is the wiring). A part missing here fails the check, so a new
#: top-level module gets a rule. Nothing of the client imports ``records_service``.
ALLOWED: dict[str, frozenset[str] | None] = {
    "clerk_app": frozenset(),
    "clerk_app.core": frozenset(),
    "clerk_app.store": frozenset({"clerk_app.core", "clerk_app.paths", "clerk_app.logs"}),
    "clerk_app.remote": frozenset({"clerk_app.core", "clerk_app.store", "clerk_app.logs"}),
    "clerk_app.documents": frozenset({"clerk_app.core", "clerk_app.paths", "clerk_app.logs"}),
    "clerk_app.app": PACKAGE_ROOT
    | {
        "clerk_app.core",
        "clerk_app.store",
        "clerk_app.remote",
        "clerk_app.documents",
        "clerk_app.logs",
        "clerk_app.paths",
        "clerk_app.device",
    },
    # The GUI talks to the application layer; the typed records (core) and the documents it
    # shows are passed to it. Never the store, the service client, or the old top-level
    # session/context/intake_service modules.
    "clerk_app.gui": PACKAGE_ROOT
    | {
        "clerk_app.app",
        "clerk_app.core",
        "clerk_app.documents",
        "clerk_app.logs",
        "clerk_app.paths",
        "clerk_app.selfcheck",
    },
    "clerk_app.selfcheck": PACKAGE_ROOT
    | {
        "clerk_app.core",
        "clerk_app.store",
        "clerk_app.remote",
        "clerk_app.paths",
        "clerk_app.logs",
    },
    "clerk_app.device": frozenset(),
    # The ID card reader's helper process (a 32-bit exe in the Windows bundle): the card
    # code of core and app.idcard (ctypes), nothing of Qt, the store or the service client.
    "clerk_app.idcard_helper": PACKAGE_ROOT | {"clerk_app.core", "clerk_app.app"},
    "clerk_app.paths": frozenset(),
    "clerk_app.logs": frozenset({"clerk_app.core"}),
    "clerk_app.provision": frozenset({"clerk_app.core", "clerk_app.paths"}),
    "clerk_app.embedded": frozenset({"clerk_app.logs", "clerk_app.paths"}),
    "clerk_app.__main__": None,
}


def area_of(module: str) -> str:
    """``clerk_app.gui.ops`` → ``clerk_app.gui``; ``clerk_app.selfcheck`` → itself."""
    return ".".join(module.split(".")[:2])


def layer_violations() -> list[str]:
    """Every import of the client that its area's rule does not allow."""
    bad = []
    for path in python_files("clerk_app"):
        area = area_of(module_name(path))
        if area not in ALLOWED:
            bad.append(f"{path.relative_to(ROOT)}: no import rule for {area} in ALLOWED")
            continue
        allowed = ALLOWED[area]
        for module in sorted(imported_modules(path)):
            if within(module, "records_service"):
                bad.append(f"{path.relative_to(ROOT)} imports {module}")
            elif not within(module, "clerk_app") or allowed is None:
                continue
            elif area_of(module) != area and area_of(module) not in allowed:
                bad.append(f"{path.relative_to(ROOT)} imports {module}")
    return bad


def backend_uses() -> list[str]:
    """Places in ``clerk_app/gui`` that reach for ``context.backend`` (store, API client),
    as an attribute or through ``getattr``/``hasattr`` with the name as a string."""
    bad = []
    for path in python_files("clerk_app", "gui"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            named = (isinstance(node, ast.Attribute) and node.attr == "backend") or (
                isinstance(node, ast.Constant) and node.value == "backend"
            )
            if named:
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno} uses .backend")
    return bad


def test_each_part_imports_only_what_its_layer_may():
    assert layer_violations() == []


def test_the_gui_never_touches_the_backend():
    assert backend_uses() == []


def test_selfcheck_imports_no_gui_and_no_qt():
    (path,) = [p for p in python_files("clerk_app") if p.name == "selfcheck.py"]
    found = imported_modules(path)
    assert not [m for m in found if within(m, "clerk_app.gui") or m.startswith("PySide6")]


@pytest.mark.parametrize(
    ("where", "source", "check"),
    [
        ("clerk_app/gui/x.py", "from clerk_app.store import LocalStore\n", layer_violations),
        ("clerk_app/gui/x.py", "import clerk_app.remote.api\n", layer_violations),
        ("clerk_app/gui/x.py", "def f():\n    from clerk_app.session import S\n", layer_violations),
        ("clerk_app/gui/x.py", "from clerk_app.intake_service import take\n", layer_violations),
        ("clerk_app/gui/x.py", "from clerk_app.context import AppContext\n", layer_violations),
        ("clerk_app/gui/x.py", "from ..store import db\n", layer_violations),
        ("clerk_app/gui/x.py", "def f(c):\n    return c.backend.store\n", backend_uses),
        ("clerk_app/gui/x.py", "def f(c):\n    return getattr(c, 'backend', None)\n", backend_uses),
        ("clerk_app/selfcheck.py", "from clerk_app.gui.i18n import DIR\n", layer_violations),
        ("clerk_app/app/x.py", "from clerk_app.gui import ops\n", layer_violations),
        ("clerk_app/store/x.py", "from clerk_app.remote import api\n", layer_violations),
        ("clerk_app/store/x.py", "from clerk_app.app.session import Session\n", layer_violations),
        ("clerk_app/remote/x.py", "from clerk_app.app import sync\n", layer_violations),
        ("clerk_app/core/x.py", "from clerk_app.store import db\n", layer_violations),
        ("clerk_app/paths.py", "from clerk_app.store import db\n", layer_violations),
        ("clerk_app/app/x.py", "import records_service.app\n", layer_violations),
        ("clerk_app/newtool.py", "import os\n", layer_violations),
    ],
)
def test_a_violation_fails_the_check(tmp_path, monkeypatch, where, source, check):
    """Each rule really fails: one offending file in an otherwise allowed tree."""
    clean = {
        "clerk_app/__init__.py": "",
        "clerk_app/gui/__init__.py": "",
        "clerk_app/gui/ok.py": "from clerk_app.app import parking\nfrom .. import __version__\n",
        "clerk_app/app/__init__.py": "",
        "clerk_app/app/parking.py": "from clerk_app.store.parked import ParkedIntakes\n",
        "clerk_app/store/__init__.py": "",
        "clerk_app/store/parked.py": "from clerk_app.core import clock\n",
        "clerk_app/core/__init__.py": "",
        "clerk_app/selfcheck.py": "from clerk_app.remote import api\n",
    }
    for name, text in clean.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert check() == []
    (tmp_path / where).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / where).write_text(source, encoding="utf-8")
    found = check()
    assert found and all(where in line for line in found), found
