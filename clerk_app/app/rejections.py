"""Items the records service refused: the clerk corrects and resends them, or voids them.

The store keeps the refused rows and does the writing (``clerk_app.store.rejections``: one
transaction each, journalled and audited); a corrected case creation also corrects the local
case, read from the corrected body by :func:`clerk_app.remote.wire.case_from_wire`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk_app.remote.wire import case_from_wire, client_events_to_wire
from clerk_app.store import rejections as store_rejections
from clerk_app.store.outbox import OutboxRow
from clerk_app.store.rejections import RejectedItem

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session


def resend_corrected(
    context: AppContext, session: Session, outbox_id: int, changes: dict[str, Any]
) -> OutboxRow:
    """Correct the named fields of a refused item and queue it again under its own key.

    Raises:
        CannotResend: the item is not a refused one, or a change is not allowed.
    """
    return store_rejections.resend_corrected(
        context.backend.store,
        outbox_id,
        changes,
        clerk=session.username,
        at=context.clock.now(),
        read_case=case_from_wire,
        audit_body=client_events_to_wire,
    )


def void_rejected(context: AppContext, session: Session, outbox_id: int, reason: str) -> None:
    """Give a refused item up: kept, marked void with the clerk's reason, audited.

    Raises:
        ValueError: no reason given.
        CannotResend: the item is not a refused one.
    """
    store_rejections.void_rejected(
        context.backend.store,
        outbox_id,
        reason,
        clerk=session.username,
        at=context.clock.now(),
        audit_body=client_events_to_wire,
    )


def rejected_items(context: AppContext, case_no: str | None = None) -> list[RejectedItem]:
    """The refused items waiting for the clerk (of one case, or all), oldest first."""
    return store_rejections.rejected_items(context.backend.store, case_no)
