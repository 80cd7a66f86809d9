"""POST /appointments (the website, 12345 or a desk books a half-day place),
POST /appointments/{code}/check-in (the kiosk turns it into a ticket) and
POST /appointments/{code}/cancel (the integration that booked it, or a desk for the
applicant); see ``records_service.queue_appointments``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy.orm import Session

from records_service import audit, queue, queue_appointments, rules
from records_service.case_views import RawBodyDep
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.models import Appointment
from records_service.problems import ProblemError, invalid_fields, problem_responses
from records_service.queue_extra_schemas import (
    AppointmentAnswer,
    AppointmentCancel,
    AppointmentCancelled,
    AppointmentCreate,
    CheckInAnswer,
    CheckInCreate,
)
from records_service.schemas import public_json

router = APIRouter(tags=["queue"])

ROUTE_BOOK = "POST /appointments"
ROUTE_CHECK_IN = "POST /appointments/{code}/check-in"
AppointmentCode = Annotated[str, Path(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$")]


@router.post(
    "/appointments",
    status_code=201,
    operation_id="create_appointment",
    response_model=AppointmentAnswer,
    responses={
        201: {"description": "booked (or the stored answer to a retry)", "headers": REPLAY_HEADERS},
        **problem_responses(
            400,
            401,
            403,
            409,
            413,
            422,
            s403="not an integration credential (website, 12345), a clerk or a desk",
            s409="``…/full``: no place left in the half-day; ``…/closed``: not a working day, "
            "the half-day is over, or the category takes no appointments; "
            "``…/already-booked``: this ID number holds a place in the category that day; "
            "``…/in-flight``: the first request with this key is still being applied",
            s422="invalid fields: an unknown category, a day past or more than "
            f"{queue_appointments.BOOK_AHEAD_DAYS} days ahead, an invalid ID number, a "
            "``source`` the caller may not name (``errors`` names each)",
        ),
    },
)
def create_appointment(
    body: AppointmentCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Book a place for a queue category on a half-day (预约). The website and 12345 book
    through their integration credential (``source`` ``website`` or ``12345``), a window
    with ``source`` ``desk``. The answer's ``code`` is what the applicant types at the
    kiosk (or they read their ID card there)."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )
    now = write.now
    errors = _body_errors(body, principal.kind == "integration")
    if errors:
        raise invalid_fields(errors)

    def apply(session: Session) -> Applied:
        center = queue.center_of(session, principal.center_code)
        category = queue_appointments.bookable_category(session, center, body.category)
        queue_appointments.check_open(session, body.day, body.half, now)
        id_hash = queue.id_hash(session, body.id_number)
        if queue_appointments.already_booked(session, center, category.code, body.day, id_hash):
            raise ProblemError(
                409,
                "already-booked",
                f"This ID number has an appointment for {category.code} on that day.",
                title="Booked already",
            )
        held = queue_appointments.taken(session, center, category.code, body.day, body.half)
        if held >= category.slot_capacity:
            raise ProblemError(
                409,
                "full",
                f"No place left for {category.code} on {body.day.isoformat()} ({body.half}).",
                title="Full",
            )
        appointment = Appointment(
            code=queue_appointments.new_code(session),
            center_code=center,
            category_code=category.code,
            day=body.day,
            half=body.half,
            id_hash=id_hash,
            holder_masked=queue_appointments.holder_masked(body.name, body.id_number),
            phone_masked=queue_appointments.masked_phone(body.phone),
            source=body.source,
            created_at=now,
            status="booked",
            booked_by=principal.actor[:64],
        )
        session.add(appointment)
        session.flush()
        audit.record(
            session,
            at=now,
            action="appointment.book",
            result="ok",
            actor=principal.actor,
            device_id=principal.device_id,
            target=appointment.code,
            client_ip=client_ip(request),
            detail={"category": category.code, "day": body.day.isoformat(), "half": body.half},
        )
        content = public_json(
            AppointmentAnswer,
            {
                "appointment": queue_appointments.public(appointment, now),
                "no_shows": queue_appointments.no_shows(session, center, id_hash, now),
                "places_left": category.slot_capacity - held - 1,
            },
        )
        return 201, content, {}

    return write.run(ROUTE_BOOK, apply)


def _body_errors(body: AppointmentCreate, integration: bool) -> list[dict[str, str]]:
    errors = [
        {"field": "id_number", "message": m}
        for m in rules.identity_errors(body.id_type, body.id_number)
    ]
    if integration and body.source == "desk":
        errors.append({"field": "source", "message": "website or 12345 for an integration"})
    if not integration and body.source != "desk":
        errors.append({"field": "source", "message": "desk for a booking at a window"})
    if not body.name.strip():
        errors.append({"field": "name", "message": "must not be blank"})
    return errors


@router.post(
    "/appointments/{code}/check-in",
    status_code=201,
    operation_id="check_in_appointment",
    response_model=CheckInAnswer,
    responses={
        201: {
            "description": "checked in: the ticket (or the stored answer to a retry)",
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
            s403="not a kiosk",
            s404="no such appointment at this center (by ID number: none today that is not over)",
            s409="``…/checked-in``: checked in already; ``…/missed``: its half-day is over "
            "(a no-show: take an ordinary ticket); ``…/not-today``: it is for another day; "
            "``…/cancelled``; ``…/daily-limit``: the ID number's tickets of the day are used "
            "up; ``…/in-flight``: the first request with this key is still being applied",
            s422="invalid fields: ``id_number`` missing with the path code ``by-id``, or "
            "sent with an appointment code; a key that is not the ticket's ``id``",
        ),
    },
)
def check_in_appointment(
    code: Annotated[str, Path(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$")],
    body: CheckInCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Check an appointment in at the kiosk: by its code, or with the path code ``by-id``
    by the holder's ID number read from the card (today's appointment whose half-day is
    not over). The ticket issued (its ``id`` is the body's, the Idempotency-Key) is called
    before the others once the appointment's half-day has begun."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )
    now = write.now

    def apply(session: Session) -> Applied:
        center = queue.center_of(session, principal.center_code)
        hashed = queue.id_hash(session, body.id_number) if body.id_number else None
        appointment = queue_appointments.for_check_in(session, center, code, hashed, now)
        ticket = queue.issue_ticket(
            session,
            center=center,
            category_code=appointment.category_code,
            ticket_id=str(body.id),
            now=now,
            kiosk=principal.actor,
            hashed_id=appointment.id_hash,
            appointment_code=appointment.code,
        )
        appointment.status = "checked_in"
        appointment.ticket_id = ticket.id
        session.flush()
        audit.record(
            session,
            at=now,
            action="appointment.check_in",
            result="ok",
            actor=principal.actor,
            target=appointment.code,
            client_ip=client_ip(request),
            detail={"ticket": ticket.number},
        )
        content = public_json(
            CheckInAnswer,
            {
                "appointment": queue_appointments.public(appointment, now),
                "ticket": queue.ticket_public(session, ticket),
                "people_ahead": queue.people_ahead(session, ticket, now),
                "query_code": ticket.query_code,
            },
        )
        return 201, content, {}

    return write.run(ROUTE_CHECK_IN, apply)


@router.post(
    "/appointments/{code}/cancel",
    operation_id="cancel_appointment",
    response_model=AppointmentCancelled,
    responses=problem_responses(
        400,
        401,
        403,
        404,
        409,
        413,
        422,
        s403="not an integration credential (website, 12345), a clerk or a desk",
        s404="no such appointment at this center, one another integration booked, or (at a "
        "desk) an ID number that is not the holder's — the same answer for each",
        s409="``…/checked-in``: its ticket is issued (the queue handles it now); "
        "``…/missed``: its half-day is over; ``…/cancelled``: cancelled already (also the "
        "answer to a retry whose first reply was lost)",
        s422="invalid fields: ``id_number`` missing at a desk, or not a valid ID number",
    ),
)
def cancel_appointment(
    code: AppointmentCode,
    body: AppointmentCancel,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
) -> AppointmentCancelled:
    """Cancel an appointment before it is checked in: its place in the half-day is free
    again (the lead's dashboard counts it as cancelled). The website or 12345 cancels one
    it booked, by the code; a clerk or desk cancels for the applicant at the window, with
    the ID number of the card shown (``id_number``)."""
    integration = principal.kind == "integration"
    if not integration and body.id_number is None:
        raise invalid_fields(
            [{"field": "id_number", "message": "the holder's ID number (read their card)"}]
        )
    if body.id_number is not None:
        errors = rules.identity_errors("resident_id", body.id_number)
        if errors:
            raise invalid_fields([{"field": "id_number", "message": m} for m in errors])
    now = clock()
    with db.write() as session:
        center = queue.center_of(session, principal.center_code)
        appointment = queue_appointments.for_cancel(
            session,
            center,
            code,
            booked_by=principal.actor[:64] if integration else None,
            id_hash=queue.id_hash(session, body.id_number) if body.id_number else None,
            now=now,
        )
        appointment.status = "cancelled"
        appointment.cancelled_at = now
        session.flush()
        audit.record(
            session,
            at=now,
            action="appointment.cancel",
            result="ok",
            actor=principal.actor,
            device_id=principal.device_id,
            target=appointment.code,
            client_ip=client_ip(request),
            detail={"reason": body.reason} if body.reason else None,
        )
        return AppointmentCancelled.model_validate(
            {"appointment": queue_appointments.public(appointment, now)}
        )
