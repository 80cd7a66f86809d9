"""Request and answer models of complaints (投诉) and supervision (督查: warning cards and
model windows), issue 19; see ``records_service.complaints``.

Requests are strict (unknown fields are refused); every field an answer carries is declared.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from records_service.schemas import Moment, Public, Strict

Channel = Literal["in_person", "phone", "letter", "website", "hotline", "rating"]
AboutKind = Literal["window", "department", "clerk", "case", "hall"]
Category = Literal["attitude", "delay", "extra_materials", "fees", "misconduct", "other"]
Status = Literal["open", "assigned", "answered", "called_back", "closed", "reopened"]
Satisfaction = Literal["satisfied", "basically_satisfied", "dissatisfied"]
EventKind = Literal[
    "taken", "assigned", "answered", "called_back", "closed", "reopened", "escalated"
]
#: A complaint number: ``TS-{center}-{yyyymmdd}-{seq:04d}``.
ComplaintNo = Annotated[str, Field(min_length=1, max_length=40)]
#: A calendar month of the center: ``2026-12``.
Month = Annotated[str, Field(pattern=r"^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])$")]
Code = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
Note = Annotated[str, Field(max_length=2000)]
LinkNo = Annotated[str, Field(min_length=1, max_length=40)]


class ComplaintCreate(Strict):
    """``POST /complaints``: a complaint taken in at the complaints desk.

    ``about_kind`` names what it is about and the matching ``about_*`` field is required:
    ``window`` → ``about_window``, ``department`` → ``about_department``, ``clerk`` →
    ``about_clerk`` (a user name), ``case`` → ``about_case_no``; ``hall`` needs none.
    Raised from a bad rating: ``channel`` ``rating`` with ``rating_id`` (what it is about
    comes from the rating: its case, window and clerk). Anonymous: no name (a contact for
    the call-back may still be left).
    """

    channel: Channel
    anonymous: bool = False
    complainant_name: Annotated[str, Field(max_length=100)] = ""
    complainant_contact: Annotated[str, Field(max_length=100)] = ""
    about_kind: AboutKind
    about_window: Code | None = None
    about_department: Code | None = None
    about_clerk: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    about_case_no: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    category: Category
    account: Text
    rating_id: Annotated[str, Field(min_length=1, max_length=36)] | None = None
    hotline_order_no: Annotated[str, Field(min_length=1, max_length=64)] | None = None


class ComplaintAssign(Strict):
    """``POST /complaints/{no}/assign``: the department that answers; the deadline is
    counted in working days of the category from today."""

    department_code: Code
    note: Note = ""


class ComplaintAnswer(Strict):
    """``POST /complaints/{no}/answer``: the department's answer (处理结果)."""

    answer: Text


class ComplaintCallback(Strict):
    """``POST /complaints/{no}/callback``: the supervisor's call-back (回访)."""

    satisfaction: Satisfaction
    note: Note = ""


class ComplaintNote(Strict):
    """``POST /complaints/{no}/close`` and ``/reopen`` (a reopen says why)."""

    note: Note = ""


class ComplaintEventPublic(Public):
    kind: EventKind
    at: Moment
    by: str
    data: dict[str, str | int | bool | None]


class ComplaintPublic(Public):
    """A complaint. ``complainant_contact`` is masked except for the supervisor reading the
    complaint itself; ``escalated``: overdue (not answered by ``due_date``, or answered
    after it), shown red (``flag``)."""

    no: str
    channel: Channel
    anonymous: bool
    complainant_name: str
    complainant_contact: str
    about_kind: AboutKind
    about_window: str | None
    about_department: str | None
    about_clerk: str | None
    about_case_no: str | None
    category: Category
    account: str
    department_code: str | None
    due_date: date | None
    status: Status
    reopened: bool
    answer: str | None
    answered_at: Moment | None
    answered_by: str | None
    satisfaction: Satisfaction | None
    callback_note: str | None
    escalated: bool
    flag: Literal["red"] | None
    closed_at: Moment | None
    rating_id: str | None
    hotline_order_no: str | None
    created_by: str
    created_at: Moment
    updated_at: Moment
    version: int
    events: list[ComplaintEventPublic] | None = None


class ComplaintAnswerBody(Public):
    complaint: ComplaintPublic


class ComplaintList(Public):
    """``GET /complaints``: the complaints the caller sees, escalated ones first."""

    today: date
    items: list[ComplaintPublic]


# --- supervision: warning cards and model windows -----------------------------------------


class CardLinks(Strict):
    """What a card is about: case numbers, complaint numbers and rating ids (each must
    exist in the center)."""

    cases: Annotated[list[LinkNo], Field(max_length=50, default_factory=list)]
    complaints: Annotated[list[LinkNo], Field(max_length=50, default_factory=list)]
    ratings: Annotated[list[LinkNo], Field(max_length=50, default_factory=list)]


class CardCreate(Strict):
    """``POST /cards``: a red or yellow card (红牌/黄牌) to a window or a department."""

    colour: Literal["red", "yellow"]
    target_kind: Literal["window", "department"]
    target_code: Code
    reason: Text
    links: Annotated[CardLinks, Field(default_factory=CardLinks)]


class CardLinksPublic(Public):
    cases: list[str]
    complaints: list[str]
    ratings: list[str]


class CardPublic(Public):
    id: int
    colour: Literal["red", "yellow"]
    target_kind: Literal["window", "department"]
    target_code: str
    reason: str
    links: CardLinksPublic
    issued_at: Moment
    by: str
    month: str


class CardAnswer(Public):
    card: CardPublic


class CardList(Public):
    items: list[CardPublic]


class ModelWindowCreate(Strict):
    """``POST /model-windows``: a window held up as 样板窗口 for a month."""

    month: Month
    window_code: Code
    reason: Text


class ModelWindowPublic(Public):
    id: int
    month: str
    window_code: str
    reason: str
    by: str
    at: Moment


class ModelWindowAnswer(Public):
    model_window: ModelWindowPublic


class ModelWindowList(Public):
    items: list[ModelWindowPublic]
