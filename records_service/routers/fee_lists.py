"""What the desks read to act on fees (issue 17): the payment of a notice (a department's
lead requests a refund of it), the refund requests waiting for finance and those decided
in a period (finance's history)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from sqlalchemy import func, select

from clerk_app.core.clock import CENTER_TZ
from records_service import fees as records
from records_service.deps import CurrentPrincipal, SessionDep
from records_service.fee_schemas import PaymentAnswer, RefundList
from records_service.models import Payment, PaymentNotice, RefundRequest
from records_service.problems import invalid_field, problem_responses
from records_service.reach import callers, not_found
from records_service.routers.cashier import MAX_DAYS, _refund_public
from records_service.schemas import Day

router = APIRouter(tags=["fees"])

NoticeRef = Annotated[str, Path(min_length=1, max_length=40)]


@router.get(
    "/payment-notices/{notice_no}/payment",
    operation_id="get_notice_payment",
    response_model=PaymentAnswer,
    responses=problem_responses(
        401, 403, 404, 422, s404="no such notice in reach, or it is not paid"
    ),
)
def get_notice_payment(
    notice_no: NoticeRef, principal: CurrentPrincipal, session: SessionDep
) -> PaymentAnswer:
    """The payment of a paid notice (by notice number or payment code) with its receipt:
    what a department's lead names when requesting a refund."""
    notice = records.notice_in_reach(session, principal, notice_no, reading=True)
    payment = session.scalars(select(Payment).where(Payment.notice_id == notice.id)).first()
    if payment is None:
        raise not_found(f"payment of notice {notice_no}")
    return PaymentAnswer.model_validate(
        {
            "payment": records.payment_public(session, payment),
            "notice": records.notice_public(notice),
        }
    )


#: ``status=decided``: the approved and the rejected requests (finance's history).
_STATES: dict[str, tuple[str, ...]] = {
    "requested": ("requested",),
    "approved": ("approved",),
    "rejected": ("rejected",),
    "decided": ("approved", "rejected"),
}


def _period_bounds(first: date | None, last: date | None) -> tuple[datetime, datetime] | None:
    """The UTC bounds of business days ``first``..``last`` (the center's time zone)."""
    if first is None and last is None:
        return None
    if first is None or last is None:
        raise invalid_field("to" if last is None else "from", "from and to go together")
    if last < first:
        raise invalid_field("to", "must not be before from")
    if (last - first).days >= MAX_DAYS:
        raise invalid_field("to", f"at most {MAX_DAYS} days")
    start = datetime.combine(first, time(0), CENTER_TZ).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), CENTER_TZ).astimezone(UTC)
    return start, end


@router.get(
    "/refund-requests",
    operation_id="list_refund_requests",
    response_model=RefundList,
    responses=problem_responses(
        401, 403, 422, s422="a bad status, or a bad period (from and to together, ≤ 400 days)"
    ),
)
def list_refund_requests(
    principal: CurrentPrincipal,
    session: SessionDep,
    status: Annotated[
        Literal["requested", "approved", "rejected", "decided"] | None,
        Query(
            description="only requests in this state (``requested``: waiting for finance; "
            "``decided``: approved or rejected)"
        ),
    ] = "requested",
    date_from: Annotated[
        Day | None,
        Query(
            alias="from",
            description="first business day of the decision (of the request while waiting)",
        ),
    ] = None,
    date_to: Annotated[Day | None, Query(alias="to", description="last business day")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> RefundList:
    """Refund requests of the center (finance) or of the lead's department, oldest first;
    with ``from``/``to`` only those decided (or, waiting, made) in those business days."""
    bounds = _period_bounds(date_from, date_to)
    statement = (
        select(RefundRequest)
        .join(Payment, Payment.id == RefundRequest.payment_id)
        .join(PaymentNotice, PaymentNotice.id == Payment.notice_id)
        .where(PaymentNotice.center_code == principal.center_code)
    )
    if "finance" not in callers(principal):
        statement = statement.where(RefundRequest.department_code == principal.department_code)
    if status:
        statement = statement.where(RefundRequest.status.in_(_STATES[status]))
    moment = func.coalesce(RefundRequest.decided_at, RefundRequest.requested_at)
    if bounds is not None:
        statement = statement.where(moment >= bounds[0], moment < bounds[1])
    order = (moment, RefundRequest.id) if bounds is not None else (RefundRequest.requested_at,)
    rows = session.scalars(statement.order_by(*order, RefundRequest.id).limit(limit)).all()
    return RefundList.model_validate({"items": [_refund_public(session, r) for r in rows]})
