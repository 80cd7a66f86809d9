"""A generated month of cases for the dashboard tests, and its totals computed by hand.

30 windows in 5 departments, 20,000+ cases received 1–27 November 2026 with mixed statuses,
dispositions, refusal reasons and ratings, written straight into the records database with
the service's SQLAlchemy models (bulk inserts). :func:`expected` counts the figures in plain
Python over the generated list, from the facts each case was generated with; it does not use
``clerk_app.core.workload`` or the service.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from records_service.db import Database
from records_service.demo import upsert_user
from records_service.models import Case, CaseEvent, Rating, Window
from tests.helpers.service import DEMO_PASSWORD

BEIJING = ZoneInfo("Asia/Shanghai")
#: The service's clock in these tests: Friday 27 November 2026, 11:00 in Beijing.
NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
TODAY = date(2026, 11, 27)
MONTH_START = date(2026, 11, 1)
#: Two working days after Friday 27 Nov 2026 (no holidays then): Tuesday 1 December.
DUE_SOON_LIMIT = date(2026, 12, 1)
CASES = 20_400
DEPARTMENTS = ("GA", "SJ", "RS", "ZJ", "MZ")
WINDOWS = [f"W{n:02d}" for n in range(1, 31)]
REASONS = ("材料不齐全", "不属于本窗口受理范围", "申请人不符合条件", "Applicant withdrew consent")
OPEN_IN_PROGRESS = ("accepted", "in_progress", "forwarded")
OPEN_WAITING = ("suspended", "supplement_requested")


def department_of(window: str) -> str:
    """W01..W06 as in the demo data; W07.. spread over the departments in turn."""
    demo = {"W01": "GA", "W02": "GA", "W03": "SJ", "W04": "RS", "W05": "ZJ", "W06": "MZ"}
    return demo.get(window) or DEPARTMENTS[int(window[1:]) % len(DEPARTMENTS)]


@dataclass
class Generated:
    window: str
    received: datetime  # center time
    disposition: str
    status: str
    accepted: bool
    due: date | None
    completed: datetime | None = None
    reason: str | None = None
    score: int | None = None
    case_no: str = ""
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


def _weekdays_between(a: date, b: date) -> int:
    """Working days in (a, b] for November 2026 (no public holidays): Monday–Friday."""
    return sum(1 for n in range(1, (b - a).days + 1) if (a + timedelta(days=n)).weekday() < 5)


def generate(seed: int = 20261127) -> list[Generated]:
    rng = random.Random(seed)
    cases: list[Generated] = []
    days = [MONTH_START + timedelta(days=n) for n in range((TODAY - MONTH_START).days + 1)]
    for n in range(CASES):
        window = WINDOWS[n % 30] if n < 300 else rng.choice(WINDOWS)
        day = rng.choice(days)
        last_hour = 9 if day == TODAY else 16  # today: only before 10:00 (now is 11:00)
        received = datetime.combine(
            day, time(rng.randint(8, last_hour), rng.randint(0, 59)), BEIJING
        )
        kind = rng.choices(
            ("immediate", "promised", "deferred", "supplement", "refused", "voided"),
            weights=(30, 40, 8, 7, 10, 5),
        )[0]
        if kind == "immediate":
            done = received + timedelta(minutes=rng.randint(5, 55))
            g = Generated(window, received, "immediate", "completed_approved", True, day, done)
        elif kind in ("promised", "deferred"):
            due = day + timedelta(days=rng.randint(1, 20))
            disposition = "promised" if kind == "promised" else "deferred_materials"
            status = rng.choice(
                OPEN_IN_PROGRESS + OPEN_WAITING + ("completed_approved",) * 4
                + ("completed_rejected",)
            )  # fmt: skip
            done = None
            if status.startswith("completed"):
                end = rng.choice([d for d in days if d >= day])
                done = datetime.combine(end, time(rng.randint(8, 9), rng.randint(0, 59)), BEIJING)
                done = max(done, received + timedelta(minutes=30))
            g = Generated(window, received, disposition, status, True, due, done)
        elif kind == "supplement":
            g = Generated(window, received, "supplement", "supplement_requested", False, None)
        elif kind == "refused":
            g = Generated(window, received, "refused", "refused", False, None)
            g.reason = rng.choice(REASONS)
        else:
            g = Generated(window, received, "promised", "voided", False, day + timedelta(days=5))
        if g.completed is not None and rng.random() < 0.4:
            g.score = rng.choices((1, 2, 3, 4, 5), weights=(4, 6, 10, 30, 50))[0]
        g.case_no = f"T{window}-{n:06d}"
        cases.append(g)
    return cases


def load(database_url: str, cases: list[Generated]) -> None:
    """Windows W07..W30, a lead of SJ, two more clerks of GA, and the cases (with refusal
    events and ratings)."""
    database = Database(database_url)
    try:
        with database.write() as session:
            existing = {w for (w,) in session.query(Window.code).all()}
            for code in WINDOWS:
                if code not in existing:
                    dept = department_of(code)
                    session.add(Window(code=code, name=f"综合窗口 {code}", department_code=dept))
            upsert_user(
                session,
                username="lead-sj",
                password=DEMO_PASSWORD,
                display_name="企业登记值班长",
                roles=["lead"],
                department_code="SJ",
                window_code=None,
                must_change_password=False,
            )
            for username, window in (("clerk-w02", "W02"), ("clerk-locked", "W01")):
                upsert_user(
                    session,
                    username=username,
                    password=DEMO_PASSWORD,
                    display_name=f"测试窗口人员 {window}",
                    roles=["clerk"],
                    department_code="GA",
                    window_code=window,
                    must_change_password=False,
                )
            session.flush()
            rows, events, ratings = [], [], []
            for seq, g in enumerate(cases, start=1):
                received = g.received.astimezone(UTC)
                rows.append(
                    {
                        "id": g.id,
                        "case_no": g.case_no,
                        "seq": seq,
                        "query_code": f"{seq % 1_000_000:06d}",
                        "item_code": "ITEM-TEST",
                        "window_code": g.window,
                        "catalog_version": "test",
                        "center_code": database.center_code,
                        "applicant": {"kind": "person", "name": "张三丰", "id_number": "x"},
                        "agent": None,
                        "materials": [],
                        "disposition": g.disposition,
                        "status": g.status,
                        "received_at": received,
                        "due_date": g.due,
                        "due_date_provisional": False,
                        "completed_at": g.completed.astimezone(UTC) if g.completed else None,
                        "fee_fen": 0,
                        "clerk": f"clerk-{g.window.lower()}",
                        "created_by": f"clerk-{g.window.lower()}",
                        "device_id": None,
                        "created_at": received,
                        "updated_at": (g.completed or g.received).astimezone(UTC),
                    }
                )
                if g.reason is not None:
                    events.append(
                        {
                            "id": str(uuid.uuid4()),
                            "case_id": g.id,
                            "center_code": database.center_code,
                            "type": "refuse",
                            "at": received,
                            "actor": f"clerk-{g.window.lower()}",
                            "window_code": g.window,
                            "note": g.reason,
                            "data": None,
                            "device_id": None,
                            "recorded_at": received,
                        }
                    )
                if g.score is not None and g.completed is not None:
                    rated = g.completed.astimezone(UTC) + timedelta(minutes=1)
                    bad = g.score <= 2
                    ratings.append(
                        {
                            "id": str(uuid.uuid4()),
                            "case_id": g.id,
                            "center_code": database.center_code,
                            "score": g.score,
                            "comment": "等了很久" if bad else "",
                            "rated_at": rated,
                            "clerk": f"clerk-{g.window.lower()}",
                            "window_code": g.window,
                            "device_id": None,
                            "bad": bad,
                            "follow_up_due": (g.completed.date() + timedelta(days=5))
                            if bad
                            else None,
                            "followed_up_at": None,
                            "follow_up_by": None,
                            "follow_up_note": None,
                            "recorded_at": rated,
                        }
                    )
            for chunk in range(0, len(rows), 5000):
                session.connection().execute(insert(Case.__table__), rows[chunk : chunk + 5000])
            session.connection().execute(insert(CaseEvent.__table__), events)
            session.connection().execute(insert(Rating.__table__), ratings)
            session.commit()
    finally:
        database.dispose()


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


#: The counts a window or department without any case shows (issue 15: listed with zeros).
ZERO_COUNTS = ("received", "accepted", "completed", "in_progress", "waiting", "overdue",
               "due_soon", "refused", "ratings")  # fmt: skip


def assert_all_zero(rows: dict[str, dict[str, object]]) -> None:
    """Every row of ``rows`` (groups the dataset made no case for) counts nothing."""
    for name, figures in rows.items():
        assert all(figures[key] == 0 for key in ZERO_COUNTS), (name, figures)


def expected(
    cases: list[Generated], start: date, end: date, group: str = "window"
) -> dict[str, dict[str, object]]:
    """The figures per window (or department) and ``"total"`` for the cases received from
    ``start`` to ``end``, counted from the generated facts."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    reasons: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g in cases:
        key = g.window if group == "window" else department_of(g.window)
        # Ratings count on the day they were given (a minute after completion).
        if g.score is not None and g.completed is not None and start <= g.completed.date() <= end:
            for name in (key, "total"):
                counts[name]["ratings"] += 1
                counts[name]["satisfied"] += g.score >= 4
        if not start <= g.received.date() <= end:
            continue
        for name in (key, "total"):
            c = counts[name]
            c["received"] += 1
            c["accepted"] += g.accepted
            if g.accepted:
                c["immediate"] += g.disposition == "immediate"
                c["promised"] += g.disposition in ("promised", "deferred_materials")
            c["refused"] += g.status == "refused"
            if g.reason:
                reasons[name][g.reason] += 1
            if g.completed is not None:
                done = g.completed.date()
                c["completed"] += 1
                c["handling"] += _weekdays_between(g.received.date(), done)
                c["with_due"] += 1
                c["on_time"] += done <= g.due
                c["early"] += done < g.due
            if g.status in OPEN_IN_PROGRESS + OPEN_WAITING:
                c["in_progress"] += g.status in OPEN_IN_PROGRESS
                c["waiting"] += g.status in OPEN_WAITING
                if g.due is not None and g.due < TODAY:
                    c["overdue"] += 1
                elif g.due is not None and g.due <= DUE_SOON_LIMIT:
                    c["due_soon"] += 1
    figures: dict[str, dict[str, object]] = {}
    for name, c in counts.items():
        figures[name] = {
            "received": c["received"],
            "accepted": c["accepted"],
            "completed": c["completed"],
            "in_progress": c["in_progress"],
            "waiting": c["waiting"],
            "overdue": c["overdue"],
            "due_soon": c["due_soon"],
            "on_time_rate": _rate(c["on_time"], c["with_due"]),
            "early_rate": _rate(c["early"], c["with_due"]),
            "average_handling_days": (
                round(c["handling"] / c["completed"], 2) if c["completed"] else None
            ),
            "immediate_share": _rate(c["immediate"], c["immediate"] + c["promised"]),
            "promised_share": _rate(c["promised"], c["immediate"] + c["promised"]),
            "refused": c["refused"],
            "refusals": dict(reasons[name]),
            "ratings": c["ratings"],
            "satisfaction": _rate(c["satisfied"], c["ratings"]),
        }
    return figures
