"""After a push that reached the service: changes pulled from the stored cursor, catalog and
calendar refreshed with If-None-Match, device status reported, contact and skew recorded."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import timedelta

from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.remote.api import ApiClient
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import demo_item, take_in


def test_push_then_pull_refresh_report_and_skew(records_service, make_context, clock):
    ctx = make_context(records_service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    catalog, item = demo_item()
    first = take_in(ctx, session.username, item, catalog.version, 1)
    take_in(ctx, session.username, item, catalog.version, 2)
    engine = sync_engine(ctx, session)
    result = engine.push_once()
    assert result.sent == 2 and result.waiting == 0
    assert result.last_contact == clock.now()
    assert result.clock_skew_seconds is not None and abs(result.clock_skew_seconds) < 60

    state = ctx.backend.sync_state.load()
    assert int(state.changes_cursor) > 0  # our own two cases came back through /changes
    assert ctx.backend.store.load_catalog().etag
    assert ctx.backend.sync_state.load_calendar(clock.now().year) is not None
    conn = sqlite3.connect(records_service.database_path)
    try:
        report = conn.execute(
            "SELECT last_report_at, client_version FROM devices WHERE device_id = ?",
            (ctx.device_id,),
        ).fetchone()
    finally:
        conn.close()
    assert report[0] is not None and report[1]

    # Nothing changed on the service: the conditional refresh costs a 304.
    assert (
        engine.link.refresh_catalog(ctx.backend.tokens.get_device_token("W01", ctx.device_id))
        is False
    )

    # A lead moves a case on the service; the next pull brings the status to the desk.
    api = ApiClient(records_service.base_url, timeout=(3.05, 15))
    lead_token = api.request(
        "POST", "/api/v1/auth/login",
        body={"username": "demo-lead", "password": DEMO_PASSWORD, "window_code": None,
              "device_id": None, "client_version": "0.1.0"},
    ).json()["access_token"]  # fmt: skip
    event_id = str(uuid.uuid4())
    api.send(
        "POST", f"/api/v1/cases/{first['case_no']}/events", lead_token,
        {"id": event_id, "type": "start", "at": clock.now().isoformat(), "note": ""}, event_id,
    )  # fmt: skip
    api.close()
    clock.advance(timedelta(seconds=61))
    engine.push_once()
    pulled = ctx.backend.store.get_case(first["case_no"])
    assert pulled.status == "in_progress"
    assert event_id in {e.id for e in pulled.events}


def test_a_clock_off_by_more_than_five_minutes_is_flagged(records_service, make_context, clock):
    ctx = make_context(records_service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    clock.advance(timedelta(minutes=7))
    result = sync_engine(ctx, session).push_once()
    assert result.clock_skew_seconds is not None and result.clock_skew_seconds > 300
    assert ctx.backend.sync_state.load().skew_warning
