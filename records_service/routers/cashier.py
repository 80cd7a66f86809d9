"""The settlement center's back office (issue 17): refunds (requested by a department's
lead, decided by finance), voiding spoilt receipts, paper receipt ranges, the cashier's
daily close (日结), the period report and the bank reconciliation."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.core.money import capitals, yuan
from clerk_app.core.spreadsheet import safe_row
from records_service import fees as records
from records_service import locks
from records_service.case_views import RawBodyDep
from records_service.db import Database
from records_service.deps import ClockDep, CurrentPrincipal, DatabaseDep, Principal, SessionDep
from records_service.fee_routes import KEYED, created, record
from records_service.fee_schemas import (
    CashierDayAnswer,
    DayClose,
    RangeAnswer,
    RangeCreate,
    ReceiptAnswer,
    ReceiptVoid,
    ReconcileAnswer,
    ReconcileRequest,
    RefundAnswer,
    RefundCreate,
    RefundDecision,
    ReportAnswer,
)
from records_service.idempotency import Applied, IdempotencyKeyDep, keyed_write
from records_service.models import (
    CashierDay,
    Payment,
    PaymentNotice,
    Receipt,
    ReceiptRange,
    RefundRequest,
    User,
)
from records_service.problems import ProblemError, invalid_field, problem_responses
from records_service.reach import not_found
from records_service.schemas import Day, public_json

router = APIRouter(tags=["fees"])

RecordId = Annotated[str, Path(min_length=1, max_length=36)]
CodePath = Annotated[str, Path(min_length=1, max_length=20, pattern=r"^[0-9]+$")]
#: The longest period of a report or a reconciliation.
MAX_DAYS = 400


# --- refunds ----------------------------------------------------------------------------


def _refund_public(session: Session, row: RefundRequest) -> dict[str, Any]:
    payment = session.get(Payment, row.payment_id)
    return {
        "id": row.id,
        "payment_id": row.payment_id,
        "notice_no": payment.notice_no if payment else "",
        "department_code": row.department_code,
        "amount_fen": row.amount_fen,
        "reason": row.reason,
        "status": row.status,
        "requested_by": row.requested_by,
        "requested_at": row.requested_at,
        "decided_by": row.decided_by,
        "decided_at": row.decided_at,
        "decision_note": row.decision_note,
        "voucher_no": row.voucher_no,
    }


def _refundable(session: Session, payment: Payment) -> int:
    pending = session.scalar(
        select(func.sum(RefundRequest.amount_fen)).where(
            RefundRequest.payment_id == payment.id, RefundRequest.status == "requested"
        )
    )
    return payment.amount_fen - payment.refunded_fen - int(pending or 0)


def _too_large(left: int) -> ProblemError:
    return ProblemError(
        422,
        "refund-too-large",
        f"At most {left} fen of this payment can still be refunded.",
        title="Refund larger than paid",
    )


@router.post(
    "/payments/{payment_id}/refund-requests",
    status_code=201,
    operation_id="request_refund",
    response_model=RefundAnswer,
    responses={
        201: created(),
        **problem_responses(
            *KEYED,
            404,
            s403="not a lead",
            s404="no such payment of your department",
            s422="``…/refund-too-large``: more than paid, less refunds made or requested",
        ),
    },
)
def request_refund(
    payment_id: RecordId,
    body: RefundCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """A lead of the collecting department (执收单位) requests a refund (退付)."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )

    def find(session: Session, lock: bool = False) -> Payment:
        # Requesting, the payment's row is locked: two requests at once cannot both take
        # what is left of it.
        payment = session.get(
            Payment, payment_id, with_for_update=lock or None, populate_existing=lock
        )
        notice = session.get(PaymentNotice, payment.notice_id) if payment else None
        if (
            payment is None
            or notice is None
            or payment.department_code != principal.department_code
            or notice.center_code != principal.center_code
        ):
            raise not_found(f"payment {payment_id}")
        return payment

    def apply(session: Session) -> Applied:
        payment = find(session, lock=True)
        left = _refundable(session, payment)
        if body.amount_fen > left:
            raise _too_large(left)
        row = RefundRequest(
            id=str(body.id),
            payment_id=payment.id,
            department_code=payment.department_code,
            amount_fen=body.amount_fen,
            reason=body.reason,
            status="requested",
            requested_by=principal.actor,
            requested_at=write.now,
            decision_note="",
        )
        session.add(row)
        session.flush()
        record(
            session,
            request,
            principal,
            write.now,
            "fee.refund_request",
            payment.notice_no,
            {"amount_fen": body.amount_fen},
        )
        return 201, public_json(RefundAnswer, {"refund": _refund_public(session, row)}), {}

    return write.run("POST /payments/{id}/refund-requests", apply, lambda s: find(s) and None)


def _decide(
    refund_id: str,
    approve: bool,
    body: RefundDecision,
    raw: bytes,
    request: Request,
    principal: Principal,
    db: Database,
    now: datetime,
    key: str,
) -> Response:
    write = keyed_write(db, key=key, record_id=None, raw=raw, principal=principal, now=now)

    def find(session: Session, lock: bool = False) -> RefundRequest:
        # Deciding, the request's row is locked: a second decision waits, then sees it.
        row = session.get(
            RefundRequest, refund_id, with_for_update=lock or None, populate_existing=lock
        )
        payment = (
            session.get(
                Payment, row.payment_id, with_for_update=lock or None, populate_existing=lock
            )
            if row
            else None
        )
        notice = session.get(PaymentNotice, payment.notice_id) if payment else None
        if row is None or notice is None or notice.center_code != principal.center_code:
            raise not_found(f"refund request {refund_id}")
        return row

    def apply(session: Session) -> Applied:
        row = find(session, lock=True)
        if row.status != "requested":
            raise ProblemError(409, "decided", f"The refund request is {row.status} already.")
        payment = session.get(Payment, row.payment_id)
        assert payment is not None
        if approve:
            left = payment.amount_fen - payment.refunded_fen
            if row.amount_fen > left:
                raise _too_large(left)
            payment.refunded_fen += row.amount_fen
            row.voucher_no = "TF-" + uuid.UUID(row.id).hex[:12].upper()
            notice = session.get(PaymentNotice, payment.notice_id)
            if notice is not None:
                if payment.refunded_fen == payment.amount_fen:
                    notice.status = "refunded"
                text = (
                    f"已退付：缴款通知书 {notice.notice_no}，¥{yuan(row.amount_fen)}"
                    f"（{capitals(row.amount_fen)}），退付凭证 {row.voucher_no}"
                )
                records.note_on_case(session, notice, text, write.now, principal.actor)
        row.status = "approved" if approve else "rejected"
        row.decided_by = principal.actor
        row.decided_at = write.now
        row.decision_note = body.note
        session.flush()
        record(
            session,
            request,
            principal,
            write.now,
            f"fee.refund_{row.status}",
            payment.notice_no,
            {"amount_fen": row.amount_fen},
        )
        return 201, public_json(RefundAnswer, {"refund": _refund_public(session, row)}), {}

    route = f"POST /refund-requests/{{id}}/{'approve' if approve else 'reject'}"
    return write.run(route, apply, lambda s: find(s) and None)


_DECISION_RESPONSES = {
    201: created("decided, or the stored answer to a repeated request"),
    **problem_responses(
        *KEYED,
        404,
        s403="not finance",
        s404="no such refund request in your center",
        s409="``…/decided`` already; ``…/in-flight``",
        s422="``…/refund-too-large``: more than is left of the payment",
    ),
}


@router.post(
    "/refund-requests/{refund_id}/approve",
    status_code=201,
    operation_id="approve_refund",
    response_model=RefundAnswer,
    responses=_DECISION_RESPONSES,
)
def approve_refund(
    refund_id: RecordId,
    body: RefundDecision,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Finance approves a refund; the answer carries the refund voucher's number."""
    return _decide(refund_id, True, body, raw, request, principal, db, clock(), idempotency_key)


@router.post(
    "/refund-requests/{refund_id}/reject",
    status_code=201,
    operation_id="reject_refund",
    response_model=RefundAnswer,
    responses=_DECISION_RESPONSES,
)
def reject_refund(
    refund_id: RecordId,
    body: RefundDecision,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Finance rejects a refund request."""
    return _decide(refund_id, False, body, raw, request, principal, db, clock(), idempotency_key)


# --- receipts ---------------------------------------------------------------------------


@router.post(
    "/receipts/{code}/{number}/void",
    status_code=201,
    operation_id="void_receipt",
    response_model=ReceiptAnswer,
    responses={
        201: created("voided, or the stored answer to a repeated request"),
        **problem_responses(
            *KEYED,
            404,
            s404="no such receipt of yours",
            s409="``…/voided`` already; ``…/electronic``: reversed by a refund, not voided; "
            "``…/day-closed``",
            s422="``…/not-your-stock``: a blank number not allotted to you",
        ),
    },
)
def void_receipt(
    code: CodePath,
    number: CodePath,
    body: ReceiptVoid,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Void (作废) a spoilt paper receipt: used or blank, it keeps its number."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )

    def apply(session: Session) -> Applied:
        if principal.kind == "user":
            cashier = principal.username or ""
        elif records.settlement_desk(session, principal):
            cashier = body.cashier or ""
        else:
            raise ProblemError(403, "forbidden", "Only a settlement window's desk voids receipts.")
        locks.hold(session, locks.CASHIER, cashier)  # their stock; a day closing meanwhile
        padded = (
            records.paper_number(int(number)) if len(number) <= records.PAPER_DIGITS else number
        )
        row = session.scalars(
            select(Receipt).where(Receipt.code == code, Receipt.number.in_({number, padded}))
        ).first()
        day = records.business_day(write.now)
        if row is None:
            value = records.paper_receipt_check(session, cashier, code, number)
            row = Receipt(
                kind="paper",
                code=code,
                number=records.paper_number(value),
                check_code="",
                verify_url="",
                status="voided",
                cashier=cashier,
                day=day,
                issued_at=write.now,
            )
            session.add(row)
        elif row.cashier != cashier:
            raise not_found(f"receipt {code}/{number}")
        elif row.kind == "electronic":
            raise ProblemError(
                409, "electronic", "An electronic receipt is reversed by a refund, not voided."
            )
        elif row.status == "voided":
            raise ProblemError(409, "voided", f"Receipt {code}/{number} is voided already.")
        else:
            records.refuse_closed_day(session, row.cashier, row.day)
            row.status = "voided"
        row.voided_at = write.now
        row.void_reason = body.reason
        session.flush()
        record(
            session,
            request,
            principal,
            write.now,
            "fee.receipt_void",
            f"{row.code}/{row.number}",
            {"reason": body.reason},
        )
        return 201, public_json(ReceiptAnswer, {"receipt": records.receipt_public(row)}), {}

    return write.run("POST /receipts/{code}/{number}/void", apply)


@router.post(
    "/receipt-ranges",
    status_code=201,
    operation_id="create_receipt_range",
    response_model=RangeAnswer,
    responses={
        201: created(),
        **problem_responses(
            *KEYED,
            s403="not an admin",
            s409="``…/overlap``: the range overlaps another of the same code; ``…/in-flight``",
            s422="first after last; the cashier is no cashier here",
        ),
    },
)
def create_receipt_range(
    body: RangeCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Allot pre-numbered paper receipt stock to a cashier (never overlapping another)."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )

    def apply(session: Session) -> Applied:
        if body.first > body.last:
            raise invalid_field("last", "must not be before first")
        user = session.scalars(select(User).where(User.username == body.cashier)).first()
        if user is None or "cashier" not in (user.roles or []):
            raise invalid_field("cashier", "no cashier of that name")
        locks.hold(session, locks.RECEIPT_CODE, body.code)  # no two overlapping at once
        clash = records.overlapping(session, body.code, body.first, body.last)
        if clash is not None:
            raise ProblemError(
                409,
                "overlap",
                f"Numbers {clash.first}-{clash.last} of {clash.code} are allotted to "
                f"{clash.cashier} already.",
                title="Range overlaps",
            )
        row = ReceiptRange(
            id=str(body.id),
            code=body.code,
            first=body.first,
            last=body.last,
            cashier=body.cashier,
            created_by=principal.actor,
            created_at=write.now,
        )
        session.add(row)
        session.flush()
        record(
            session,
            request,
            principal,
            write.now,
            "fee.receipt_range",
            f"{body.code}/{body.first}-{body.last}",
            {"cashier": body.cashier},
        )
        return 201, public_json(RangeAnswer, {"range": records.range_public(session, row)}), {}

    return write.run("POST /receipt-ranges", apply)


# --- the cashier's day ------------------------------------------------------------------


def _day_of(principal: Principal, cashier: str | None) -> str:
    """Whose day: a cashier's own; finance names the cashier."""
    if principal.has_role("cashier"):
        return principal.username or ""
    if not cashier:
        raise invalid_field("cashier", "name the cashier whose day to show")
    return cashier


@router.get(
    "/cashier/day",
    operation_id="get_cashier_day",
    response_model=CashierDayAnswer,
    responses=problem_responses(401, 403, 422),
)
def get_cashier_day(
    principal: CurrentPrincipal,
    session: SessionDep,
    day: Annotated[Day, Query(alias="date", description="the business day (YYYY-MM-DD)")],
    cashier: Annotated[
        str | None, Query(max_length=64, description="finance: whose day (a cashier's own)")
    ] = None,
) -> CashierDayAnswer:
    """The day sheet (日结单): totals by method, department and item, the receipt numbers
    used and voided, each paper range accounted for, and the close if it is closed."""
    sheet = records.cashier_day(session, _day_of(principal, cashier), day)
    return CashierDayAnswer.model_validate({"day": sheet})


@router.post(
    "/cashier/day/close",
    status_code=201,
    operation_id="close_cashier_day",
    response_model=CashierDayAnswer,
    responses={
        201: created("closed, or the stored answer to a repeated request"),
        **problem_responses(*KEYED, s409="``…/day-closed``: closed already; ``…/in-flight``"),
    },
)
def close_cashier_day(
    body: DayClose,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Close the cashier's day: the cash counted, the difference to the cash taken (长款
    above, 短款 below zero) and the deposit slip (解缴); the day's payments are frozen."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )
    cashier = principal.username or ""

    def apply(session: Session) -> Applied:
        locks.hold(session, locks.CASHIER, cashier)  # no payment slips in while it closes
        records.refuse_closed_day(session, cashier, body.date)
        sheet = records.cashier_day(session, cashier, body.date)
        expected = sheet["expected_cash_fen"]
        row = CashierDay(
            day=body.date,
            cashier=cashier,
            closed=True,
            closed_at=write.now,
            expected_cash_fen=expected,
            counted_fen=body.counted_fen,
            difference_fen=body.counted_fen - expected,
            deposit_ref=body.deposit_ref,
            summary=CashierDayAnswer.model_validate({"day": sheet}).model_dump(mode="json"),
        )
        session.add(row)
        session.flush()
        record(
            session,
            request,
            principal,
            write.now,
            "fee.day_close",
            body.date.isoformat(),
            {"expected_cash_fen": expected, "counted_fen": body.counted_fen},
        )
        answer = {"day": records.cashier_day(session, cashier, body.date)}
        return 201, public_json(CashierDayAnswer, answer), {}

    return write.run("POST /cashier/day/close", apply)


# --- the period report and the bank reconciliation --------------------------------------


def _period(first: date, last: date) -> None:
    if last < first:
        raise invalid_field("to", "must not be before from")
    if (last - first).days >= MAX_DAYS:
        raise invalid_field("to", f"at most {MAX_DAYS} days")


_REPORT_MEDIA = {
    "text/csv": {"schema": {"type": "string"}},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
        "schema": {"type": "string", "format": "binary"}
    },
}


@router.get(
    "/fees/report",
    operation_id="get_fees_report",
    response_model=ReportAnswer,
    responses={
        200: {
            "description": "the report (JSON, or CSV/XLSX with ``format``)",
            "content": _REPORT_MEDIA,
        },
        **problem_responses(401, 403, 422, s422="a bad period (at most 400 days) or group"),
    },
)
def get_fees_report(
    principal: CurrentPrincipal,
    session: SessionDep,
    date_from: Annotated[Day, Query(alias="from", description="first business day")],
    date_to: Annotated[Day, Query(alias="to", description="last business day (≤ 400 days)")],
    group: Annotated[Literal["department", "item", "method"], Query()] = "department",
    fmt: Annotated[Literal["json", "csv", "xlsx"], Query(alias="format")] = "json",
) -> Any:
    """Payments of the period by department, item or method, to the fen (finance), with
    the amounts refunded (by department and method; a refund is of a payment, not of one
    fee, so by item it is 0); as JSON, CSV or XLSX (no cell is ever a formula)."""
    _period(date_from, date_to)
    data = records.report(session, principal.center_code, date_from, date_to, group)
    answer = ReportAnswer.model_validate(data)
    if fmt == "json":
        return answer
    table = [list(records.REPORT_COLUMNS)] + [
        [r.key, r.name, r.count, r.amount_fen, r.refunded_fen] for r in answer.rows
    ]
    table.append(["total", "", answer.count, answer.amount_fen, answer.refunded_fen])
    name = f"fees-{group}-{date_from.isoformat()}-{date_to.isoformat()}"
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out).writerows(safe_row(row) for row in table)
        return Response(
            out.getvalue().encode("utf-8-sig"),
            media_type="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    for row in table:
        sheet.append(safe_row(row))
    out_bytes = io.BytesIO()
    book.save(out_bytes)
    return Response(
        out_bytes.getvalue(),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
    )


@router.post(
    "/fees/reconcile",
    operation_id="reconcile_fees",
    response_model=ReconcileAnswer,
    responses=problem_responses(
        400,
        401,
        403,
        413,
        422,
        s400="the body is no JSON",
        s422="a bad period, or a bank file without its columns or with an "
        "amount that is no yuan (the line is named)",
    ),
)
def reconcile_fees(
    body: ReconcileRequest, principal: CurrentPrincipal, session: SessionDep
) -> ReconcileAnswer:
    """Match a bank's or POS's transaction file (CSV: ``reference``, ``amount`` in yuan,
    ``date``) with the card and QR payments of the period by reference and amount; list
    what is unmatched on either side. Nothing is written."""
    _period(body.date_from, body.date_to)
    lines = records.bank_lines(body.csv)
    result = records.reconcile(session, principal.center_code, body.date_from, body.date_to, lines)
    return ReconcileAnswer.model_validate(result)
