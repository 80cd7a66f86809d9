"""The pages scanned for a case's materials (issue 22): one row per page of ``case_scans``.

The page's file is written (sealed, ``store.file_cipher``) before :func:`record_scans` is
called, so a row always points at a file that exists. The same transaction queues one
outbox row per page (kind :data:`KIND_ATTACHMENT`: its declaration, ``POST
/cases/{case_no}/attachments``, Idempotency-Key the page's id), after the case's own rows,
so the case record reaches the center first; the sync engine then sends the page's bytes
in chunks (``remote.attachments``) and keeps the bytes the service acknowledged in
``sent_bytes`` (migration 14) so that a dropped link or a restarted desk resumes there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from clerk_app.store.local import LocalStore
from clerk_app.store.outbox import OutboxMixin, canonical_json, stamp
from clerk_app.store.writer import writes

#: The outbox kind of a page to send (its declaration, then its bytes).
KIND_ATTACHMENT = "attachment"


def attachment_path(case_no: str) -> str:
    """The declaration route of a case's files."""
    return f"/api/v1/cases/{case_no}/attachments"


def declaration(row: ScanRow) -> dict[str, object]:
    """What the service is told of a page before its bytes (``AttachmentCreate``)."""
    return {
        "id": row.id,
        "material_code": row.material_code,
        "page": row.page,
        "content_type": row.media_type,
        "size": row.size,
        "sha256": row.sha256,
    }


@dataclass(frozen=True)
class ScanRow:
    """One scanned page of a material.

    Attributes:
        path: the sealed file, relative to the documents folder.
        sha256, size: of the plain image.
    """

    id: str
    case_no: str
    material_code: str
    page: int
    path: str
    sha256: str
    size: int
    media_type: str
    scanned_at: datetime


@writes
def record_scans(store: LocalStore, rows: Sequence[ScanRow]) -> int:
    """Keep the pages of a case and queue each for the service (one transaction); a page
    already kept (same id) is skipped.

    Returns:
        How many rows were added.

    Raises:
        KeyError: no such case here.
        sqlite3.IntegrityError: the same material's page number twice.
    """
    added = 0
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        for row in rows:
            case = conn.execute("SELECT id FROM cases WHERE case_no = ?", (row.case_no,)).fetchone()
            if case is None:
                raise KeyError(f"no local case {row.case_no}")
            cursor = conn.execute(
                "INSERT OR IGNORE INTO case_scans (id, case_no, material_code, page, path,"
                " sha256, size, media_type, scanned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.id,
                    row.case_no,
                    row.material_code,
                    row.page,
                    row.path,
                    row.sha256,
                    row.size,
                    row.media_type,
                    stamp(row.scanned_at),
                ),
            )
            if cursor.rowcount:
                OutboxMixin._enqueue(
                    conn,
                    case_id=case[0],
                    kind=KIND_ATTACHMENT,
                    method="POST",
                    path=attachment_path(row.case_no),
                    idempotency_key=row.id,
                    body_json=canonical_json(declaration(row)),
                    now=now,
                )
            added += cursor.rowcount
    return added


def case_scans(store: LocalStore, case_no: str) -> list[ScanRow]:
    """The case's scanned pages, by material and page."""
    rows = store.db.query(
        "SELECT id, case_no, material_code, page, path, sha256, size, media_type, scanned_at"
        " FROM case_scans WHERE case_no = ? ORDER BY material_code, page",
        (case_no,),
    )
    return [_scan(r) for r in rows]


def _scan(r: Any) -> ScanRow:
    return ScanRow(
        id=r[0],
        case_no=r[1],
        material_code=r[2],
        page=int(r[3]),
        path=r[4],
        sha256=r[5],
        size=int(r[6]),
        media_type=r[7],
        scanned_at=datetime.fromisoformat(r[8]),
    )


def scan_row(store: LocalStore, scan_id: str) -> ScanRow | None:
    """One page by its id (None: no such page here)."""
    rows = store.db.query(
        "SELECT id, case_no, material_code, page, path, sha256, size, media_type, scanned_at"
        " FROM case_scans WHERE id = ?",
        (scan_id,),
    )
    return _scan(rows[0]) if rows else None


def sent_bytes(store: LocalStore, scan_id: str) -> int:
    """How many bytes of the page the service has acknowledged (0: none, or no such page)."""
    row = store.db.query_one("SELECT sent_bytes FROM case_scans WHERE id = ?", (scan_id,))
    return int(row[0]) if row is not None else 0


@writes
def set_sent_bytes(store: LocalStore, scan_id: str, acknowledged: int) -> None:
    """Remember the bytes of the page the service acknowledged (its answer to a chunk)."""
    with store.db.transaction() as conn:
        conn.execute("UPDATE case_scans SET sent_bytes = ? WHERE id = ?", (acknowledged, scan_id))


def claimed_scan_paths(store: LocalStore) -> set[str]:
    """The page files the desk still needs (relative to the documents folder): those kept
    with a case, and those a parked intake of any window names in its state's ``scans``."""
    paths = {str(r[0]) for r in store.db.query("SELECT path FROM case_scans")}
    for (state_json,) in store.db.query("SELECT state_json FROM parked_intakes"):
        try:
            pages = json.loads(state_json).get("scans") or []
        except (ValueError, AttributeError):
            continue
        paths.update(str(p["path"]) for p in pages if isinstance(p, dict) and "path" in p)
    return paths
