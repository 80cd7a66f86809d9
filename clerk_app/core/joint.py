"""Joint cases (联合审批, 一件事): the rules both the desk and the records service apply.

A joint case is one application taken in at one window for a catalog
:class:`~clerk_app.core.packages.Package`. Each item of it is a *part*: an ordinary case
(its own number, item, department, due date, lifecycle, events) linked by
``joint_case_no`` and ``stage``. The joint number comes from the intake window's own case
sequence, like a case number, so a joint intake needs no link to the center.

What follows from the parts:

- a stage is *open* when it is the first that applies, when the stage before it is
  complete, or when its lead department opened it early (an event); its parts may be
  worked only while it is open;
- a stage is *complete* when every part of it has ended (:data:`lifecycle.TERMINAL`);
- the joint case is complete when its last stage is;
- the approval time the reform counts (:func:`approval_working_days`) runs from intake to
  the end of the last stage, minus the working days any part of the case was suspended
  for a reason the reform excludes (supplements, intermediary services, technical reviews,
  public notice, special procedures), overlapping suspensions counted once.

Pure: no I/O, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk_app.core.calendar import DueDate, WorkCalendar
from clerk_app.core.catalog import Catalog
from clerk_app.core.lifecycle import TERMINAL, Status
from clerk_app.core.packages import Package, Stage

#: 项目代码 of the national investment project platform: year, division, industry, kind,
#: serial — e.g. ``2026-130502-48-01-000123``.
_PROJECT_CODE = re.compile(r"\d{4}-\d{6}-\d{2}-\d{2}-\d{6}")


class SuspensionKind(StrEnum):
    """Why a part's clock stopped; each is left out of the approval time."""

    SUPPLEMENT = "supplement"  # waiting on the applicant (consolidated 一次性告知)
    INTERMEDIARY = "intermediary"  # 中介服务
    TECHNICAL_REVIEW = "technical_review"  # 技术审查
    PUBLIC_NOTICE = "public_notice"  # 公示
    SPECIAL_PROCEDURE = "special_procedure"  # 特别程序 (hearing, expert review…)


class StageState(StrEnum):
    WAITING = "waiting"  # the stage before it is not complete yet
    OPEN = "open"
    COMPLETE = "complete"


def check_project_code(text: str) -> str:
    """The project code, stripped; ValueError if it is not ``YYYY-XXXXXX-XX-XX-XXXXXX``."""
    code = text.strip() if isinstance(text, str) else ""
    if not _PROJECT_CODE.fullmatch(code):
        raise ValueError("a project code has the form 2026-130502-48-01-000123")
    return code


@dataclass(frozen=True)
class PlannedPart:
    """A part a joint intake creates: which stage, which item, which department."""

    stage: str
    item: str
    department: str


def plan_parts(
    package: Package, catalog: Catalog, project_type: str | None = None
) -> list[PlannedPart]:
    """The parts a joint case of ``package`` has, in stage order.

    Raises:
        ValueError: a project without a type, or with a type the package does not serve.
        KeyError: an item the catalog no longer has (names it).
    """
    if package.kind == "project":
        if project_type not in package.project_types:
            raise ValueError(f"project type {project_type!r} is not one of this project's")
    elif project_type is not None:
        raise ValueError("a package (一件事) has no project type")
    return [
        PlannedPart(stage.code, part.item, catalog.item(part.item).department)
        for stage in package.stages_for(project_type)
        for part in stage.parts_for(project_type)
    ]


def part_materials(
    package: Package,
    catalog: Catalog,
    item_code: str,
    combined: Mapping[str, bool],
    own: Mapping[str, bool],
) -> dict[str, bool]:
    """``item material code -> received`` of one part.

    A material the combined list collects takes its state from ``combined`` (by combined
    code); the item's other materials from ``own`` (by the item's code); one given in
    neither is not received.
    """
    covered = package.covered(item_code)
    out: dict[str, bool] = {}
    for material in catalog.item(item_code).materials:
        if material.code in covered:
            out[material.code] = bool(combined.get(covered[material.code], False))
        else:
            out[material.code] = bool(own.get(material.code, False))
    return out


@dataclass(frozen=True)
class PartState:
    """What the stage rules need to know of one part."""

    case_no: str
    stage: str
    department: str
    status: Status


def stage_states(
    package: Package,
    project_type: str | None,
    parts: Iterable[PartState],
    opened_early: Iterable[str] = (),
) -> dict[str, StageState]:
    """The state of every stage that applies, in order (see the module docstring)."""
    by_stage: dict[str, list[PartState]] = {}
    for part in parts:
        by_stage.setdefault(part.stage, []).append(part)
    early = set(opened_early)
    states: dict[str, StageState] = {}
    before_complete = True
    for stage in package.stages_for(project_type):
        mine = by_stage.get(stage.code, [])
        complete = bool(mine) and all(p.status in TERMINAL for p in mine)
        if complete and (before_complete or stage.code in early):
            states[stage.code] = StageState.COMPLETE
        elif before_complete or stage.code in early:
            states[stage.code] = StageState.OPEN
        else:
            states[stage.code] = StageState.WAITING
        before_complete = states[stage.code] is StageState.COMPLETE
    return states


def current_stage(states: Mapping[str, StageState]) -> str | None:
    """The first stage not complete (None when every stage is)."""
    return next((code for code, state in states.items() if state is not StageState.COMPLETE), None)


def is_complete(states: Mapping[str, StageState]) -> bool:
    return bool(states) and all(s is StageState.COMPLETE for s in states.values())


def stage_due(calendar: WorkCalendar, opened: date, stage: Stage) -> DueDate:
    """When a stage opened on ``opened`` is due: its time limit in working days."""
    return calendar.add_working_days(opened, stage.time_limit_days)


def review_closes(calendar: WorkCalendar, opened: date, stage: Stage) -> date:
    """The last day departments may file what they need of a stage opened on ``opened``."""
    return calendar.add_working_days(opened, stage.review_days).date


def consolidation_due(
    closes: date, today: date, filed: Iterable[str], departments: Iterable[str]
) -> bool:
    """Whether the consolidated 一次性告知 of a stage goes out now: its review window has
    closed, or every department with a part there has filed."""
    return today > closes or set(departments) <= set(filed)


@dataclass(frozen=True)
class Suspension:
    """A part's clock stopped from ``start`` to ``end`` (None: still suspended)."""

    start: date
    end: date | None
    kind: SuspensionKind


def _merged(spans: Sequence[tuple[date, date]]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def approval_working_days(
    calendar: WorkCalendar, intake: date, end: date, suspensions: Iterable[Suspension]
) -> int:
    """Working days from ``intake`` to ``end`` as the reform counts them.

    A suspension covers the working days in ``(start, end]`` (the day it began counts as
    worked, the day it ended as waiting); an open one runs to ``end``. Overlapping
    suspensions (two departments waiting on the same supplement) count once.
    """
    total = calendar.working_days_between(intake, end)
    spans = [
        (max(s.start, intake), min(s.end or end, end))
        for s in suspensions
        if (s.end or end) > intake and s.start < end
    ]
    waiting = sum(calendar.working_days_between(a, b) for a, b in _merged(spans) if b > a)
    return max(0, total - waiting)
