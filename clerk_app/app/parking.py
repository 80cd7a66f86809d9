"""Parked intakes (暂存): an unfinished form saved in the local database, resumed later.

``park`` and ``discard`` write (call them on the database writer); ``parked_intakes`` reads.
A resumed intake that is then taken in leaves the list in the case's own transaction
(``app.take_in``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk_app.store.parked import ParkedIntake, ParkedIntakes

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

__all__ = ["ParkedIntake", "discard", "park", "parked_intakes"]


def _parked(context: AppContext) -> ParkedIntakes:
    return ParkedIntakes(context.backend.db, context.clock)


def park(
    context: AppContext,
    *,
    clerk: str,
    item_code: str | None,
    state: dict[str, Any],
    parked_id: str | None = None,
) -> str:
    """Save the form's state (or, with ``parked_id``, replace a parked one); its id."""
    return _parked(context).park(
        window_code=context.provisioning.window_code,
        clerk=clerk,
        item_code=item_code,
        state=state,
        parked_id=parked_id,
    )


def parked_intakes(context: AppContext) -> list[ParkedIntake]:
    """This window's parked intakes, the latest first."""
    return _parked(context).list(context.provisioning.window_code)


def discard(context: AppContext, parked_id: str) -> bool:
    """Delete a parked intake; False when it was gone already."""
    return _parked(context).remove(parked_id)
