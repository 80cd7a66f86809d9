"""The 12345 hotline's work orders (工单, issue 19): ``POST /hotline/orders`` (the hotline,
idempotent by its order number), the center's steps ``POST /hotline/orders/{no}/sign|
assign|answer|return|extend``, the hotline's send-back ``POST /hotline/orders/{no}/redo``
and its pull ``GET /hotline/orders?updated_after=``. See :mod:`records_service.hotline`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy.orm import Session

from records_service import hotline
from records_service.case_views import RawBodyDep
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    Principal,
    SessionDep,
    SettingsDep,
    client_ip,
)
from records_service.hotline_schemas import (
    HotlineAnswer,
    HotlineAssign,
    HotlineExtend,
    HotlineOrderCreate,
    HotlineOrderList,
    HotlineOrderPublic,
    HotlineRedo,
    HotlineReturn,
    OrderStatus,
)
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.models import HotlineOrder
from records_service.problems import ProblemError, invalid_field, problem_responses
from records_service.schemas import Timestamp, public_json

router = APIRouter(tags=["hotline"])

OrderNoPath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="the hotline's order number",
    ),
]
_S404 = "no such work order within the caller's reach (a clerk or lead: their department's)"
_S409 = "``…/illegal-transition``: the order's status does not allow this step now"


def _view(session: Session, order: HotlineOrder, now: Any) -> dict[str, Any]:
    return hotline.order_public(order, hotline.events_of(session, [order.no])[order.no], now)


def _answer(session: Session, order: HotlineOrder, now: Any) -> HotlineOrderPublic:
    return HotlineOrderPublic.model_validate(_view(session, order, now))


@router.post(
    "/hotline/orders",
    status_code=201,
    operation_id="create_hotline_order",
    response_model=HotlineOrderPublic,
    responses={
        201: {
            "description": "received (or the stored answer to the same order sent again)",
            "headers": REPLAY_HEADERS,
        },
        **problem_responses(
            400,
            401,
            403,
            409,
            413,
            422,
            s403="not the hotline's integration credential",
            s409="``…/in-flight``: the first request with this order number is still being applied",
            s422="invalid fields; the Idempotency-Key is not the order's ``no``; "
            "``…/idempotency-mismatch`` or ``…/order-mismatch``: this order number was "
            "received before with another body",
        ),
    },
)
def create_hotline_order(
    body: HotlineOrderCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Receive a work order from the 12345 hotline (its ``no`` is the Idempotency-Key):
    its sign and answer deadlines are set from now. A complaint order becomes a complaint
    when the center signs for it."""
    write = keyed_write(
        db, key=idempotency_key, record_id=None, raw=raw, principal=principal, now=clock()
    )
    if idempotency_key != body.no:
        raise invalid_field("no", "must equal the Idempotency-Key header")
    now = write.now

    def apply(session: Session) -> Applied:
        existing = session.get(HotlineOrder, body.no)
        if existing is not None:  # sent before under another key (another credential)
            center = principal.center_code or existing.center_code
            if existing.body_hash != write.digest or existing.center_code != center:
                raise ProblemError(
                    422,
                    "order-mismatch",
                    f"Work order {body.no} was received before with a different body.",
                    title="Order number reused",
                )
            return 200, public_json(HotlineOrderPublic, _view(session, existing, now)), {}
        order = hotline.receive(session, body, write.digest, principal, now, client_ip(request))
        return 201, public_json(HotlineOrderPublic, _view(session, order, now)), {}

    return write.run("POST /hotline/orders", apply)


def _step(
    step: str,
    no: str,
    principal: Principal,
    db: Any,
    settings: Any,
    now: Any,
    request: Request,
    **fields: Any,
) -> HotlineOrderPublic:
    with db.write() as session:
        order = hotline.order_in_reach(session, principal, no)
        hotline.apply_step(
            session, settings, order, step, principal, now, client_ip(request), **fields
        )
        return _answer(session, order, now)


def _step_responses(s403: str, s422: str = "invalid fields") -> dict[int | str, Any]:
    return problem_responses(
        400, 401, 403, 404, 409, 413, 422, s403=s403, s404=_S404, s409=_S409, s422=s422
    )


@router.post(
    "/hotline/orders/{no}/sign",
    operation_id="sign_hotline_order",
    response_model=HotlineOrderPublic,
    responses=problem_responses(
        401,
        403,
        404,
        409,
        422,
        s403="not a supervisor",
        s404=_S404,
        s409=_S409,
        s422="a malformed order number",
    ),
)
def sign_hotline_order(
    no: OrderNoPath,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> HotlineOrderPublic:
    """Sign for a received order (签收); after its sign deadline the step says ``late``.
    A complaint order becomes a complaint (``complaint_no``)."""
    return _step("sign", no, principal, db, settings, clock(), request)


@router.post(
    "/hotline/orders/{no}/assign",
    operation_id="assign_hotline_order",
    response_model=HotlineOrderPublic,
    responses=_step_responses("not a supervisor", "invalid fields: an unknown department"),
)
def assign_hotline_order(
    no: OrderNoPath,
    body: HotlineAssign,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> HotlineOrderPublic:
    """Assign a signed order to the department that answers it (again: to another)."""
    return _step(
        "assign",
        no,
        principal,
        db,
        settings,
        clock(),
        request,
        department_code=body.department_code,
        note=body.note,
    )


@router.post(
    "/hotline/orders/{no}/answer",
    operation_id="answer_hotline_order",
    response_model=HotlineOrderPublic,
    responses=_step_responses("not a clerk or lead"),
)
def answer_hotline_order(
    no: OrderNoPath,
    body: HotlineAnswer,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> HotlineOrderPublic:
    """The assigned department's answer; after the answer deadline it is marked ``late``."""
    return _step("answer", no, principal, db, settings, clock(), request, answer=body.answer)


@router.post(
    "/hotline/orders/{no}/return",
    operation_id="return_hotline_order",
    response_model=HotlineOrderPublic,
    responses=_step_responses("not a supervisor"),
)
def return_hotline_order(
    no: OrderNoPath,
    body: HotlineReturn,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> HotlineOrderPublic:
    """Return an order that is not the center's (退单), with the reason."""
    return _step("return", no, principal, db, settings, clock(), request, reason=body.reason)


@router.post(
    "/hotline/orders/{no}/extend",
    operation_id="extend_hotline_order",
    response_model=HotlineOrderPublic,
    responses=_step_responses(
        "not a supervisor or lead",
        "invalid fields: a new deadline not later than now and the current one",
    ),
)
def extend_hotline_order(
    no: OrderNoPath,
    body: HotlineExtend,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> HotlineOrderPublic:
    """Extend the answer deadline (延期) with a reason: the new deadline applies at once
    and the hotline sees it (``extension``) in its pull."""
    return _step(
        "extend",
        no,
        principal,
        db,
        settings,
        clock(),
        request,
        reason=body.reason,
        answer_due_at=body.answer_due_at,
    )


@router.post(
    "/hotline/orders/{no}/redo",
    operation_id="redo_hotline_order",
    response_model=HotlineOrderPublic,
    responses=_step_responses("not the hotline's integration credential"),
)
def redo_hotline_order(
    no: OrderNoPath,
    body: HotlineRedo,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> HotlineOrderPublic:
    """The hotline sends an answered or returned order back to be redone (重办): the
    earlier answer stays in the events, the answer deadline starts again."""
    return _step(
        "redo",
        no,
        principal,
        db,
        settings,
        clock(),
        request,
        reason=body.reason,
        answer_within=body.answer_within.model_dump() if body.answer_within else None,
    )


@router.get(
    "/hotline/orders",
    operation_id="list_hotline_orders",
    response_model=HotlineOrderList,
    responses=problem_responses(401, 403, 422),
)
def list_hotline_orders(
    principal: CurrentPrincipal,
    session: SessionDep,
    clock: ClockDep,
    updated_after: Annotated[
        Timestamp | None,
        Query(description="the ``next`` of the last answer (without it: from the first)"),
    ] = None,
    status: Annotated[OrderStatus | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> HotlineOrderList:
    """The orders in the caller's reach changed after ``updated_after``, oldest change
    first, with their answers and steps: the hotline's pull (its integration credential),
    the supervisor's list, a department's (clerk or lead) assigned orders."""
    now = clock()
    found = hotline.changed_after(session, principal, updated_after, status, limit)
    more = len(found) > limit
    found = found[:limit]
    events = hotline.events_of(session, [o.no for o in found])
    items = [hotline.order_public(o, events[o.no], now) for o in found]
    cursor = found[-1].updated_at if found else updated_after
    return HotlineOrderList.model_validate({"items": items, "next": cursor, "more": more})
