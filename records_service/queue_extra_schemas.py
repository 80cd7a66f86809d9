"""Request and answer models of the queue's windows, appointments, visit ratings and the
lead's queue dashboard (issue 18; the core queue's are in ``queue_schemas``).

Requests are strict (unknown fields are refused); every field an answer carries is declared.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field

from records_service.queue_schemas import TicketPublic
from records_service.schemas import CaseNo, Day, Moment, Public, Strict, Timestamp

#: Half a working day: appointments are taken per category per half-day.
Half = Literal["am", "pm"]
#: A ticket number as the service writes it (``A012``, ``B812``).
TicketNumber = Annotated[str, Field(min_length=4, max_length=4, pattern=r"^[A-Z][0-9]{3}$")]
#: An appointment code (``YY`` and eight digits).
AppointmentCode = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$")]
IdNumber = Annotated[str, Field(min_length=1, max_length=32)]


# --- windows: pause and resume -----------------------------------------------------------


class PauseCreate(Strict):
    """``POST /windows/{window_code}/pause``: why the window stops calling (暂停服务);
    shown on the window's own screen."""

    reason: Annotated[str, Field(min_length=1, max_length=200)]


class WindowPausePublic(Public):
    id: int
    window_code: str
    paused_at: Moment
    resumed_at: Moment | None
    reason: str
    by: str


class WindowState(Public):
    """A window's state after a pause or resume: ``paused`` while a pause is open."""

    window_code: str
    paused: bool
    pause: WindowPausePublic


# --- appointments ------------------------------------------------------------------------


class AppointmentCreate(Strict):
    """``POST /appointments``; ``id`` equals the Idempotency-Key (a retry gets the same
    appointment). The ID number is hashed at once and never stored; name and phone are
    kept masked only."""

    id: UUID
    category: Annotated[str, Field(min_length=1, max_length=16)]
    day: Day
    half: Half
    name: Annotated[str, Field(min_length=1, max_length=100)]
    id_type: Literal["resident_id"] = "resident_id"
    id_number: IdNumber
    phone: Annotated[str, Field(max_length=20, pattern=r"^[0-9+ -]*$")] = ""
    #: Where the applicant booked: the center's website or the 12345 hotline (an
    #: integration credential), or ``desk`` (a window booking for the applicant).
    source: Literal["website", "12345", "desk"]


class AppointmentPublic(Public):
    code: str
    category: str
    day: date
    half: Half
    #: When the half-day's service begins and ends (the center's opening hours).
    starts_at: Moment
    ends_at: Moment
    holder: str
    phone: str
    source: str
    status: Literal["booked", "checked_in", "no_show", "cancelled"]
    created_at: Moment
    ticket_id: str | None


class AppointmentAnswer(Public):
    appointment: AppointmentPublic
    #: Appointments this applicant (by hashed ID number) did not come to, before this one.
    no_shows: int
    #: Places left in the half-day after this booking.
    places_left: int


class AppointmentCancel(Strict):
    """``POST /appointments/{code}/cancel``. The integration that booked it cancels by
    the code alone; a clerk or desk cancels for the applicant in front of them, who shows
    their ID card: ``id_number`` must be the holder's."""

    id_number: IdNumber | None = None
    reason: Annotated[str, Field(max_length=200)] = ""


class AppointmentCancelled(Public):
    appointment: AppointmentPublic


class CheckInCreate(Strict):
    """``POST /appointments/{code}/check-in`` at the kiosk; ``id`` is the ticket's id (the
    Idempotency-Key). With the path code ``by-id`` the appointment is today's one of the
    holder of ``id_number`` (read from the ID card); otherwise ``id_number`` is not sent."""

    id: UUID
    id_number: IdNumber | None = None


class CheckInAnswer(Public):
    appointment: AppointmentPublic
    ticket: TicketPublic
    #: Tickets of the category called before this one as things stand (its turn comes
    #: first once its half-day has begun).
    people_ahead: int
    #: Printed on the ticket: with its number, the public query of its place.
    query_code: str


# --- one rating per visit ----------------------------------------------------------------


class VisitRatingCreate(Strict):
    """``POST /visits/ratings``: the one rating of a visit (一次一评): the ticket served (if
    the applicant came with one) and every case served in the visit. ``id`` equals the
    Idempotency-Key."""

    id: UUID
    ticket: TicketNumber | None = None
    case_nos: Annotated[list[CaseNo], Field(default_factory=list, max_length=20)]
    score: Annotated[int, Field(ge=1, le=5)]
    comment: Annotated[str, Field(max_length=500)] = ""
    rated_at: Timestamp
    clerk: Annotated[str, Field(min_length=1, max_length=64)]


class VisitRatingPublic(Public):
    id: str
    ticket: str | None
    case_nos: list[str]
    score: Annotated[int, Field(ge=1, le=5)]
    comment: str
    bad: bool
    rated_at: Moment
    clerk: str
    window_code: str
    #: The ids of the ratings recorded, one per case served (none for a ticket without a
    #: case: the ticket is marked rated and the score kept in the audit trail).
    rating_ids: list[str]


class VisitRatingAnswer(Public):
    rating: VisitRatingPublic


# --- the lead's queue figures ------------------------------------------------------------


class Durations(Public):
    """Seconds: how many tickets, their average (one decimal) and 90th percentile (the
    nearest-rank value); None without tickets."""

    count: int
    average: float | None
    p90: float | None


class QueueGroupFigures(Public):
    group: str
    name: str
    #: A category's tickets issued; a window's tickets called there.
    tickets: int
    called: int
    served: int
    #: Called and not come (过号): abandoned tickets.
    no_show: int
    transferred: int
    wait: Durations
    service: Durations


class HourCount(Public):
    hour: Annotated[int, Field(ge=0, le=23)]
    calls: int


class HeatCell(Public):
    #: ISO weekday: 1 Monday … 7 Sunday.
    weekday: Annotated[int, Field(ge=1, le=7)]
    hour: Annotated[int, Field(ge=0, le=23)]
    tickets: int


class PauseRow(Public):
    window_code: str
    paused_at: Moment
    resumed_at: Moment | None
    #: Minutes within the period (an open pause counts to now).
    minutes: float
    reason: str
    by: str


class AppointmentFigures(Public):
    booked: int
    checked_in: int
    no_show: int
    cancelled: int


class QueueDashboard(Public):
    """``GET /workload/queue``."""

    from_: date = Field(alias="from")
    to: date
    today: date
    categories: list[QueueGroupFigures]
    windows: list[QueueGroupFigures]
    total: QueueGroupFigures
    calls_per_hour: list[HourCount]
    heat_map: list[HeatCell]
    pauses: list[PauseRow]
    appointments: AppointmentFigures
