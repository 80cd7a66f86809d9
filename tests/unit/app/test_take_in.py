"""The take-in use case (app.take_in) on a real SQLite file: what is stored, what is queued,
and what an invalid draft leaves behind (nothing, not even a used number)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk_app.app.session import CASE_SEQUENCE
from clerk_app.app.take_in import save_intake, take_in_case
from clerk_app.core import intake
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import FixedClock
from clerk_app.core.lifecycle import Disposition, EventType, Status
from clerk_app.core.records import PartyKind, ServerState
from clerk_app.remote.wire import case_from_wire, case_to_wire
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


def test_a_taken_case_is_stored_typed_and_queued_as_its_wire_body(context, store):
    _, item = demo_item()
    taken = take_in_case(context, clerk_session(), draft_for(item, 7), item, catalog_version="v1")

    case = store.get_case(taken.case_no)
    assert case == taken.case
    assert case.applicant.kind is PartyKind.PERSON and case.applicant.name == "测试申请人7"
    assert case.disposition is Disposition.PROMISED and case.status is Status.ACCEPTED
    assert case.server_state is ServerState.PENDING
    assert [(e.type, e.actor) for e in case.events] == [(EventType.ACCEPT, "demo-clerk")]
    assert taken.disposition is Disposition.PROMISED and taken.due_date == case.due_date
    # What goes to the service is exactly the stored case, in the service's shape.
    [row] = [r for r in store.outbox_rows() if r.kind == "create_case"]
    assert row.idempotency_key == case.id
    assert row.body == case_to_wire(case)
    assert case_from_wire(row.body) == case
    assert taken.receipt_error is None and taken.receipt_path == taken.receipt.path
    assert taken.document_kind == "acceptance" and taken.slip is not None


def test_a_refusal_issues_the_refusal_notice_and_has_no_due_date(context, store):
    _, item = demo_item()
    draft = replace(
        draft_for(item, 1),
        disposition=Disposition.REFUSED,
        refusal_reasons=("申请事项依法不属于本机关职权范围",),
        legal_basis=("《中华人民共和国行政许可法》第三十二条",),
    )
    taken = take_in_case(context, clerk_session(), draft, item, catalog_version="v1")
    assert taken.disposition is Disposition.REFUSED and taken.document_kind == "refusal"
    assert taken.due_date is None and taken.slip is None
    stored = store.get_case(taken.case_no)
    assert stored == taken.case  # what take-in hands back is what the store reads back
    assert stored.status is Status.REFUSED
    assert stored.first_event.data.reasons == ("申请事项依法不属于本机关职权范围",)


def test_an_invalid_draft_stores_nothing_and_uses_no_number(context, store):
    _, item = demo_item()
    bad = replace(draft_for(item, 1), applicant=replace(draft_for(item, 1).applicant, name=""))
    with pytest.raises(intake.InvalidDraft):
        save_intake(context, bad, item, clerk="demo-clerk", catalog_version="v1")
    assert store.sequence_value(CASE_SEQUENCE) == 0
    assert store.list_cases("W01") == [] and store.outbox_rows() == []
    good = save_intake(context, draft_for(item, 2), item, clerk="demo-clerk", catalog_version="v1")
    assert good.case_no.endswith("-000001")
