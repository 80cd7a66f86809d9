"""Many windows and kiosks at once against a real records service (issue 18), on SQLite
and PostgreSQL: twenty windows pressing Next together never get one ticket twice, and
kiosks issuing together never print one number twice."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from tests.helpers.queue_api import MORNING, Category, add_windows, queue_hall, set_categories

OPEN = MORNING + timedelta(minutes=30)
WINDOWS = [f"T{i:02d}" for i in range(1, 21)]


def test_twenty_windows_pressing_next_at_once_never_share_a_ticket(demo_databases) -> None:
    with queue_hall(demo_databases, OPEN) as hall:
        add_windows(hall, WINDOWS)
        set_categories(
            hall,
            [Category("QX", "X", tuple(WINDOWS)), Category("QY", "Y", tuple(WINDOWS[:10]))],
        )
        desks = {window: hall.desk(window) for window in WINDOWS}
        kiosk = hall.enrol("kiosk", "自助机1")
        for minute in range(25):
            hall.at(OPEN + timedelta(minutes=minute))
            hall.issued(kiosk, "QX" if minute % 5 else "QY")
        hall.at(OPEN + timedelta(minutes=26))
        start = threading.Barrier(len(WINDOWS))

        def press_next(window: str) -> tuple[str, int, dict]:
            start.wait(timeout=30)
            answer = hall.post("/queue/next", desks[window], {})
            return window, answer.status_code, answer.json()

        with ThreadPoolExecutor(len(WINDOWS)) as pool:
            answers = list(pool.map(press_next, WINDOWS))
        assert [status for _w, status, _b in answers] == [200] * 20, answers
        called = {body["ticket"]["number"]: window for window, _s, body in answers}
        assert len(called) == 20  # twenty windows, twenty different tickets
        rows = hall.sql("SELECT number, window_code FROM queue_tickets WHERE status = 'called'")
        assert dict(rows) == called
        calls = hall.sql("SELECT ticket_id FROM queue_calls")
        assert len(calls) == 20 and len(set(calls)) == 20
        assert len(hall.sql("SELECT id FROM queue_tickets WHERE status = 'waiting'")) == 5


def test_kiosks_issuing_at_once_never_print_one_number_twice(demo_databases) -> None:
    with queue_hall(demo_databases, OPEN) as hall:
        set_categories(hall, [Category("QX", "X", ("W01",))])
        kiosks = [hall.enrol("kiosk", f"自助机{i}") for i in range(1, 5)]
        start = threading.Barrier(20)

        def issue(i: int) -> str:
            start.wait(timeout=30)
            return hall.issued(kiosks[i % 4], "QX")["ticket"]["number"]

        with ThreadPoolExecutor(20) as pool:
            numbers = list(pool.map(issue, range(20)))
        assert sorted(numbers) == [f"X{i:03d}" for i in range(1, 21)]
