"""The offline-conflict scene shared by the use-case and GUI tests: a desk that took a case
in through a fault proxy, and a shift lead acting on the center's side meanwhile."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import timedelta

import pytest
import requests

from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.remote.link import LinkIntervals
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.store import add_event
from tests.helpers.workload import demo_item, take_in

TIMEOUT = (3.05, 15)


class Lead:
    """A shift lead working on the center's side (their own sign-in, plain HTTP)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        answer = requests.post(
            f"{base_url}/api/v1/auth/login",
            json={"username": "demo-lead", "password": DEMO_PASSWORD},
            timeout=TIMEOUT,
        )
        assert answer.status_code == 200, answer.text
        self.token = answer.json()["access_token"]

    def event(self, case_no: str, event_type: str, at, note: str = "") -> None:
        event_id = str(uuid.uuid4())
        answer = requests.post(
            f"{self.base_url}/api/v1/cases/{case_no}/events",
            json={"id": event_id, "type": event_type, "at": at.isoformat(),
                  "actor": "demo-lead", "note": note},
            headers={"Authorization": f"Bearer {self.token}", "Idempotency-Key": event_id},
            timeout=TIMEOUT,
        )  # fmt: skip
        assert answer.status_code == 201, answer.text


def _push_until_quiet(engine, clock, rounds: int = 10):
    for _ in range(rounds):
        result = engine.push_once()
        if result.waiting == 0:
            return result
        clock.advance(timedelta(minutes=10))
    raise AssertionError(f"outbox still waiting: {result}")


@pytest.fixture
def desk(records_service, fault_proxy, make_context):
    ctx = make_context(fault_proxy.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    engine = sync_engine(ctx, session)
    # Pull the change feed after every round that reached the service.
    engine.link.intervals = LinkIntervals(
        changes=timedelta(0), catalog=timedelta(days=1), report=timedelta(days=1)
    )
    catalog, item = demo_item()
    payload = take_in(ctx, session.username, item, catalog.version, 1)
    _push_until_quiet(engine, ctx.clock)
    assert ctx.backend.store.get_case(payload["case_no"]).status == "accepted"
    return ctx, session, engine, payload["case_no"], Lead(records_service.base_url)


def _service_rows(records_service, sql: str, *params):
    conn = sqlite3.connect(records_service.database_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _offline_event_then_lead(desk, fault_proxy, mine: str, lead_event: str, note: str = ""):
    ctx, session, engine, case_no, lead = desk
    fault_proxy.set_faults("drop")  # the window's link is down
    add_event(ctx.backend.store, case_no, mine, actor=session.username, at=ctx.clock.now())
    assert engine.push_once().online is False
    lead.event(case_no, lead_event, ctx.clock.now() + timedelta(minutes=1), note)
    fault_proxy.set_faults("pass")  # the link is back
    ctx.clock.advance(timedelta(minutes=10))
    return engine.push_once()
