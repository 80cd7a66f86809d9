"""Properties of the worklist queries on a real SQLite file (Hypothesis): keyset pages give
every case once in order, and each search finds exactly the cases a plain reading finds."""

from __future__ import annotations

import uuid
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import FixedClock
from clerk_app.store.worklist import Cursor, WorklistFilter, WorklistQuery
from tests.helpers.store import add_case, make_payload, open_store
from tests.helpers.worklist import at

CAL = WorkCalendar.builtin()
TODAY = date(2026, 9, 30)
NAMES = st.text(alphabet="王李张小明%_\\", min_size=1, max_size=4)
CASES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=5),  # days before today (equal times are common)
        NAMES,
        st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
        st.from_regex(r"[0-9]{3}[0-9X]", fullmatch=True),
    ),
    min_size=0,
    max_size=25,
)


def _store(tmp_path_factory, cases):
    store = open_store(tmp_path_factory.mktemp("wl") / "clerk.db", FixedClock(at(TODAY)))
    with store.db.transaction():  # one commit for all of them
        for seq, (days, name, phone, last4) in enumerate(cases, start=1):
            day = date.fromordinal(TODAY.toordinal() - days)
            payload = make_payload(seq, case_id=str(uuid.uuid4()), received_at=at(day).isoformat())
            payload["applicant"].update(name=name, phone=phone, id_number="11010519491231" + last4)
            add_case(store, payload)
    return store


@settings(max_examples=20)
@given(cases=CASES, size=st.integers(min_value=1, max_value=7))
def test_keyset_pages_give_every_case_once_in_order(tmp_path_factory, cases, size):
    store = _store(tmp_path_factory, cases)
    query = WorklistQuery(store.db, "W01", CAL, TODAY, 2)
    seen, after = [], None
    while True:
        page = query.page(WorklistFilter(), after, size)
        seen += [(r.cursor.received_at, r.case_no) for r in page]
        if len(page) < size:
            break
        after = Cursor(*seen[-1])
    assert len(seen) == len(cases) == query.count(WorklistFilter())
    assert seen == sorted(seen, reverse=True)
    store.db.close()


@settings(max_examples=25)
@given(cases=CASES, text=st.one_of(NAMES, st.from_regex(r"[0-9X]{4,11}", fullmatch=True)))
def test_search_finds_what_a_plain_reading_finds(tmp_path_factory, cases, text):
    store = _store(tmp_path_factory, cases)
    query = WorklistQuery(store.db, "W01", CAL, TODAY, 2)
    found = {r.case_no for r in query.page(WorklistFilter(search=text), limit=100)}
    expected = set()
    for seq, (_days, name, phone, last4) in enumerate(cases, start=1):
        case_no = f"HS-W01-20261128-{seq:06d}"
        # The rules of search_kinds, read plainly.
        hit = text.isascii() and text.upper() in case_no
        hit |= (
            len(text) == 4
            and text[:3].isdigit()
            and text[3] in "0123456789Xx"
            and (last4 == text.upper())
        )
        hit |= text.isdigit() and 5 <= len(text) <= 11 and text in phone
        hit |= (not text.isascii() or not any(c.isdigit() for c in text)) and name.startswith(text)
        if hit:
            expected.add(case_no)
    assert found == expected
    store.db.close()
