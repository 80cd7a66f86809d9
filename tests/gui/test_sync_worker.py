"""The sync worker pushes the outbox off the GUI thread and reports what is waiting."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui.sync_worker import SyncWorker


class ScriptedEngine:
    """Answers push_once() from a script; records the thread each call ran on."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.calls = 0
        self.threads: list[QThread] = []
        self.lock = threading.Lock()

    def push_once(self):
        with self.lock:
            self.calls += 1
            self.threads.append(QThread.currentThread())
            answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def _clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 30, 9, 0, tzinfo=CENTER_TZ))


def test_first_push_reports_status_and_runs_off_the_gui_thread(qtbot):
    engine = ScriptedEngine([{"online": True, "waiting": 0, "rejected": 0}])
    worker = SyncWorker(engine, _clock(), idle_ms=60_000)
    with qtbot.waitSignal(worker.status_changed, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [True, 0, 0]
    assert engine.threads[0] is not QApplication.instance().thread()
    assert worker.stop(5000)


def test_a_raising_push_is_reported_offline_and_the_loop_survives(qtbot):
    engine = ScriptedEngine([{"online": True, "waiting": 2, "rejected": 0}, OSError("down")])
    worker = SyncWorker(engine, _clock(), idle_ms=60_000, error_ms=60_000)
    with qtbot.waitSignal(worker.status_changed, timeout=5000):
        worker.start()
    with qtbot.waitSignal(worker.status_changed, timeout=5000) as blocker:
        worker.wake()
    assert blocker.args == [False, 2, 0]
    with qtbot.waitSignal(worker.status_changed, timeout=5000):
        worker.wake()
    assert worker.is_running()
    assert worker.stop(5000)


def test_wake_pushes_at_once_instead_of_waiting_for_the_idle_interval(qtbot):
    engine = ScriptedEngine([{"online": True, "waiting": 1}, {"online": True, "waiting": 0}])
    worker = SyncWorker(engine, _clock(), idle_ms=3_600_000)
    with qtbot.waitSignal(worker.status_changed, timeout=5000):
        worker.start()
    with qtbot.waitSignal(worker.status_changed, timeout=5000) as blocker:
        worker.wake()
    assert blocker.args == [True, 0, 0]
    assert engine.calls == 2
    assert worker.stop(5000)


def test_a_due_time_already_passed_on_the_injected_clock_pushes_again_at_once(qtbot):
    clock = _clock()
    # The engine says the next retry is due now (by the injected clock): no real waiting.
    engine = ScriptedEngine(
        [
            {"online": False, "waiting": 1, "next_due": clock.now() - timedelta(seconds=1)},
            {"online": True, "waiting": 0, "next_due": None},
        ]
    )
    worker = SyncWorker(engine, clock, idle_ms=3_600_000)
    seen: list[tuple] = []
    worker.status_changed.connect(lambda *a: seen.append(a))
    worker.start()
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=5000)
    assert seen[:2] == [(False, 1, 0), (True, 0, 0)]
    assert worker.stop(5000)


def test_stop_ends_the_thread_within_the_bound(qtbot):
    engine = ScriptedEngine([{"online": True, "waiting": 0}])
    worker = SyncWorker(engine, _clock(), idle_ms=3_600_000)
    with qtbot.waitSignal(worker.status_changed, timeout=5000):
        worker.start()
    assert worker.stop(5000)
    assert not worker.is_running()
    assert worker.stop(10)  # stopping twice is harmless
