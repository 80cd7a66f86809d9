"""Request and answer models of the fee routes (issue 17). Money is integer fen: a JSON
number with a fraction (``12.5``, ``12.0``) is refused, never rounded."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import ConfigDict, Field, model_validator

from clerk_app.core.fees import WAIVER_REASONS
from records_service.schemas import Day, Name, Note, Public, Strict, Timestamp

#: An amount in fen (分): a whole number, at most 10 billion yuan.
Fen = Annotated[int, Field(strict=True, ge=0, le=1_000_000_000_000)]
#: A signed amount in fen (a day's difference: 长款 > 0, 短款 < 0).
SignedFen = Annotated[int, Field(strict=True, ge=-1_000_000_000_000, le=1_000_000_000_000)]
#: The center's own notice number, made at the window: ``JK-{window}-{yyyymmdd}-{seq}``.
NOTICE_NO_PATTERN = r"^JK-[A-Z0-9]{1,8}-[0-9]{8}-[0-9]{6}$"
NoticeNo = Annotated[str, Field(min_length=1, max_length=40, pattern=NOTICE_NO_PATTERN)]
#: A receipt code (票据代码) or number (票据号码): digits.
ReceiptCode = Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[0-9]+$")]
Reference = Annotated[str, Field(max_length=64)]
PaymentMethod = Literal["cash", "card", "qr"]


class Payer(Strict):
    name: Name
    id_type: Annotated[str, Field(min_length=1, max_length=32)]
    id_number: Annotated[str, Field(min_length=1, max_length=64)]


class NoticeLine(Strict):
    item_code: Annotated[str, Field(min_length=1, max_length=64)]
    fee_name: Annotated[str, Field(min_length=1, max_length=200)]
    amount_fen: Fen
    basis: Annotated[str, Field(max_length=500)] = ""
    waivable: bool = False


class Waiver(Strict):
    """减免: a listed reason (``clerk_app.core.fees.WAIVER_REASONS``), only on waivable
    fees; above the provisioned amount (``waiver_approval_above_fen``) ``approved_by``
    names the department's lead who approved it."""

    reason_code: Annotated[
        str, Field(min_length=1, max_length=32, json_schema_extra={"enum": list(WAIVER_REASONS)})
    ]
    amount_fen: Fen
    note: Note = ""
    approved_by: Annotated[str, Field(max_length=64)] = ""


class NoticeCreate(Strict):
    """A payment notice issued at a department window (``id`` = the Idempotency-Key)."""

    id: UUID
    notice_no: NoticeNo
    case_no: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    window_code: Annotated[str, Field(min_length=1, max_length=16)]
    payer: Payer
    lines: Annotated[list[NoticeLine], Field(min_length=1, max_length=50)]
    waiver: Waiver | None = None
    total_fen: Fen
    clerk: Name
    issued_at: Timestamp


class NoticeCancel(Strict):
    id: UUID  # the cancellation's own id (the Idempotency-Key)
    reason: Annotated[str, Field(min_length=1, max_length=500)]


class NoticePublic(Public):
    id: str
    notice_no: str
    case_no: str | None
    window_code: str
    department_code: str
    payer: dict[str, str]
    lines: list[dict[str, str | int | bool]]
    waiver: dict[str, str | int] | None
    total_fen: int
    status: Literal["issued", "paid", "cancelled", "refunded"]
    payment_code: str | None
    clerk: str
    issued_at: datetime
    cancelled_at: datetime | None
    cancel_reason: str


class NoticeAnswer(Public):
    notice: NoticePublic


class NoticeList(Public):
    items: list[NoticePublic]
    #: The cursor of the next page (None: this is the last).
    next: str | None


class ReceiptIn(Strict):
    """The receipt to issue: ``electronic`` through the fiscal platform, or ``paper`` with
    the number of the pre-numbered form used (from this cashier's allotted range)."""

    kind: Literal["electronic", "paper"]
    code: ReceiptCode | None = None
    number: ReceiptCode | None = None

    @model_validator(mode="after")
    def _paper_has_number(self) -> ReceiptIn:
        if self.kind == "paper" and (self.code is None or self.number is None):
            raise ValueError("a paper receipt needs its code and number")
        return self


class PaymentCreate(Strict):
    """A payment at a settlement window (``id`` = the Idempotency-Key). ``notice`` is the
    notice number or the payment code. Cash: ``received_fen`` ≥ the amount (the change is
    the rest); card and QR: the amount exactly, with the POS or bank ``reference``."""

    id: UUID
    notice: Annotated[str, Field(min_length=1, max_length=40)]
    method: PaymentMethod
    amount_fen: Fen
    received_fen: Fen | None = None
    reference: Reference = ""
    cashier: Name
    paid_at: Timestamp
    receipt: ReceiptIn


class ReceiptPublic(Public):
    kind: Literal["electronic", "paper"]
    code: str
    number: str
    check_code: str
    verify_url: str
    status: Literal["used", "voided"]


class PaymentPublic(Public):
    id: str
    notice_no: str
    department_code: str
    method: PaymentMethod
    amount_fen: int
    received_fen: int
    change_fen: int
    refunded_fen: int
    reference: str
    cashier: str
    paid_at: datetime
    day: date
    receipt: ReceiptPublic | None


class PaymentAnswer(Public):
    payment: PaymentPublic
    notice: NoticePublic


class RefundCreate(Strict):
    id: UUID
    amount_fen: Annotated[int, Field(strict=True, ge=1, le=1_000_000_000_000)]
    reason: Annotated[str, Field(min_length=1, max_length=500)]


class RefundDecision(Strict):
    note: Note = ""


class RefundPublic(Public):
    id: str
    payment_id: str
    notice_no: str
    department_code: str
    amount_fen: int
    reason: str
    status: Literal["requested", "approved", "rejected"]
    requested_by: str
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str
    voucher_no: str | None


class RefundAnswer(Public):
    refund: RefundPublic


class RefundList(Public):
    items: list[RefundPublic]


class ReceiptVoid(Strict):
    """``cashier``: whose blank form a settlement window's desk voids (a cashier's own
    sign-in voids their own)."""

    id: UUID
    reason: Annotated[str, Field(min_length=1, max_length=500)]
    cashier: Annotated[str, Field(min_length=1, max_length=64)] | None = None


class ReceiptAnswer(Public):
    receipt: ReceiptPublic


class RangeCreate(Strict):
    id: UUID
    code: ReceiptCode
    first: Annotated[int, Field(strict=True, ge=0, le=99_999_999)]
    last: Annotated[int, Field(strict=True, ge=0, le=99_999_999)]
    cashier: Annotated[str, Field(min_length=1, max_length=64)]


class RangePublic(Public):
    id: str
    code: str
    first: int
    last: int
    cashier: str
    used: int
    voided: int
    unused: int


class RangeAnswer(Public):
    range: RangePublic


class Total(Public):
    key: str
    count: int
    amount_fen: int


class CashierDayPublic(Public):
    day: date
    cashier: str
    closed: bool
    closed_at: datetime | None
    payments: int
    total_fen: int
    by_method: list[Total]
    by_department: list[Total]
    by_item: list[Total]
    receipts_used: list[str]
    receipts_voided: list[str]
    ranges: list[RangePublic]
    expected_cash_fen: int
    counted_fen: int | None
    difference_fen: int | None
    deposit_ref: str


class CashierDayAnswer(Public):
    day: CashierDayPublic


class DayClose(Strict):
    id: UUID
    date: Day
    counted_fen: Fen
    deposit_ref: Annotated[str, Field(min_length=1, max_length=64)]


class ReportRow(Public):
    key: str
    name: str
    count: int
    amount_fen: int
    refunded_fen: int


class ReportAnswer(Public):
    group: Literal["department", "item", "method"]
    date_from: date = Field(alias="from")
    date_to: date = Field(alias="to")
    rows: list[ReportRow]
    count: int
    amount_fen: int
    refunded_fen: int

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ReconcileRequest(Strict):
    """A bank's or POS's transaction file for card and QR payments of ``from``..``to``.

    ``csv``: UTF-8 text with a header line naming at least the columns ``reference`` (the
    POS or bank reference the cashier recorded), ``amount`` (yuan with at most two
    decimals, e.g. ``12.50``) and ``date`` (``YYYY-MM-DD``); other columns are ignored. At
    most 80,000 characters (about 1,500 lines), so that even written as JSON escapes
    the body stays below the service's body limit: a longer file goes in parts (periods).
    """

    date_from: Day = Field(alias="from")
    date_to: Day = Field(alias="to")
    csv: Annotated[str, Field(min_length=1, max_length=80_000)]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class BankLine(Public):
    line: int
    reference: str
    amount_fen: int
    date: str


class UnmatchedPayment(Public):
    id: str
    notice_no: str
    reference: str
    amount_fen: int
    method: PaymentMethod
    day: date


class ReconcileAnswer(Public):
    matched: int
    unmatched_bank: list[BankLine]
    unmatched_payments: list[UnmatchedPayment]
