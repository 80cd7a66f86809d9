"""告知承诺 use cases (app.commitment) on a real SQLite file: the letter issued with the
decision, the verifications due, and a finding recorded as a queued lifecycle event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from clerk_app.app.case_actions import ActionInput, perform_action
from clerk_app.app.commitment import record_verification, verifications_due
from clerk_app.app.take_in import take_in_case
from clerk_app.core import intake
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import FixedClock
from clerk_app.core.lifecycle import EventType, Status
from clerk_app.store.documents import case_documents
from tests.helpers.documents import flat, pdf_text
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.store import T0, open_store
from tests.helpers.workload import demo_item, draft_for

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "clerk.db", FixedClock(T0))
    yield s
    s.db.close()


@pytest.fixture
def context(store, tmp_path):
    context = window_context(store, store.clock, tmp_path)
    context.calendar = WorkCalendar.builtin()
    return context


def wholesale(n: int) -> tuple[intake.IntakeDraft, object]:
    """A DEMO-WJ-003 (public-place hygiene licence) draft granted on a commitment."""
    _, item = demo_item("DEMO-WJ-003")
    return replace(draft_for(item, n), commitment_whole=True, credit_checked=True), item


def certificate(n: int) -> tuple[intake.IntakeDraft, object]:
    """A DEMO-GA-006 draft whose M4 (kinship certificate) is replaced by a commitment."""
    _, item = demo_item("DEMO-GA-006")
    materials = [
        intake.MaterialReceipt(m.code, received=m.code != "M4", by_commitment=m.code == "M4")
        for m in item.materials
        if m.required
    ]
    return replace(draft_for(item, n), materials=materials, credit_checked=True), item


def test_a_wholesale_commitment_issues_its_letter_with_the_decision(context, store) -> None:
    draft, item = wholesale(1)
    taken = take_in_case(context, clerk_session(), draft, item)
    assert taken.document_kind == "acceptance" and taken.receipt is not None
    letter = taken.commitment_letter
    assert letter is not None and "诺" in letter.document_no
    text = flat(pdf_text(letter.path))
    assert "申请以告知承诺方式办理本事项" in text and flat(item.conditions) in text
    kinds = sorted(d.kind for d in case_documents(store, taken.case_no))
    assert kinds == ["acceptance", "commitment", "slip"]
    # Without a commitment there is no letter.
    _, plain_item = demo_item("DEMO-GA-006")
    plain = take_in_case(context, clerk_session(), draft_for(plain_item, 2), plain_item)
    assert plain.commitment_letter is None


def test_verifications_due_until_a_finding_and_a_false_one_revokes(context, store) -> None:
    session = clerk_session()
    first = take_in_case(context, session, *certificate(1))
    second = take_in_case(context, session, *certificate(2))
    withdrawn = take_in_case(context, session, *certificate(3))
    perform_action(
        context, session, withdrawn.case_no, ActionInput(EventType.WITHDRAW, "applicant left")
    )
    due = verifications_due(context)
    assert [d.row.case_no for d in due] == [first.case_no, second.case_no]
    verify_by = first.case.first_event.data.commitment.verify_by
    assert verify_by == context.calendar.add_working_days(T0.date(), 20).date
    assert not any(d.overdue for d in due)

    outcome = record_verification(context, session, first.case_no, holds=True, opinion="核查属实")
    assert outcome.status is Status.ACCEPTED
    with pytest.raises(ValueError):  # nothing left to verify
        record_verification(context, session, first.case_no, holds=True, opinion="")
    with pytest.raises(ValueError):  # a false commitment needs its finding
        record_verification(context, session, second.case_no, holds=False, opinion="")

    context.clock.advance(timedelta(days=40))  # past the deadline
    [late] = verifications_due(context)
    assert late.row.case_no == second.case_no and late.overdue
    outcome = record_verification(
        context,
        session,
        second.case_no,
        holds=False,
        opinion="亲属关系与户籍档案不符",
        credit_note="虚假承诺：亲属关系证明",
    )
    assert outcome.status is Status.REVOKED
    case = store.get_case(second.case_no)
    finding = case.events[-1]
    assert finding.type is EventType.COMMITMENT_FALSE
    assert finding.data.credit_note == "虚假承诺：亲属关系证明"
    assert finding.data.verified_on == date(2027, 1, 7)
    assert verifications_due(context) == []
    bodies = [r.body for r in store.outbox_rows() if r.kind == "case_event"]
    assert any(
        b["type"] == "commitment_false" and b["data"]["credit_note"] == "虚假承诺：亲属关系证明"
        for b in bodies
    )
