"""Worklist queries on a real SQLite file: countdown and colours across National Day, filters,
each kind of search, and keyset pages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import FixedClock
from clerk_app.store.worklist import (
    DUE_OVERDUE,
    DUE_SOON,
    Cursor,
    WorklistFilter,
    WorklistQuery,
    search_kinds,
)
from tests.helpers.store import open_store
from tests.helpers.worklist import add_case, at

CAL = WorkCalendar.builtin()
# The last working day before the National Day week of 2026 (1-7 October are holidays,
# Saturday 10 October is a make-up working day).
EVE = date(2026, 9, 30)


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "clerk.db", FixedClock(at(EVE)))
    yield s
    s.db.close()


def _query(store, today=EVE, soon=2):
    return WorklistQuery(store.db, "W01", CAL, today, soon)


def _by_no(rows):
    return {r.case_no[-2:]: r for r in rows}


def test_countdown_and_colours_count_working_days_across_the_national_day_week(store):
    add_case(store, 1, received=date(2026, 9, 1), due=date(2026, 9, 29))  # overdue
    add_case(store, 2, received=date(2026, 9, 2), due=EVE)  # due today
    add_case(store, 3, received=date(2026, 9, 3), due=date(2026, 10, 8))  # 8 days, 1 working
    add_case(store, 4, received=date(2026, 9, 4), due=date(2026, 10, 10))  # make-up Saturday
    add_case(store, 5, received=date(2026, 9, 5), due=date(2026, 10, 12))
    add_case(store, 6, received=date(2026, 9, 6), due=date(2026, 9, 1), status="completed_approved")
    add_case(store, 7, received=date(2026, 9, 7), due=date(2026, 9, 1), status="suspended")
    add_case(store, 8, received=date(2026, 9, 8), due=date(2026, 10, 9))

    rows = _by_no(_query(store).page(WorklistFilter()))
    assert {k: (r.countdown, r.urgency) for k, r in rows.items()} == {
        "01": (-1, "overdue"),
        "02": (0, "soon"),
        "03": (1, "soon"),
        "04": (3, None),  # Thu, Fri and the make-up Saturday
        "05": (4, None),
        "06": (-21, None),  # closed: no colour
        "07": (-21, None),  # suspended: the clock stands still
        "08": (2, "soon"),  # the last yellow day with the default threshold
    }
    # On a holiday in the middle of the week the countdown has not moved.
    holiday = _by_no(_query(store, today=date(2026, 10, 5)).page(WorklistFilter()))
    assert holiday["03"].countdown == 1 and holiday["05"].countdown == 4
    # With the threshold set to 0, only the case due today is yellow.
    strict = _by_no(_query(store, soon=0).page(WorklistFilter()))
    assert [k for k, r in sorted(strict.items()) if r.urgency == "soon"] == ["02"]


def test_due_filters_and_received_today(store):
    add_case(store, 1, received=date(2026, 9, 1), due=date(2026, 9, 29))
    add_case(store, 2, received=EVE, due=date(2026, 10, 8))
    add_case(store, 3, received=EVE, due=date(2026, 10, 12))
    add_case(store, 4, received=date(2026, 9, 1), due=date(2026, 9, 2), status="withdrawn")
    q = _query(store)
    assert [r.case_no[-2:] for r in q.page(WorklistFilter(due=DUE_OVERDUE))] == ["01"]
    assert [r.case_no[-2:] for r in q.page(WorklistFilter(due=DUE_SOON))] == ["02"]
    assert [r.case_no[-2:] for r in q.page(WorklistFilter(received_today=True))] == ["03", "02"]
    done = WorklistFilter(statuses=frozenset({"withdrawn"}))
    assert [r.case_no[-2:] for r in q.page(done)] == ["04"]
    assert q.count(WorklistFilter()) == 4 and q.count(WorklistFilter(due=DUE_SOON)) == 1


def test_each_kind_of_search(store):
    add_case(store, 1, received=EVE, due=None, name="王小明", id_number="440301199001011234",
             phone="13912345678")  # fmt: skip
    add_case(store, 2, received=EVE, due=None, name="李四", id_number="11010519491231002X",
             phone="13800138000")  # fmt: skip
    add_case(store, 3, received=EVE, due=None, window_code="W03", name="王小明")
    q = _query(store)

    def found(text):
        return sorted(r.case_no for r in q.page(WorklistFilter(search=text)))

    assert found("王小") == ["HS-W01-20260930-000001"]  # name; the other window is not listed
    assert found("小明") == []  # a name is matched from its start
    assert found("1234") == ["HS-W01-20260930-000001"]  # ID last 4
    assert found("002x") == ["HS-W01-20260930-000002"]  # ID last 4, lower-case x
    assert found("13800138000") == ["HS-W01-20260930-000002"]  # phone
    assert found("0138000") == ["HS-W01-20260930-000002"]  # part of a phone
    assert found("hs-w01-20260930-000002") == ["HS-W01-20260930-000002"]  # case number
    assert found("%") == [] and found("_") == []  # wildcards are plain characters
    assert search_kinds("1234") == ("case_no", "id_last4")
    assert search_kinds("12345") == ("case_no", "phone")
    assert search_kinds("王") == ("applicant_name",)
    # The ID number is never shown whole.
    [row] = q.page(WorklistFilter(search="李四"))
    assert row.id_masked == "110105********002X"


def test_pages_follow_each_other_without_gaps_or_repeats(store):
    for i in range(1, 26):
        add_case(store, i, received=EVE, due=None)
    q = _query(store)
    seen, after = [], None
    while True:
        page = q.page(WorklistFilter(), after, limit=7)
        seen += [r.case_no for r in page]
        if len(page) < 7:
            break
        after = page[-1].cursor
    assert len(seen) == len(set(seen)) == 25
    assert seen == sorted(seen, reverse=True)
    assert q.rows_read == 25


def test_rows_are_compact_and_share_what_a_page_repeats(store):
    # Issue 21: the model holds pages of rows; each row has no __dict__, no datetime and no
    # cursor of its own, and the rows of a due date or an item share one object.
    for i in range(1, 5):
        add_case(store, i, received=date(2026, 9, i), due=date(2026, 10, 12))
    rows = _query(store).page(WorklistFilter())
    assert not hasattr(rows[0], "__dict__")
    assert len({id(r.due_date) for r in rows}) == len({id(r.item_code) for r in rows}) == 1
    first = rows[0]
    assert first.received_at == datetime.fromisoformat(first.received)
    assert first.received_at.date() == date(2026, 9, 4)
    assert first.cursor == Cursor(first.received, first.case_no)


def test_position_is_the_row_a_case_has_in_the_filtered_list(store):
    for i in range(1, 11):
        add_case(store, i, received=date(2026, 9, i), due=None, name="王五" if i % 2 else "李四")
    q = _query(store)
    listed = [r.case_no for r in q.page(WorklistFilter())]
    assert [q.position(WorklistFilter(), no) for no in listed] == list(range(10))
    wang = WorklistFilter(search="王五")
    assert [q.position(wang, no) for no in listed] == [None, 0, None, 1, None, 2, None, 3, None, 4]
    assert q.position(WorklistFilter(), "HS-W01-20260901-999999") is None
