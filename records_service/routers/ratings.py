"""好差评: POST /cases/{case_no}/rating and POST /ratings/{id}/follow-up."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from records_service import audit, reach, rules
from records_service.case_views import RawBodyDep, clerk_error, iso
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    SessionDep,
    SettingsDep,
    WriteSessionDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.models import Case, CaseEvent, QueueTicket, Rating, Window
from records_service.problems import ProblemError, invalid_field, problem_responses
from records_service.schemas import (
    BadRatings,
    Day,
    FollowUpCreate,
    RatingAnswer,
    RatingCreate,
    public_json,
)

router = APIRouter(tags=["ratings"])

ROUTE_RATING = "POST /cases/{case_no}/rating"


def rating_public(rating: Rating, case_no: str | None, ticket: str | None = None) -> dict[str, Any]:
    return {
        "id": rating.id,
        "case_no": case_no,
        "ticket": ticket,
        "score": rating.score,
        "comment": rating.comment,
        "bad": rating.bad,
        "rated_at": iso(rating.rated_at),
        "clerk": rating.clerk,
        "window_code": rating.window_code,
        "follow_up_due": rating.follow_up_due.isoformat() if rating.follow_up_due else None,
        "followed_up_at": iso(rating.followed_up_at),
        "follow_up_by": rating.follow_up_by,
        "follow_up_note": rating.follow_up_note,
        "event_id": rating.event_id,
    }


@router.post(
    "/cases/{case_no}/rating",
    status_code=201,
    operation_id="rate_case",
    response_model=RatingAnswer,
    responses={
        201: {
            "description": "recorded (or the stored answer to a retry)",
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
            s403="not a clerk or a window's device",
            s404="no such case, or one outside the caller's reach (the same answer)",
            s409="``…/already-rated``: this visit has its rating (one per visit); "
            "``…/in-flight``: the first request with this key is still being applied",
        ),
    },
)
def rate_case(
    case_no: Annotated[str, Path(max_length=40)],
    body: RatingCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Record the applicant's rating, given on the window's rating screen, exactly once per
    ``Idempotency-Key`` (the rating's id)."""
    write = keyed_write(
        db,
        key=idempotency_key,
        record_id=body.id,
        raw=raw,
        principal=principal,
        now=clock(),
        allowed=principal.kind == "device" or principal.has_role("clerk"),
        refusal="Ratings come from a window.",
    )
    now = write.now

    def apply(session: Session) -> Applied:
        case = reach.case_in_reach(session, principal, case_no)
        bad_clerk = clerk_error(session, principal, body.clerk, case.window_code, "clerk")
        if bad_clerk:
            raise invalid_field(bad_clerk["field"], bad_clerk["message"])
        visit = visit_to_rate(session, case)
        rated_at = min(body.rated_at, now)  # the client's time, never later than the service's
        bad = body.score in rules.BAD_SCORES
        rated_on = rated_at.astimezone(CENTER_TZ).date()
        rating = Rating(
            id=str(body.id),
            case_id=case.id,
            event_id=visit.id,
            score=body.score,
            comment=body.comment,
            rated_at=rated_at,
            clerk=body.clerk,
            window_code=case.window_code,
            device_id=principal.device_id,
            bad=bad,
            follow_up_due=(
                rules.add_working_days(rated_on, settings.rating_follow_up_days, session)
                if bad
                else None
            ),
            recorded_at=now,
        )
        session.add(rating)
        try:
            session.flush()
        except IntegrityError:  # the same visit rated at the same moment by another request
            session.rollback()
            raise already_rated() from None
        audit.record(
            session,
            at=now,
            action="rating.record",
            result="ok",
            actor=body.clerk,
            device_id=principal.device_id,
            target=case_no,
            client_ip=client_ip(request),
            detail={"score": body.score, "event_id": visit.id},
        )
        content = public_json(RatingAnswer, {"rating": rating_public(rating, case_no)})
        return 201, content, {}

    return write.run(ROUTE_RATING, apply, reach.case_guard(principal, case_no))


def already_rated(what: str = "This visit") -> ProblemError:
    """409 ``already-rated``: one rating per visit (also ``POST /visits/ratings``)."""
    return ProblemError(
        409,
        "already-rated",
        f"{what} has been rated already: one rating per visit.",
        title="Rated already",
    )


def visit_to_rate(session: Session, case: Case, field: str = "case_no") -> CaseEvent:
    """The service visit a rating given now rates: the case's latest acceptance or
    completion event (现场服务一次一评); 409 if it has a rating, 422 (naming ``field``) if
    there is none. ``POST /visits/ratings`` rates each case of a visit by it too."""
    visit = session.scalars(
        select(CaseEvent)
        .where(CaseEvent.case_id == case.id, CaseEvent.type.in_(rules.VISIT_EVENTS))
        .order_by(CaseEvent.seq.desc())
    ).first()
    if visit is None:
        raise invalid_field(field, f"no visit of case {case.case_no} to rate")
    if session.scalar(select(Rating.id).where(Rating.event_id == visit.id)) is not None:
        raise already_rated(f"The visit of case {case.case_no}")
    return visit


@router.get(
    "/ratings/bad",
    operation_id="list_bad_ratings",
    response_model=BadRatings,
    responses=problem_responses(
        401,
        403,
        422,
        s403="not a shift lead, an admin or a supervisor",
        s422="invalid query fields (a day that is not YYYY-MM-DD, ``rated_from`` after "
        "``rated_to``, a department code with other characters)",
    ),
)
def list_bad_ratings(
    principal: CurrentPrincipal,
    session: SessionDep,
    clock: ClockDep,
    followed_up: Annotated[
        bool | None,
        Query(description="``true``: followed up only; ``false``: still to follow up"),
    ] = None,
    rated_from: Annotated[
        Day | None, Query(description="rated on this day (the center's) or later")
    ] = None,
    rated_to: Annotated[
        Day | None, Query(description="rated on this day (the center's) or earlier")
    ] = None,
    department: Annotated[
        str | None,
        Query(
            max_length=32,
            pattern=r"^[A-Za-z0-9_-]+$",
            description="the department (code) of the rated window; one outside the "
            "caller's reach gives an empty list",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> BadRatings:
    """Bad ratings (差评) of the windows a lead watches, earliest follow-up deadline first:
    ``{items, today}``; each item says whether its deadline has passed (``overdue``).
    ``followed_up=false`` lists those still to follow up; ``rated_from``/``rated_to`` (days,
    both included) and ``department`` narrow the list. Leads: their department; admins and
    supervisors (督查, to raise a complaint from one): their centers'.
    """
    if rated_from is not None and rated_to is not None and rated_from > rated_to:
        raise invalid_field("rated_from", "the first day is after the last")
    windows = select(Window.code).where(reach.window_scope(session, principal))
    if department is not None:
        windows = windows.where(Window.department_code == department)
    # A ticket served with no case is rated without one (``POST /visits/ratings``).
    query = (
        select(Rating, Case.case_no, QueueTicket.number)
        .outerjoin(Case, Case.id == Rating.case_id)
        .outerjoin(QueueTicket, QueueTicket.id == Rating.ticket_id)
        .where(Rating.bad.is_(True), Rating.window_code.in_(windows))
    )
    if followed_up is True:
        query = query.where(Rating.followed_up_at.is_not(None))
    elif followed_up is False:
        query = query.where(Rating.followed_up_at.is_(None))
    if rated_from is not None:
        query = query.where(Rating.rated_at >= _day_start(rated_from))
    if rated_to is not None:
        query = query.where(Rating.rated_at < _day_start(rated_to + timedelta(days=1)))
    rows = session.execute(
        query.order_by(Rating.follow_up_due, Rating.rated_at, Rating.id).limit(limit)
    ).all()
    today = clock().astimezone(CENTER_TZ).date()
    items = []
    for rating, case_no, ticket in rows:
        item = rating_public(rating, case_no, ticket)
        item["overdue"] = bool(
            rating.followed_up_at is None
            and rating.follow_up_due is not None
            and rating.follow_up_due < today
        )
        items.append(item)
    return BadRatings.model_validate({"today": today.isoformat(), "items": items})


def _day_start(day: date) -> datetime:
    """The start of ``day`` in the center's time zone."""
    return datetime.combine(day, time(0), tzinfo=CENTER_TZ)


@router.post(
    "/ratings/{rating_id}/follow-up",
    operation_id="follow_up_rating",
    response_model=RatingAnswer,
    responses=problem_responses(
        400,
        401,
        403,
        404,
        409,
        413,
        422,
        s400="the body is not JSON",
        s403="not a shift lead",
        s404="no such rating, or one outside the lead's reach (the same answer)",
        s409="not a bad rating, or followed up already",
    ),
)
def follow_up(
    rating_id: Annotated[str, Path(max_length=36)],
    body: FollowUpCreate,
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    clock: ClockDep,
) -> RatingAnswer:
    """Record the follow-up of a bad rating: leads of the case's department (of the
    window's, for a queue ticket's rating with no case)."""
    rating = session.get(Rating, rating_id)
    case = session.get(Case, rating.case_id) if rating and rating.case_id else None
    if rating is None or not (
        reach.reaches_case(session, principal, case)
        if case is not None
        else session.scalar(
            select(Window.code).where(
                Window.code == rating.window_code, reach.window_scope(session, principal)
            )
        )
    ):
        raise reach.not_found(f"rating {rating_id}")
    if not rating.bad:
        raise ProblemError(409, "conflict", "Only bad ratings are followed up.")
    if rating.followed_up_at is not None:
        raise ProblemError(409, "conflict", "This rating has been followed up already.")
    now = clock()
    rating.followed_up_at = now
    rating.follow_up_by = principal.username
    rating.follow_up_note = body.note
    case_no = case.case_no if case is not None else None
    ticket = session.get(QueueTicket, rating.ticket_id) if rating.ticket_id else None
    audit.record(
        session,
        at=now,
        action="rating.follow_up",
        result="ok",
        actor=principal.actor,
        target=rating_id,
        client_ip=client_ip(request),
    )
    session.commit()
    return RatingAnswer.model_validate(
        {"rating": rating_public(rating, case_no, ticket.number if ticket else None)}
    )
