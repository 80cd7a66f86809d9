"""The ticket kiosk with the service gone (issue 18): tickets keep coming out, numbered
from the kiosk's offline block and marked 人数待定; a window calls one of them by its typed
number before it has arrived; when the link comes back through the fault proxy losing
every other reply for a while, the retries are answered from the stored responses: at the
center each ticket exists once, the one called by number joined with the kiosk's copy, and
the service numbers online tickets again."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
import requests

from clerk_app.app import kiosk
from clerk_app.remote.api import ApiClient
from clerk_app.remote.sync import Backoff
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.hall_service_data import TIMEOUT, auth, token_for
from tests.helpers.kiosk import MONDAY_MORNING, enrolled_kiosk

#: Requests after the link comes back that lose their reply (odd ones).
LOST_WINDOW = 8


@pytest.fixture
def clock():
    from clerk_app.core.clock import FixedClock

    return FixedClock(MONDAY_MORNING)


@pytest.fixture
def center(service_factory):
    return service_factory(clock=MONDAY_MORNING)


@pytest.fixture
def proxy(center):
    proxy = FaultProxy(("127.0.0.1", int(center.base_url.rsplit(":", 1)[1])))
    proxy.start()
    yield proxy
    proxy.stop()


def _desk_token(center, window: str) -> str:
    admin = token_for(center, "demo-admin", window_code=None)
    code = requests.post(
        center.url("/enrolments"),
        json={"kind": "desk", "label": f"desk {window}", "window_code": window},
        headers=auth(admin),
        timeout=TIMEOUT,
    )
    assert code.status_code == 201, code.text
    redeemed = requests.post(
        center.url("/enrolments/redeem"),
        json={"code": code.json()["code"], "device_id": f"kiosk-test-{uuid.uuid4().hex[:8]}"},
        timeout=TIMEOUT,
    )
    assert redeemed.status_code == 201, redeemed.text
    return str(redeemed.json()["token"])


def test_offline_tickets_reach_the_center_once_through_lost_replies(
    center, proxy, make_context
) -> None:
    ctx = make_context(proxy.base_url, home="kiosk")
    ctx.backend.api.close()
    ctx.backend.api = ApiClient(proxy.base_url, timeout=(1.0, 2.0))
    holder = enrolled_kiosk(center, ctx, block=8)
    listed = kiosk.categories(ctx, holder)
    a, b = listed.items[0], listed.items[1]
    assert kiosk.take_ticket(ctx, holder, a).number == "A001"

    # The service is gone: the kiosk still prints, from its block, 人数待定.
    proxy.set_faults("drop")
    printed = []
    for category in (a, a, b, a):
        ticket = kiosk.take_ticket(ctx, holder, category)
        assert ticket.offline and ticket.people_ahead is None
        assert "人数待定" in kiosk.ticket_document(ctx, ticket).html
        kiosk.printed(ctx, ticket)
        printed.append(ticket.number)
        ctx.clock.advance(timedelta(minutes=1))
    assert printed == ["A800", "A801", "B800", "A802"]
    engine = kiosk.sync_engine(ctx, holder)
    engine.backoff = Backoff(base=2, cap=8, random=lambda: 0.5)
    down = kiosk.send_waiting(ctx, engine)
    assert (down.sent, down.online, down.waiting) == (0, False, 4)
    assert center.sql("SELECT count(*) FROM queue_tickets WHERE offline") == [(0,)]

    # A window serving A calls A801 by its typed number before the kiosk's copy arrives.
    desk = _desk_token(center, "W04")
    called = requests.post(
        center.url("/queue/next"), json={"number": "a801"}, headers=auth(desk), timeout=TIMEOUT
    )
    assert called.status_code == 200, called.text
    assert called.json()["ticket"]["number"] == "A801"

    # The link comes back, losing every other reply for a while.
    start = proxy.requests
    proxy.set_faults(
        lambda n: "lose_reply" if 0 < n - start <= LOST_WINDOW and (n - start) % 2 else "pass"
    )
    for _ in range(50):
        result = kiosk.send_waiting(ctx, engine)
        if result.waiting == 0:
            break
        if result.next_due is not None and result.next_due > ctx.clock.now():
            ctx.clock.set(result.next_due)
        else:
            ctx.clock.advance(timedelta(seconds=1))
    proxy.set_faults("pass")
    assert proxy.counts["lose_reply"] >= 2
    rows = [r for r in ctx.backend.store.outbox_rows() if r.kind == "queue_ticket"]
    assert {r.state for r in rows} == {"sent"} and max(r.attempts for r in rows) >= 2
    assert kiosk.waiting_to_send(ctx) == 0

    # At the center: each ticket once; A801 is the called one, now with the kiosk's copy.
    tickets = center.sql(
        "SELECT number, offline, status, window_code, query_code FROM queue_tickets ORDER BY number"
    )
    assert [t[:4] for t in tickets] == [
        ("A001", 0, "waiting", None),
        ("A800", 1, "waiting", None),
        ("A801", 1, "called", "W04"),
        ("A802", 1, "waiting", None),
        ("B800", 1, "waiting", None),
    ]
    codes = {t.number: t.query_code for t in kiosk.tickets_today(ctx)}
    assert {t[0]: t[4] for t in tickets} == codes  # the QR printed offline works
    assert {t.center for t in kiosk.tickets_today(ctx)} == {"sent"}
    # Online again: the service numbers the next ticket after its own.
    assert kiosk.take_ticket(ctx, holder, a).number == "A002"
