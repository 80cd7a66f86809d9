"""Helpers of the slow packaging tests (`make package-test` sets CLERK_PACKAGE_TEST=1)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("CLERK_DIST", ROOT / "dist"))
BUNDLE = DIST / "clerk-app"
DEMO = ROOT / "resources" / "provisioning" / "demo-W01.toml"

needs_package_build = pytest.mark.skipif(
    os.environ.get("CLERK_PACKAGE_TEST") != "1",
    reason="builds the bundle: run by `make package-test`",
)


def window_file(tmp_path: Path, service_url: str) -> Path:
    path = tmp_path / "window.toml"
    text = DEMO.read_text("utf-8").replace("http://127.0.0.1:8765", service_url)
    path.write_text(text, "utf-8")
    return path


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """No venv, no PYTHONPATH: only what a window PC has."""
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": str(tmp_path / "userhome"),
        "CLERK_HOME": str(tmp_path / "clerk-home"),
        "CLERK_MACHINE_CONFIG_DIR": str(tmp_path / "machine"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    env.update(extra)
    return env


def run(args: list[str | Path], env: dict[str, str], timeout: float = 120):
    return subprocess.run(
        [str(a) for a in args], env=env, cwd=env["HOME"] if Path(env["HOME"]).is_dir() else "/",
        capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
