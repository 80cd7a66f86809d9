"""Shared test helpers for the store and remote tests: case bodies and open stores."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.core.event_data import EventData
from clerk_app.core.lifecycle import EventType, Status
from clerk_app.core.records import Case, CaseEvent
from clerk_app.remote.wire import case_from_wire, event_to_wire
from clerk_app.store import Database, LocalStore, writes

T0 = datetime(2026, 11, 28, 9, 30, tzinfo=CENTER_TZ)


def make_payload(
    seq: int,
    *,
    window_code: str = "W01",
    item_code: str = "DEMO-GA-001",
    center: str = "HS",
    day: str = "20261128",
    disposition: str = "promised",
    case_id: str | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    """A ``POST /cases`` body shaped as docs/INTERFACES.md describes."""
    body: dict[str, Any] = {
        "id": case_id or str(uuid.uuid4()),
        "case_no": f"{center}-{window_code}-{day}-{seq:06d}",
        "query_code": f"{(seq * 7919) % 1_000_000:06d}",
        "item_code": item_code,
        "window_code": window_code,
        "catalog_version": "demo-2026.1",
        "applicant": {
            "kind": "person",
            "name": "张三",
            "id_type": "resident_id",
            "id_number": "11010519491231002X",
            "phone": "13800138000",
        },
        "agent": None,
        "materials": [{"code": "M1", "received": True, "deferred": False, "copies": 1}],
        "disposition": disposition,
        "received_at": T0.isoformat(),
        "due_date": "2026-12-08",
        "due_date_provisional": False,
        "fee_fen": 0,
        "clerk": "demo-clerk",
        "first_event": {
            "id": str(uuid.uuid4()),
            "type": "accept",
            "at": T0.isoformat(),
            "note": "",
        },
    }
    body.update(overrides)
    return body


def open_store(path: Path, clock: FixedClock | None = None) -> LocalStore:
    """Open (creating and migrating) a real SQLite file and wrap it in a LocalStore."""
    return LocalStore(Database(path), clock or FixedClock(T0))


def add_case(
    store: LocalStore, payload: dict[str, Any], *, status: str | None = None, outbox: bool = True
) -> Case:
    """Store the case of a ``POST /cases`` body as the desk does: the typed case, and the body
    queued for the service (``outbox=False``: a case from the service, stored as synced).

    ``status``: the case's status when not the initial one of its disposition.
    """
    case = case_from_wire(payload)
    if status is not None:
        case = replace(case, status=Status(status))
    return store.create_case(case, outbox_body=payload if outbox else None)


def add_event(
    store: LocalStore,
    case_no: str,
    event_type: str,
    *,
    actor: str,
    at: datetime,
    note: str = "",
    data: EventData | None = None,
    event_id: str | None = None,
) -> writes.LocalWrite:
    """Write a lifecycle event as the desk does (the typed event, its wire body queued)."""
    event = CaseEvent(
        id=event_id or str(uuid.uuid4()),
        type=EventType(event_type),
        at=at,
        actor=actor,
        note=note,
        data=data,
    )
    return writes.add_event(store, case_no, event, body=event_to_wire(event))


@pytest.fixture
def clock() -> FixedClock:
    """The test clock, standing at :data:`T0`."""
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[LocalStore]:
    """A window's store on a real SQLite file in the test's folder."""
    s = open_store(tmp_path / "clerk.db", clock)
    yield s
    s.db.close()
