"""GET /workload (shift leads' figures) and GET /board (the hall's big screen).

On the board a joint case is one row (issue 16, ``records_service.joint_views``), never
one per part, and counts once in the day's totals.

SQL groups the cases into buckets; the figures themselves are computed by
``clerk_app.core.workload`` so that client and service count the same way.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlalchemy import Date, Select, cast, func, literal_column, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from clerk_app.core import workload
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import public_applicant_name
from records_service import catalog_store, joint_views, reach, read_replica, rules
from records_service.case_views import iso
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    Principal,
    ReadSessionDep,
    SessionDep,
    SettingsDep,
)
from records_service.models import Case, CaseEvent, Center, Department, JointCase, Rating, Window
from records_service.problems import ProblemError, problem_responses
from records_service.schemas import Board, Day, Workload, WorkloadCases

router = APIRouter(tags=["workload"])

MAX_DAYS = 400


def local_date(session: Session, column: Any) -> ColumnElement[Any]:
    """The calendar day of a UTC timestamp column in the center's zone (UTC+8, no DST).

    PostgreSQL shifts by the fixed offset (``timezone(INTERVAL '+08:00', ...)``, plain
    arithmetic) rather than by the zone's name, which looks the zone up for every row: the
    same days for any time since 1992 (China's summer time ended in 1991), and on a month
    of 820,000 cases (bench/bench_partitions.py) a good part of the workload query's time.
    """
    if session.get_bind().dialect.name == "sqlite":
        return func.date(column, text("'+8 hours'"))
    return cast(func.timezone(literal_column("INTERVAL '+08:00'"), column), Date)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(start, time(), CENTER_TZ),
        datetime.combine(end + timedelta(days=1), time(), CENTER_TZ),
    )


def period(clock: Any, from_: date | None, to: date | None) -> tuple[date, date, date]:
    """``(today, first day, last day)`` of a ``from``/``to`` query (both days included,
    center time; the default is today), or a 422 naming the bad field."""
    today = clock().astimezone(CENTER_TZ).date()
    start_day = from_ or to or today
    end_day = to or max(start_day, today)
    if end_day < start_day:
        raise ProblemError(
            422,
            "validation",
            "Invalid fields: to",
            title="Validation failed",
            errors=[{"field": "to", "message": "must not be before from"}],
        )
    if (end_day - start_day).days > MAX_DAYS:
        raise ProblemError(
            422,
            "validation",
            "Invalid fields: from",
            title="Validation failed",
            errors=[{"field": "from", "message": f"at most {MAX_DAYS} days at a time"}],
        )
    return today, start_day, end_day


def watched_windows(
    session: Session, principal: Principal, *roles: str, centers: set[str] | None = None
) -> Select[Any]:
    """The codes of the windows ``principal`` may watch, as a query (for ``IN``): a hall of
    thousands of windows is one subquery, not thousands of bound parameters that every
    statement of a board poll would carry (issue 20's province bench: 5,000 windows made
    the board three quarters of the service's CPU).

    Leads their department in their center and the centers below it, admins their centers
    (``reach.window_scope``), ``display`` the whole hall of its center (and the centers
    below it); with ``centers`` (``reach.center_view``) only the windows of those centers.
    Who may call the route at all is ``reach.ROUTES``'.
    """
    query = select(Window.code)
    if "display" in roles and principal.has_role("display"):
        hall = reach.centers_at_and_below(session, principal.center_code)
        query = query.where(Window.center_code.in_(hall))
    else:
        query = query.where(reach.window_scope(session, principal))
    if centers is not None:
        query = query.where(Window.center_code.in_(centers))
    return query


def visible_windows(
    session: Session, principal: Principal, *roles: str, centers: set[str] | None = None
) -> dict[str, str]:
    """Window code → department code of the windows ``principal`` may watch
    (:func:`watched_windows`)."""
    query = watched_windows(session, principal, *roles, centers=centers)
    return dict(session.execute(query.add_columns(Window.department_code)).all())


#: Window codes for ``IN``: a list, or a query of them (:func:`watched_windows`).
Windows = Collection[str] | Select[Any]


_CENTER = Query(
    max_length=16,
    description="only this center and the centers below it (the caller's own center or one "
    "below it; any other answers 404 like an unknown code)",
)
_S404_CENTER = "``center`` names no center, or one outside the caller's reach (the same answer)"


def case_buckets(
    session: Session,
    windows: Windows,
    start: datetime,
    end: datetime,
    *,
    parts: bool = True,
) -> list[workload.CaseBucket]:
    """The cases received from ``start`` to ``end`` at ``windows``, in buckets; without
    the parts of joint cases when ``parts`` is False."""
    received_on = local_date(session, Case.received_at)
    completed_on = local_date(session, Case.completed_at)
    columns = (
        Case.window_code,
        Case.status,
        Case.disposition,
        received_on,
        completed_on,
        Case.due_date,
    )
    query = (
        select(*columns, func.count())
        .where(Case.received_at >= start, Case.received_at < end, Case.window_code.in_(windows))
        .group_by(*columns)
    )
    if not parts:
        query = query.where(Case.joint_case_no.is_(None))
    return [
        workload.CaseBucket(
            window_code=w,
            status=s,
            disposition=d,
            received_on=_as_date(r) or start.date(),
            completed_on=_as_date(c),
            due_date=_as_date(due),
            count=n,
        )
        for w, s, d, r, c, due, n in session.execute(query)
    ]


_PERIOD_422 = (
    f"invalid fields; or ``to`` before ``from``, or more than {MAX_DAYS} days from ``from`` "
    "to ``to`` (``errors`` names the field)"
)
_FROM = Query(
    alias="from",
    description=f"first day (center time; default: today); at most {MAX_DAYS} days before ``to``",
)
_TO = Query(description="last day, included (default: today, or ``from`` if later)")


@router.get(
    "/workload",
    operation_id="get_workload",
    response_model=Workload,
    response_model_exclude_unset=True,
    responses=problem_responses(
        401,
        403,
        404,
        422,
        s403="not a shift lead or an admin",
        s404=_S404_CENTER,
        s422=_PERIOD_422,
    ),
)
def get_workload(
    principal: CurrentPrincipal,
    session: ReadSessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    from_: Annotated[Day | None, _FROM] = None,
    to: Annotated[Day | None, _TO] = None,
    group: Annotated[Literal["window", "department", "center"], Query()] = "window",
    center: Annotated[str | None, _CENTER] = None,
) -> Workload:
    """Figures per window, department or center for the cases received from ``from`` to
    ``to``.

    Both days are included (center time); the default is today. Overdue and due soon count
    the period's cases still open today. Leads see their department (a city-level lead's
    across the centers below theirs), admins their centers. The figures roll up: the items
    of ``group=window``, ``department`` and ``center`` add up to the same ``total`` (the
    city's, or that of ``center`` and the centers below it).
    """
    today, start_day, end_day = period(clock, from_, to)
    view = reach.center_view(session, principal, center)
    windows = visible_windows(session, principal, centers=view)
    start, end = _bounds(start_day, end_day)
    codes = watched_windows(session, principal, centers=view)
    ratings = session.execute(
        select(Rating.window_code, Rating.score, func.count())
        .where(Rating.rated_at >= start, Rating.rated_at < end, Rating.window_code.in_(codes))
        .group_by(Rating.window_code, Rating.score)
    )
    # literal arguments: PostgreSQL must see the same expression in SELECT and GROUP BY
    # (with bound parameters it answers "must appear in the GROUP BY clause")
    reason = func.substr(CaseEvent.note, literal_column("1"), literal_column("100"))
    refusals = session.execute(
        select(Case.window_code, reason, func.count())
        .join(Case, Case.id == CaseEvent.case_id)
        .where(
            CaseEvent.type == "refuse",
            Case.received_at >= start,
            Case.received_at < end,
            Case.window_code.in_(codes),
        )
        .group_by(Case.window_code, reason)
    )
    buckets = case_buckets(session, codes, start, end)
    group_of = _group_of(session, group, windows)
    figures = workload.summarize(
        buckets,
        today=today,
        calendar=rules.calendar(session),
        due_soon_days=settings.due_soon_days,
        group_of=group_of,
        ratings=[workload.RatingBucket(w, s, n) for w, s, n in ratings],
        refusals=[workload.RefusalBucket(w, r or "", n) for w, r, n in refusals],
    )
    # Windows (departments, centers) without a case in the period are listed too, with zeros.
    every = set(windows) if group_of is None else set(group_of.values())
    idle = every - {f.group for f in figures}
    figures = sorted([*figures, *map(workload.GroupFigures, idle)], key=lambda f: f.group)
    labels = group_labels(session, group)
    items = []
    for f in figures:
        item = f.as_dict()
        item.update(labels.get(f.group, {"name": f.group}))
        items.append(item)
    # ``response_model_exclude_unset``: what a group lacks (a department has no
    # ``department_code``) stays out of the answer, as it always has.
    return Workload.model_validate(
        {
            "from": start_day.isoformat(),
            "to": end_day.isoformat(),
            "group": group,
            "today": today.isoformat(),
            "due_soon_days": settings.due_soon_days,
            "items": items,
            "total": workload.totals(figures).as_dict(),
            "trend": [d.as_dict() for d in workload.daily_trend(buckets, start_day, end_day)],
            **read_replica.staleness(session),
        }
    )


def _group_of(session: Session, group: str, windows: dict[str, str]) -> dict[str, str] | None:
    """Window code → the code of its group (department or center); None for windows."""
    if group == "department":
        return windows
    if group == "center":
        rows = session.execute(select(Window.code, Window.center_code))
        return {code: center for code, center in rows if code in windows}
    return None


def group_labels(session: Session, group: str) -> dict[str, dict[str, str]]:
    """Names shown beside the codes: a window's name and department, a department's name,
    a center's name."""
    if group == "center":
        return {
            code: {"name": name} for code, name in session.execute(select(Center.code, Center.name))
        }
    if group == "department":
        rows = session.execute(select(Department.code, Department.name))
        return {code: {"name": name} for code, name in rows}
    windows = session.execute(
        select(Window.code, Window.name, Department.code, Department.name).join(
            Department, Department.code == Window.department_code
        )
    )
    return {
        code: {"name": name, "department_code": dept, "department": dept_name}
        for code, name, dept, dept_name in windows
    }


@router.get(
    "/workload/cases",
    operation_id="list_workload_cases",
    response_model=WorkloadCases,
    responses=problem_responses(
        401,
        403,
        404,
        422,
        s403="not a shift lead or an admin",
        s404="no such window, or a window outside the caller's reach (the same answer)",
        s422=_PERIOD_422,
    ),
)
def workload_cases(
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    window: Annotated[str, Query(min_length=1, max_length=16)],
    from_: Annotated[Day | None, _FROM] = None,
    to: Annotated[Day | None, _TO] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    cursor: Annotated[str | None, Query(max_length=9, pattern=r"^[0-9]{1,9}$")] = None,
) -> WorkloadCases:
    """The cases of one window received from ``from`` to ``to``, newest first, applicant
    masked: ``{items, next, count}``. Leads only for windows of their department, admins
    their centers'; any other window answers 404 like an unknown one."""
    today, start_day, end_day = period(clock, from_, to)
    if window not in visible_windows(session, principal):
        # The rule of reach.py: another department's (or center's) window answers exactly
        # like a window that does not exist; only a role that may never use the route
        # gets 403 (reach.ROUTES).
        raise reach.not_found(f"window {window}")
    start, end = _bounds(start_day, end_day)
    where = (Case.window_code == window, Case.received_at >= start, Case.received_at < end)
    count = session.scalar(select(func.count()).select_from(Case).where(*where)) or 0
    offset = int(cursor or 0)
    rows = session.execute(
        select(
            Case.case_no,
            Case.item_code,
            Case.applicant,
            Case.status,
            Case.disposition,
            Case.received_at,
            Case.due_date,
            Case.completed_at,
            Case.clerk,
        )
        .where(*where)
        .order_by(Case.received_at.desc(), Case.case_no)
        .offset(offset)
        .limit(limit + 1)
    ).all()
    catalog = catalog_store.latest_published(session)
    names = catalog.item_names if catalog else {}
    limit_day = workload.due_soon_limit(rules.calendar(session), today, settings.due_soon_days)
    items = []
    for row in rows[:limit]:
        applicant = row.applicant or {}
        name = public_applicant_name(applicant)
        open_ = workload.is_open(row.status)
        due = row.due_date
        items.append(
            {
                "case_no": row.case_no,
                "item_code": row.item_code,
                "item_name": names.get(row.item_code),
                "applicant": name,
                "status": row.status,
                "hall_group": rules.hall_group(row.status, False),
                "disposition": row.disposition,
                "received_at": iso(row.received_at),
                "due_date": due.isoformat() if due else None,
                "completed_at": iso(row.completed_at),
                "clerk": row.clerk,
                "overdue": bool(open_ and due is not None and due < today),
                "due_soon": bool(open_ and due is not None and today <= due <= limit_day),
            }
        )
    return WorkloadCases.model_validate(
        {
            "window": window,
            "from": start_day.isoformat(),
            "to": end_day.isoformat(),
            "count": count,
            "items": items,
            "next": str(offset + limit) if len(rows) > limit else None,
        }
    )


@router.get(
    "/board",
    operation_id="get_board",
    response_model=Board,
    responses=problem_responses(
        401,
        403,
        404,
        422,
        s403="not the hall screen (display), a shift lead or an admin",
        s404=_S404_CENTER,
    ),
)
def get_board(
    principal: CurrentPrincipal,
    session: ReadSessionDep,
    clock: ClockDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    center: Annotated[str | None, _CENTER] = None,
) -> Board:
    """The hall screen: today's cases, newest change first, with masked applicant and the
    status word (受理/在办/待办/办结), plus the day's totals and completion rate.

    The hall screen shows its center's hall (and the centers below it), a lead their
    department there, an admin their centers; ``center=`` narrows it to one center and
    the centers below it."""
    now = clock()
    today = now.astimezone(CENTER_TZ).date()
    if not principal.has_role("display", "lead", "admin"):
        raise ProblemError(403, "forbidden", "Only the hall screen and shift leads see this.")
    codes = watched_windows(
        session, principal, "display", centers=reach.center_view(session, principal, center)
    )
    start, end = _bounds(today, today)
    rows = session.scalars(
        select(Case)
        .where(Case.updated_at >= start, Case.window_code.in_(codes))
        .where(Case.status.not_in(("voided", "revoked")), Case.joint_case_no.is_(None))
        .order_by(Case.updated_at.desc(), Case.case_no)
        .limit(limit)
    ).all()
    catalog = catalog_store.latest_published(session)
    names = catalog.item_names if catalog else {}
    items = []
    for case in rows:
        applicant = public_applicant_name(case.applicant)
        waiting = any(m.get("deferred") for m in case.materials) and not rules.is_terminal(
            case.status
        )
        items.append(
            {
                "case_no": case.case_no,
                "window_code": case.window_code,
                "item_code": case.item_code,
                "item_name": names.get(case.item_code),
                "applicant": applicant,
                "status": case.status,
                "hall_group": rules.hall_group(case.status, waiting),
                "updated_at": iso(case.updated_at),
            }
        )
    # A joint case is one row (its parts are left out above), merged by its last change.
    items.extend(joint_views.board_rows(session, codes, start, limit))
    items.sort(key=lambda row: _moment_key(row["updated_at"]), reverse=True)  # stable
    buckets = case_buckets(session, codes, start, end, parts=False)
    buckets.extend(_joint_buckets(session, codes, start, end))
    figures = workload.totals(
        workload.summarize(buckets, today=today, calendar=rules.calendar(session))
    )
    return Board.model_validate(
        {
            "as_of": iso(now),
            **read_replica.staleness(session),
            "items": items[:limit],
            "today": {
                "received": figures.received,
                "completed": figures.completed,
                "completion_rate": (
                    round(figures.completed / figures.received, 4) if figures.received else None
                ),
            },
        }
    )


def _moment_key(text: str | None) -> datetime:
    """An ISO moment as a comparable instant (rows of cases and joint cases merged)."""
    return datetime.fromisoformat(text) if text else datetime.min.replace(tzinfo=CENTER_TZ)


def _joint_buckets(
    session: Session, windows: Windows, start: datetime, end: datetime
) -> list[workload.CaseBucket]:
    """The joint cases received from ``start`` to ``end``, each counted once: completed
    when its last stage is, else in progress."""
    received_on = local_date(session, JointCase.received_at)
    completed_on = local_date(session, JointCase.completed_at)
    query = (
        select(JointCase.window_code, received_on, completed_on, func.count())
        .where(
            JointCase.received_at >= start,
            JointCase.received_at < end,
            JointCase.window_code.in_(windows),
        )
        .group_by(JointCase.window_code, received_on, completed_on)
    )
    return [
        workload.CaseBucket(
            window_code=w,
            status="completed_approved" if c is not None else "in_progress",
            disposition="promised",
            received_on=_as_date(r) or start.date(),
            completed_on=_as_date(c),
            due_date=None,
            count=n,
        )
        for w, r, c, n in session.execute(query)
    ]
