"""The parked-intakes store on a real SQLite file: park, replace, list per window, remove."""

from __future__ import annotations

from datetime import datetime, timedelta

from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.store.db import Database
from clerk_app.store.parked import ParkedIntakes


def test_parked_intakes_are_kept_per_window_newest_first(tmp_path):
    clock = FixedClock(datetime(2026, 11, 30, 9, 0, tzinfo=CENTER_TZ))
    db = Database(tmp_path / "clerk.db")
    try:
        parked = ParkedIntakes(db, clock)
        first = parked.park(
            window_code="W01", clerk="demo-clerk", item_code="A", state={"person": {"name": "甲"}}
        )
        clock.advance(timedelta(minutes=5))
        second = parked.park(window_code="W01", clerk="demo-clerk", item_code="B", state={})
        parked.park(window_code="W02", clerk="other", item_code="C", state={})
        assert [p.id for p in parked.list("W01")] == [second, first]
        assert parked.get(first).state == {"person": {"name": "甲"}}

        clock.advance(timedelta(minutes=5))
        again = parked.park(
            window_code="W01", clerk="demo-clerk", item_code="A", state={"x": 1}, parked_id=first
        )
        assert again == first and parked.count("W01") == 2
        assert parked.list("W01")[0].id == first  # parked again: newest
        assert parked.remove(first) and not parked.remove(first)
        assert parked.count("W01") == 1
    finally:
        db.close()
    # Survives closing and reopening the file.
    db = Database(tmp_path / "clerk.db")
    try:
        assert [p.id for p in ParkedIntakes(db, clock).list("W01")] == [second]
    finally:
        db.close()
