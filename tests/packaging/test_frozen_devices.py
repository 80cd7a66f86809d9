"""The counter's devices in frozen builds (issue 22). Slow (PyInstaller builds in a temp
folder): run by `make package-test`.

- packaging/idcard-helper.spec: the ID card reader's helper as one file. The Windows
  workflow builds it with a 32-bit Python for the vendors' 32-bit DLLs; here the same spec
  builds a native one, and the app reads the stand-in card (the gcc-built library of
  tests/helpers/idcard_standin.c) through it, with nothing but the frozen file.
- packaging/clerk-app.spec with a probe as the entry (CLERK_BUNDLE_ENTRY, as the bench
  does): QtMultimedia loads its FFmpeg backend in the frozen build, so the document camera
  (app.scanner.CameraScanner) lists cameras instead of saying QtMultimedia is missing. This
  machine has no camera: the list is empty, the backend's formats are not.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.app import idcard_pipe
from clerk_app.app.idcard import read_card
from clerk_app.core.idcard import IdCardSetup
from tests.helpers.idcard_standin import CARD, base_message, bmp, build_standin
from tests.packaging.frozen import ROOT, clean_env, needs_package_build, run

pytestmark = needs_package_build

CAMERA_PROBE = """\
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtMultimedia import QMediaFormat
from clerk_app.app.scanner import CameraScanner
app = QCoreApplication(sys.argv)
print("cameras", len(CameraScanner().devices()))
print("formats", len(QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)))
"""


def freeze(spec: str, out: Path, **env: str) -> Path:
    """Run PyInstaller on ``packaging/<spec>`` into ``out/dist``."""
    pytest.importorskip("PyInstaller")
    out.mkdir(parents=True, exist_ok=True)
    built = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(out / "dist"), "--workpath", str(out / "build"),
            str(ROOT / "packaging" / spec),
        ],
        capture_output=True, text=True, timeout=900, check=False, cwd=out,
        env={**os.environ, **env},
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    return out / "dist"


def test_the_frozen_helper_reads_the_card_for_the_app(tmp_path, monkeypatch):
    library = build_standin(tmp_path)
    if library is None:
        pytest.skip("no C compiler (gcc) to build the stand-in reader library")
    exe = freeze("idcard-helper.spec", tmp_path / "helper") / "clerk-idcard-helper"
    assert exe.is_file() and os.access(exe, os.X_OK)
    (tmp_path / "text.bin").write_bytes(base_message(CARD))
    (tmp_path / "photo.bin").write_bytes(bmp(102, 126))
    monkeypatch.setenv("IDCARD_STANDIN_TEXT", str(tmp_path / "text.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_PHOTO", str(tmp_path / "photo.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_MODE", "ok")
    monkeypatch.delenv("PYTHONPATH", raising=False)
    setup = IdCardSetup(library, "termb", mode="helper", helper=exe, timeout=60.0)
    try:
        card = read_card(setup)
        helper = idcard_pipe.helper_reader(setup)
        assert helper.info["version"] and helper.info["bits"] == 64  # native here
    finally:
        idcard_pipe.close_helpers()
    assert card == dataclasses.replace(CARD, photo=bmp(102, 126), photo_format="bmp")


def test_the_bundle_spec_carries_the_camera_backend(tmp_path):
    entry = tmp_path / "camera_probe.py"
    entry.write_text(CAMERA_PROBE, "utf-8")
    dist = freeze(
        "clerk-app.spec",
        tmp_path / "probe",
        CLERK_BUNDLE_NAME="camera-probe",
        CLERK_BUNDLE_ENTRY=str(entry),
    )
    (tmp_path / "userhome").mkdir()
    probe = run([dist / "camera-probe" / "camera-probe"], clean_env(tmp_path))
    assert probe.returncode == 0, probe.stdout + probe.stderr
    assert "No QtMultimedia backends found" not in probe.stderr
    lines = dict(line.split() for line in probe.stdout.splitlines())
    assert lines["cameras"] == "0"  # no camera on this machine, and no error either
    assert int(lines["formats"]) > 0, probe.stderr  # the FFmpeg backend is loaded
