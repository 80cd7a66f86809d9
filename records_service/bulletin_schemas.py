"""Answer model of the weekly and monthly bulletin (通报, issue 19): ``GET /bulletins``.

A row's ``cases`` are the workload dashboard's own figures (``schemas.Figures``, what
``GET /workload`` answers for the same days); the rest is counted from the complaints,
ratings, cards and model windows of the period (``records_service.bulletins``).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from records_service.schemas import Figures, Moment, Public

#: ``2026-W49`` (an ISO week, Monday to Sunday) or ``2026-11`` (a calendar month).
PERIOD_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2})-(W(0[1-9]|[1-4][0-9]|5[0-3])|0[1-9]|1[0-2])$"
Period = Annotated[str, Field(pattern=PERIOD_PATTERN, examples=["2026-W49", "2026-11"])]


class ComplaintFigures(Public):
    """The complaints taken in during the period about a window or department (a
    department's include those about its windows and clerks, and those assigned to it)."""

    received: int
    #: Not yet closed (open, assigned, answered, called back, reopened).
    running: int
    answered: int
    closed: int
    #: Not answered by the due date (or answered after it): escalated in red.
    overdue: int
    reopened: int
    satisfied: int
    basically_satisfied: int
    dissatisfied: int


class RatingFigures(Public):
    """Bad ratings (1 or 2) given during the period and their lead's follow-up."""

    bad: int
    followed_up: int
    #: Not followed up and past the follow-up's due date.
    follow_up_overdue: int


class CardFigures(Public):
    red: int
    yellow: int


class BulletinRow(Public):
    """One window (with its department) or one department, or the total."""

    group: str
    name: str
    department_code: str | None = None
    department: str | None = None
    cases: Figures
    complaints: ComplaintFigures
    ratings: RatingFigures
    cards: CardFigures
    #: A model window (样板窗口) of a month the period falls in (windows only).
    model_window: bool = False


class BulletinCard(Public):
    colour: Literal["red", "yellow"]
    target_kind: Literal["window", "department"]
    target_code: str
    target_name: str
    reason: str
    issued_at: Moment


class BulletinModelWindow(Public):
    month: str
    window_code: str
    name: str
    department: str
    reason: str


class Bulletin(Public):
    """``GET /bulletins?period=``: the week's or month's figures per department and window.

    ``from``/``to`` are the period's first and last day (center time); overdue counts are
    as of ``today`` (the service's day when asked).
    """

    period: str
    kind: Literal["week", "month"]
    from_: date = Field(alias="from")
    to: date
    today: date
    center_code: str
    departments: list[BulletinRow]
    windows: list[BulletinRow]
    total: BulletinRow
    cards: list[BulletinCard]
    model_windows: list[BulletinModelWindow]
