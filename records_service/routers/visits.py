"""POST /visits/ratings: the one rating of a visit (现场服务一次一评, issue 18) — the queue
ticket served, if the applicant came with one, and every case served in the visit.

It takes over from ``POST /cases/{case_no}/rating``, which stays for a visit without a
ticket: a rating here is recorded once per case served (each against the case's visit,
its latest acceptance or completion event, so neither route rates that visit again) and
marks the ticket rated. A ticket served without a case is rated too: one rating with no
case, of the ticket (``ratings.ticket_id``, migration 0016), counted in the window's
rating figures and followed up when bad like any other; the ratings of the cases carry the
ticket as well.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request, Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from records_service import audit, queue, reach, rules
from records_service.case_views import RawBodyDep, clerk_error, iso
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    Principal,
    SettingsDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.models import Case, QueueTicket, Rating
from records_service.problems import invalid_field, problem_responses
from records_service.queue_extra_schemas import VisitRatingAnswer, VisitRatingCreate
from records_service.routers.ratings import already_rated, visit_to_rate
from records_service.schemas import public_json
from records_service.settings import Settings

router = APIRouter(tags=["ratings"])

ROUTE_VISIT_RATING = "POST /visits/ratings"
#: Ticket statuses a visit can be rated in: being served, or finished.
RATEABLE = ("serving", "done")


@router.post(
    "/visits/ratings",
    status_code=201,
    operation_id="rate_visit",
    response_model=VisitRatingAnswer,
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
            s403="not a clerk or a window's desk",
            s404="no such ticket served at the caller's window on the day rated, or a case "
            "outside the caller's reach (the same answer as an unknown one)",
            s409="``…/already-rated``: this visit (its ticket, or a case's visit) has its "
            "rating; ``…/in-flight``: the first request with this key is still being applied",
            s422="invalid fields: neither a ticket nor a case, a clerk who is not the caller "
            "(or not of the desk's window), a case with no visit to rate",
        ),
    },
)
def rate_visit(
    body: VisitRatingCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Record the applicant's one rating of the visit just finished at the window (given
    on the window's rating screen), exactly once per ``Idempotency-Key`` (the rating's
    id): for the ticket served (``ticket``, its number on the day of ``rated_at``) and every
    case served in the visit (the ticket's ``case_nos`` from its finish, and those sent)."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )
    now = write.now
    if body.ticket is None and not body.case_nos:
        raise invalid_field("ticket", "name the ticket served, or the cases (case_nos)")

    def apply(session: Session) -> Applied:
        window = principal.window_code
        if window is None:
            raise reach.not_found(f"ticket {body.ticket}" if body.ticket else "visit")
        bad_clerk = clerk_error(session, principal, body.clerk, window, "clerk")
        if bad_clerk:
            raise invalid_field(bad_clerk["field"], bad_clerk["message"])
        rated_at = min(body.rated_at, now)  # the client's time, never later than the service's
        # The ticket of the day rated (a desk's outbox may send the rating a day late).
        ticket = _ticket(session, principal, body.ticket, rated_at) if body.ticket else None
        case_nos = list(dict.fromkeys([*(ticket.case_nos if ticket else []), *body.case_nos]))
        ratings = [
            _rating(session, principal, settings, body, case_no, n, rated_at, now, ticket)
            for n, case_no in enumerate(case_nos)
        ]
        if ticket is not None:
            ticket.rated = True
            if not ratings:  # the ticket alone: its visit's one rating
                ratings.append(
                    _rating(session, principal, settings, body, None, 0, rated_at, now, ticket)
                )
        try:
            session.flush()
        except IntegrityError:  # the same visit rated at the same moment by another request
            session.rollback()
            raise already_rated() from None
        audit.record(
            session,
            at=now,
            action="rating.visit",
            result="ok",
            actor=body.clerk,
            device_id=principal.device_id,
            target=body.ticket or case_nos[0],
            client_ip=client_ip(request),
            detail={"score": body.score, "ticket": body.ticket, "case_nos": case_nos},
        )
        answer = {
            "id": str(body.id),
            "ticket": body.ticket,
            "case_nos": case_nos,
            "score": body.score,
            "comment": body.comment,
            "bad": body.score in rules.BAD_SCORES,
            "rated_at": iso(rated_at),
            "clerk": body.clerk,
            "window_code": window,
            "rating_ids": [r.id for r in ratings],
        }
        return 201, public_json(VisitRatingAnswer, {"rating": answer}), {}

    return write.run(ROUTE_VISIT_RATING, apply)


def _ticket(session: Session, principal: Principal, number: str, rated_at: Any) -> QueueTicket:
    """The ticket ``number`` of the day the visit was rated, being served or finished at
    the caller's window and not yet rated; 404 or 409."""
    today = rated_at.astimezone(CENTER_TZ).date()
    ticket = session.scalars(
        select(QueueTicket)
        .where(
            QueueTicket.center_code == queue.center_of(session, principal.center_code),
            QueueTicket.day == today,
            QueueTicket.number == number,
            QueueTicket.window_code == principal.window_code,
            QueueTicket.status.in_(RATEABLE),
        )
        .with_for_update()
    ).first()
    if ticket is None:
        raise reach.not_found(f"ticket {number} served at this window today")
    if ticket.rated:
        raise already_rated(f"Ticket {number}")
    return ticket


def _rating(
    session: Session,
    principal: Principal,
    settings: Settings,
    body: VisitRatingCreate,
    case_no: str | None,
    n: int,
    rated_at: Any,
    now: Any,
    ticket: QueueTicket | None,
) -> Rating:
    """The rating of one case served in the visit, against the case's latest visit event;
    with no ``case_no``, the rating of the ``ticket`` served with no case (at its window)."""
    case: Case | None = None
    visit_id: str | None = None
    if case_no is not None:
        case = reach.case_in_reach(session, principal, case_no)
        visit_id = visit_to_rate(session, case, "case_nos").id
    bad = body.score in rules.BAD_SCORES
    rated_on = rated_at.astimezone(CENTER_TZ).date()
    rating = Rating(
        # The first case's rating carries the request's id; the others one made from it.
        id=str(body.id) if n == 0 else str(uuid.uuid5(body.id, case_no or "")),
        case_id=case.id if case is not None else None,
        ticket_id=ticket.id if ticket is not None else None,
        event_id=visit_id,
        score=body.score,
        comment=body.comment,
        rated_at=rated_at,
        clerk=body.clerk,
        window_code=case.window_code if case is not None else str(principal.window_code),
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
    return rating
