"""The weekly and monthly bulletin (通报, issue 19): per department and window the cases,
on-time rate and overdue, the complaints and their outcome, the bad ratings and their
follow-ups, the warning cards and the model windows of a week (``2026-W49``) or a month
(``2026-11``).

The case figures are not counted here: they are what the workload dashboard answers for the
same days (``routers.workload.get_workload``, itself ``clerk_app.core.workload``), so the
bulletin and the dashboard can never disagree. The rest is grouped in SQL and attributed to
windows and departments below.

Attribution: a complaint counts on the window it is about (``about_window``) and on its
department — the department it was assigned to, else the one it is about, else its
window's; a card on its target (a window's card on its department too); a bad rating on the
window it was given at and that window's department. The total counts everything the caller
reaches once (a complaint about the hall has no row but counts in the total).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from records_service import reach
from records_service.case_views import iso
from records_service.complaints import is_overdue
from records_service.deps import Principal
from records_service.models import (
    Complaint,
    ModelWindow,
    Rating,
    SupervisionCard,
    writer_center,
)
from records_service.problems import ProblemError
from records_service.routers.workload import get_workload
from records_service.settings import Settings

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
SATISFACTIONS = ("satisfied", "basically_satisfied", "dissatisfied")
COMPLAINT_COUNTS = (
    "received",
    "running",
    "answered",
    "closed",
    "overdue",
    "reopened",
    *SATISFACTIONS,
)


def parse_period(text: str) -> tuple[str, date, date]:
    """``(kind, first day, last day)`` of ``2026-W49`` (ISO week) or ``2026-11``; a 422
    naming ``period`` when it is neither (e.g. week 53 of a year that has 52)."""
    try:
        if week := _WEEK.match(text):
            start = date.fromisocalendar(int(week[1]), int(week[2]), 1)
            return "week", start, start + timedelta(days=6)
        if month := _MONTH.match(text):
            start = date(int(month[1]), int(month[2]), 1)
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return "month", start, following - timedelta(days=1)
    except ValueError:
        pass
    raise ProblemError(
        422,
        "validation",
        "Invalid fields: period",
        title="Validation failed",
        errors=[{"field": "period", "message": "not a week (2026-W49) nor a month (2026-11)"}],
    )


def months_of(start: date, end: date) -> list[str]:
    """The calendar months ``YYYY-MM`` the days from ``start`` to ``end`` fall in."""
    months = []
    day = start.replace(day=1)
    while day <= end:
        months.append(day.strftime("%Y-%m"))
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


@dataclass
class _Extra:
    """What a row counts besides the cases."""

    complaints: Counter[str]
    ratings: Counter[str]
    cards: Counter[str]

    @classmethod
    def empty(cls) -> _Extra:
        return cls(Counter(), Counter(), Counter())


def _complaint_counts(c: Complaint, today: date) -> Iterable[str]:
    yield "received"
    if c.status == "closed":
        yield "closed"
    else:
        yield "running"
    if c.answered_at is not None:
        yield "answered"
    if is_overdue(c, today):
        yield "overdue"
    if c.reopened:
        yield "reopened"
    if c.satisfaction in SATISFACTIONS:
        yield c.satisfaction


def _row(
    group: str, labels: dict[str, Any], cases: dict[str, Any], extra: _Extra, model: bool
) -> dict[str, Any]:
    figures = {k: v for k, v in cases.items() if k not in ("name", "department_code", "department")}
    figures["group"] = group
    return {
        "group": group,
        **labels,
        "cases": figures,
        "complaints": {k: extra.complaints[k] for k in COMPLAINT_COUNTS},
        "ratings": {k: extra.ratings[k] for k in ("bad", "followed_up", "follow_up_overdue")},
        "cards": {k: extra.cards[k] for k in ("red", "yellow")},
        "model_window": model,
    }


def build(
    session: Session,
    settings: Settings,
    clock: Callable[[], datetime],
    principal: Principal,
    period: str,
) -> dict[str, Any]:
    """The bulletin of ``period`` as ``principal`` may see it (leads: their department;
    supervisors and admins: their centers' windows), in the shape of ``Bulletin``."""
    kind, start_day, end_day = parse_period(period)
    today = clock().astimezone(CENTER_TZ).date()
    by_window = get_workload(principal, session, settings, clock, start_day, end_day, "window")
    by_department = get_workload(
        principal, session, settings, clock, start_day, end_day, "department"
    )
    windows = {i.group: i.model_dump(by_alias=True) for i in by_window.items}
    departments = {i.group: i.model_dump(by_alias=True) for i in by_department.items}
    department_of = {code: w.get("department_code") or "" for code, w in windows.items()}
    start = datetime.combine(start_day, time(), CENTER_TZ)
    end = datetime.combine(end_day + timedelta(days=1), time(), CENTER_TZ)
    lead_only = "lead" in reach.callers(principal) and not (
        reach.callers(principal) & {"admin", "supervisor"}
    )
    centers = (
        {principal.center_code or writer_center(session)}
        if lead_only
        else reach.centers_at_and_below(session, principal.center_code)
    )
    extra: defaultdict[tuple[str, str], _Extra] = defaultdict(_Extra.empty)
    total = _Extra.empty()

    def count(keys: Iterable[tuple[str, str]], kind: str, name: str, n: int = 1) -> None:
        """``n`` more of ``name`` in the ``kind`` counter of each row of ``keys`` (and the
        total's)."""
        getattr(total, kind)[name] += n
        for key in set(keys):
            if key[1]:
                getattr(extra[key], kind)[name] += n

    # complaints taken in during the period
    complaints = session.scalars(
        select(Complaint).where(
            Complaint.center_code.in_(centers),
            Complaint.created_at >= start,
            Complaint.created_at < end,
        )
    )
    for c in complaints:
        window = c.about_window if c.about_window in windows else None
        department = c.department_code or c.about_department or department_of.get(window or "")
        if lead_only and department != principal.department_code:
            continue
        for name in _complaint_counts(c, today):
            count((("w", window or ""), ("d", department or "")), "complaints", name)
    # bad ratings given during the period at the caller's windows
    overdue = Rating.follow_up_due < today
    ratings = session.execute(
        select(
            Rating.window_code,
            Rating.followed_up_at.is_not(None),
            Rating.followed_up_at.is_(None) & overdue,
            func.count(),
        )
        .where(
            Rating.bad.is_(True),
            Rating.rated_at >= start,
            Rating.rated_at < end,
            Rating.window_code.in_(sorted(windows)),
        )
        .group_by(
            Rating.window_code,
            Rating.followed_up_at.is_not(None),
            Rating.followed_up_at.is_(None) & overdue,
        )
    )
    for window, followed, late, n in ratings:
        keys = (("w", window), ("d", department_of.get(window, "")))
        for name, wanted in (
            ("bad", True),
            ("followed_up", followed),
            ("follow_up_overdue", late),
        ):
            if wanted:
                count(keys, "ratings", name, n)
    # cards issued during the period
    names = {code: w["name"] for code, w in windows.items()}
    names.update({code: d["name"] for code, d in departments.items()})
    cards = []
    for card in session.scalars(
        select(SupervisionCard)
        .where(
            SupervisionCard.center_code.in_(centers),
            SupervisionCard.issued_at >= start,
            SupervisionCard.issued_at < end,
        )
        .order_by(SupervisionCard.issued_at, SupervisionCard.id)
    ):
        if card.target_kind == "window":
            if card.target_code not in windows:
                continue
            targets = [("w", card.target_code), ("d", department_of.get(card.target_code, ""))]
        else:
            if card.target_code not in departments:
                continue
            targets = [("d", card.target_code)]
        count(targets, "cards", card.colour)
        cards.append(
            {
                "colour": card.colour,
                "target_kind": card.target_kind,
                "target_code": card.target_code,
                "target_name": names.get(card.target_code, card.target_code),
                "reason": card.reason,
                "issued_at": iso(card.issued_at),
            }
        )
    # model windows of the months the period falls in
    models = []
    for m in session.scalars(
        select(ModelWindow)
        .where(
            ModelWindow.center_code.in_(centers),
            ModelWindow.month.in_(months_of(start_day, end_day)),
            ModelWindow.window_code.in_(sorted(windows)),
        )
        .order_by(ModelWindow.month, ModelWindow.window_code)
    ):
        w = windows[m.window_code]
        models.append(
            {
                "month": m.month,
                "window_code": m.window_code,
                "name": w["name"],
                "department": w.get("department") or "",
                "reason": m.reason,
            }
        )
    model_codes = {m["window_code"] for m in models}
    department_rows = [
        _row(code, {"name": d["name"]}, d, extra[("d", code)], False)
        for code, d in sorted(departments.items())
    ]
    window_rows = [
        _row(
            code,
            {
                "name": w["name"],
                "department_code": w.get("department_code"),
                "department": w.get("department"),
            },
            w,
            extra[("w", code)],
            code in model_codes,
        )
        for code, w in sorted(windows.items())
    ]
    totals = by_window.total.model_dump(by_alias=True)
    return {
        "period": period,
        "kind": kind,
        "from": start_day.isoformat(),
        "to": end_day.isoformat(),
        "today": today.isoformat(),
        "center_code": principal.center_code or writer_center(session),
        "departments": department_rows,
        "windows": window_rows,
        "total": _row("total", {"name": "total"}, totals, total, False),
        "cards": cards,
        "model_windows": models,
    }
