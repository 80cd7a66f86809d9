"""The sync engine of a signed-in window (the outbox sender and the link keeper), and what
the connection panel lists after each round: refused items and open conflicts.

The engine and these reads run on the sync worker thread (``gui.sync_worker``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from clerk_app import __version__
from clerk_app.remote.link import LinkIntervals, LinkKeeper
from clerk_app.remote.sync import NEEDS_ACTION, Backoff, SyncEngine
from clerk_app.store.conflicts import ConflictItem
from clerk_app.store.conflicts import conflict_items as store_conflict_items
from clerk_app.store.local import LocalStore
from clerk_app.store.outbox import WaitingCounts, WaitingRow
from clerk_app.store.rejections import RefusedRow, refused_rows

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

__all__ = [
    "NEEDS_ACTION",
    "ConflictItem",
    "LinkProblems",
    "RejectedItem",
    "SyncEngine",
    "WaitingCounts",
    "WaitingRow",
    "conflict_items",
    "link_problems",
    "rejected_items",
    "retry_now",
    "sync_engine",
    "waiting_items",
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
        heartbeat=timedelta(seconds=int(context.settings["sync.heartbeat_seconds"])),
    )


#: A refused outbox row as the connection panel lists it.
RejectedItem = RefusedRow


def conflict_items(store: LocalStore, limit: int = 200) -> tuple[ConflictItem, ...]:
    """The open conflicts, oldest first (see ``clerk_app.store.conflicts``)."""
    return store_conflict_items(store, limit)


def rejected_items(store: LocalStore, limit: int = 200) -> tuple[RejectedItem, ...]:
    """The rejected outbox rows with the case number they belong to."""
    return refused_rows(store, limit)


class LinkEngine(Protocol):
    """What :func:`link_problems` reads of an engine: its local store (None: it has none)."""

    @property
    def store(self) -> LocalStore | None: ...


def waiting_items(store: LocalStore, limit: int = 200) -> tuple[WaitingRow, ...]:
    """The rows waiting to be sent, oldest first, with why their last try failed."""
    return store.outbox_waiting(limit)


@dataclass(frozen=True)
class LinkProblems:
    """What the connection panel lists: refused and waiting items, open conflicts."""

    rejected: tuple[RejectedItem, ...] = ()
    conflicts: tuple[ConflictItem, ...] = ()
    waiting: tuple[WaitingRow, ...] = ()


def link_problems(engine: LinkEngine, *, with_rejected: bool, with_waiting: bool) -> LinkProblems:
    """What the connection panel lists after a round of ``engine``: the refused items (when
    ``with_rejected``; reading them costs a query), the waiting ones (``with_waiting``) and
    the open conflicts. Nothing for an engine without a local store."""
    store = engine.store
    if store is None:
        return LinkProblems()
    return LinkProblems(
        rejected=rejected_items(store) if with_rejected else (),
        conflicts=conflict_items(store),
        waiting=waiting_items(store) if with_waiting else (),
    )


def retry_now(context: AppContext) -> int:
    """ "Retry now" (connection panel): every waiting row due now, the refused ones back in
    line unchanged (same Idempotency-Key: the service never records one twice). Runs on the
    store writer; returns how many rows. The caller then wakes the sync worker."""
    return context.backend.store.retry_now(refused=True)
