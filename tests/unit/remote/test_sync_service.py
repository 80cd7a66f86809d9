"""The sync engine and the API client against the real records service over HTTP."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from clerk_app.remote import ApiClient, ApiError, SyncEngine
from tests.helpers.remote import Desk
from tests.helpers.service import DEMO_PASSWORD, ServiceFactory
from tests.helpers.store import add_case, make_payload


def test_login_gives_user_and_device_tokens_and_high_water(desk: Desk) -> None:
    login = desk.login
    assert login.access_token
    assert login.device_token  # first sign-in of this device at W01
    assert login.user["username"] == "demo-clerk"
    assert login.window["code"] == "W01"
    assert login.sequence_high_water["case"] == 0
    again = desk.api.login("demo-clerk", DEMO_PASSWORD, "W01", desk.device_id, "0.1.0")
    assert again.device_token is None  # issued once


def test_wrong_password_is_an_api_error_401(desk: Desk) -> None:
    with pytest.raises(ApiError) as info:
        desk.api.login("demo-clerk", "wrong", "W01", desk.device_id, "0.1.0")
    assert info.value.status == 401


def test_case_created_locally_reaches_the_service_exactly_once(desk: Desk) -> None:
    payload = make_payload(1)
    add_case(desk.store, payload)

    result = desk.engine.push_once()

    assert (result.sent, result.retried, result.rejected) == (1, 0, 0)
    assert result.online and result.waiting == 0 and result.next_due is None
    [row] = desk.store.outbox_rows()
    assert (row.state, row.response_status) == ("sent", 201)
    assert row.response["case"]["case_no"] == payload["case_no"]
    assert desk.store.get_case(payload["case_no"]).server_state == "synced"

    remote = desk.api.get_case(desk.login.access_token, payload["case_no"])
    assert remote["id"] == payload["id"]
    assert [e["id"] for e in remote["events"]] == [payload["first_event"]["id"]]
    assert desk.service_case_count(payload["case_no"]) == 1

    # Nothing left to send: a second round sends nothing.
    assert desk.engine.push_once().sent == 0
    assert desk.service_case_count(payload["case_no"]) == 1


def test_retry_after_lost_reply_creates_one_case(desk: Desk) -> None:
    payload = make_payload(1)
    add_case(desk.store, payload)
    [row] = desk.store.outbox_pending(desk.clock.now())
    # The worker sent the row, the service stored it, and the answer was lost on the way.
    desk.api.send(row.method, row.path, desk.engine.token(), row.body_json, row.idempotency_key)
    desk.store.mark_retry(row.id, "read timed out", desk.clock.now())

    result = desk.engine.push_once()

    assert result.sent == 1
    sent = desk.store.outbox_row(row.id)
    assert (sent.state, sent.response_status, sent.attempts) == ("sent", 201, 2)
    assert sent.response["case"]["id"] == payload["id"]
    assert desk.service_case_count(payload["case_no"]) == 1


def test_cases_go_in_order_and_high_water_follows(desk: Desk) -> None:
    for seq in (1, 2, 3):
        add_case(desk.store, make_payload(seq))
    assert desk.engine.push_once().sent == 3
    login = desk.api.login("demo-clerk", DEMO_PASSWORD, "W01", desk.device_id, "0.1.0")
    assert login.sequence_high_water["case"] == 3


def test_unknown_item_is_rejected_and_the_reason_kept(desk: Desk) -> None:
    payload = make_payload(1, item_code="NO-SUCH-ITEM")
    add_case(desk.store, payload)

    result = desk.engine.push_once()

    assert (result.sent, result.rejected, result.rejected_total) == (0, 1, 1)
    [row] = desk.store.outbox_rows()
    assert (row.state, row.response_status) == ("rejected", 422)
    assert {"field": "item_code", "message": "unknown catalog item"} in row.response["errors"]
    assert "422" in row.last_error
    assert desk.store.get_case(payload["case_no"]).server_state == "rejected"
    # Rejected rows are kept for the clerk, never retried, never dropped.
    desk.clock.advance(timedelta(days=1))
    assert desk.engine.push_once().rejected == 0
    assert desk.store.outbox_counts() == {"pending": 0, "rejected": 1}
    assert desk.service_case_count(payload["case_no"]) == 0


def test_service_down_retries_with_backoff_then_delivers_when_back(
    desk: Desk, service_factory: ServiceFactory
) -> None:
    desk.service.stop()
    payload = make_payload(1)
    add_case(desk.store, payload)
    start = desk.clock.now()

    first = desk.engine.push_once()

    assert (first.sent, first.retried, first.online, first.stopped) == (0, 1, False, "offline")
    [row] = desk.store.outbox_rows()
    assert row.attempts == 1 and "cannot reach" in row.last_error
    # attempts 0: min(300, 2**1) = 2 s, equal jitter with random 0.5 → 1.5 s.
    assert row.next_try_at == start + timedelta(seconds=1.5)
    assert first.next_due == row.next_try_at and first.waiting == 1

    # Not due yet: nothing is tried.
    assert desk.engine.push_once().retried == 0
    desk.clock.advance(timedelta(seconds=1.5))
    assert desk.engine.push_once().retried == 1
    # attempts 1: 4 s → 3 s.
    assert desk.store.outbox_row(row.id).next_try_at == desk.clock.now() + timedelta(seconds=3)

    # The service comes back (same database, new address).
    back = service_factory(database_path=desk.service.database_path)
    desk.engine.api = ApiClient(back.base_url)
    try:
        desk.clock.advance(timedelta(seconds=3))
        result = desk.engine.push_once()
    finally:
        desk.engine.api.close()
    assert (result.sent, result.online) == (1, True)
    assert desk.store.get_case(payload["case_no"]).server_state == "synced"
    assert desk.service_case_count(payload["case_no"]) == 1


def test_without_any_token_nothing_is_sent(desk: Desk) -> None:
    add_case(desk.store, make_payload(1))
    engine = SyncEngine(
        desk.store,
        desk.api,
        desk.tokens,
        desk.clock,
        window_code="W01",
        device_id=str(uuid.uuid4()),
        username=None,
    )
    result = engine.push_once()
    assert (result.sent, result.stopped, result.waiting) == (0, "no-token", 1)
    assert desk.store.outbox_rows()[0].attempts == 0


def test_user_token_alone_is_enough_to_send(desk: Desk) -> None:
    desk.tokens.delete_device_token("W01", desk.device_id)
    add_case(desk.store, make_payload(1))
    assert desk.engine.push_once().sent == 1


def test_expired_token_stops_the_round_and_leaves_rows_pending(desk: Desk) -> None:
    desk.tokens.set_device_token("W01", desk.device_id, "not-a-valid-token")
    add_case(desk.store, make_payload(1))
    add_case(desk.store, make_payload(2))

    result = desk.engine.push_once()

    assert (result.sent, result.retried, result.rejected) == (0, 0, 0)
    assert result.stopped == "unauthorized" and result.waiting == 2
    assert all(r.state == "pending" and r.attempts == 0 for r in desk.store.outbox_rows())
