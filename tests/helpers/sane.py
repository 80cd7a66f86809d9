"""SANE's ``test`` backend as a real scanner for the tests (Debian ``sane-utils``).

Debian ships the backend commented out in ``/etc/sane.d/dll.conf``: the fixture writes a
configuration folder of its own that loads only ``test`` (so no network backend is probed)
and points ``SANE_CONFIG_DIR`` at it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SYSTEM_CONFIG = Path("/etc/sane.d")


@pytest.fixture
def sane_test_device(tmp_path, monkeypatch) -> str:
    """The name of SANE's test device (``test:0``), with ``SANE_CONFIG_DIR`` set."""
    assert shutil.which("scanimage"), "scanimage is missing: tools/ensure-debian-packages.sh test"
    folder = tmp_path / "sane.d"
    folder.mkdir()
    (folder / "dll.conf").write_text("test\n")
    test_conf = SYSTEM_CONFIG / "test.conf"
    if test_conf.exists():
        shutil.copy(test_conf, folder / "test.conf")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(folder))
    return "test:0"
