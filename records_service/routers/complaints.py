"""Complaints and supervision (issue 19): ``POST /complaints``, ``GET /complaints``,
``GET /complaints/{no}``, ``POST /complaints/{no}/assign|answer|callback|close|reopen``,
``POST /cards`` and ``GET /cards``, ``POST /model-windows`` and ``GET /model-windows``.
See ``records_service.complaints`` and ``records_service.supervision``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy import case, select
from sqlalchemy.orm import Session

from records_service import audit, complaints, reach, supervision
from records_service.case_views import RawBodyDep
from records_service.complaint_schemas import (
    CardAnswer,
    CardCreate,
    CardList,
    Code,
    ComplaintAnswer,
    ComplaintAnswerBody,
    ComplaintAssign,
    ComplaintCallback,
    ComplaintCreate,
    ComplaintList,
    ComplaintNote,
    ModelWindowAnswer,
    ModelWindowCreate,
    ModelWindowList,
    Month,
    Status,
)
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    Principal,
    SessionDep,
    SettingsDep,
    WriteSessionDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.models import Complaint, ModelWindow, SupervisionCard, writer_center
from records_service.problems import problem_responses

router = APIRouter(tags=["complaints"])

_NO = Path(min_length=1, max_length=40)
_S403_SUPERVISOR = "not a supervisor (督查)"
_S404 = (
    "no such complaint, or one outside the caller's reach — another department's, or one "
    "about the caller (the same answer)"
)
_S409_STEP = (
    "``…/complaint-closed``: the complaint is closed; ``…/complaint-state``: not at a step "
    "where this is done"
)


def _center(session: Session, principal: Principal) -> str:
    return principal.center_code or writer_center(session)


def _answer(
    session: Session, complaint: Complaint, now: datetime, principal: Principal
) -> ComplaintAnswerBody:
    full = "supervisor" in reach.callers(principal)
    data = complaints.complaint_public(
        complaint,
        complaints.today_of(now),
        full=full,
        events=complaints.events_of(session, complaint.no),
    )
    return ComplaintAnswerBody.model_validate({"complaint": data})


@router.post(
    "/complaints",
    status_code=201,
    operation_id="create_complaint",
    response_model=ComplaintAnswerBody,
    responses={
        201: {
            "description": "taken in (or the stored answer to the same request sent again)",
            "headers": REPLAY_HEADERS,
        },
        **problem_responses(
            400,
            401,
            403,
            409,
            413,
            422,
            s400="the body is not JSON; ``…/idempotency-key-required``: no Idempotency-Key",
            s403=_S403_SUPERVISOR,
            s409="``…/in-flight``: the first request with this key is still being applied",
            s422="a field is missing or wrong: a window, department, clerk, case or rating "
            "that does not exist in the center (named), what it is about not given, a name "
            "with anonymous or none without; ``…/idempotency-mismatch``: this "
            "Idempotency-Key was used before with another body",
        ),
    },
)
def create_complaint(
    body: ComplaintCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Take a complaint in at the complaints desk (``open``): in person, by phone, letter,
    the website, a 12345 work order, or raised from a bad rating (``rating_id``). Exactly
    once per ``Idempotency-Key`` (the desk's key for the complaint it takes in; the number
    is drawn by the service): the same key and body again get the same complaint."""
    write = keyed_write(
        db, key=idempotency_key, record_id=None, raw=raw, principal=principal, now=clock()
    )
    now = write.now

    def apply(session: Session) -> Applied:
        complaint = complaints.take(session, body, principal, now)
        session.flush()
        answer = _answer(session, complaint, now, principal)
        return 201, answer.model_dump_json(by_alias=True), {}

    return write.run("POST /complaints", apply)


@router.get(
    "/complaints",
    operation_id="list_complaints",
    response_model=ComplaintList,
    responses=problem_responses(401, 403, 422, s403="not a supervisor, lead or clerk"),
)
def list_complaints(
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    status: Annotated[Status | None, Query()] = None,
    department: Annotated[Code | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> ComplaintList:
    """The complaints the caller sees, escalated (overdue, flagged red) first, then the
    earliest deadline: a supervisor every one of their center, a lead or clerk their
    department's — never one about themselves. Overdue complaints are escalated first
    (once each, on the service's clock). ``status`` and ``department`` narrow the list."""
    now = clock()
    today = complaints.today_of(now)
    with db.read() as session:
        centers = reach.centers_at_and_below(session, principal.center_code)
        pending = session.scalars(complaints.overdue_unmarked(centers, today).limit(1)).first()
    if pending is not None:
        with db.write() as session:
            complaints.escalate_overdue(session, centers, now)
    with db.read() as session:
        query = select(Complaint).where(complaints.complaint_reach(session, principal))
        if status is not None:
            query = query.where(Complaint.status == status)
        if department is not None:
            query = query.where(Complaint.department_code == department)
        red = case((Complaint.escalated_at.is_(None), 1), else_=0)
        rows = session.scalars(
            query.order_by(red, Complaint.due_date, Complaint.created_at, Complaint.no).limit(limit)
        ).all()
        items = [complaints.complaint_public(c, today) for c in rows]
    return ComplaintList.model_validate({"today": today, "items": items})


@router.get(
    "/complaints/{no}",
    operation_id="get_complaint",
    response_model=ComplaintAnswerBody,
    responses=problem_responses(
        401, 403, 404, 422, s403="not a supervisor, lead or clerk", s404=_S404
    ),
)
def get_complaint(
    no: Annotated[str, _NO],
    principal: CurrentPrincipal,
    session: SessionDep,
    clock: ClockDep,
) -> ComplaintAnswerBody:
    """One complaint with its events; the complainant's contact in full for the supervisor
    only (masked for the department)."""
    complaint = session.scalars(
        select(Complaint).where(Complaint.no == no, complaints.complaint_reach(session, principal))
    ).first()
    if complaint is None:
        raise reach.not_found(f"complaint {no}")
    return _answer(session, complaint, clock(), principal)


def _act(
    no: str,
    request: Request,
    principal: Principal,
    session: Session,
    clock: Callable[[], datetime],
    do: Callable[[Complaint, datetime, str | None], None],
) -> ComplaintAnswerBody:
    complaint = complaints.complaint_in_reach(session, principal, no)
    now = clock()
    do(complaint, now, client_ip(request))
    session.flush()
    answer = _answer(session, complaint, now, principal)
    session.commit()
    return answer


def _step_responses(
    s403: str, s422: str, s409: str = _S409_STEP
) -> dict[int | str, dict[str, Any]]:
    return problem_responses(
        400,
        401,
        403,
        404,
        409,
        413,
        422,
        s400="the body is not JSON",
        s403=s403,
        s404=_S404,
        s409=s409,
        s422=s422,
    )


@router.post(
    "/complaints/{no}/assign",
    operation_id="assign_complaint",
    response_model=ComplaintAnswerBody,
    responses=_step_responses(_S403_SUPERVISOR, "no such department"),
)
def assign_complaint(
    no: Annotated[str, _NO],
    body: ComplaintAssign,
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> ComplaintAnswerBody:
    """Assign (or re-assign) the complaint to the department that answers it, due the
    category's working days (``complaint_answer_days``) after today on the center's
    calendar."""

    def do(complaint: Complaint, now: datetime, ip: str | None) -> None:
        days = complaints.answer_days(settings, complaint.category)
        complaints.assign(
            session, complaint, body.department_code, days, principal, now, body.note, ip
        )

    return _act(no, request, principal, session, clock, do)


@router.post(
    "/complaints/{no}/answer",
    operation_id="answer_complaint",
    response_model=ComplaintAnswerBody,
    responses=_step_responses("not a lead or clerk", "no answer given (``answer`` is required)"),
)
def answer_complaint(
    no: Annotated[str, _NO],
    body: ComplaintAnswer,
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    clock: ClockDep,
) -> ComplaintAnswerBody:
    """The assigned department's answer, by its lead or a clerk of it; an answer after the
    deadline escalates the complaint (red)."""

    def do(complaint: Complaint, now: datetime, ip: str | None) -> None:
        complaints.answer(session, complaint, body.answer, principal, now, ip)

    return _act(no, request, principal, session, clock, do)


@router.post(
    "/complaints/{no}/callback",
    operation_id="call_back_complaint",
    response_model=ComplaintAnswerBody,
    responses=_step_responses(_S403_SUPERVISOR, "``satisfaction`` missing or not one of the three"),
)
def call_back_complaint(
    no: Annotated[str, _NO],
    body: ComplaintCallback,
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    clock: ClockDep,
) -> ComplaintAnswerBody:
    """The supervisor's call-back (回访) of an answered complaint with the complainant's
    satisfaction (409 ``…/no-contact`` when the complainant left no contact)."""

    def do(complaint: Complaint, now: datetime, ip: str | None) -> None:
        complaints.callback(session, complaint, body.satisfaction, body.note, principal, now, ip)

    return _act(no, request, principal, session, clock, do)


@router.post(
    "/complaints/{no}/close",
    operation_id="close_complaint",
    response_model=ComplaintAnswerBody,
    responses=_step_responses(_S403_SUPERVISOR, "a field is wrong"),
)
def close_complaint(
    no: Annotated[str, _NO],
    body: ComplaintNote,
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    clock: ClockDep,
) -> ComplaintAnswerBody:
    """Close an answered or called-back complaint."""

    def do(complaint: Complaint, now: datetime, ip: str | None) -> None:
        complaints.close(session, complaint, body.note, principal, now, ip)

    return _act(no, request, principal, session, clock, do)


@router.post(
    "/complaints/{no}/reopen",
    operation_id="reopen_complaint",
    response_model=ComplaintAnswerBody,
    responses=_step_responses(
        _S403_SUPERVISOR,
        "no reason given (``note`` is required and not blank)",
        s409="``…/reopened-once``: a complaint is reopened once only; "
        "``…/complaint-state``: not called back or closed",
    ),
)
def reopen_complaint(
    no: Annotated[str, _NO],
    body: ComplaintNote,
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> ComplaintAnswerBody:
    """Reopen a called-back or closed complaint — once: back to its department with a new
    deadline (the earlier answer stays in its events)."""

    def do(complaint: Complaint, now: datetime, ip: str | None) -> None:
        days = complaints.answer_days(settings, complaint.category)
        complaints.reopen(session, complaint, body.note, days, principal, now, ip)

    return _act(no, request, principal, session, clock, do)


# --- supervision -----------------------------------------------------------------------------


@router.post(
    "/cards",
    status_code=201,
    operation_id="issue_card",
    response_model=CardAnswer,
    responses=problem_responses(
        400,
        401,
        403,
        413,
        422,
        s400="the body is not JSON",
        s403=_S403_SUPERVISOR,
        s422="a field is wrong: the window or department, or a linked case, complaint or "
        "rating, does not exist in the center (named)",
    ),
)
def issue_card(
    body: CardCreate,
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    clock: ClockDep,
) -> CardAnswer:
    """Issue a red or yellow card (红牌/黄牌) to a window or department, with its reason
    and the cases, complaints and ratings behind it."""
    now = clock()
    center = _center(session, principal)
    card = supervision.issue_card(session, body, center, principal.actor, now)
    audit.record(
        session,
        at=now,
        action="card.issue",
        result="ok",
        actor=principal.actor,
        target=f"{body.target_kind}:{body.target_code}",
        client_ip=client_ip(request),
        detail={"colour": body.colour, "card_id": card.id},
    )
    answer = CardAnswer.model_validate({"card": supervision.card_public(card)})
    session.commit()
    return answer


@router.get(
    "/cards",
    operation_id="list_cards",
    response_model=CardList,
    responses=problem_responses(401, 403, 422, s403=_S403_SUPERVISOR),
)
def list_cards(
    principal: CurrentPrincipal,
    session: SessionDep,
    month: Annotated[Month | None, Query()] = None,
) -> CardList:
    """The center's cards, newest first (``month``: of that month only)."""
    query = select(SupervisionCard).where(
        SupervisionCard.center_code == _center(session, principal)
    )
    if month is not None:
        query = query.where(SupervisionCard.month == month)
    rows = session.scalars(query.order_by(SupervisionCard.id.desc()).limit(500)).all()
    return CardList.model_validate({"items": [supervision.card_public(c) for c in rows]})


@router.post(
    "/model-windows",
    status_code=201,
    operation_id="designate_model_window",
    response_model=ModelWindowAnswer,
    responses=problem_responses(
        400,
        401,
        403,
        409,
        413,
        422,
        s400="the body is not JSON",
        s403=_S403_SUPERVISOR,
        s409="``…/already-model-window``: the window is that month's model window already",
        s422="a field is wrong: no such window in the center, a month not written YYYY-MM",
    ),
)
def designate_model_window(
    body: ModelWindowCreate,
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    clock: ClockDep,
) -> ModelWindowAnswer:
    """Hold a window up as a model window (样板窗口) of a month."""
    now = clock()
    center = _center(session, principal)
    row = supervision.designate(session, body, center, principal.actor, now)
    audit.record(
        session,
        at=now,
        action="model_window.designate",
        result="ok",
        actor=principal.actor,
        target=body.window_code,
        client_ip=client_ip(request),
        detail={"month": body.month},
    )
    answer = ModelWindowAnswer.model_validate(
        {"model_window": supervision.model_window_public(row)}
    )
    session.commit()
    return answer


@router.get(
    "/model-windows",
    operation_id="list_model_windows",
    response_model=ModelWindowList,
    responses=problem_responses(401, 403, 422, s403=_S403_SUPERVISOR),
)
def list_model_windows(
    principal: CurrentPrincipal,
    session: SessionDep,
    month: Annotated[Month | None, Query()] = None,
) -> ModelWindowList:
    """The center's model windows, latest month first (``month``: of that month only)."""
    query = select(ModelWindow).where(ModelWindow.center_code == _center(session, principal))
    if month is not None:
        query = query.where(ModelWindow.month == month)
    rows = session.scalars(
        query.order_by(ModelWindow.month.desc(), ModelWindow.window_code).limit(500)
    ).all()
    return ModelWindowList.model_validate(
        {"items": [supervision.model_window_public(r) for r in rows]}
    )
