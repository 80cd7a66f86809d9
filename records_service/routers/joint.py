"""POST /joint-cases (idempotent), GET /joint-cases/{joint_no} (with its documents),
POST /joint-cases/{joint_no}/stages/{stage}/open (issue 16)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from records_service import audit, joint
from records_service.case_views import RawBodyDep, require_own_window
from records_service.deps import ClockDep, CurrentPrincipal, DatabaseDep, SessionDep, client_ip
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.joint_schemas import JointCaseAnswer, JointCaseCreate, StageOpen
from records_service.models import Case
from records_service.problems import ProblemError, problem_responses
from records_service.schemas import public_json

router = APIRouter(tags=["joint cases"])

ROUTE_CREATE = "POST /joint-cases"
ROUTE_OPEN_STAGE = "POST /joint-cases/{joint_no}/stages/{stage}/open"

JointNo = Annotated[str, Path(min_length=1, max_length=40)]
StagePath = Annotated[str, Path(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")]


@router.post(
    "/joint-cases",
    status_code=201,
    operation_id="create_joint_case",
    response_model=JointCaseAnswer,
    responses={
        201: {
            "description": "created, or the stored answer to a repeated request",
            "headers": {
                **REPLAY_HEADERS,
                "Location": {
                    "description": "the new joint case (on its first answer)",
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
            "(retry); ``…/conflict``: the joint number or a part's number is taken",
            s422="invalid fields, naming the part: an unknown package, an item withdrawn "
            "from the catalog, a missing or extra part, a part's department with no window "
            "here, a project without its code, a joint or part number carrying another center's "
            "code than the window's (``joint_no``, ``parts[n].case_no``; issue 20)",
        ),
    },
)
def create_joint_case(
    body: JointCaseCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Create a joint case with all its parts in one transaction, exactly once per
    ``Idempotency-Key`` (which is the joint case's id)."""
    write = keyed_write(
        db,
        key=idempotency_key,
        record_id=body.id,
        raw=raw,
        principal=principal,
        now=clock(),
        allowed=principal.kind == "device" or principal.has_role("clerk"),
        refusal="Only a clerk or a window's device takes in joint cases.",
    )
    now = write.now
    ip = client_ip(request)

    def apply(session: Session) -> Applied:
        view, package = joint.check_intake(session, body, principal)
        taken = session.scalar(select(Case.id).where(Case.case_no == body.joint_no))
        if taken is not None:
            raise _conflict(body.joint_no)
        row, parts = joint.new_joint_case(body, principal, view, package, now)
        session.add(row)
        session.add_all(parts)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            raise _conflict(body.joint_no) from None
        audit.record(
            session,
            at=now,
            action="joint_case.create",
            result="ok",
            actor=principal.actor,
            device_id=principal.device_id,
            target=body.joint_no,
            client_ip=ip,
            detail={
                "clerk": body.clerk,
                "package": body.package_code,
                "parts": [p.case_no for p in body.parts],
            },
        )
        answer = public_json(JointCaseAnswer, {"joint_case": joint.joint_public(session, row)})
        return 201, answer, {"Location": f"{request.url.path}/{body.joint_no}"}

    return write.run(
        ROUTE_CREATE, apply, lambda _s: require_own_window(body.window_code, principal)
    )


def _conflict(joint_no: str) -> ProblemError:
    return ProblemError(
        409,
        "conflict",
        f"Joint case {joint_no}, or the number of one of its parts, is already recorded.",
        title="Number taken",
    )


@router.get(
    "/joint-cases/{joint_no}",
    operation_id="get_joint_case",
    response_model=JointCaseAnswer,
    responses=problem_responses(
        401, 403, 404, 422, s404="no such joint case, or none of its parts is in your reach"
    ),
)
def get_joint_case(
    joint_no: JointNo, principal: CurrentPrincipal, session: SessionDep
) -> JointCaseAnswer:
    """The joint case with its stages, parts and documents, to anyone who reaches one of its
    parts."""
    row = joint.joint_in_reach(session, principal, joint_no)
    return JointCaseAnswer.model_validate({"joint_case": joint.joint_public(session, row)})


@router.post(
    "/joint-cases/{joint_no}/stages/{stage}/open",
    status_code=201,
    operation_id="open_joint_stage",
    response_model=JointCaseAnswer,
    responses={
        201: {
            "description": "opened, or the stored answer to a repeated request",
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
            s403="not a clerk, lead or desk; or ``…/not-lead-department``: the stage is led by "
            "another department",
            s404="no such joint case or stage, or not in your reach",
            s409="``…/already-open``: the stage is open already; ``…/in-flight``",
        ),
    },
)
def open_joint_stage(
    joint_no: JointNo,
    stage: StagePath,
    body: StageOpen,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Open ``stage`` before the one before it is complete (its lead department only),
    with the reason; recorded on the joint case and in the audit trail."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )
    now = write.now

    def guard(session: Session) -> None:
        joint.joint_in_reach(session, principal, joint_no)

    def apply(session: Session) -> Applied:
        joint.joint_in_reach(session, principal, joint_no)
        # Locked before its stages are read: a part's event may be opening one meanwhile.
        row = joint.lock_joint(session, joint_no)
        view = joint.catalog_view(session, row.catalog_version)
        package = view.packages.get(row.package_code) if view else None
        found = (
            next((s for s in package.stages_for(row.project_type) if s.code == stage), None)
            if package
            else None
        )
        if found is None:
            raise ProblemError(404, "not-found", f"No stage {stage} in joint case {joint_no}.")
        if found.lead_department != principal.department_code and not principal.has_role("admin"):
            raise ProblemError(
                403,
                "not-lead-department",
                f"Stage {stage} is led by department {found.lead_department}.",
            )
        if any(s.stage == stage for s in row.stages):
            raise ProblemError(409, "already-open", f"Stage {stage} is open already.")
        joint.open_stage(
            session,
            row,
            found,
            joint.parts_of(session, joint_no),
            now,
            by=principal.actor,
            early=True,
            note=body.note,
        )
        row.updated_at = now
        session.flush()
        audit.record(
            session,
            at=now,
            action="joint_case.open_stage",
            result="ok",
            actor=principal.actor,
            device_id=principal.device_id,
            target=joint_no,
            client_ip=client_ip(request),
            detail={"stage": stage, "note": body.note},
        )
        answer = public_json(JointCaseAnswer, {"joint_case": joint.joint_public(session, row)})
        return 201, answer, {}

    return write.run(ROUTE_OPEN_STAGE, apply, guard)
