"""The worklist: this window's cases from the local store, a page at a time, with filters,
search and due-date countdowns (``store.worklist`` holds the query).

Read only; the GUI reads on its own thread (the query is keyset-paged and quick).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from clerk_app.store.commitment import VerificationRow, pending_verifications
from clerk_app.store.worklist import (
    DUE_ANY,
    DUE_OVERDUE,
    DUE_SOON,
    MATERIAL_DUE_TODAY,
    MATERIAL_OVERDUE,
    PAGE_SIZE,
    URGENCY_OVERDUE,
    URGENCY_SOON,
    Cursor,
    WorklistFilter,
    WorklistQuery,
    WorklistRow,
    open_joint_numbers,
)

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.core.calendar import WorkCalendar
    from clerk_app.core.records import Case

__all__ = [
    "DUE_ANY",
    "DUE_OVERDUE",
    "DUE_SOON",
    "MATERIAL_DUE_TODAY",
    "MATERIAL_OVERDUE",
    "PAGE_SIZE",
    "URGENCY_OVERDUE",
    "URGENCY_SOON",
    "Cursor",
    "VerificationDue",
    "WorklistFilter",
    "WorklistQuery",
    "WorklistRow",
    "case_on_desk",
    "item_names",
    "store_closed",
    "takes_joint_cases",
    "verifications_due",
    "worklist_query",
]


def worklist_query(context: AppContext, calendar: WorkCalendar) -> WorklistQuery:
    """A fresh query of this window's cases (today may have changed since the last one)."""
    clock = context.clock
    today = clock.today() if hasattr(clock, "today") else clock.now().date()
    return WorklistQuery(
        context.backend.store.db,
        context.provisioning.window_code,
        calendar,
        today,
        int(context.settings["worklist.due_soon_working_days"]),
    )


def item_names(context: AppContext) -> dict[str, str]:
    """Item code → name, from the cached catalog (empty when there is none)."""
    cached = context.backend.store.load_catalog()
    if cached is None:
        return {}
    try:
        data = json.loads(cached.json_text)
    except ValueError:
        return {}
    return {str(i.get("code")): str(i.get("name")) for i in data.get("items", [])}


def store_closed(context: AppContext) -> bool:
    """True once the local database is closed (the desk is shutting down)."""
    return context.backend.store.db.closed


def case_on_desk(context: AppContext, case_no: str) -> Case | None:
    """This desk's record of ``case_no`` (None when the desk has no such case)."""
    return context.backend.store.get_case(case_no)


def takes_joint_cases(context: AppContext) -> bool:
    """Whether this window has joint cases open that it took in (the 综合窗口)."""
    window = context.provisioning.window_code
    return bool(open_joint_numbers(context.backend.store.db, window))


@dataclass(frozen=True, slots=True)
class VerificationDue:
    """A verification the worklist shows: the case, its deadline, and how urgent it is."""

    row: VerificationRow
    overdue: bool
    due_soon: bool


def verifications_due(context: AppContext, *, soon_days: int = 3) -> list[VerificationDue]:
    """The commitments on this desk still to verify, soonest deadline first.

    ``due_soon``: the deadline is within ``soon_days`` working days; ``overdue``: it passed.
    """
    today = context.clock.today()
    out = []
    for row in pending_verifications(context.backend.db):
        due: date | None = row.verify_by
        left = None if due is None else context.calendar.working_days_between(today, due)
        out.append(
            VerificationDue(
                row=row,
                overdue=due is not None and due < today,
                due_soon=left is not None and 0 <= left <= soon_days,
            )
        )
    return out
