"""The cashier's end of day (issue 17, app.cashier_close) against the real records service:
a spoilt paper receipt is voided and keeps its number, an electronic one is not voided; the
day is closed with the cash counted ¥0.50 short and the deposit slip, the sheet says 短款
¥0.50, and a payment on the closed day is refused."""

from __future__ import annotations

import subprocess
import uuid

import pytest

from clerk_app.app import cashier, cashier_close
from clerk_app.app.documents import document_pdf
from clerk_app.app.session import sign_in
from tests.helpers import fees_api
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for

pytestmark = pytest.mark.usefixtures("qapp")

RECEIPT_CODE = "13010126"


def allot_stock(service, first: int = 1, last: int = 50, who: str = "demo-cashier") -> None:
    body = {"id": str(uuid.uuid4()), "code": RECEIPT_CODE, "first": first, "last": last}
    admin = token_for(service, "demo-admin", window_code=None)
    answer = fees_api.write(service, "/receipt-ranges", admin, {**body, "cashier": who})
    assert answer.status_code == 201, answer.text


def test_a_spoilt_receipt_is_voided_and_the_day_closes_fifty_fen_short(
    records_service,
    make_context,  # noqa: F811
    tmp_path,
) -> None:
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    allot_stock(records_service)
    token = fees_api.clerk(records_service)
    lines = [("GA-001", "工本费", 2050)]
    first = cashier.find_notice(
        ctx,
        session,
        fees_api.issued(records_service, token, fees_api.notice_body(lines))["notice_no"],
    )
    taken = cashier.take_payment(ctx, session, first, "cash", 5000)
    electronic = taken.payment.receipt
    assert electronic is not None

    # A blank form spoilt in the printer: voided, its number kept and counted.
    voided = cashier_close.void_receipt(ctx, session, RECEIPT_CODE, "7", "打印错位")
    assert (voided.kind, voided.number) == ("paper", "00000007")
    with pytest.raises(cashier_close.CloseRefused) as again:
        cashier_close.void_receipt(ctx, session, RECEIPT_CODE, "7", "打印错位")
    assert again.value.code == "voided"
    with pytest.raises(cashier_close.CloseRefused) as other:
        cashier_close.void_receipt(ctx, session, electronic.code, electronic.number, "错")
    assert other.value.code in ("electronic", "not_found")
    with pytest.raises(cashier_close.CloseRefused) as blank:
        cashier_close.void_receipt(ctx, session, RECEIPT_CODE, "8", "  ")
    assert blank.value.code == "invalid"

    day = cashier.today(ctx)
    sheet = cashier_close.day_sheet(ctx, session, day)
    assert not sheet.closed and sheet.expected_cash_fen == 2050
    assert f"{RECEIPT_CODE}/00000007" in sheet.receipts_voided
    assert [(t.key, t.count, t.amount_fen) for t in sheet.by_method] == [("cash", 1, 2050)]
    assert [t.key for t in sheet.by_item] == ["GA-001"]

    closed = cashier_close.close_day(ctx, session, day, 2000, "JK20261128-001")
    assert closed.closed and closed.difference_fen == -50
    assert closed.difference == ("short", 50)
    assert closed.deposit_ref == "JK20261128-001"
    with pytest.raises(cashier_close.CloseRefused) as twice:
        cashier_close.close_day(ctx, session, day, 2050, "JK20261128-002")
    assert twice.value.code == "day_closed"

    # The day is frozen: another payment of it is refused, nothing is recorded.
    second = cashier.find_notice(
        ctx,
        session,
        fees_api.issued(records_service, token, fees_api.notice_body(lines))["notice_no"],
    )
    with pytest.raises(cashier.CashierRefused):
        cashier.take_payment(ctx, session, second, "cash", 2050)
    assert cashier_close.day_sheet(ctx, session, day).payments == 1

    issued = cashier_close.close_document(ctx, session, closed, item_names={"GA-001": "工本费"})
    pdf = tmp_path / "close.pdf"
    pdf.write_bytes(document_pdf(ctx, issued.path))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "短款 ¥0.50" in text and "JK20261128-001" in text and "00000007" in text
    assert "工本费" in text
