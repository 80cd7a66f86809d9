"""Events, ratings and pulled cases: each write with its outbox row and journal entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.core.lifecycle import IllegalTransition
from clerk_app.core.records import Rating
from clerk_app.remote.wire import case_from_wire, rating_to_wire
from clerk_app.store import journal
from clerk_app.store.writes import add_rating, apply_server_case
from tests.helpers.store import T0, add_case, add_event, make_payload, open_store


def test_event_and_rating_go_out_in_case_order(tmp_path: Path) -> None:
    store = open_store(tmp_path / "clerk.db")
    payload = make_payload(1)
    add_case(store, payload)
    event = add_event(store, payload["case_no"], "start", actor="demo-clerk", at=T0)
    given = Rating("r-1", payload["case_no"], 5, T0, "demo-clerk", "好")
    rating = add_rating(store, given, body=rating_to_wire(given))
    assert store.get_case(payload["case_no"]).status == "in_progress"
    rows = store.outbox_rows()
    assert [r.kind for r in rows] == ["create_case", "case_event", "rating"]
    assert rows[1].idempotency_key == event.id and rows[1].body == event.body
    assert rows[2].path.endswith("/rating") and rows[2].body["score"] == 5
    assert rating.id == rows[2].idempotency_key
    # Only the creation is due: the event and rating wait for it.
    assert [r.kind for r in store.outbox_pending(T0)] == ["create_case"]
    assert len(journal.write_entries(journal.read_entries(store.db))) == 3
    store.db.close()


def test_an_illegal_event_writes_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "clerk.db")
    payload = make_payload(1)
    add_case(store, payload)
    with pytest.raises(IllegalTransition):
        add_event(store, payload["case_no"], "receive", actor="demo-clerk", at=T0)
    with pytest.raises(ValueError, match=r"1\.\.5"):
        Rating("r-2", payload["case_no"], 6, T0, "demo-clerk")
    nowhere = Rating("r-3", "HS-W01-20261128-999999", 5, T0, "demo-clerk")
    with pytest.raises(KeyError):
        add_rating(store, nowhere, body=rating_to_wire(nowhere))
    assert len(store.outbox_rows()) == 1
    assert len(journal.read_entries(store.db)) == 1
    store.db.close()


def test_pulled_cases_are_created_updated_or_kept(tmp_path: Path) -> None:
    store = open_store(tmp_path / "clerk.db")
    mine = make_payload(1)
    add_case(store, mine)
    served = {
        **{k: v for k, v in mine.items() if k != "first_event"},
        "status": "in_progress",
        "events": [{"id": "e-server", "type": "start", "at": T0.isoformat(), "actor": "lead"}],
    }
    # Still waiting to be sent: the desk's own status stays.
    assert apply_server_case(store, case_from_wire(served)) == "kept"
    store.mark_sent(store.outbox_rows()[0].id, 201, {})
    assert apply_server_case(store, case_from_wire(served)) == "updated"
    assert store.get_case(mine["case_no"]).status == "in_progress"
    assert apply_server_case(store, case_from_wire(served)) == "updated"  # events are not doubled
    assert [e.id for e in store.get_case(mine["case_no"]).events].count("e-server") == 1
    other = {**{k: v for k, v in make_payload(2).items() if k != "first_event"},
             "status": "accepted", "events": []}  # fmt: skip
    assert apply_server_case(store, case_from_wire(other)) == "created"
    created = store.get_case(other["case_no"])
    assert created.server_state == "synced"
    assert len(store.outbox_rows()) == 1  # nothing to send for a pulled case
    store.db.close()
