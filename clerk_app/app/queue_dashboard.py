"""The lead's queue figures (issue 18): ``GET /workload/queue`` as typed records.

Per category and per window the tickets, calls, no-shows (过号, abandoned) and transfers,
and the waiting and service time (average and nearest-rank 90th percentile, seconds, as the
service computes them: see ``records_service.queue_dashboard``); first calls per hour of
the day; tickets issued per weekday and hour (the hall's load); the windows' pauses with
their reasons; the appointments by how they ended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from clerk_app.remote.api import ApiClient, BadResponseError
from clerk_app.remote.queue_lead_api import queue_workload

#: The hours the heat map shows at least (the hall's opening hours).
OPENING_HOURS = range(8, 18)
WEEKDAYS = range(1, 8)  # ISO: 1 Monday … 7 Sunday


@dataclass(frozen=True)
class Durations:
    """How many tickets, and their average and 90th percentile in seconds (None: none)."""

    count: int = 0
    average: float | None = None
    p90: float | None = None


@dataclass(frozen=True)
class GroupFigures:
    """One category's, one window's or the total's figures (``kind``: ``category``,
    ``window`` or ``total``)."""

    kind: str
    code: str
    name: str
    tickets: int
    called: int
    served: int
    no_show: int
    transferred: int
    wait: Durations
    service: Durations


@dataclass(frozen=True)
class Pause:
    """A window's pause within the period (``minutes`` counted within it; an open pause
    to now)."""

    window_code: str
    paused_at: datetime
    resumed_at: datetime | None
    minutes: float
    reason: str
    by: str


@dataclass(frozen=True)
class QueueFigures:
    """The queue tab's figures of the tickets of ``start`` to ``end``."""

    start: date
    end: date
    categories: tuple[GroupFigures, ...]
    windows: tuple[GroupFigures, ...]
    total: GroupFigures
    calls_per_hour: dict[int, int] = field(default_factory=dict)
    heat: dict[tuple[int, int], int] = field(default_factory=dict)
    pauses: tuple[Pause, ...] = ()
    appointments: dict[str, int] = field(default_factory=dict)

    def heat_hours(self) -> range:
        """The heat map's columns: the opening hours, widened to every hour with tickets."""
        hours = [hour for _day, hour in self.heat] + [OPENING_HOURS.start, OPENING_HOURS.stop - 1]
        return range(min(hours), max(hours) + 1)

    def heat_peak(self) -> int:
        """The busiest cell's tickets (0 when there are none)."""
        return max(self.heat.values(), default=0)

    def call_hours(self) -> range:
        """The calls table's rows: the opening hours, widened to every hour with calls."""
        hours = [*self.calls_per_hour, OPENING_HOURS.start, OPENING_HOURS.stop - 1]
        return range(min(hours), max(hours) + 1)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadResponseError(f"/workload/queue: {value!r} is not a count")
    return value


def _seconds(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadResponseError(f"/workload/queue: {value!r} is not seconds")
    return float(value)


def _durations(data: Any) -> Durations:
    data = data if isinstance(data, dict) else {}
    return Durations(
        int(data.get("count") or 0), _seconds(data.get("average")), _seconds(data.get("p90"))
    )


def _group(kind: str, data: Any) -> GroupFigures:
    if not isinstance(data, dict):
        raise BadResponseError("/workload/queue: a group that is not an object")
    return GroupFigures(
        kind=kind,
        code=str(data.get("group") or ""),
        name=str(data.get("name") or data.get("group") or ""),
        tickets=_int(data.get("tickets", 0)),
        called=_int(data.get("called", 0)),
        served=_int(data.get("served", 0)),
        no_show=_int(data.get("no_show", 0)),
        transferred=_int(data.get("transferred", 0)),
        wait=_durations(data.get("wait")),
        service=_durations(data.get("service")),
    )


def _moment(text: Any) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(str(text))
    except ValueError as exc:
        raise BadResponseError(f"/workload/queue: {text!r} is not a moment") from exc


def figures_from_wire(data: dict[str, Any]) -> QueueFigures:
    """The answer of ``GET /workload/queue`` as :class:`QueueFigures`."""
    try:
        start = date.fromisoformat(str(data["from"]))
        end = date.fromisoformat(str(data["to"]))
    except (KeyError, ValueError) as exc:
        raise BadResponseError("/workload/queue answer without its period") from exc
    pauses = []
    for row in data.get("pauses") or ():
        paused_at = _moment(row.get("paused_at"))
        if paused_at is None:
            raise BadResponseError("/workload/queue: a pause without its start")
        pauses.append(
            Pause(
                window_code=str(row.get("window_code") or ""),
                paused_at=paused_at,
                resumed_at=_moment(row.get("resumed_at")),
                minutes=float(row.get("minutes") or 0.0),
                reason=str(row.get("reason") or ""),
                by=str(row.get("by") or ""),
            )
        )
    appointments = data.get("appointments") if isinstance(data.get("appointments"), dict) else {}
    return QueueFigures(
        start=start,
        end=end,
        categories=tuple(_group("category", c) for c in data.get("categories") or ()),
        windows=tuple(_group("window", w) for w in data.get("windows") or ()),
        total=_group("total", data.get("total")),
        calls_per_hour={
            _int(h["hour"]): _int(h["calls"]) for h in data.get("calls_per_hour") or ()
        },
        heat={
            (_int(c["weekday"]), _int(c["hour"])): _int(c["tickets"])
            for c in data.get("heat_map") or ()
        },
        pauses=tuple(pauses),
        appointments={str(k): _int(v) for k, v in (appointments or {}).items()},
    )


def queue_figures(api: ApiClient, token: str, start: date, end: date) -> QueueFigures:
    """The lead's queue figures of the tickets of ``start`` to ``end`` (both included)."""
    return figures_from_wire(queue_workload(api, token, start, end))
