"""Database: pragmas, migrations, transactions and the errors a clerk can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clerk_app.store import (
    CannotOpenError,
    CorruptDatabaseError,
    Database,
    DatabaseLockedError,
    StoreError,
)
from clerk_app.store.schema import MIGRATIONS, SCHEMA_VERSION


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def test_new_database_is_wal_with_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    with Database(tmp_path / "clerk.db") as db:
        assert db.pragma("journal_mode") == "wal"
        assert db.pragma("synchronous") == 2  # FULL
        assert db.pragma("foreign_keys") == 1
        assert db.pragma("busy_timeout") == 5000
    # WAL is a property of the file: any other program opening it sees it too.
    other = sqlite3.connect(tmp_path / "clerk.db")
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()


def test_reading_connections_keep_a_smaller_page_cache_than_the_writer(tmp_path: Path) -> None:
    # Issue 21: the desk's read connection caches 256 KiB of pages; the writer keeps SQLite's
    # default 2,000 KiB.
    with Database(tmp_path / "clerk.db") as db:
        row = db.query_one("PRAGMA cache_size")
        assert row is not None and row[0] == -256
        assert db.pragma("cache_size") == -2000


def test_the_keyed_writer_caches_what_the_plain_one_does(tmp_path: Path) -> None:
    # Issue 21: sqlcipher3's default is 8,000 KiB; a day's intakes filled it (+3 MiB).
    from clerk_app.store import cipher

    if not cipher.available():
        pytest.skip("sqlcipher3 is not installed")
    with Database(tmp_path / "clerk.db", key="ab" * 32) as db:
        assert db.encrypted
        assert db.pragma("cache_size") == -2000
        row = db.query_one("PRAGMA cache_size")
        assert row is not None and row[0] == -256


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    with (
        Database(tmp_path / "clerk.db") as db,
        pytest.raises(sqlite3.IntegrityError),
        db.transaction() as conn,
    ):
        conn.execute(
            "INSERT INTO case_events (id, case_id, type, at) VALUES ('e1', 'nope', 'accept', 'x')"
        )


def test_migrations_create_schema_and_set_user_version(tmp_path: Path) -> None:
    with Database(tmp_path / "clerk.db") as db:
        assert db.user_version == SCHEMA_VERSION == len(MIGRATIONS)
    assert {"state", "sequences", "catalog_cache", "cases", "case_events", "outbox", "journal"} <= (
        _tables(tmp_path / "clerk.db")
    )


def test_reopening_does_not_migrate_again_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    with Database(path) as db, db.transaction() as conn:
        conn.execute("INSERT INTO state (key, value) VALUES ('k', 'v')")
    tables = _tables(path)
    with Database(path) as db:
        assert db.user_version == SCHEMA_VERSION
        assert db.query_one("SELECT value FROM state WHERE key='k'")[0] == "v"
    assert _tables(path) == tables


def test_failed_migration_leaves_previous_version_and_no_half_schema(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    broken = (
        "CREATE TABLE a (x INTEGER);",
        "CREATE TABLE b (y INTEGER); CREATE TABLE c (z INTEGER); INSERT INTO nowhere VALUES (1);",
    )
    with pytest.raises(sqlite3.OperationalError):
        Database(path, migrations=broken)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    assert "a" in _tables(path)
    assert not {"b", "c"} & _tables(path)
    # A fixed migration list picks up from version 1.
    fixed = (broken[0], "CREATE TABLE b (y INTEGER); CREATE TABLE c (z INTEGER);")
    with Database(path, migrations=fixed) as db:
        assert db.user_version == 2
    assert {"a", "b", "c"} <= _tables(path)


def test_migration_script_with_semicolon_in_literal(tmp_path: Path) -> None:
    script = "CREATE TABLE t (s TEXT); INSERT INTO t VALUES ('a;b');"
    with Database(tmp_path / "x.db", migrations=(script,)) as db:
        assert db.query_one("SELECT s FROM t")[0] == "a;b"


def test_file_from_newer_client_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Database(path)


def test_transaction_commits_or_rolls_back_everything(tmp_path: Path) -> None:
    with Database(tmp_path / "clerk.db") as db:
        with db.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('a', '1')")
        with pytest.raises(RuntimeError), db.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('b', '2')")
            raise RuntimeError("boom")
        keys = [r[0] for r in db.query("SELECT key FROM state ORDER BY key")]
        assert keys == ["a"]
        assert not db.connection.in_transaction


def test_nested_transaction_failure_rolls_back_only_the_inner_part(tmp_path: Path) -> None:
    with Database(tmp_path / "clerk.db") as db:
        with db.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('outer', '1')")
            with pytest.raises(ValueError), db.transaction() as inner:
                inner.execute("INSERT INTO state (key, value) VALUES ('inner', '2')")
                raise ValueError
        keys = [r[0] for r in db.query("SELECT key FROM state")]
        assert keys == ["outer"]


def test_file_that_is_not_a_database_is_reported_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    path.write_bytes(b"this is a printer driver, not a database\n" * 200)
    with pytest.raises(CorruptDatabaseError) as info:
        Database(path)
    assert info.value.user_message_key == "store.corrupt"
    assert isinstance(info.value, StoreError)


def test_damaged_pages_are_reported_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    with Database(path) as db, db.transaction() as conn:
        for i in range(400):
            conn.execute(
                "INSERT INTO journal (at, area, message) VALUES ('t', 'a', ?)",
                ("x" * 200 + str(i),),
            )
    assert (
        not (tmp_path / "clerk.db-wal").exists() or (tmp_path / "clerk.db-wal").stat().st_size == 0
    )
    data = bytearray(path.read_bytes())
    page = 4096
    # Keep the header page, scribble over every page after it.
    for offset in range(page, len(data), page):
        data[offset : offset + page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError):
        db = Database(path)
        try:
            db.query("SELECT count(*) FROM journal")
        finally:
            db.close()


def test_integrity_check_passes_on_a_healthy_file(tmp_path: Path) -> None:
    with Database(tmp_path / "clerk.db") as db:
        assert db.integrity_ok()


def test_write_while_another_program_holds_the_lock_is_reported_locked(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    with Database(path) as first, Database(path, busy_timeout_ms=0) as second:
        with first.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('a', '1')")
            with pytest.raises(DatabaseLockedError) as info, second.transaction():
                pass
        assert info.value.user_message_key == "store.locked"
        # Once the first writer is done, the second can write.
        with second.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('b', '2')")
        assert len(first.query("SELECT * FROM state")) == 2


def test_programming_errors_are_not_disguised_as_store_errors(tmp_path: Path) -> None:
    with Database(tmp_path / "clerk.db") as db:
        with pytest.raises(sqlite3.OperationalError) as info:
            db.query("SELEC nonsense")
        assert not isinstance(info.value, StoreError)


def test_close_is_idempotent_and_closed_database_refuses_use(tmp_path: Path) -> None:
    db = Database(tmp_path / "clerk.db")
    db.close()
    db.close()
    assert db.closed
    with pytest.raises(RuntimeError, match="closed"):
        db.query("SELECT 1")


def test_database_in_a_missing_folder_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(CannotOpenError) as info:
        Database(tmp_path / "no-such-folder" / "clerk.db")
    assert info.value.user_message_key == "store.cannot_open"
