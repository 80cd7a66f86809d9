"""Uninstalling with unsent cases: the Debian ``prerm`` refuses a removal while a user's
desk still waits to send (unless the administrator forces it) and only warns on upgrade;
the Windows uninstaller asks, No being the default. The prerm runs here for real against
real desk databases under a stand-in root (``$DPKG_ROOT``), with ``clerk-app`` from source."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.store.unsent_check import desk_database
from tests.helpers.unsent_desk import desk_with_waiting_cases
from tests.packaging.frozen import needs_package_build

ROOT = Path(__file__).resolve().parents[2]
PRERM = ROOT / "packaging" / "linux" / "prerm"
NSI = ROOT / "packaging" / "windows" / "installer.nsi"

pytestmark = pytest.mark.usefixtures("no_secure_keyring", "qapp")


@pytest.fixture
def machine(tmp_path):
    """A stand-in root with two users, and ``clerk-app`` as the package would run it."""
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "passwd").write_text(
        "root:x:0:0:root:/root:/bin/bash\nli:x:1000:1000:Li:/home/li:/bin/bash\n"
        "wang:x:1001:1001:Wang:/home/wang:/bin/bash\n",
        "utf-8",
    )
    clerk_app = tmp_path / "clerk-app"
    clerk_app.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m clerk_app "$@"\n', "utf-8")
    clerk_app.chmod(0o755)
    return root, clerk_app


def prerm(machine, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    root, clerk_app = machine
    environ = {k: v for k, v in os.environ.items() if k != "CLERK_HOME"}
    environ.update(CLERK_APP=str(clerk_app), DPKG_ROOT=str(root), PYTHONPATH=str(ROOT), **env)
    return subprocess.run(
        [str(PRERM), *args], env=environ, cwd=ROOT, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


def test_prerm_refuses_removal_while_a_desk_has_unsent_cases(machine):
    root, _ = machine
    desk_with_waiting_cases(desk_database(root / "home" / "li").parent, 0)
    nothing = prerm(machine, "remove")
    assert nothing.returncode == 0 and nothing.stderr == ""

    database, _ = desk_with_waiting_cases(desk_database(root / "home" / "wang").parent, 2)
    refused = prerm(machine, "remove")
    assert refused.returncode == 1
    assert f"{database.parent}: 2 case(s) and 4 document(s) not sent" in refused.stderr
    assert "not removed" in refused.stderr
    assert "CLERK_APP_REMOVE_UNSENT=1 apt-get remove clerk-app" in refused.stderr

    forced = prerm(machine, "remove", CLERK_APP_REMOVE_UNSENT="1")
    assert forced.returncode == 0 and "2 case(s)" in forced.stderr
    upgrade = prerm(machine, "upgrade", "0.2.0")
    assert upgrade.returncode == 0 and "WARNING" in upgrade.stderr
    assert database.is_file()  # nothing of the desk is touched


def test_the_package_carries_the_prerm():
    build = (ROOT / "packaging" / "linux" / "build-deb.sh").read_text("utf-8")
    assert '"$ROOT/packaging/linux/prerm" "$PKG/DEBIAN/prerm"' in build
    assert os.access(PRERM, os.X_OK)


def test_the_windows_uninstaller_asks_with_no_as_default_before_removing():
    text = NSI.read_text("utf-8")
    check = text[text.index("Function un.CheckUnsent") :]
    check = check[: check.index("FunctionEnd")]
    assert "Call un.CheckUnsent" in text[text.index("Function un.onInit") :]
    assert "unsent --all-users --numbers" in check
    # Unsent cases: Yes/No with No (the second button) the default, and No in silent mode.
    assert 'MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnsentAsk)" /SD IDNO' in check
    assert "Quit" in check and '${If} $Force == "1"' in check
    for language in ("LANG_SIMPCHINESE", "LANG_ENGLISH"):
        assert f"LangString UnsentAsk ${{{language}}}" in text
    assert "$R1 件办件、$R2 份文书" in text


@needs_package_build
@pytest.mark.skipif(
    shutil.which("dpkg-deb") is None or os.geteuid() != 0, reason="needs dpkg as root"
)
def test_dpkg_runs_the_prerm_and_keeps_the_package_while_cases_wait(machine, tmp_path):
    """A stand-in package with the real prerm: ``dpkg -r`` fails while the desk that
    CLERK_HOME names waits to send, and goes through with CLERK_APP_REMOVE_UNSENT=1."""
    _, clerk_app = machine
    desk_with_waiting_cases(tmp_path / "desk" / "data", 1)
    pkg = tmp_path / "pkg"
    (pkg / "DEBIAN").mkdir(parents=True)
    (pkg / "DEBIAN" / "control").write_text(
        "Package: clerk-app-prerm-probe\nVersion: 1.0\nArchitecture: all\n"
        "Maintainer: tests <t@example.invalid>\nDescription: prerm probe\n",
        "utf-8",
    )
    shutil.copy(PRERM, pkg / "DEBIAN" / "prerm")
    for path in (pkg, pkg / "DEBIAN", pkg / "DEBIAN" / "prerm"):
        path.chmod(0o755)
    deb = tmp_path / "probe.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(pkg), str(deb)],
                   check=True, capture_output=True)  # fmt: skip
    env = dict(os.environ, CLERK_APP=str(clerk_app), CLERK_HOME=str(tmp_path / "desk"),
               PYTHONPATH=str(ROOT))  # fmt: skip

    def dpkg(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["dpkg", *args], env={**env, **extra}, capture_output=True,
                              text=True, timeout=120, check=False)  # fmt: skip

    assert dpkg("-i", str(deb)).returncode == 0
    try:
        refused = dpkg("-r", "clerk-app-prerm-probe")
        assert refused.returncode != 0
        assert "1 case(s) and 2 document(s) not sent" in refused.stderr
        assert dpkg("-s", "clerk-app-prerm-probe").returncode == 0  # still installed
        forced = dpkg("-r", "clerk-app-prerm-probe", CLERK_APP_REMOVE_UNSENT="1")
        assert forced.returncode == 0, forced.stderr
    finally:
        dpkg("--purge", "clerk-app-prerm-probe", CLERK_APP_REMOVE_UNSENT="1")
