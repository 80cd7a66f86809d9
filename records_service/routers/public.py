"""GET /progress/{case_no}?code= — the applicant's public progress query (rate limited)."""

from __future__ import annotations

import hmac
import threading
import time
from collections import deque
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy import select

from records_service import catalog_store, rules
from records_service.case_views import iso
from records_service.deps import SessionDep, client_ip
from records_service.models import Case
from records_service.problems import ProblemError

router = APIRouter(tags=["public"])


class RateLimiter:
    """At most ``limit`` calls per ``window_s`` seconds per key, in this process."""

    def __init__(self, limit: int, window_s: float, clock: Any = time.monotonic) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float | None:
        """Record a call; return the seconds to wait when over the limit, else None."""
        now = self.clock()
        with self._lock:
            calls = self._calls.setdefault(key, deque())
            while calls and calls[0] <= now - self.window_s:
                calls.popleft()
            if len(calls) >= self.limit:
                return calls[0] + self.window_s - now
            calls.append(now)
            if len(self._calls) > 10_000:  # forget idle callers
                for k in [k for k, v in self._calls.items() if not v]:
                    del self._calls[k]
            return None


def _not_found() -> ProblemError:
    return ProblemError(404, "not-found", "No case with this number and query code.")


@router.get("/progress/{case_no}", operation_id="get_progress")
def get_progress(
    case_no: Annotated[str, Path(max_length=40)],
    code: Annotated[str, Query(max_length=6)],
    request: Request,
    session: SessionDep,
) -> dict[str, Any]:
    """Public progress of a case: status, dates, item and masked applicant.

    An unknown number and a wrong code get the same 404; callers are rate limited.
    """
    limiter: RateLimiter = request.app.state.progress_limiter
    wait = limiter.check(client_ip(request) or "?")
    if wait is not None:
        raise ProblemError(
            429,
            "rate-limited",
            "Too many progress queries; wait a moment.",
            headers={"Retry-After": str(max(1, int(wait) + 1))},
        )
    case = session.scalars(select(Case).where(Case.case_no == case_no)).first()
    if case is None or not hmac.compare_digest(case.query_code.encode(), code.encode()):
        raise _not_found()
    catalog = catalog_store.published(session, case.catalog_version)
    item_name = catalog.item_names.get(case.item_code) if catalog else None
    waiting = any(m.get("deferred") for m in case.materials) and not rules.is_terminal(case.status)
    applicant = case.applicant.get("name", "")
    if case.applicant.get("kind") != "organization":
        applicant = rules.mask_name(applicant)
    return {
        "case_no": case.case_no,
        "status": case.status,
        "hall_group": rules.hall_group(case.status, waiting),
        "item_code": case.item_code,
        "item_name": item_name,
        "applicant": applicant,
        "received_at": iso(case.received_at),
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "completed_at": iso(case.completed_at),
    }
