"""What a case event records besides its type and time: typed, per kind of event.

The first event of a case is the intake decision; its data is a :class:`DecisionData`
(即办 / 承诺), or one of its kinds: :class:`DeferredDecision` (容缺: what follows and by
when), :class:`SupplementDecision` (补正: everything missing and the legal basis),
:class:`RefusalDecision` (不予受理: reasons and legal basis), :class:`ForwardDecision` (上报:
authority, reason, expected by). The clerk's later actions record :class:`SuspendData`,
:class:`ResumeData`, :class:`SupplementRequest`, :class:`CorrectionData`,
:class:`ForwardData` (上报 of a case already taken in) and :class:`VerificationData`
(告知承诺核查); a ``note`` the service writes may carry a
:class:`WaiverApproval` (a lead approved a fee waiver); other events record nothing
(``None``). A decision taken on the applicant's written commitment carries a
:class:`CommitmentRecord`.

:func:`data_type` says which record an event of a type carries. There is no JSON here: the
wire form is made and read only in :mod:`clerk_app.remote.wire`, the local database's in
:mod:`clerk_app.store.case_rows`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeAlias

from clerk_app.core.lifecycle import EventType


class FeeState(StrEnum):
    """收费状态 recorded with the intake decision."""

    UNPAID = "unpaid"
    PAID = "paid"
    WAIVED = "waived"


class MaterialForm(StrEnum):
    """How a material was handed in, when the clerk said so."""

    ORIGINAL = "original"
    COPY = "copy"


@dataclass(frozen=True, slots=True)
class MaterialNeed:
    """A material the applicant still has to bring, and what it must be (in Chinese).

    ``code`` is the item's material code; empty when the clerk named the material freely
    (a supplement requested after intake).
    """

    name: str
    requirement: str
    code: str = ""


@dataclass(frozen=True, kw_only=True)
class CommitmentRecord:
    """告知承诺 at intake: what the applicant's written commitment stands in for.

    ``materials``: the certificates (证明事项) replaced by the commitment; ``whole_item``:
    the item granted wholesale on the commitment. ``credit_checked``: the clerk checked the
    serious-dishonesty list (严重失信) and the applicant is not on it. ``verify_by``: the
    department's verification (核查) deadline, in working days from intake.
    """

    materials: tuple[MaterialNeed, ...] = ()
    whole_item: bool = False
    credit_checked: bool = False
    verify_by: date | None = None
    verify_by_provisional: bool = False


@dataclass(frozen=True, kw_only=True)
class DecisionData:
    """The intake decision of a 即办 or 承诺 case (and the fields every decision has)."""

    fee_state: FeeState = FeeState.UNPAID
    #: Material code → original or copy, for the materials the clerk marked.
    received_as: Mapping[str, MaterialForm] = field(default_factory=dict)
    #: 告知承诺: what the applicant's commitment replaces (None: no commitment).
    commitment: CommitmentRecord | None = None


@dataclass(frozen=True, kw_only=True)
class DeferredDecision(DecisionData):
    """容缺受理: accepted, the ``deferred`` materials to be supplied by ``supply_by``."""

    deferred: tuple[MaterialNeed, ...] = ()
    supply_by: date | None = None


@dataclass(frozen=True, kw_only=True)
class SupplementDecision(DecisionData):
    """补正 (一次性告知) at intake: everything missing, and the legal basis."""

    missing: tuple[MaterialNeed, ...] = ()
    legal_basis: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RefusalDecision(DecisionData):
    """不予受理: the reasons and their legal basis."""

    reasons: tuple[str, ...] = ()
    legal_basis: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ForwardDecision(DecisionData):
    """上报: the authority the case goes to, why, and when an answer is expected.

    ``center``: the code of the center above on the records service the case goes to (it
    makes the linked case there, issue 20); empty: an authority outside the service."""

    authority: str = ""
    reason: str = ""
    expected_by: date | None = None
    center: str = ""


@dataclass(frozen=True, kw_only=True)
class ForwardData:
    """上报 after intake (issue 20): a case already taken in (a 承诺件 that turns out to need
    the city) goes to the center above. The same fields as :class:`ForwardDecision` without
    the intake decision's (no ``fee_state``: the fee was settled, or not, at intake).

    ``center``: the code of the center above on the records service (it makes the linked
    case there); empty: an authority outside the service."""

    authority: str = ""
    reason: str = ""
    expected_by: date | None = None
    center: str = ""


@dataclass(frozen=True, kw_only=True)
class SuspendData:
    """A suspension (hearing, inspection, testing, expert review: the clock stops).

    ``suspended_on`` None: not recorded (the event's own day counts).
    """

    kind: str = ""
    suspended_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class ResumeData:
    """A resumption; when the suspension is known, the due date it moves the case to."""

    resumed_on: date | None = None
    suspended_on: date | None = None
    suspended_working_days: int | None = None
    due_date: date | None = None
    due_date_provisional: bool = False


@dataclass(frozen=True, kw_only=True)
class SupplementRequest:
    """补正 requested while the case is handled: the missing materials.

    ``joint_notice``: a part of a joint case is asked only in its stage's one consolidated
    一次性告知, sent by the intake window; this is that notice's document number.
    """

    missing: tuple[MaterialNeed, ...] = ()
    joint_notice: str = ""


@dataclass(frozen=True, kw_only=True)
class SupplementFiling:
    """联合审批 (``file_supplement``): what a department still needs of its part, filed for
    the stage's consolidated 一次性告知 — the item's materials (code, name, requirement)."""

    materials: tuple[MaterialNeed, ...] = ()


@dataclass(frozen=True, kw_only=True)
class CorrectionData:
    """A field correction: the field (``applicant.<name>``), its old and new value."""

    field: str = ""
    old: str = ""
    new: str = ""


@dataclass(frozen=True, kw_only=True)
class VerificationData:
    """告知承诺核查: the day the department verified the commitment; when found false, the
    credit note (失信记录) recorded on the applicant."""

    verified_on: date | None = None
    credit_note: str = ""


@dataclass(frozen=True, kw_only=True)
class WaiverApproval:
    """减免审批 (issue 17): a lead of the department approved a payment notice's waiver above
    the provisioned amount — the service's ``note`` on the case (data ``kind``
    ``waiver_approved``): the notice, the lead, the amount in fen, the reason code
    (``clerk_app.core.fees.WAIVER_REASONS``)."""

    notice_no: str = ""
    lead: str = ""
    amount_fen: int = 0
    reason_code: str = ""


#: Any event's data.
EventData: TypeAlias = (
    DecisionData
    | SuspendData
    | ResumeData
    | SupplementRequest
    | SupplementFiling
    | CorrectionData
    | ForwardData
    | VerificationData
    | WaiverApproval
)

_DECISIONS: dict[EventType, type[DecisionData]] = {
    EventType.ACCEPT: DecisionData,
    EventType.ACCEPT_DEFERRED: DeferredDecision,
    EventType.REQUEST_SUPPLEMENT: SupplementDecision,
    EventType.REFUSE: RefusalDecision,
    EventType.FORWARD: ForwardDecision,
}

_ACTIONS: dict[EventType, type[EventData]] = {
    EventType.SUSPEND: SuspendData,
    EventType.RESUME: ResumeData,
    EventType.REQUEST_SUPPLEMENT: SupplementRequest,
    EventType.CORRECT: CorrectionData,
    EventType.FORWARD: ForwardData,
    EventType.COMMITMENT_VERIFIED: VerificationData,
    EventType.COMMITMENT_FALSE: VerificationData,
    EventType.FILE_SUPPLEMENT: SupplementFiling,
    EventType.NOTE: WaiverApproval,
}


def data_type(event_type: EventType, *, first: bool) -> type[EventData] | None:
    """The record an event of ``event_type`` carries (None: it records nothing more).

    ``first``: the case's first event, the intake decision.
    """
    if first:
        return _DECISIONS.get(event_type)
    return _ACTIONS.get(event_type)
