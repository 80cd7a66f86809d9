"""The .deb: installed with apt-get (dependencies checked), run by full path, removed."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from clerk_app import __version__
from tests.packaging.frozen import DIST, clean_env, needs_package_build, run, window_file

pytestmark = [
    needs_package_build,
    pytest.mark.skipif(
        shutil.which("apt-get") is None or os.geteuid() != 0, reason="needs apt-get as root"
    ),
]


def apt(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(
        ["apt-get", "-y", "-q", "--no-install-recommends", *args],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_deb_installs_runs_by_full_path_and_is_removed(records_service, tmp_path):
    debs = sorted(DIST.glob(f"clerk-app_{__version__}_*.deb"))
    assert debs, f"no .deb in {DIST} (make deb)"
    info = subprocess.run(["dpkg-deb", "-f", debs[-1], "Depends"], capture_output=True, text=True)
    assert "fonts-noto-cjk" in info.stdout
    (tmp_path / "userhome").mkdir()
    env = clean_env(tmp_path)
    try:
        installed = apt("install", str(debs[-1].resolve()))
        assert installed.returncode == 0, installed.stdout + installed.stderr
        version = run(["/usr/bin/clerk-app", "--version"], env)
        assert version.stdout.strip() == f"clerk-app {__version__}", version.stderr
        assert os.path.realpath("/usr/bin/clerk-app") == "/opt/window-clerk/clerk-app"
        assert os.path.isfile("/usr/share/applications/window-clerk.desktop")
        example = "/usr/share/doc/window-clerk/provisioning.example.toml"
        check = run(["/usr/bin/clerk-app", "provision", example, "--check"], env)
        assert check.returncode == 0, check.stdout + check.stderr

        window = window_file(tmp_path, records_service.base_url)
        check = run(["/usr/bin/clerk-app", "self-check", "--provisioning", window], env)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "FAIL" not in check.stdout
    finally:
        removed = apt("purge", "clerk-app")
        assert removed.returncode == 0, removed.stderr
    assert not os.path.exists("/usr/bin/clerk-app")
    assert not os.path.exists("/opt/window-clerk")
