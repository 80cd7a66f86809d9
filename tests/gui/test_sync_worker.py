"""The sync worker pushes the outbox off the GUI thread and reports what is waiting."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui.sync_worker import SyncWorker
from clerk_app.remote.sync import PushResult


class ScriptedEngine:
    """Answers push_once() from a script; records the thread each call ran on."""

    store = None  # no local store: the connection panel lists nothing

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
    engine = ScriptedEngine([PushResult(online=True, waiting=0, rejected_total=0)])
    worker = SyncWorker(engine, _clock(), idle_ms=60_000)
    with qtbot.waitSignal(worker.status_changed, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [True, 0, 0]
    assert engine.threads[0] is not QApplication.instance().thread()
    assert worker.stop(5000)


def test_a_raising_push_is_reported_offline_and_the_loop_survives(qtbot):
    engine = ScriptedEngine([PushResult(online=True, waiting=2, rejected_total=0), OSError("down")])
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
    engine = ScriptedEngine(
        [PushResult(online=True, waiting=1), PushResult(online=True, waiting=0)]
    )
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
            PushResult(online=False, waiting=1, next_due=clock.now() - timedelta(seconds=1)),
            PushResult(online=True, waiting=0, next_due=None),
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
    engine = ScriptedEngine([PushResult(online=True, waiting=0)])
    worker = SyncWorker(engine, _clock(), idle_ms=3_600_000)
    with qtbot.waitSignal(worker.status_changed, timeout=5000):
        worker.start()
    assert worker.stop(5000)
    assert not worker.is_running()
    assert worker.stop(10)  # stopping twice is harmless


def test_a_case_changed_by_a_pull_shows_in_an_open_case_detail_and_the_worklist(qtbot, tmp_path):
    """No refresh by hand: the worker announces the pulled case on the hub, and the screens
    that show it listen there."""
    from clerk_app.core.calendar import WorkCalendar
    from clerk_app.gui.case_actions import status_label
    from clerk_app.gui.ops import DbWriter
    from clerk_app.gui.worklist import WorklistPane
    from tests.helpers.printing import clerk_session
    from tests.helpers.store import T0, open_store
    from tests.helpers.worklist import add_case, desk_context

    clock = FixedClock(T0)
    store = open_store(tmp_path / "clerk.db", clock)
    case_no = add_case(store, 1, received=T0.date(), due=None)["case_no"]
    context = desk_context(store, clock, tmp_path)
    writer = DbWriter()
    pane = WorklistPane(context, clerk_session(), WorkCalendar.builtin(), writer)
    qtbot.addWidget(pane)
    pane.refresh()
    detail = pane.open_case(case_no)
    status_column = pane.model.COLUMNS.index("status")

    def worklist_status() -> str:
        return pane.model.data(pane.model.index(pane.model.row_of(case_no), status_column))

    assert worklist_status() == status_label("accepted")
    assert status_label("accepted") in detail.title_label.text()

    class PullingEngine:
        """One round that brings in the center's new status of the case: stored through the
        store's writer, as the link keeper stores a pulled change, and reported."""

        def __init__(self) -> None:
            self.store = store

        def push_once(self) -> PushResult:
            with store.db.transaction() as conn:
                conn.execute(
                    "UPDATE cases SET status = 'in_progress' WHERE case_no = ?", (case_no,)
                )
            return PushResult(online=True, changed_cases=(case_no,))

    worker = SyncWorker(PullingEngine(), clock, idle_ms=3_600_000)
    try:
        worker.start()
        qtbot.waitUntil(
            lambda: status_label("in_progress") in detail.title_label.text(), timeout=5000
        )
        qtbot.waitUntil(lambda: worklist_status() == status_label("in_progress"), timeout=5000)
    finally:
        assert worker.stop(5000)
        detail.close()
        writer.wait_idle(5000)
        store.db.close()
