"""POST /cases (idempotent), GET /cases/{case_no}."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy import String, cast, or_, select

from records_service import audit, case_write, reach
from records_service.case_views import (
    case_public,
    require_own_window,
)
from records_service.db import Database
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    Principal,
    SessionDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, IdempotencyKeyHeader, keyed_write
from records_service.models import Case
from records_service.problems import problem_responses
from records_service.schemas import (
    CaseAnswer,
    CaseCreate,
    CasePage,
    Timestamp,
)

router = APIRouter(tags=["cases"])


@router.post(
    "/cases",
    status_code=201,
    operation_id="create_case",
    response_model=CaseAnswer,
    responses={
        201: {
            "description": "created, or the stored answer to a repeated request",
            "headers": {
                **REPLAY_HEADERS,
                "Location": {
                    "description": "the new case (on its first answer)",
                    "schema": {"type": "string"},
                },
            },
        },
        **problem_responses(
            400,
            401,
            403,
            409,
            413,
            422,
            s403="not a clerk or a window's device, or ``…/wrong-window``: another window",
            s409="``…/in-flight``: the first request with this key is still being applied "
            "(retry); ``…/conflict``: the case number is taken",
        ),
    },
)
async def create_case(
    body: CaseCreate,
    request: Request,
    principal: CurrentPrincipal,
    idempotency_key: IdempotencyKeyHeader,
) -> Response:
    """Create a case, exactly once per ``Idempotency-Key`` (which is the case id); the
    write itself is ``records_service.case_write``, in a batch with the creations waiting
    beside it, run in the thread pool (a coroutine here: the checks before it need no
    database, and no dependency is solved for the body, the database or the clock)."""
    state = request.app.state
    db: Database = state.database
    write = keyed_write(
        db,
        key=idempotency_key,
        record_id=body.id,
        parsed=await request.json(),  # the value FastAPI parsed (Starlette keeps it)
        principal=principal,
        now=state.clock(),
        allowed=principal.kind == "device" or principal.has_role("clerk"),
        refusal="Only a clerk or a window's device creates cases.",
    )
    require_own_window(body.window_code, principal)  # a first write and a replay alike
    # The matched path itself (``request.url`` would build and parse the whole URL).
    location = f"{request.scope['path']}/{body.case_no}"
    creation = case_write.Creation(write, body, principal, client_ip(request), location)
    return await case_write.create(db, creation)


@router.get(
    "/cases",
    operation_id="list_cases",
    response_model=CasePage,
    responses=problem_responses(
        401,
        403,
        422,
        s403="an account that reads no case",
        s422="invalid query fields (a ``department`` that is not a department code, a "
        "``cursor`` that is not a number, …)",
    ),
)
def list_cases(
    principal: CurrentPrincipal,
    session: SessionDep,
    request: Request,
    db: DatabaseDep,
    clock: ClockDep,
    window: Annotated[str | None, Query(max_length=16)] = None,
    status: Annotated[str | None, Query(max_length=32)] = None,
    updated_after: Annotated[Timestamp | None, Query()] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=9, pattern=r"^[0-9]{1,9}$")] = None,
    department: Annotated[
        str | None,
        Query(
            max_length=16,
            pattern=r"^[A-Za-z0-9_-]+$",
            description="only the parts of joint cases assigned to this department (code)",
        ),
    ] = None,
    joint: Annotated[
        bool | None,
        Query(description="true: only parts of joint cases; false: only ordinary cases"),
    ] = None,
) -> CasePage:
    """A page of cases, newest first: ``{items, next}`` (``next`` is null on the last page).

    Each caller sees the cases within their reach (``records_service.reach``): clerks and
    desks their window's and the parts of joint cases assigned to their department, leads
    their department's, admins their centers'. ``q`` looks in the case number, the item
    code and the applicant. ``department=&joint=true`` (issue 16, 待本部门办理): the parts
    assigned to that department, whichever window took them in — each with its
    ``joint_case_no``, ``stage`` and ``department_code``; a department outside the caller's
    reach gives an empty page, never another department's parts.
    """
    query = select(Case).where(reach.case_reach(session, principal))
    if window:
        query = query.where(Case.window_code == window)
    if department:
        query = query.where(Case.department_code == department, Case.joint_case_no.is_not(None))
    if joint is True:
        query = query.where(Case.joint_case_no.is_not(None))
    elif joint is False:
        query = query.where(Case.joint_case_no.is_(None))
    if status:
        query = query.where(Case.status == status)
    if updated_after:
        query = query.where(Case.updated_at > updated_after)
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            or_(
                Case.case_no.like(pattern, escape="\\"),
                Case.item_code.like(pattern, escape="\\"),
                cast(Case.applicant, String).like(pattern, escape="\\"),
            )
        )
    offset = int(cursor or 0)
    rows = session.scalars(
        query.order_by(Case.received_at.desc(), Case.id).offset(offset).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    page = CasePage.model_validate(
        {
            "items": [case_public(c) for c in rows[:limit]],
            "next": str(offset + limit) if more else None,
        }
    )
    # The read's connection goes back before the audit's write takes one (no request holds
    # two connections of one pool: records_service.pool_nesting).
    session.close()
    audit_unmasked_read(request, db, principal, [c.case_no for c in rows[:limit]], clock())
    return page


@router.get(
    "/cases/{case_no}",
    operation_id="get_case",
    response_model=CaseAnswer,
    responses=problem_responses(
        401,
        403,
        404,
        422,
        s403="an account that reads no case",
        s404="no such case, or one outside the caller's reach (the same answer)",
    ),
)
def get_case(
    case_no: Annotated[str, Path(max_length=40)],
    principal: CurrentPrincipal,
    session: SessionDep,
    request: Request,
    db: DatabaseDep,
    clock: ClockDep,
) -> CaseAnswer:
    """One case with its events, if it is within the caller's reach (``reach``); a case
    outside it answers 404 exactly like an unknown number. An account that reads no case
    (display, auditor) gets 403 for every number, before any is looked up."""
    case = reach.case_in_reach(session, principal, case_no)
    answer = CaseAnswer.model_validate({"case": case_public(case)})
    session.close()  # before the audit's write: one connection at a time
    audit_unmasked_read(request, db, principal, [case.case_no], clock())
    return answer


#: How many case numbers one audit record of a read names.
AUDITED_CASES_PER_READ = 200


def audit_unmasked_read(
    request: Request, db: Database, principal: Principal, case_nos: list[str], now: datetime
) -> None:
    """Audit a read that returns applicants' unmasked IDs by someone who is not the case's
    window (a lead or an admin): who, and which cases. A window's own clerk and desk read
    their cases all day; their use of an ID on the desk is audited by the desk."""
    if not case_nos or principal.kind != "user" or not principal.has_role("lead", "admin"):
        return
    with db.write() as session:
        audit.record(
            session,
            at=now,
            action="case.read_unmasked",
            result="ok",
            actor=principal.actor,
            target=case_nos[0] if len(case_nos) == 1 else f"{len(case_nos)} cases",
            client_ip=client_ip(request),
            detail={"cases": case_nos[:AUDITED_CASES_PER_READ], "route": request.url.path},
        )
