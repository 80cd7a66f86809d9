"""Workload for the offline tests and the benchmark: real intakes, events, ratings, and the
comparison of what the desk committed with what the service holds.

``take_in`` is the desk's own intake (``clerk_app.app.take_in.save_intake``: validate,
allocate the number in its own commit, build the typed case, store it with its first event,
outbox row and journal line in one transaction) without the receipt PDF, which is not what
these tests are about.
"""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clerk_app.app.case_actions import new_event, record_event
from clerk_app.app.ratings import rate_case
from clerk_app.app.take_in import save_intake
from clerk_app.core import intake, lifecycle
from clerk_app.core.catalog import Catalog, Item
from clerk_app.remote.wire import case_to_wire

REPO = Path(__file__).resolve().parents[2]
VALID_ID = "11010519491231002X"  # GB 11643's own worked example
ITEM_CODE = "DEMO-GA-001"


def demo_item(code: str = ITEM_CODE) -> tuple[Catalog, Item]:
    data = json.loads((REPO / "resources" / "catalog" / "demo_catalog.json").read_text("utf-8"))
    catalog = Catalog.from_dict(data)
    item = next(i for i in catalog.items if i.code == code)
    return catalog, item


def draft_for(item: Item, n: int) -> intake.IntakeDraft:
    return intake.IntakeDraft(
        item_code=item.code,
        applicant=intake.Applicant(
            kind="person",
            name=f"测试申请人{n}",
            id_type="resident_id",
            id_number=VALID_ID,
            phone="13800138000",
        ),
        materials=[intake.MaterialReceipt(m.code, received=True) for m in item.materials],
    )


def take_in(context: Any, username: str, item: Item, catalog_version: str, n: int) -> dict:
    """One intake through the application's own use case (``app.take_in.save_intake``:
    validate, number, save the case with its first event and outbox row in one transaction),
    without the receipt PDF; returns the ``POST /cases`` body that was queued."""
    case = save_intake(
        context, draft_for(item, n), item, clerk=username, catalog_version=catalog_version
    )
    return case_to_wire(case)


#: Events a plain case never gets at random: revoking an approval, verifying a commitment it
#: was not taken in on (the center answers 409 ``no-commitment``), a joint part's filing.
NOT_AT_RANDOM = frozenset(
    {
        lifecycle.EventType.REVOKE,
        lifecycle.EventType.COMMITMENT_VERIFIED,
        lifecycle.EventType.COMMITMENT_FALSE,
        lifecycle.EventType.FILE_SUPPLEMENT,
    }
)


def follow_up(context: Any, username: str, case_no: str, rng: random.Random) -> int:
    """0–2 lifecycle events and maybe a rating for a case; returns how many writes."""
    writes = 0
    for _ in range(rng.randint(0, 2)):
        row = context.backend.store.db.query_one(
            "SELECT status FROM cases WHERE case_no = ?", (case_no,)
        )
        events = sorted(lifecycle.allowed_events(row[0]) - NOT_AT_RANDOM)
        if not events:
            break
        event = rng.choice(events)
        note = "按规定办理" if lifecycle.needs_reason(event) else ""
        record_event(
            context, case_no, new_event(event, actor=username, at=context.clock.now(), note=note)
        )
        writes += 1
    if rng.random() < 0.35:
        rate_case(
            context, case_no, rng.randint(1, 5), clerk=username,
            comment=rng.choice(["", "很好", "等候太久"]),
        )  # fmt: skip
        writes += 1
    return writes


# -- comparison ------------------------------------------------------------------------------


def _utc(text: str) -> str:
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def local_records(db_path: Path, window: str = "W01") -> dict[str, set]:
    """Cases, events and ratings committed at the desk, in a comparable form (the file is
    opened as the desk's tools open it: with its SQLCipher key)."""
    from clerk_app.store.cipher import connect_readonly
    from clerk_app.store.keys import database_key_of

    conn = connect_readonly(db_path, database_key_of(db_path))
    try:
        cases = set()
        for cid, no, body in conn.execute(
            "SELECT id, case_no, payload_json FROM cases WHERE window_code = ?", (window,)
        ):
            b = json.loads(body)
            cases.add(_case_key(cid, no, b["applicant"], b["materials"], b["disposition"],
                                b["received_at"], b["query_code"], b["clerk"]))  # fmt: skip
        events = {
            (i, c, t, a or "", n or "", _utc(at))
            for i, c, t, a, n, at in conn.execute(
                "SELECT id, case_id, type, actor, note, at FROM case_events"
            )
        }
        ratings = {
            (i, c, s, m, k)
            for i, c, s, m, k in conn.execute(
                "SELECT id, case_id, score, comment, clerk FROM ratings"
            )
        }
        return {"cases": cases, "events": events, "ratings": ratings}
    finally:
        conn.close()


def service_records(db_path: Path, window: str = "W01") -> dict[str, set]:
    """The same, from the records service's SQLite file."""
    conn = sqlite3.connect(db_path)
    try:
        cases = set()
        for cid, no, app, mats, disp, rec, qc, clerk in conn.execute(
            "SELECT id, case_no, applicant, materials, disposition, received_at, query_code,"
            " clerk FROM cases WHERE window_code = ?",
            (window,),
        ):
            cases.add(_case_key(cid, no, json.loads(app), json.loads(mats), disp, rec, qc, clerk))
        events = {
            (i, c, t, a or "", n or "", _utc(at))
            for i, c, t, a, n, at in conn.execute(
                "SELECT e.id, e.case_id, e.type, e.actor, e.note, e.at FROM case_events e"
                " JOIN cases k ON k.id = e.case_id WHERE k.window_code = ?",
                (window,),
            )
        }
        ratings = {
            (i, c, s, m, k)
            for i, c, s, m, k in conn.execute(
                "SELECT id, case_id, score, comment, clerk FROM ratings WHERE window_code = ?",
                (window,),
            )
        }
        counts = {
            "cases": conn.execute(
                "SELECT count(*) FROM cases WHERE window_code = ?", (window,)
            ).fetchone()[0],
        }
        result: dict[str, Any] = {"cases": cases, "events": events, "ratings": ratings}
        result["case_count"] = counts["cases"]
        return result
    finally:
        conn.close()


def _case_key(cid, no, applicant, materials, disposition, received_at, qc, clerk) -> tuple:
    canon = json.dumps(
        {"applicant": applicant, "materials": materials, "disposition": disposition},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return (cid, no, canon, _utc(received_at), qc, clerk)
