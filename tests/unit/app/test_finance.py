"""Finance's work (issue 17, app.finance) against the real records service: the lead of
the collecting department requests a refund of a paid notice, finance sees it waiting,
approves it and prints the refund voucher; the period report is exported to CSV and XLSX
to the fen; a bank file is reconciled with the card payments and the unmatched listed."""

from __future__ import annotations

import csv
import subprocess
from decimal import Decimal

import pytest

from clerk_app.app import cashier, finance
from clerk_app.app.documents import document_pdf
from clerk_app.app.session import sign_in
from tests.helpers import fees_api
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD

pytestmark = pytest.mark.usefixtures("qapp")


def _paid(ctx, session, service, method="cash", reference="", fen=3550):
    token = fees_api.clerk(service)
    body = fees_api.notice_body([("GA-001", "工本费", fen)])
    notice = cashier.find_notice(ctx, session, fees_api.issued(service, token, body)["notice_no"])
    return cashier.take_payment(ctx, session, notice, method, fen, reference)


def test_a_refund_requested_by_the_lead_is_approved_by_finance_with_a_voucher(
    records_service,
    make_context,  # noqa: F811
    tmp_path,
) -> None:
    desk = make_context(records_service.base_url, home="s01", window_code="S01")
    taken = _paid(desk, sign_in(desk, "demo-cashier", DEMO_PASSWORD), records_service)
    w01 = make_context(records_service.base_url, home="w01", window_code="W01")
    lead = sign_in(w01, "demo-lead", DEMO_PASSWORD)

    with pytest.raises(finance.FinanceRefused) as clerk:  # at a case: a lead signs in
        finance.lead_sign_in(w01, "demo-clerk", DEMO_PASSWORD)
    assert clerk.value.code == "forbidden"
    on_the_spot = finance.lead_sign_in(w01, "demo-lead", DEMO_PASSWORD)
    assert finance.find_paid(w01, on_the_spot, taken.notice.notice_no).amount_fen == 3550
    finance.end_lead_session(w01, on_the_spot)
    with pytest.raises(finance.FinanceRefused) as ended:
        finance.find_paid(w01, on_the_spot, taken.notice.notice_no)
    assert ended.value.code == "other"  # 401: the token is gone
    paid = finance.find_paid(w01, lead, taken.notice.notice_no.lower())
    assert (paid.amount_fen, paid.refundable_fen, paid.method) == (3550, 3550, "cash")
    assert paid.receipt_number == taken.payment.receipt.number
    with pytest.raises(finance.FinanceRefused) as too_much:
        finance.request_refund(w01, lead, paid, 3551, "多收")
    assert too_much.value.code == "refund_too_large"
    refund = finance.request_refund(w01, lead, paid, 1550, "快递未寄出，退快递费")
    assert (refund.status, refund.amount_fen, refund.requested_by) == (
        "requested",
        1550,
        "demo-lead",
    )
    with pytest.raises(finance.FinanceRefused) as more:  # the waiting request counts
        finance.request_refund(w01, lead, paid, 2001, "再退")
    assert more.value.code == "refund_too_large"

    fin = sign_in(desk, "demo-finance", DEMO_PASSWORD)
    waiting = finance.waiting_refunds(desk, fin)
    assert [(r.id, r.notice_no) for r in waiting] == [(refund.id, taken.notice.notice_no)]
    approved = finance.decide_refund(desk, fin, waiting[0], approve=True, note="同意")
    assert approved.status == "approved" and approved.voucher_no.startswith("TF-")
    assert finance.waiting_refunds(desk, fin) == []
    with pytest.raises(finance.FinanceRefused) as decided:
        finance.decide_refund(desk, fin, waiting[0], approve=False)
    assert decided.value.code == "decided"

    voucher = finance.refund_voucher(desk, fin, approved)
    pdf = tmp_path / "voucher.pdf"
    pdf.write_bytes(document_pdf(desk, voucher.path))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert approved.voucher_no in text and "壹拾伍元伍角整" in text
    assert taken.notice.notice_no in text


def test_the_period_report_exports_to_the_fen_and_the_bank_file_is_reconciled(
    records_service,
    make_context,  # noqa: F811
    tmp_path,
) -> None:
    desk = make_context(records_service.base_url, home="s01", window_code="S01")
    session = sign_in(desk, "demo-cashier", DEMO_PASSWORD)
    _paid(desk, session, records_service, fen=1001)
    _paid(desk, session, records_service, "card", "POS-0001", fen=2099)
    _paid(desk, session, records_service, "qr", "QR-0002", fen=550)
    fin = sign_in(desk, "demo-finance", DEMO_PASSWORD)
    day = cashier.today(desk)

    report = finance.period_report(desk, fin, day, day, "method")
    assert [(r.key, r.count, r.amount_fen) for r in report.rows] == [
        ("card", 1, 2099),
        ("cash", 1, 1001),
        ("qr", 1, 550),
    ]
    assert report.amount_fen == 3650
    table = finance.report_table(report, ("方式", "名称", "笔数", "金额", "退付"), "合计")
    written = finance.write_report_csv(tmp_path / "r.csv", table)
    with open(written, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["方式", "名称", "笔数", "金额", "退付"]
    assert rows[1][3] == "20.99" and rows[-1] == ["合计", "", "3", "36.50", "0.00"]
    from openpyxl import load_workbook

    book = finance.write_report_xlsx(tmp_path / "r.xlsx", table, "收费报表")
    sheet = load_workbook(book).active
    assert sheet["A1"].value == "收费报表" and sheet["A2"].value == "方式"
    assert Decimal(str(sheet["D3"].value)) == Decimal("20.99")
    assert sheet["D3"].number_format == "0.00"

    bank = tmp_path / "bank.csv"
    bank.write_text(
        "date,reference,amount,memo\n"
        f"{day.isoformat()},POS-0001,20.99,ok\n"
        f"{day.isoformat()},POS-9999,1.00,not ours\n",
        encoding="utf-8",
    )
    result = finance.reconcile(desk, fin, day, day, bank)
    assert result.matched == 1
    assert [(b.reference, b.amount_fen) for b in result.unmatched_bank] == [("POS-9999", 100)]
    assert [(p.reference, p.method) for p in result.unmatched_payments] == [("QR-0002", "qr")]
