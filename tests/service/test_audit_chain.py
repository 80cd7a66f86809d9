"""The audit trail's hash chain, its CSV export, and backup/restore, through the CLI, on
SQLite and on PostgreSQL (pg_dump / pg_restore). The service and the CLI share the audit key
file (``CLERK_AUDIT_KEY_FILE``), as they do on a real server: copies and restores of the
database verify with it."""

from __future__ import annotations

import csv
import subprocess
import sys
import uuid

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.helpers.service import REPO_ROOT, TEST_NOW, ServiceLauncher, _child_env, run_cli
from tests.helpers.service_api import (
    TIMEOUT,
    auth,
    case_body,
    login,
    post_case,
    valid_resident_id,
)


def clerk_records(
    args: list[str], url: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> tuple[int, str]:
    """Run ``clerk-records ARGS`` on the database at ``url``: (exit code, output)."""
    result = subprocess.run(
        [sys.executable, "-m", "records_service", *args],
        cwd=REPO_ROOT,
        env=_child_env(url, env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def sql(url: str, statement: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement))
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def tamper(url: str, statement: str) -> None:
    """What someone with the database could do: drop the guard, change a row."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(
                    text("DROP TRIGGER IF EXISTS audit_records_no_change ON audit_records")
                )
            else:
                conn.execute(text("DROP TRIGGER IF EXISTS audit_records_no_update"))
                conn.execute(text("DROP TRIGGER IF EXISTS audit_records_no_delete"))
            conn.execute(text(statement))
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def seal_env(tmp_path_factory) -> dict[str, str]:
    """The audit key and checkpoint file of this module's services and commands."""
    folder = tmp_path_factory.mktemp("audit-key")
    return {
        "CLERK_AUDIT_KEY_FILE": str(folder / "audit.key"),
        "CLERK_AUDIT_CHECKPOINT_FILE": str(folder / "checkpoints.jsonl"),
    }


@pytest.fixture(scope="module")
def audited_db(demo_databases, tmp_path_factory, records_template_db, seal_env) -> str:
    """A database with sign-ins, cases, a refusal and desk audit events in its trail."""
    url = demo_databases.new()
    launcher = ServiceLauncher(tmp_path_factory.mktemp("audited"), records_template_db)
    try:
        service = launcher.start(database_url=url, clock=TEST_NOW, env=seal_env)
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
    return url


def test_untouched_chain_verifies(audited_db, demo_databases, seal_env) -> None:
    code, out = clerk_records(["audit", "verify"], demo_databases.copy(audited_db), seal_env)
    assert code == 0, out
    assert "intact" in out
    assert f"{len(trail(audited_db))} seals" in out  # every record the service wrote


def test_without_the_key_sealed_records_do_not_pass(audited_db, demo_databases, tmp_path) -> None:
    env = {"CLERK_AUDIT_KEY_FILE": str(tmp_path / "nowhere.key")}
    code, out = clerk_records(["audit", "verify"], demo_databases.copy(audited_db), env)
    assert code == 1
    assert f"{len(trail(audited_db))} sealed records could not be checked (no audit key)" in out


def test_a_command_without_the_services_key_writes_nothing(
    audited_db, demo_databases, tmp_path
) -> None:
    """An admin's shell without the service's settings must not seal with a second key."""
    url = demo_databases.copy(audited_db)
    env = {"CLERK_AUDIT_KEY_FILE": str(tmp_path / "elsewhere.key")}
    before = trail(url)
    window = ["register-window", "--code", "W31", "--name", "x", "--department", "GA"]
    code, out = clerk_records(window, url, env)
    assert code == 2
    assert "the audit trail is sealed, but there is no audit key at" in out
    assert not (tmp_path / "elsewhere.key").exists()
    assert trail(url) == before
    assert sql(url, "SELECT count(*) FROM windows WHERE code = 'W31'") == [(0,)]


def test_an_edited_row_is_reported(audited_db, demo_databases, seal_env) -> None:
    path = demo_databases.copy(audited_db)
    tamper(path, "UPDATE audit_records SET actor = 'somebody-else' WHERE id = 3")
    code, out = clerk_records(["audit", "verify"], path, seal_env)
    assert code == 1
    assert "record 3: its content was changed" in out


def test_a_deleted_row_is_reported(audited_db, demo_databases, seal_env) -> None:
    path = demo_databases.copy(audited_db)
    tamper(path, "DELETE FROM audit_records WHERE id = 2")
    code, out = clerk_records(["audit", "verify"], path, seal_env)
    assert code == 1
    assert "record 3: the record before it was changed or deleted" in out


def test_the_trail_records_refusals_and_failures_and_exports_masked(audited_db, tmp_path) -> None:
    out_csv = tmp_path / "audit.csv"
    run_cli(["audit", "export", "--out", str(out_csv)], audited_db)
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


def cases(url: str) -> list[tuple]:
    return sql(url, "SELECT id, case_no, status FROM cases ORDER BY case_no")


def trail(url: str) -> list[tuple]:
    return sql(url, "SELECT id, action, hash FROM audit_records ORDER BY id")


def test_backup_then_restore_gives_the_same_cases_and_a_valid_chain(
    audited_db, demo_databases, tmp_path, seal_env
) -> None:
    backup = tmp_path / "backup"
    run_cli(["backup", str(backup)], audited_db)
    assert backup.stat().st_mode & 0o777 == 0o600  # the backup holds every applicant
    restored = demo_databases.empty()
    run_cli(["restore", str(backup)], restored)
    code, out = clerk_records(["restore", str(backup)], restored)
    assert code == 1 and "--force" in out  # never overwrites by accident

    assert cases(restored) == cases(audited_db)
    assert len(cases(restored)) == 3
    assert trail(restored) == trail(audited_db)
    code, out = clerk_records(["audit", "verify"], restored, seal_env)
    assert code == 0, out
    assert "intact" in out


def test_restore_with_force_replaces_a_database_that_was_written_since(
    audited_db, demo_databases, tmp_path, seal_env
) -> None:
    backup = tmp_path / "backup"
    run_cli(["backup", str(backup)], audited_db)
    target = demo_databases.copy(audited_db)
    tamper(target, "UPDATE cases SET status = 'voided'")
    tamper(target, "DELETE FROM audit_records WHERE id > 3")
    run_cli(["restore", "--force", str(backup)], target)
    assert cases(target) == cases(audited_db)
    assert trail(target) == trail(audited_db)
    code, out = clerk_records(["audit", "verify"], target, seal_env)
    assert code == 0, out
    # the append-only guard came back with the restore
    with pytest.raises(Exception, match="append-only"):
        sql(target, "DELETE FROM audit_records")
