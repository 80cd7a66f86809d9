"""Online pre-submission (网上申报 / 预审, issue 19): ``POST /presubmissions`` (the website,
idempotent by its own id), ``GET /presubmissions`` (the department's 网上待接件),
``POST /presubmissions/{no}/review`` and ``POST /presubmissions/{no}/take-in`` (a clerk of
the item's department); see ``records_service.presubmissions``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from records_service import audit, joint, presubmission_joint, presubmissions
from records_service.case_views import RawBodyDep, case_public, require_own_window
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    SessionDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.models import Presubmission
from records_service.presubmission_schemas import (
    JointTakeInAnswer,
    JointTakeInCreate,
    PresubmissionAnswer,
    PresubmissionCreate,
    PresubmissionPage,
    ReviewAnswer,
    ReviewCreate,
    StatusFilter,
    TakeInAnswer,
    TakeInCreate,
    TakeInResult,
)
from records_service.problems import problem_responses
from records_service.schemas import public_json

router = APIRouter(tags=["presubmissions"])

ROUTE_REVIEW = "POST /presubmissions/{no}/review"
ROUTE_TAKE_IN = "POST /presubmissions/{no}/take-in"

NoPath = Annotated[str, Path(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9-]+$")]


@router.post(
    "/presubmissions",
    status_code=201,
    operation_id="create_presubmission",
    response_model=PresubmissionAnswer,
    responses={
        201: {"description": "a new pre-submission, numbered, with its query code"},
        200: {
            "description": "the same ``external_id`` again: with the same body, the "
            "pre-submission as it is now (status, supplement notice: how the website reads "
            "the review back); with another body after a supplement notice, the re-post "
            "(back to ``submitted``)",
            "model": PresubmissionAnswer,
        },
        **problem_responses(
            400,
            401,
            403,
            409,
            413,
            422,
            s400="``…/malformed-json``: the body is not JSON",
            s403="not an integration credential (the center's website)",
            s409="``…/already-submitted``: this ``external_id`` was posted with another "
            "body and no supplement notice waits for it",
            s422="invalid fields: an item or package withdrawn from the catalog (or unknown) "
            "— named —, both or neither of ``item_code`` and ``package_code``, an invalid "
            "ID number, a re-post for another item",
        ),
    },
)
def create_presubmission(
    body: PresubmissionCreate,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
) -> Response:
    """The website's pre-submission (网上申报): applicant, item or package, the form as
    filled in, the uploaded materials (name, SHA-256, size). Idempotent by the website's
    ``external_id`` (no Idempotency-Key: the website's id is the key)."""
    now = clock()
    with db.write_sessions() as session:
        presubmission, status = presubmissions.submit(session, body, principal, now)
        content = public_json(
            PresubmissionAnswer,
            {
                "presubmission": presubmissions.public(session, presubmission, full=False),
                "query_code": presubmission.query_code,
            },
        )
        session.commit()
    headers = {"Location": f"{request.url.path}/{presubmission.no}"} if status == 201 else {}
    return Response(content, status_code=status, media_type="application/json", headers=headers)


@router.get(
    "/presubmissions",
    operation_id="list_presubmissions",
    response_model=PresubmissionPage,
    responses=problem_responses(
        401,
        403,
        422,
        s403="not a clerk or a lead",
        s422="invalid query fields (an unknown ``status``, a ``cursor`` that is not a number)",
    ),
)
def list_presubmissions(
    principal: CurrentPrincipal,
    session: SessionDep,
    request: Request,
    db: DatabaseDep,
    clock: ClockDep,
    department: Annotated[
        str | None,
        Query(
            max_length=32,
            pattern=r"^[A-Za-z0-9_-]+$",
            description="the department (code); another than the caller's gives an empty page",
        ),
    ] = None,
    status: Annotated[
        StatusFilter | None,
        Query(description="``open``: the 网上待接件 (submitted, accepted, online_accepted)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=9, pattern=r"^[0-9]{1,9}$")] = None,
) -> PresubmissionPage:
    """The pre-submissions of the caller's department (a clerk's or a lead's, in their
    center), oldest first, with the applicant in full (each read is audited)."""
    query = select(Presubmission).where(presubmissions.presubmission_reach(principal))
    if department:
        query = query.where(Presubmission.department_code == department)
    if status == "open":
        query = query.where(Presubmission.status.in_(presubmissions.OPEN_STATUSES))
    elif status:
        query = query.where(Presubmission.status == status)
    offset = int(cursor or 0)
    rows = session.scalars(
        query.order_by(Presubmission.created_at, Presubmission.no).offset(offset).limit(limit + 1)
    ).all()
    shown = rows[:limit]
    page = PresubmissionPage.model_validate(
        {
            "items": [presubmissions.public(session, p) for p in shown],
            "next": str(offset + limit) if len(rows) > limit else None,
        }
    )
    if shown:
        numbers = [p.no for p in shown]
        session.close()  # the reads are done: their connection goes back before the write's
        with db.write() as write:
            audit.record(
                write,
                at=clock(),
                action="presubmission.read",
                result="ok",
                actor=principal.actor,
                target=numbers[0] if len(numbers) == 1 else f"{len(numbers)} pre-submissions",
                client_ip=client_ip(request),
                detail={"presubmissions": numbers},
            )
    return page


@router.post(
    "/presubmissions/{no}/review",
    operation_id="review_presubmission",
    response_model=ReviewAnswer,
    responses={
        200: {
            "description": "reviewed (or the stored answer to a retry)",
            "headers": REPLAY_HEADERS,
        },
        **problem_responses(
            400,
            401,
            403,
            404,
            409,
            413,
            422,
            s403="not a clerk",
            s404="no such pre-submission, or one of another department (the same answer)",
            s409="``…/not-reviewable``: not waiting for a review (reviewed, waiting for the "
            "re-post, taken in, rejected); ``…/supplement-used``: its one-time supplement "
            "notice was given (accept or reject); ``…/in-flight``: the first request with "
            "this key is still being applied",
            s422="invalid fields: a supplement without its notice, a rejection without its "
            "reason, 全程网办 (``accept_online``) of an item that needs a visit",
        ),
    },
)
def review_presubmission(
    no: NoPath,
    body: ReviewCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """The window's pre-review (预审), once: accept (bring the originals), accept online
    (全程网办), a one-time supplement notice (the website re-posts), or reject. The result
    goes back through the pre-submission's status and to the applicant by SMS."""
    write = keyed_write(
        db, key=idempotency_key, record_id=None, raw=raw, principal=principal, now=clock()
    )

    def guard(session: Session) -> None:
        presubmissions.in_reach(session, principal, no)

    def apply(session: Session) -> Applied:
        presubmission = presubmissions.in_reach(session, principal, no, lock=True)
        presubmissions.review(
            session,
            presubmission,
            body.decision,
            body.note,
            body.supplement_text,
            principal,
            write.now,
        )
        content = public_json(
            ReviewAnswer, {"presubmission": presubmissions.public(session, presubmission)}
        )
        return 200, content, {}

    return write.run(ROUTE_REVIEW, apply, guard)


@router.post(
    "/presubmissions/{no}/take-in",
    status_code=201,
    operation_id="take_in_presubmission",
    response_model=TakeInResult,
    responses={
        201: {
            "description": "the case made of it (``TakeInAnswer``), or for a package the "
            "joint case (``JointTakeInAnswer``) — or the stored answer to a retry",
            "headers": REPLAY_HEADERS,
        },
        **problem_responses(
            400,
            401,
            403,
            404,
            409,
            413,
            422,
            s403="not a clerk, or ``…/wrong-window``: the case is for another window",
            s404="no such pre-submission, or one of another department (the same answer)",
            s409="``…/taken-in``: taken in already (the case or joint case is named); "
            "``…/awaiting-supplement``; ``…/rejected``; ``…/package``: a package's is "
            "taken in with a joint intake (``JointTakeInCreate``); ``…/not-package``: a "
            "joint intake for an item's; ``…/conflict``: the id or a number is taken; "
            "``…/in-flight``",
            s422="invalid fields, as ``POST /cases`` (or ``POST /joint-cases`` for a "
            "package, naming the part): the item withdrawn from the catalog since, an "
            "unknown catalog version, the clerk, an ID number, the first event, a missing "
            "or extra part; a key that is not the ``id``",
        ),
    },
)
def take_in_presubmission(
    no: NoPath,
    body: TakeInCreate | JointTakeInCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Take the pre-submission in (接件): the case is made of it with everything filled in
    and keeps its number and query code (the applicant's progress query goes on); the
    first event's ``data.presubmission`` carries the form and the uploaded materials. A
    package's (一件事) is taken in with the joint intake (``JointTakeInCreate``): the joint
    case keeps the number and query code, its parts are numbered at the window
    (``records_service.presubmission_joint``)."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )

    def guard(session: Session) -> None:
        presubmissions.in_reach(session, principal, no)
        require_own_window(body.window_code, principal)

    def apply(session: Session) -> Applied:
        presubmission = presubmissions.in_reach(session, principal, no, lock=True)
        if isinstance(body, JointTakeInCreate):
            return _apply_joint(session, presubmission, body)
        case = presubmissions.take_in(session, presubmission, body, principal, write.now)
        session.refresh(case)
        content = public_json(
            TakeInAnswer,
            {
                "presubmission": presubmissions.public(session, presubmission),
                "case": case_public(case),
            },
        )
        location = request.url.path.rsplit("/presubmissions/", 1)[0] + f"/cases/{case.case_no}"
        return 201, content, {"Location": location}

    def _apply_joint(
        session: Session, presubmission: Presubmission, body: JointTakeInCreate
    ) -> Applied:
        ip = client_ip(request)
        row = presubmission_joint.take_in_joint(
            session, presubmission, body, principal, write.now, ip
        )
        content = public_json(
            JointTakeInAnswer,
            {
                "presubmission": presubmissions.public(session, presubmission),
                "joint_case": joint.joint_public(session, row),
            },
        )
        base = request.url.path.rsplit("/presubmissions/", 1)[0]
        return 201, content, {"Location": f"{base}/joint-cases/{row.joint_no}"}

    return write.run(ROUTE_TAKE_IN, apply, guard)
