"""GET /progress/{case_no}?code= — the applicant's public progress query (rate limited).

A joint case's number answers too (issue 16): its package, stages and parts
(``JointProgress``, :func:`records_service.joint_views.progress`); a case's number answers
as it always has (``Progress``).

Two limits: ``progress_per_minute`` queries per client address (an IPv6 address counts by
its /64), and ``progress_wrong_codes_per_day`` wrong query codes per case per day, after
which that case answers the same 404 to every code until the next day (the lock and every
wrong code are audited). Counts older than two days are purged.
"""

from __future__ import annotations

import hmac
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import public_applicant_name
from records_service import (
    audit,
    catalog_store,
    forwards,
    joint_views,
    presubmissions,
    read_replica,
    rules,
    signin,
)
from records_service.case_views import iso
from records_service.db import Database
from records_service.deps import (
    ClockDep,
    DatabaseDep,
    ReadSessionDep,
    SessionDep,
    SettingsDep,
    client_ip,
)
from records_service.joint_view_schemas import JointProgress, ProgressAnswer
from records_service.models import Case, JointCase, Presubmission, RateLimit
from records_service.presubmission_schemas import PresubmissionProgress
from records_service.problems import ProblemError, problem_responses
from records_service.schemas import Progress

router = APIRouter(tags=["public"])


#: Rate-limit rows untouched this long are deleted.
KEEP_RATE_LIMITS = timedelta(days=2)


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
                        session.execute(
                            delete(RateLimit).where(RateLimit.window_start < now - KEEP_RATE_LIMITS)
                        )
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


def _wrong_code_key(case_no: str, now: datetime) -> str:
    """The per-case, per-day count of wrong codes (the center's calendar day)."""
    return f"progress-case:{now.astimezone(CENTER_TZ).date().isoformat()}:{case_no}"[:100]


def _wrong_codes(session: Session, key: str) -> int:
    """Today's wrong codes of a number, read through ``session`` (on the primary)."""
    return int(session.scalar(select(RateLimit.count).where(RateLimit.key == key)) or 0)


def _count_wrong_code(
    db: Database, key: str, case_no: str, limit: int, now: datetime, ip: str | None
) -> None:
    """Count a wrong code for ``case_no``; audit it, and the lock when it reaches ``limit``."""
    for attempt in range(2):  # a concurrent first wrong code may insert the row first
        try:
            with db.write() as session:
                row = session.scalars(
                    select(RateLimit).where(RateLimit.key == key).with_for_update()
                ).first()
                if row is None:
                    row = RateLimit(key=key, window_start=now, count=0)
                    session.add(row)
                row.count += 1
                locked = row.count == limit
                audit.record(
                    session,
                    at=now,
                    action="progress.query",
                    result="locked" if locked else "wrong-code",
                    actor=None,
                    target=case_no[:100],
                    client_ip=ip,
                    detail={"wrong_codes_today": row.count},
                )
            return
        except IntegrityError:
            if attempt:
                raise


def _find(
    session: Session, number: str
) -> tuple[Case | None, JointCase | None, Presubmission | None]:
    """The case, joint case or pre-submission with this number (at most one of them)."""
    case = session.scalars(select(Case).where(Case.case_no == number)).first()
    if case is not None:
        return case, None, None
    # A joint number comes from the same sequence as case numbers: never both.
    joint_case = session.scalars(select(JointCase).where(JointCase.joint_no == number)).first()
    if joint_case is not None:
        return None, joint_case, None
    # A pre-submission (issue 19) not yet taken in: once taken in, its case has its number.
    presubmission = session.scalars(select(Presubmission).where(Presubmission.no == number)).first()
    return None, None, presubmission


@router.get(
    "/progress/{case_no}",
    operation_id="get_progress",
    response_model=ProgressAnswer,
    responses=problem_responses(
        404,
        422,
        429,
        s404="no case, joint case or pre-submission with this number and query code (an "
        "unknown number and a wrong code get the same answer)",
    ),
)
def get_progress(
    case_no: Annotated[str, Path(max_length=40)],
    code: Annotated[str, Query(max_length=6, description="the case's 6-digit query code")],
    request: Request,
    session: ReadSessionDep,
    primary: SessionDep,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> ProgressAnswer:
    """Public progress of a case: status, dates, item and masked applicant; of a joint
    case: its package, status, stages and parts (item, department, hall word, due date).

    An unknown number and a wrong code get the same 404; callers are rate limited; wrong
    codes are counted per number (a case's or a joint case's).
    """
    limiter: RateLimiter = request.app.state.progress_limiter
    now = clock()
    ip = client_ip(request)
    wait = limiter.check("progress:" + signin.address_key(ip), now)
    if wait is not None:
        raise ProblemError(
            429,
            "rate-limited",
            "Too many progress queries; wait a moment.",
            headers={"Retry-After": str(max(1, int(wait) + 1))},
        )
    case, joint_case, presubmission = _find(session, case_no)
    if (case, joint_case, presubmission) == (None, None, None) and (
        session.get_bind() is not primary.get_bind()
    ):
        # Read off the primary (issue 20): a number taken in a moment ago may not have
        # reached the replica yet.
        session = primary
        session.info[read_replica.AS_OF] = now
        case, joint_case, presubmission = _find(session, case_no)
    fresh = read_replica.staleness(session)
    if case is not None:
        number, query_code = case.case_no, case.query_code
    elif joint_case is not None:
        number, query_code = joint_case.joint_no, joint_case.query_code
    elif presubmission is not None:
        number, query_code = presubmission.no, presubmission.query_code
    else:
        raise _not_found()
    key = _wrong_code_key(number, now)
    limit = settings.progress_wrong_codes_per_day
    # The count is the primary's: through the read session when it is on the primary (a
    # second session would hold a second connection of the same pool, see pool_nesting).
    on_primary = session if session.get_bind() is primary.get_bind() else primary
    if _wrong_codes(on_primary, key) >= limit:
        raise _not_found()  # locked for today: the right code too
    if not hmac.compare_digest(query_code.encode(), code.encode()):
        # The reads are done: give their connections back before the write takes one.
        session.close()
        primary.close()
        _count_wrong_code(db, key, number, limit, now, ip)
        raise _not_found()
    if presubmission is not None:
        return ProgressAnswer(
            PresubmissionProgress.model_validate(
                {**presubmissions.progress(session, presubmission), **fresh}
            )
        )
    if case is None:
        assert joint_case is not None
        return ProgressAnswer(
            JointProgress.model_validate({**joint_views.progress(session, joint_case), **fresh})
        )
    catalog = catalog_store.published(session, case.catalog_version)
    item_name = catalog.item_names.get(case.item_code) if catalog else None
    waiting = any(m.get("deferred") for m in case.materials) and not rules.is_terminal(case.status)
    applicant = public_applicant_name(case.applicant)
    upper = (
        forwards.upper_case(session, case)
        if case.status == "forwarded" or any(e.type == "forward" for e in case.events)
        else None
    )
    case_progress = Progress.model_validate(
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
            # 上报 (issue 20): how the case fares at the center above, same query code.
            "forwarded_to": {
                "case_no": upper.case_no,
                "status": upper.status,
                "hall_group": rules.hall_group(upper.status, False),
                "completed_at": iso(upper.completed_at),
            }
            if upper is not None
            else None,
            **fresh,
        }
    )
    return ProgressAnswer(case_progress)
