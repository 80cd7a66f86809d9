"""Items the records service refused, waiting for the clerk on this desk.

The store keeps the refused rows (``clerk_app.store.rejections``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.store import rejections as store_rejections
from clerk_app.store.rejections import RejectedItem

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext


def rejected_items(context: AppContext, case_no: str | None = None) -> list[RejectedItem]:
    """The refused items waiting for the clerk (of one case, or all), oldest first."""
    return store_rejections.rejected_items(context.backend.store, case_no)
