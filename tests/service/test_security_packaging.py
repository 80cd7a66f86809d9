"""Packaging, as an attacker on a window PC or the service's host would look at it: the
Windows installer runs system tools by full path, the systemd unit serves loopback only."""

from __future__ import annotations

import re

from tests.helpers.service import REPO_ROOT

NSIS = REPO_ROOT / "packaging/windows/installer.nsi"
UNITS = REPO_ROOT / "records_service/deploy"


def test_the_installer_runs_icacls_by_its_full_path() -> None:
    calls = [
        line.strip()
        for line in NSIS.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*(nsExec::|Exec|ExecWait)", line)
    ]
    assert calls, "the installer runs no program any more: update this test"
    for call in calls:
        program = re.search(r"'\"?([^\"' ]+)", call)
        # Windows' own tools from the system folder, ours from where we installed it.
        assert program is not None and program[1].startswith(("$SYSDIR\\", "$INSTDIR\\")), call


def test_the_units_serve_loopback_and_keep_the_owner_apart() -> None:
    service = (UNITS / "clerk-records.service").read_text(encoding="utf-8")
    start = next(x for x in service.splitlines() if x.startswith("ExecStart="))
    assert "--host 127.0.0.1" in start and "--allow-plain-http" not in start
    assert "migrate" not in start and "ExecStartPre" not in service
    assert "UMask=0077" in service
    migrate = (UNITS / "clerk-records-migrate.service").read_text(encoding="utf-8")
    assert "EnvironmentFile=/etc/clerk-records/owner.env" in migrate
    assert "EnvironmentFile=/etc/clerk-records/owner.env" not in service
