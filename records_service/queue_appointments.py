"""Appointments (预约, issue 18): places per queue category per half-day, booked by the
center's website or the 12345 hotline (an ``integration`` credential) or at a desk, and
checked in at the kiosk, where they become tickets served at their slot.

- A category takes ``slot_capacity`` appointments each half-day (0: none) on the center's
  working days (``rules.calendar``: statutory holidays and make-up days, admin overrides),
  within its opening hours (setting ``queue_opening_hours``, default
  :data:`OPENING_HOURS`; :func:`use_opening_hours`); a half-day that is over, a day the
  center is closed or a category without places answers 409 ``closed``, a half-day
  without a place left 409 ``full``.
- The holder's ID number is hashed at once (``records_service.queue.id_hash``) and never
  stored; name and phone are kept masked.
- An appointment not checked in before its half-day ends is a no-show (counted per
  applicant, by the hashed ID number); nothing needs to run to mark it: the status shown
  is worked out from the time (:func:`effective_status`).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_id, mask_name, mask_phone
from records_service import rules
from records_service.case_views import iso
from records_service.models import Appointment, QueueCategory
from records_service.problems import ProblemError, invalid_field

if TYPE_CHECKING:
    from records_service.db import Database

Hours = dict[str, tuple[time, time]]


def parse_hours(hours: Mapping[Any, str]) -> Hours:
    """``{"am": "09:00-12:00", ...}`` (the setting, checked by it) as times."""
    parsed: Hours = {}
    for half, text in hours.items():
        opens, closes = text.split("-")
        parsed[half] = (time.fromisoformat(opens), time.fromisoformat(closes))
    return parsed


#: The center's opening hours by default, by half-day (center time): appointments are for
#: these (the setting ``queue_opening_hours``, of the same default, changes them).
OPENING_HOURS: Hours = parse_hours({"am": "09:00-12:00", "pm": "13:00-17:00"})
#: Where a session finds its service's opening hours (``Session.info``).
HOURS_INFO = "queue_opening_hours"


def use_opening_hours(db: Database, hours: Mapping[Any, str]) -> None:
    """The sessions of ``db`` book and serve appointments within ``hours`` (the setting
    ``queue_opening_hours``)."""
    parsed = parse_hours(hours)
    for maker in (db.read_sessions, db.write_sessions):
        maker.kw["info"] = {**maker.kw.get("info", {}), HOURS_INFO: parsed}


def opening_hours(session: Session | None) -> Hours:
    """The opening hours of the service ``session`` belongs to (the default without one)."""
    found = session.info.get(HOURS_INFO) if session is not None else None
    return found if found is not None else OPENING_HOURS


#: How far ahead an appointment may be booked (days, counted from today).
BOOK_AHEAD_DAYS = 30
#: Statuses that hold a place in their half-day.
HOLDING = ("booked", "checked_in")
#: The path code that checks in by the holder's ID number instead of the code.
BY_ID = "by-id"


def slot_bounds(day: date, half: str, hours: Hours) -> tuple[datetime, datetime]:
    """When the half-day ``half`` of ``day`` opens and closes (center time)."""
    opens, closes = hours[half]
    return (datetime.combine(day, opens, CENTER_TZ), datetime.combine(day, closes, CENTER_TZ))


def _bounds(appointment: Appointment) -> tuple[datetime, datetime]:
    hours = opening_hours(object_session(appointment))
    return slot_bounds(appointment.day, appointment.half, hours)


def slot_start(appointment: Appointment) -> datetime:
    """When the appointment's half-day begins: from then its ticket goes first."""
    return _bounds(appointment)[0]


def effective_status(appointment: Appointment, now: datetime) -> str:
    """The appointment's status at ``now``: a booked one whose half-day is over is a
    no-show."""
    if appointment.status == "booked" and now >= _bounds(appointment)[1]:
        return "no_show"
    return appointment.status


def public(appointment: Appointment, now: datetime) -> dict[str, Any]:
    starts, ends = _bounds(appointment)
    return {
        "code": appointment.code,
        "category": appointment.category_code,
        "day": appointment.day.isoformat(),
        "half": appointment.half,
        "starts_at": iso(starts),
        "ends_at": iso(ends),
        "holder": appointment.holder_masked,
        "phone": appointment.phone_masked,
        "source": appointment.source,
        "status": effective_status(appointment, now),
        "created_at": iso(appointment.created_at),
        "ticket_id": appointment.ticket_id,
    }


def closed(detail: str) -> ProblemError:
    return ProblemError(409, "closed", detail, title="Closed")


def bookable_category(session: Session, center: str, code: str) -> QueueCategory:
    """The category booked, locked against a concurrent booking of its last place
    (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite writers are serialised anyway);
    422 unknown, 409 ``closed`` when it takes no appointments."""
    category = session.scalars(
        select(QueueCategory)
        .where(QueueCategory.center_code == center, QueueCategory.code == code)
        .with_for_update()
    ).first()
    if category is None:
        raise invalid_field("category", "no such queue category")
    if not category.active or category.slot_capacity <= 0:
        raise closed(f"Category {code} takes no appointments.")
    return category


def check_open(session: Session, day: date, half: str, now: datetime) -> None:
    """409 ``closed`` unless ``day`` is a working day of the center whose half-day
    ``half`` has not ended; 422 for a day in the past or too far ahead."""
    today = now.astimezone(CENTER_TZ).date()
    if day < today:
        raise invalid_field("day", "must not be in the past")
    if day > today + timedelta(days=BOOK_AHEAD_DAYS):
        raise invalid_field("day", f"at most {BOOK_AHEAD_DAYS} days ahead")
    if not rules.calendar(session).is_workday(day):
        raise closed(f"The center is closed on {day.isoformat()} (not a working day).")
    hours = opening_hours(session)
    if now >= slot_bounds(day, half, hours)[1]:
        opens, closes = hours[half]
        raise closed(
            f"The {half} service of {day.isoformat()} ({opens:%H:%M}–{closes:%H:%M}) is over."
        )


def taken(session: Session, center: str, category: str, day: date, half: str) -> int:
    """Places taken in a half-day (booked and checked in)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Appointment)
            .where(
                Appointment.center_code == center,
                Appointment.category_code == category,
                Appointment.day == day,
                Appointment.half == half,
                Appointment.status.in_(HOLDING),
            )
        )
        or 0
    )


def no_shows(session: Session, center: str, id_hash: str, now: datetime) -> int:
    """Appointments of the holder of ``id_hash`` at the center they did not come to."""
    today = now.astimezone(CENTER_TZ).date()
    rows = session.scalars(
        select(Appointment).where(
            Appointment.center_code == center,
            Appointment.id_hash == id_hash,
            Appointment.status.in_(("booked", "no_show")),
            Appointment.day <= today,
        )
    )
    return sum(1 for row in rows if effective_status(row, now) == "no_show")


def already_booked(
    session: Session, center: str, category: str, day: date, id_hash: str
) -> Appointment | None:
    """The holder's appointment for the same category and day, if any."""
    return session.scalars(
        select(Appointment).where(
            Appointment.center_code == center,
            Appointment.category_code == category,
            Appointment.day == day,
            Appointment.id_hash == id_hash,
            Appointment.status.in_(HOLDING),
        )
    ).first()


def new_code(session: Session) -> str:
    """A fresh appointment code: ``YY`` and eight digits (typed at the kiosk)."""
    while True:
        code = f"YY{secrets.randbelow(10**8):08d}"
        if session.get(Appointment, code) is None:
            return code


def holder_masked(name: str, id_number: str) -> str:
    return f"{mask_name(name)} {mask_id(id_number)}"[:100]


def masked_phone(phone: str) -> str:
    digits = phone.strip()
    return mask_phone(digits)[:32] if digits else ""


def for_check_in(
    session: Session, center: str, code: str, id_hash: str | None, now: datetime
) -> Appointment:
    """The appointment a kiosk checks in: by its code, or (``BY_ID``) today's appointment
    of the holder of ``id_hash`` whose half-day is not over (the earliest).

    404 when there is none (or it is another center's); 409 ``checked-in`` when it was
    checked in already, ``missed`` when its half-day is over (a no-show), ``not-today``
    when it is for another day, ``cancelled``.
    """
    today = now.astimezone(CENTER_TZ).date()
    if code == BY_ID:
        if id_hash is None:
            raise invalid_field("id_number", "read the ID card (or type the appointment code)")
        rows = session.scalars(
            select(Appointment)
            .where(
                Appointment.center_code == center,
                Appointment.id_hash == id_hash,
                Appointment.day == today,
                Appointment.status == "booked",
            )
            .order_by(Appointment.half, Appointment.created_at)
            .with_for_update()
        ).all()
        waiting = [row for row in rows if effective_status(row, now) == "booked"]
        if not waiting:
            raise ProblemError(404, "not-found", "No appointment today for this ID number.")
        return waiting[0]
    if id_hash is not None:
        raise invalid_field("id_number", f"sent only with the path code {BY_ID!r}")
    appointment = session.scalars(
        select(Appointment)
        .where(Appointment.code == code.upper(), Appointment.center_code == center)
        .with_for_update()
    ).first()
    if appointment is None:
        raise ProblemError(404, "not-found", f"No appointment {code}.")
    status = effective_status(appointment, now)
    if status == "checked_in":
        raise ProblemError(
            409, "checked-in", "This appointment has been checked in already.", title="Checked in"
        )
    if status == "cancelled":
        raise ProblemError(409, "cancelled", "This appointment was cancelled.", title="Cancelled")
    if status == "no_show":
        raise ProblemError(
            409,
            "missed",
            "The half-day of this appointment is over: take an ordinary ticket.",
            title="Missed",
        )
    if appointment.day != today:
        raise ProblemError(
            409,
            "not-today",
            f"This appointment is for {appointment.day.isoformat()}.",
            title="Not today",
        )
    return appointment


def for_cancel(
    session: Session,
    center: str,
    code: str,
    *,
    booked_by: str | None,
    id_hash: str | None,
    now: datetime,
) -> Appointment:
    """The appointment ``code`` to cancel, locked: of ``center``; booked by ``booked_by``
    (an integration cancels only its own), or held by ``id_hash`` (the ID card shown at a
    desk). Anything else is 404, like an unknown code. 409 ``checked-in`` once its ticket
    is issued, ``missed`` when its half-day is over, ``cancelled`` when it was already."""
    appointment = session.scalars(
        select(Appointment)
        .where(Appointment.code == code.upper(), Appointment.center_code == center)
        .with_for_update()
    ).first()
    if (
        appointment is None
        or (booked_by is not None and appointment.booked_by != booked_by)
        or (id_hash is not None and appointment.id_hash != id_hash)
    ):
        raise ProblemError(404, "not-found", f"No appointment {code}.")
    status = effective_status(appointment, now)
    if status == "checked_in":
        raise ProblemError(
            409,
            "checked-in",
            "This appointment has been checked in: its ticket is in the queue.",
            title="Checked in",
        )
    if status == "cancelled":
        raise ProblemError(409, "cancelled", "This appointment was cancelled.", title="Cancelled")
    if status == "no_show":
        raise ProblemError(
            409, "missed", "The half-day of this appointment is over.", title="Missed"
        )
    return appointment
