"""LocalStore: cases with their outbox rows, sequences, outbox queries, caches, journal."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from clerk_app.core.clock import FixedClock
from clerk_app.remote.wire import case_to_wire
from clerk_app.store import DiskFullError, LocalStore
from tests.helpers.store import T0, add_case, make_payload, open_store


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock):
    s = open_store(tmp_path / "clerk.db", clock)
    yield s
    s.db.close()


def _count(store: LocalStore, table: str) -> int:
    return int(store.db.query_one(f"SELECT count(*) FROM {table}")[0])


# -- create_case ------------------------------------------------------------------------------


def test_create_case_writes_case_first_event_and_outbox_row(store: LocalStore) -> None:
    payload = make_payload(1)
    case = add_case(store, payload, status="accepted")

    assert case.case_no == payload["case_no"]
    assert case.status == "accepted"
    assert case.server_state == "pending"
    assert case_to_wire(case) == payload
    assert case.applicant.name == "张三"
    assert [e.id for e in case.events] == [payload["first_event"]["id"]]
    assert case.events[0].actor == "demo-clerk"

    [row] = store.outbox_rows()
    assert (row.method, row.path, row.kind) == ("POST", "/api/v1/cases", "create_case")
    assert row.idempotency_key == payload["id"]
    assert row.case_id == payload["id"]
    assert row.body == payload
    assert row.body_hash == hashlib.sha256(row.body_json.encode()).hexdigest()
    assert row.state == "pending" and row.attempts == 0


def test_outbox_body_is_canonical_whatever_the_key_order(store: LocalStore) -> None:
    payload = make_payload(1)
    reordered = dict(reversed(list(payload.items())))
    add_case(store, reordered, status="accepted")
    [row] = store.outbox_rows()
    assert row.body_json == json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    assert "张三" in row.body_json


def test_failed_outbox_insert_leaves_no_case_and_no_event(store: LocalStore) -> None:
    payload = make_payload(1)
    # Something else already took this idempotency key: the outbox insert must fail ...
    store.enqueue(kind="other", method="POST", path="/x", idempotency_key=payload["id"], body={})
    with pytest.raises(sqlite3.IntegrityError):
        add_case(store, payload, status="accepted")
    # ... and take the case and its first event down with it.
    assert store.get_case(payload["case_no"]) is None
    assert _count(store, "cases") == 0
    assert _count(store, "case_events") == 0
    assert len(store.outbox_rows()) == 1


def test_failed_event_insert_leaves_no_case(store: LocalStore) -> None:
    first = make_payload(1)
    add_case(store, first, status="accepted")
    second = make_payload(2)
    second["first_event"] = dict(second["first_event"], id=first["first_event"]["id"])
    with pytest.raises(sqlite3.IntegrityError):
        add_case(store, second, status="accepted")
    assert store.get_case(second["case_no"]) is None
    assert len(store.outbox_rows()) == 1


def test_case_from_service_has_no_outbox_row(store: LocalStore) -> None:
    case = add_case(store, make_payload(1), outbox=False, status="in_progress")
    assert case.server_state == "synced"
    assert store.outbox_rows() == []


def test_list_cases_filters_by_window_newest_first(store: LocalStore) -> None:
    for seq in range(1, 6):
        add_case(
            store,
            make_payload(seq, received_at=(T0 + timedelta(minutes=seq)).isoformat()),
            status="accepted",
        )
    add_case(store, make_payload(1, window_code="W02"), status="accepted")
    page = store.list_cases("W01", limit=2, offset=1)
    assert [c.case_no for c in page] == ["HS-W01-20261128-000004", "HS-W01-20261128-000003"]
    assert [c.case_no for c in store.list_cases("W02")] == ["HS-W02-20261128-000001"]


# -- sequences --------------------------------------------------------------------------------


def test_sequences_never_repeat_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    store = open_store(path)
    got = [store.allocate_sequence("case:W01") for _ in range(3)]
    store.db.close()
    store = open_store(path)
    got += [store.allocate_sequence("case:W01") for _ in range(2)]
    assert got == [1, 2, 3, 4, 5]
    assert store.allocate_sequence("document:W01") == 1
    store.db.close()


def test_floor_and_high_water_mark_lift_the_sequence_but_never_lower_it(
    store: LocalStore,
) -> None:
    assert store.allocate_sequence("case:W01", floor=10) == 11
    assert store.allocate_sequence("case:W01", floor=3) == 12
    store.raise_floor("case:W01", 40)  # the service has seen 40 from this window
    assert store.allocate_sequence("case:W01") == 41
    store.raise_floor("case:W01", 5)
    assert store.allocate_sequence("case:W01") == 42
    store.raise_floor("new", 7)
    assert store.allocate_sequence("new") == 8


def test_allocation_rolled_back_with_its_caller_is_not_counted(store: LocalStore) -> None:
    with pytest.raises(RuntimeError), store.db.transaction():
        assert store.allocate_sequence("s") == 1
        raise RuntimeError("crash before commit")
    assert store.allocate_sequence("s") == 1
    assert store.allocate_sequence("s") == 2


# -- outbox -----------------------------------------------------------------------------------


def test_outbox_offers_only_the_first_pending_row_of_each_case(
    store: LocalStore, clock: FixedClock
) -> None:
    a = make_payload(1)
    add_case(store, a, status="accepted")
    event_row = store.enqueue(
        kind="event",
        method="POST",
        path=f"/api/v1/cases/{a['case_no']}/events",
        idempotency_key="ev-1",
        body={"type": "start"},
        case_id=a["id"],
    )
    b = make_payload(2)
    add_case(store, b, status="accepted")
    loose = store.enqueue(kind="status", method="POST", path="/s", idempotency_key="st-1")
    a_row, b_row = (r.id for r in store.outbox_rows() if r.kind == "create_case")

    assert [r.id for r in store.outbox_pending(clock.now())] == [a_row, b_row, loose]

    # The creation of A failed for now: the event of A must wait behind it.
    store.mark_retry(a_row, "connection refused", clock.now() + timedelta(seconds=30))
    assert [r.id for r in store.outbox_pending(clock.now())] == [b_row, loose]
    clock.advance(timedelta(seconds=30))
    assert [r.id for r in store.outbox_pending(clock.now())] == [a_row, b_row, loose]

    store.mark_sent(a_row, 201, {"case": {"case_no": a["case_no"]}})
    assert [r.id for r in store.outbox_pending(clock.now(), limit=2)] == [event_row, b_row]


def test_mark_sent_records_answer_and_marks_case_synced(store: LocalStore) -> None:
    payload = make_payload(1)
    add_case(store, payload, status="accepted")
    [row] = store.outbox_rows()
    store.mark_sent(row.id, 201, {"case": {"status": "accepted"}})
    sent = store.outbox_row(row.id)
    assert sent.state == "sent" and sent.response_status == 201
    assert sent.response == {"case": {"status": "accepted"}}
    assert sent.sent_at == T0
    assert store.get_case(payload["case_no"]).server_state == "synced"
    assert store.outbox_counts() == {"pending": 0, "rejected": 0}


def test_mark_retry_counts_attempts_and_keeps_the_error(store: LocalStore) -> None:
    add_case(store, make_payload(1), status="accepted")
    [row] = store.outbox_rows()
    store.mark_retry(row.id, "timed out", T0 + timedelta(seconds=4))
    store.mark_retry(row.id, "503 Service Unavailable", T0 + timedelta(seconds=8))
    again = store.outbox_row(row.id)
    assert again.attempts == 2
    assert again.last_error == "503 Service Unavailable"
    assert again.next_try_at == T0 + timedelta(seconds=8)
    assert store.outbox_counts() == {"pending": 1, "rejected": 0}


def test_rejected_row_is_kept_with_the_reason(store: LocalStore) -> None:
    payload = make_payload(1)
    add_case(store, payload, status="accepted")
    [row] = store.outbox_rows()
    problem = {
        "type": "urn:x/validation",
        "title": "Unprocessable",
        "status": 422,
        "errors": [{"field": "item_code", "message": "unknown item"}],
    }
    store.mark_rejected(row.id, 422, problem)
    kept = store.outbox_row(row.id)
    assert kept.state == "rejected"
    assert kept.response == problem
    assert "Unprocessable" in kept.last_error
    assert store.outbox_pending(T0 + timedelta(days=1)) == []
    assert store.outbox_counts() == {"pending": 0, "rejected": 1}
    assert store.get_case(payload["case_no"]).server_state == "rejected"


# -- catalog, state, journal ------------------------------------------------------------------


def test_catalog_cache_round_trip_and_replace(store: LocalStore) -> None:
    assert store.load_catalog() is None
    store.save_catalog('{"version": "1"}', "1", '"etag-1"', T0)
    store.save_catalog('{"version": "2"}', "2", '"etag-2"', T0 + timedelta(hours=1))
    cached = store.load_catalog()
    assert (cached.json_text, cached.version, cached.etag) == ('{"version": "2"}', "2", '"etag-2"')
    assert cached.fetched_at == T0 + timedelta(hours=1)


def test_state_values_set_overwrite_and_delete(store: LocalStore) -> None:
    assert store.get_state("cursor", "0") == "0"
    store.set_state("cursor", "17")
    store.set_state("cursor", "18")
    assert store.get_state("cursor") == "18"
    store.set_state("cursor", None)
    assert store.get_state("cursor") is None


def test_journal_keeps_lines_with_clock_time(store: LocalStore, clock: FixedClock) -> None:
    store.journal("sync", "offline")
    clock.advance(timedelta(minutes=1))
    store.journal("sync", "online again")
    entries = store.journal_entries()
    assert [(at, area, msg) for at, area, msg in entries] == [
        (T0 + timedelta(minutes=1), "sync", "online again"),
        (T0, "sync", "offline"),
    ]


# -- failures a clerk can act on, threads -----------------------------------------------------


def test_disk_full_is_reported_and_committed_cases_stay_intact(store: LocalStore) -> None:
    kept = [make_payload(seq) for seq in (1, 2, 3)]
    for p in kept:
        add_case(store, p, status="accepted")
    pages = store.db.pragma("page_count")
    store.db.execute(f"PRAGMA max_page_count = {pages + 8}")

    big_note = "材料" * 20_000
    with pytest.raises(DiskFullError) as info:
        for seq in range(4, 60):
            p = make_payload(seq)
            p["first_event"]["note"] = big_note
            add_case(store, p, status="accepted")
    assert info.value.user_message_key == "store.disk_full"
    assert not store.db.connection.in_transaction

    failed_no = f"HS-W01-20261128-{seq:06d}"
    assert store.get_case(failed_no) is None
    for p in kept:
        assert case_to_wire(store.get_case(p["case_no"])) == p
    assert _count(store, "cases") == len(store.outbox_rows()) == _count(store, "case_events")
    assert store.db.integrity_ok()


def test_store_used_from_a_worker_thread(store: LocalStore) -> None:
    errors: list[BaseException] = []

    def work(start: int) -> None:
        try:
            for seq in range(start, start + 20):
                n = store.allocate_sequence("case:W01")
                add_case(store, make_payload(seq, case_no=f"C-{n}"), status="accepted")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i * 100,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(int(c.case_no[2:]) for c in store.list_cases("W01", limit=100)) == list(
        range(1, 41)
    )
    assert store.outbox_counts()["pending"] == 40


def test_new_case_status_follows_the_lifecycle_by_default(store: LocalStore) -> None:
    promised = add_case(store, make_payload(1, disposition="promised"))
    refused = add_case(store, make_payload(2, disposition="refused"))
    assert promised.status == "accepted"
    assert refused.status == "refused"
