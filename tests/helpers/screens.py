"""Two monitors without a display: Qt's ``offscreen`` platform takes a JSON screen layout
(``QT_QPA_PLATFORM=offscreen:configfile=FILE``). A Qt process has its screens for life, so
tests that need two monitors (the applicant screen) run in a child pytest started with that
platform (:func:`run_with_two_screens`); in the one-screen run they skip (fixture
``two_screens``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

ROOT = Path(__file__).resolve().parents[2]
#: The desk's monitor (left) and the applicant's (right).
LAYOUT = {
    "screens": [
        {"name": "left", "x": 0, "y": 0, "width": 1366, "height": 768, "dpi": 96, "dpr": 1},
        {"name": "right", "x": 1366, "y": 0, "width": 1280, "height": 800, "dpi": 96, "dpr": 1},
    ]
}


@pytest.fixture
def two_screens(qapp) -> None:
    """Skip unless this process has two monitors (see :func:`run_with_two_screens`)."""
    if len(QGuiApplication.screens()) < 2:
        pytest.skip("needs two monitors: run in a child by the two-screen runner test")


def run_with_two_screens(tests: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    """Run pytest on ``tests`` (paths from the repository root) in a child whose offscreen
    platform has the two monitors of :data:`LAYOUT`."""
    config = folder / "two-screens.json"
    config.write_text(json.dumps(LAYOUT), "utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rs",
         f"--basetemp={folder / 'child'}", *tests],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
