"""Case lifecycle: statuses, events, and the one table of what may follow what.

Both the client and the records service apply events through :func:`transition`, so the
two can never disagree on a rule. Field corrections and notes are events too, but leave the
status as it is. A case is born ``received``; its first event is the intake decision
(:func:`intake_event`), which gives its first real status (:func:`initial_status`).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from clerk_app.core.calendar import DueDate, WorkCalendar


class Status(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    SUSPENDED = "suspended"
    FORWARDED = "forwarded"
    COMPLETED_APPROVED = "completed_approved"
    COMPLETED_REJECTED = "completed_rejected"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    VOIDED = "voided"
    REVOKED = "revoked"


class EventType(StrEnum):
    RECEIVE = "receive"  # recorded, no decision yet
    ACCEPT = "accept"  # 受理 (即办 or 承诺)
    ACCEPT_DEFERRED = "accept_deferred"  # 容缺受理: accepted, a minor material to follow
    START = "start"  # handling begins (or comes back from a higher level)
    REQUEST_SUPPLEMENT = "request_supplement"  # 补正 / 一次性告知
    SUPPLEMENT_RECEIVED = "supplement_received"
    DEFERRED_SUPPLIED = "deferred_supplied"  # the 容缺 material came
    DEFERRED_LAPSED = "deferred_lapsed"  # it did not come in time: the case ends
    SUSPEND = "suspend"  # hearing, inspection, testing, expert review: clock stops
    RESUME = "resume"
    COMPLETE_APPROVED = "complete_approved"
    COMPLETE_REJECTED = "complete_rejected"
    REFUSE = "refuse"  # 不予受理
    FORWARD = "forward"  # 上报
    WITHDRAW = "withdraw"  # by the applicant
    VOID = "void"  # 作废: taken in by mistake
    REVOKE = "revoke"  # 撤销 an approval
    COMMITMENT_VERIFIED = "commitment_verified"  # 告知承诺核查: the commitment holds
    COMMITMENT_FALSE = "commitment_false"  # 告知承诺核查: found false, the grant is revoked
    CORRECT = "correct"  # field correction, no status change
    NOTE = "note"  # opinion or remark, no status change
    # 联合审批: a department files what its part still needs; the lead window sends one
    # consolidated 一次性告知 for the stage (``request_supplement`` on every part).
    FILE_SUPPLEMENT = "file_supplement"


class Disposition(StrEnum):
    """The intake decision at the window."""

    IMMEDIATE = "immediate"  # 即办
    PROMISED = "promised"  # 承诺
    DEFERRED_MATERIALS = "deferred_materials"  # 容缺受理
    SUPPLEMENT = "supplement"  # 补正 / 一次性告知
    REFUSED = "refused"  # 不予受理
    FORWARDED = "forwarded"  # 上报


class HallGroup(StrEnum):
    """The four words of the hall's big screen."""

    ACCEPTED = "受理"
    IN_PROGRESS = "在办"
    WAITING = "待办"
    COMPLETED = "办结"


class IllegalTransition(Exception):
    """An event the lifecycle does not allow in the case's current status."""

    def __init__(self, current: Status | str, event: EventType | str) -> None:
        self.current = current
        self.event = event
        super().__init__(str(self))

    def __str__(self) -> str:
        current = str(self.current)
        event = str(self.event)
        return f"event '{event}' is not allowed for a case in status '{current}'"


S, E = Status, EventType

# Events that may happen in every open status without changing it.
_KEEP = {E.CORRECT: None, E.NOTE: None}
# 联合审批: a department under review files what its part still needs.
_FILE = {E.FILE_SUPPLEMENT: None}
# Ways out of every open status.
_LEAVE = {E.WITHDRAW: S.WITHDRAWN, E.VOID: S.VOIDED}
_FINISH = {E.COMPLETE_APPROVED: S.COMPLETED_APPROVED, E.COMPLETE_REJECTED: S.COMPLETED_REJECTED}
_DEFERRED = {E.DEFERRED_SUPPLIED: None, E.DEFERRED_LAPSED: S.COMPLETED_REJECTED}
# 告知承诺核查: the department verifies a written commitment while the case is open or after
# the grant; a commitment found false revokes (撤销) what was granted on it.
_VERIFY = {E.COMMITMENT_VERIFIED: None, E.COMMITMENT_FALSE: S.REVOKED}

_RAW: dict[Status, dict[EventType, Status | None]] = {
    S.RECEIVED: {
        E.ACCEPT: S.ACCEPTED,
        E.ACCEPT_DEFERRED: S.ACCEPTED,
        E.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
        E.REFUSE: S.REFUSED,
        E.FORWARD: S.FORWARDED,
        **_LEAVE,
        **_KEEP,
    },
    S.ACCEPTED: {
        E.START: S.IN_PROGRESS,
        E.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
        E.SUSPEND: S.SUSPENDED,
        E.FORWARD: S.FORWARDED,
        **_FINISH,
        **_DEFERRED,
        **_LEAVE,
        **_VERIFY,
        **_FILE,
        **_KEEP,
    },
    S.IN_PROGRESS: {
        E.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
        E.SUSPEND: S.SUSPENDED,
        E.FORWARD: S.FORWARDED,
        **_FINISH,
        **_DEFERRED,
        **_LEAVE,
        **_VERIFY,
        **_FILE,
        **_KEEP,
    },
    S.SUPPLEMENT_REQUESTED: {
        E.SUPPLEMENT_RECEIVED: S.ACCEPTED,
        E.ACCEPT: S.ACCEPTED,
        E.ACCEPT_DEFERRED: S.ACCEPTED,
        E.REFUSE: S.REFUSED,
        **_LEAVE,
        **_KEEP,
    },
    S.SUSPENDED: {
        E.RESUME: S.IN_PROGRESS,
        E.DEFERRED_SUPPLIED: None,
        **_LEAVE,
        **_VERIFY,
        **_KEEP,
    },
    S.FORWARDED: {
        E.START: S.IN_PROGRESS,
        **_FINISH,
        **_LEAVE,
        **_VERIFY,
        **_KEEP,
    },
    S.COMPLETED_APPROVED: {E.REVOKE: S.REVOKED, **_VERIFY},
    S.COMPLETED_REJECTED: {},
    S.REFUSED: {},
    S.WITHDRAWN: {},
    S.VOIDED: {},
    S.REVOKED: {},
}

#: status -> event -> the status after it (None in the raw table means "unchanged").
TRANSITIONS: MappingProxyType[Status, MappingProxyType[EventType, Status]] = MappingProxyType(
    {
        status: MappingProxyType(
            {event: (status if after is None else after) for event, after in events.items()}
        )
        for status, events in _RAW.items()
    }
)
del S, E

#: Statuses a case does not leave (revoking an approval excepted).
TERMINAL: frozenset[Status] = frozenset(
    {
        Status.COMPLETED_APPROVED,
        Status.COMPLETED_REJECTED,
        Status.REFUSED,
        Status.WITHDRAWN,
        Status.VOIDED,
        Status.REVOKED,
    }
)

#: Events that must carry a written reason (note).
NEEDS_REASON: frozenset[EventType] = frozenset(
    {
        EventType.VOID,
        EventType.REVOKE,
        EventType.REFUSE,
        EventType.REQUEST_SUPPLEMENT,
        EventType.SUSPEND,
        EventType.COMPLETE_REJECTED,
        EventType.DEFERRED_LAPSED,
        EventType.CORRECT,
        EventType.COMMITMENT_FALSE,
    }
)

_INTAKE_EVENT: dict[Disposition, EventType] = {
    Disposition.IMMEDIATE: EventType.ACCEPT,
    Disposition.PROMISED: EventType.ACCEPT,
    Disposition.DEFERRED_MATERIALS: EventType.ACCEPT_DEFERRED,
    Disposition.SUPPLEMENT: EventType.REQUEST_SUPPLEMENT,
    Disposition.REFUSED: EventType.REFUSE,
    Disposition.FORWARDED: EventType.FORWARD,
}

#: Hall-screen word for each status; voided and revoked cases are not shown (None).
HALL_GROUP: MappingProxyType[Status, HallGroup | None] = MappingProxyType(
    {
        Status.RECEIVED: HallGroup.ACCEPTED,
        Status.ACCEPTED: HallGroup.ACCEPTED,
        Status.IN_PROGRESS: HallGroup.IN_PROGRESS,
        Status.FORWARDED: HallGroup.IN_PROGRESS,
        Status.SUPPLEMENT_REQUESTED: HallGroup.WAITING,
        Status.SUSPENDED: HallGroup.WAITING,
        Status.COMPLETED_APPROVED: HallGroup.COMPLETED,
        Status.COMPLETED_REJECTED: HallGroup.COMPLETED,
        Status.REFUSED: HallGroup.COMPLETED,
        Status.WITHDRAWN: HallGroup.COMPLETED,
        Status.VOIDED: None,
        Status.REVOKED: None,
    }
)


def transition(status: Status | str, event: EventType | str) -> Status:
    """The status after ``event`` happens to a case in ``status``.

    Raises:
        IllegalTransition: the lifecycle does not allow it (also for unknown values).
    """
    try:
        current = Status(status)
        kind = EventType(event)
    except ValueError:
        raise IllegalTransition(status, event) from None
    after = TRANSITIONS[current].get(kind)
    if after is None:
        raise IllegalTransition(current, kind)
    return after


def allowed_events(status: Status | str) -> frozenset[EventType]:
    """The events a case in ``status`` may receive."""
    return frozenset(TRANSITIONS[Status(status)])


def is_terminal(status: Status | str) -> bool:
    return Status(status) in TERMINAL


def needs_reason(event: EventType | str) -> bool:
    """Whether ``event`` must carry a written reason (a non-empty note)."""
    return EventType(event) in NEEDS_REASON


def intake_event(disposition: Disposition | str) -> EventType:
    """The event that records an intake decision (the case's first event)."""
    return _INTAKE_EVENT[Disposition(disposition)]


def initial_status(disposition: Disposition | str) -> Status:
    """The status a case has right after its intake decision.

    即办 cases start ``accepted`` like 承诺 ones; the window completes them on the spot with
    ``complete_approved``. A 容缺 case is ``accepted`` too: the missing material is a flag
    on the case, not a status.
    """
    return transition(Status.RECEIVED, intake_event(disposition))


def hall_group(status: Status | str, *, waiting_for_materials: bool = False) -> HallGroup | None:
    """Hall-screen word, counting an open case still waiting for a 容缺 material as 待办."""
    current = Status(status)
    group = HALL_GROUP[current]
    if waiting_for_materials and group in (HallGroup.ACCEPTED, HallGroup.IN_PROGRESS):
        return HallGroup.WAITING
    return group


def suspended_working_days(calendar: WorkCalendar, suspended_from: date, resumed_on: date) -> int:
    """Working days a case spent suspended: those after the suspension day up to resumption."""
    if resumed_on < suspended_from:
        raise ValueError("a case cannot resume before it was suspended")
    return calendar.working_days_between(suspended_from, resumed_on)


def extend_due_date(
    calendar: WorkCalendar, due_date: date, suspended_from: date, resumed_on: date
) -> DueDate:
    """The due date pushed back by the working days the case spent suspended.

    Time in a special procedure (hearing, inspection, testing, expert review) does not
    count toward the time limit.
    """
    return calendar.add_working_days(
        due_date, suspended_working_days(calendar, suspended_from, resumed_on)
    )
