"""GET /progress/{case_no}?code= — the applicant's public progress query (rate limited)."""

from __future__ import annotations

import hmac
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from clerk_app.core.identity import public_applicant_name
from records_service import catalog_store, rules
from records_service.case_views import iso
from records_service.db import Database
from records_service.deps import SessionDep, client_ip
from records_service.models import Case, RateLimit
from records_service.problems import ProblemError, problem_responses
from records_service.schemas import Progress

router = APIRouter(tags=["public"])


class RateLimiter:
    """At most ``limit`` calls per ``window_s`` seconds per key, counted in the database so
    that every service process shares the count (fixed windows)."""

    def __init__(self, database: Database, limit: int, window_s: float) -> None:
        self.database = database
        self.limit = limit
        self.window = timedelta(seconds=window_s)

    def check(self, key: str, now: datetime) -> float | None:
        """Record a call; return the seconds to wait when over the limit, else None."""
        key = key[:100]
        for attempt in range(2):  # a concurrent first call may insert the row first
            try:
                with self.database.write() as session:
                    row = session.scalars(
                        select(RateLimit).where(RateLimit.key == key).with_for_update()
                    ).first()
                    if row is None:
                        session.add(RateLimit(key=key, window_start=now, count=1))
                        return None
                    if now - row.window_start >= self.window or now < row.window_start:
                        row.window_start, row.count = now, 1
                        return None
                    if row.count >= self.limit:
                        return (row.window_start + self.window - now).total_seconds()
                    row.count += 1
                    return None
            except IntegrityError:
                if attempt:
                    raise
        return None  # pragma: no cover


def _not_found() -> ProblemError:
    return ProblemError(404, "not-found", "No case with this number and query code.")


@router.get(
    "/progress/{case_no}",
    operation_id="get_progress",
    response_model=Progress,
    responses=problem_responses(
        404,
        422,
        429,
        s404="no case with this number and query code (an unknown number and a wrong code "
        "get the same answer)",
    ),
)
def get_progress(
    case_no: Annotated[str, Path(max_length=40)],
    code: Annotated[str, Query(max_length=6, description="the case's 6-digit query code")],
    request: Request,
    session: SessionDep,
) -> Progress:
    """Public progress of a case: status, dates, item and masked applicant.

    An unknown number and a wrong code get the same 404; callers are rate limited.
    """
    limiter: RateLimiter = request.app.state.progress_limiter
    wait = limiter.check("progress:" + (client_ip(request) or "?"), request.app.state.clock())
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
    applicant = public_applicant_name(case.applicant)
    return Progress.model_validate(
        {
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
    )
