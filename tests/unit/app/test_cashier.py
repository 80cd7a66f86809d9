"""The cashier window's use cases (issue 17, app.cashier) against the real records service:
demo-cashier at the settlement window S01 finds a notice by number and by payment code,
pays it in cash with change, prints the fiscal receipt and sees it in the day's totals; a
second payment and a wrong amount are refused in words the desk can show."""

from __future__ import annotations

import pytest

from clerk_app.app import cashier
from clerk_app.app.documents import document_pdf
from clerk_app.app.session import sign_in
from clerk_app.core.fees import FeeRuleError
from tests.helpers import fees_api
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD

pytestmark = pytest.mark.usefixtures("qapp")


def _desk(make_context, records_service):  # noqa: F811
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    return ctx, session


def _notice(records_service, lines=None) -> dict:
    token = fees_api.clerk(records_service)
    return fees_api.issued(records_service, token, fees_api.notice_body(lines))


def test_the_cashier_takes_a_notice_in_cash_and_prints_its_receipt(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx, session = _desk(make_context, records_service)
    issued = _notice(records_service)
    notice = cashier.find_notice(ctx, session, issued["notice_no"].lower())
    assert (notice.notice_no, notice.total_fen, notice.status) == (
        issued["notice_no"],
        3550,
        "issued",
    )
    assert [line.fee_name for line in notice.lines] == ["工本费", "快递费"]
    # The payment code the stand-in platform assigned (what the cashier scans) finds it too.
    by_code = cashier.find_notice(ctx, session, issued["payment_code"])
    assert by_code.notice_no == notice.notice_no

    before = cashier.cashier_day(ctx, session, cashier.today(ctx))
    taken = cashier.take_payment(ctx, session, notice, "cash", 10000)
    assert taken.notice.status == "paid"
    assert (taken.payment.amount_fen, taken.payment.change_fen) == (3550, 6450)
    receipt = taken.payment.receipt
    assert receipt is not None and receipt.kind == "electronic" and receipt.number

    printed = cashier.issue_receipt(ctx, session, taken)
    plain = document_pdf(ctx, printed.path)
    assert plain.startswith(b"%PDF")
    roll = cashier.issue_receipt(ctx, session, taken, paper="roll80")
    assert roll.path != printed.path and roll.rendered.page == "roll80"

    after = cashier.cashier_day(ctx, session, taken.payment.paid_at.date())
    if before.day == after.day:
        assert after.payments == before.payments + 1
        assert after.total_fen == before.total_fen + 3550
    assert after.by_method["cash"] >= 3550
    assert any(receipt.number in used for used in after.receipts_used)


def test_a_second_payment_and_a_wrong_amount_are_refused_in_words(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx, session = _desk(make_context, records_service)
    notice = cashier.find_notice(ctx, session, _notice(records_service)["notice_no"])
    cashier.take_payment(ctx, session, notice, "cash", 3550)
    with pytest.raises(cashier.CashierRefused) as twice:
        cashier.take_payment(ctx, session, notice, "cash", 3550)
    assert twice.value.code == "already_paid"
    assert "paid already" in str(twice.value)

    other = cashier.find_notice(ctx, session, _notice(records_service)["notice_no"])
    with pytest.raises(FeeRuleError) as short:  # less than the notice: nothing sent
        cashier.take_payment(ctx, session, other, "cash", 3549)
    assert short.value.code == "partial_payment"
    # The notice the desk holds says 20 yuan but the center's says 35.50: the service refuses.
    stale = cashier.notice_from_wire(
        {
            **_wire(other),
            "lines": [{"item_code": "GA-001", "fee_name": "工本费", "amount_fen": 2000}],
            "total_fen": 2000,
        }
    )
    with pytest.raises(cashier.CashierRefused) as mismatch:
        cashier.take_payment(ctx, session, stale, "cash", 2000)
    assert mismatch.value.code == "amount_mismatch"
    assert "paid in full or not at all" in str(mismatch.value)
    with pytest.raises(cashier.CashierRefused) as unknown:
        cashier.find_notice(ctx, session, "JK-W01-20261128-999999")
    assert unknown.value.code == "not_found"


def _wire(notice) -> dict:
    return {
        "id": notice.id,
        "notice_no": notice.notice_no,
        "window_code": notice.window_code,
        "department_code": notice.department_code,
        "payer": {"name": notice.payer_name},
        "status": notice.status,
        "issued_at": notice.issued_at.isoformat(),
    }
