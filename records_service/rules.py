"""The rules the service shares with the client, taken from ``clerk_app.core``.

The service never words rules of its own: identity checks, the lifecycle and the
working-day calendar come from ``clerk_app.core`` so that the two sides cannot disagree.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.core import identity, lifecycle, numbering
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import CENTER_TZ
from records_service.models import CalendarOverride


class UnknownIdType(ValueError):
    """The document type is not one ``clerk_app.core.identity.IdType`` knows."""


def identity_errors(id_type: str, value: str) -> list[str]:
    """English sentences for the blocking problems of an identity document number.

    Raises:
        UnknownIdType: ``id_type`` is not a known document type.
    """
    try:
        kind = identity.IdType(id_type)
    except ValueError as exc:
        raise UnknownIdType(id_type) from exc
    check = identity.check_document(kind, value)
    return [identity.describe(issue, "en") for issue in check.errors]


def initial_status(disposition: str) -> str:
    """The status a new case starts in for its intake ``disposition``."""
    return lifecycle.initial_status(disposition).value


def is_event_type(value: str) -> bool:
    """Whether ``value`` is a lifecycle event type."""
    return value in lifecycle.EventType._value2member_map_


@lru_cache(maxsize=1)
def _builtin_calendar() -> WorkCalendar:
    return WorkCalendar.builtin()


def calendar(session: Session | None = None) -> WorkCalendar:
    """The service's calendar: chinese-calendar's years with the admin overrides on top."""
    base = _builtin_calendar()
    if session is None:
        return base
    rows = session.scalars(select(CalendarOverride).order_by(CalendarOverride.year)).all()
    if not rows:
        return base
    return base.overlaid(
        WorkCalendar.from_published(
            [
                {
                    "year": r.year,
                    "holidays": r.holidays,
                    "workdays": r.workdays,
                    "source": r.source,
                    "provisional": r.provisional,
                }
                for r in rows
            ]
        )
    )


def published_calendar(year: int, session: Session | None = None) -> dict[str, Any]:
    """The ``GET /calendar`` payload for ``year`` (overrides included with a session)."""
    return calendar(session).to_published(year)


class IllegalEvent(Exception):
    """The lifecycle forbids this event in the case's status."""

    def __init__(self, current: str, event: str, message: str) -> None:
        super().__init__(message)
        self.current = current
        self.event = event


def apply_event(status: str, event: str) -> str:
    """The status after ``event``; raises :class:`IllegalEvent` when it is not allowed."""
    try:
        return lifecycle.transition(status, event).value
    except lifecycle.IllegalTransition as exc:
        raise IllegalEvent(status, event, str(exc)) from None


def needs_reason(event: str) -> bool:
    return lifecycle.needs_reason(event)


def is_terminal(status: str) -> bool:
    return lifecycle.is_terminal(status)


def case_no_problem(case_no: str, window_code: str, center_code: str | None = None) -> str | None:
    """Why ``case_no`` is not a canonical case number of ``window_code`` (None when it is);
    with ``center_code`` (the window's center), its center part must be that center."""
    try:
        parsed = numbering.parse_case_no(case_no)
    except ValueError:
        return "not a case number"
    if str(parsed) != case_no:
        return f"write it as {parsed}"
    if parsed.window != window_code:
        return "case number is not from this window"
    if center_code is not None and parsed.center != center_code:
        return f"case number carries center {parsed.center}, not this window's {center_code}"
    return None


def case_seq(case_no: str) -> int:
    return numbering.parse_case_no(case_no).seq


def parse_document_no(document_no: str) -> numbering.DocumentNo | None:
    try:
        return numbering.parse_document_no(document_no)
    except ValueError:
        return None


def hall_group(status: str, waiting_for_materials: bool) -> str | None:
    """The hall-screen word (受理/在办/待办/办结) for ``status``."""
    group = lifecycle.hall_group(status, waiting_for_materials=waiting_for_materials)
    return group.value if group is not None else None


def add_working_days(start: date, days: int, session: Session | None = None) -> date:
    """``days`` working days after ``start`` on the service's calendar."""
    return calendar(session).add_working_days(start, days).date


#: Scores that count as a bad review (非常不满意, 不满意).
BAD_SCORES = frozenset({1, 2})
#: Events that are a service visit at the window (现场服务一次一评: each gets at most one
#: rating): taking the application in, the applicant bringing what was missing, and the
#: completion the applicant collects.
VISIT_EVENTS = frozenset(
    {
        "receive",
        "accept",
        "accept_deferred",
        "request_supplement",
        "refuse",
        "forward",
        "supplement_received",
        "deferred_supplied",
        "complete_approved",
        "complete_rejected",
    }
)


def resumed_due_date(
    session: Session, due_date: date | None, suspended_at: datetime, resumed_at: datetime
) -> tuple[date, bool] | None:
    """The due date after a suspension, pushed back by the working days it lasted.

    Counted on the service's own calendar from the center's calendar days of the two
    events, so a client cannot move a due date by what it writes in the event.
    Returns ``(due_date, provisional)``; None when the case has no due date.
    """
    if due_date is None:
        return None
    start = suspended_at.astimezone(CENTER_TZ).date()
    end = max(resumed_at.astimezone(CENTER_TZ).date(), start)
    due = lifecycle.extend_due_date(calendar(session), due_date, start, end)
    return due.date, due.provisional
