"""GET /workload/queue: the lead's queue figures (issue 18) — waiting and service time per
category and per window (average and 90th percentile), tickets abandoned (no-show), calls
per hour, the hall's load by hour and weekday, the windows' pauses with their reasons.

Definitions (the tests compute the same from the tickets in plain Python):

- a ticket's **waiting time** runs from its issue (kept across a transfer) to its first
  call; its **service time** from being served (else called) to its finish, for the
  tickets finished (``done``);
- the **90th percentile** is the nearest-rank one: the ⌈0.9·n⌉-th smallest value;
  averages are rounded to one decimal; all in seconds;
- a category's tickets are those issued for it; a window's those it called;
- the heat map counts tickets issued, by ISO weekday (1 Monday) and hour, center time.

Leads see the categories their department's windows serve (or that belong to their
department) and those windows; admins every category and window of their centers.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from records_service import queue_appointments, queue_windows, reach
from records_service.case_views import iso
from records_service.deps import ClockDep, CurrentPrincipal, Principal, SessionDep
from records_service.models import Appointment, QueueCall, QueueCategory, QueueTicket, Window
from records_service.problems import problem_responses
from records_service.queue_extra_schemas import QueueDashboard
from records_service.routers.workload import _FROM, _PERIOD_422, _TO, period, visible_windows
from records_service.schemas import Day

router = APIRouter(tags=["workload"])


@dataclass(frozen=True)
class TicketRow:
    """What the figures need of a ticket."""

    category: str
    window: str | None
    status: str
    issued_at: datetime
    called_at: datetime | None
    served_at: datetime | None
    finished_at: datetime | None


def p90(values: Sequence[float]) -> float | None:
    """The nearest-rank 90th percentile (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


def durations(values: Sequence[float]) -> dict[str, Any]:
    """``{count, average, p90}`` of ``values`` (seconds)."""
    if not values:
        return {"count": 0, "average": None, "p90": None}
    return {
        "count": len(values),
        "average": round(sum(values) / len(values), 1),
        "p90": round(p90(values) or 0.0, 1),
    }


def wait_seconds(ticket: TicketRow) -> float | None:
    if ticket.called_at is None:
        return None
    return max((ticket.called_at - ticket.issued_at).total_seconds(), 0.0)


def service_seconds(ticket: TicketRow) -> float | None:
    if ticket.status != "done" or ticket.finished_at is None:
        return None
    began = ticket.served_at or ticket.called_at
    if began is None:
        return None
    return max((ticket.finished_at - began).total_seconds(), 0.0)


def figures(group: str, name: str, tickets: Iterable[TicketRow]) -> dict[str, Any]:
    """The figures of one category or window (or the total) from its tickets."""
    rows = list(tickets)
    status = Counter(t.status for t in rows)
    waits = [w for t in rows if (w := wait_seconds(t)) is not None]
    services = [s for t in rows if (s := service_seconds(t)) is not None]
    return {
        "group": group,
        "name": name,
        "tickets": len(rows),
        "called": sum(1 for t in rows if t.called_at is not None),
        "served": status["done"],
        "no_show": status["no_show"],
        "transferred": status["transferred"],
        "wait": durations(waits),
        "service": durations(services),
    }


def grouped(
    tickets: Sequence[TicketRow],
    key: Callable[[TicketRow], str | None],
    names: dict[str, str],
) -> list[dict[str, Any]]:
    """Figures per group (every group of ``names`` listed, with zeros if idle)."""
    by_group: dict[str, list[TicketRow]] = {code: [] for code in names}
    for ticket in tickets:
        code = key(ticket)
        if code is not None and code in by_group:
            by_group[code].append(ticket)
    return [figures(code, names[code], rows) for code, rows in sorted(by_group.items())]


def heat_map(tickets: Iterable[TicketRow]) -> list[dict[str, int]]:
    """Tickets issued per (ISO weekday, hour), center time; only cells with tickets."""
    cells = Counter(
        (local.isoweekday(), local.hour)
        for local in (t.issued_at.astimezone(CENTER_TZ) for t in tickets)
    )
    return [
        {"weekday": weekday, "hour": hour, "tickets": n}
        for (weekday, hour), n in sorted(cells.items())
    ]


def _scope(session: Session, principal: Principal) -> tuple[set[str], dict[str, str]]:
    """(centers, window code → name) the caller watches."""
    windows = visible_windows(session, principal)
    if "admin" in reach.callers(principal):
        centers = reach.centers_at_and_below(session, principal.center_code)
    else:
        centers = {principal.center_code} if principal.center_code else set()
    names = dict(
        session.execute(
            select(Window.code, Window.name).where(Window.code.in_(list(windows)))
        ).all()
    )
    return centers, names


def _categories(
    session: Session, principal: Principal, centers: set[str], windows: set[str]
) -> dict[str, str]:
    """Category code → name of the categories the caller watches."""
    rows = session.scalars(
        select(QueueCategory).where(QueueCategory.center_code.in_(centers))
    ).all()
    if "admin" in reach.callers(principal):
        return {c.code: c.name for c in rows}
    return {
        c.code: c.name
        for c in rows
        if set(c.windows or []) & windows
        or (c.department_code and c.department_code == principal.department_code)
    }


def _tickets(
    session: Session,
    centers: set[str],
    categories: set[str],
    windows: set[str],
    start: date,
    end: date,
) -> list[TicketRow]:
    query = select(
        QueueTicket.category_code,
        QueueTicket.window_code,
        QueueTicket.status,
        QueueTicket.issued_at,
        QueueTicket.called_at,
        QueueTicket.served_at,
        QueueTicket.finished_at,
    ).where(
        QueueTicket.center_code.in_(centers),
        QueueTicket.day >= start,
        QueueTicket.day <= end,
        or_(
            QueueTicket.category_code.in_(categories),
            QueueTicket.window_code.in_(windows),
        ),
    )
    return [TicketRow(*row) for row in session.execute(query)]


def _calls_per_hour(
    session: Session, windows: set[str], start: datetime, end: datetime
) -> list[dict[str, int]]:
    rows = session.execute(
        select(QueueCall.called_at).where(
            QueueCall.window_code.in_(windows),
            QueueCall.called_at >= start,
            QueueCall.called_at < end,
            QueueCall.kind == "call",
        )
    ).scalars()
    hours = Counter(moment.astimezone(CENTER_TZ).hour for moment in rows)
    return [{"hour": hour, "calls": n} for hour, n in sorted(hours.items())]


def _pauses(
    session: Session, windows: set[str], start: datetime, end: datetime, now: datetime
) -> list[dict[str, Any]]:
    items = []
    for row in queue_windows.pauses_between(session, sorted(windows), start, end):
        begins = max(row.paused_at, start)
        ends = min(row.resumed_at or now, end)
        items.append(
            {
                "window_code": row.window_code,
                "paused_at": iso(row.paused_at),
                "resumed_at": iso(row.resumed_at),
                "minutes": round(max((ends - begins).total_seconds(), 0.0) / 60, 1),
                "reason": row.reason,
                "by": row.by_user,
            }
        )
    return items


def _appointments(
    session: Session, centers: set[str], categories: set[str], start: date, end: date, now: datetime
) -> dict[str, int]:
    rows = session.scalars(
        select(Appointment).where(
            Appointment.center_code.in_(centers),
            Appointment.category_code.in_(categories),
            Appointment.day >= start,
            Appointment.day <= end,
        )
    )
    count = Counter(queue_appointments.effective_status(row, now) for row in rows)
    return {s: count[s] for s in ("booked", "checked_in", "no_show", "cancelled")}


@router.get(
    "/workload/queue",
    operation_id="get_queue_workload",
    response_model=QueueDashboard,
    responses=problem_responses(
        401, 403, 422, s403="not a shift lead or an admin", s422=_PERIOD_422
    ),
)
def get_queue_workload(
    principal: CurrentPrincipal,
    session: SessionDep,
    clock: ClockDep,
    from_: Annotated[Day | None, _FROM] = None,
    to: Annotated[Day | None, _TO] = None,
) -> QueueDashboard:
    """The queue's figures for the tickets of ``from`` to ``to`` (both days included,
    center time; default today): per category and per window, waiting and service time
    (average and 90th percentile, seconds), tickets abandoned (no-show) and transferred;
    first calls per hour of the day; tickets issued per weekday and hour; the windows'
    pauses with their reasons; the appointments by status."""
    now = clock()
    today, start_day, end_day = period(clock, from_, to)
    start = datetime.combine(start_day, datetime.min.time(), CENTER_TZ)
    end = datetime.combine(end_day, datetime.min.time(), CENTER_TZ) + timedelta(days=1)
    centers, window_names = _scope(session, principal)
    windows = set(window_names)
    category_names = _categories(session, principal, centers, windows)
    tickets = _tickets(session, centers, set(category_names), windows, start_day, end_day)
    mine = [t for t in tickets if t.category in category_names or t.window in windows]
    return QueueDashboard.model_validate(
        {
            "from": start_day.isoformat(),
            "to": end_day.isoformat(),
            "today": today.isoformat(),
            "categories": grouped(mine, lambda t: t.category, category_names),
            "windows": grouped(mine, lambda t: t.window, window_names),
            "total": figures("total", "合计", mine),
            "calls_per_hour": _calls_per_hour(session, windows, start, end),
            "heat_map": heat_map(mine),
            "pauses": _pauses(session, windows, start, end, now),
            "appointments": _appointments(
                session, centers, set(category_names), start_day, end_day, now
            ),
        }
    )
