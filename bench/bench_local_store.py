"""Saving a case at the window: case + first event + outbox row in one transaction.

Baseline: one bare INSERT of the same JSON in its own transaction, same pragmas (WAL,
synchronous=FULL), same disk — the cost of a durable commit, which dominates.
"""

from __future__ import annotations

import sqlite3
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

from bench.timing import best, report
from clerk_app.core.clock import SystemClock
from clerk_app.store.db import Database
from clerk_app.store.local import LocalStore, canonical_json
from tests.helpers.store import add_case


def _payload(seq: int) -> dict:
    case_id = str(uuid.uuid4())
    return {
        "id": case_id,
        "case_no": f"HS-W01-20261128-{seq:06d}",
        "query_code": "123456",
        "item_code": "DEMO-GA-001",
        "window_code": "W01",
        "catalog_version": "bench",
        "applicant": {
            "kind": "person",
            "name": "张三",
            "id_type": "resident_id",
            "id_number": "11010519491231002X",
            "phone": "13800138000",
        },
        "agent": None,
        "materials": [{"code": "M1", "received": True, "deferred": False, "copies": 1}],
        "disposition": "promised",
        "received_at": datetime.now(UTC).isoformat(),
        "due_date": "2026-12-08",
        "due_date_provisional": False,
        "fee_fen": 0,
        "clerk": "bench",
        "first_event": {
            "id": str(uuid.uuid4()),
            "type": "accept",
            "at": datetime.now(UTC).isoformat(),
            "note": "",
        },
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = LocalStore(Database(Path(tmp) / "clerk.db"), SystemClock())
        counter = iter(range(1, 10**7))

        def save_case() -> None:
            add_case(store, _payload(next(counter)))

        raw = sqlite3.connect(Path(tmp) / "raw.db", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT)")

        def bare_insert() -> None:
            p = _payload(0)
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO t VALUES (?, ?)", (p["id"], canonical_json(p)))
            raw.execute("COMMIT")

        report(
            "store.create_case",
            best(save_case, number=50),
            best(bare_insert, number=50),
            "one durable INSERT",
        )
        raw.close()
        store.db.close()


if __name__ == "__main__":
    main()
