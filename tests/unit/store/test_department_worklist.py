"""待本部门办理 (issue 16): a department's desk lists the parts of joint cases assigned to it,
whichever window took them in, with joint number and stage; a part whose stage has not
opened is waiting; this window's own list stays as it was. A real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.core.calendar import WorkCalendar
from clerk_app.store.worklist import (
    WorklistFilter,
    WorklistQuery,
    joint_part_numbers,
    open_joint_numbers,
)
from tests.helpers.store import add_case, make_payload

JOINT = "HS-W05-20261128-000100"


def pulled_part(store, seq, *, item, department, stage, status, due="2026-12-10") -> str:
    """A part as the change feed brings it to a department's desk (synced, no outbox)."""
    payload = make_payload(
        seq,
        window_code="W05",
        item_code=item,
        due_date=due,
        joint_case_no=JOINT,
        stage=stage,
        department_code=department,
        status=status,
    )
    add_case(store, payload, outbox=False)
    return payload["case_no"]


@pytest.fixture
def parts(store):
    return {
        "fg1": pulled_part(
            store, 101, item="DEMO-FG-004", department="FG", stage="S1", status="accepted"
        ),
        "zr1": pulled_part(
            store, 102, item="DEMO-ZR-004", department="ZR", stage="S1", status="accepted"
        ),
        "zr2": pulled_part(
            store, 103, item="DEMO-ZR-005", department="ZR", stage="S2", status="received", due=None
        ),
    }


def query(store) -> WorklistQuery:
    return WorklistQuery(store.db, "P02", WorkCalendar.builtin(), date(2026, 11, 30), 2)


def test_a_department_sees_its_parts_taken_in_at_another_window(store, parts) -> None:
    own = add_case(store, make_payload(7, window_code="P02", item_code="DEMO-ZR-001"))
    q = query(store)
    rows = q.page(WorklistFilter(department="ZR"))
    assert {r.case_no for r in rows} == {parts["zr1"], parts["zr2"]}
    assert q.count(WorklistFilter(department="ZR")) == 2
    by_no = {r.case_no: r for r in rows}
    assert (by_no[parts["zr1"]].joint_case_no, by_no[parts["zr1"]].stage) == (JOINT, "S1")
    assert not by_no[parts["zr1"]].waiting
    # The stage-two part is listed, waiting for its stage (received, no due date yet).
    waiting = by_no[parts["zr2"]]
    assert waiting.waiting and waiting.urgency is None and waiting.stage == "S2"
    # This window's own list: its own case only, not the parts (they are W05's).
    assert [r.case_no for r in q.page(WorklistFilter())] == [own.case_no]
    # Another department's parts never show under this one.
    assert [r.case_no for r in q.page(WorklistFilter(department="FG"))] == [parts["fg1"]]
    assert q.page(WorklistFilter(department="WL")) == []


def test_the_department_list_filters_and_searches_like_the_window_list(store, parts) -> None:
    q = query(store)
    assert [
        r.case_no for r in q.page(WorklistFilter(department="ZR", statuses=frozenset({"received"})))
    ] == [parts["zr2"]]
    found = q.page(WorklistFilter(department="ZR", search=parts["zr1"][-6:]))
    assert [r.case_no for r in found] == [parts["zr1"]]


def test_the_joint_cases_of_the_intake_window_and_their_parts(store, parts) -> None:
    assert joint_part_numbers(store.db, JOINT) == sorted(parts.values())
    assert open_joint_numbers(store.db, "W05") == [JOINT]
    assert open_joint_numbers(store.db, "P02") == []
