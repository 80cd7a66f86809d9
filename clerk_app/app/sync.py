"""The sync engine of a signed-in window (the outbox sender and the link keeper), and what
the connection panel lists after each round: refused items and open conflicts.

The engine and these reads run on the sync worker thread (``gui.sync_worker``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from clerk_app import __version__
from clerk_app.remote.link import LinkIntervals, LinkKeeper
from clerk_app.remote.sync import Backoff, SyncEngine
from clerk_app.store.conflicts import ConflictItem
from clerk_app.store.conflicts import conflict_items as store_conflict_items
from clerk_app.store.local import LocalStore
from clerk_app.store.rejections import RefusedRow, refused_rows

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


def link_problems(
    engine: LinkEngine, *, with_rejected: bool
) -> tuple[tuple[RejectedItem, ...], tuple[ConflictItem, ...]]:
    """What the connection panel lists after a round of ``engine``: the refused items (when
    ``with_rejected``; reading them costs a query) and the open conflicts. Nothing for an
    engine without a local store."""
    store = engine.store
    if store is None:
        return (), ()
    return (rejected_items(store) if with_rejected else ()), conflict_items(store)
