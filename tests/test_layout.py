"""The test tree follows the layers (issue 13): its top-level folders are a fixed set, each
folder says what lives there, and no test folder imports another's modules or any conftest —
shared code lives in ``tests/helpers`` (fixtures shared across folders are registered in the
root conftest's ``pytest_plugins`` or imported by a folder's own conftest)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
TOP_LEVEL = {"unit", "gui", "service", "e2e", "security", "packaging", "helpers"}
UNIT = {"core", "store", "remote", "app", "documents"}


def _imported_modules(source: str, package: str, root: Path) -> list[str]:
    """The modules a file imports (``from a.b import c`` gives ``a.b.c`` when ``a.b`` is a
    folder under ``root``, else ``a.b``), relative imports resolved against ``package``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            inside = base.split(".")[1:] if base.split(".")[0] == "tests" else None
            if inside is not None and root.joinpath(*inside).is_dir():
                found += [f"{base}.{alias.name}" for alias in node.names]
            else:
                found.append(base)
    return found


def layout_violations(root: Path) -> list[str]:
    """What in the test tree under ``root`` (a ``tests`` folder) breaks the layout rules."""
    problems: list[str] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "__pycache__"):
        if folder.name not in TOP_LEVEL:
            problems.append(f"{folder.name}/: not one of the test tree's top-level folders")
    unit = root / "unit"
    if unit.is_dir():
        for folder in sorted(p for p in unit.iterdir() if p.is_dir() and p.name != "__pycache__"):
            if folder.name not in UNIT:
                problems.append(f"unit/{folder.name}/: not a layer ({', '.join(sorted(UNIT))})")
    for folder in sorted({p.parent for p in root.rglob("*.py")}):
        init = folder / "__init__.py"
        if folder != root and (
            not init.exists() or ast.get_docstring(ast.parse(init.read_text())) is None
        ):
            problems.append(f"{folder.relative_to(root)}/: no __init__.py saying what lives here")
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        package = ".".join(["tests", *rel.parent.parts])
        for module in _imported_modules(path.read_text(), package, root):
            if module != "tests" and not module.startswith("tests."):
                continue
            if "conftest" in module.split("."):
                problems.append(f"{rel}: imports a conftest ({module})")
            elif module in ("tests", "tests.helpers") or module.startswith("tests.helpers."):
                continue
            elif rel.parts[0] == "helpers":
                problems.append(f"{rel}: a helper imports a test folder's module ({module})")
            elif module.rsplit(".", 1)[0] != package:
                problems.append(f"{rel}: imports another test folder's module ({module})")
    return problems


def test_the_test_tree_follows_the_layers():
    assert layout_violations(TESTS) == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "tests"
    base = {
        "__init__.py": "",
        "unit/__init__.py": '"""Unit tests."""\n',
        "unit/core/__init__.py": '"""Core."""\n',
        "unit/store/__init__.py": '"""Store."""\n',
        "unit/store/test_a.py": "from tests.helpers.store import open_store\n",
        "unit/store/test_b.py": "from tests.unit.store.test_a import open_store\n",
        "gui/__init__.py": '"""GUI."""\n',
        "helpers/__init__.py": '"""Helpers."""\n',
        "helpers/store.py": "from tests.helpers import gui\n",
    }
    for name, text in {**base, **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_a_tree_that_keeps_the_rules_passes(tmp_path):
    assert layout_violations(_tree(tmp_path, {})) == []


@pytest.mark.parametrize(
    ("name", "text", "complaint"),
    [
        ("unit/core/test_x.py", "from tests.unit.store.test_a import open_store\n", "another"),
        ("unit/core/test_x.py", "import tests.unit.store.test_a\n", "another"),
        ("gui/test_x.py", "from tests.gui.conftest import english\n", "conftest"),
        ("gui/test_x.py", "from . import conftest\n", "conftest"),
        ("unit/core/conftest.py", "from tests.unit.store import test_a\n", "another"),
        ("helpers/x.py", "from tests.gui import test_y\n", "helper"),
        ("offline/__init__.py", '"""Old."""\n', "top-level"),
        ("unit/widgets/__init__.py", '"""No layer."""\n', "not a layer"),
        ("unit/app/test_x.py", "import os\n", "no __init__"),
    ],
)
def test_a_break_of_the_rules_fails_the_check(tmp_path, name, text, complaint):
    problems = layout_violations(_tree(tmp_path, {name: text}))
    assert len(problems) == 1 and complaint in problems[0], problems
