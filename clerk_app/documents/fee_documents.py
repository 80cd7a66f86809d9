"""The data of the fee documents (issue 17): frozen, no Qt, and built from the core records.

- ``PaymentNoticeDoc``: 缴款通知书 — payer, the fees with their legal basis, a waiver, the
  total in figures and capitals, the notice number, the payment code once the fiscal
  platform assigned it, where to pay.
- ``FiscalReceiptDoc``: the fiscal receipt (非税收入票据), electronic or paper — receipt code
  and number, payer, fees, amounts in figures and 大写, the department as 执收单位, the
  cashier, and for an electronic one the check code and the address its QR verifies at.
  Printed on A4 in three parts (存根 / 收据 / 记账), or on the 80 mm roll
  (``FiscalReceiptRoll``).
- ``RefundVoucherDoc``: 退付凭证 — the refunded payment, amount, reason, who requested and
  who approved.
- ``DailyCloseDoc``: 日结单 — a cashier's day: totals by method and by department and fee,
  receipt numbers used and voided, cash counted against expected (长款/短款), the deposit.

The ``*_doc`` functions make them from ``clerk_app.core.fees`` records plus the names a
record does not carry (department, window, cashier). Money is int fen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from clerk_app.core.fees import (
    CashDifference,
    NoticeLine,
    Payment,
    PaymentNotice,
    Waiver,
    cash_difference,
    net_lines,
    notice_total,
)
from clerk_app.core.money import check_fen


def _aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def _check_total(lines: Sequence[NoticeLine], waiver: Waiver | None, total_fen: int) -> None:
    if not lines:
        raise ValueError("a fee document lists at least one fee")
    if notice_total(lines, waiver) != total_fen:
        raise ValueError("the total is not the fees less the waiver")


@dataclass(frozen=True, kw_only=True)
class PaymentNoticeDoc:
    """缴款通知书 as printed (A4, the payer's copy and the department's)."""

    center_name: str
    department_name: str
    window_code: str
    window_name: str
    notice_no: str
    case_no: str
    item_name: str
    payer_name: str
    payer_id_type: str
    payer_id_number: str
    lines: tuple[NoticeLine, ...]
    waiver: Waiver | None = None
    total_fen: int
    payment_code: str = ""
    pay_place: str = ""
    issued_at: datetime
    clerk_name: str
    reprint: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        _check_total(self.lines, self.waiver, self.total_fen)
        _aware(self.issued_at, "issued_at")


@dataclass(frozen=True, kw_only=True)
class FiscalReceiptDoc:
    """A fiscal receipt as printed; ``kind`` electronic (from the platform) or paper."""

    center_name: str
    kind: str
    receipt_code: str
    receipt_number: str
    check_code: str = ""
    verify_url: str = ""
    payer_name: str
    notice_no: str
    payment_code: str = ""
    lines: tuple[NoticeLine, ...]
    waiver: Waiver | None = None
    total_fen: int
    method: str
    received_fen: int
    change_fen: int = 0
    reference: str = ""
    department_name: str
    cashier_name: str
    paid_at: datetime
    reprint: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        _check_total(self.lines, self.waiver, self.total_fen)
        if self.kind not in ("electronic", "paper"):
            raise ValueError(f"unknown receipt kind: {self.kind!r}")
        if self.kind == "electronic" and not (self.check_code and self.verify_url):
            raise ValueError("an electronic receipt has a check code and a verify address")
        check_fen(self.received_fen, "received")
        _aware(self.paid_at, "paid_at")


@dataclass(frozen=True)
class FiscalReceiptRoll:
    """The same receipt on the 80 mm roll (the payer's part only)."""

    receipt: FiscalReceiptDoc


@dataclass(frozen=True, kw_only=True)
class RefundVoucherDoc:
    """退付凭证: a paid notice refunded, with the request and its approval."""

    center_name: str
    refund_no: str
    department_name: str
    payer_name: str
    notice_no: str
    receipt_code: str
    receipt_number: str
    paid_fen: int
    refund_fen: int
    method: str
    reason: str
    requested_by: str
    requested_at: datetime
    approved_by: str
    approved_at: datetime
    cashier_name: str = ""
    reprint: bool = False

    def __post_init__(self) -> None:
        check_fen(self.paid_fen, "paid")
        check_fen(self.refund_fen, "refund")
        if not 0 < self.refund_fen <= self.paid_fen:
            raise ValueError("a refund is more than nothing and at most what was paid")
        if not self.reason.strip():
            raise ValueError("a refund states its reason")
        _aware(self.requested_at, "requested_at")
        _aware(self.approved_at, "approved_at")


class MethodTotal(NamedTuple):
    """One payment method's count and amount in a day."""

    method: str
    payments: int
    fen: int


class FeeTotal(NamedTuple):
    """One department's fee (收费项目, by its name) in a day: count and net amount."""

    department_name: str
    fee_name: str
    payments: int
    fen: int


@dataclass(frozen=True, kw_only=True)
class DailyCloseDoc:
    """日结单: one cashier's day at the settlement window."""

    center_name: str
    window_code: str
    cashier_name: str
    day: date
    by_method: tuple[MethodTotal, ...]
    by_fee: tuple[FeeTotal, ...]
    receipts_used: tuple[str, ...] = ()
    receipts_voided: tuple[str, ...] = ()
    refunds_fen: int = 0
    expected_cash_fen: int
    counted_cash_fen: int
    deposit_fen: int = 0
    deposit_reference: str = ""
    closed_at: datetime
    reprint: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_method", tuple(MethodTotal(*t) for t in self.by_method))
        object.__setattr__(self, "by_fee", tuple(FeeTotal(*t) for t in self.by_fee))
        object.__setattr__(self, "receipts_used", tuple(self.receipts_used))
        object.__setattr__(self, "receipts_voided", tuple(self.receipts_voided))
        for name in ("refunds_fen", "expected_cash_fen", "counted_cash_fen", "deposit_fen"):
            check_fen(getattr(self, name), name)
        _aware(self.closed_at, "closed_at")

    @property
    def total_fen(self) -> int:
        """Everything taken in the day, all methods."""
        return sum(t.fen for t in self.by_method)

    @property
    def difference(self) -> CashDifference:
        """长款 / 短款 of the cash counted against the cash expected."""
        return cash_difference(self.expected_cash_fen, self.counted_cash_fen)


# -- builders from the core records -----------------------------------------------------------


def payment_notice_doc(
    notice: PaymentNotice,
    *,
    center_name: str,
    department_name: str,
    window_name: str,
    item_name: str,
    clerk_name: str,
    pay_place: str = "",
    reprint: bool = False,
) -> PaymentNoticeDoc:
    """The notice as printed at the department window (names the record does not carry)."""
    return PaymentNoticeDoc(
        center_name=center_name,
        department_name=department_name,
        window_code=notice.window_code,
        window_name=window_name,
        notice_no=notice.notice_no,
        case_no=notice.case_no,
        item_name=item_name,
        payer_name=notice.payer_name,
        payer_id_type=notice.payer_id_type,
        payer_id_number=notice.payer_id_number,
        lines=notice.lines,
        waiver=notice.waiver,
        total_fen=notice.total_fen,
        payment_code=notice.payment_code,
        pay_place=pay_place,
        issued_at=notice.issued_at,
        clerk_name=clerk_name,
        reprint=reprint,
    )


def fiscal_receipt_doc(
    notice: PaymentNotice,
    payment: Payment,
    *,
    center_name: str,
    department_name: str,
    cashier_name: str,
    reprint: bool = False,
) -> FiscalReceiptDoc:
    """The receipt of ``payment`` (which must carry its receipt) of ``notice``.

    Raises:
        ValueError: the payment is of another notice or has no receipt yet.
    """
    if payment.notice_no != notice.notice_no:
        raise ValueError(f"payment {payment.id} is not of notice {notice.notice_no}")
    receipt = payment.receipt
    if receipt is None:
        raise ValueError(f"payment {payment.id} has no receipt yet")
    return FiscalReceiptDoc(
        center_name=center_name,
        kind=receipt.kind,
        receipt_code=receipt.code,
        receipt_number=receipt.number,
        check_code=receipt.check_code,
        verify_url=receipt.verify_url,
        payer_name=notice.payer_name,
        notice_no=notice.notice_no,
        payment_code=notice.payment_code,
        lines=notice.lines,
        waiver=notice.waiver,
        total_fen=payment.amount_fen,
        method=payment.method,
        received_fen=payment.received_fen,
        change_fen=payment.change_fen,
        reference=payment.reference,
        department_name=department_name,
        cashier_name=cashier_name,
        paid_at=payment.paid_at,
        reprint=reprint,
    )


def daily_close_doc(
    payments: Iterable[Payment],
    notices: Mapping[str, PaymentNotice],
    *,
    center_name: str,
    window_code: str,
    cashier_name: str,
    day: date,
    department_names: Mapping[str, str],
    counted_cash_fen: int,
    closed_at: datetime,
    receipts_voided: Sequence[str] = (),
    cash_refunds_fen: int = 0,
    deposit_fen: int = 0,
    deposit_reference: str = "",
) -> DailyCloseDoc:
    """A cashier's close from the day's payments and their notices (by notice number).

    Totals by method, by department and fee (net of waivers, ``net_lines``); receipt
    numbers used as ``code number``; the cash expected is the cash taken less the cash
    refunded at the window.

    Raises:
        KeyError: a payment's notice is not in ``notices``.
    """
    methods: dict[str, list[int]] = {}
    fees: dict[tuple[str, str], list[int]] = {}
    used: list[str] = []
    cash = 0
    for payment in payments:
        notice = notices[payment.notice_no]
        slot = methods.setdefault(payment.method, [0, 0])
        slot[0] += 1
        slot[1] += payment.amount_fen
        if payment.method == "cash":
            cash += payment.amount_fen
        department = department_names.get(notice.department_code, notice.department_code)
        for line, net in net_lines(notice.lines, notice.waiver):
            entry = fees.setdefault((department, line.fee_name), [0, 0])
            entry[0] += 1
            entry[1] += net
        if payment.receipt is not None:
            used.append(f"{payment.receipt.code} {payment.receipt.number}")
    order = {"cash": 0, "card": 1, "qr": 2}
    return DailyCloseDoc(
        center_name=center_name,
        window_code=window_code,
        cashier_name=cashier_name,
        day=day,
        by_method=tuple(
            MethodTotal(m, c, f)
            for m, (c, f) in sorted(methods.items(), key=lambda kv: order.get(kv[0], 9))
        ),
        by_fee=tuple(FeeTotal(*key, c, f) for key, (c, f) in sorted(fees.items())),
        receipts_used=tuple(sorted(used)),
        receipts_voided=tuple(receipts_voided),
        refunds_fen=cash_refunds_fen,
        expected_cash_fen=cash - cash_refunds_fen,
        counted_cash_fen=counted_cash_fen,
        deposit_fen=deposit_fen,
        deposit_reference=deposit_reference,
        closed_at=closed_at,
    )
