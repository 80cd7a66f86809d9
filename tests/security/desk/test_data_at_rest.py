"""What a thief of the window PC's disk (or another user of it) finds (issue 14): an
encrypted database whose raw bytes hold no ID number, private files, the key in the
keyring or an owner-only key file, an old plaintext database encrypted without losing a
row, old closed cases and parked intakes purged, a journal export sealed."""

from __future__ import annotations

import io
import json
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from clerk_app import selfcheck
from clerk_app.app.context import StartupError
from clerk_app.app.parking import park, parked_intakes
from clerk_app.app.retention import purge_at_start
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.core.sealed import unseal
from clerk_app.store import cipher
from clerk_app.store.journal_export import export, read_passphrase
from clerk_app.store.keys import DATABASE_KEY, SecretStore, database_key_of
from tests.helpers.security_desk import UNREACHABLE
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import VALID_ID, demo_item, take_in

USER = "demo-clerk"


def _take_in(ctx, n: int = 1) -> str:
    catalog, item = demo_item()
    return str(take_in(ctx, USER, item, catalog.version, n)["case_no"])


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_raw_database_holds_no_id_number_and_plain_sqlite_cannot_read_it(make_desk):
    ctx = make_desk(UNREACHABLE)
    case_no = _take_in(ctx)
    assert ctx.backend.store.get_case(case_no).applicant.id_number == VALID_ID
    db = ctx.paths.database
    ctx.backend.db.pragma("wal_checkpoint")  # pages in the main file as well as the WAL
    for path in (db, Path(f"{db}-wal")):
        if path.exists():
            raw = path.read_bytes()
            assert VALID_ID.encode() not in raw and case_no.encode() not in raw, path
            assert "测试申请人".encode() not in raw
    assert not cipher.is_plaintext(db)
    database, _ = selfcheck.check_database(ctx.paths)  # the self-check opens it with the key
    assert database.level is selfcheck.Level.OK and "(encrypted)" in database.en
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT count(*) FROM cases").fetchone()


def test_folders_are_0700_and_files_0600(make_desk, records_service, tmp_path):
    ctx = make_desk(records_service.base_url)
    session = sign_in(ctx, USER, DEMO_PASSWORD)
    _take_in(ctx)
    park(ctx, clerk=USER, item_code="DEMO-GA-001", state={"name": "张三"})
    (ctx.paths.documents_dir / "receipt.pdf").write_bytes(b"%PDF-1.7 a receipt")
    (ctx.paths.log_dir / "clerk.log").write_text("a log line\n", "utf-8")
    out = tmp_path / "journal.sealed"
    export(
        ctx.paths.database, out, "a long enough passphrase", key=database_key_of(ctx.paths.database)
    )
    assert session.username == USER
    for folder in ctx.paths.private_folders:
        assert _mode(folder) == 0o700, folder
        for path in folder.rglob("*"):
            assert _mode(path) == (0o700 if path.is_dir() else 0o600), path
    assert _mode(out) == 0o600
    # A file an older client left readable is made private at the next start.
    old = ctx.paths.documents_dir / "old-notice.pdf"
    old.write_bytes(b"%PDF old")
    old.chmod(0o644)
    make_desk(records_service.base_url)
    assert _mode(old) == 0o600
    assert selfcheck.check_private_files(ctx.paths).level is selfcheck.Level.OK


def test_without_a_secure_keyring_the_key_goes_to_an_owner_only_key_file(
    no_secure_keyring, make_desk, records_service
):
    ctx = make_desk(records_service.base_url)
    sign_in(ctx, USER, DEMO_PASSWORD)
    case_no = _take_in(ctx)
    key_file = ctx.paths.key_file
    assert not ctx.backend.secrets.secure
    assert _mode(key_file) == 0o600
    kept = json.loads(key_file.read_text("utf-8"))
    assert set(kept) == {DATABASE_KEY, f"device:W01:{ctx.device_id}"}  # key and device token
    assert selfcheck.check_keyring(ctx.paths).level is selfcheck.Level.WARN
    assert str(key_file) in selfcheck.check_keyring(ctx.paths).en
    ctx.close()
    # A restart (never memory only): the same key opens the same cases, and the device
    # token still sends what waits.
    again = make_desk(records_service.base_url)
    assert again.backend.store.get_case(case_no) is not None
    assert again.backend.tokens.get_device_token("W01", again.device_id)
    assert sync_engine(again, sign_in(again, USER, DEMO_PASSWORD)).push_once().waiting == 0


def test_an_old_plaintext_database_is_encrypted_without_losing_unsent_rows(
    make_desk, records_service, monkeypatch
):
    monkeypatch.setattr(cipher, "available", lambda: False)  # an older client: plain SQLite
    old = make_desk(UNREACHABLE)
    cases = {_take_in(old, n) for n in range(3)}
    pending = len(old.backend.store.outbox_rows("pending"))
    assert pending == 3 and cipher.is_plaintext(old.paths.database)
    old.close()
    monkeypatch.undo()

    ctx = make_desk(records_service.base_url)  # this client starts on the same files
    db = ctx.paths.database
    assert not cipher.is_plaintext(db)
    assert VALID_ID.encode() not in db.read_bytes()
    assert not list(db.parent.glob("*.encrypting"))
    assert {c.case_no for c in ctx.backend.store.list_cases("W01")} == cases
    assert len(ctx.backend.store.outbox_rows("pending")) == pending
    assert ctx.backend.db.integrity_ok()
    # ... and they reach the center.
    result = sync_engine(ctx, sign_in(ctx, USER, DEMO_PASSWORD)).push_once()
    assert result.sent == pending and result.waiting == 0


def test_closed_synced_cases_and_old_parked_intakes_are_purged_at_start(
    make_desk, records_service, clock
):
    ctx = make_desk(records_service.base_url, retention_days=30)
    gone, waiting = _take_in(ctx, 1), _take_in(ctx, 2)
    sync_engine(ctx, sign_in(ctx, USER, DEMO_PASSWORD)).push_once()
    still_open = _take_in(ctx, 3)
    db = ctx.backend.db
    for case_no in (gone, waiting):
        db.execute("UPDATE cases SET status = 'completed_approved' WHERE case_no = ?", (case_no,))
    # One of the closed cases still has something to send: it stays.
    db.execute(
        "UPDATE outbox SET state = 'pending' WHERE case_id ="
        " (SELECT id FROM cases WHERE case_no = ?)",
        (waiting,),
    )
    park(ctx, clerk=USER, item_code="DEMO-GA-001", state={"name": "old"})
    clock.advance(timedelta(days=31))
    park(ctx, clerk=USER, item_code="DEMO-GA-001", state={"name": "new"})
    purged = purge_at_start(ctx)
    assert (purged.cases, purged.parked) == (1, 1)
    store = ctx.backend.store
    assert store.get_case(gone) is None
    assert store.get_case(waiting) is not None and store.get_case(still_open) is not None
    assert [p.state["name"] for p in parked_intakes(ctx)] == ["new"]


def test_the_journal_export_is_sealed_with_a_passphrase(make_desk, tmp_path):
    ctx = make_desk(UNREACHABLE)
    _take_in(ctx)
    out = tmp_path / "journal.sealed"
    assert read_passphrase(io.StringIO("a long enough passphrase\n")) == "a long enough passphrase"
    export(
        ctx.paths.database, out, "a long enough passphrase", key=database_key_of(ctx.paths.database)
    )
    assert VALID_ID.encode() not in out.read_bytes()
    lines = unseal(out.read_bytes(), "a long enough passphrase").decode().splitlines()
    assert json.loads(lines[0])["window_code"] == "W01"
    assert any(VALID_ID in line for line in lines[1:])
    with pytest.raises(ValueError, match="at least"):
        export(ctx.paths.database, out, "short", key=database_key_of(ctx.paths.database))


def test_a_lost_key_stops_the_start_and_never_replaces_the_database(make_desk):
    ctx = make_desk(UNREACHABLE)
    case_no = _take_in(ctx)
    kept = ctx.backend.secrets.get(DATABASE_KEY)
    ctx.close()
    secrets = SecretStore(ctx.paths.key_file, scope=ctx.device_id)
    secrets.delete(DATABASE_KEY)  # a keyring that is locked or lost the entry
    with pytest.raises(StartupError, match="cannot be read"):
        make_desk(UNREACHABLE)
    assert list(ctx.paths.data_dir.glob("*.damaged-*")) == []  # nothing set aside
    secrets.set(DATABASE_KEY, kept)  # the keyring is back
    assert make_desk(UNREACHABLE).backend.store.get_case(case_no) is not None
