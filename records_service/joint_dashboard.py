"""The lead's stage dashboard of joint cases (issue 16, ``GET /workload/joint``).

Per stage and per department: parts in time, overdue, still open, and the average working
days from the stage's opening to a part's end; per stage the average working days from
its opening to its completion; per joint case the approval time as the reform counts it
(:func:`clerk_app.core.joint.approval_working_days`).

SQL groups the rows (one ``GROUP BY`` over the parts, one over the stages, whatever the
number of joint cases); averages of working days are sums of ``W(end) - W(start)`` with
``W(day)`` the working days from a fixed day, looked up in SQL from a table of the
period's days (a day outside it: counted by day in Python instead). Only the page of
joint cases listed reads its events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    case,
    column,
    false,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from clerk_app.core import joint as rules_joint
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.joint import Suspension, SuspensionKind
from clerk_app.core.lifecycle import TERMINAL
from clerk_app.core.packages import Package
from records_service import joint, joint_views, reach, rules
from records_service.deps import Principal
from records_service.models import Case, CaseEvent, Department, JointCase, JointStage
from records_service.routers.workload import local_date

#: The events that start and end a span the reform leaves out of the approval time.
SPAN_EVENTS = ("suspend", "resume", "request_supplement", "supplement_received")
_KINDS = frozenset(k.value for k in SuspensionKind)
_TERMINAL = tuple(s.value for s in TERMINAL)


def joint_scope(session: Session, principal: Principal) -> ColumnElement[bool]:
    """The joint cases whose figures ``principal`` sees: an admin's centers (their own
    included, as for ``GET /workload``); a lead's center, those with a part of the lead's
    department (the joint cases ``GET /joint-cases/{joint_no}`` lets the lead read)."""
    who = reach.callers(principal)
    if "admin" in who:
        centers = reach.centers_at_and_below(session, principal.center_code)
        return JointCase.center_code.in_(centers)
    if "lead" in who and principal.department_code and principal.center_code:
        mine = select(Case.joint_case_no).where(
            Case.joint_case_no.is_not(None),
            Case.department_code == principal.department_code,
            Case.center_code == principal.center_code,
        )
        return and_(JointCase.center_code == principal.center_code, JointCase.joint_no.in_(mine))
    return false()


class WorkingDayIndex:
    """``W(day)``: working days from a fixed day, so that the working days between two
    days are ``W(b) - W(a)`` (``WorkCalendar.working_days_between``'s ``(a, b]``).

    Days from the anchor on are counted once, forward, as they are asked for.
    """

    def __init__(self, calendar: WorkCalendar, anchor: date) -> None:
        self.calendar, self.anchor = calendar, anchor
        self._upto, self._count = anchor, 0
        self._known: dict[date, int] = {anchor: 0}

    def __call__(self, day: date) -> int:
        known = self._known.get(day)
        if known is not None:
            return known
        if day < self.anchor:
            return -self.calendar.working_days_between(day, self.anchor)
        while self._upto < day:
            self._upto += timedelta(days=1)
            self._count += 1 if self.calendar.is_workday(self._upto) else 0
            self._known[self._upto] = self._count
        return self._known[day]


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass
class _Mean:
    """A mean of working days built from day buckets."""

    count: int = 0
    total: int = 0

    def add(self, days: int, n: int) -> None:
        self.total += days * n

    def value(self) -> float | None:
        return round(self.total / self.count, 1) if self.count else None


@dataclass
class _Department:
    parts: int = 0
    ended: int = 0
    in_time: int = 0
    overdue: int = 0
    mean: _Mean = field(default_factory=_Mean)


@dataclass
class _Stage:
    opened: int = 0
    completed: int = 0
    mean: _Mean = field(default_factory=_Mean)
    departments: dict[str, _Department] = field(default_factory=dict)


class StageFigures:
    """The per-stage and per-department figures of the joint cases matching ``where``."""

    def __init__(
        self,
        session: Session,
        where: list[ColumnElement[bool]],
        today: date,
        index: WorkingDayIndex,
    ) -> None:
        self.session, self.where, self.today, self.index = session, where, today, index
        self.stages: dict[tuple[str, str], _Stage] = defaultdict(_Stage)
        self._w_days: list[int] = []
        self._days: Any = None

    def _stage(self, package: str, stage: str | None) -> _Stage:
        return self.stages[(package, stage or "")]

    def _department(self, package: str, stage: str | None, department: str | None) -> _Department:
        departments = self._stage(package, stage).departments
        return departments.setdefault(department or "", _Department())

    def compute(self) -> StageFigures:
        self._w_days, self._days = self._w_table(), None
        if not self._parts_figures():
            self._part_days()
        if not self._stage_figures():
            self._stage_days()
        return self

    def _w_table(self) -> list[int]:
        """``W(day)`` for every day from the index's anchor to a month past today (or
        past the anchor): looked up in SQL, so that one scan gives the counts and the
        working days at once."""
        last = max(self.today, self.index.anchor) + timedelta(days=31)
        return [self.index(self.index.anchor + timedelta(days=n))
                for n in range((last - self.index.anchor).days + 1)]  # fmt: skip

    def _local_day(self, moment: Any) -> Any:
        """``moment``'s day in the center's zone (``workload.local_date``: on PostgreSQL by
        the fixed UTC+8 offset, not the zone's name looked up per row)."""
        return local_date(self.session, moment)

    def _with_w(self, query: Any, moment: Any, name: str) -> tuple[Any, Any]:
        """``query`` able to give ``W`` of ``moment``'s local day, and that expression
        (NULL for a day the table does not hold). SQLite joins a ``VALUES`` table of the
        days; PostgreSQL indexes an array by the day's distance from the anchor."""
        day = self._local_day(moment)
        if self.session.get_bind().dialect.name == "sqlite":
            if self._days is None:  # one table, written once into the SQL (dates, ints)
                anchor = self.index.anchor
                rows = ", ".join(f"('{anchor + timedelta(days=n)}', {w})"
                                 for n, w in enumerate(self._w_days))  # fmt: skip
                self._days = (
                    text(f"SELECT column1 AS day, column2 AS w FROM (VALUES {rows})")  # noqa: S608 - dates and ints
                    .columns(column("day", String), column("w", Integer))
                    .cte("working_days")
                )
            days = self._days.alias(name)
            return query.outerjoin(days, days.c.day == day), days.c.w
        array = "{" + ",".join(map(str, self._w_days)) + "}"
        w_of = literal_column(f"('{array}'::integer[])", ARRAY(Integer))
        offset = day - literal_column(f"DATE '{self.index.anchor.isoformat()}'")
        return query, w_of[offset + 1]

    def _parts(self) -> Any:
        return (
            select()
            .select_from(Case)
            .join(JointCase, JointCase.joint_no == Case.joint_case_no)
            .where(*self.where, Case.status != "voided")
        )

    def _parts_figures(self) -> bool:
        """Per package, stage and department: parts, ended, in time, overdue, and the
        working days from the stage's opening to each ended part's end; False (nothing
        added) when a day fell outside ``_w_table`` (then ``_part_days`` counts them)."""
        ended = Case.status.in_(_TERMINAL)
        ended_on = self._local_day(Case.completed_at)
        due = Case.due_date
        one = case((ended & due.is_not(None) & (ended_on <= due), 1), else_=0)
        late = case(
            (ended & due.is_not(None) & (ended_on > due), 1),
            (~ended & due.is_not(None) & (due < self.today), 1),
            else_=0,
        )
        timed = ended & Case.completed_at.is_not(None) & JointStage.id.is_not(None)
        keys = (JointCase.package_code, Case.stage, Case.department_code)
        query = self._parts().outerjoin(
            JointStage,
            and_(JointStage.joint_case_id == JointCase.id, JointStage.stage == Case.stage),
        )
        query, end_w = self._with_w(query, Case.completed_at, "end_w")
        query, open_w = self._with_w(query, JointStage.opened_at, "open_w")
        query = query.add_columns(
            *keys,
            func.count(),
            func.sum(case((ended, 1), else_=0)),
            func.sum(one),
            func.sum(late),
            func.sum(case((timed, 1), else_=0)),
            func.sum(case((timed, end_w - open_w), else_=0)),
            func.sum(case((timed & (end_w.is_(None) | open_w.is_(None)), 1), else_=0)),
        ).group_by(*keys)
        rows = self.session.execute(query).all()
        complete = not any(row[-1] for row in rows)
        for package, stage, department, n, n_ended, n_in_time, n_late, n_timed, total, _x in rows:
            figures = self._department(package, stage, department)
            figures.parts += n
            figures.ended += int(n_ended or 0)
            figures.in_time += int(n_in_time or 0)
            figures.overdue += int(n_late or 0)
            if complete:  # else _part_days counts the days of every part
                figures.mean.count += int(n_timed or 0)
                figures.mean.total += int(total or 0)
        return complete

    def _part_days(self) -> None:
        """Working days from the stage's opening to each ended part's end, summed (one
        query per end, grouped by day: for days ``_w_table`` does not hold)."""
        keys = (JointCase.package_code, Case.stage, Case.department_code)
        ended = self._parts().join(
            JointStage,
            and_(JointStage.joint_case_id == JointCase.id, JointStage.stage == Case.stage),
        )
        ended = ended.where(Case.status.in_(_TERMINAL), Case.completed_at.is_not(None))
        for day_of, sign in (
            (local_date(self.session, Case.completed_at), 1),
            (local_date(self.session, JointStage.opened_at), -1),
        ):
            query = ended.add_columns(*keys, day_of, func.count()).group_by(*keys, day_of)
            for package, stage, department, day, n in self.session.execute(query):
                mean = self._department(package, stage, department).mean
                mean.add(sign * self.index(_day(day) or self.today), n)
                if sign > 0:
                    mean.count += n

    def _stages(self) -> Any:
        return (
            select()
            .select_from(JointStage)
            .join(JointCase, JointCase.id == JointStage.joint_case_id)
            .where(*self.where)
        )

    def _stage_figures(self) -> bool:
        """Stages opened and completed, and the working days from opening to completion;
        False (nothing added) when a day fell outside ``_w_table``."""
        done = JointStage.completed_at.is_not(None)
        keys = (JointCase.package_code, JointStage.stage)
        query, end_w = self._with_w(self._stages(), JointStage.completed_at, "end_w")
        query, open_w = self._with_w(query, JointStage.opened_at, "open_w")
        query = query.add_columns(
            *keys,
            func.count(),
            func.count(JointStage.completed_at),
            func.sum(case((done, end_w - open_w), else_=0)),
            func.sum(case((done & (end_w.is_(None) | open_w.is_(None)), 1), else_=0)),
        ).group_by(*keys)
        rows = self.session.execute(query).all()
        if any(row[-1] for row in rows):
            return False
        for package, stage, opened, completed, total, _missing in rows:
            figures = self._stage(package, stage)
            figures.opened += opened
            figures.completed += completed
            figures.mean.count += completed
            figures.mean.total += int(total or 0)
        return True

    def _stage_days(self) -> None:
        """Stages opened and completed, and the working days from opening to completion
        (grouped by day: for days ``_w_table`` does not hold)."""
        base = self._stages()
        keys = (JointCase.package_code, JointStage.stage)
        counts = base.add_columns(*keys, func.count(), func.count(JointStage.completed_at))
        for package, stage, opened, completed in self.session.execute(counts.group_by(*keys)):
            figures = self._stage(package, stage)
            figures.opened += opened
            figures.completed += completed
        done = base.where(JointStage.completed_at.is_not(None))
        for day_of, sign in (
            (local_date(self.session, JointStage.completed_at), 1),
            (local_date(self.session, JointStage.opened_at), -1),
        ):
            query = done.add_columns(*keys, day_of, func.count()).group_by(*keys, day_of)
            for package, stage, day, n in self.session.execute(query):
                mean = self._stage(package, stage).mean
                mean.add(sign * self.index(_day(day) or self.today), n)
                if sign > 0:
                    mean.count += n

    def as_list(
        self, packages: dict[str, Package], departments: dict[str, str]
    ) -> list[dict[str, Any]]:
        """The stages in package and stage order, each with its departments (by code);
        the slowest department of a stage marked where two or more have an average."""

        def order(key: tuple[str, str]) -> tuple[str, int, str]:
            package = packages.get(key[0])
            codes = [s.code for s in package.stages] if package else []
            return (key[0], codes.index(key[1]) if key[1] in codes else len(codes), key[1])

        out = []
        for key in sorted(self.stages, key=order):
            figures = self.stages[key]
            package = packages.get(key[0])
            stage = next((s for s in package.stages if s.code == key[1]), None) if package else None
            means = {code: d.mean.value() for code, d in figures.departments.items()}
            known = [m for m in means.values() if m is not None]
            slowest = max(known) if len(known) >= 2 else None
            out.append(
                {
                    "package_code": key[0],
                    "package_name": package.name if package else None,
                    "stage": key[1],
                    "stage_name": stage.name if stage else None,
                    "time_limit_days": stage.time_limit_days if stage else None,
                    "opened": figures.opened,
                    "completed": figures.completed,
                    "average_days": figures.mean.value(),
                    "departments": [
                        {
                            "department_code": code,
                            "department_name": departments.get(code),
                            "parts": d.parts,
                            "ended": d.ended,
                            "open": d.parts - d.ended,
                            "in_time": d.in_time,
                            "overdue": d.overdue,
                            "average_days": means[code],
                            "slowest": slowest is not None and means[code] == slowest,
                        }
                        for code, d in sorted(figures.departments.items())
                    ],
                }
            )
        return out


def suspensions(events: Iterable[CaseEvent]) -> list[Suspension]:
    """The spans one part's events record, in the kinds the reform leaves out.

    ``suspend`` with ``data.kind`` (a ``suspend`` without one is a special procedure, the
    meaning it has always had; an unknown kind is not left out) until ``resume``;
    ``request_supplement`` until ``supplement_received``: a supplement. A span still open
    runs to the end of the count.
    """
    spans: list[Suspension] = []
    held: dict[str, tuple[date, SuspensionKind]] = {}
    for event in sorted(events, key=lambda e: e.at):
        day = event.at.astimezone(CENTER_TZ).date()
        if event.type == "suspend":
            kind = str((event.data or {}).get("kind") or SuspensionKind.SPECIAL_PROCEDURE.value)
            if kind in _KINDS:
                held["suspend"] = (day, SuspensionKind(kind))
        elif event.type == "request_supplement":
            held["supplement"] = (day, SuspensionKind.SUPPLEMENT)
        elif event.type in ("resume", "supplement_received"):
            slot = "suspend" if event.type == "resume" else "supplement"
            if slot in held:
                start, kind = held.pop(slot)
                spans.append(Suspension(start, day, kind))
    spans.extend(Suspension(start, None, kind) for start, kind in held.values())
    return spans


def projects(
    session: Session,
    joints: list[JointCase],
    packages: dict[str, Package],
    calendar: WorkCalendar,
    today: date,
    index: WorkingDayIndex | None = None,
) -> list[dict[str, Any]]:
    """Each joint case's approval time (``JointProjectFigures``); ``index``: ``W(day)``
    of days from its anchor on (the joint cases' intake days), counted once."""
    numbers = [j.joint_no for j in joints]
    parts: dict[str, list[Any]] = {n: [] for n in numbers}
    if numbers:
        columns = (Case.id, Case.case_no, Case.joint_case_no, Case.stage)
        rows = session.execute(
            select(*columns, Case.department_code, Case.status).where(
                Case.joint_case_no.in_(numbers)
            )
        )
        for row in rows:
            parts[row.joint_case_no].append(row)
    case_ids = {c.id: c.joint_case_no for rows in parts.values() for c in rows}
    events: dict[str, list[CaseEvent]] = defaultdict(list)
    if case_ids:
        found_events = session.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id.in_(list(case_ids)), CaseEvent.type.in_(SPAN_EVENTS)
            )
        )
        for event in found_events:
            events[event.case_id].append(event)
    out = []
    for joint_case in joints:
        package = packages.get(joint_case.package_code)
        mine = parts[joint_case.joint_no]
        found = joint.states(joint_case, package, mine) if package else {}
        current = rules_joint.current_stage(found)
        intake = joint_case.received_at.astimezone(CENTER_TZ).date()
        done = (
            joint_case.completed_at.astimezone(CENTER_TZ).date()
            if joint_case.completed_at
            else None
        )
        end = max(intake, done or today)
        spans = [s for part in mine for s in suspensions(events.get(part.id, ()))]
        if index is not None and intake >= index.anchor:
            gross = index(end) - index(intake)
        else:
            gross = calendar.working_days_between(intake, end)
        counted = rules_joint.approval_working_days(calendar, intake, end, spans)
        out.append(
            {
                "joint_no": joint_case.joint_no,
                "package_code": joint_case.package_code,
                "package_name": package.name if package else None,
                "project_code": joint_case.project_code,
                "received_on": intake.isoformat(),
                "completed_on": done.isoformat() if done else None,
                "current_stage": current,
                "current_stage_name": joint_views.stage_names(package).get(current)
                if current
                else None,
                "working_days": gross,
                "excluded_days": gross - counted,
                "approval_days": counted,
                "complete": done is not None,
            }
        )
    return out


def packages_seen(session: Session, where: list[ColumnElement[bool]]) -> dict[str, Package]:
    """The packages of the joint cases matching ``where`` (each as its newest catalog
    version among them has it)."""
    rows = session.execute(
        select(JointCase.package_code, JointCase.catalog_version)
        .where(*where)
        .group_by(JointCase.package_code, JointCase.catalog_version)
        .order_by(JointCase.catalog_version)
    )
    out: dict[str, Package] = {}
    for code, version in rows:
        view = joint.catalog_view(session, version)
        if view is not None and code in view.packages:
            out[code] = view.packages[code]
    return out


def dashboard(
    session: Session,
    principal: Principal,
    start: datetime,
    end: datetime,
    today: date,
    *,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """Everything ``GET /workload/joint`` answers but its period."""
    where = [
        joint_scope(session, principal),
        JointCase.received_at >= start,
        JointCase.received_at < end,
    ]
    calendar = rules.calendar(session)
    index = WorkingDayIndex(calendar, start.astimezone(CENTER_TZ).date() - timedelta(days=1))
    packages = packages_seen(session, where)
    departments = dict(session.execute(select(Department.code, Department.name)).all())
    stages = StageFigures(session, where, today, index).compute()
    count = session.scalar(select(func.count()).select_from(JointCase).where(*where)) or 0
    joints = session.scalars(
        select(JointCase)
        .where(*where)
        .order_by(JointCase.received_at.desc(), JointCase.joint_no)
        .offset(offset)
        .limit(limit + 1)
    ).all()
    return {
        "joint_cases": count,
        "stages": stages.as_list(packages, departments),
        "projects": projects(session, list(joints[:limit]), packages, calendar, today, index),
        "next": str(offset + limit) if len(joints) > limit else None,
    }
