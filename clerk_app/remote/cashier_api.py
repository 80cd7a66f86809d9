"""HTTP calls of the offline cashier (issue 17) on an :class:`ApiClient`: the center's
unpaid notices, pulled a page at a time while the link is up so that cash can be taken
with the link down.

Errors are the client's (:class:`ApiError`, :class:`NetworkError`, ...).
"""

from __future__ import annotations

from typing import Any

from clerk_app.remote.api import API_PREFIX, ApiClient, BadResponseError, _expect_dict

#: Notices asked for per page (the service allows up to 1000).
PAGE = 500
#: Pages read at most in one pull (a center with more unpaid notices keeps the first ones).
MAX_PAGES = 40


def issued_notices(api: ApiClient, token: str, *, page: int = PAGE) -> list[dict[str, Any]]:
    """``GET /payment-notices?status=issued`` page after page → the notices still to pay
    that ``token`` reaches (a cashier or a settlement window's desk: the center's)."""
    found: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(MAX_PAGES):
        params: dict[str, Any] = {"status": "issued", "limit": page}
        if cursor:
            params["cursor"] = cursor
        data = _expect_dict(
            api.request("GET", f"{API_PREFIX}/payment-notices", token=token, params=params)
        )
        items = data.get("items")
        if not isinstance(items, list):
            raise BadResponseError("notice list without items")
        found.extend(x for x in items if isinstance(x, dict) and "notice_no" in x)
        cursor = data.get("next")
        if not cursor:
            break
    return found
