"""A month of demo history at W01 and W03, so the demo has something to show on first run.

Cases received over the 30 days before ``today`` (center time): completed ones with
ratings, open ones overdue and due soon, a few waiting for materials and a few refused
(their reasons stored as codes, :data:`REFUSAL_REASON_CODES`, which the dashboard
translates). Every applicant is marked 示例, and every case number is in a sequence
range a desk never reaches on its own (from :data:`FIRST_SEQ`). Loading it again leaves
what is there (a desk may hold those cases since ``GET /changes``).
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.intake import REFUSAL_REASONS
from clerk_app.core.numbering import format_case_no
from records_service.models import Case, CaseEvent, Rating

#: Refusal reasons of the demo, as the codes of the desk's list (``core.intake.
#: REFUSAL_REASONS``); the dashboard shows them in the lead's language.
REFUSAL_REASON_CODES = tuple(code for code in REFUSAL_REASONS if code != "other")
#: The demo's case numbers start here (a desk numbers from 1 each day).
FIRST_SEQ = 990_001
#: Marks every demo applicant and the catalog version of the demo cases.
MARK = "示例"
DEMO_VERSION = "demo-history"

_ITEMS = {
    "W01": ("DEMO-GA-001", "DEMO-GA-002", "DEMO-GA-003", "DEMO-GA-005", "DEMO-GA-006"),
    "W03": ("DEMO-SJ-001", "DEMO-SJ-002", "DEMO-SJ-003", "DEMO-SJ-004", "DEMO-SJ-005"),
}
_CLERKS = {"W01": "demo-clerk", "W03": "demo-clerk-w03"}
_PEOPLE = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强")
_FIRMS = ("星河贸易有限公司", "青禾餐饮店", "远航科技有限公司", "晨光文具店")


def _working_days_after(day: date, days: int) -> date:
    """``days`` weekdays after ``day`` (the demo ignores holidays: it only needs colours)."""
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def _applicant(window: str, n: int) -> dict[str, Any]:
    """A made-up applicant: its document number says 示例, it is no one's."""
    common = {"id_type": "other", "id_number": f"{MARK}-{n:04d}", "phone": f"1380000{n:04d}"}
    if window == "W03":
        return {"kind": "organization", "name": f"{MARK}{_FIRMS[n % len(_FIRMS)]}", **common}
    return {"kind": "person", "name": f"{MARK}{_PEOPLE[n % len(_PEOPLE)]}", **common}


def _plan(today: date) -> list[tuple[int, str, str, int]]:
    """(days ago, window, kind, promised working days) of every demo case, fixed order."""
    # the same history every time, whatever ``today`` is (demo data, not secrets)
    rng = random.Random(20261206)  # noqa: S311
    kinds = ["completed"] * 8 + ["immediate"] * 5 + ["open"] * 6 + ["refused"] * 2 + ["supplement"]
    plan = []
    for ago in range(30, -1, -1):
        day = today - timedelta(days=ago)
        if day.weekday() >= 5:
            continue
        for window in ("W01", "W03"):
            for _ in range(rng.randint(1, 3) if ago else 2):
                plan.append((ago, window, rng.choice(kinds), rng.choice((3, 5, 10, 15, 20))))
    return plan


def _trail(
    kind: str, status: str, received: datetime, completed: datetime | None, n: int
) -> list[tuple[str, datetime, str]]:
    """(event type, when, note) of a demo case: its intake decision and what followed.

    Every case has events, so ``GET /changes`` brings it to the desk of its window (the
    worklist shows it there with its countdown)."""
    if kind == "refused":
        return [("refuse", received, REFUSAL_REASON_CODES[n % len(REFUSAL_REASON_CODES)])]
    if kind == "supplement":
        return [("request_supplement", received, MARK)]
    trail = [("accept", received, MARK)]
    if status == "in_progress":
        trail.append(("start", received + timedelta(hours=1), MARK))
    if completed is not None:
        trail.append(("complete_approved", completed, MARK))
    return trail


def load_history(session: Session, center_code: str, now: datetime) -> int:
    """Add the demo history, dated relative to ``now``, unless it is there already (a desk
    may have pulled those cases: they are never replaced under it). Returns the cases made.
    """
    if session.scalar(select(Case.id).where(Case.catalog_version == DEMO_VERSION).limit(1)):
        return 0
    local_now = now.astimezone(CENTER_TZ)
    today = local_now.date()
    rng = random.Random(1206)  # noqa: S311 - demo query codes
    seqs: dict[tuple[str, date], int] = {}
    made = 0
    for n, (ago, window, kind, limit) in enumerate(_plan(today)):
        day = today - timedelta(days=ago)
        hour = min(8 + n % 8, max(8, local_now.hour - 1)) if ago == 0 else 8 + n % 8
        received = datetime.combine(day, time(hour, (n * 7) % 60), CENTER_TZ)
        seq = seqs[(window, day)] = seqs.get((window, day), FIRST_SEQ - 1) + 1
        due: date | None = _working_days_after(day, limit)
        completed: datetime | None = None
        status, disposition = "in_progress", "promised"
        if kind == "immediate":
            status, disposition, due = "completed_approved", "immediate", day
            completed = received + timedelta(minutes=20 + n % 30)
        elif kind == "completed" and ago > 2:
            status = "completed_approved"
            finished = min(_working_days_after(day, max(1, limit - 2)), today - timedelta(days=1))
            completed = datetime.combine(finished, time(10, n % 60), CENTER_TZ)
        elif kind == "refused":
            status, disposition, due = "refused", "refused", None
        elif kind == "supplement":
            status, disposition, due = "supplement_requested", "supplement", None
        elif kind == "open" and ago > 5 and n % 2:
            due = _working_days_after(day, 2)  # overdue now
        case_id = str(uuid.uuid4())
        at = received.astimezone(UTC)
        session.add(
            Case(
                id=case_id,
                case_no=format_case_no(center_code, window, day, seq),
                seq=seq,
                query_code=f"{rng.randrange(1_000_000):06d}",
                item_code=_ITEMS[window][n % len(_ITEMS[window])],
                window_code=window,
                center_code=center_code,
                catalog_version=DEMO_VERSION,
                applicant=_applicant(window, n),
                agent=None,
                materials=[],
                disposition=disposition,
                status=status,
                received_at=at,
                due_date=due,
                due_date_provisional=False,
                completed_at=completed.astimezone(UTC) if completed else None,
                fee_fen=0,
                clerk=_CLERKS[window],
                created_by=_CLERKS[window],
                device_id=None,
                created_at=at,
                updated_at=(completed or received).astimezone(UTC),
            )
        )
        session.flush()
        for event_type, moment, note in _trail(kind, status, received, completed, n):
            when = moment.astimezone(UTC)
            session.add(
                CaseEvent(
                    id=str(uuid.uuid4()),
                    case_id=case_id,
                    center_code=center_code,
                    type=event_type,
                    at=when,
                    actor=_CLERKS[window],
                    window_code=window,
                    note=note,
                    data=None,
                    device_id=None,
                    recorded_at=when,
                )
            )
        if completed is not None and n % 3 != 2:
            score = (5, 5, 4, 5, 3, 4, 2)[n % 7]
            rated = completed.astimezone(UTC) + timedelta(minutes=2)
            bad = score <= 2
            session.add(
                Rating(
                    id=str(uuid.uuid4()),
                    case_id=case_id,
                    center_code=center_code,
                    score=score,
                    comment=f"{MARK}：等候时间偏长" if bad else "",
                    rated_at=rated,
                    clerk=_CLERKS[window],
                    window_code=window,
                    device_id=None,
                    bad=bad,
                    follow_up_due=completed.date() + timedelta(days=5) if bad else None,
                    followed_up_at=None,
                    follow_up_by=None,
                    follow_up_note=None,
                    recorded_at=rated,
                )
            )
        made += 1
    session.flush()
    return made
