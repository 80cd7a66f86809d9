"""The Windows installer script compiles with makensis against a stand-in payload (64-bit),
and the IT guide (packaging/README.md) shows exactly the parameters it accepts.
test_wine_installer.py runs it under Wine."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from clerk_app import __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"
README = ROOT / "packaging" / "README.md"
#: What NSIS itself reads: silent, and the uninstaller's "run in place" (last, unquoted).
NSIS_OWN = {"/S", "_?="}

needs_makensis = pytest.mark.skipif(
    shutil.which("makensis") is None, reason="makensis missing (Debian package nsis)"
)


def function(text: str, name: str) -> str:
    start = text.index(f"Function {name}\n")
    return text[start : text.index("FunctionEnd", start)]


def accepted(body: str) -> set[str]:
    """The options a function reads with GetOptions (``/NAME=`` or the flag ``/NAME``)."""
    return set(re.findall(r'\$\{GetOptions\} " \$R0" " (/[A-Z]+=?)"', body)) | NSIS_OWN


def readme_commands() -> list[str]:
    """Every line of the README's code blocks (indented ones in lists too)."""
    lines, inside = [], False
    for line in README.read_text("utf-8").splitlines():
        if line.strip().startswith("```"):
            inside = not inside
        elif inside:
            lines.append(line.strip())
    return lines


def options(line: str) -> set[str]:
    found = set()
    for word in line.split():
        match = re.match(r"(/[A-Z]+=?|_\?=)", word)
        if match:
            found.add(match[1])
    return found


def test_the_readme_shows_exactly_the_parameters_the_installer_accepts():
    text = SCRIPT.read_text("utf-8")
    setup, uninstall = accepted(function(text, ".onInit")), accepted(function(text, "un.onInit"))
    commands = readme_commands()
    shown_setup = set().union(*(options(c) for c in commands if "WindowClerk-Setup" in c))
    shown_uninstall = set().union(*(options(c) for c in commands if "uninstall.exe" in c))
    assert shown_setup - setup == set(), "the README shows what the installer does not read"
    assert shown_uninstall - uninstall == set(), "the README shows what the uninstaller ignores"
    assert setup - NSIS_OWN - shown_setup == set(), "installer parameters missing in the README"
    assert uninstall - {"_?="} - shown_uninstall == set(), "uninstall parameters not shown"
    assert {"/SERVER=", "/WINDOW=", "/CA=", "/ALLOWDOWNGRADE"} <= setup
    assert {"/PURGE", "/FORCE"} <= uninstall


def test_the_readme_lists_the_installers_exit_codes():
    codes = set(re.findall(r"!insertmacro Fail (\d)", SCRIPT.read_text("utf-8")))
    readme = README.read_text("utf-8")
    table = readme[readme.index("| exit code | installer |") :].split("\n\n")[0]
    assert codes == set(re.findall(r"^\| (\d) \|", table, re.M)) - {"0", "1"}


@needs_makensis
def test_installer_compiles_against_a_stand_in_payload(tmp_path):
    payload = tmp_path / "clerk-app"
    (payload / "_internal" / "resources").mkdir(parents=True)
    (payload / "clerk-app.exe").write_bytes(b"MZ stand-in")
    (payload / "_internal" / "resources" / "note.txt").write_text("stand-in payload")
    out = tmp_path / f"WindowClerk-Setup-{__version__}.exe"
    result = subprocess.run(
        ["makensis", "-V2", f"-DPAYLOAD={payload}", f"-DVERSION={__version__}",
         f"-DOUTFILE={out}", str(SCRIPT)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"  # a Windows executable
    assert b"PE\x00\x00d\x86" in out.read_bytes()[:1024]  # PE for x86-64 (Target amd64-unicode)


def test_silent_parameters_and_data_keeping_are_in_the_script():
    text = SCRIPT.read_text("utf-8")
    needles = ("/SERVER=", "/WINDOW=", "/PROVISIONING=", "/PURGE", "provisioning.toml", "/CA=")
    for needle in (*needles, "RequestExecutionLevel admin", "FileWriteUTF16LE", "/LOG="):
        assert needle in text
