"""Workload for the offline tests and the benchmark: real intakes, events, ratings, and the
comparison of what the desk committed with what the service holds.

``take_in`` follows ``clerk_app.intake_service.take_in_case`` step for step — validate,
allocate the number (its own commit), build the body, ``LocalStore.create_case`` (case +
first event + outbox row + journal in one transaction) — and stops before the receipt PDF,
which needs a GUI and is not what these tests are about.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clerk_app.app.session import CASE_SEQUENCE
from clerk_app.core import intake, lifecycle
from clerk_app.core.catalog import Catalog, Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.numbering import format_case_no, new_query_code
from clerk_app.store.writes import add_event, add_rating

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
    """One intake through the store path the GUI uses; returns the committed body."""
    now = context.clock.now().astimezone(CENTER_TZ)
    draft = draft_for(item, n)
    checked = intake.validate(draft, item, today=now.date(), calendar=context.calendar)
    if checked.errors:
        raise intake.InvalidDraft(checked.errors)
    prov = context.provisioning
    seq = context.backend.store.allocate_sequence(CASE_SEQUENCE)
    payload = intake.build_case_payload(
        draft,
        item,
        case_id=str(uuid.uuid4()),
        case_no=format_case_no(prov.center_code, prov.window_code, now.date(), seq),
        query_code=new_query_code(),
        window_code=prov.window_code,
        catalog_version=catalog_version,
        clerk=username,
        received_at=now,
        calendar=context.calendar,
    )
    context.backend.store.create_case(payload)
    return payload


def follow_up(context: Any, username: str, case_no: str, rng: random.Random) -> int:
    """0–2 lifecycle events and maybe a rating for a case; returns how many writes."""
    writes = 0
    for _ in range(rng.randint(0, 2)):
        row = context.backend.store.db.query_one(
            "SELECT status FROM cases WHERE case_no = ?", (case_no,)
        )
        events = sorted(lifecycle.allowed_events(row[0]) - {lifecycle.EventType.REVOKE})
        if not events:
            break
        event = rng.choice(events)
        note = "按规定办理" if lifecycle.needs_reason(event) else ""
        add_event(
            context.backend.store, case_no, str(event.value), actor=username,
            at=context.clock.now(), note=note,
        )  # fmt: skip
        writes += 1
    if rng.random() < 0.35:
        add_rating(
            context.backend.store, case_no, rng.randint(1, 5), clerk=username,
            at=context.clock.now(), comment=rng.choice(["", "很好", "等候太久"]),
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
    """Cases, events and ratings committed at the desk, in a comparable form."""
    conn = sqlite3.connect(db_path)
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
