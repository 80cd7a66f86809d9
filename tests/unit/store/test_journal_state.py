"""The hash-chained journal, sync state, calendar cache and offline sign-in hashes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from clerk_app.core.clock import FixedClock
from clerk_app.store import journal
from clerk_app.store.credentials import OfflineCredentials, OfflineSignInError
from clerk_app.store.sync_state import SyncStateStore
from tests.helpers.store import T0, add_case, make_payload, open_store

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def test_every_outbox_write_is_mirrored_in_the_chain(tmp_path: Path) -> None:
    store = open_store(tmp_path / "clerk.db")
    payload = make_payload(1)
    add_case(store, payload)
    store.journal("print", "receipt written")
    entries = journal.read_entries(store.db)
    assert journal.verify_chain(entries) is None
    writes = journal.write_entries(entries)
    assert len(writes) == 1
    assert writes[0].data["idempotency_key"] == payload["id"]
    assert writes[0].data["body"] == payload
    assert writes[0].data["path"] == "/api/v1/cases"
    store.db.close()


def test_a_changed_row_breaks_the_chain_from_there(tmp_path: Path) -> None:
    store = open_store(tmp_path / "clerk.db")
    for i in range(1, 4):
        add_case(store, make_payload(i))
    entries = journal.read_entries(store.db)
    second = entries[1]
    store.db.execute(
        "UPDATE journal SET data_json = replace(data_json, '张三', '李四') WHERE id = ?",
        (second.id,),
    )
    assert journal.verify_chain(journal.read_entries(store.db)) == second.id
    store.db.execute("DELETE FROM journal WHERE id = ?", (second.id,))
    assert journal.verify_chain(journal.read_entries(store.db)) == entries[2].id
    store.db.close()


def test_a_failed_transaction_leaves_no_journal_row(tmp_path: Path) -> None:
    store = open_store(tmp_path / "clerk.db")
    payload = make_payload(1)
    add_case(store, payload)
    with pytest.raises(Exception, match="UNIQUE"):
        add_case(store, make_payload(1))  # same case number
    assert len(journal.read_entries(store.db)) == 1
    store.db.close()


def test_sync_state_keeps_cursor_contact_and_skew(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    clock = FixedClock(T0)
    store = open_store(path, clock)
    state = SyncStateStore(store.db, clock)
    assert state.load().changes_cursor is None
    state.set_cursor("c-42")
    skew = state.record_contact(T0 - timedelta(minutes=7), T0)
    assert skew == 420
    store.db.close()
    again = SyncStateStore(open_store(path, clock).db, clock)
    loaded = again.load()
    assert loaded.changes_cursor == "c-42"
    assert loaded.last_contact_at == T0
    assert loaded.skew_warning
    again.record_contact(T0 - timedelta(seconds=30), T0)
    assert not again.load().skew_warning
    again.db.close()


def test_calendar_cache_keeps_etag_per_year(tmp_path: Path) -> None:
    clock = FixedClock(T0)
    store = open_store(tmp_path / "clerk.db", clock)
    state = SyncStateStore(store.db, clock)
    assert state.load_calendar(2026) is None
    state.save_calendar(2026, '{"year": 2026}', '"e1"')
    state.save_calendar(2026, '{"year": 2026, "x": 1}', '"e2"')
    cached = state.load_calendar(2026)
    assert cached is not None and cached.etag == '"e2"' and '"x"' in cached.json_text
    store.db.close()


def test_offline_credentials_expire_and_check_the_password(tmp_path: Path) -> None:
    clock = FixedClock(T0)
    store = open_store(tmp_path / "clerk.db", clock)
    creds = OfflineCredentials(store.db, clock, FAST)
    with pytest.raises(OfflineSignInError) as never:
        creds.verify("W01", "demo-clerk", "pw", timedelta(hours=72))
    assert never.value.reason == "never-online"
    creds.remember("W01", "demo-clerk", "pw", {"display_name": "演示"})
    row = store.db.query_one("SELECT password_hash FROM local_credentials")
    assert row[0].startswith("$argon2id$") and "pw" not in row[0]
    assert creds.verify("W01", "demo-clerk", "pw", timedelta(hours=72)).session == {
        "display_name": "演示"
    }
    with pytest.raises(OfflineSignInError) as wrong:
        creds.verify("W01", "demo-clerk", "PW", timedelta(hours=72))
    assert wrong.value.reason == "wrong-password"
    with pytest.raises(OfflineSignInError):
        creds.verify("W02", "demo-clerk", "pw", timedelta(hours=72))
    clock.advance(timedelta(hours=73))
    with pytest.raises(OfflineSignInError) as expired:
        creds.verify("W01", "demo-clerk", "pw", timedelta(hours=72))
    assert expired.value.reason == "expired"
    store.db.close()
