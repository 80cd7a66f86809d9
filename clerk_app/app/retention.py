"""Retention at start: closed, synced cases and parked intakes older than the machine's
provisioned ``[security] retention_days`` leave the desk (``store.retention``)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from clerk_app.logs import logger
from clerk_app.store.retention import Purged, purge_expired

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

log = logger("app")


def purge_at_start(context: AppContext) -> Purged:
    """Remove what the desk may no longer keep; returns what went."""
    days = int(context.provisioning.retention_days)
    cutoff = context.clock.now() - timedelta(days=days)
    purged = purge_expired(context.backend.db, cutoff)
    if purged.cases or purged.parked:
        log.info(
            "retention (%d days): %d cases, %d parked intakes, %d files removed",
            days,
            purged.cases,
            purged.parked,
            len(purged.files),
        )
    return purged
