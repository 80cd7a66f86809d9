"""GET /workload/queue (issue 18): the lead's queue figures equal those computed from the
tickets in plain Python — waiting and service time per category and window (average and
nearest-rank 90th percentile), no-shows, calls per hour, the hour × weekday heat map, the
windows' pauses with their reasons. Tickets are written straight into a fresh demo
database (two days of a busy hall); on SQLite and PostgreSQL."""

from __future__ import annotations

import math
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from records_service.models import Appointment, QueueCall, QueueTicket, WindowPause
from tests.helpers.hall_queue import CST, MONDAY, Hall, hall_service
from tests.helpers.service_api import assert_problem

TUESDAY = MONDAY + timedelta(days=1)
#: category → (prefix, the windows calling it) in the demo hall.
HALL = {"GA": ("B", ["W01", "W02"]), "ZH": ("A", ["W04", "W05"])}


def _morning(rng: random.Random, day: datetime) -> tuple[list[QueueTicket], list[QueueCall]]:
    """A morning's tickets of two categories with every kind of ending, and their calls."""
    tickets, calls = [], []
    seq = Counter[str]()
    opens = day.replace(hour=9, minute=0, second=0)
    for n in range(70):
        category = rng.choice(list(HALL))
        prefix, windows = HALL[category]
        seq[category] += 1
        issued = opens + timedelta(seconds=n * 150 + rng.randint(0, 120))
        status = rng.choices(
            ["done", "no_show", "transferred", "waiting", "serving"], [70, 8, 4, 10, 8]
        )[0]
        ticket = QueueTicket(
            id=str(uuid.uuid4()),
            center_code="HS",
            day=day.date(),
            category_code=category,
            number=f"{prefix}{seq[category]:03d}",
            seq=seq[category],
            priority_class=rng.choice(["", "", "", "elderly"]),
            issued_at=issued,
            kiosk="dashboard kiosk",
            offline=False,
            status=status,
            recalls=0,
            query_code="123456",
            case_nos=[],
            rated=False,
        )
        if status != "waiting":
            ticket.window_code = rng.choice(windows)
            ticket.called_at = issued + timedelta(seconds=rng.randint(30, 3600))
            calls.append(_call(ticket, ticket.called_at, "call"))
            if status == "no_show":
                ticket.recalls = 1
                calls.append(_call(ticket, ticket.called_at + timedelta(minutes=2), "recall"))
                ticket.finished_at = ticket.called_at + timedelta(minutes=3)
            if status in ("done", "serving"):
                ticket.served_at = ticket.called_at + timedelta(seconds=rng.randint(5, 60))
            if status == "done":
                ticket.finished_at = ticket.served_at + timedelta(seconds=rng.randint(60, 1500))
        tickets.append(ticket)
    return tickets, calls


def _call(ticket: QueueTicket, at: datetime, kind: str) -> QueueCall:
    assert ticket.window_code is not None
    return QueueCall(
        center_code="HS",
        ticket_id=ticket.id,
        number=ticket.number,
        window_code=ticket.window_code,
        called_at=at,
        kind=kind,
    )


def _pauses() -> list[WindowPause]:
    return [
        WindowPause(
            window_code="W01",
            center_code="HS",
            paused_at=MONDAY.replace(hour=10, minute=0),
            resumed_at=MONDAY.replace(hour=10, minute=15),
            reason="系统故障",
            by_user="demo-clerk",
        ),
        WindowPause(
            window_code="W02",
            center_code="HS",
            paused_at=TUESDAY.replace(hour=11, minute=30),
            resumed_at=None,  # still paused "now"
            reason="窗口人员午休",
            by_user="demo-clerk",
        ),
        WindowPause(  # another department's window: not the GA lead's
            window_code="W03",
            center_code="HS",
            paused_at=MONDAY.replace(hour=9, minute=30),
            resumed_at=MONDAY.replace(hour=9, minute=40),
            reason="会议",
            by_user="demo-clerk-w03",
        ),
    ]


def _appointments() -> list[Appointment]:
    """公安 appointments of every ending (and one of 综合, not the 公安 lead's)."""
    made = [
        ("GA", MONDAY, "am", "booked"),  # never came: a no-show by Tuesday noon
        ("GA", MONDAY, "pm", "checked_in"),
        ("GA", TUESDAY, "am", "cancelled"),
        ("GA", TUESDAY, "pm", "booked"),  # the afternoon is still to come
        ("ZH", TUESDAY, "pm", "booked"),
    ]
    return [
        Appointment(
            code=f"YY{n:08d}",
            center_code="HS",
            category_code=category,
            day=day.date(),
            half=half,
            id_hash=f"{n:064d}",
            holder_masked="张* 110105********0011",
            source="website",
            created_at=MONDAY - timedelta(days=3),
            status=status,
        )
        for n, (category, day, half, status) in enumerate(made)
    ]


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[tuple[Hall, list[QueueTicket], list[QueueCall]]]:
    rng = random.Random(18)
    tickets, calls = [], []
    for day in (MONDAY, TUESDAY):
        more, called = _morning(rng, day)
        tickets += more
        calls += called
    with hall_service(demo_databases, TUESDAY.replace(hour=12, minute=0)) as running:
        running.add(*tickets)
        running.add(*calls, *_pauses(), *_appointments())
        yield running, tickets, calls


# --- the figures, in plain Python ----------------------------------------------------------


def _seconds(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds()


def _expected_durations(values: list[float]) -> dict:
    if not values:
        return {"count": 0, "average": None, "p90": None}
    ordered = sorted(values)
    rank = math.ceil(len(ordered) * 90 / 100)  # nearest rank
    return {
        "count": len(values),
        "average": round(sum(values) / len(values), 1),
        "p90": round(ordered[rank - 1], 1),
    }


def _expected(group: str, rows: list[QueueTicket]) -> dict:
    waits = [_seconds(t.called_at, t.issued_at) for t in rows if t.called_at]
    services = [_seconds(t.finished_at, t.served_at) for t in rows if t.status == "done"]
    return {
        "group": group,
        "tickets": len(rows),
        "called": len([t for t in rows if t.called_at]),
        "served": len([t for t in rows if t.status == "done"]),
        "no_show": len([t for t in rows if t.status == "no_show"]),
        "transferred": len([t for t in rows if t.status == "transferred"]),
        "wait": _expected_durations(waits),
        "service": _expected_durations(services),
    }


def _without_name(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "name"}


def test_the_leads_figures_equal_those_computed_from_the_tickets(hall) -> None:
    running, tickets, calls = hall
    lead = running.token("demo-lead")  # the 公安 (GA) department's lead: W01, W02
    answer = running.get("/workload/queue", lead, **{"from": "2026-11-30", "to": "2026-12-01"})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    mine = [t for t in tickets if t.category_code == "GA"]
    assert mine and all(t.window_code in (None, "W01", "W02") for t in mine)
    assert [_without_name(c) for c in data["categories"]] == [_expected("GA", mine)]
    assert data["categories"][0]["name"] == "公安业务"
    windows = {w["group"]: _without_name(w) for w in data["windows"]}
    assert windows == {
        w: _expected(w, [t for t in mine if t.window_code == w]) for w in ("W01", "W02")
    }
    assert _without_name(data["total"]) == _expected("total", mine)
    # Abandoned tickets: called, recalled, never came.
    assert data["total"]["no_show"] == sum(1 for t in mine if t.status == "no_show") > 0

    first_calls = Counter(
        c.called_at.astimezone(CST).hour
        for c in calls
        if c.kind == "call" and c.window_code in ("W01", "W02")
    )
    assert data["calls_per_hour"] == [
        {"hour": hour, "calls": n} for hour, n in sorted(first_calls.items())
    ]
    heat = Counter((t.issued_at.isoweekday(), t.issued_at.hour) for t in mine)
    assert data["heat_map"] == [
        {"weekday": d, "hour": h, "tickets": n} for (d, h), n in sorted(heat.items())
    ]
    assert {(c["weekday"]) for c in data["heat_map"]} == {1, 2}  # Monday and Tuesday
    assert [(p["window_code"], p["reason"], p["minutes"]) for p in data["pauses"]] == [
        ("W01", "系统故障", 15.0),
        ("W02", "窗口人员午休", 30.0),  # open: counted to now (12:00)
    ]
    assert data["pauses"][1]["resumed_at"] is None
    assert data["appointments"] == {"booked": 1, "checked_in": 1, "no_show": 1, "cancelled": 1}


def test_one_day_and_the_admins_whole_hall(hall) -> None:
    running, tickets, _calls = hall
    admin = running.token("demo-admin")
    answer = running.get("/workload/queue", admin, **{"from": "2026-11-30", "to": "2026-11-30"})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    monday = [t for t in tickets if t.day == MONDAY.date()]
    rows = {c["group"]: _without_name(c) for c in data["categories"]}
    # Every category of the center, the idle ones with zeros.
    assert set(rows) == {"ZH", "GA", "BDC", "QY"}
    for code in HALL:
        assert rows[code] == _expected(code, [t for t in monday if t.category_code == code])
    assert rows["BDC"]["tickets"] == 0 and rows["BDC"]["wait"]["average"] is None
    assert _without_name(data["total"]) == _expected("total", monday)
    assert {p["window_code"] for p in data["pauses"]} == {"W01", "W03"}


def test_only_leads_and_admins_and_a_sound_period(hall) -> None:
    running, tickets, _calls = hall
    clerk = running.token("demo-clerk", "W01")
    assert_problem(running.get("/workload/queue", clerk), 403)
    lead = running.token("demo-lead")
    bad = running.get("/workload/queue", lead, **{"from": "2026-12-01", "to": "2026-11-30"})
    assert_problem(bad, 422)
    # Today by default: Tuesday's tickets only.
    today = running.get("/workload/queue", lead).json()
    assert today["from"] == today["to"] == "2026-12-01"
    tuesday = [t for t in tickets if t.day == TUESDAY.date() and t.category_code == "GA"]
    assert today["total"]["tickets"] == len(tuesday)
