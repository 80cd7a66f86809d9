"""The audit trail's hash chain, its CSV export, and backup/restore, through the CLI."""

from __future__ import annotations

import csv
import shutil
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from pathlib import Path

import pytest
import requests

from tests.fixtures.service import REPO_ROOT, _child_env, run_cli
from tests.service.conftest import (
    TIMEOUT,
    auth,
    case_body,
    login,
    post_case,
    valid_resident_id,
)


def clerk_records(args: list[str], path: Path) -> tuple[int, str]:
    """Run ``clerk-records ARGS`` on the SQLite file ``path``: (exit code, output)."""
    result = subprocess.run(
        [sys.executable, "-m", "records_service", *args],
        cwd=REPO_ROOT,
        env=_child_env(f"sqlite:///{path}", None),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def tamper(path: Path, statement: str) -> None:
    """What someone with the database file could do: drop the guard, change a row."""
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("DROP TRIGGER IF EXISTS audit_records_no_update")
        db.execute("DROP TRIGGER IF EXISTS audit_records_no_delete")
        db.execute(statement)


@pytest.fixture(scope="module")
def audited_db(tmp_path_factory, records_template_db) -> Path:
    """A database with sign-ins, cases, a refusal and desk audit events in its trail."""
    from tests.fixtures.service import ServiceLauncher

    folder = tmp_path_factory.mktemp("audited")
    path = folder / "records.db"
    shutil.copyfile(records_template_db(None), path)
    launcher = ServiceLauncher(folder, records_template_db)
    try:
        service = launcher.start(database_path=path)
        signed_in = login(service, device_id="desk-chain").json()
        token = signed_in["access_token"]
        for _ in range(3):
            assert post_case(service, token, case_body()).status_code == 201
        assert login(service, password="wrong-password-1").status_code == 401
        refused = requests.get(service.url("/audit"), headers=auth(token), timeout=TIMEOUT)
        assert refused.status_code == 403
        event = {
            "id": str(uuid.uuid4()),
            "at": "2026-11-28T10:00:00+08:00",
            "actor": "demo-clerk",
            "action": "id_unmasked",
            "target": "HS-W01-20261128-000001",
            "detail": {"shown": valid_resident_id(), "phone": "13800138000"},
        }
        response = requests.post(
            service.url("/audit/client-events"),
            json={"events": [event]},
            headers={**auth(signed_in["device_token"]), "Idempotency-Key": event["id"]},
            timeout=TIMEOUT,
        )
        assert response.status_code == 201, response.text
    finally:
        launcher.stop_all()
    return path


def _copy(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    shutil.copyfile(path, target)
    return target


def test_untouched_chain_verifies(audited_db, tmp_path) -> None:
    code, out = clerk_records(["audit", "verify"], _copy(audited_db, tmp_path))
    assert code == 0, out
    assert "intact" in out


def test_an_edited_row_is_reported(audited_db, tmp_path) -> None:
    path = _copy(audited_db, tmp_path)
    tamper(path, "UPDATE audit_records SET actor = 'somebody-else' WHERE id = 3")
    code, out = clerk_records(["audit", "verify"], path)
    assert code == 1
    assert "record 3: its content was changed" in out


def test_a_deleted_row_is_reported(audited_db, tmp_path) -> None:
    path = _copy(audited_db, tmp_path)
    tamper(path, "DELETE FROM audit_records WHERE id = 2")
    code, out = clerk_records(["audit", "verify"], path)
    assert code == 1
    assert "record 3: the record before it was changed or deleted" in out


def test_the_trail_records_refusals_and_failures_and_exports_masked(audited_db, tmp_path) -> None:
    out_csv = tmp_path / "audit.csv"
    path = _copy(audited_db, tmp_path)
    run_cli(["audit", "export", "--out", str(out_csv)], f"sqlite:///{path}")
    text = out_csv.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    actions = {(r["action"], r["result"]) for r in rows}
    assert ("access.refused", "forbidden") in actions
    assert ("case.create", "ok") in actions
    assert any(a == "login" and r != "ok" for a, r in actions), actions
    desk = next(r for r in rows if r["action"] == "client.id_unmasked")
    assert desk["actor"] == "demo-clerk"
    assert valid_resident_id() not in text and "13800138000" not in text
    assert "110105********" in desk["detail"] and "138****8000" in desk["detail"]


def test_backup_then_restore_gives_the_same_cases_and_a_valid_chain(audited_db, tmp_path) -> None:
    backup = tmp_path / "backup.db"
    run_cli(["backup", str(backup)], f"sqlite:///{audited_db}")
    restored = tmp_path / "restored" / "records.db"
    run_cli(["restore", str(backup)], f"sqlite:///{restored}")
    code, out = clerk_records(["restore", str(backup)], restored)
    assert code == 1 and "--force" in out  # never overwrites by accident

    def cases(path: Path) -> list[tuple]:
        with closing(sqlite3.connect(path)) as db:
            return db.execute("SELECT id, case_no, status FROM cases ORDER BY case_no").fetchall()

    assert cases(restored) == cases(audited_db)
    assert len(cases(restored)) == 3
    code, out = clerk_records(["audit", "verify"], restored)
    assert code == 0, out
