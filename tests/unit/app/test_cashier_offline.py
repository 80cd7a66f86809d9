"""The cashier with the link down (issue 17, app.cashier_offline) against the real records
service: demo-cashier at S01 pulls the center's unpaid notices and the paper stock an admin
allotted while online; offline, cash for a pulled notice and for one entered by its number
(checked against the catalog, to confirm) goes on the next paper forms, card is refused;
back online the outbox brings each payment to the center once, the one whose notice had not
arrived yet waits for it."""

from __future__ import annotations

import uuid

import pytest

from clerk_app.app import cashier, cashier_offline
from clerk_app.app.catalog import load_catalog
from clerk_app.app.documents import document_pdf
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.core.fees import FeeRuleError
from tests.helpers import fees_api
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for

pytestmark = pytest.mark.usefixtures("qapp")

#: The demo catalog's fees of DEMO-GA-009 (number plates 100 yuan, driving licence 10).
GA_009 = [("DEMO-GA-009", "机动车号牌工本费", 10000), ("DEMO-GA-009", "机动车行驶证工本费", 1000)]


def _stock(service, first: int, last: int) -> str:
    code = f"{uuid.uuid4().int % 10**8:08d}"
    admin = token_for(service, "demo-admin", window_code=None)
    body = {"id": str(uuid.uuid4()), "code": code, "first": first, "last": last}
    body["cashier"] = "demo-cashier"
    assert fees_api.write(service, "/receipt-ranges", admin, body).status_code == 201
    return code


def test_cash_goes_on_paper_offline_and_reaches_the_center_once(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    load_catalog(ctx, session)
    clerk = fees_api.clerk(records_service)
    code = _stock(records_service, 1, 3)
    pulled = fees_api.issued(records_service, clerk)
    ready = cashier_offline.pull_offline_data(ctx, session, cashier.today(ctx))
    assert ready.notices >= 1 and ready.forms_left == 3

    # The link is down from here on: nothing below asks the service.
    ctx.backend.api.base_url = "http://127.0.0.1:9"
    with pytest.raises(cashier.CashierRefused) as card:
        cashier_offline.refuse_without_link("card")
    assert card.value.code == "needs_link"
    notice = cashier_offline.find_offline(ctx, pulled["payment_code"])
    assert notice is not None and notice.notice_no == pulled["notice_no"]
    with pytest.raises(FeeRuleError):  # less than due: nothing written, no form used
        cashier_offline.take_cash_offline(ctx, session, notice, 3000)
    taken = cashier_offline.take_cash_offline(ctx, session, notice, 5000)
    assert (taken.payment.change_fen, taken.notice.status) == (1450, "paid")
    assert taken.payment.receipt is not None
    assert (taken.payment.receipt.kind, taken.payment.receipt.number) == ("paper", "00000001")
    printed = cashier.issue_receipt(ctx, session, taken)
    assert document_pdf(ctx, printed.path).startswith(b"%PDF")
    with pytest.raises(cashier.CashierRefused) as twice:
        cashier_offline.find_offline(ctx, pulled["notice_no"])
    assert twice.value.code == "already_paid"

    # A notice the desk never saw: its number, item and amount from the payer's paper.
    unseen = fees_api.notice_body(GA_009)
    with pytest.raises(cashier.CashierRefused) as odd:
        cashier_offline.notice_to_confirm(ctx, unseen["notice_no"], "DEMO-GA-009", 10000)
    assert odd.value.code == "not_standard"
    with pytest.raises(cashier.CashierRefused) as bad:
        cashier_offline.notice_to_confirm(ctx, "12345", "DEMO-GA-009", 11000)
    assert bad.value.code == "bad_number"
    assert cashier_offline.find_offline(ctx, unseen["notice_no"]) is None
    to_confirm = cashier_offline.notice_to_confirm(ctx, unseen["notice_no"], "demo-ga-009", 11000)
    later = cashier_offline.take_cash_offline(ctx, session, to_confirm, 11000, to_confirm=True)
    assert later.payment.receipt is not None and later.payment.receipt.number == "00000002"
    assert cashier_offline.waiting_count(ctx, session) == 2

    # The link is back; the unseen notice is not at the center yet: that payment waits.
    ctx.backend.api.base_url = records_service.base_url
    engine = sync_engine(ctx, session)
    first = engine.push_once()
    assert (first.sent, first.waiting, first.rejected_total) == (1, 1, 0)
    fees_api.issued(records_service, clerk, unseen)
    store = ctx.backend.store
    [row] = store.outbox_rows("pending")
    ctx.clock.set(row.next_try_at)
    assert engine.push_once().sent == 1
    done = cashier_offline.paper_payments(ctx, session)
    assert [(p.center, p.to_confirm) for p in done] == [("sent", False), ("sent", True)]
    assert done[0].answer is not None
    assert done[0].answer["notice"]["payment_code"] == pulled["payment_code"]
    assert cashier_offline.waiting_count(ctx, session) == 0
    rows = records_service.sql(
        "SELECT p.notice_no, r.number FROM payments p JOIN receipts r ON r.payment_id = p.id"
        " WHERE r.code = :code ORDER BY r.number",
        code=code,
    )
    assert rows == [(pulled["notice_no"], "00000001"), (unseen["notice_no"], "00000002")]


def test_a_payment_the_center_refuses_is_kept_and_said(
    records_service,
    make_context,  # noqa: F811
) -> None:
    """Cash taken offline for a notice the department cancelled meanwhile: the center
    refuses it (409), the desk keeps the payment as refused with the reason, for finance."""
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    clerk = fees_api.clerk(records_service)
    _stock(records_service, 1, 1)
    pulled = fees_api.issued(records_service, clerk)
    cashier_offline.pull_offline_data(ctx, session, cashier.today(ctx))
    notice = cashier_offline.find_offline(ctx, pulled["notice_no"])
    assert notice is not None
    taken = cashier_offline.take_cash_offline(ctx, session, notice, 3550)
    cancel = {"id": str(uuid.uuid4()), "reason": "申请人撤回"}
    path = f"/payment-notices/{pulled['notice_no']}/cancel"
    assert fees_api.write(records_service, path, clerk, cancel).status_code == 201
    assert cashier_offline.send_waiting(ctx, session) == 0
    [refused] = cashier_offline.refused_payments(ctx, session)
    assert refused.id == taken.payment.id and refused.receipt_number == "00000001"
    assert "cancelled" in refused.error
    # The one form of the stock stays used (voided or kept by finance): no blank is left.
    fresh = fees_api.issued(records_service, clerk)
    ready = cashier_offline.pull_offline_data(ctx, session, cashier.today(ctx))
    assert ready.forms_left == 0
    other = cashier_offline.find_offline(ctx, fresh["notice_no"])
    assert other is not None
    with pytest.raises(cashier.CashierRefused) as empty:
        cashier_offline.take_cash_offline(ctx, session, other, 3550)
    assert empty.value.code == "no_stock"
