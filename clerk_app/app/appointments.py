"""Appointments at the desk (预约, issue 18): the use cases of the desk's appointment dialog.

A clerk books a half-day place of a queue category for an applicant at the counter or on
the phone (:func:`book`, ``source`` ``desk``) and cancels one by its code and the holder's
ID number (:func:`cancel`). The days offered are the center's next working days on the
desk's calendar (:func:`bookable_days`), each half-day until it ends
(:data:`OPENING_HOURS`, as the service's). The ID number and phone are checked by the core
before anything is sent; the service keeps the ID number hashed and the name and phone
masked, and so does the dialog once booked.

Every refusal the clerk can act on is an :class:`AppointmentRefused` with a ``reason`` the
GUI words. Calls to the service run on a worker thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.errors import UserError
from clerk_app.core.identity import Issue, check_mobile, check_resident_id
from clerk_app.remote import appointment_api as api
from clerk_app.remote import queue_api
from clerk_app.remote.api import ApiError
from clerk_app.remote.appointment_api import Appointment, Booked
from clerk_app.remote.queue_api import QueueCategory

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

__all__ = [
    "Appointment",
    "AppointmentRefused",
    "Booked",
    "HalfDay",
    "QueueCategory",
    "book",
    "bookable_days",
    "cancel",
    "categories",
]

#: The center's opening hours by half-day (center time), as the service's.
OPENING_HOURS: dict[str, tuple[time, time]] = {
    "am": (time(9, 0), time(12, 0)),
    "pm": (time(13, 0), time(17, 0)),
}
#: How many working days the dialog offers (the service takes up to 30 days ahead).
DAYS_OFFERED = 10

#: Why the service (or the desk) refused, as :attr:`AppointmentRefused.reason`.
REASONS = frozenset(
    {
        "full",  # no place left in the half-day
        "closed",  # not a working day, the half-day is over, no appointments in the category
        "already-booked",  # the ID number holds a place in the category that day
        "wrong-id",  # the ID number is not valid (``issues`` says why)
        "wrong-phone",  # the phone is not a mobile number
        "no-name",
        "not-found",  # no such appointment, or the ID number is not the holder's
        "checked-in",  # its ticket is issued: the queue handles it now
        "missed",  # its half-day is over
        "cancelled",  # cancelled already
        "invalid",  # a field the service refused
        "no-token",  # signed in offline: appointments need the service
        "other",
    }
)


class AppointmentRefused(UserError):
    """A booking or cancellation the desk cannot make.

    Attributes:
        reason: one of :data:`REASONS`.
        issues: the core's ID (or phone) check issues for ``wrong-id`` / ``wrong-phone``.
        detail: the service's words (for the log; the GUI words ``reason``).
    """

    def __init__(self, reason: str, detail: str = "", issues: tuple[Issue, ...] = ()) -> None:
        super().__init__(detail or reason)
        self.reason = reason if reason in REASONS else "other"
        self.issues = issues
        self.detail = detail


@dataclass(frozen=True)
class HalfDay:
    """A half-day the dialog offers: ``day`` and ``half`` (``am`` / ``pm``)."""

    day: date
    half: str


def _token(session: Session) -> str:
    if not session.access_token:
        raise AppointmentRefused("no-token", "signed in offline")
    return str(session.access_token)


def _refused(exc: ApiError) -> Exception:
    """The service's refusal as an :class:`AppointmentRefused` (401 and the like stay)."""
    slug = exc.slug
    detail = str(exc.problem.get("detail") or exc)
    if exc.status == 404:
        return AppointmentRefused("not-found", detail)
    if exc.status == 409 and slug in REASONS:
        return AppointmentRefused(slug, detail)
    if exc.status == 422:
        fields = {str(e.get("field")) for e in exc.problem.get("errors") or []}
        return AppointmentRefused("wrong-id" if "id_number" in fields else "invalid", detail)
    return exc


def categories(context: AppContext, session: Session) -> list[QueueCategory]:
    """The hall's categories that take appointments (a place per half-day or more)."""
    try:
        found = queue_api.queue_categories(context.backend.api, _token(session))
    except ApiError as exc:
        raise _refused(exc) from exc
    return [c for c in found if c.slot_capacity > 0]


def bookable_days(context: AppContext, now: datetime, count: int = DAYS_OFFERED) -> list[HalfDay]:
    """The half-days of the center's next ``count`` working days (today's while not over)
    on the desk's calendar, earliest first."""
    local = now.astimezone(CENTER_TZ)
    offered: list[HalfDay] = []
    day, days = local.date(), 0
    while days < count and day <= local.date() + timedelta(days=30):
        if context.calendar.is_workday(day):
            halves = [
                HalfDay(day, half)
                for half, (_opens, closes) in OPENING_HOURS.items()
                if datetime.combine(day, closes, CENTER_TZ) > local
            ]
            offered.extend(halves)
            days += 1 if halves else 0
        day += timedelta(days=1)
    return offered


def check_holder(id_number: str, phone: str, today: date) -> tuple[str, str]:
    """The ID number and phone normalized, checked by the core.

    Raises:
        AppointmentRefused: ``wrong-id`` or ``wrong-phone`` with the core's issues.
    """
    checked = check_resident_id(id_number, today)
    if checked.errors:
        raise AppointmentRefused("wrong-id", "invalid ID number", tuple(checked.errors))
    number = checked.value
    if not phone.strip():
        return number, ""
    mobile = check_mobile(phone)
    if mobile.errors:
        raise AppointmentRefused("wrong-phone", "invalid phone", tuple(mobile.errors))
    return number, mobile.value


def book(
    context: AppContext,
    session: Session,
    *,
    category: str,
    slot: HalfDay,
    name: str,
    id_number: str,
    phone: str = "",
) -> Booked:
    """Book ``slot`` of ``category`` for the holder (``POST /appointments``, source desk)."""
    if not name.strip():
        raise AppointmentRefused("no-name", "name missing")
    number, mobile = check_holder(id_number, phone, context.clock.today())
    body = {
        "id": str(uuid.uuid4()),
        "category": category,
        "day": slot.day.isoformat(),
        "half": slot.half,
        "name": name.strip(),
        "id_type": "resident_id",
        "id_number": number,
        "phone": mobile,
        "source": "desk",
    }
    try:
        return api.book(context.backend.api, _token(session), body)
    except ApiError as exc:
        raise _refused(exc) from exc


def cancel(context: AppContext, session: Session, code: str, id_number: str) -> Appointment:
    """Cancel appointment ``code`` for its holder, who shows the ID card: its place is
    free again."""
    code = code.strip().upper()
    if not code:
        raise AppointmentRefused("not-found", "no code")
    checked = check_resident_id(id_number, context.clock.today())
    if checked.errors:
        raise AppointmentRefused("wrong-id", "invalid ID number", tuple(checked.errors))
    try:
        return api.cancel(context.backend.api, _token(session), code, checked.value)
    except ApiError as exc:
        raise _refused(exc) from exc
