"""The hall's calls feed is gap-free and in commit order without a lock that call writers
share (issue 20, migration 0024: ``queue_calls.pos``, ``records_service.feed``).

bench/bench_queue.py once found 26 of 1,500 calls never shown on PostgreSQL: two windows
calling at once committed out of id order and the screens' cursor passed the late one.
Since issue 18 a per-center lock made every call of a center wait for the one before; now
the screens page by ``pos``, given only to calls whose writers' transactions have ended:

- PostgreSQL: one window's call held open (flushed, not committed) while two later
  windows call — they do not wait for it; the feed shows none of the three until it
  commits, then all three, the held one first, and a waiting screen gets them;
- SQLite and PostgreSQL: ten windows pressing Next at once while a screen pages the feed:
  the screen sees every call once, never one behind its cursor.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from records_service import queue_calls
from records_service.db import Database
from tests.helpers.queue_api import MORNING, Category, add_windows, queue_hall, set_categories

OPEN = MORNING + timedelta(minutes=30)
WINDOWS = [f"T{i:02d}" for i in range(1, 11)]


def test_a_call_held_open_is_waited_for_not_skipped(demo_databases) -> None:
    if demo_databases.backend != "postgres":
        pytest.skip("SQLite serializes writers: calls cannot overlap")
    with queue_hall(demo_databases, OPEN) as hall:
        set_categories(hall, [Category("QX", "X", ("W01", "W02", "W03"))])
        kiosk = hall.enrol("kiosk", "自助机1")
        screen = hall.enrol("display", "大厅屏")
        first, second, third = (hall.issued(kiosk, "QX")["ticket"]["number"] for _ in range(3))
        cursor = hall.get("/queue/calls", screen).json()["next"]
        database = Database(hall.service.database_url)
        try:
            with ThreadPoolExecutor(1) as pool:
                with database.write() as held:
                    # W01's call is written (ticket taken, call flushed), its commit to come.
                    queue_calls.call_number(held, "HS", "W01", "clerk-1", first, OPEN)
                    # Later windows call meanwhile and commit: nobody waits for W01.
                    assert hall.next("W02", second).status_code == 200
                    assert hall.next("W03", third).status_code == 200
                    now = hall.get("/queue/calls", screen, after=cursor).json()
                    assert now == {"items": [], "next": cursor}, "the feed passed a call"
                    waiting = pool.submit(hall.get, "/queue/calls", screen, after=cursor, wait=20)
                    assert not waiting.done()
                answer = waiting.result(timeout=60).json()  # W01 committed: the screen hears
            assert [c["number"] for c in answer["items"]] == [first, second, third]
            assert [c["window_code"] for c in answer["items"]] == ["W01", "W02", "W03"]
            assert hall.get("/queue/calls", screen, after=answer["next"]).json()["items"] == []
        finally:
            database.dispose()


def test_windows_calling_at_once_while_a_screen_reads_each_call_shows_once(
    demo_databases,
) -> None:
    with queue_hall(demo_databases, OPEN) as hall:
        add_windows(hall, WINDOWS)
        set_categories(hall, [Category("QX", "X", tuple(WINDOWS))])
        kiosk = hall.enrol("kiosk", "自助机1")
        screen = hall.enrol("display", "大厅屏")
        desks = {window: hall.desk(window) for window in WINDOWS}
        for _ in WINDOWS:
            hall.issued(kiosk, "QX")
        cursor = hall.get("/queue/calls", screen).json()["next"]
        start = threading.Barrier(len(WINDOWS))

        def press_next(window: str) -> int:
            start.wait(timeout=30)
            return hall.post("/queue/next", desks[window], {}).status_code

        seen: list[str] = []
        with ThreadPoolExecutor(len(WINDOWS)) as pool:
            pressed = [pool.submit(press_next, w) for w in WINDOWS]
            while len(seen) < len(WINDOWS):
                page = hall.get("/queue/calls", screen, after=cursor, wait=5, limit=3).json()
                assert page["items"] or not all(p.done() for p in pressed), "calls lost"
                seen += [c["number"] for c in page["items"]]
                assert page["next"] >= cursor
                cursor = page["next"]
        assert [p.result() for p in pressed] == [200] * len(WINDOWS)
        assert sorted(seen) == [f"X{i:03d}" for i in range(1, len(WINDOWS) + 1)]
        assert hall.get("/queue/calls", screen, after=cursor).json()["items"] == []
