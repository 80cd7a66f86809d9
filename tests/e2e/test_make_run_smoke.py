"""`make run`'s own entry point in smoke mode: demo service up, sign-in, quit, nothing left."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has exited; only its parent has not reaped it yet.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", CLERK_HOME=str(home))
    env.pop("CLERK_DATABASE_URL", None)
    return env


@pytest.mark.slow
def test_demo_smoke_signs_in_and_leaves_no_service_behind(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "clerk_app", "--demo", "--smoke"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    pid = int((tmp_path / "data" / "embedded-service" / "service.pid").read_text())
    assert not _alive(pid), "the embedded records service is still running"
    log = (tmp_path / "logs" / "clerk.log").read_text("utf-8")
    assert "signed in as demo-clerk" in log


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
def test_killed_client_takes_its_service_down(tmp_path):
    """Even when the client is killed outright, the service it started goes too."""
    client = subprocess.Popen(
        [sys.executable, "-m", "clerk_app", "--demo"],
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pid_file = tmp_path / "data" / "embedded-service" / "service.pid"
    log = tmp_path / "logs" / "clerk.log"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if log.exists() and "embedded records service ready" in log.read_text("utf-8"):
                break
            assert client.poll() is None, "client exited early"
            time.sleep(0.2)
        else:
            pytest.fail("embedded service did not start")
        pid = int(pid_file.read_text())
        assert _alive(pid)
        client.send_signal(signal.SIGKILL)
        client.wait(10)
        deadline = time.monotonic() + 15
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(pid), "the service outlived the killed client"
    finally:
        if client.poll() is None:
            client.kill()
            client.wait(10)
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid_file.read_text()), signal.SIGKILL)
