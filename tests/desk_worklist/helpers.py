"""Shared pieces of the desk tests: a window's store filled with cases, a context for widgets."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.core.settings import Settings
from clerk_app.store import LocalStore
from clerk_app.store.local import canonical_json, stamp
from tests.printing.conftest import provisioning
from tests.store.helpers import make_payload

REPO = Path(__file__).resolve().parents[2]
DEMO_CATALOG = REPO / "resources" / "catalog" / "demo_catalog.json"


def at(day: date, hour: int = 9, minute: int = 30) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=CENTER_TZ)


def add_case(
    store: LocalStore,
    seq: int,
    *,
    received: date,
    due: date | None,
    status: str | None = None,
    name: str = "张三",
    id_number: str = "11010519491231002X",
    phone: str = "13800138000",
    window_code: str = "W01",
    item_code: str = "DEMO-GA-001",
) -> dict[str, Any]:
    """A case as intake stores it (case + first event + outbox row)."""
    payload = make_payload(
        seq,
        window_code=window_code,
        item_code=item_code,
        day=received.strftime("%Y%m%d"),
        received_at=at(received).isoformat(),
        due_date=None if due is None else due.isoformat(),
    )
    payload["applicant"].update(name=name, id_number=id_number, phone=phone)
    store.create_case(payload, status=status)
    return payload


def bulk_cases(store: LocalStore, count: int, *, start: date, window_code: str = "W01") -> None:
    """``count`` synced cases in one transaction (as if pulled), for size tests and benches."""
    now = stamp(store.clock.now())
    statuses = ("accepted", "in_progress", "supplement_requested", "completed_approved")
    rows = []
    for i in range(count):
        received = start - timedelta(days=i // 200)
        applicant = {
            "kind": "person",
            "name": f"申请人{i}",
            "id_type": "resident_id",
            "id_number": f"110105194912{i % 1_000_000:06d}",
            "phone": f"139{i:08d}",
        }
        case_no = f"HS-{window_code}-{received:%Y%m%d}-{i:06d}"
        body = {"case_no": case_no, "applicant": applicant}
        rows.append(
            (
                str(uuid.UUID(int=i + 1)),
                case_no,
                f"{i % 1_000_000:06d}",
                "DEMO-GA-001",
                window_code,
                statuses[i % len(statuses)],
                "promised",
                canonical_json(applicant),
                canonical_json(body),
                at(received, 9 + (i % 8), i % 60).isoformat(),
                (received + timedelta(days=10)).isoformat(),
                now,
                now,
            )
        )
    with store.db.transaction() as conn:
        conn.executemany(
            "INSERT INTO cases (id, case_no, query_code, item_code, window_code, status,"
            " disposition, applicant_json, payload_json, received_at, due_date, due_provisional,"
            " created_at, updated_at, server_state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'synced')",
            rows,
        )


def desk_context(store: LocalStore, clock: FixedClock, home: Path, **settings: Any) -> Any:
    """What the worklist, case detail and lookup read of an ``AppContext``."""
    paths = SimpleNamespace(config_dir=home / "config", documents_dir=home / "documents")
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.documents_dir.mkdir(parents=True, exist_ok=True)
    if store.load_catalog() is None:
        text = DEMO_CATALOG.read_text(encoding="utf-8")
        store.save_catalog(text, json.loads(text).get("version"), None, clock.now())
    return SimpleNamespace(
        provisioning=provisioning(),
        settings=Settings(values=settings),
        paths=paths,
        clock=clock,
        store=store,
        db=store.db,
        calendar=WorkCalendar.builtin(),
        api=None,
        tokens=None,
        device_id="test-device",
    )
