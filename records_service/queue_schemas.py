"""Request and answer models of the hall's queue core (issue 18, ``routers.queue``): the
categories, tickets, calls and the public ticket query. Windows, appointments, visit
ratings and the queue dashboard are in ``queue_extra_schemas``.

Requests are strict (unknown fields are refused); every field an answer carries is declared.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import Field, model_validator

from clerk_app.core.queue import PRIORITY_CLASSES
from records_service.schemas import CaseNo, Moment, Public, Strict, Timestamp, WindowCode

#: A ticket number as printed (``A012``); typed numbers are read by
#: ``clerk_app.core.queue.parse_ticket`` (``a12`` is ``A012``), so the pattern is stated
#: for the OpenAPI rather than enforced by the parser.
TypedNumber = Annotated[
    str, Field(min_length=1, max_length=12, json_schema_extra={"pattern": "^[A-Z][0-9]{3}$"})
]
CategoryCode = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")]
#: ``""`` (ordinary), a class every center has (``elderly``, ``disabled``, ``military``) or
#: one the center configures (lower-case letters).
PriorityClass = Annotated[
    str,
    Field(
        max_length=16,
        pattern=r"^[a-z_]*$",
        json_schema_extra={"examples": ["", *PRIORITY_CLASSES]},
    ),
]


class CategoryPublic(Public):
    code: str
    prefix: str
    name: str
    department_code: str | None
    windows: list[str]
    wait_limit_minutes: int
    slot_capacity: int
    daily_limit_per_id: int
    #: Tickets of today waiting for this category.
    waiting: int


class TicketCreate(Strict):
    """``POST /queue/tickets`` from a kiosk; ``id`` equals the Idempotency-Key (a kiosk
    that resends after a lost answer gets the same ticket).

    A ticket printed while the kiosk was cut off carries ``offline_number`` (from the
    kiosk's block, 800–999), ``issued_at`` (when it was printed) and the ``query_code``
    printed on it. The ID number, when read, is hashed at once and never stored.
    """

    id: UUID
    category: CategoryCode
    priority_class: PriorityClass = ""
    id_number: Annotated[str, Field(min_length=1, max_length=32)] | None = None
    appointment_code: Annotated[str, Field(min_length=1, max_length=16)] | None = None
    offline_number: TypedNumber | None = None
    issued_at: Timestamp | None = None
    query_code: Annotated[str, Field(pattern=r"^[0-9]{6}$")] | None = None

    @model_validator(mode="after")
    def _offline_needs_its_time(self) -> TicketCreate:
        if self.offline_number is not None and self.issued_at is None:
            raise ValueError("an offline ticket needs issued_at (when it was printed)")
        return self


class TicketPublic(Public):
    id: str
    number: str
    category: str
    category_name: str
    day: date
    priority_class: str
    appointment_code: str | None
    status: str
    issued_at: Moment
    offline: bool
    kiosk: str
    window_code: str | None
    clerk: str | None
    called_at: Moment | None
    served_at: Moment | None
    finished_at: Moment | None
    recalls: int
    transferred_from: str | None
    case_nos: list[str]


class WindowNow(Public):
    """The caller's window as it stands (``GET /queue/categories`` for a window's clerk or
    desk): a desk restarted during a visit goes on with its ticket and its pause."""

    window_code: str
    #: The ticket called to the window and not yet finished or passed on (None: idle).
    serving: TicketPublic | None
    paused: bool
    #: The open pause's reason (None when not paused).
    pause_reason: str | None


class CategoryList(Public):
    as_of: Moment
    items: list[CategoryPublic]
    #: The caller's window now; only for a window's clerk or desk (else None).
    window: WindowNow | None = None


class TicketIssued(Public):
    ticket: TicketPublic
    #: Tickets of the category called before this one as things stand (priority tickets
    #: and appointments may still come before it).
    people_ahead: int
    query_code: str


class NextCall(Strict):
    """``POST /queue/next``: the window's next ticket by the priority rule, or the ticket
    ``number`` typed at the window (e.g. one printed offline). ``window`` defaults to the
    caller's own, and may only name it."""

    window: WindowCode | None = None
    number: TypedNumber | None = None


class CallPublic(Public):
    id: int
    number: str
    window_code: str
    called_at: Moment
    kind: str


class CallAnswer(Public):
    ticket: TicketPublic
    call: CallPublic


class TicketAnswer(Public):
    ticket: TicketPublic


class TransferCreate(Strict):
    """Send the ticket on to another category or window; it keeps its place (its issue
    time) and gets a number of the category it joins."""

    category: CategoryCode | None = None
    window: WindowCode | None = None

    @model_validator(mode="after")
    def _somewhere(self) -> TransferCreate:
        if self.category is None and self.window is None:
            raise ValueError("name the category or the window to transfer to")
        return self


class TransferAnswer(Public):
    #: The new ticket (waiting, numbered in its category).
    ticket: TicketPublic
    #: The ticket transferred, now ``transferred``.
    transferred: TicketPublic


class FinishCreate(Strict):
    #: The cases served in the visit (may be none).
    case_nos: Annotated[list[CaseNo], Field(max_length=50, default_factory=list)]


class CallList(Public):
    #: Calls after ``after`` (without it: today's latest), oldest first.
    items: list[CallPublic]
    #: The cursor of the next poll (the last call's place in the feed, ``queue_calls.pos``,
    #: or ``after`` when none came).
    next: int


class TicketStatus(Public):
    """The public view of a ticket (``GET /queue/tickets/{no}?code=``): nothing personal."""

    number: str
    category_name: str
    status: str
    issued_at: Moment
    #: Waiting: the tickets of the category called before it as things stand.
    people_ahead: int | None
    window_code: str | None
    called_at: Moment | None
    #: Transferred: the number it goes on under.
    transferred_to: str | None
