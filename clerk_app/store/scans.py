"""The pages scanned for a case's materials (issue 22): one row per page of ``case_scans``.

The page's file is written (sealed, ``store.file_cipher``) before :func:`record_scans` is
called, so a row always points at a file that exists. Sending the pages to the service is
a later step: no outbox row is queued here yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from clerk_app.store.local import LocalStore
from clerk_app.store.outbox import stamp
from clerk_app.store.writer import writes


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
    """Keep the pages of a case (one transaction); a page already kept (same id) is skipped.

    Returns:
        How many rows were added.

    Raises:
        KeyError: no such case here.
        sqlite3.IntegrityError: the same material's page number twice.
    """
    added = 0
    with store.db.transaction() as conn:
        for row in rows:
            if (
                conn.execute("SELECT 1 FROM cases WHERE case_no = ?", (row.case_no,)).fetchone()
                is None
            ):
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
            added += cursor.rowcount
    return added


def case_scans(store: LocalStore, case_no: str) -> list[ScanRow]:
    """The case's scanned pages, by material and page."""
    rows = store.db.query(
        "SELECT id, case_no, material_code, page, path, sha256, size, media_type, scanned_at"
        " FROM case_scans WHERE case_no = ? ORDER BY material_code, page",
        (case_no,),
    )
    return [
        ScanRow(
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
        for r in rows
    ]
