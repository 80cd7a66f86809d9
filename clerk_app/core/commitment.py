"""告知承诺制: acceptance on the applicant's written commitment.

The applicant may choose (never be made) to replace a certificate (证明事项) the item lists
by a written commitment — the material's state ``by_commitment`` — where the catalog
allows it for that material, or to be granted the whole item on a commitment where the
item allows it (the disposition stays 即办 or 承诺). Not open to an applicant on the
serious-dishonesty list (严重失信): the clerk checks, and the check is recorded.

Every commitment gets a verification (核查) by the department within the item's
``verify_days`` working days; a commitment found false is recorded with a credit note on
the applicant and revokes (撤销) the grant through the lifecycle
(``commitment_false`` → ``revoked``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk_app.core.calendar import DueDate, WorkCalendar
from clerk_app.core.catalog import Item
from clerk_app.core.event_data import CommitmentRecord, DecisionData, VerificationData
from clerk_app.core.identity import Issue
from clerk_app.core.lifecycle import Disposition, EventType, Status, is_terminal
from clerk_app.core.records import Case

#: Decisions a certificate's commitment goes with (the case is accepted).
_CERTIFICATE_DECISIONS = frozenset(
    {Disposition.IMMEDIATE, Disposition.PROMISED, Disposition.DEFERRED_MATERIALS}
)
#: Decisions a wholesale commitment goes with: the disposition stays 即办 or 承诺.
_WHOLE_DECISIONS = frozenset({Disposition.IMMEDIATE, Disposition.PROMISED})

#: What the applicant promises, and what a false promise costs (printed on the letter).
PROMISE_TEXT = (
    "本人（单位）已知晓告知的全部内容，自愿作出承诺：所承诺的事项真实、准确、完整，"
    "符合告知的条件、标准和要求；愿意接受行政机关的核查。"
)
CONSEQUENCE_TEXT = (
    "承诺不实或者虚假承诺的，行政机关将依法撤销所作出的行政决定，"
    "将失信情况记入申请人信用记录，并依法追究相应法律责任。"
)


def commitment_issues(
    item: Item,
    disposition: Disposition,
    *,
    by_commitment: Sequence[str] = (),
    whole_item: bool = False,
    credit_checked: bool = False,
    credit_listed: bool = False,
) -> list[Issue]:
    """Every reason the commitments chosen cannot stand (empty: none, or all is well).

    Args:
        item: the catalog item.
        disposition: the intake decision.
        by_commitment: codes of the materials the applicant replaces by a commitment.
        whole_item: the applicant asks for the whole item on a commitment.
        credit_checked: the clerk checked the serious-dishonesty list.
        credit_listed: the applicant is on it (a commitment is then refused).
    """
    if not by_commitment and not whole_item:
        return []
    issues: list[Issue] = []
    known = {m.code: m for m in item.materials}
    for code in by_commitment:
        material = known.get(code)
        if material is None or not material.commitment:
            name = material.name if material else code
            issues.append(
                Issue(
                    "commitment.material_not_allowed",
                    {"code": code, "name": name},
                    f"materials.{code}",
                )
            )
    if whole_item and not item.commitment_whole:
        issues.append(Issue("commitment.item_not_allowed", {"item": item.code}, "commitment"))
    allowed = _WHOLE_DECISIONS if whole_item else _CERTIFICATE_DECISIONS
    if disposition not in allowed:
        issues.append(
            Issue("commitment.needs_acceptance", {"disposition": disposition.value}, "disposition")
        )
    if credit_listed:
        issues.append(Issue("commitment.credit_listed", {}, "credit_check"))
    elif not credit_checked:
        issues.append(Issue("commitment.credit_unchecked", {}, "credit_check"))
    return issues


def verify_deadline(item: Item, received_on: date, calendar: WorkCalendar) -> DueDate:
    """The verification deadline: the item's ``verify_days`` working days after intake."""
    return calendar.add_working_days(received_on, max(item.verify_days, 1))


def commitment_of(case: Case) -> CommitmentRecord | None:
    """The commitment a case was taken in on (None: no commitment)."""
    first = case.first_event
    data = first.data if first is not None else None
    if isinstance(data, DecisionData):
        return data.commitment
    return None


class Verification(StrEnum):
    """Where the verification (核查) of a case's commitment stands."""

    PENDING = "pending"
    PASSED = "passed"
    FALSE = "false"


def verification_state(case: Case) -> Verification | None:
    """The verification of the case's commitment (None: the case has no commitment)."""
    if commitment_of(case) is None:
        return None
    last = case.last_event(EventType.COMMITMENT_VERIFIED, EventType.COMMITMENT_FALSE)
    if last is None:
        return Verification.PENDING
    if last.type is EventType.COMMITMENT_FALSE:
        return Verification.FALSE
    return Verification.PASSED


@dataclass(frozen=True, slots=True)
class VerificationTask:
    """A commitment the department still has to verify, and by when."""

    case_no: str
    verify_by: date | None
    provisional: bool
    overdue: bool


def verification_task(case: Case, today: date) -> VerificationTask | None:
    """The open verification task of ``case`` (None: nothing to verify).

    A case still waits for its verification while the commitment is neither verified nor
    found false and the case was not ended another way (withdrawn, voided …); a granted
    case (办结) still waits: verification comes after the grant.
    """
    record = commitment_of(case)
    if record is None or verification_state(case) is not Verification.PENDING:
        return None
    if is_terminal(case.status) and case.status is not Status.COMPLETED_APPROVED:
        return None
    due = record.verify_by
    return VerificationTask(
        case_no=case.case_no,
        verify_by=due,
        provisional=record.verify_by_provisional,
        overdue=due is not None and due < today,
    )


def false_commitment(verified_on: date, credit_note: str) -> VerificationData:
    """The data of a ``commitment_false`` event: the day and the credit note on the applicant.

    Raises:
        ValueError: the credit note is empty (a finding must say what was false).
    """
    note = credit_note.strip()
    if not note:
        raise ValueError("a commitment found false needs a credit note")
    return VerificationData(verified_on=verified_on, credit_note=note[:500])


__all__ = [
    "CONSEQUENCE_TEXT",
    "PROMISE_TEXT",
    "CommitmentRecord",
    "Verification",
    "VerificationTask",
    "commitment_issues",
    "commitment_of",
    "false_commitment",
    "verification_state",
    "verification_task",
    "verify_deadline",
]
