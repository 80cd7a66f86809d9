"""What the desks read to act on fees (issue 17): the payment of a notice (a department's
lead requests a refund of it) and the refund requests waiting for finance."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from sqlalchemy import select

from records_service import fees as records
from records_service.deps import CurrentPrincipal, SessionDep
from records_service.fee_schemas import PaymentAnswer, RefundList
from records_service.models import Payment, PaymentNotice, RefundRequest
from records_service.problems import problem_responses
from records_service.reach import callers, not_found
from records_service.routers.cashier import _refund_public

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


@router.get(
    "/refund-requests",
    operation_id="list_refund_requests",
    response_model=RefundList,
    responses=problem_responses(401, 403, 422),
)
def list_refund_requests(
    principal: CurrentPrincipal,
    session: SessionDep,
    status: Annotated[
        Literal["requested", "approved", "rejected"] | None,
        Query(description="only requests in this state (``requested``: waiting for finance)"),
    ] = "requested",
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> RefundList:
    """Refund requests of the center (finance) or of the lead's department, oldest first."""
    statement = (
        select(RefundRequest)
        .join(Payment, Payment.id == RefundRequest.payment_id)
        .join(PaymentNotice, PaymentNotice.id == Payment.notice_id)
        .where(PaymentNotice.center_code == principal.center_code)
    )
    if "finance" not in callers(principal):
        statement = statement.where(RefundRequest.department_code == principal.department_code)
    if status:
        statement = statement.where(RefundRequest.status == status)
    rows = session.scalars(
        statement.order_by(RefundRequest.requested_at, RefundRequest.id).limit(limit)
    ).all()
    return RefundList.model_validate({"items": [_refund_public(session, r) for r in rows]})
