"""企业开办 taken in with the link down at one window (issue 16): the joint case and its five
parts are numbered and saved on the desk; when the link comes back through the fault proxy
with lost replies (the service applied the request, the answer never came), the retries
are answered from the stored response: at the center exactly one joint case and five parts,
none doubled, each part's events once. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from clerk_app.app import joint as joint_app
from clerk_app.app.case_actions import new_event, record_event
from clerk_app.app.sync import sync_engine
from clerk_app.core.lifecycle import EventType
from clerk_app.core.records import ServerState
from clerk_app.remote.api import ApiClient
from clerk_app.remote.sync import Backoff
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.joint_desk import complete_draft, opening_desk

#: Requests after the link comes back that lose their reply (odd ones: every write is
#: applied, its answer lost, then answered from the stored response when retried).
LOST_WINDOW = 8


def _drain(engine, clock, limit: int = 200):
    """Push until nothing waits; moves the desk's clock to each next due time."""
    for _ in range(limit):
        result = engine.push_once()
        if result.waiting == 0:
            return result
        if result.next_due is not None and result.next_due > clock.now():
            clock.set(result.next_due)
        else:
            clock.advance(timedelta(seconds=1))
    raise AssertionError(f"outbox not drained: {result}")


@pytest.fixture(params=["sqlite", "postgres"])
def center(request, service_factory):
    return service_factory(backend=request.param)


@pytest.fixture
def proxy(center):
    proxy = FaultProxy(("127.0.0.1", int(center.base_url.rsplit(":", 1)[1])))
    proxy.start()
    yield proxy
    proxy.stop()


def test_offline_opening_reaches_the_center_once_whole_through_lost_replies(
    center, proxy, make_context
) -> None:
    ctx, session, catalog = opening_desk(make_context, proxy.base_url)
    ctx.backend.api.close()
    ctx.backend.api = ApiClient(proxy.base_url, timeout=(1.0, 2.0))
    engine = sync_engine(ctx, session)
    engine.backoff = Backoff(base=2, cap=8, random=lambda: 0.5)
    store = ctx.backend.store

    # The link goes down; the window takes 企业开办 in and starts working the licence part.
    proxy.set_faults("drop")
    joint = joint_app.take_in_joint(ctx, session, complete_draft(catalog)).joint
    licence = joint.parts[0]
    record_event(
        ctx,
        licence.case_no,
        new_event(EventType.START, actor=session.username, at=ctx.clock.now()),
    )
    down = engine.push_once()
    assert (down.sent, down.online, down.waiting) == (0, False, 2)
    assert center.sql("SELECT count(*) FROM joint_cases") == [(0,)]

    # The link comes back, losing every other reply for a while.
    start = proxy.requests
    proxy.set_faults(
        lambda n: "lose_reply" if 0 < n - start <= LOST_WINDOW and (n - start) % 2 else "pass"
    )
    _drain(engine, ctx.clock)
    proxy.set_faults("pass")
    _drain(engine, ctx.clock)
    assert proxy.counts["lose_reply"] >= 2
    [row] = [r for r in store.outbox_rows() if r.kind == "create_joint_case"]
    assert row.state == "sent" and row.attempts >= 2  # a lost reply, then the stored answer
    assert store.outbox_counts() == {"pending": 0, "rejected": 0}

    # At the center: ONE joint case, its five parts, each event once.
    assert center.sql("SELECT joint_no, package_code, window_code FROM joint_cases") == [
        (joint.joint_no, "DEMO-PKG-QYKB", "W03")
    ]
    parts = center.sql(
        "SELECT case_no, item_code, department_code, stage FROM cases"
        " WHERE joint_case_no = :no ORDER BY case_no",
        no=joint.joint_no,
    )
    assert parts == [(p.case_no, p.item_code, p.department_code, "S1") for p in joint.parts]
    assert center.sql("SELECT count(*) FROM cases") == [(5,)]  # nothing else, none doubled
    events = center.sql(
        "SELECT c.case_no, e.type FROM case_events e JOIN cases c ON c.id = e.case_id"
        " ORDER BY c.case_no, e.seq"
    )
    assert events == [
        (p.case_no, t)
        for p in joint.parts
        for t in (("accept", "start") if p is licence else ("accept",))
    ]
    assert center.sql("SELECT count(*) FROM audit_records WHERE action = 'joint_case.create'") == [
        (1,)
    ]
    # And the desk knows it: the joint case and every part synced.
    local = joint_app.load_joint(ctx, joint.joint_no)
    assert local.server_state is ServerState.SYNCED
    assert {p.server_state for p in local.parts} == {ServerState.SYNCED}
