"""告知承诺 at the desk: the commitment letter of a case taken in on one, its verification
(核查) by the department, and the verifications still due.

The letter (告知承诺书) is issued with the case's decision document (numbered, archived and
queued like any notice, :func:`clerk_app.app.documents.issue_document`). A verification is
a lifecycle event: ``commitment_verified`` leaves the case as it is, ``commitment_false``
records the credit note on the applicant and revokes the case (``core.lifecycle``); both
go to the service through the outbox like every event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.app.case_actions import ActionOutcome, new_event, record_event
from clerk_app.app.documents import IssuedDocument, case_facts, issue_document
from clerk_app.app.worklist import VerificationDue, verifications_due  # noqa: F401 (moved there)
from clerk_app.core import lifecycle
from clerk_app.core.catalog import Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.commitment import (
    CONSEQUENCE_TEXT,
    PROMISE_TEXT,
    Verification,
    commitment_of,
    false_commitment,
    verification_state,
)
from clerk_app.core.event_data import VerificationData
from clerk_app.core.records import Case
from clerk_app.documents.notices import CommitmentLetter, MissingMaterial

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

E = lifecycle.EventType

#: The verification actions the case detail offers while a commitment waits for it.
VERIFY_ACTIONS: tuple[lifecycle.EventType, ...] = (E.COMMITMENT_VERIFIED, E.COMMITMENT_FALSE)


def commitment_letter(
    context: AppContext, session: Session, case: Case, item: Item
) -> CommitmentLetter | None:
    """The 告知承诺书 of a saved case (None: the case was not taken in on a commitment)."""
    record = commitment_of(case)
    if record is None:
        return None
    return CommitmentLetter(
        **case_facts(context, session, case, item),
        materials=tuple(MissingMaterial(n.name, n.requirement) for n in record.materials),
        whole_item=record.whole_item,
        conditions=item.conditions if record.whole_item else "",
        promise=PROMISE_TEXT,
        consequence=CONSEQUENCE_TEXT,
        credit_checked=record.credit_checked,
        verify_by=record.verify_by,
        verify_provisional=record.verify_by_provisional,
    )


def issue_commitment_letter(
    context: AppContext, session: Session, case: Case, item: Item
) -> IssuedDocument | None:
    """Issue the case's 告知承诺书 (numbered, archived, queued); None without a commitment.

    Raises what :func:`clerk_app.app.documents.issue_document` raises when the PDF cannot
    be written (nothing archived then).
    """
    letter = commitment_letter(context, session, case, item)
    return None if letter is None else issue_document(context, session, letter)


def verification_actions(case: Case) -> tuple[lifecycle.EventType, ...]:
    """The verification actions open for ``case`` now (none once verified or ended)."""
    if verification_state(case) is not Verification.PENDING:
        return ()
    allowed = lifecycle.allowed_events(case.status)
    return tuple(a for a in VERIFY_ACTIONS if a in allowed)


def record_verification(
    context: AppContext,
    session: Session,
    case_no: str,
    *,
    holds: bool,
    opinion: str,
    credit_note: str = "",
) -> ActionOutcome:
    """Record the department's verification of the case's commitment. Runs on the writer.

    ``holds``: the commitment is true (``commitment_verified``); otherwise it was found
    false (``commitment_false``: ``opinion`` says what was found, ``credit_note`` is the
    credit record on the applicant) and the case is revoked.

    Raises:
        KeyError: no such case here.
        ValueError: the case has no commitment waiting for verification, or a finding of a
            false commitment lacks its opinion or credit note; nothing written.
        IllegalTransition: the case's status does not allow it; nothing written.
    """
    store = context.backend.store
    case = store.get_case(case_no)
    if case is None:
        raise KeyError(case_no)
    if verification_state(case) is not Verification.PENDING:
        raise ValueError("no commitment waits for verification")
    now = context.clock.now().astimezone(CENTER_TZ)
    if holds:
        event_type, data = E.COMMITMENT_VERIFIED, VerificationData(verified_on=now.date())
    else:
        if not opinion.strip():
            raise ValueError("reason required")
        event_type, data = E.COMMITMENT_FALSE, false_commitment(now.date(), credit_note)
    record_event(
        context,
        case_no,
        new_event(event_type, actor=session.username, at=now, note=opinion, data=data),
    )
    updated = store.get_case(case_no)
    assert updated is not None
    return ActionOutcome(case_no, event_type, updated.status)
