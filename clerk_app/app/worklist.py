"""The worklist: this window's cases from the local store, a page at a time, with filters,
search and due-date countdowns (``store.worklist`` holds the query).

Read only; the GUI reads on its own thread (the query is keyset-paged and quick).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

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
    "WorklistFilter",
    "WorklistQuery",
    "WorklistRow",
    "case_on_desk",
    "item_names",
    "store_closed",
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
