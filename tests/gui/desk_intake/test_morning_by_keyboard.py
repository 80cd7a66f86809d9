"""The hall's morning by keyboard (issue 18): the kiosk screen issues the tickets by its keys
(a category's letter; the ID card reader typing an elderly applicant's number and Enter
for priority; Tab to the appointment code, typed, and Enter to check in), and six desks — six
``MainWindow``s in this process, each signed in by its own clerk at its own window — call
them with their calling bars by keyboard: F6 next, F7 finish, Shift+F7 no-show, Ctrl+F6
transfer (to a category, and to a window by its code), Ctrl+F7 pause and resume. The
records service runs in this process on a clock the test moves minute by minute.

The issue's whole morning, not scaled down: 200 tickets over 3 categories (5 priority, 10
appointment check-ins), 3 no-shows, 2 transfers, 1 pause. Every ticket goes through the
kiosk's screen and print path and six desks' Qt event loops, and still the test takes
about 25 s on a busy 2-core machine, so nothing is left out. The same morning through the
API, on SQLite and PostgreSQL, is ``tests/service/test_queue_morning.py``.

At every call the window gets the ticket the rules give — worked out here in plain Python
from the tickets the test issued, their issue times and classes; at the end every ticket
was called once by one window and served once (or ended as a no-show, or as a transfer
whose successor was served), and the dashboard's waiting figures (``GET /workload/queue``)
equal those computed here from the tickets.

The ticket printer is the kiosk's own print path with a roll that keeps the rendered
documents (``tests/gui/kiosk`` prints on a real CUPS queue)."""

from __future__ import annotations

import math
import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.core.clock import FixedClock
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.gui.calling_dialogs import PauseDialog, TransferDialog
from clerk_app.gui.kiosk import TicketPrinter, open_kiosk
from tests.helpers.hall_service_data import TIMEOUT, auth, token_for
from tests.helpers.keyboard import CTRL, DEMO_PROVISIONING, press, sign_in
from tests.helpers.kiosk import enrolled_kiosk, resident_id
from tests.helpers.local_service import Clock, local_service
from tests.helpers.offline import window_paths
from tests.helpers.queue_api import MORNING, Category, QueueHall, set_categories

SHIFT = Qt.KeyboardModifier.ShiftModifier
WINDOWS = ("W01", "W02", "W03", "W04", "W05", "W06")
CATEGORIES = [
    Category("QA", "A", ("W01", "W02", "W03"), wait_limit_minutes=30),
    Category("QB", "B", ("W03", "W04"), wait_limit_minutes=25),
    Category("QC", "C", ("W04", "W05", "W06"), wait_limit_minutes=20),
]
LIMIT = {c.code: timedelta(minutes=c.wait_limit_minutes) for c in CATEGORIES}
SERVES = {w: [c.code for c in CATEGORIES if w in c.windows] for w in WINDOWS}
PREFIX = {c.code: c.prefix for c in CATEGORIES}
TICKETS = 200
MINUTES = 150  # arrivals from 08:30 to 11:00
APPOINTMENTS = 10
#: The windows start calling at 08:45; the morning's appointments (上午) begin at 09:00.
CALLING = MORNING + timedelta(minutes=15)
AM_SLOT = MORNING + timedelta(minutes=30)
#: W02 pauses its service (as soon as it is free) from 10:00 and resumes at 10:20.
PAUSE = (MORNING + timedelta(minutes=90), MORNING + timedelta(minutes=110))


@dataclass
class Ticket:
    """A ticket as the test knows it: from what it asked the kiosk for."""

    number: str
    category: str
    issued_at: datetime
    priority: str = ""
    appointment: bool = False
    window: str | None = None  # transferred to this window
    called_by: str | None = None
    called_at: datetime | None = None
    status: str = "waiting"


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


def plan(rng: random.Random) -> list[dict[str, Any]]:
    """200 arrivals between 08:30 and 11:00 (minute, category, what else)."""
    arrivals = sorted(
        (rng.randrange(0, MINUTES), rng.choices(["QA", "QB", "QC"], [5, 3, 3])[0])
        for _ in range(TICKETS)
    )
    out: list[dict[str, Any]] = [{"minute": m, "category": c} for m, c in arrivals]
    for serial, i in enumerate(rng.sample(range(TICKETS), 5)):
        out[i]["id_number"] = resident_id(date(1950, 3, 8), serial=400 + serial)  # aged 76
    plain = [i for i, a in enumerate(out) if "id_number" not in a]
    for i in rng.sample(plain, APPOINTMENTS):
        out[i]["code"] = f"YY{i:08d}"
    return out


class Roll(TicketPrinter):
    """The kiosk's print path; the roll keeps each rendered ticket instead of a printer."""

    def __init__(self, context: Any) -> None:
        super().__init__(context)
        self.printed: list[Any] = []

    def print_ticket(self, document: Any) -> str:
        self.printed.append(document)
        return "roll"


def nearest_rank_p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


def wait_figures(tickets: list[Ticket]) -> dict[str, Any]:
    waits = [(t.called_at - t.issued_at).total_seconds() for t in tickets if t.called_at]
    if not waits:
        return {"count": 0, "average": None, "p90": None}
    return {
        "count": len(waits),
        "average": round(sum(waits) / len(waits), 1),
        "p90": round(nearest_rank_p90(waits), 1),
    }


@pytest.fixture
def hall(records_template_db, tmp_path: Path) -> Iterator[QueueHall]:
    """The records service in this process on a copy of the demo database, at 08:30 on a
    working Monday; the test's categories; a clerk of each window (``clerk-w01`` …)."""
    database = tmp_path / "records.db"
    shutil.copyfile(records_template_db(None), database)
    with local_service(f"sqlite:///{database}", Clock(MORNING)) as service:
        hall = QueueHall(service)
        set_categories(hall, CATEGORIES)
        for window in WINDOWS:
            hall.sql(
                "INSERT INTO users (username, display_name, password_hash, roles, "
                "department_code, window_code, center_code, active, created_at, "
                "must_change_password) SELECT :name, :display, password_hash, roles, "
                "department_code, :window, center_code, active, created_at, "
                "must_change_password FROM users WHERE username = 'demo-clerk'",
                name=f"clerk-{window.lower()}",
                display=f"窗口{window[1:]}人员",
                window=window,
            )
        yield hall


class Desks:
    """Six desks (and the kiosk's context) on one shared desk clock."""

    def __init__(self, service_url: str, home: Path, clock: FixedClock) -> None:
        self.service_url, self.home, self.clock = service_url, home, clock
        self.contexts: list[Any] = []
        self.desks: list[Desk] = []

    def context(self, name: str, window: str) -> Any:
        prov = demo_provisioning(DEMO_PROVISIONING, self.service_url)
        prov = prov._replace(window_code=window)
        context = build_context(prov, window_paths(self.home / name), clock=self.clock)
        self.contexts.append(context)
        return context

    def desk(self, window: str) -> Desk:
        context = self.context(window.lower(), window)
        context.settings.set("queue.calling_bar", True)
        desk = Desk(context, services.default_hooks())
        self.desks.append(desk)
        return desk

    def close(self) -> None:
        for desk in self.desks:
            if desk.window is not None:
                desk.window.close()
            desk.shutdown()
            if desk.login is not None:
                desk.login.close()
        for context in self.contexts:
            context.close()


def test_a_morning_by_keyboard_kiosk_and_six_calling_bars(qtbot, hall, tmp_path) -> None:
    rng = random.Random(18)
    arrivals = plan(rng)
    candidates = [i for i, a in enumerate(arrivals) if "code" not in a]
    no_shows = set(rng.sample(candidates, 3))
    kept = [i for i in candidates if i not in no_shows]
    to_category = rng.choice([i for i in kept if arrivals[i]["category"] == "QA"])
    to_window = rng.choice([i for i in kept if arrivals[i]["category"] == "QB"])
    for i, arrival in enumerate(arrivals):
        if "code" in arrival:  # booked at a desk the week before
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

    clock = FixedClock(MORNING)
    desks = Desks(hall.service.base_url, tmp_path, clock)
    try:
        _morning(qtbot, hall, desks, rng, arrivals, no_shows, to_category, to_window)
    finally:
        desks.close()


def _morning(qtbot, hall, desks, rng, arrivals, no_shows, to_category, to_window) -> None:
    service = hall.service
    # The kiosk, enrolled by the admin and provisioned (elderly from 65).
    kiosk_context = desks.context("kiosk", "W01")
    holder = enrolled_kiosk(service, kiosk_context, block=8, elderly_age=65)
    roll = Roll(kiosk_context)
    screen = open_kiosk(kiosk_context, holder, printer=roll, show=False)
    qtbot.addWidget(screen)
    screen.resize(1024, 768)
    screen.show()
    qtbot.waitExposed(screen)
    with qtbot.waitSignal(screen.categories_shown, timeout=30_000):
        screen.start()
    screen.stop()  # no timers: each refresh is asked for

    # Six desks, each signed in by its own clerk at its own window.
    windows: dict[str, Any] = {}
    for code in WINDOWS:
        window = sign_in(qtbot, desks.desk(code), user=f"clerk-{code.lower()}")
        assert window.calling_bar is not None
        windows[code] = window

    def front(window: Any) -> None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)

    def key(code: str, k: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> Any:
        window = windows[code]
        front(window)
        press(qtbot, window, k, modifier)
        bar = window.calling_bar
        qtbot.waitUntil(lambda: not bar.busy, timeout=20_000)
        return bar

    def dialog_of(bar: Any, kind: type) -> Any:
        qtbot.waitUntil(lambda: isinstance(bar.last_dialog, kind), timeout=10_000)
        dialog = bar.last_dialog
        qtbot.waitUntil(dialog.isVisible, timeout=5_000)
        return dialog

    def tab_to(there: Callable[[], bool]) -> None:
        for _ in range(12):
            if there():
                return
            qtbot.keyClick(screen.focusWidget() or screen, Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached it (at {screen.focusWidget()!r})")

    def issue(arrival: dict[str, Any]) -> Any:
        if "code" in arrival:  # Tab to the appointment code, type it, Enter
            tab_to(lambda: screen.focusWidget() is screen.code_edit)
            qtbot.keyClicks(screen.code_edit, arrival["code"].lower())
            with qtbot.waitSignal(screen.ticket_printed, timeout=30_000) as printed:
                qtbot.keyClick(screen.code_edit, Qt.Key.Key_Return)
            return printed.args[0]
        # After a ticket or a read the focus is on the categories: the next person's
        # keys work at once (the kiosk used to leave it in the ID field, taking a letter
        # as text).
        assert screen.focusWidget() in screen.category_buttons, screen.focusWidget()
        if "id_number" in arrival:  # the wedge reader types while a button has the focus
            for char in arrival["id_number"]:  # the focus moves to the ID field at once
                qtbot.keyClick(screen.focusWidget() or screen, char)
            qtbot.keyClick(screen.id_edit, Qt.Key.Key_Return)
            assert "Priority for the elderly." in screen.id_label.text()
            assert screen.focusWidget() in screen.category_buttons
        letter = PREFIX[arrival["category"]].lower()
        with qtbot.waitSignal(screen.ticket_printed, timeout=30_000) as printed:
            qtbot.keyClick(screen.focusWidget() or screen, letter)
        return printed.args[0]

    seq = {c.code: 0 for c in CATEGORIES}
    index_of: dict[str, int] = {}
    tickets: dict[str, Ticket] = {}
    waiting: list[Ticket] = []
    at_window: dict[str, tuple[Ticket, datetime] | None] = dict.fromkeys(WINDOWS)
    served: list[str] = []
    tiers: set[int] = set()
    paused_at: datetime | None = None
    pending = list(enumerate(arrivals))
    now = MORNING
    while pending or waiting or any(at_window.values()):
        assert now < MORNING + timedelta(hours=6), "the morning never ends"
        hall.at(now)
        desks.clock.set(now)
        while pending and MORNING + timedelta(minutes=pending[0][1]["minute"]) <= now:
            i, arrival = pending.pop(0)
            printed = issue(arrival)
            seq[arrival["category"]] += 1
            number = f"{PREFIX[arrival['category']]}{seq[arrival['category']]:03d}"
            assert printed.number == number
            index_of[number] = i
            ticket = Ticket(
                number,
                arrival["category"],
                now,
                "elderly" if "id_number" in arrival else "",
                appointment="code" in arrival,
            )
            tickets[number] = ticket
            waiting.append(ticket)
        for code in WINDOWS:
            current = at_window[code]
            if current is not None and now >= current[1]:
                ticket = current[0]
                at_window[code] = None
                i = index_of.get(ticket.number, -1)
                if i in (to_category, to_window):
                    bar = key(code, Qt.Key.Key_F6, CTRL)
                    dialog = dialog_of(bar, TransferDialog)
                    if i == to_category:  # 测试业务B, chosen in the list
                        while dialog.target()[0] != "QB":
                            press(qtbot, windows[code], Qt.Key.Key_Down)
                        target, window_to = "QB", None
                    else:  # window W06, typed
                        press(qtbot, windows[code], Qt.Key.Key_Tab)
                        qtbot.keyClicks(dialog.window_edit, "w06")
                        target, window_to = "QC", "W06"
                    press(qtbot, windows[code], Qt.Key.Key_Return)
                    qtbot.waitUntil(lambda b=bar: not b.busy and not b.visit.number, timeout=20_000)
                    seq[target] += 1
                    successor = Ticket(
                        f"{PREFIX[target]}{seq[target]:03d}",
                        target,
                        ticket.issued_at,
                        ticket.priority,
                        ticket.appointment,
                        window=window_to,
                    )
                    assert successor.number in bar.message_label.text(), bar.message_label.text()
                    ticket.status = "transferred"
                    tickets[successor.number] = successor
                    waiting.append(successor)
                else:
                    bar = key(code, Qt.Key.Key_F7)
                    assert bar.visit.number == "", bar.message_label.text()
                    ticket.status = "done"
                    served.append(ticket.number)
            if code == "W02" and at_window[code] is None:
                if paused_at is None and PAUSE[0] <= now < PAUSE[1]:
                    bar = key(code, Qt.Key.Key_F7, CTRL)
                    dialog_of(bar, PauseDialog)
                    press(qtbot, windows[code], Qt.Key.Key_Down)  # the first usual reason
                    press(qtbot, windows[code], Qt.Key.Key_Return)
                    qtbot.waitUntil(lambda b=bar: b.visit.paused and not b.busy, timeout=10_000)
                    paused_at = now
                elif paused_at is not None and now == PAUSE[1]:
                    bar = key(code, Qt.Key.Key_F7, CTRL)
                    assert not bar.visit.paused, bar.message_label.text()
                if windows[code].calling_bar.visit.paused:
                    if paused_at and now == paused_at + timedelta(minutes=1):  # F6: nobody
                        bar = key(code, Qt.Key.Key_F6)
                        assert "paused" in bar.message_label.text() and not bar.visit.number
                    continue
            if at_window[code] is not None or now < CALLING:
                continue
            while (expected := expected_next(waiting, code, now)) is not None:
                bar = key(code, Qt.Key.Key_F6)
                assert bar.visit.number == expected.number, (now, code, bar.message_label.text())
                waiting.remove(expected)
                expected.called_by, expected.called_at = code, now
                tiers.add(rank(expected, now)[0])
                if index_of.get(expected.number) in no_shows:
                    bar = key(code, Qt.Key.Key_F7, SHIFT)
                    assert bar.visit.number == "", bar.message_label.text()
                    expected.status = "no_show"
                    continue  # the window calls the next at once
                at_window[code] = (expected, now + timedelta(minutes=rng.randint(3, 10)))
                break
        now += timedelta(minutes=1)

    # Nobody waits: F6 at a desk says so.
    bar = key("W01", Qt.Key.Key_F6)
    assert bar.visit.number == "" and "Nobody is waiting" in bar.message_label.text()
    assert paused_at is not None and len(roll.printed) == TICKETS

    rows = hall.sql("SELECT number, status, window_code FROM queue_tickets")
    assert len(rows) == TICKETS + 2  # the issued, and the two transfers' successors
    assert {n: s for n, s, _w in rows} == {n: t.status for n, t in tickets.items()}
    assert len(served) == len(set(served)) == TICKETS - 3
    assert hall.sql("SELECT DISTINCT status FROM appointments") == [("checked_in",)]
    called = hall.sql("SELECT number, window_code FROM queue_calls WHERE kind = 'call'")
    assert sorted(called) == sorted((n, t.called_by) for n, t in tickets.items())
    assert len({n for n, _w in called}) == len(called)  # no ticket called twice
    assert {w for _n, w in called} == set(WINDOWS)
    assert tiers == {0, 1, 2, 3}  # every rule decided some call this morning

    # The dashboard's waiting figures equal those computed from the tickets.
    admin = token_for(service, "demo-admin", window_code=None)
    day = MORNING.date().isoformat()
    answer = requests.get(
        service.url("/workload/queue"),
        params={"from": day, "to": day},
        headers=auth(admin),
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text
    figures = answer.json()
    by_category = {row["group"]: row for row in figures["categories"]}
    by_window = {row["group"]: row for row in figures["windows"]}
    for category in PREFIX:
        mine = [t for t in tickets.values() if t.category == category]
        row = by_category[category]
        assert row["wait"] == wait_figures(mine), category
        assert (row["tickets"], row["served"], row["no_show"], row["transferred"]) == (
            len(mine),
            sum(t.status == "done" for t in mine),
            sum(t.status == "no_show" for t in mine),
            sum(t.status == "transferred" for t in mine),
        )
    for code in WINDOWS:
        mine = [t for t in tickets.values() if t.called_by == code]
        assert by_window[code]["wait"] == wait_figures(mine), code
        assert by_window[code]["called"] == len(mine)
    assert figures["total"]["wait"] == wait_figures(list(tickets.values()))
    minutes = (PAUSE[1] - paused_at).total_seconds() / 60
    assert [(p["window_code"], p["reason"], p["minutes"], p["by"]) for p in figures["pauses"]] == [
        ("W02", "Lunch break", minutes, "clerk-w02")
    ]
