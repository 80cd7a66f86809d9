"""Answer models of the center-side views of joint cases (issue 16): the public progress
query of a joint number, and the lead's stage dashboard (``GET /workload/joint``)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, RootModel

from records_service.presubmission_schemas import PresubmissionProgress
from records_service.schemas import Moment, Progress, Public, ReadFreshness

HallWord = Literal["受理", "在办", "待办", "办结"]


class JointProgressStage(Public):
    """A stage as the applicant sees it."""

    code: str
    name: str
    state: Literal["waiting", "open", "complete"]
    due_date: date | None


class JointProgressPart(Public):
    """A part as the applicant sees it: the item, its department, the hall word, when due."""

    item_code: str
    item_name: str | None
    stage: str
    department_code: str | None
    department_name: str | None
    hall_group: HallWord | None
    due_date: date | None


class JointProgress(ReadFreshness):
    """``GET /progress/{joint_no}``: the applicant's public view of a joint case — no name
    but the masked one, no ID or phone number, no part's number."""

    joint_no: str
    package_code: str
    package_name: str | None
    status: Literal["in_progress", "completed"]
    hall_group: HallWord
    current_stage: str | None
    current_stage_name: str | None
    applicant: str
    received_at: Moment
    completed_at: Moment | None
    stages: list[JointProgressStage]
    parts: list[JointProgressPart]


class ProgressAnswer(RootModel[Progress | JointProgress | PresubmissionProgress]):
    """``GET /progress/{number}``: a case's ``Progress``, or a joint case's
    ``JointProgress`` (it has ``joint_no`` where a case has ``case_no``), or a
    pre-submission's not yet taken in, ``PresubmissionProgress`` (``presubmission_no``)."""


class JointDepartmentFigures(Public):
    """One department's parts of one stage (of the joint cases received in the period).

    ``in_time``: ended on or before their due date; ``overdue``: ended after it, or still
    open past it today; ``average_days``: working days from the stage's opening to the
    part's end, over the ended parts (None before the first). ``slowest``: the highest
    average of the stage (every department tied at it).
    """

    department_code: str
    department_name: str | None
    parts: int
    ended: int
    open: int
    in_time: int
    overdue: int
    average_days: float | None
    slowest: bool


class JointStageFigures(Public):
    """One stage of one package: how long it took (opening to completion, working days,
    over the completed ones) and its departments."""

    package_code: str
    package_name: str | None
    stage: str
    stage_name: str | None
    time_limit_days: int | None
    opened: int
    completed: int
    average_days: float | None
    departments: list[JointDepartmentFigures]


class JointProjectFigures(Public):
    """One joint case's approval time as the reform counts it.

    ``working_days``: intake to the end of the last stage (today while it runs);
    ``excluded_days``: the working days any part waited for a supplement, an intermediary
    service, a technical review, a public notice or a special procedure (counted once);
    ``approval_days`` = ``working_days`` - ``excluded_days``.
    """

    joint_no: str
    package_code: str
    package_name: str | None
    project_code: str | None
    received_on: date
    completed_on: date | None
    current_stage: str | None
    current_stage_name: str | None
    working_days: int
    excluded_days: int
    approval_days: int
    complete: bool


class JointDashboard(Public):
    """``GET /workload/joint``: the joint cases received from ``from`` to ``to``."""

    from_: date = Field(alias="from")
    to: date
    today: date
    joint_cases: int
    stages: list[JointStageFigures]
    projects: list[JointProjectFigures]
    next: str | None


__all__ = [
    "JointDashboard",
    "JointDepartmentFigures",
    "JointProgress",
    "JointProgressPart",
    "JointProgressStage",
    "JointProjectFigures",
    "JointStageFigures",
    "ProgressAnswer",
]
