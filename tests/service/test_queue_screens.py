"""Many hall screens on the calls' long-poll (issue 18, ``GET /queue/calls?wait=``), on
SQLite and PostgreSQL: waiting screens hold no worker thread of the service (more screens
than its threadpool still leave it answering), a call wakes them all, and a hall's screen
can follow only its own windows' calls."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from records_service.queue_signal import CALLS
from tests.helpers.queue_api import (
    MORNING,
    Category,
    QueueHall,
    queue_hall,
    reset_queue,
    set_categories,
)

OPEN = MORNING + timedelta(minutes=30)  # 09:00
#: More waiting screens than the service's threadpool has threads (anyio's 40).
SCREENS = 50


@pytest.fixture(scope="module")
def running(demo_databases):
    with queue_hall(demo_databases, OPEN) as hall:
        yield hall


@pytest.fixture
def hall(running: QueueHall) -> QueueHall:
    reset_queue(running, OPEN)
    set_categories(running, [Category("QX", "X", ("W01", "W02")), Category("QY", "Y", ("W03",))])
    return running


def until(condition, seconds: float = 20.0) -> None:
    """Wait (in short steps) until ``condition()`` holds; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_many_waiting_screens_leave_the_service_answering_and_a_call_wakes_them(
    hall: QueueHall,
) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    screen = hall.enrol("display", "大厅屏")
    hall.issued(kiosk, "QX")
    cursor = hall.get("/queue/calls", screen).json()["next"]
    with ThreadPoolExecutor(SCREENS) as pool:
        polls = [
            pool.submit(hall.get, "/queue/calls", screen, after=cursor, wait=25)
            for _ in range(SCREENS)
        ]
        until(lambda: CALLS.listeners >= SCREENS)  # every screen is waiting in the service
        # An ordinary request is answered meanwhile (a sync route: it needs a thread).
        started = time.monotonic()
        health = hall.get("/health", None)
        assert health.status_code == 200, health.text
        categories = hall.get("/queue/categories", screen)
        assert categories.status_code == 200, categories.text
        assert time.monotonic() - started < 5
        assert not any(p.done() for p in polls)  # ... while the screens still wait
        called_at = time.monotonic()
        assert hall.next("W01").status_code == 200
        answers = [p.result(timeout=30) for p in polls]
        woke_in = time.monotonic() - called_at
    assert {a.status_code for a in answers} == {200}
    assert {tuple(c["number"] for c in a.json()["items"]) for a in answers} == {("X001",)}
    assert woke_in < 10  # woken by the call, not by the 25 s limit
    assert CALLS.listeners == 0


def test_a_screen_waiting_with_no_call_gets_none_when_its_wait_is_over(
    hall: QueueHall,
) -> None:
    screen = hall.enrol("display", "大厅屏")
    started = time.monotonic()
    answer = hall.get("/queue/calls", screen, after=0, wait=0.5)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"items": [], "next": 0}
    assert 0.4 < time.monotonic() - started < 5


def test_a_halls_screen_follows_only_its_windows_calls(hall: QueueHall) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    screen = hall.enrol("display", "二楼大厅屏")
    hall.issued(kiosk, "QX")
    hall.issued(kiosk, "QY")
    cursor = hall.get("/queue/calls", screen).json()["next"]
    with ThreadPoolExecutor(1) as pool:
        # The second floor's screen (window W03) waits; a call at W01 is not its call.
        polled = pool.submit(hall.get, "/queue/calls", screen, after=cursor, wait=20, windows="W03")
        until(lambda: CALLS.listeners >= 1)
        assert hall.next("W01").status_code == 200
        assert hall.next("W03").status_code == 200
        upstairs = polled.result(timeout=30)
    assert upstairs.status_code == 200, upstairs.text
    assert [(c["number"], c["window_code"]) for c in upstairs.json()["items"]] == [("Y001", "W03")]
    downstairs = hall.get("/queue/calls", screen, after=cursor, windows="W01, W02").json()
    assert [(c["number"], c["window_code"]) for c in downstairs["items"]] == [("X001", "W01")]
    everyone = hall.get("/queue/calls", screen, after=cursor).json()
    assert [c["number"] for c in everyone["items"]] == ["X001", "Y001"]
    # A window the center does not have is named in the refusal.
    wrong = hall.get("/queue/calls", screen, windows="W03,W99")
    assert wrong.status_code == 422
    assert "W99" in wrong.text and "windows" in wrong.text
