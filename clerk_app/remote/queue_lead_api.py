"""The lead's queue figures (issue 18) over HTTP: ``GET /workload/queue?from=&to=``.

The answer is returned as the wire's JSON, checked for the parts the dashboard reads;
:mod:`clerk_app.app.queue_dashboard` turns it into typed records. Errors are the
client's (:class:`ApiError`, :class:`NetworkError`, ...).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from clerk_app.remote.api import API_PREFIX, ApiClient, BadResponseError, _expect_dict

#: The lists a queue dashboard answer must carry.
LISTS = ("categories", "windows", "calls_per_hour", "heat_map", "pauses")


def queue_workload(api: ApiClient, token: str, start: date, end: date) -> dict[str, Any]:
    """``GET /workload/queue``: waiting and service time per category and window, no-shows,
    calls per hour, the hour × weekday heat map, pauses and appointments of the tickets of
    ``start`` to ``end`` (both days included, center time)."""
    params = {"from": start.isoformat(), "to": end.isoformat()}
    data = _expect_dict(
        api.request("GET", f"{API_PREFIX}/workload/queue", token=token, params=params)
    )
    missing = [key for key in LISTS if not isinstance(data.get(key), list)]
    if missing or not isinstance(data.get("total"), dict):
        raise BadResponseError("/workload/queue answer without " + ", ".join(missing or ["total"]))
    return data
