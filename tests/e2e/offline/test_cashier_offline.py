"""The settlement window's cashier with the link down (issue 17): cash for several notices is
taken on paper forms of the cashier's allotted stock, one notice entered by its number (to
confirm) because the desk never pulled it; when the link comes back through the fault proxy
with lost replies (the center took the payment, the answer never came), the retries are
answered from the stored response: at the center each notice is paid once, each receipt
number used once, none skipped. On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from clerk_app.app import cashier, cashier_offline
from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.remote.api import ApiClient
from clerk_app.remote.sync import Backoff
from tests.helpers import fees_api
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for

#: Requests after the link comes back that lose their reply (odd ones).
LOST_WINDOW = 8
GA_009 = [("DEMO-GA-009", "机动车号牌工本费", 10000), ("DEMO-GA-009", "机动车行驶证工本费", 1000)]


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


def test_offline_cash_reaches_the_center_once_with_distinct_receipt_numbers(
    center, proxy, make_context
) -> None:
    ctx = make_context(proxy.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    ctx.backend.api.close()
    ctx.backend.api = ApiClient(proxy.base_url, timeout=(1.0, 2.0))
    load_catalog(ctx, session)
    admin = token_for(center, "demo-admin", window_code=None)
    code = f"{uuid.uuid4().int % 10**8:08d}"
    stock = {"id": str(uuid.uuid4()), "code": code, "first": 1, "last": 50}
    stock["cashier"] = "demo-cashier"
    assert fees_api.write(center, "/receipt-ranges", admin, stock).status_code == 201
    clerk = fees_api.clerk(center)
    notices = [fees_api.issued(center, clerk) for _ in range(3)]
    cashier_offline.pull_offline_data(ctx, session, cashier.today(ctx))
    engine = sync_engine(ctx, session)
    engine.backoff = Backoff(base=2, cap=8, random=lambda: 0.5)

    # The link goes down: cash for the three pulled notices and one the desk never saw.
    proxy.set_faults("drop")
    numbers = []
    for issued in notices:
        notice = cashier_offline.find_offline(ctx, issued["notice_no"])
        assert notice is not None
        taken = cashier_offline.take_cash_offline(ctx, session, notice, 5000)
        assert taken.payment.receipt is not None
        numbers.append(taken.payment.receipt.number)
    unseen = fees_api.notice_body(GA_009)
    notice = cashier_offline.notice_to_confirm(ctx, unseen["notice_no"], "DEMO-GA-009", 11000)
    taken = cashier_offline.take_cash_offline(ctx, session, notice, 11000, to_confirm=True)
    assert taken.payment.receipt is not None
    numbers.append(taken.payment.receipt.number)
    assert numbers == ["00000001", "00000002", "00000003", "00000004"]
    down = engine.push_once()
    assert (down.sent, down.online, down.waiting) == (0, False, 4)
    assert center.sql("SELECT count(*) FROM payments") == [(0,)]

    # The department window's notice reaches the center; the link comes back, losing every
    # other reply for a while.
    fees_api.issued(center, clerk, unseen)
    start = proxy.requests
    proxy.set_faults(
        lambda n: "lose_reply" if 0 < n - start <= LOST_WINDOW and (n - start) % 2 else "pass"
    )
    _drain(engine, ctx.clock)
    proxy.set_faults("pass")
    assert proxy.counts["lose_reply"] >= 2
    store = ctx.backend.store
    rows = [r for r in store.outbox_rows() if r.kind == "cashier_payment"]
    assert {r.state for r in rows} == {"sent"} and max(r.attempts for r in rows) >= 2
    assert store.outbox_counts() == {"pending": 0, "rejected": 0}

    # At the center: each notice paid once, each paper number once, in order, none skipped.
    paid = center.sql(
        "SELECT p.notice_no, r.number, p.amount_fen FROM payments p"
        " JOIN receipts r ON r.payment_id = p.id WHERE r.code = :code ORDER BY r.number",
        code=code,
    )
    expected = [n["notice_no"] for n in notices] + [unseen["notice_no"]]
    assert paid == [
        (no, number, fen)
        for no, number, fen in zip(expected, numbers, [3550, 3550, 3550, 11000], strict=True)
    ]
    assert center.sql("SELECT count(*) FROM payments") == [(4,)]
    statuses = center.sql(
        "SELECT DISTINCT status FROM payment_notices WHERE notice_no IN (:a, :b, :c, :d)",
        a=expected[0],
        b=expected[1],
        c=expected[2],
        d=expected[3],
    )
    assert statuses == [("paid",)]
    assert center.sql("SELECT count(*) FROM audit_records WHERE action = 'fee.payment'") == [(4,)]
    # And the desk knows it: every payment at the center with its answer.
    kept = cashier_offline.paper_payments(ctx, session)
    assert [p.center for p in kept] == ["sent"] * 4
    assert cashier_offline.waiting_count(ctx, session) == 0
