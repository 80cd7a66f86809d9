"""The fee settlement center's records (issue 17): who reaches a notice, how notices,
payments and receipts look in the API, the cashier's day, the period report and the bank
reconciliation. Money is integer fen throughout (SQL ``SUM`` of BigInteger columns)."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select, true
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.fees import WAIVER_REASONS
from clerk_app.core.money import capitals, parse_yuan, yuan
from records_service.deps import Principal
from records_service.models import (
    Case,
    CaseEvent,
    CashierDay,
    Department,
    Payment,
    PaymentLine,
    PaymentNotice,
    Receipt,
    ReceiptRange,
)
from records_service.problems import ProblemError, invalid_field
from records_service.reach import callers, not_found

#: Paper receipt numbers are printed with this many digits.
PAPER_DIGITS = 8
#: The highest paper receipt number.
PAPER_MAX = 10**PAPER_DIGITS - 1


def business_day(moment: datetime) -> date:
    """The cashier's business day of ``moment``: its date in the center's time zone."""
    return moment.astimezone(CENTER_TZ).date()


def paper_number(number: int) -> str:
    return f"{number:0{PAPER_DIGITS}d}"


# --- reach ------------------------------------------------------------------------------


def notice_reach(principal: Principal, *, collecting: bool = False) -> ColumnElement[bool]:
    """The :class:`PaymentNotice` rows ``principal`` reaches: a clerk or desk, their
    window's; a lead, their department's in their center; a cashier or finance user, every
    notice of their center (the settlement center collects for all departments), as does
    the desk of a settlement window when ``collecting`` (reading notices to take payments).
    """
    who = callers(principal)
    if (who & {"cashier", "finance"} or collecting) and principal.center_code:
        return PaymentNotice.center_code == principal.center_code
    if "lead" in who and principal.department_code:
        return and_(
            PaymentNotice.department_code == principal.department_code,
            PaymentNotice.center_code == principal.center_code,
        )
    if who & {"clerk", "desk"} and principal.window_code:
        return PaymentNotice.window_code == principal.window_code
    return false()


def notice_in_reach(
    session: Session, principal: Principal, ref: str, *, reading: bool = False, lock: bool = False
) -> PaymentNotice:
    """The notice numbered ``ref`` (or whose payment code is ``ref``) in reach; else 404.
    ``reading``: a settlement window's desk reaches every notice of its center. ``lock``:
    its row locked until the transaction ends (a payment waits for a cancellation of the
    same notice, and the other way round)."""
    collecting = reading and settlement_desk(session, principal)
    query = (
        select(PaymentNotice)
        .where(or_(PaymentNotice.notice_no == ref, PaymentNotice.payment_code == ref))
        .where(notice_reach(principal, collecting=collecting))
    )
    if lock:  # read again: the guard may have read it before the lock
        query = query.with_for_update().execution_options(populate_existing=True)
    row = session.scalars(query).first()
    if row is None:
        raise not_found(f"payment notice {ref}")
    return row


def list_notices(
    session: Session,
    principal: Principal,
    *,
    status: str | None,
    case_no: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[PaymentNotice], str | None]:
    """Notices in reach (a settlement desk: its center's), by notice number after
    ``cursor``; the next cursor when there are more."""
    statement = select(PaymentNotice).where(
        notice_reach(principal, collecting=settlement_desk(session, principal))
    )
    if status:
        statement = statement.where(PaymentNotice.status == status)
    if case_no:
        statement = statement.where(PaymentNotice.case_no == case_no)
    if cursor:
        statement = statement.where(PaymentNotice.notice_no > cursor)
    rows = list(session.scalars(statement.order_by(PaymentNotice.notice_no).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].notice_no if more and rows else None)


def settlement_desk(session: Session, principal: Principal) -> bool:
    """Whether ``principal`` is the desk of a settlement-center window."""
    from records_service.models import Window

    if principal.kind != "device" or not principal.window_code:
        return False
    window = session.get(Window, principal.window_code)
    return bool(window and window.settlement)


def note_on_case(
    session: Session,
    notice: PaymentNotice,
    text: str,
    now: datetime,
    by: str,
    data: dict[str, Any] | None = None,
) -> bool:
    """A ``note`` event on the notice's case (if it names one in its center), so the
    department window's desk sees the fee's news on its next pull of ``GET /changes``;
    ``data`` says what kind of news (e.g. ``{"kind": "waiver_approved", ...}``).
    Whether there was a case to note it on. The case's row is locked first, as by every
    writer of a case's event, so its events keep their commit order (``records_service.feed``).
    """
    if not notice.case_no:
        return False
    case = session.scalars(
        select(Case)
        .where(Case.case_no == notice.case_no, Case.center_code == notice.center_code)
        .with_for_update()
    ).first()
    if case is None:
        return False
    case.updated_at = now
    case.events.append(
        CaseEvent(
            id=str(uuid.uuid4()),
            type="note",
            at=now,
            actor=by,
            window_code=None,
            note=text,
            data=data,
            recorded_at=now,
        )
    )
    return True


def waiver_approval(notice: PaymentNotice) -> dict[str, Any] | None:
    """The lead's approval of the notice's waiver (``kind`` ``waiver_approved``: notice,
    lead, amount, reason code), or None when the waiver needed none."""
    waiver = notice.waiver or {}
    lead = str(waiver.get("approved_by") or "")
    if not lead:
        return None
    return {
        "kind": "waiver_approved",
        "notice_no": notice.notice_no,
        "lead": lead,
        "amount_fen": int(waiver.get("amount_fen") or 0),
        "reason_code": str(waiver.get("reason_code") or ""),
    }


def waiver_note(approval: dict[str, Any]) -> str:
    """The case's note of a lead's waiver approval (the desk words it from ``data``)."""
    amount = approval["amount_fen"]
    reason = WAIVER_REASONS.get(approval["reason_code"], approval["reason_code"])
    return (
        f"减免已批准：缴款通知书 {approval['notice_no']}，减免 ¥{yuan(amount)}"
        f"（{capitals(amount)}），事由 {reason}，批准人 {approval['lead']}"
    )


def paid_note(notice: PaymentNotice, receipt: Receipt) -> str:
    """The case's note of a payment: notice, amount in figures and capitals, receipt."""
    amount = f"¥{yuan(notice.total_fen)}（{capitals(notice.total_fen)}）"
    return f"已缴费：缴款通知书 {notice.notice_no}，{amount}，票据 {receipt.code}/{receipt.number}"


# --- how records look -------------------------------------------------------------------


def notice_public(row: PaymentNotice) -> dict[str, Any]:
    return {
        "id": row.id,
        "notice_no": row.notice_no,
        "case_no": row.case_no,
        "window_code": row.window_code,
        "department_code": row.department_code,
        "payer": row.payer,
        "lines": row.lines,
        "waiver": row.waiver,
        "total_fen": row.total_fen,
        "status": row.status,
        "payment_code": row.payment_code,
        "clerk": row.clerk,
        "issued_at": row.issued_at,
        "cancelled_at": row.cancelled_at,
        "cancel_reason": row.cancel_reason,
    }


def receipt_public(row: Receipt) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "code": row.code,
        "number": row.number,
        "check_code": row.check_code,
        "verify_url": row.verify_url,
        "status": row.status,
    }


def payment_public(session: Session, row: Payment) -> dict[str, Any]:
    receipt = session.scalars(
        select(Receipt)
        .where(Receipt.payment_id == row.id)
        .order_by((Receipt.status == "used").desc(), Receipt.id.desc())
    ).first()
    return {
        "id": row.id,
        "notice_no": row.notice_no,
        "department_code": row.department_code,
        "method": row.method,
        "amount_fen": row.amount_fen,
        "received_fen": row.received_fen,
        "change_fen": row.change_fen,
        "refunded_fen": row.refunded_fen,
        "reference": row.reference,
        "cashier": row.cashier,
        "paid_at": row.paid_at,
        "day": row.day,
        "receipt": receipt_public(receipt) if receipt is not None else None,
    }


# --- paper stock --------------------------------------------------------------------------


def range_of(session: Session, code: str, number: int) -> ReceiptRange | None:
    return session.scalars(
        select(ReceiptRange).where(
            ReceiptRange.code == code, ReceiptRange.first <= number, ReceiptRange.last >= number
        )
    ).first()


def overlapping(session: Session, code: str, first: int, last: int) -> ReceiptRange | None:
    return session.scalars(
        select(ReceiptRange).where(
            ReceiptRange.code == code, ReceiptRange.first <= last, ReceiptRange.last >= first
        )
    ).first()


def range_public(session: Session, row: ReceiptRange) -> dict[str, Any]:
    """The range with every number accounted for: used, voided or unused."""
    counts = dict(
        session.execute(
            select(Receipt.status, func.count())
            .where(Receipt.kind == "paper", Receipt.code == row.code)
            .where(Receipt.number >= paper_number(row.first))
            .where(Receipt.number <= paper_number(row.last))
            .group_by(Receipt.status)
        ).all()
    )
    used, voided = int(counts.get("used", 0)), int(counts.get("voided", 0))
    return {
        "id": row.id,
        "code": row.code,
        "first": row.first,
        "last": row.last,
        "cashier": row.cashier,
        "used": used,
        "voided": voided,
        "unused": row.last - row.first + 1 - used - voided,
    }


def paper_receipt_check(session: Session, cashier: str, code: str, number: str) -> int:
    """The number of a paper form ``cashier`` may use: in a range allotted to them
    (else 422) and not used or voided before (else 409)."""
    value = int(number) if number.isdigit() and len(number) <= 18 else -1
    stock = range_of(session, code, value) if 0 <= value <= PAPER_MAX else None
    if stock is None or stock.cashier != cashier:
        raise ProblemError(
            422,
            "not-your-stock",
            f"Receipt {code}/{number} is not in a range allotted to {cashier}.",
            title="Receipt not allotted",
        )
    taken = session.scalar(
        select(Receipt.id).where(Receipt.code == code, Receipt.number == paper_number(value))
    )
    if taken is not None:
        raise ProblemError(
            409, "receipt-used", f"Receipt {code}/{number} is used or voided already."
        )
    return value


# --- the cashier's day --------------------------------------------------------------------


def _totals(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [
        {"key": str(key), "count": int(count), "amount_fen": int(amount or 0)}
        for key, count, amount in rows
    ]


def cashier_day(session: Session, cashier: str, day: date) -> dict[str, Any]:
    """The day sheet (日结单) of ``cashier`` on ``day``."""
    mine = and_(Payment.cashier == cashier, Payment.day == day)
    by_method = session.execute(
        select(Payment.method, func.count(), func.sum(Payment.amount_fen))
        .where(mine)
        .group_by(Payment.method)
        .order_by(Payment.method)
    ).all()
    by_department = session.execute(
        select(Payment.department_code, func.count(), func.sum(Payment.amount_fen))
        .where(mine)
        .group_by(Payment.department_code)
        .order_by(Payment.department_code)
    ).all()
    by_item = session.execute(
        select(PaymentLine.item_code, func.count(), func.sum(PaymentLine.amount_fen))
        .join(Payment, Payment.id == PaymentLine.payment_id)
        .where(mine)
        .group_by(PaymentLine.item_code)
        .order_by(PaymentLine.item_code)
    ).all()
    receipts = session.execute(
        select(Receipt.code, Receipt.number, Receipt.status)
        .where(Receipt.cashier == cashier, Receipt.day == day)
        .order_by(Receipt.code, Receipt.number)
    ).all()
    ranges = session.scalars(
        select(ReceiptRange).where(ReceiptRange.cashier == cashier).order_by(ReceiptRange.code)
    ).all()
    closed = session.scalars(
        select(CashierDay).where(CashierDay.cashier == cashier, CashierDay.day == day)
    ).first()
    methods = _totals(by_method)
    expected = sum(t["amount_fen"] for t in methods if t["key"] == "cash")
    return {
        "day": day,
        "cashier": cashier,
        "closed": bool(closed and closed.closed),
        "closed_at": closed.closed_at if closed else None,
        "payments": sum(t["count"] for t in methods),
        "total_fen": sum(t["amount_fen"] for t in methods),
        "by_method": methods,
        "by_department": _totals(by_department),
        "by_item": _totals(by_item),
        "receipts_used": [f"{c}/{n}" for c, n, s in receipts if s == "used"],
        "receipts_voided": [f"{c}/{n}" for c, n, s in receipts if s == "voided"],
        "ranges": [range_public(session, r) for r in ranges],
        "expected_cash_fen": closed.expected_cash_fen if closed else expected,
        "counted_fen": closed.counted_fen if closed else None,
        "difference_fen": closed.difference_fen if closed else None,
        "deposit_ref": closed.deposit_ref if closed else "",
    }


def day_closed(session: Session, cashier: str, day: date) -> bool:
    found = session.scalar(
        select(CashierDay.id).where(
            CashierDay.cashier == cashier, CashierDay.day == day, CashierDay.closed == true()
        )
    )
    return found is not None


def refuse_closed_day(session: Session, cashier: str, day: date) -> None:
    """409 ``day-closed`` when ``cashier`` has closed ``day``: its payments are frozen."""
    if day_closed(session, cashier, day):
        raise ProblemError(
            409,
            "day-closed",
            f"{cashier}'s day {day.isoformat()} is closed; record a correction on a later day.",
            title="Day closed",
        )


# --- the period report ------------------------------------------------------------------


def report(session: Session, center: str | None, first: date, last: date, group: str) -> dict:
    """Payments of ``first``..``last`` (business days) by department, item or method: the
    sums are SQL ``SUM``s of integer fen.

    One pass per figure set: the payments of the period joined to their notices (the
    caller's center) and grouped. By department and method the totals are the sums of the
    grouped rows; by item the rows count fee lines, so the payments' count and totals are
    one more aggregate of the same join (a line is not a payment)."""
    period = and_(Payment.day >= first, Payment.day <= last)

    def scoped(statement: Any) -> Any:
        if not center:
            return statement.where(period)
        return statement.join(PaymentNotice, PaymentNotice.id == Payment.notice_id).where(
            period, PaymentNotice.center_code == center
        )

    refunded = func.sum(Payment.refunded_fen)
    if group == "item":
        statement = scoped(
            select(
                PaymentLine.item_code,
                func.max(PaymentLine.fee_name),
                func.count(),
                func.sum(PaymentLine.amount_fen),
                func.sum(0),
            ).join(Payment, Payment.id == PaymentLine.payment_id)
        )
        statement = statement.group_by(PaymentLine.item_code).order_by(PaymentLine.item_code)
    else:
        column = Payment.department_code if group == "department" else Payment.method
        statement = scoped(
            select(
                column, column, func.count(), func.sum(Payment.amount_fen), refunded
            ).select_from(Payment)
        )
        statement = statement.group_by(column).order_by(column)
    grouped = [
        (str(key), str(name), int(count), int(amount or 0), int(back or 0))
        for key, name, count, amount, back in session.execute(statement).all()
    ]
    if group == "item":
        totals = session.execute(
            scoped(
                select(func.count(), func.sum(Payment.amount_fen), refunded).select_from(Payment)
            )
        ).one()
        count, amount, back = int(totals[0]), int(totals[1] or 0), int(totals[2] or 0)
    else:
        count = sum(row[2] for row in grouped)
        amount = sum(row[3] for row in grouped)
        back = sum(row[4] for row in grouped)
    names: dict[str, str] = {}
    if group == "department":
        names = dict(session.execute(select(Department.code, Department.name)).all())
    rows = [
        {
            "key": key,
            "name": names.get(key, name),
            "count": n,
            "amount_fen": fen,
            "refunded_fen": refund,
        }
        for key, name, n, fen, refund in grouped
    ]
    return {
        "group": group,
        "from": first,
        "to": last,
        "rows": rows,
        "count": count,
        "amount_fen": amount,
        "refunded_fen": back,
    }


REPORT_COLUMNS = ("key", "name", "count", "amount_fen", "refunded_fen")


# --- bank reconciliation ----------------------------------------------------------------


def _fen(text: str) -> int | None:
    try:
        return parse_yuan(text)
    except ValueError:
        return None


def bank_lines(text: str) -> list[dict[str, Any]]:
    """The lines of a bank file (see ``fee_schemas.ReconcileRequest``); 422 naming the
    first bad line."""
    try:
        return _bank_lines(csv.DictReader(io.StringIO(text)))
    except csv.Error as error:
        raise invalid_field("csv", f"not a CSV file: {error}") from None


def _bank_lines(reader: csv.DictReader) -> list[dict[str, Any]]:
    header = {(h or "").strip().lower() for h in reader.fieldnames or []}
    missing = {"reference", "amount", "date"} - header
    if missing:
        raise invalid_field("csv", f"the header lacks the columns {', '.join(sorted(missing))}")
    lines = []
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        fen = _fen(row.get("amount", ""))
        if fen is None:
            raise invalid_field("csv", f"line {number}: amount {row.get('amount')!r} is no yuan")
        lines.append(
            {
                "line": number,
                "reference": row.get("reference", ""),
                "amount_fen": fen,
                "date": row.get("date", ""),
            }
        )
    return lines


def reconcile(
    session: Session, center: str | None, first: date, last: date, lines: list[dict[str, Any]]
) -> dict[str, Any]:
    """Match the bank's lines with the card and QR payments of ``first``..``last`` by
    reference and amount (each payment matched at most once)."""
    statement = select(Payment).where(
        Payment.day >= first, Payment.day <= last, Payment.method.in_(("card", "qr"))
    )
    if center:
        statement = statement.join(PaymentNotice, PaymentNotice.id == Payment.notice_id).where(
            PaymentNotice.center_code == center
        )
    waiting: dict[tuple[str, int], list[Payment]] = {}
    for payment in session.scalars(statement.order_by(Payment.paid_at, Payment.id)):
        waiting.setdefault((payment.reference, payment.amount_fen), []).append(payment)
    matched, unmatched_bank = 0, []
    for line in lines:
        candidates = waiting.get((line["reference"], line["amount_fen"]))
        if candidates:
            candidates.pop(0)
            matched += 1
        else:
            unmatched_bank.append(line)
    unmatched_payments = [
        {
            "id": p.id,
            "notice_no": p.notice_no,
            "reference": p.reference,
            "amount_fen": p.amount_fen,
            "method": p.method,
            "day": p.day,
        }
        for group in waiting.values()
        for p in group
    ]
    return {
        "matched": matched,
        "unmatched_bank": unmatched_bank,
        "unmatched_payments": unmatched_payments,
    }
