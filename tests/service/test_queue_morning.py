"""A morning in the hall (issue 18) against a real records service, on SQLite and
PostgreSQL, on a clock the test moves minute by minute: a kiosk issues 200 tickets over 3
categories (5 priority tickets, 10 appointment check-ins), 6 windows call them as their
clerks finish (3 no-shows, 2 transfers, 1 window paused for a while). At every call the
window gets exactly the ticket the rules say — worked out here, in plain Python, from what
the test itself issued — and at the end every ticket was called exactly once and served
exactly once (or ended as a no-show or a transfer whose successor was served).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from tests.helpers.queue_api import MORNING, Category, QueueHall, queue_hall, set_categories

WINDOWS = ("W01", "W02", "W03", "W04", "W05", "W06")
CATEGORIES = [
    Category("QA", "A", ("W01", "W02", "W03"), wait_limit_minutes=30),
    Category("QB", "B", ("W03", "W04"), wait_limit_minutes=25),
    Category("QC", "C", ("W04", "W05", "W06"), wait_limit_minutes=20),
]
LIMIT = {c.code: timedelta(minutes=c.wait_limit_minutes) for c in CATEGORIES}
SERVES = {w: [c.code for c in CATEGORIES if w in c.windows] for w in WINDOWS}
PREFIX = {c.code: c.prefix for c in CATEGORIES}
#: The windows start calling at 08:45; the morning's appointments (上午) begin at 09:00.
CALLING = MORNING + timedelta(minutes=15)
AM_SLOT = MORNING + timedelta(minutes=30)
#: W02 pauses its service from 10:00 to 10:20.
PAUSE = (MORNING + timedelta(minutes=90), MORNING + timedelta(minutes=110))


@dataclass
class Ticket:
    """A ticket as the test knows it: from what it asked the kiosk for."""

    number: str
    category: str
    issued_at: datetime
    priority: str = ""
    appointment: bool = False
    window: str | None = None  # a transfer to a window


def rank(ticket: Ticket, now: datetime) -> tuple[int, datetime, str]:
    """The rule, as the issue states it: appointments at their slot, then tickets past
    their category's wait limit, then priority classes, then everyone by issue time."""
    if ticket.appointment and now >= AM_SLOT:
        tier = 0
    elif now - ticket.issued_at > LIMIT[ticket.category]:
        tier = 1
    elif ticket.priority:
        tier = 2
    else:
        tier = 3
    return tier, ticket.issued_at, ticket.number


def expected_next(waiting: list[Ticket], window: str, now: datetime) -> Ticket | None:
    mine = [
        t
        for t in waiting
        if t.category in SERVES[window] and (t.window is None or t.window == window)
    ]
    return min(mine, key=lambda t: rank(t, now)) if mine else None


def plan(rng: random.Random) -> list[dict]:
    """200 arrivals between 08:30 and 11:00 (minute, category, what else)."""
    arrivals = sorted(
        (rng.randrange(0, 150), rng.choices(["QA", "QB", "QC"], [5, 3, 3])[0]) for _ in range(200)
    )
    out = [{"minute": m, "category": c} for m, c in arrivals]
    for i, cls in zip(
        rng.sample(range(200), 5),
        ("elderly", "disabled", "military", "elderly", "disabled"),
        strict=True,
    ):
        out[i]["priority"] = cls
    plain = [i for i, a in enumerate(out) if "priority" not in a]
    for i in rng.sample(plain, 10):
        out[i]["appointment"] = True
    return out


def book(hall: QueueHall, arrivals: list[dict]) -> None:
    """The morning's appointments (上午, booked at a desk the week before)."""
    for i, arrival in enumerate(arrivals):
        if arrival.get("appointment"):
            arrival["code"] = f"YY{i:08d}"
            hall.sql(
                "INSERT INTO appointments (code, center_code, category_code, day, half, id_hash, "
                "holder_masked, phone_masked, source, created_at, status) VALUES (:code, 'HS', "
                ":category, :day, 'am', :hash, '张* 1101**********0012', '', 'desk', :at, "
                "'booked')",
                code=arrival["code"],
                category=arrival["category"],
                day=MORNING.date(),
                hash=f"{i:064d}",
                at=(MORNING - timedelta(days=7)).replace(tzinfo=None) - timedelta(hours=8),
            )


def test_a_morning_every_ticket_called_once_in_the_order_of_the_rules(demo_databases) -> None:
    rng = random.Random(18)
    arrivals = plan(rng)
    no_shows = set(rng.sample(range(200), 3))
    by_category = [i for i in range(200) if arrivals[i]["category"] == "QA"]
    to_category = rng.choice([i for i in by_category if i not in no_shows])
    to_window = rng.choice(
        [i for i in range(200) if arrivals[i]["category"] == "QB" and i not in no_shows]
    )
    with queue_hall(demo_databases, MORNING) as hall:
        set_categories(hall, CATEGORIES)
        book(hall, arrivals)
        kiosk = hall.enrol("kiosk", "大厅自助机")
        for window in WINDOWS:
            hall.desk(window)
        hall.at(MORNING)
        seq = {c.code: 0 for c in CATEGORIES}
        index_of: dict[str, int] = {}
        waiting: list[Ticket] = []
        at_window: dict[str, tuple[Ticket, datetime] | None] = dict.fromkeys(WINDOWS)
        served: list[str] = []
        calls: list[tuple[str, str]] = []
        tiers: set[int] = set()
        pending = list(enumerate(arrivals))
        now = MORNING
        while pending or waiting or any(at_window.values()):
            assert now < MORNING + timedelta(hours=6), "the morning never ends"
            hall.at(now)
            if now == PAUSE[0]:
                hall.sql(
                    "INSERT INTO window_pauses (window_code, center_code, paused_at, reason, "
                    "by_user) VALUES ('W02', 'HS', :at, '系统故障', 'demo-clerk')",
                    at=now.replace(tzinfo=None) - timedelta(hours=8),
                )
            if now == PAUSE[1]:
                hall.sql("UPDATE window_pauses SET resumed_at = paused_at")
            while pending and MORNING + timedelta(minutes=pending[0][1]["minute"]) <= now:
                i, arrival = pending.pop(0)
                fields = {"priority_class": arrival.get("priority", "")}
                if "code" in arrival:
                    fields["appointment_code"] = arrival["code"]
                answer = hall.issued(kiosk, arrival["category"], **fields)
                seq[arrival["category"]] += 1
                number = f"{PREFIX[arrival['category']]}{seq[arrival['category']]:03d}"
                assert answer["ticket"]["number"] == number
                index_of[number] = i
                waiting.append(
                    Ticket(
                        number,
                        arrival["category"],
                        now,
                        arrival.get("priority", ""),
                        appointment="code" in arrival,
                    )
                )
            for window in WINDOWS:
                current = at_window[window]
                if current is not None and now >= current[1]:
                    ticket = current[0]
                    at_window[window] = None
                    i = index_of.get(ticket.number, -1)
                    if i in (to_category, to_window):
                        body = {"category": "QB"} if i == to_category else {"window": "W06"}
                        moved = hall.act(window, ticket.number, "transfer", body)
                        assert moved.status_code == 200, moved.text
                        target = "QB" if i == to_category else "QC"
                        seq[target] += 1
                        successor = Ticket(
                            f"{PREFIX[target]}{seq[target]:03d}",
                            target,
                            ticket.issued_at,
                            ticket.priority,
                            ticket.appointment,
                            window=None if i == to_category else "W06",
                        )
                        assert moved.json()["ticket"]["number"] == successor.number
                        waiting.append(successor)
                    else:
                        done = hall.act(window, ticket.number, "finish")
                        assert done.status_code == 200, done.text
                        served.append(ticket.number)
                if at_window[window] is not None or now < CALLING:
                    continue
                paused = window == "W02" and PAUSE[0] <= now < PAUSE[1]
                while True:
                    expected = None if paused else expected_next(waiting, window, now)
                    answer = hall.next(window)
                    if paused:
                        assert answer.json()["type"].endswith("/window-paused")
                        break
                    if expected is None:
                        assert answer.status_code == 404, answer.text
                        break
                    assert answer.status_code == 200, answer.text
                    assert answer.json()["ticket"]["number"] == expected.number, (now, window)
                    waiting.remove(expected)
                    calls.append((expected.number, window))
                    tiers.add(rank(expected, now)[0])
                    if index_of.get(expected.number) in no_shows:
                        gone = hall.act(window, expected.number, "no-show")
                        assert gone.json()["ticket"]["status"] == "no_show"
                        continue  # the window calls the next at once
                    at_window[window] = (expected, now + timedelta(minutes=rng.randint(3, 10)))
                    break
            now += timedelta(minutes=1)

        rows = hall.sql("SELECT number, status, window_code FROM queue_tickets")
        statuses = {number: status for number, status, _w in rows}
        assert len(rows) == 202  # 200 issued, 2 successors of transfers
        assert sorted(n for n, s in statuses.items() if s == "no_show") == sorted(
            n for n, i in index_of.items() if i in no_shows
        )
        assert sum(s == "transferred" for s in statuses.values()) == 2
        assert sorted(n for n, s in statuses.items() if s == "done") == sorted(served)
        assert len(served) == 197 and len(set(served)) == 197
        called = hall.sql("SELECT number, window_code FROM queue_calls WHERE kind = 'call'")
        assert sorted(called) == sorted(calls)
        assert len({n for n, _w in called}) == len(called) == 202  # each called once
        assert {w for _n, w in called} == set(WINDOWS)
        assert tiers == {0, 1, 2, 3}  # every rule decided some call this morning
