"""Calls get their ids in commit order (issue 18), so a hall screen reading
``GET /queue/calls?after=<id>`` never passes a call that commits late.

bench/bench_queue.py found 26 of 1,500 calls never shown on PostgreSQL: two windows calling
at once committed out of id order. This holds one window's call open (flushed, id given,
not committed) and checks that a second window's call waits for it instead of committing a
higher id first. SQLite serializes writers (``BEGIN IMMEDIATE``), so only PostgreSQL runs.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from datetime import timedelta

import pytest
from sqlalchemy import text

from records_service import queue_calls
from records_service.db import Database
from records_service.models import QueueTicket
from tests.helpers.queue_api import MORNING, Category, queue_hall, set_categories

OPEN = MORNING + timedelta(minutes=30)


def _waiting_advisory_locks(database: Database) -> int:
    with database.read() as session:
        return int(
            session.execute(
                text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            ).scalar_one()
        )


def test_a_second_call_waits_for_the_first_to_commit(demo_databases) -> None:
    with queue_hall(demo_databases, OPEN) as hall:
        if not hall.service.database_url.startswith("postgresql"):
            pytest.skip("SQLite serializes writers: ids are in commit order anyway")
        set_categories(hall, [Category("QX", "X", ("W01", "W02"))])
        kiosk = hall.enrol("kiosk", "自助机1")
        first = hall.issued(kiosk, "QX")["ticket"]["number"]
        second = hall.issued(kiosk, "QX")["ticket"]["number"]
        ids = dict(hall.sql("SELECT number, id FROM queue_tickets"))
        database = Database(hall.service.database_url)
        done = threading.Event()
        later: list[int] = []

        def second_window_calls() -> None:
            with database.write() as session:
                ticket = session.get(QueueTicket, ids[second])
                assert ticket is not None
                later.append(queue_calls._announce(session, ticket, "W02", OPEN, "call").id)
            done.set()

        try:
            with ExitStack() as open_call:
                session = open_call.enter_context(database.write())
                ticket = session.get(QueueTicket, ids[first])
                assert ticket is not None
                earlier = queue_calls._announce(session, ticket, "W01", OPEN, "call").id
                worker = threading.Thread(target=second_window_calls)
                worker.start()
                # Either the second call waits on the lock, or (the bug) it commits first.
                for _ in range(600):
                    if done.wait(0.05) or _waiting_advisory_locks(database):
                        break
                assert not done.is_set(), "a later call committed while an earlier one was open"
            worker.join(timeout=30)
            assert done.is_set() and later and later[0] > earlier
            committed = hall.sql("SELECT id, number FROM queue_calls ORDER BY id")
            assert [number for _id, number in committed] == [first, second]
        finally:
            database.dispose()
