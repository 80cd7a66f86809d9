"""The small use cases the desk's screens call (issue 12), on a real SQLite file: parking,
printer choices, ratings, the unmasked-ID audit, the lookup's and case detail's reads, and
what the connection panel lists."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from clerk_app.app import audit, lookup, parking, printers, ratings, worklist
from clerk_app.app.sync import LinkProblems, RejectedItem, link_problems
from clerk_app.core.clock import FixedClock
from tests.helpers.store import T0, add_case, make_payload, open_store
from tests.helpers.worklist import desk_context


@pytest.fixture
def context(tmp_path):
    clock = FixedClock(T0)
    store = open_store(tmp_path / "clerk.db", clock)
    yield desk_context(store, clock, tmp_path)
    store.db.close()


def test_a_parked_intake_is_listed_for_its_window_replaced_and_discarded(context):
    first = parking.park(context, clerk="demo-clerk", item_code="DEMO-GA-001", state={"a": 1})
    again = parking.park(
        context, clerk="demo-clerk", item_code="DEMO-GA-002", state={"a": 2}, parked_id=first
    )
    assert again == first
    other = SimpleNamespace(**vars(context))
    other.provisioning = context.provisioning._replace(window_code="W02")
    parking.park(other, clerk="demo-clerk", item_code="DEMO-GA-001", state={"b": 1})
    [parked] = parking.parked_intakes(context)
    assert (parked.window_code, parked.item_code, parked.state) == ("W01", "DEMO-GA-002", {"a": 2})
    assert parking.discard(context, first) is True
    assert parking.parked_intakes(context) == []
    assert parking.discard(context, first) is False
    assert [p.window_code for p in parking.parked_intakes(other)] == ["W02"]


def test_a_printer_choice_is_remembered_per_kind_and_forgotten(context):
    assert printers.remembered_printer(context, "slip") == ""
    assert printers.remember_printer(context, "slip", "Roll-80") is True
    assert printers.remember_printer(context, "slip", "Roll-80") is False  # nothing changed
    assert printers.remember_printer(context, "refusal", "") is False
    assert printers.remembered_printer(context, "slip") == "Roll-80"
    assert printers.remembered_printer(context, "refusal") == ""
    printers.forget_printer(context, "slip")
    assert printers.remembered_printer(context, "slip") == ""


def test_a_rating_is_kept_with_its_outbox_row_and_a_bad_one_writes_nothing(context):
    store = context.backend.store
    payload = make_payload(1)
    add_case(store, payload)
    rating_id = ratings.rate_case(context, payload["case_no"], 5, clerk="demo-clerk", comment="ok")
    [row] = [r for r in store.outbox_rows() if r.kind == "rating"]
    assert row.idempotency_key == rating_id
    assert row.path.endswith(f"/cases/{payload['case_no']}/rating")
    with pytest.raises(ValueError):
        ratings.rate_case(context, payload["case_no"], 6, clerk="demo-clerk")
    with pytest.raises(KeyError):
        ratings.rate_case(context, "HS-W01-20000101-999999", 3, clerk="demo-clerk")
    assert len([r for r in store.outbox_rows() if r.kind == "rating"]) == 1


def test_an_unmasked_id_is_audited_locally_and_for_the_service(context):
    store = context.backend.store
    event_id = audit.record_id_unmasked(context, "HS-W01-20261128-000001", clerk="demo-clerk")
    [row] = store.outbox_rows("pending")
    [event] = row.body["events"]
    assert event["id"] == event_id and event["action"] == audit.ID_UNMASK
    assert event["target"] == "HS-W01-20261128-000001"
    assert event["detail"] == {"field": "applicant.id_number", "device_id": "test-device"}
    assert any("full ID number" in message for _, _, message in store.journal_entries())


def test_the_desks_own_case_is_found_by_number_and_by_number_and_query_code(context):
    payload = make_payload(2)
    add_case(context.backend.store, payload)
    case_no, code = payload["case_no"], payload["query_code"]
    assert worklist.case_on_desk(context, case_no).case_no == case_no
    assert worklist.case_on_desk(context, "HS-W01-20000101-999999") is None
    assert lookup.case_for_query(context, case_no, code).case_no == case_no
    assert lookup.case_for_query(context, case_no, "000000" if code != "000000" else "1") is None
    assert worklist.item_names(context)["DEMO-GA-001"]  # from the cached catalog


def test_the_connection_panel_lists_refused_items_only_when_asked(context):
    store = context.backend.store
    payload = make_payload(3)
    add_case(store, payload)
    [row] = store.outbox_rows()
    store.mark_rejected(row.id, 422, {"title": "Unprocessable", "detail": "item unknown"})
    engine = SimpleNamespace(store=store)
    found = link_problems(engine, with_rejected=True, with_waiting=True)
    assert found.rejected == (
        RejectedItem(
            row.id, "create_case", payload["case_no"], "422: Unprocessable — item unknown"
        ),
    )
    assert found.conflicts == () and found.waiting == ()
    assert link_problems(engine, with_rejected=False, with_waiting=False) == LinkProblems()
    assert link_problems(SimpleNamespace(store=None), with_rejected=True, with_waiting=True) == (
        LinkProblems()
    )
