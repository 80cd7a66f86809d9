"""POST /cases/{case_no}/events (idempotent lifecycle events) and GET /changes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy import func, select, union_all
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core.identity import mask_id
from records_service import (
    audit,
    commitment,
    feed,
    forwards,
    joint,
    notifications,
    reach,
    read_replica,
    rules,
)
from records_service.case_views import RawBodyDep, case_public, clerk_error
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    ReadSessionDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.models import Case, CaseEvent
from records_service.problems import ProblemError, invalid_field, problem_responses
from records_service.schemas import CaseAnswer, Changes, EventCreate, public_json

router = APIRouter(tags=["cases"])

ROUTE_CASE_EVENT = "POST /cases/{case_no}/events"


@router.post(
    "/cases/{case_no}/events",
    status_code=201,
    operation_id="append_case_event",
    response_model=CaseAnswer,
    responses={
        201: {
            "description": "the case after the event (or the stored answer to a retry)",
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
            s403="not a clerk, lead or window device",
            s404="no such case, or one outside the caller's reach (the same answer)",
            s409="``…/illegal-transition``: the lifecycle forbids it in the case's status "
            "(don't retry; ``current_status`` and ``event`` say why); ``…/no-commitment``: "
            "a verification event (``commitment_verified``, ``commitment_false``) for a case "
            "not taken in on a written commitment (don't retry); ``…/stage-not-open``: a "
            "part of a joint case whose stage has not opened; ``…/consolidated-supplement``: "
            "a joint part's supplement request goes out only in the lead window's "
            "consolidated notice (departments file theirs with ``file_supplement``); "
            "``…/in-flight``: retry",
            s422="invalid fields (``errors`` names each); a ``forward`` whose ``data.center`` "
            "is not a center above the case's, or whose ``data.window`` is not one of that "
            "center's windows (上报, issue 20: nothing is written)",
        ),
    },
)
def append_event(
    case_no: Annotated[str, Path(max_length=40)],
    body: EventCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Append a lifecycle event, exactly once per ``Idempotency-Key`` (the event id)."""
    write = keyed_write(
        db,
        key=idempotency_key,
        record_id=body.id,
        raw=raw,
        principal=principal,
        now=clock(),
        allowed=principal.kind == "device" or principal.has_role("clerk", "lead"),
        refusal="Only clerks, leads and window devices do this.",
    )
    now = write.now

    def apply(session: Session) -> Applied:
        # A joint case's part: its joint case is locked first, then the part (the order
        # of every joint writer; ``joint.lock_joint``), so parts completing at once see
        # each other and the last one opens the next stage.
        joint_no = session.scalar(select(Case.joint_case_no).where(Case.case_no == case_no))
        if joint_no is not None:
            joint.lock_joint(session, joint_no)
        case = session.scalars(
            select(Case).where(Case.case_no == case_no).with_for_update()
        ).first()
        if case is None or not reach.reaches_case(session, principal, case):
            raise reach.not_found(f"case {case_no}")
        actor = body.actor or principal.username
        if actor is None:
            raise invalid_field("actor", "field required with a device token")
        # A joint case's part is worked at its department's windows, not only at intake.
        acting_window = (
            principal.window_code
            if case.joint_case_no and principal.window_code
            else case.window_code
        )
        bad_actor = clerk_error(session, principal, actor, acting_window, "actor")
        if bad_actor:
            raise invalid_field(bad_actor["field"], bad_actor["message"])
        if not rules.is_event_type(body.type):
            raise invalid_field("type", "unknown event type")
        if rules.needs_reason(body.type) and not body.note.strip():
            raise invalid_field("note", "this event needs a written reason")
        joint.part_may_be_worked(session, case, body.type, body.data, principal)
        try:
            after = rules.apply_event(case.status, body.type)
        except rules.IllegalEvent as exc:
            raise ProblemError(
                409,
                "illegal-transition",
                str(exc),
                title="Not allowed in this status",
                extra={"current_status": exc.current, "event": exc.event},
            ) from None
        credit_note = ""  # the lifecycle answers first; then what a verification needs
        if body.type in commitment.VERIFICATION_EVENTS:
            credit_note = commitment.check_verification(case, body.type, body.data)
        # 上报 to a center above (issue 20): checked before anything is written.
        forward = forwards.plan(session, case, body.type, body.data)
        event = CaseEvent(
            id=str(body.id),
            type=body.type,
            at=body.at,
            actor=actor,
            window_code=principal.window_code or case.window_code,
            note=body.note,
            data=body.data,
            device_id=principal.device_id,
            recorded_at=now,
        )
        case.events.append(event)
        if body.type == "resume":
            _extend_due_date(session, case, body.at)
        if body.type == "deferred_supplied":
            _deferred_received(case)
        if after != case.status and rules.is_terminal(after) and case.completed_at is None:
            case.completed_at = body.at
        completed = after != case.status and after.startswith("completed_")
        case.status = after
        case.updated_at = now
        if completed:  # the applicant is told, with the event's commit (issue 19)
            notifications.case_completed(session, case, now)
        joint.after_part_event(session, case, now)
        if forward is not None:
            forwards.make_case(
                session, case, event, forward, actor=actor, created_by=principal.actor, now=now
            )
        forwards.touch_lower(session, case, now)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            raise ProblemError(409, "conflict", "This event id is already recorded.") from None
        audited.update(
            actor=actor,
            detail={"type": body.type, "status": after}
            | (
                {
                    "credit_note": credit_note,
                    "applicant_id": mask_id(str(case.applicant.get("id_number", ""))),
                }
                if credit_note
                else {}
            ),
        )
        return 201, public_json(CaseAnswer, {"case": case_public(case)}), {}

    audited: dict[str, Any] = {}

    def record(session: Session) -> None:  # last (PostgreSQL chains it after the commit)
        audit.record(
            session,
            at=now,
            action="case.event",
            result="ok",
            device_id=principal.device_id,
            target=case_no,
            client_ip=client_ip(request),
            **audited,
        )

    return write.run(ROUTE_CASE_EVENT, apply, reach.case_guard(principal, case_no), record)


def _deferred_received(case: Case) -> None:
    """The 容缺 material came: it is received now, so the case no longer waits for it (the
    board and the progress query stop showing 待办)."""
    case.materials = [
        {**m, "deferred": False, "received": True} if m.get("deferred") else m
        for m in case.materials
    ]


def _extend_due_date(session: Session, case: Case, resumed_at: Any) -> None:
    """Time in a special procedure does not count: push the due date back on resumption."""
    suspensions = [e.at for e in case.events if e.type == "suspend" and e.at <= resumed_at]
    if not suspensions:
        return
    extended = rules.resumed_due_date(session, case.due_date, max(suspensions), resumed_at)
    if extended is not None:
        case.due_date, provisional = extended
        case.due_date_provisional = case.due_date_provisional or provisional


@router.get(
    "/changes",
    operation_id="get_changes",
    response_model=Changes,
    responses=problem_responses(401, 403, 422, s403="an account that follows no cases"),
)
def get_changes(
    principal: CurrentPrincipal,
    session: ReadSessionDep,
    db: DatabaseDep,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Changes:
    """Cases changed after the cursor ``after``, oldest change first: ``{items, next}``.

    The cursor is the place (``case_events.pos``) of the last event seen; pass ``next``
    back as ``after``. Places are given in commit order and only to events whose writers
    can no longer commit (``records_service.feed``), so a later place never becomes
    visible before an earlier one and no change is ever skipped; writers take no lock
    for it. Each caller sees the cases within their reach (``records_service.reach``). A
    case forwarded to a center above comes again when the case there changes (issue 20:
    its ``forwarded_to`` shows the upper center's progress).
    """
    unplaced, highest = feed.top(session)
    if unplaced and db.engine.dialect.name == "postgresql" and db.replica is None:
        # With a replica the service's placer thread places on the primary
        # (records_service.read_replica.Placer): a poll then writes nothing there. Without
        # one a poll places what waits (most polls find nothing: one statement, no write).
        session.close()  # its connection goes back before the placing write takes one
        with db.write() as placing:  # committed before the page is read
            feed.place_events(placing)
        unplaced, highest = feed.top(session)
    own = select(CaseEvent.case_id.label("case_id"), CaseEvent.pos.label("pos")).where(
        CaseEvent.pos > after
    )
    above = (
        select(Case.forwarded_from.label("case_id"), CaseEvent.pos.label("pos"))
        .join(Case, Case.id == CaseEvent.case_id)
        .where(CaseEvent.pos > after, Case.forwarded_from.is_not(None))
    )
    events = union_all(own, above).subquery()
    last = (
        select(events.c.case_id, func.max(events.c.pos).label("last"))
        .group_by(events.c.case_id)
        .subquery()
    )
    query = (
        select(Case, last.c.last)
        .join(last, last.c.case_id == Case.id)
        .where(reach.case_reach(session, principal))
    )
    rows = session.execute(query.order_by(last.c.last).limit(limit)).all()
    items = [case_public(case, events_upto=last_pos) for case, last_pos in rows]
    # A full page: more may follow, from its last one on. Otherwise everything after
    # ``after`` within reach is in this page, and every place up to ``highest`` was
    # visible before it was read: the cursor moves past the province's changes outside the
    # caller's reach too, so the next poll does not read them again (a window without a
    # change of its own kept its cursor and read every event since, at every poll).
    full = len(rows) == limit
    upto = rows[-1][1] if full else max(after, highest, rows[-1][1] if rows else 0)
    return Changes.model_validate({"items": items, "next": upto, **read_replica.staleness(session)})
