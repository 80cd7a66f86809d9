"""The Windows installer script compiles with makensis against a stand-in payload."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from clerk_app import __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"

pytestmark = pytest.mark.skipif(
    shutil.which("makensis") is None, reason="makensis missing (Debian package nsis)"
)


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


def test_silent_parameters_and_data_keeping_are_in_the_script():
    text = SCRIPT.read_text("utf-8")
    needles = ("/SERVER=", "/WINDOW=", "/PROVISIONING=", "/PURGE", "provisioning.toml")
    for needle in (*needles, "RequestExecutionLevel admin", "FileWriteUTF16LE"):
        assert needle in text
