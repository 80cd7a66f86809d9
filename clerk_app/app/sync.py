"""The sync engine of a signed-in window (the outbox sender and the link keeper), and what
the connection panel lists after each round: refused items and open conflicts.

The engine and these reads run on the sync worker thread (``gui.sync_worker``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from clerk_app import __version__
from clerk_app.app.context import has_local_store
from clerk_app.app.renewal import desk_token_renewal
from clerk_app.app.scans import page_uploader
from clerk_app.app.session import has_device_token
from clerk_app.remote.link import LinkIntervals, LinkKeeper
from clerk_app.remote.sync import NEEDS_ACTION, WAITS_FOR_AUTHOR, Backoff, SyncEngine
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
    "WAITS_FOR_AUTHOR",
    "ConflictItem",
    "LinkProblems",
    "RejectedItem",
    "SyncEngine",
    "WaitingCounts",
    "WaitingRow",
    "conflict_items",
    "desk_sync_wanted",
    "link_problems",
    "rejected_items",
    "retry_now",
    "signs_for_desk",
    "sync_engine",
    "waiting_items",
]


#: The roles whose own sign-in at their window may send its outbox while the desk holds no
#: device token (the service gives the desk a device token at their online sign-in).
DESK_ROLES = frozenset({"clerk", "cashier"})


def signs_for_desk(context: AppContext, session: Session | None) -> bool:
    """Whether ``session`` is a clerk or cashier of this desk's window, whose user token
    may send the outbox while the desk holds no device token. A lead, an admin or an
    auditor signed in here never sends the window's records as themselves."""
    return (
        session is not None
        and bool(DESK_ROLES.intersection(session.roles))
        and session.window_code == context.provisioning.window_code
    )


def desk_sync_wanted(context: AppContext) -> bool:
    """Whether this PC is a desk whose outbox should be synced while someone other than
    its clerk is signed in (a lead's dashboard): it holds a device token for its window,
    or has records waiting or refused (then the state, "no device token", is shown)."""
    if not has_local_store(context):
        return False
    if has_device_token(context):
        return True
    counts = context.backend.store.outbox_counts()
    return bool(counts["pending"] or counts["rejected"])


def sync_engine(context: AppContext, session: Session | None) -> SyncEngine:
    """The outbox sender for this window (runs on the sync worker thread).

    It sends with the desk's device token whoever is signed in; only a clerk or cashier of
    the window (:func:`signs_for_desk`) lends their sign-in while the desk holds none. The
    engine renews the device token when due (``app.renewal``).
    """
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
        username=session.username if session and signs_for_desk(context, session) else None,
        link=link,
        heartbeat=timedelta(seconds=int(context.settings["sync.heartbeat_seconds"])),
        renewal=desk_token_renewal(context),
        uploads=page_uploader(context),
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
