"""packaging/idcard-helper.spec (issue 22): the ID card reader's helper frozen as one file.

The Windows workflow builds it with a 32-bit Python for the vendors' 32-bit DLLs; here the
same spec builds a native one, and the app reads the stand-in card (the gcc-built library of
tests/helpers/idcard_standin.c) through it, with nothing but the frozen file: no venv, no
Qt. Slow (a PyInstaller build): run by `make package-test`."""

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
from tests.packaging.frozen import ROOT, needs_package_build

pytestmark = needs_package_build


@pytest.fixture(scope="module")
def helper_exe(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller")
    out = tmp_path_factory.mktemp("helper")
    built = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(out / "dist"), "--workpath", str(out / "build"),
            str(ROOT / "packaging" / "idcard-helper.spec"),
        ],
        capture_output=True, text=True, timeout=600, check=False, cwd=out,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    exe = out / "dist" / "clerk-idcard-helper"
    assert exe.is_file() and os.access(exe, os.X_OK)
    return exe


def test_the_frozen_helper_reads_the_card_for_the_app(helper_exe, tmp_path, monkeypatch):
    library = build_standin(tmp_path)
    if library is None:
        pytest.skip("no C compiler (gcc) to build the stand-in reader library")
    (tmp_path / "text.bin").write_bytes(base_message(CARD))
    (tmp_path / "photo.bin").write_bytes(bmp(102, 126))
    monkeypatch.setenv("IDCARD_STANDIN_TEXT", str(tmp_path / "text.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_PHOTO", str(tmp_path / "photo.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_MODE", "ok")
    monkeypatch.delenv("PYTHONPATH", raising=False)
    setup = IdCardSetup(library, "termb", mode="helper", helper=helper_exe, timeout=60.0)
    try:
        card = read_card(setup)
        helper = idcard_pipe.helper_reader(setup)
        assert helper.info["version"] and helper.info["bits"] == 64  # native here
    finally:
        idcard_pipe.close_helpers()
    assert card == dataclasses.replace(CARD, photo=bmp(102, 126), photo_format="bmp")
