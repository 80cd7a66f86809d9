"""The sync engine of a signed-in window (the outbox sender and the link keeper), and what
the connection panel lists after each round: refused items and open conflicts.

The engine and these reads run on the sync worker thread (``gui.sync_worker``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from clerk_app import __version__
from clerk_app.remote.link import LinkIntervals, LinkKeeper
from clerk_app.remote.sync import Backoff, SyncEngine

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

__all__ = [
    "ConflictItem",
    "RejectedItem",
    "SyncEngine",
    "conflict_items",
    "link_problems",
    "rejected_items",
    "sync_engine",
]


def sync_engine(context: AppContext, session: Session) -> SyncEngine:
    """The outbox sender for this window (runs on the sync worker thread)."""
    link = LinkKeeper(
        context.backend.store,
        context.backend.sync_state,
        context.backend.api,
        context.clock,
        device_id=context.device_id,
        client_version=__version__,
        intervals=LinkIntervals(
            changes=timedelta(seconds=int(context.settings["sync.interval_seconds"]))
        ),
    )
    return SyncEngine(
        context.backend.store,
        context.backend.api,
        context.backend.tokens,
        context.clock,
        Backoff(cap=float(context.settings["sync.max_backoff_seconds"])),
        window_code=context.provisioning.window_code,
        device_id=context.device_id,
        username=session.username,
        link=link,
    )


@dataclass(frozen=True)
class RejectedItem:
    """An outbox row the service refused, as the connection panel lists it."""

    row_id: int
    kind: str
    case_no: str | None
    reason: str


@dataclass(frozen=True)
class ConflictItem:
    """A case the center changed while this desk had unsent events of it (open conflict)."""

    case_no: str
    desk_status: str
    center_status: str
    detected_at: datetime | None


def conflict_items(store: Any, limit: int = 200) -> tuple[ConflictItem, ...]:
    """The open conflicts, oldest first (see ``clerk_app.store.conflicts``)."""
    rows = store.db.query(
        "SELECT f.case_no, c.status, json_extract(f.center_json, '$.status'), f.detected_at"
        " FROM conflicts f JOIN cases c ON c.id = f.case_id WHERE f.state = 'open'"
        " ORDER BY f.detected_at, f.case_no LIMIT ?",
        (limit,),
    )
    return tuple(
        ConflictItem(r[0], r[1], str(r[2] or ""), datetime.fromisoformat(r[3]) if r[3] else None)
        for r in rows
    )


def rejected_items(store: Any, limit: int = 200) -> tuple[RejectedItem, ...]:
    """The rejected outbox rows with the case number they belong to."""
    rows = store.db.query(
        "SELECT o.id, o.kind, o.last_error, c.case_no FROM outbox o"
        " LEFT JOIN cases c ON c.id = o.case_id WHERE o.state = 'rejected'"
        " ORDER BY o.id LIMIT ?",
        (limit,),
    )
    return tuple(RejectedItem(int(r[0]), r[1], r[3], r[2] or "") for r in rows)


def link_problems(
    engine: Any, *, with_rejected: bool
) -> tuple[tuple[RejectedItem, ...], tuple[ConflictItem, ...]]:
    """What the connection panel lists after a round of ``engine``: the refused items (when
    ``with_rejected``; reading them costs a query) and the open conflicts. Nothing for an
    engine without a local store."""
    store = getattr(engine, "store", None)
    if store is None:
        return (), ()
    return (rejected_items(store) if with_rejected else ()), conflict_items(store)
