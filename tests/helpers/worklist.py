"""Shared pieces of the desk tests: a window's store filled with cases, a context for widgets."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.core.settings import Settings
from clerk_app.store import LocalStore
from clerk_app.store.local import stamp
from tests.helpers import store as store_helpers
from tests.helpers.printing import desk_secrets, provisioning
from tests.helpers.store import make_payload

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
    payload["first_event"]["at"] = payload["received_at"]
    store_helpers.add_case(store, payload, status=status)
    return payload


def bulk_cases(store: LocalStore, count: int, *, start: date, window_code: str = "W01") -> None:
    """``count`` synced cases made inside SQLite in one statement (as if pulled), for size
    tests and benches: received 200 a day going back from ``start``, due 10 days later."""
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        conn.execute(
            """
            WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?),
            made AS (
                SELECT i, date(?, '-' || (i / 200) || ' days') AS day,
                       json_object('kind', 'person', 'name', '申请人' || i,
                                   'id_type', 'resident_id',
                                   'id_number', printf('110105194912%06d', i % 1000000),
                                   'phone', printf('139%08d', i)) AS applicant
                FROM seq
            )
            INSERT INTO cases (id, case_no, query_code, item_code, window_code, status,
                disposition, applicant_json, payload_json, received_at, due_date,
                due_provisional, created_at, updated_at, server_state)
            SELECT printf('00000000-0000-4000-8000-%012d', i),
                   printf('HS-%s-%s-%06d', ?3, replace(day, '-', ''), i),
                   printf('%06d', i % 1000000), 'DEMO-GA-001', ?3,
                   CASE i % 4 WHEN 0 THEN 'accepted' WHEN 1 THEN 'in_progress'
                        WHEN 2 THEN 'supplement_requested' ELSE 'completed_approved' END,
                   'promised', applicant,
                   json_object('case_no', printf('HS-%s-%s-%06d', ?3, replace(day, '-', ''), i),
                               'applicant', json(applicant)),
                   printf('%sT%02d:%02d:00+08:00', day, 9 + i % 8, i % 60),
                   date(day, '+10 days'), 0, ?4, ?4, 'synced'
            FROM made
            """,
            (count, start.isoformat(), window_code, now),
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
        backend=SimpleNamespace(
            store=store, db=store.db, api=None, tokens=None, secrets=desk_secrets(home)
        ),
        calendar=WorkCalendar.builtin(),
        device_id="test-device",
    )
