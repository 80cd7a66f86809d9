"""Fees (政府非税收入): payment notices, waivers, payments, receipts and their rules.

The department window assesses (执收单位) and issues a payment notice (缴款通知书) with the
center's own notice number, made at the window without the service like a case number:
``JK-W01-20261206-000001`` (``format_notice_no``). The province's fiscal platform assigns
the payment code (缴款码) once the notice reaches it. The settlement window takes the money
(cash, bank card, QR code) for the WHOLE amount — a partial payment is refused, cash may
be more and gets change — and issues a fiscal receipt: electronic from the platform, or
paper from the stock allotted to the cashier (``ReceiptRange``).

Everything here is pure: frozen records and functions that check the rules and raise
``FeeRuleError`` (with a ``code`` the GUI words) when one is broken. Money is an int of
fen (``clerk_app.core.money``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, NamedTuple

from clerk_app.core.money import check_fen

if TYPE_CHECKING:  # pragma: no cover
    from clerk_app.core.catalog import Item
    from clerk_app.core.records import Case

NoticeStatus = Literal["issued", "paid", "cancelled", "refunded"]
PaymentMethod = Literal["cash", "card", "qr"]
ReceiptKind = Literal["electronic", "paper"]

NOTICE_STATUSES: tuple[NoticeStatus, ...] = ("issued", "paid", "cancelled", "refunded")
PAYMENT_METHODS: tuple[PaymentMethod, ...] = ("cash", "card", "qr")
RECEIPT_KINDS: tuple[ReceiptKind, ...] = ("electronic", "paper")
#: Methods that need the fiscal platform (and so the link): everything but cash.
ONLINE_METHODS: frozenset[str] = frozenset({"card", "qr"})

#: The reasons a fee may be waived (减免), code → the words on the notice.
WAIVER_REASONS: Mapping[str, str] = MappingProxyType(
    {
        "subsistence": "低保",  # 最低生活保障对象
        "destitute": "特困",  # 特困供养人员
        "disability": "残疾",  # 持证残疾人
        "entitled": "优抚",  # 优抚对象
        "other": "其他依规减免",
    }
)

MAX_NOTICE_SEQ = 999_999
_CODE = re.compile(r"[A-Z0-9]{1,8}")
_NOTICE_NO = re.compile(r"JK-([A-Z0-9]{1,8})-(\d{8})-(\d{6})")


class FeeRuleError(ValueError):
    """A fee rule is broken; ``code`` names which one (the GUI words it).

    Codes: ``no_fees``, ``unknown_reason``, ``not_waivable``, ``waiver_too_large``,
    ``approval_needed``, ``empty_note``, ``not_issued``, ``amount_mismatch``,
    ``partial_payment``, ``change_not_cash``, ``reference_needed``, ``unknown_method``,
    ``refund_too_large``, ``not_paid``, ``range_overlap``, ``range_exhausted``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# -- notice numbers -------------------------------------------------------------------------


class NoticeNo(NamedTuple):
    """The parts of a notice number."""

    window: str
    day: date
    seq: int

    def __str__(self) -> str:
        return format_notice_no(self.window, self.day, self.seq)


def format_notice_no(window: str, day: date, seq: int) -> str:
    """``JK-W01-20261206-000001``: 缴款, the window, the day and the window's sequence.

    Raises:
        ValueError: the window is not 1-8 uppercase letters/digits or ``seq`` out of range.
    """
    if not isinstance(window, str) or not _CODE.fullmatch(window):
        raise ValueError(f"window code must be 1-8 uppercase ASCII letters or digits: {window!r}")
    if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq <= MAX_NOTICE_SEQ:
        raise ValueError(f"sequence must be a whole number from 1 to {MAX_NOTICE_SEQ}: {seq!r}")
    return f"JK-{window}-{day.year:04d}{day.month:02d}{day.day:02d}-{seq:06d}"


def parse_notice_no(text: str) -> NoticeNo:
    """Split a notice number; surrounding blanks and lower case are forgiven.

    Raises:
        ValueError: it is not a notice number.
    """
    match = _NOTICE_NO.fullmatch(text.strip().upper()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"not a payment notice number: {text!r}")
    window, day_text, seq_text = match.groups()
    try:
        day = date(int(day_text[:4]), int(day_text[4:6]), int(day_text[6:]))
    except ValueError:
        raise ValueError(f"not a payment notice number (no date {day_text}): {text!r}") from None
    seq = int(seq_text)
    if seq == 0:
        raise ValueError(f"not a payment notice number (sequence 0): {text!r}")
    return NoticeNo(window, day, seq)


# -- records ----------------------------------------------------------------------------------


def _aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True)
class NoticeLine:
    """One fee of a notice: the item, the fee's name, amount and legal basis (收费依据)."""

    item_code: str
    fee_name: str
    amount_fen: int
    basis: str = ""
    waivable: bool = False

    def __post_init__(self) -> None:
        check_fen(self.amount_fen, f"fee {self.fee_name!r}")
        if not self.fee_name.strip():
            raise ValueError("a fee line has a name")


@dataclass(frozen=True)
class Waiver:
    """减免: a listed reason, the amount waived, a note, and the lead who approved it
    (needed above the center's threshold, see ``check_waiver``)."""

    reason_code: str
    amount_fen: int
    note: str = ""
    approved_by: str = ""

    def __post_init__(self) -> None:
        check_fen(self.amount_fen, "waiver")

    @property
    def reason_text(self) -> str:
        """The reason's words (the code itself when it is not listed)."""
        return WAIVER_REASONS.get(self.reason_code, self.reason_code)


@dataclass(frozen=True)
class Receipt:
    """A fiscal receipt: electronic (from the platform: code, number, check code, the
    address its QR verifies at) or paper (code and number from the allotted stock)."""

    kind: ReceiptKind
    code: str
    number: str
    check_code: str = ""
    verify_url: str = ""

    def __post_init__(self) -> None:
        if self.kind not in RECEIPT_KINDS:
            raise ValueError(f"unknown receipt kind: {self.kind!r}")
        if not self.code.strip() or not self.number.strip():
            raise ValueError("a receipt has a code and a number")
        if self.kind == "electronic" and not self.check_code.strip():
            raise ValueError("an electronic receipt has a check code")


@dataclass(frozen=True, kw_only=True)
class PaymentNotice:
    """缴款通知书: who pays what for which case, assessed by the department."""

    id: str
    notice_no: str
    case_no: str
    window_code: str
    department_code: str
    payer_name: str
    payer_id_type: str
    payer_id_number: str
    lines: tuple[NoticeLine, ...]
    waiver: Waiver | None = None
    total_fen: int
    status: NoticeStatus = "issued"
    payment_code: str = ""
    issued_at: datetime
    clerk: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        if not self.lines:
            raise FeeRuleError("no_fees", "a payment notice lists at least one fee")
        if self.status not in NOTICE_STATUSES:
            raise ValueError(f"unknown notice status: {self.status!r}")
        parse_notice_no(self.notice_no)
        _aware(self.issued_at, "issued_at")
        expected = notice_total(self.lines, self.waiver)
        if self.total_fen != expected:
            raise FeeRuleError(
                "amount_mismatch",
                f"notice total {self.total_fen} is not the fees less the waiver ({expected})",
            )

    @property
    def gross_fen(self) -> int:
        """The fees before the waiver."""
        return sum(line.amount_fen for line in self.lines)


@dataclass(frozen=True, kw_only=True)
class Payment:
    """A payment of one notice at the settlement window (always the whole amount)."""

    id: str
    notice_no: str
    method: PaymentMethod
    amount_fen: int
    received_fen: int
    change_fen: int = 0
    reference: str = ""
    cashier: str
    paid_at: datetime
    receipt: Receipt | None = None

    def __post_init__(self) -> None:
        check_payment(self.method, self.amount_fen, self.received_fen, self.reference)
        if self.change_fen != self.received_fen - self.amount_fen:
            raise FeeRuleError("amount_mismatch", "change is the amount received less the due")
        _aware(self.paid_at, "paid_at")


# -- rules ----------------------------------------------------------------------------------


def assess(item: Item, case: Case | None = None) -> tuple[NoticeLine, ...]:
    """The lines of a notice for ``item``: its catalog fees (free ones left out).

    Raises:
        FeeRuleError: ``no_fees`` — the item charges nothing.
        ValueError: ``case`` is of another item.
    """
    if case is not None and case.item_code != item.code:
        raise ValueError(f"case {case.case_no} is of item {case.item_code}, not {item.code}")
    lines = tuple(
        NoticeLine(item.code, fee.name, fee.amount_fen, fee.basis, fee.waivable)
        for fee in item.fees
        if fee.amount_fen > 0
    )
    if not lines:
        raise FeeRuleError("no_fees", f"item {item.code} charges no fee")
    return lines


def notice_total(lines: Iterable[NoticeLine], waiver: Waiver | None = None) -> int:
    """The fees less the waiver, in fen."""
    gross = sum(line.amount_fen for line in lines)
    return gross - (waiver.amount_fen if waiver is not None else 0)


def net_lines(
    lines: Sequence[NoticeLine], waiver: Waiver | None = None
) -> tuple[tuple[NoticeLine, int], ...]:
    """Each line with what is actually charged for it: the waiver comes off the waivable
    lines in their order (how a day's or a period's totals split a notice by fee).

    The net amounts add up to ``notice_total(lines, waiver)``.
    """
    left = waiver.amount_fen if waiver is not None else 0
    out = []
    for line in lines:
        off = min(left, line.amount_fen) if line.waivable else 0
        left -= off
        out.append((line, line.amount_fen - off))
    return tuple(out)


def check_waiver(lines: Sequence[NoticeLine], waiver: Waiver, *, approval_above_fen: int) -> Waiver:
    """``waiver`` if the rules allow it on ``lines``.

    A listed reason; only waivable fees may be waived, up to their sum; ``other`` needs a
    note saying which rule; a waiver above ``approval_above_fen`` (the center's provisioned
    amount) needs ``approved_by``, the lead whose approval event allowed it.

    Raises:
        FeeRuleError: ``unknown_reason``, ``not_waivable``, ``waiver_too_large``,
            ``empty_note`` or ``approval_needed``.
    """
    check_fen(approval_above_fen, "approval threshold")
    if waiver.reason_code not in WAIVER_REASONS:
        raise FeeRuleError("unknown_reason", f"not a listed waiver reason: {waiver.reason_code!r}")
    waivable = sum(line.amount_fen for line in lines if line.waivable)
    if waivable == 0:
        raise FeeRuleError("not_waivable", "none of these fees may be waived")
    if waiver.amount_fen == 0 or waiver.amount_fen > waivable:
        raise FeeRuleError(
            "waiver_too_large", f"a waiver is 0.01 to {waivable} fen here: {waiver.amount_fen}"
        )
    if waiver.reason_code == "other" and not waiver.note.strip():
        raise FeeRuleError("empty_note", "a waiver under 'other' names the rule in its note")
    if waiver.amount_fen > approval_above_fen and not waiver.approved_by.strip():
        raise FeeRuleError(
            "approval_needed",
            f"a waiver above {approval_above_fen} fen needs a lead's approval",
        )
    return waiver


def check_payment(method: str, amount_fen: int, received_fen: int, reference: str = "") -> int:
    """The change for a payment of ``amount_fen`` (0 unless cash).

    Cash may be more than due (change is given), never less; card and QR take exactly the
    amount and carry the POS or bank reference.

    Raises:
        FeeRuleError: ``unknown_method``, ``partial_payment``, ``change_not_cash`` or
            ``reference_needed``.
    """
    check_fen(amount_fen, "amount")
    check_fen(received_fen, "amount received")
    if method not in PAYMENT_METHODS:
        raise FeeRuleError("unknown_method", f"not a payment method: {method!r}")
    if received_fen < amount_fen:
        raise FeeRuleError(
            "partial_payment",
            f"a notice is paid in full: received {received_fen} of {amount_fen} fen",
        )
    if method != "cash":
        if received_fen != amount_fen:
            raise FeeRuleError("change_not_cash", "only cash gets change")
        if not reference.strip():
            raise FeeRuleError("reference_needed", "a card or QR payment has its reference")
    return received_fen - amount_fen


def take_payment(
    notice: PaymentNotice,
    *,
    payment_id: str,
    method: PaymentMethod,
    received_fen: int,
    reference: str = "",
    cashier: str,
    paid_at: datetime,
    receipt: Receipt | None = None,
) -> tuple[PaymentNotice, Payment]:
    """Record the payment of ``notice``: the notice paid, and the payment with its change.

    Raises:
        FeeRuleError: ``not_issued`` (paid, cancelled or refunded already) or a rule of
            ``check_payment``.
    """
    if notice.status != "issued":
        raise FeeRuleError("not_issued", f"notice {notice.notice_no} is {notice.status}")
    change = check_payment(method, notice.total_fen, received_fen, reference)
    payment = Payment(
        id=payment_id,
        notice_no=notice.notice_no,
        method=method,
        amount_fen=notice.total_fen,
        received_fen=received_fen,
        change_fen=change,
        reference=reference.strip(),
        cashier=cashier,
        paid_at=paid_at,
        receipt=receipt,
    )
    return replace(notice, status="paid"), payment


def cancel_notice(notice: PaymentNotice) -> PaymentNotice:
    """作废: an issued notice becomes cancelled; a paid (or refunded) one never.

    Raises:
        FeeRuleError: ``not_issued``.
    """
    if notice.status != "issued":
        raise FeeRuleError("not_issued", f"notice {notice.notice_no} is {notice.status}")
    return replace(notice, status="cancelled")


def check_refund(payment: Payment, amount_fen: int, refunded_fen: int = 0) -> int:
    """``amount_fen`` if it may be refunded of ``payment`` (``refunded_fen`` already was).

    Raises:
        FeeRuleError: ``refund_too_large`` (nothing, or more than is left of the payment).
    """
    check_fen(amount_fen, "refund")
    check_fen(refunded_fen, "refunded")
    left = payment.amount_fen - refunded_fen
    if amount_fen == 0 or amount_fen > left:
        raise FeeRuleError(
            "refund_too_large", f"a refund is 0.01 to {left} fen of this payment: {amount_fen}"
        )
    return amount_fen


# -- the day's close -------------------------------------------------------------------------


class CashDifference(NamedTuple):
    """Cash counted against the cash the day's payments say: ``over`` (长款), ``short``
    (短款) or ``even``, and by how many fen."""

    kind: Literal["over", "short", "even"]
    fen: int


def cash_difference(expected_fen: int, counted_fen: int) -> CashDifference:
    """The close's difference: counted 12,345.00 of 12,345.50 expected → short 50."""
    check_fen(expected_fen, "expected cash")
    check_fen(counted_fen, "counted cash")
    if counted_fen > expected_fen:
        return CashDifference("over", counted_fen - expected_fen)
    if counted_fen < expected_fen:
        return CashDifference("short", expected_fen - counted_fen)
    return CashDifference("even", 0)


# -- paper receipt stock ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptRange:
    """Pre-numbered paper receipts an admin allots to one cashier: the receipt code
    (票据代码) and the numbers ``first``..``last``, printed ``width`` digits wide."""

    code: str
    first: int
    last: int
    width: int = 10
    cashier: str = ""
    used: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.code.strip():
            raise ValueError("a receipt range has a receipt code")
        if not 1 <= self.first <= self.last or len(str(self.last)) > self.width:
            raise ValueError(f"not a receipt range: {self.first}..{self.last}")

    def numbers(self) -> Iterator[str]:
        """Every number of the range, in order, as printed."""
        for value in range(self.first, self.last + 1):
            yield f"{value:0{self.width}d}"

    def __contains__(self, number: object) -> bool:
        return (
            isinstance(number, str)
            and number.isdigit()
            and (self.first <= int(number) <= self.last)
        )

    def overlaps(self, other: ReceiptRange) -> bool:
        """Whether both ranges share a number of one receipt code."""
        return self.code == other.code and self.first <= other.last and other.first <= self.last

    def next_unused(self, taken: Iterable[str] = ()) -> str:
        """The lowest number neither ``used`` nor in ``taken`` (used or voided numbers).

        Raises:
            FeeRuleError: ``range_exhausted``.
        """
        spent = self.used | {f"{int(n):0{self.width}d}" for n in taken if n.isdigit()}
        for number in self.numbers():
            if number not in spent:
                return number
        raise FeeRuleError("range_exhausted", f"receipt range {self.code} is used up")


def check_ranges(ranges: Sequence[ReceiptRange]) -> None:
    """Raise ``range_overlap`` when two of ``ranges`` share a number."""
    for index, one in enumerate(ranges):
        for other in ranges[index + 1 :]:
            if one.overlaps(other):
                raise FeeRuleError(
                    "range_overlap",
                    f"receipt ranges {one.code} {one.first}-{one.last} and "
                    f"{other.first}-{other.last} overlap",
                )
