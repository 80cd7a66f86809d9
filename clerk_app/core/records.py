"""The typed records every layer passes around: a case, its parties, materials and events,
and the documents issued for it.

Frozen dataclasses with real ``date``/``datetime`` values, the enums of
:mod:`clerk_app.core.lifecycle` and money as integer fen. There is no JSON here: the wire
format of the records service is made and read only in :mod:`clerk_app.remote.wire`, the
local database's columns only in :mod:`clerk_app.store`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from clerk_app.core.event_data import EventData
from clerk_app.core.identity import IdType
from clerk_app.core.lifecycle import Disposition, EventType, Status


class PartyKind(StrEnum):
    """An applicant is a person (自然人) or an organization (法人); an agent is a person."""

    PERSON = "person"
    ORGANIZATION = "organization"


class ServerState(StrEnum):
    """Whether the records service has a case this desk keeps."""

    PENDING = "pending"  # taken in here, not yet on the service
    SYNCED = "synced"  # the service has it
    REJECTED = "rejected"  # the service refused its creation


@dataclass(frozen=True, slots=True)
class Party:
    """An applicant or an agent, as recorded on a case (normalized, checked).

    ``legal_representative`` and ``contact_name`` are an organization's; empty for a person.
    """

    kind: PartyKind
    name: str
    id_type: IdType
    id_number: str
    phone: str = ""
    legal_representative: str = ""
    contact_name: str = ""
    address: str = ""

    @property
    def is_organization(self) -> bool:
        return self.kind is PartyKind.ORGANIZATION


@dataclass(frozen=True, slots=True)
class MaterialLine:
    """What the window did with one material of the item's list (容缺: ``deferred``;
    告知承诺: ``by_commitment``, a certificate replaced by the applicant's written commitment)."""

    code: str
    received: bool
    deferred: bool = False
    copies: int = 1
    note: str = ""
    by_commitment: bool = False


@dataclass(frozen=True)
class CaseEvent:
    """One lifecycle event of a case.

    ``data`` is what the event records besides its type (:mod:`clerk_app.core.event_data`:
    the intake decision's facts on the first event, a suspension's kind and day, …), None
    for an event that records nothing more.
    """

    id: str
    type: EventType
    at: datetime
    actor: str | None = None
    note: str = ""
    data: EventData | None = None


@dataclass(frozen=True)
class ForwardedTo:
    """上报 between levels (issue 20): the case a case was forwarded to at the center above,
    as the records service last said (its number, center, status and when it ended)."""

    case_no: str
    center_code: str
    status: Status
    completed_at: datetime | None = None


@dataclass(frozen=True)
class Case:
    """A case: what was taken in at the window, its status and its events, oldest first.

    The first event is the intake decision (``first_event``). ``server_state`` says whether
    the records service has the case yet (kept by the desk's store).
    """

    id: str
    case_no: str
    query_code: str
    item_code: str
    window_code: str
    catalog_version: str
    applicant: Party
    agent: Party | None
    materials: tuple[MaterialLine, ...]
    disposition: Disposition
    status: Status
    received_at: datetime
    due_date: date | None
    due_date_provisional: bool
    fee_fen: int
    clerk: str
    events: tuple[CaseEvent, ...] = ()
    server_state: ServerState = ServerState.PENDING
    #: A part of a joint case (联合审批, issue 16): the joint number, the stage, and the
    #: department the part is assigned to; empty for an ordinary case.
    joint_case_no: str = ""
    stage: str = ""
    department_code: str = ""
    #: 上报 to a center above on the service: its linked case (None: none, or not known yet).
    forwarded_to: ForwardedTo | None = None

    @property
    def first_event(self) -> CaseEvent | None:
        """The intake decision (the case's first event), when the events are loaded."""
        return self.events[0] if self.events else None

    def last_event(self, *types: EventType) -> CaseEvent | None:
        """The newest event of one of ``types`` (of any type when none are named)."""
        for event in reversed(self.events):
            if not types or event.type in types:
                return event
        return None


@dataclass(frozen=True)
class JointCase:
    """A joint case (联合审批 / 一件事, issue 16): one application for a catalog package,
    taken in at one window; each item of it is a part, an ordinary :class:`Case` naming
    ``joint_no`` (``Case.joint_case_no``) and its stage. ``materials`` are the combined
    materials (一套材料) by the package's material codes."""

    id: str
    joint_no: str
    query_code: str
    package_code: str
    window_code: str
    catalog_version: str
    applicant: Party
    agent: Party | None
    materials: tuple[MaterialLine, ...]
    received_at: datetime
    clerk: str
    parts: tuple[Case, ...]
    project_type: str | None = None
    project_code: str = ""
    server_state: ServerState = ServerState.PENDING


@dataclass(frozen=True)
class DocumentRecord:
    """A document issued (or reprinted) for a case, as recorded with the records service."""

    id: str
    case_no: str
    kind: str
    document_no: str
    sha256: str
    issued_at: datetime
    clerk: str
    reprint: bool = False
    #: A joint case's document (issue 16): its joint number ("" for a case's own).
    joint_no: str = ""


@dataclass(frozen=True)
class Rating:
    """The applicant's 好差评 of a case: a score of 1 (very bad) to 5 (very good).

    Raises (on creation):
        ValueError: the score is not 1..5.
    """

    id: str
    case_no: str
    score: int
    rated_at: datetime
    clerk: str
    comment: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.score, bool) or not 1 <= self.score <= 5:
            raise ValueError(f"a rating is 1..5, not {self.score}")


#: The facts an audit record names besides its action (values: text, counts, names).
AuditDetail = Mapping[str, str | int | tuple[str, ...]]


@dataclass(frozen=True)
class ClientEvent:
    """An audit record made on the desk for the service's audit trail: who did what to
    which target (``id.unmask``, ``offline_signin``, ``outbox.void``, ``conflict.*`` …)."""

    id: str
    action: str
    actor: str
    at: datetime
    target: str = ""
    result: str = "ok"
    detail: AuditDetail = field(default_factory=dict)


@dataclass(frozen=True)
class BoardEntry:
    """One of today's cases on the hall's board (``GET /board``), the applicant as the
    service shows it to the hall (masked). A joint case is one entry (``joint``): its
    number, its package as the item, ``stage_name`` its current stage ("" when done)."""

    case_no: str
    window_code: str
    item_code: str
    item_name: str
    applicant: str
    hall_group: str
    updated_at: datetime | None = None
    joint: bool = False
    stage_name: str = ""


@dataclass(frozen=True)
class Board:
    """The hall's board at ``as_of`` (the service's time): today's cases, newest change
    first, and today's totals (``completion_rate`` in 0..1, None before the first case)."""

    as_of: datetime
    entries: tuple[BoardEntry, ...] = ()
    received: int = 0
    completed: int = 0
    #: Read off the primary (issue 20): how far the service's read replica is behind,
    #: given only past the service's limit; None otherwise.
    behind_seconds: int | None = None
    completion_rate: float | None = None


@dataclass(frozen=True)
class Progress:
    """A case as the applicant's progress lookup (办件查询) shows it: no ID or phone number,
    the applicant's name as public screens show it (a person's masked)."""

    case_no: str
    status: Status
    item_code: str
    item_name: str
    applicant: str
    received_at: datetime
    due_date: date | None = None
    completed_at: datetime | None = None
    #: The moment the center's answer is as of (None: this desk's own record), and how
    #: far the service's read replica is behind past its limit (issue 20).
    as_of: datetime | None = None
    behind_seconds: int | None = None


@dataclass(frozen=True)
class JointProgressStage:
    """A stage of a joint case as the applicant's lookup shows it: ``state`` is
    ``waiting``, ``open`` or ``complete`` (``core.joint.StageState``), ``due_date`` set once
    the stage has opened."""

    code: str
    name: str
    state: str
    due_date: date | None = None


@dataclass(frozen=True)
class JointProgressPart:
    """A part of a joint case as the applicant's lookup shows it: the item, its department,
    its hall word (受理/在办/待办/办结, "" when the center gives none) and its due date
    (None until its stage opens). No part's number: the applicant has the joint one."""

    item_code: str
    item_name: str
    stage: str
    department_code: str
    department_name: str
    hall_group: str
    due_date: date | None = None


@dataclass(frozen=True)
class JointProgress:
    """A joint case (联合审批 / 一件事, issue 16) as the applicant's progress lookup shows
    it: its package, status (``in_progress`` or ``completed``), hall word, current stage,
    every stage and part; the applicant's name as public screens show it."""

    joint_no: str
    package_code: str
    package_name: str
    status: str
    hall_group: str
    current_stage: str
    current_stage_name: str
    applicant: str
    received_at: datetime
    completed_at: datetime | None = None
    stages: tuple[JointProgressStage, ...] = ()
    parts: tuple[JointProgressPart, ...] = ()
    #: As :class:`Progress` (issue 20).
    as_of: datetime | None = None
    behind_seconds: int | None = None
