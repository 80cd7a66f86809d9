"""The clerk's printer per document kind, remembered at this window (local key/value state).

Reads are quick (the GUI thread may call them); ``remember_printer`` and ``forget_printer``
write one row each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

#: The local state key of a kind's printer is this prefix and the kind (``printer.slip``).
STATE_PREFIX = "printer."


def remembered_printer(context: AppContext, kind: str) -> str:
    """The printer the clerk chose for ``kind`` at this window ("" when none)."""
    return str(context.backend.store.get_state(STATE_PREFIX + kind) or "")


def remember_printer(context: AppContext, kind: str, printer: str) -> bool:
    """Keep ``printer`` as the choice for ``kind``; False when nothing changed."""
    if not printer or printer == remembered_printer(context, kind):
        return False
    context.backend.store.set_state(STATE_PREFIX + kind, printer)
    return True


def forget_printer(context: AppContext, kind: str) -> None:
    """Back to the provisioned (or the system's default) printer for ``kind``."""
    context.backend.store.set_state(STATE_PREFIX + kind, None)
