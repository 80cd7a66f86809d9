"""The sync engine of a signed-in window: the outbox sender and the link keeper.

The engine runs on the sync worker thread (``gui.sync_worker``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from clerk_app import __version__
from clerk_app.remote.link import LinkIntervals, LinkKeeper
from clerk_app.remote.sync import Backoff, SyncEngine

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

__all__ = ["SyncEngine", "sync_engine"]


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
