"""What the duplicate (副本) tests of the settlement center's documents print (issue 17): a
cashier's session at S01, a paid notice with its electronic receipt, a closed day's sheet
and an approved refund's voucher — all made on the desk, no service needed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from clerk_app.app.cashier import TakenPayment
from clerk_app.app.cashier_close import DaySheet, Total
from clerk_app.app.session import Session
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.fees import NoticeLine, Payment, PaymentNotice, Receipt
from clerk_app.documents.fee_documents import RefundVoucherDoc

RECEIPT = Receipt("electronic", "13010126", "0012345678", "7c1e9a", "https://pj.example/v?no=1")
NOTICE_NO = "JK-W07-20261206-000012"
VOUCHER_NO = "TF-2026-000042"


def cashier_session(username: str = "demo-cashier") -> Session:
    """A cashier signed in at the settlement window (no token: the desk works offline)."""
    return Session(
        username=username,
        display_name="钱收款",
        roles=("cashier",),
        window_code="S01",
        window_name="收费窗口",
        department="",
        access_token=None,
        expires_at=None,
        offline=True,
    )


def taken_payment(paid_at: datetime, receipt: Receipt = RECEIPT) -> TakenPayment:
    """A notice of two fees (35.50 yuan) paid in cash with 100 yuan, with ``receipt``."""
    lines = (
        NoticeLine("GA-001", "工本费", 2000, "冀价行费〔2026〕1号"),
        NoticeLine("GA-002", "快递费", 1550, "冀价行费〔2026〕1号"),
    )
    notice = PaymentNotice(
        id="6d1c0c64-1c5b-4a53-8f7e-2a9b6a0c1d11",
        notice_no=NOTICE_NO,
        case_no="HS-W07-20261206-000031",
        window_code="W07",
        department_code="ZR",
        payer_name="李四",
        payer_id_type="resident_id",
        payer_id_number="110105194912310021",
        lines=lines,
        waiver=None,
        total_fen=3550,
        status="paid",
        payment_code="130100261206000123",
        issued_at=paid_at - timedelta(minutes=20),
        clerk="demo-clerk",
    )
    payment = Payment(
        id="c3b1f0a2-0000-4000-8000-000000000001",
        notice_no=NOTICE_NO,
        method="cash",
        amount_fen=3550,
        received_fen=10000,
        change_fen=6450,
        reference="",
        cashier="demo-cashier",
        paid_at=paid_at,
        receipt=receipt,
    )
    return TakenPayment(notice, payment)


def closed_sheet(day: date, closed_at: datetime) -> DaySheet:
    """``day`` closed by demo-cashier: one cash payment of 35.50 yuan, 0.50 short."""
    return DaySheet(
        day=day,
        cashier="demo-cashier",
        closed=True,
        closed_at=closed_at,
        payments=1,
        total_fen=3550,
        by_method=(Total("cash", 1, 3550),),
        by_department=(Total("ZR", 1, 3550),),
        by_item=(Total("GA-001", 1, 3550),),
        receipts_used=(f"{RECEIPT.code} {RECEIPT.number}",),
        receipts_voided=(),
        expected_cash_fen=3550,
        counted_fen=3500,
        difference_fen=-50,
        deposit_ref="DEP-20261206-01",
    )


def refund_voucher(approved_at: datetime) -> RefundVoucherDoc:
    """The voucher of 10 yuan refunded of the receipt above, approved at ``approved_at``."""
    return RefundVoucherDoc(
        center_name="衡水市政务服务中心（示例）",
        refund_no=VOUCHER_NO,
        department_name="市自然资源和规划局",
        payer_name="李四",
        notice_no=NOTICE_NO,
        receipt_code=RECEIPT.code,
        receipt_number=RECEIPT.number,
        paid_fen=3550,
        refund_fen=1000,
        method="cash",
        reason="重复缴费",
        requested_by="demo-lead",
        requested_at=approved_at - timedelta(hours=1),
        approved_by="demo-finance",
        approved_at=approved_at,
        cashier_name="demo-cashier",
    )


def center_day(moment: datetime) -> date:
    return moment.astimezone(CENTER_TZ).date()
