"""A case changed at the center while this desk had changes of it that did not get there.

The sync engine records the conflict (``store.conflicts``); the clerk decides here: keep the
center's version (this desk's unsent events of the case are voided) or resend this desk's
events on top of it where the lifecycle allows. Both are audited. Call the decisions on the
database writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.remote.wire import client_events_to_wire
from clerk_app.store import conflicts as _store
from clerk_app.store.conflicts import KEEP_CENTER, RESEND_MINE, CannotResendMine, Conflict

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

__all__ = [
    "KEEP_CENTER",
    "RESEND_MINE",
    "CannotResendMine",
    "Conflict",
    "conflict_of",
    "keep_center",
    "resend_mine",
]


def conflict_of(context: AppContext, case_no: str) -> Conflict | None:
    """The open conflict of ``case_no``, or None (never one, or decided already)."""
    return _store.get_conflict(context.backend.store, case_no)


def keep_center(context: AppContext, case_no: str, *, clerk: str) -> int:
    """Keep the center's version; how many of this desk's events were voided."""
    return _store.keep_center(
        context.backend.store,
        case_no,
        clerk=clerk,
        at=context.clock.now(),
        audit_body=client_events_to_wire,
    )


def resend_mine(context: AppContext, case_no: str, *, clerk: str) -> str:
    """Send this desk's events again on top of the center's version; the status after.

    Raises:
        CannotResendMine: the lifecycle does not allow them after the center's status.
    """
    return _store.resend_mine(
        context.backend.store,
        case_no,
        clerk=clerk,
        at=context.clock.now(),
        audit_body=client_events_to_wire,
    )
