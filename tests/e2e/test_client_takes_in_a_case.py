"""A real client process against a real service process: `python -m clerk_app` (the shipped
entry point, provisioned for the service by a file) signs in, a clerk takes one case in by
keyboard, the sync worker sends it, and the case is in the service's database."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO_PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"
DRIVER = REPO / "tests" / "helpers" / "e2e_driver"


@pytest.mark.slow
def test_a_case_taken_in_at_the_client_reaches_the_services_database(records_service, tmp_path):
    text = DEMO_PROVISIONING.read_text("utf-8")
    provisioning = tmp_path / "window.toml"
    provisioning.write_text(
        re.sub(r'(?m)^url = ".*"$', f'url = "{records_service.base_url}"', text, count=1),
        "utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLERK_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = os.pathsep.join([str(DRIVER), str(REPO), env.get("PYTHONPATH", "")])
    env.pop("CLERK_DATABASE_URL", None)
    client = subprocess.run(
        [sys.executable, "-m", "clerk_app", "--provisioning", str(provisioning), "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert client.returncode == 0, client.stdout + client.stderr
    sent = re.search(r"e2e: case (\S+) sent", client.stderr)
    assert sent, client.stderr
    conn = sqlite3.connect(records_service.database_path)
    try:
        rows = conn.execute(
            "SELECT window_code, disposition FROM cases WHERE case_no = ?", (sent.group(1),)
        ).fetchall()
    finally:
        conn.close()
    assert rows == [("W01", "immediate")]
