"""Unfinished intakes parked at the window (暂存), kept in the local database.

A parked intake is the form's state as JSON (what the clerk typed, the item, the material
marks and the decision); it survives a restart and is resumed from a list. When the intake
is finally taken in, its row is removed in the case's own transaction
(``clerk_app.app.take_in.take_in_case``), so a resumed intake never becomes a second
case. Nothing is masked on disk beyond what the store keeps for cases anyway; the list on
screen masks ID numbers (``clerk_app.gui.parking``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from clerk_app.store.db import Database
from clerk_app.store.outbox import stamp
from clerk_app.store.writer import writes


class _Clock(Protocol):
    def now(self) -> datetime: ...


@dataclass(frozen=True)
class ParkedIntake:
    """One parked intake: who parked it, when, for which item, and the form's state."""

    id: str
    window_code: str
    clerk: str
    item_code: str | None
    state: dict[str, Any]
    parked_at: datetime


class ParkedIntakes:
    """The parked intakes of this desk.

    Args:
        db: the open, migrated database (writes go through the GUI's one writer thread).
        clock: anything with ``now() -> aware datetime``.
    """

    def __init__(self, db: Database, clock: _Clock) -> None:
        self.db = db
        self.clock = clock

    @writes
    def park(
        self,
        *,
        window_code: str,
        clerk: str,
        item_code: str | None,
        state: dict[str, Any],
        parked_id: str | None = None,
    ) -> str:
        """Save (or, with ``parked_id``, replace) a parked intake; returns its id."""
        parked_id = parked_id or str(uuid.uuid4())
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO parked_intakes (id, window_code, clerk, item_code, state_json,"
                " parked_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET clerk = excluded.clerk,"
                " item_code = excluded.item_code, state_json = excluded.state_json,"
                " parked_at = excluded.parked_at",
                (
                    parked_id,
                    window_code,
                    clerk,
                    item_code,
                    json.dumps(state, ensure_ascii=False, sort_keys=True),
                    stamp(self.clock.now()),
                ),
            )
        return parked_id

    def list(self, window_code: str) -> list[ParkedIntake]:
        """This window's parked intakes, the most recently parked first."""
        rows = self.db.query(
            "SELECT id, window_code, clerk, item_code, state_json, parked_at"
            " FROM parked_intakes WHERE window_code = ? ORDER BY parked_at DESC, id",
            (window_code,),
        )
        return [_from_row(r) for r in rows]

    def get(self, parked_id: str) -> ParkedIntake | None:
        row = self.db.query_one(
            "SELECT id, window_code, clerk, item_code, state_json, parked_at"
            " FROM parked_intakes WHERE id = ?",
            (parked_id,),
        )
        return None if row is None else _from_row(row)

    @writes
    def remove(self, parked_id: str) -> bool:
        """Drop a parked intake (taken in, or discarded); False when it was not there."""
        with self.db.transaction() as conn:
            cur = conn.execute("DELETE FROM parked_intakes WHERE id = ?", (parked_id,))
            return cur.rowcount > 0

    def count(self, window_code: str) -> int:
        row = self.db.query_one(
            "SELECT COUNT(*) FROM parked_intakes WHERE window_code = ?", (window_code,)
        )
        return int(row[0]) if row else 0


def _from_row(row: Any) -> ParkedIntake:
    return ParkedIntake(
        id=row[0],
        window_code=row[1],
        clerk=row[2],
        item_code=row[3],
        state=json.loads(row[4]),
        parked_at=datetime.fromisoformat(row[5]),
    )
