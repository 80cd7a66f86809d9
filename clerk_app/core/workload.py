"""Workload figures for shift leads (DOMAIN.md "What shift leads watch"), as pure maths.

The records service groups its cases in SQL into :class:`CaseBucket` rows (one per window,
status, disposition, received day, completed day and due date, with a count) and its
ratings and refusals likewise; :func:`summarize` turns those rows into one
:class:`GroupFigures` per window or department. Nothing here touches a database or a clock:
``today`` and the working-day calendar are arguments, so the client can recompute the same
figures from its own rows and tests can compute them independently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from clerk_app.core import lifecycle
from clerk_app.core.calendar import WorkCalendar

#: Dispositions under which a case counts as accepted (受理) at intake.
ACCEPTING = frozenset({"immediate", "promised", "deferred_materials"})
#: Statuses a case can only reach after it was accepted.
ACCEPTED_STATUSES = frozenset(
    {
        "accepted",
        "in_progress",
        "suspended",
        "forwarded",
        "completed_approved",
        "completed_rejected",
        "revoked",
    }
)
COMPLETED = frozenset({"completed_approved", "completed_rejected"})
#: Scores that count as satisfied (满意, 非常满意).
SATISFIED_SCORES = frozenset({4, 5})


@dataclass(frozen=True)
class CaseBucket:
    """``count`` cases of one window sharing these facts (dates in the center's zone)."""

    window_code: str
    status: str
    disposition: str
    received_on: date
    completed_on: date | None
    due_date: date | None
    count: int = 1


@dataclass(frozen=True)
class RatingBucket:
    window_code: str
    score: int
    count: int = 1


@dataclass(frozen=True)
class RefusalBucket:
    window_code: str
    reason: str
    count: int = 1


@dataclass
class GroupFigures:
    """The figures of one window or department over a period.

    Rates and shares are fractions in ``[0, 1]``, ``None`` when there is nothing to divide.
    """

    group: str
    received: int = 0
    accepted: int = 0
    completed: int = 0
    in_progress: int = 0
    waiting: int = 0
    overdue: int = 0
    due_soon: int = 0
    refused: int = 0
    immediate: int = 0
    promised: int = 0
    completed_with_due: int = 0
    on_time: int = 0
    early: int = 0
    handling_days_total: int = 0
    ratings: int = 0
    satisfied: int = 0
    score_total: int = 0
    refusals: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def _ratio(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    @property
    def on_time_rate(self) -> float | None:
        return self._ratio(self.on_time, self.completed_with_due)

    @property
    def early_rate(self) -> float | None:
        return self._ratio(self.early, self.completed_with_due)

    @property
    def average_handling_days(self) -> float | None:
        return round(self.handling_days_total / self.completed, 2) if self.completed else None

    @property
    def immediate_share(self) -> float | None:
        return self._ratio(self.immediate, self.immediate + self.promised)

    @property
    def promised_share(self) -> float | None:
        return self._ratio(self.promised, self.immediate + self.promised)

    @property
    def satisfaction(self) -> float | None:
        return self._ratio(self.satisfied, self.ratings)

    @property
    def average_score(self) -> float | None:
        return round(self.score_total / self.ratings, 2) if self.ratings else None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``GET /workload`` items."""
        return {
            "group": self.group,
            "received": self.received,
            "accepted": self.accepted,
            "completed": self.completed,
            "in_progress": self.in_progress,
            "waiting": self.waiting,
            "overdue": self.overdue,
            "due_soon": self.due_soon,
            "refused": self.refused,
            "on_time_rate": self.on_time_rate,
            "early_rate": self.early_rate,
            "average_handling_days": self.average_handling_days,
            "immediate": self.immediate,
            "promised": self.promised,
            "immediate_share": self.immediate_share,
            "promised_share": self.promised_share,
            "ratings": self.ratings,
            "satisfaction": self.satisfaction,
            "average_score": self.average_score,
            "refusals": dict(sorted(self.refusals.items(), key=lambda kv: (-kv[1], kv[0]))),
        }


def is_accepted(status: str, disposition: str) -> bool:
    """Whether a case counts as accepted: taken in as 即办/承诺/容缺 or accepted later."""
    if status in ("voided", "refused"):
        return False
    return disposition in ACCEPTING or status in ACCEPTED_STATUSES


def is_open(status: str) -> bool:
    return not lifecycle.is_terminal(status)


def due_soon_limit(calendar: WorkCalendar, today: date, days: int) -> date:
    """The last due date that counts as "due soon": ``days`` working days after today."""
    return calendar.add_working_days(today, days).date


def summarize(
    cases: Iterable[CaseBucket],
    *,
    today: date,
    calendar: WorkCalendar,
    due_soon_days: int = 2,
    group_of: Callable[[str], str] | Mapping[str, str] | None = None,
    ratings: Iterable[RatingBucket] = (),
    refusals: Iterable[RefusalBucket] = (),
) -> list[GroupFigures]:
    """Figures per group, sorted by group.

    Args:
        cases: the cases received in the period, bucketed.
        today: the center's today, for overdue and due soon (open cases only).
        calendar: the working-day calendar (handling time, due soon).
        due_soon_days: an open case is due soon when its due date is today or within this
            many working days.
        group_of: window code → group (e.g. its department); the window itself if omitted.
        ratings: ratings of those cases, bucketed by window and score.
        refusals: refusal reasons of those cases, bucketed by window.

    Open statuses are split by the hall-screen words: 受理 and 在办 count as in progress,
    待办 (supplement requested, suspended) as waiting.
    """
    if isinstance(group_of, Mapping):
        mapping = group_of
        key: Callable[[str], str] = lambda w: mapping.get(w, w)  # noqa: E731
    else:
        key = group_of or (lambda w: w)
    limit = due_soon_limit(calendar, today, due_soon_days)
    groups: dict[str, GroupFigures] = {}
    days_between: dict[tuple[date, date], int] = {}

    def figures(window: str) -> GroupFigures:
        name = key(window)
        if name not in groups:
            groups[name] = GroupFigures(group=name)
        return groups[name]

    for b in cases:
        g = figures(b.window_code)
        n = b.count
        g.received += n
        if is_accepted(b.status, b.disposition):
            g.accepted += n
            if b.disposition == "immediate":
                g.immediate += n
            elif b.disposition in ("promised", "deferred_materials"):
                g.promised += n
        if b.status == "refused":
            g.refused += n
        if b.status in COMPLETED:
            g.completed += n
            if b.completed_on is not None:
                span = (b.received_on, b.completed_on)
                if span not in days_between:
                    days_between[span] = max(0, calendar.working_days_between(*span))
                g.handling_days_total += days_between[span] * n
                if b.due_date is not None:
                    g.completed_with_due += n
                    if b.completed_on <= b.due_date:
                        g.on_time += n
                    if b.completed_on < b.due_date:
                        g.early += n
        elif is_open(b.status):
            word = lifecycle.hall_group(b.status)
            if word == lifecycle.HallGroup.WAITING:
                g.waiting += n
            else:
                g.in_progress += n
            if b.due_date is not None:
                if b.due_date < today:
                    g.overdue += n
                elif b.due_date <= limit:
                    g.due_soon += n
    for r in ratings:
        g = figures(r.window_code)
        g.ratings += r.count
        g.score_total += r.score * r.count
        if r.score in SATISFIED_SCORES:
            g.satisfied += r.count
    reasons: dict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    for f in refusals:
        reasons[key(f.window_code)][f.reason.strip() or "—"] += f.count
    for name, counts in reasons.items():
        if name not in groups:
            groups[name] = GroupFigures(group=name)
        groups[name].refusals = dict(counts)
    return [groups[name] for name in sorted(groups)]


def totals(figures: Iterable[GroupFigures], name: str = "total") -> GroupFigures:
    """The sum of several groups' figures (rates recomputed from the sums)."""
    total = GroupFigures(group=name)
    counters = [f for f in GroupFigures.__dataclass_fields__ if f not in ("group", "refusals")]
    for g in figures:
        for f in counters:
            setattr(total, f, getattr(total, f) + getattr(g, f))
        for reason, n in g.refusals.items():
            total.refusals[reason] = total.refusals.get(reason, 0) + n
    return total


@dataclass(frozen=True)
class DayCounts:
    """One day of the trend: cases received that day, and of the period's cases those
    completed that day."""

    day: date
    received: int = 0
    completed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "received": self.received,
            "completed": self.completed,
        }


def daily_trend(cases: Iterable[CaseBucket], start: date, end: date) -> list[DayCounts]:
    """Every day from ``start`` to ``end`` (both included, zeros where nothing happened):
    received per received day, completed per completion day (completions after ``end``
    are left out)."""
    received: defaultdict[date, int] = defaultdict(int)
    completed: defaultdict[date, int] = defaultdict(int)
    for b in cases:
        received[b.received_on] += b.count
        if b.status in COMPLETED and b.completed_on is not None:
            completed[b.completed_on] += b.count
    days = []
    day = start
    while day <= end:
        days.append(DayCounts(day, received.get(day, 0), completed.get(day, 0)))
        day = date.fromordinal(day.toordinal() + 1)
    return days
