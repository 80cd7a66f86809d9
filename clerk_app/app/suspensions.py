"""Why a case's clock stops: the kinds of suspension the case detail offers (issue 16).

An ordinary case is suspended for one of the special procedures of the licensing law
(:data:`CASE_KINDS`: hearing, on-site inspection, testing, expert review). A part of a joint
case is suspended for one of the reasons the construction-approval reform leaves out of a
project's approval time (:data:`PART_KINDS`, values of
:class:`clerk_app.core.joint.SuspensionKind`: 中介服务, 技术审查, 公示, 特殊程序). The kind
travels in the ``suspend`` event's ``data.kind``, which the records service's joint
dashboard (``GET /workload/joint``) reads to leave the span out of the project's approval
days. Waiting on the applicant (``supplement``) is not offered: a part's supplement goes
through its stage's one consolidated notice (``app.joint_work``).

Resuming needs nothing more: ``resume`` closes the span whatever its kind
(``app.case_actions.event_data`` moves the part's due date by the days suspended).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.core.event_data import SuspendData
from clerk_app.core.joint import SuspensionKind
from clerk_app.core.lifecycle import EventType, Status

if TYPE_CHECKING:
    from clerk_app.core.records import Case

#: The special procedures an ordinary case is suspended for (time not counted).
CASE_KINDS: tuple[str, ...] = ("hearing", "inspection", "testing", "expert_review")

#: What a part of a joint case is suspended for: each left out of the approval time.
PART_KINDS: tuple[str, ...] = (
    SuspensionKind.INTERMEDIARY.value,
    SuspensionKind.TECHNICAL_REVIEW.value,
    SuspensionKind.PUBLIC_NOTICE.value,
    SuspensionKind.SPECIAL_PROCEDURE.value,
)


class SuspensionKindError(ValueError):
    """A suspension kind the case does not take (names it); nothing is written."""


def suspend_kinds(case: Case | None) -> tuple[str, ...]:
    """The kinds the case detail offers for suspending ``case``, the usual first."""
    if case is not None and case.joint_case_no:
        return PART_KINDS
    return CASE_KINDS


def check_suspend_kind(case: Case, kind: str) -> str:
    """``kind`` when ``case`` may be suspended for it.

    An ordinary case may also be suspended without a kind (as it always could); a part
    always names one, so that the dashboard knows whether the span counts.

    Raises:
        SuspensionKindError: no kind for a part, or one not offered for the case.
    """
    kind = kind.strip()
    if not kind and not case.joint_case_no:
        return kind
    if kind not in suspend_kinds(case):
        what = "a part of a joint case" if case.joint_case_no else "a case"
        raise SuspensionKindError(f"{kind or 'no kind'} is not a suspension kind of {what}")
    return kind


def current_suspension(case: Case) -> SuspendData | None:
    """What the suspended ``case`` waits on (its latest ``suspend`` event's data); None when
    it is not suspended now."""
    if case.status is not Status.SUSPENDED:
        return None
    event = case.last_event(EventType.SUSPEND)
    if event is None:
        return None
    return event.data if isinstance(event.data, SuspendData) else SuspendData()
