"""How the sync engine treats each kind of answer, against a real scripted HTTP server.

The records service never answers 503, 429 or a proxy's HTML page; a tiny real server on
127.0.0.1 does, so the engine's handling of them is shown over real HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest

from clerk_app.core.clock import FixedClock
from clerk_app.remote import ApiClient, Backoff, SyncEngine, TokenStore
from clerk_app.store import LocalStore
from tests.helpers.store import add_case, make_payload
from tests.helpers.stub_server import Answer, StubServer, stub_server

CREATED = Answer(201, b'{"case": {"case_no": "x"}}')


def _problem(status: int, kind: str, **extra: object) -> Answer:
    doc = {"type": f"https://records.example/problems/{kind}", "title": kind, "status": status}
    doc.update(extra)
    return Answer(status, json.dumps(doc).encode(), content_type="application/problem+json")


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with stub_server() as server:
        yield server


@pytest.fixture
def engine(stub: StubServer, store: LocalStore, clock: FixedClock) -> Iterator[SyncEngine]:
    api = ApiClient(stub.base_url, timeout=(2, 2))
    tokens = TokenStore()
    tokens.set_device_token("W01", "dev-1", "device-token-1")
    tokens.set_user_token("W01", "demo-clerk", "user-token-1")
    yield SyncEngine(
        store,
        api,
        tokens,
        clock,
        Backoff(base=2, cap=300, random=lambda: 0.0),
        window_code="W01",
        device_id="dev-1",
        username="demo-clerk",
    )
    api.close()


def _cases(store: LocalStore, n: int) -> list[int]:
    for seq in range(1, n + 1):
        add_case(store, make_payload(seq))
    return [r.id for r in store.outbox_rows()]


def test_rows_go_with_device_token_and_their_idempotency_key(
    stub: StubServer, engine: SyncEngine, store: LocalStore
) -> None:
    stub.script(CREATED)
    ids = _cases(store, 2)
    assert engine.push_once().sent == 2
    assert [s.headers["Authorization"] for s in stub.seen] == ["Bearer device-token-1"] * 2
    rows = [store.outbox_row(i) for i in ids]
    assert [s.headers["Idempotency-Key"] for s in stub.seen] == [r.idempotency_key for r in rows]
    assert [s.body.decode() for s in stub.seen] == [r.body_json for r in rows]


def test_unavailable_service_with_retry_after_is_retried_then(
    stub: StubServer, engine: SyncEngine, store: LocalStore, clock: FixedClock
) -> None:
    stub.script(Answer(503, b"<h1>maintenance</h1>", {"Retry-After": "120"}, "text/html"))
    first, second = _cases(store, 2)

    result = engine.push_once()

    assert (result.sent, result.retried, result.online, result.stopped) == (
        0,
        1,
        False,
        "server-error",
    )
    # The round stops at the first 5xx: the second row was not tried and keeps its place.
    assert len(stub.seen) == 1
    row = store.outbox_row(first)
    assert row.next_try_at == clock.now() + timedelta(seconds=120)
    assert "503" in row.last_error
    assert store.outbox_row(second).attempts == 0
    assert result.next_due == clock.now()  # the untried row is still due


def test_server_error_without_retry_after_backs_off_exponentially(
    stub: StubServer, engine: SyncEngine, store: LocalStore, clock: FixedClock
) -> None:
    stub.script(Answer(500, b"Internal Server Error", content_type="text/plain"))
    [row_id] = _cases(store, 1)
    delays = []
    for _ in range(10):
        before = clock.now()
        assert engine.push_once().retried == 1
        row = store.outbox_row(row_id)
        delays.append((row.next_try_at - before).total_seconds())
        clock.set(row.next_try_at)
    # random() = 0.0: half of min(300, 2 ** (attempts + 1)).
    assert delays == [1, 2, 4, 8, 16, 32, 64, 128, 150, 150]
    assert store.outbox_row(row_id).attempts == 10


def test_rate_limit_honours_retry_after(
    stub: StubServer, engine: SyncEngine, store: LocalStore, clock: FixedClock
) -> None:
    stub.script(Answer(429, b"Too Many Requests", {"Retry-After": "30"}, "text/plain"))
    [row_id] = _cases(store, 1)
    result = engine.push_once()
    assert (result.retried, result.stopped) == (1, "rate-limited")
    assert store.outbox_row(row_id).next_try_at == clock.now() + timedelta(seconds=30)


def test_in_flight_is_retried_and_the_round_goes_on(
    stub: StubServer, engine: SyncEngine, store: LocalStore, clock: FixedClock
) -> None:
    stub.script(_problem(409, "in-flight", detail="still applying"), CREATED)
    first, second = _cases(store, 2)
    result = engine.push_once()
    assert (result.sent, result.retried, result.rejected) == (1, 1, 0)
    assert store.outbox_row(first).state == "pending"
    assert store.outbox_row(first).next_try_at == clock.now() + timedelta(seconds=1)
    assert store.outbox_row(second).state == "sent"


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, "missing-idempotency-key"),
        (403, "wrong-window"),
        (404, "not-found"),
        (409, "illegal-transition"),
        (422, "idempotency-mismatch"),
    ],
)
def test_client_errors_are_rejected_and_kept(
    stub: StubServer, engine: SyncEngine, store: LocalStore, status: int, kind: str
) -> None:
    stub.script(_problem(status, kind, detail="the reason"))
    [row_id] = _cases(store, 1)
    result = engine.push_once()
    assert (result.rejected, result.rejected_total, result.waiting) == (1, 1, 0)
    row = store.outbox_row(row_id)
    assert (row.state, row.response_status) == ("rejected", status)
    assert row.response["type"].endswith(kind)
    assert "the reason" in row.last_error
    assert any(kind in message for _, _, message in store.journal_entries())


def test_success_with_unreadable_body_is_retried_not_lost(
    stub: StubServer, engine: SyncEngine, store: LocalStore
) -> None:
    stub.script(Answer(201, b"<html>proxy</html>", content_type="text/html"))
    [row_id] = _cases(store, 1)
    assert engine.push_once().retried == 1
    assert store.outbox_row(row_id).state == "pending"


def test_client_too_old_stops_without_touching_rows(
    stub: StubServer, engine: SyncEngine, store: LocalStore
) -> None:
    stub.script(_problem(426, "client-too-old"))
    _cases(store, 2)
    result = engine.push_once()
    assert result.stopped == "upgrade-required"
    assert all(r.attempts == 0 and r.state == "pending" for r in store.outbox_rows())


def test_one_round_sends_at_most_max_rows(
    stub: StubServer, engine: SyncEngine, store: LocalStore
) -> None:
    stub.script(CREATED)
    _cases(store, 5)
    engine.max_rows, engine.batch_size = 3, 2
    first = engine.push_once()
    assert (first.sent, first.waiting) == (3, 2)
    assert engine.push_once().sent == 2


def test_backoff_jitter_stays_between_half_and_full_delay() -> None:
    low = Backoff(base=2, cap=300, random=lambda: 0.0)
    high = Backoff(base=2, cap=300, random=lambda: 0.999)
    for attempts in range(0, 12):
        full = min(300, 2 ** (attempts + 1))
        assert low.delay(attempts).total_seconds() == full / 2
        assert full / 2 < high.delay(attempts).total_seconds() < full
    assert Backoff().delay(10_000).total_seconds() <= 300
