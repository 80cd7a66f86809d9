"""Payment notices, payments, refunds, receipts and paper receipt ranges (issue 17).

Every write is idempotent (``Idempotency-Key`` = the id of the record it creates) and
leaves nothing behind when it is refused. The fiscal platform (``app.state.fiscal``,
:mod:`records_service.fiscal`) assigns payment codes and issues electronic receipts.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core import fees as fees_core
from records_service import fees as records
from records_service import locks
from records_service.case_views import RawBodyDep
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    Principal,
    SessionDep,
)
from records_service.fee_routes import (
    KEYED,
    attach_payment_code,
    created,
    fiscal_unavailable,
    platform,
    record,
)
from records_service.fee_schemas import (
    NoticeAnswer,
    NoticeCancel,
    NoticeCreate,
    NoticeList,
    PaymentAnswer,
    PaymentCreate,
)
from records_service.fiscal import NoticeForPlatform, PlatformError
from records_service.idempotency import Applied, IdempotencyKeyDep, keyed_write
from records_service.models import (
    Payment,
    PaymentLine,
    PaymentNotice,
    Receipt,
    User,
    Window,
)
from records_service.problems import ProblemError, invalid_field, problem_responses
from records_service.reach import case_in_reach, not_found
from records_service.schemas import public_json

router = APIRouter(tags=["fees"])

NoticeRef = Annotated[str, Path(min_length=1, max_length=40)]
RecordId = Annotated[str, Path(min_length=1, max_length=36)]
CodePath = Annotated[str, Path(min_length=1, max_length=20, pattern=r"^[0-9]+$")]
# --- payment notices --------------------------------------------------------------------


@router.post(
    "/payment-notices",
    status_code=201,
    operation_id="create_payment_notice",
    response_model=NoticeAnswer,
    responses={
        201: created(),
        **problem_responses(
            *KEYED,
            404,
            s403="not a clerk or window desk, or ``…/wrong-window``: another window's notice",
            s404="the case named is unknown or outside your reach",
            s409="``…/conflict``: the notice number is taken; ``…/in-flight``",
            s422="invalid fields; the total is not the lines less the waiver",
        ),
    },
)
def create_payment_notice(
    body: NoticeCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Issue a payment notice (缴款通知书) at a department window; the fiscal platform
    assigns its payment code when it answers (else the code stays empty)."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )
    now = write.now

    def guard(session: Session) -> None:
        try:
            number = fees_core.parse_notice_no(body.notice_no)
        except ValueError as error:
            raise invalid_field("notice_no", str(error)) from None
        if body.window_code != principal.window_code or number.window != body.window_code:
            raise ProblemError(
                403, "wrong-window", "A window issues notices in its own name and numbers."
            )
        if body.case_no:
            case_in_reach(session, principal, body.case_no)

    def apply(session: Session) -> Applied:
        window = session.get(Window, body.window_code)
        if window is None:
            raise invalid_field("window_code", "no such window")
        settings = request.app.state.settings
        total = _checked_total(
            session, body, window.department_code, settings.waiver_approval_above_fen
        )
        if body.total_fen != total:
            raise invalid_field("total_fen", f"must be {total} (the fees less the waiver)")
        if session.scalar(
            select(PaymentNotice.id).where(PaymentNotice.notice_no == body.notice_no)
        ):
            raise _taken(body.notice_no)
        row = PaymentNotice(
            id=str(body.id),
            notice_no=body.notice_no,
            case_no=body.case_no,
            window_code=body.window_code,
            department_code=window.department_code,
            payer=body.payer.model_dump(),
            lines=[line.model_dump() for line in body.lines],
            waiver=body.waiver.model_dump() if body.waiver else None,
            total_fen=body.total_fen,
            status="issued",
            clerk=body.clerk,
            issued_at=body.issued_at,
            created_by=principal.actor,
            cancel_reason="",
        )
        try:
            row.payment_code = platform(request).assign_code(
                NoticeForPlatform(
                    notice_no=body.notice_no,
                    department_code=window.department_code,
                    payer_name=body.payer.name,
                    total_fen=body.total_fen,
                    items=tuple((line.fee_name, line.amount_fen) for line in body.lines),
                )
            )
        except PlatformError:
            row.payment_code = None  # assigned when the platform answers again
        session.add(row)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            raise _taken(body.notice_no) from None
        approval = records.waiver_approval(row)
        on_case = False
        if approval is not None:  # the lead's approval event on the case, then audited
            text = records.waiver_note(approval)
            on_case = records.note_on_case(session, row, text, now, approval["lead"], approval)
            session.flush()
        record(
            session,
            request,
            principal,
            now,
            "fee.notice",
            body.notice_no,
            {"total_fen": body.total_fen, "case_no": body.case_no},
        )
        if approval is not None:
            detail = {**approval, "case_no": body.case_no if on_case else None}
            record(session, request, principal, now, "fee.waiver_approved", body.notice_no, detail)
        answer = public_json(NoticeAnswer, {"notice": records.notice_public(row)})
        return 201, answer, {"Location": f"{request.url.path}/{body.notice_no}"}

    return write.run("POST /payment-notices", apply, guard)


def _checked_total(session: Session, body: NoticeCreate, department: str, threshold: int) -> int:
    """The notice's total by the core's fee rules (``clerk_app.core.fees``): 422 naming
    the rule a waiver breaks; a waiver above the provisioned amount names a lead of the
    department who approved it."""
    lines = [fees_core.NoticeLine(**line.model_dump()) for line in body.lines]
    waiver = fees_core.Waiver(**body.waiver.model_dump()) if body.waiver else None
    if waiver is not None:
        try:
            fees_core.check_waiver(lines, waiver, approval_above_fen=threshold)
        except fees_core.FeeRuleError as error:
            raise invalid_field(f"waiver ({error.code})", str(error)) from None
        if waiver.approved_by:
            lead = session.scalars(select(User).where(User.username == waiver.approved_by)).first()
            if (
                lead is None
                or "lead" not in (lead.roles or [])
                or lead.department_code != department
            ):
                raise invalid_field("waiver.approved_by", "not a lead of this department")
    return fees_core.notice_total(lines, waiver)


def _taken(notice_no: str) -> ProblemError:
    return ProblemError(
        409, "conflict", f"Notice number {notice_no} is taken.", title="Number taken"
    )


@router.get(
    "/payment-notices/{notice_no}",
    operation_id="get_payment_notice",
    response_model=NoticeAnswer,
    responses=problem_responses(401, 403, 404, 422, s404="no such notice or payment code in reach"),
)
def get_payment_notice(
    notice_no: NoticeRef, principal: CurrentPrincipal, session: SessionDep
) -> NoticeAnswer:
    """The notice by its notice number or its payment code (what the cashier scans)."""
    row = records.notice_in_reach(session, principal, notice_no, reading=True)
    return NoticeAnswer.model_validate({"notice": records.notice_public(row)})


@router.get(
    "/payment-notices",
    operation_id="list_payment_notices",
    response_model=NoticeList,
    responses=problem_responses(401, 403, 422),
)
def list_payment_notices(
    principal: CurrentPrincipal,
    session: SessionDep,
    status: Annotated[
        Literal["issued", "paid", "cancelled", "refunded"] | None,
        Query(description="only notices in this state (``issued``: what is still to pay)"),
    ] = None,
    case_no: Annotated[str | None, Query(max_length=40, description="one case's notices")] = None,
    cursor: Annotated[
        str | None, Query(max_length=40, description="``next`` of the page before")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> NoticeList:
    """Notices in reach by notice number, a page at a time: what a settlement window's desk
    pulls to take cash with the link down (its center's), and a department window's own."""
    rows, following = records.list_notices(
        session, principal, status=status, case_no=case_no, cursor=cursor, limit=limit
    )
    items = [records.notice_public(r) for r in rows]
    return NoticeList.model_validate({"items": items, "next": following})


@router.post(
    "/payment-notices/{notice_no}/cancel",
    status_code=201,
    operation_id="cancel_payment_notice",
    response_model=NoticeAnswer,
    responses={
        201: created("cancelled, or the stored answer to a repeated request"),
        **problem_responses(
            *KEYED,
            404,
            s404="no such notice in reach",
            s409="``…/paid``: a paid notice is never cancelled; ``…/cancelled`` already",
        ),
    },
)
def cancel_payment_notice(
    notice_no: NoticeRef,
    body: NoticeCancel,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Cancel (作废) a notice before it is paid; cancelled by someone other than its window
    (a lead), its case gets a note, so the window's desk sees it on its next pull."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )

    def apply(session: Session) -> Applied:
        row = records.notice_in_reach(session, principal, notice_no, lock=True)
        if row.status in ("paid", "refunded"):
            raise ProblemError(409, "paid", f"Notice {notice_no} is paid; it cannot be cancelled.")
        if row.status == "cancelled":
            raise ProblemError(409, "cancelled", f"Notice {notice_no} is cancelled already.")
        if row.payment_code:
            try:
                platform(request).cancel(row.payment_code)
            except PlatformError as error:
                if error.reason == "paid":
                    raise ProblemError(409, "paid", f"Notice {notice_no} is paid.") from None
        row.status = "cancelled"
        row.cancelled_at = write.now
        row.cancel_reason = body.reason
        if principal.window_code != row.window_code:
            # Cancelled at the center (a lead): the case's note brings it to the issuing
            # window's desk on its next pull of GET /changes (its own it knows).
            text = f"已作废：缴款通知书 {row.notice_no}（{body.reason}）"
            records.note_on_case(session, row, text, write.now, principal.actor)
        session.flush()
        record(
            session,
            request,
            principal,
            write.now,
            "fee.notice_cancel",
            row.notice_no,
            {"reason": body.reason},
        )
        return 201, public_json(NoticeAnswer, {"notice": records.notice_public(row)}), {}

    return write.run(
        "POST /payment-notices/{notice_no}/cancel",
        apply,
        lambda s: records.notice_in_reach(s, principal, notice_no) and None,
    )


# --- payments ---------------------------------------------------------------------------


def _cashier_name(session: Session, principal: Principal, named: str) -> str:
    """Whose payment this is: a cashier's own sign-in; a settlement desk's named cashier."""
    if principal.kind == "user":
        if principal.has_role("cashier") and named == principal.username:
            return named
        raise invalid_field("cashier", "must be your own user name")
    if not records.settlement_desk(session, principal):
        raise ProblemError(403, "forbidden", "Only a settlement window's desk takes payments.")
    return named


def _notice_for_payment(session: Session, principal: Principal, ref: str) -> PaymentNotice:
    row = session.scalars(
        select(PaymentNotice)
        .where((PaymentNotice.notice_no == ref) | (PaymentNotice.payment_code == ref))
        .where(PaymentNotice.center_code == principal.center_code)
        .with_for_update()  # one payment of a notice; a cancellation waits
        .execution_options(populate_existing=True)
    ).first()
    if row is None:
        raise not_found(f"payment notice or payment code {ref}")
    return row


@router.post(
    "/payments",
    status_code=201,
    operation_id="record_payment",
    response_model=PaymentAnswer,
    responses={
        201: created(),
        **problem_responses(
            *KEYED,
            404,
            503,
            s403="not a cashier or a settlement window's desk",
            s404="no such notice or payment code",
            s409="``…/already-paid``, ``…/cancelled``, ``…/day-closed``, ``…/receipt-used``, "
            "``…/in-flight``",
            s422="``…/amount-mismatch``: not the notice's amount (no partial payment); too "
            "little cash received; ``…/not-your-stock``: a paper number not allotted to you",
            s503="``…/fiscal-unavailable``: a card or QR payment or an electronic receipt "
            "needs the fiscal platform, which did not answer",
        ),
    },
)
def record_payment(
    body: PaymentCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Record the payment of a notice and issue its fiscal receipt, exactly once."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )

    def guard(session: Session) -> None:
        _cashier_name(session, principal, body.cashier)

    def apply(session: Session) -> Applied:
        cashier = _cashier_name(session, principal, body.cashier)
        notice = _notice_for_payment(session, principal, body.notice)  # its row locked
        # The cashier's payments, voids and day closing one at a time (their stock's
        # numbers, a day closing meanwhile); other cashiers and centers go on.
        locks.hold(session, locks.CASHIER, cashier)
        if notice.status == "cancelled":
            raise ProblemError(409, "cancelled", f"Notice {notice.notice_no} is cancelled.")
        if notice.status != "issued" or session.scalar(
            select(Payment.id).where(Payment.notice_no == notice.notice_no)
        ):
            raise ProblemError(409, "already-paid", f"Notice {notice.notice_no} is paid already.")
        if body.amount_fen != notice.total_fen:
            raise ProblemError(
                422,
                "amount-mismatch",
                f"Notice {notice.notice_no} is for {notice.total_fen} fen, not "
                f"{body.amount_fen}; a notice is paid in full or not at all.",
                title="Amount not the notice's",
            )
        received = body.amount_fen if body.received_fen is None else body.received_fen
        try:  # in full; change for cash only; card and QR carry their reference
            fees_core.check_payment(body.method, body.amount_fen, received, body.reference)
        except fees_core.FeeRuleError as error:
            field = "reference" if error.code == "reference_needed" else "received_fen"
            raise invalid_field(field, str(error)) from None
        day = records.business_day(body.paid_at)
        records.refuse_closed_day(session, cashier, day)
        payment = Payment(
            id=str(body.id),
            notice_id=notice.id,
            notice_no=notice.notice_no,
            department_code=notice.department_code,
            method=body.method,
            amount_fen=body.amount_fen,
            received_fen=received,
            change_fen=received - body.amount_fen,
            refunded_fen=0,
            reference=body.reference,
            cashier=cashier,
            window_code=principal.window_code,
            paid_at=body.paid_at,
            day=day,
        )
        receipt = _receipt(session, request, notice, body, cashier, day, write.now)
        session.add(payment)
        session.add_all(
            PaymentLine(
                payment_id=payment.id,
                item_code=str(line["item_code"]),
                fee_name=str(line["fee_name"]),
                amount_fen=int(line["amount_fen"]),
            )
            for line in notice.lines
        )
        session.flush()
        receipt.payment_id = payment.id
        session.add(receipt)
        notice.status = "paid"
        records.note_on_case(
            session, notice, records.paid_note(notice, receipt), write.now, principal.actor
        )
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            raise ProblemError(
                409, "already-paid", "Paid already, or the receipt is used."
            ) from None
        record(
            session,
            request,
            principal,
            write.now,
            "fee.payment",
            notice.notice_no,
            {
                "amount_fen": body.amount_fen,
                "method": body.method,
                "receipt": f"{receipt.code}/{receipt.number}",
            },
        )
        answer = public_json(
            PaymentAnswer,
            {
                "payment": records.payment_public(session, payment),
                "notice": records.notice_public(notice),
            },
        )
        return 201, answer, {}

    return write.run("POST /payments", apply, guard)


def _receipt(
    session: Session,
    request: Request,
    notice: PaymentNotice,
    body: PaymentCreate,
    cashier: str,
    day: date,
    now: datetime,
) -> Receipt:
    """The receipt of a payment: confirmed with the platform (card and QR always, cash for
    an electronic receipt), or the paper form's number from the cashier's stock."""
    fiscal = platform(request)
    electronic = None
    if body.method != "cash" or body.receipt.kind == "electronic":
        try:
            if not notice.payment_code:
                notice.payment_code = fiscal.assign_code(
                    NoticeForPlatform(
                        notice.notice_no,
                        notice.department_code,
                        str(notice.payer.get("name", "")),
                        notice.total_fen,
                        tuple((str(x["fee_name"]), int(x["amount_fen"])) for x in notice.lines),
                    )
                )
            electronic = fiscal.confirm(
                notice.payment_code, body.amount_fen, body.method, body.reference
            )
        except PlatformError as error:
            if error.reason == "unreachable":
                raise fiscal_unavailable(error) from None
            slug = {"cancelled": "cancelled", "amount": "amount-mismatch"}.get(error.reason)
            raise ProblemError(
                409, slug or "already-paid", f"The fiscal platform: {error}"
            ) from None
    if body.receipt.kind == "paper":
        if electronic is None:
            attach_payment_code(fiscal, notice)
        number = records.paper_receipt_check(
            session, cashier, body.receipt.code or "", body.receipt.number or ""
        )
        return Receipt(
            kind="paper",
            code=body.receipt.code,
            number=records.paper_number(number),
            check_code="",
            verify_url="",
            status="used",
            cashier=cashier,
            day=day,
            issued_at=now,
            void_reason="",
        )
    assert electronic is not None
    return Receipt(
        kind="electronic",
        code=electronic.code,
        number=electronic.number,
        check_code=electronic.check_code,
        verify_url=electronic.verify_url,
        status="used",
        cashier=cashier,
        day=day,
        issued_at=now,
        void_reason="",
    )
