"""A GUI-thread worklist read while the sync engine writes (not in CI).

    python -m bench.bench_gui_read [--cases 20000] [--rows 1000] [--rounds 3]

The figure: the longest worklist read on the GUI thread (``WorklistModel``: count + first
page, what opening or refreshing the worklist does) while the ``SyncEngine`` marks 1,000
outbox rows sent on its own thread, as a ratio to the longest of the same reads with the
engine idle, same file, same run. The service is an in-process stand-in that accepts every
row at once, so the engine's writes come as fast as the store takes them (the worst case for
the reader). With one writer and per-thread read-only connections (WAL) the reader does not
wait for the engine's transactions; before, both shared one locked connection. A second
figure reads while one write transaction stays open for 200 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVE = date(2026, 9, 30)


class _AcceptingService:
    """Answers every outbox row with 201 at once (no network)."""

    last_server_date = None

    def send(self, method: str, path: str, token: str, body_json: Any, key: str) -> tuple:
        return 201, {"ok": True}


def _enqueue(store: Any, rows: int) -> None:
    with store.db.transaction():
        for _ in range(rows):
            key = str(uuid.uuid4())
            store.enqueue(
                kind="client_event",
                method="POST",
                path="/api/v1/audit/client-events",
                idempotency_key=key,
                body={"events": [{"id": key, "action": "bench"}]},
            )


def _reads(read: Any, until: Any, minimum: int) -> list[float]:
    """Time ``read()`` over and over until ``until()`` is true (and at least ``minimum``)."""
    times: list[float] = []
    while len(times) < minimum or not until():
        started = time.perf_counter()
        read()
        times.append(time.perf_counter() - started)
    return times


def main(cases: int = 20_000, rows: int = 1_000, rounds: int = 5) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from clerk_app.core.calendar import WorkCalendar
    from clerk_app.core.clock import FixedClock, SystemClock
    from clerk_app.gui.worklist import WorklistModel
    from clerk_app.remote.sync import Backoff, SyncEngine
    from clerk_app.remote.tokens import TokenStore
    from clerk_app.store.worklist import WorklistQuery
    from tests.helpers.store import open_store
    from tests.helpers.worklist import at, bulk_cases

    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "clerk.db", FixedClock(at(EVE)))
        bulk_cases(store, cases, start=EVE)
        calendar = WorkCalendar.builtin()

        def read() -> None:
            WorklistModel(lambda: WorklistQuery(store.db, "W01", calendar, EVE, 2))

        tokens = TokenStore()
        tokens.set_device_token("W01", "dev", "token")
        engine = SyncEngine(
            store, _AcceptingService(), tokens, SystemClock(), Backoff(),
            window_code="W01", device_id="dev",
        )  # fmt: skip
        for _ in range(20):  # warm up caches and connections
            read()

        busy: list[float] = []
        idle: list[float] = []
        drain_seconds: list[float] = []
        for _ in range(rounds):
            _enqueue(store, rows)
            done = threading.Event()

            def drain(done: threading.Event = done) -> None:
                started = time.perf_counter()
                while engine.push_once().waiting:
                    pass
                drain_seconds.append(time.perf_counter() - started)
                done.set()

            worker = threading.Thread(target=drain, name="sync")
            worker.start()
            during = _reads(read, done.is_set, 5)
            worker.join()
            busy += during
            idle += _reads(read, lambda: True, len(during))  # as many, the engine idle
        # The same read while one write transaction stays open 200 ms (a big page of pulled
        # changes on a slow disk): does the reader wait for it?
        held: list[float] = []
        for _ in range(5):
            opened, release = threading.Event(), threading.Event()

            def hold(opened: threading.Event = opened, release: threading.Event = release) -> None:
                with store.db.transaction() as conn:
                    conn.execute("INSERT INTO state (key, value) VALUES ('bench', 'x')")
                    opened.set()
                    release.wait(0.2)
                    conn.execute("DELETE FROM state WHERE key = 'bench'")

            holder = threading.Thread(target=hold, name="long-write")
            holder.start()
            opened.wait(10)
            held += _reads(read, lambda: True, 1)
            release.set()
            holder.join()
        store.db.close()

    ms = 1000

    def p95(times: list[float]) -> float:
        return sorted(times)[int(0.95 * (len(times) - 1))]

    print(
        f"GUI-thread worklist read over {cases:,} cases while the sync engine writes {rows:,} "
        f"rows ({rounds} rounds, drain {statistics.median(drain_seconds):.2f} s each): "
        f"longest {max(busy) * ms:.1f} ms, median {statistics.median(busy) * ms:.1f} ms "
        f"({len(busy)} reads); engine idle: longest {max(idle) * ms:.1f} ms, median "
        f"{statistics.median(idle) * ms:.1f} ms; ratio longest {max(busy) / max(idle):.2f}, "
        f"95th percentile {p95(busy) / p95(idle):.2f}, "
        f"median {statistics.median(busy) / statistics.median(idle):.2f}"
    )
    print(
        f"the same read while a write transaction is open for 200 ms: longest "
        f"{max(held) * ms:.1f} ms; ratio to the longest idle read {max(held) / max(idle):.2f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.bench_gui_read")
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    main(args.cases, args.rows, args.rounds)
