"""Parked intakes (暂存): an unfinished form saved in the local database, resumed later.

``park`` and ``discard`` write (call them on the database writer); ``parked_intakes`` reads.
A resumed intake that is then taken in leaves the list in the case's own transaction
(``app.take_in``); a joint intake (``state["joint"]``, its package code in ``item_code``)
likewise (``take_in_parked_joint``). Quitting with a half-filled form parks it
(``park_at_quit``) and leaves a note the next start reads (``parked_at_quit``) and clears
(``forget_quit_note``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from clerk_app.store.parked import ParkedIntake, ParkedIntakes

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.joint import TakenJoint
    from clerk_app.app.scans import KeptScan
    from clerk_app.app.session import Session
    from clerk_app.core.joint_intake import JointDraft

__all__ = [
    "ParkedIntake",
    "discard",
    "forget_quit_note",
    "park",
    "park_at_quit",
    "parked_at_quit",
    "parked_intakes",
    "take_in_parked_joint",
    "unsent_cases",
    "unsent_counts",
]

#: The ``state`` key naming the intake parked when the desk was last closed.
QUIT_NOTE = "parking.parked_at_quit"


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
    """Delete a parked intake, and the sealed files of its scanned pages that nothing else
    keeps (no case, no other parked intake: ``app.scans.release_scans``); on the writer.
    False when it was gone already."""
    parked = _parked(context).get(parked_id)
    removed = _parked(context).remove(parked_id)
    if removed and parked is not None:
        from clerk_app.app.scans import release_scans  # only when a discard happens

        release_scans(context, _pages(parked.state))
    return removed


def _pages(state: dict[str, Any]) -> list[KeptScan]:
    """The scanned pages a parked form names (``scans``: ``gui.scan_panel``'s snapshot);
    only files in the scans folder (a damaged state never names another file)."""
    from clerk_app.app.scans import SCANS_FOLDER, SUFFIX, KeptScan

    pages = []
    for page in state.get("scans") or [] if isinstance(state, dict) else []:
        path = str(page.get("path") or "") if isinstance(page, dict) else ""
        folder, _, name = path.partition("/")
        if folder != SCANS_FOLDER or not name.endswith(SUFFIX) or "/" in name or ".." in name:
            continue
        pages.append(
            KeptScan(
                id=str(page.get("id") or ""),
                material_code=str(page.get("material_code") or ""),
                path=path,
                sha256=str(page.get("sha256") or ""),
                size=0,  # release_scans goes by the path only
                scanned_at=datetime.min,
            )
        )
    return pages


def take_in_parked_joint(
    context: AppContext, session: Session, draft: JointDraft, parked_id: str = ""
) -> TakenJoint:
    """``app.joint.take_in_joint``; a joint intake resumed from the parked list
    (``parked_id``) leaves it in the same transaction (on the writer)."""
    from clerk_app.app import joint

    if not parked_id:
        return joint.take_in_joint(context, session, draft)
    with context.backend.store.db.transaction():
        taken = joint.take_in_joint(context, session, draft)
        _parked(context).remove(parked_id)
    return taken


def park_at_quit(
    context: AppContext,
    *,
    clerk: str,
    item_code: str | None,
    state: dict[str, Any],
    parked_id: str | None = None,
) -> str:
    """Park the form left open at quit and note it for the next start (on the writer)."""
    new_id = park(context, clerk=clerk, item_code=item_code, state=state, parked_id=parked_id)
    context.backend.store.set_state(QUIT_NOTE, new_id)
    return new_id


def parked_at_quit(context: AppContext) -> ParkedIntake | None:
    """The intake parked when the desk was last closed, if it is still parked."""
    parked_id = context.backend.store.get_state(QUIT_NOTE)
    if not parked_id:
        return None
    return next((p for p in parked_intakes(context) if p.id == parked_id), None)


def forget_quit_note(context: AppContext) -> None:
    """The next start told the clerk: forget the note (on the writer)."""
    context.backend.store.set_state(QUIT_NOTE, None)


def unsent_cases(context: AppContext) -> int:
    """How many cases still wait to be sent to the center (what quitting leaves behind)."""
    return context.backend.store.outbox_waiting_counts().cases


def unsent_counts(context: AppContext) -> tuple[int, int, int]:
    """What still waits to be sent, as a clerk counts it: (cases, documents, other records
    such as ratings) — a case's later events count with the case."""
    counts = context.backend.store.outbox_waiting_counts()
    return counts.cases, counts.documents, counts.other
