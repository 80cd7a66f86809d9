"""上报 between levels (issue 20): the case at the center above, as the service last said,
is kept with the desk's case (in ``payload_json``, no new column) when a pulled case brings
it or changes it, and a case pulled before it was known reads as not forwarded up."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.lifecycle import Status
from clerk_app.core.records import ForwardedTo
from clerk_app.remote.wire import case_from_wire
from clerk_app.store.writes import apply_server_case
from tests.helpers.store import add_case, make_payload, open_store


def _served(payload: dict, status: str, upper_status: str, done: str | None) -> dict:
    return {
        **{k: v for k, v in payload.items() if k != "first_event"},
        "status": status,
        "events": [],
        "forwarded_to": {
            "case_no": "HS" + payload["case_no"].removeprefix("JZ"),
            "center_code": "HS",
            "status": upper_status,
            "hall_group": "在办",
            "completed_at": done,
            "events": [],
        },
    }


def test_the_upper_case_is_kept_and_follows_the_center(tmp_path: Path) -> None:
    store = open_store(tmp_path / "clerk.db")
    mine = make_payload(1, window_code="JZ01", center="JZ")
    add_case(store, mine)
    assert store.get_case(mine["case_no"]).forwarded_to is None
    store.mark_sent(store.outbox_rows()[0].id, 201, {})
    upper_no = "HS" + mine["case_no"].removeprefix("JZ")

    apply_server_case(store, case_from_wire(_served(mine, "forwarded", "accepted", None)))
    assert store.get_case(mine["case_no"]).forwarded_to == ForwardedTo(
        upper_no, "HS", Status.ACCEPTED, None
    )
    done = "2026-12-01T16:05:00+08:00"
    apply_server_case(
        store, case_from_wire(_served(mine, "completed_approved", "completed_approved", done))
    )
    case = store.get_case(mine["case_no"])
    assert case.status is Status.COMPLETED_APPROVED
    assert case.forwarded_to == ForwardedTo(
        upper_no, "HS", Status.COMPLETED_APPROVED, datetime(2026, 12, 1, 16, 5, tzinfo=CENTER_TZ)
    )

    # A case pulled from another desk of the window, already forwarded up: created with it.
    other = make_payload(2, window_code="JZ01", center="JZ")
    apply_server_case(store, case_from_wire(_served(other, "forwarded", "received", None)))
    assert store.get_case(other["case_no"]).forwarded_to.status is Status.RECEIVED
    store.db.close()
