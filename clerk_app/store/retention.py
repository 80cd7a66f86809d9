"""Keeping applicants' data on the desk no longer than needed (issue 14).

A case leaves the desk when it is closed (a terminal status), the center has it
(``server_state = 'synced'``), nothing of it is waiting or refused in the outbox, it has no
open conflict, and it has not changed for the provisioned number of days; its events,
ratings, archived document rows (and their PDFs), settled conflicts and sent outbox rows go
with it; a joint case taken in here goes with its last part. Parked intakes older than that
go too. The center keeps every record; the hash-chained journal is left whole
(``export-journal`` must still verify).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from clerk_app.core.lifecycle import TERMINAL
from clerk_app.store.db import Database
from clerk_app.store.local import stamp
from clerk_app.store.writer import writes

log = logging.getLogger("clerk.store")


@dataclass(frozen=True)
class Purged:
    """What a purge removed."""

    cases: int
    parked: int
    files: tuple[Path, ...]


def expired_cases(cutoff: datetime) -> tuple[str, tuple[str, ...]]:
    """The query (and its parameters) for the ids of the cases that may leave the desk.

    Its ``status IN`` / ``server_state = 'synced'`` / ``updated_at <`` terms are what the
    partial index ``cases_expiry`` (MIGRATION_15) serves: a range read at every start, not a
    scan of every case. Keep them literally so if this query changes.
    """
    terminal = tuple(sorted(s.value for s in TERMINAL))
    marks = ", ".join("?" for _ in terminal)
    sql = (
        f"SELECT c.id FROM cases c WHERE c.status IN ({marks})"  # noqa: S608
        " AND c.server_state = 'synced' AND c.updated_at < ?"
        " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = c.id"
        "   AND o.state IN ('pending', 'rejected'))"
        " AND NOT EXISTS (SELECT 1 FROM conflicts k WHERE k.case_id = c.id"
        "   AND k.state = 'open')"
    )
    return sql, (*terminal, stamp(cutoff))


# ``c.joint_case_no <> ''`` lets the subquery use the partial index cases_joint: without it,
# each synced joint case scanned every case (a joint number is never empty).
JOINT_CASES_GONE = (
    "DELETE FROM joint_cases WHERE server_state = 'synced' AND NOT EXISTS"
    " (SELECT 1 FROM cases c WHERE c.joint_case_no = joint_cases.joint_no"
    "  AND c.joint_case_no <> '')"
    " RETURNING id"
)


@writes
def purge_expired(db: Database, cutoff: datetime) -> Purged:
    """Delete synced, closed cases unchanged since ``cutoff`` and intakes parked before it.

    Returns what went; the PDFs listed in ``files`` are deleted after the commit.
    """
    when = stamp(cutoff)
    with db.transaction() as conn:
        ids = [r[0] for r in conn.execute(*expired_cases(cutoff)).fetchall()]
        files: list[Path] = []
        for case_id in ids:
            files += [
                Path(r[0])
                for r in conn.execute(
                    "SELECT path FROM documents WHERE case_id = ?", (case_id,)
                ).fetchall()
            ]
            for table in ("documents", "ratings", "conflicts", "outbox"):
                conn.execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,))  # noqa: S608
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
        # A joint case taken in here goes with its last part (issue 16), its sent row too.
        joints = conn.execute(JOINT_CASES_GONE).fetchall()
        conn.executemany(
            "DELETE FROM outbox WHERE case_id IS NULL AND idempotency_key = ? AND state = 'sent'",
            [(r[0],) for r in joints],
        )
        parked = conn.execute("DELETE FROM parked_intakes WHERE parked_at < ?", (when,)).rowcount
    for path in files:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("retention: could not delete %s: %s", path, exc)
    if ids or parked:
        log.info("retention: %d closed cases and %d parked intakes removed", len(ids), parked)
    return Purged(len(ids), int(parked), tuple(files))
