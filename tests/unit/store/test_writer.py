"""One writer per database: every write runs on its thread, reads never wait for it."""

from __future__ import annotations

import gc
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from clerk_app.core.clock import FixedClock
from clerk_app.store.db import Database, ReadOnlyConnectionError
from clerk_app.store.local import LocalStore
from clerk_app.store.sync_state import SyncStateStore
from clerk_app.store.writer import WriterClosed, writes

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@writes
def _note(db: Database, key: str, value: str, seen: list[str]) -> None:
    seen.append(threading.current_thread().name)
    with db.transaction() as conn:
        conn.execute("INSERT INTO state (key, value) VALUES (?, ?)", (key, value))


def test_writes_from_three_threads_at_once_are_serialised_and_all_land(tmp_path: Path) -> None:
    db = Database(tmp_path / "clerk.db")
    store = LocalStore(db, FixedClock(NOW))
    sync_state = SyncStateStore(db, FixedClock(NOW))
    seen: list[str] = []
    start = threading.Barrier(3)
    failures: list[BaseException] = []

    def desk() -> None:  # the desk's writes: outbox rows
        start.wait()
        for i in range(40):
            store.enqueue(
                kind="client_event", method="POST", path="/x", idempotency_key=f"k{i}", body={}
            )

    def sync() -> None:  # the sync thread's: its state, and a transaction block of its own
        start.wait()
        for i in range(40):
            sync_state.set_cursor(str(i))
            with db.transaction() as conn:
                conn.execute("INSERT INTO state (key, value) VALUES (?, 'sync')", (f"s{i}",))

    def sign_in() -> None:  # a pool thread's
        start.wait()
        for i in range(40):
            _note(db, f"n{i}", "note", seen)

    def guarded(fn):
        def run() -> None:
            try:
                fn()
            except BaseException as exc:  # reported below
                failures.append(exc)

        return run

    threads = [threading.Thread(target=guarded(f)) for f in (desk, sync, sign_in)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not failures, failures
        assert set(seen) == {db.writer.thread.name}
        assert store.outbox_counts()["pending"] == 40
        assert len(db.query("SELECT key FROM state WHERE value = 'sync'")) == 40
        assert len(db.query("SELECT key FROM state WHERE value = 'note'")) == 40
        assert sync_state.load().changes_cursor == "39"
        # The journal's hash chain only holds when its rows were written one after another.
        assert db.integrity_ok()
    finally:
        db.close()


def test_a_read_returns_while_a_long_write_transaction_is_open_on_the_writer(
    tmp_path: Path,
) -> None:
    db = Database(tmp_path / "clerk.db")
    try:
        with db.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('k', 'before')")
        inside = threading.Event()
        release = threading.Event()

        def long_write() -> None:
            with db.transaction() as conn:
                conn.execute("UPDATE state SET value = 'after' WHERE key = 'k'")
                inside.set()
                release.wait(30)

        pending = db.writer.submit(long_write)
        assert inside.wait(10)
        started = time.monotonic()
        row = db.query_one("SELECT value FROM state WHERE key = 'k'")  # this (GUI) thread
        took = time.monotonic() - started
        assert row[0] == "before"  # the committed state, not the open transaction's
        assert took < 1.0  # well under busy_timeout (5 s): it did not wait for the writer
        assert not pending.done()
        release.set()
        pending.result(10)
        assert db.query_one("SELECT value FROM state WHERE key = 'k'")[0] == "after"
    finally:
        release.set()
        db.close()


def test_a_write_sent_to_a_read_connection_fails_loudly(tmp_path: Path) -> None:
    with Database(tmp_path / "clerk.db") as db:
        with pytest.raises(ReadOnlyConnectionError, match="read-only connection"):
            db.query("INSERT INTO state (key, value) VALUES ('k', 'v') RETURNING key")
        assert db.query("SELECT * FROM state") == []
        db.execute("INSERT INTO state (key, value) VALUES ('k', 'v')")  # goes to the writer
        assert len(db.query("SELECT * FROM state")) == 1


def test_an_error_on_the_writer_is_raised_in_the_caller_and_nested_blocks_still_work(
    tmp_path: Path,
) -> None:
    with Database(tmp_path / "clerk.db") as db:
        with db.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('outer', '1')")
            with pytest.raises(ValueError, match="inner"), db.transaction() as inner:
                inner.execute("INSERT INTO state (key, value) VALUES ('inner', '2')")
                assert db.query_one("SELECT value FROM state WHERE key = 'inner'")[0] == "2"
                raise ValueError("inner")
            # Inside the block its own writes are seen; outside it, not yet.
            seen_outside: list[object] = []
            reader = threading.Thread(
                target=lambda: seen_outside.append(
                    db.query_one("SELECT value FROM state WHERE key = 'outer'")
                )
            )
            reader.start()
            reader.join(10)
            assert seen_outside == [None]
        assert [r[0] for r in db.query("SELECT key FROM state")] == ["outer"]


def test_closing_stops_the_writer_thread_and_no_thread_is_left_behind(tmp_path: Path) -> None:
    gc.collect()
    before = {t.ident for t in threading.enumerate()}
    for i in range(25):
        db = Database(tmp_path / f"db{i}.db")
        with db.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('k', 'v')")
        assert db.query_one("SELECT value FROM state")[0] == "v"  # a read connection too
        writer = db.writer.thread
        db.close()
        assert not writer.is_alive()
        with pytest.raises(WriterClosed):
            db.writer.call(lambda: None)
    # A database nobody closed stops its writer once it is gone.
    forgotten = Database(tmp_path / "forgotten.db")
    thread = forgotten.writer.thread
    del forgotten
    gc.collect()
    thread.join(10)
    assert not thread.is_alive()
    assert {t.ident for t in threading.enumerate()} <= before
