"""The background-work helper and the one database writer."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clerk_app.gui import ops
from clerk_app.gui.ops import DbWriter, Op
from clerk_app.store.db import Database, DiskFullError
from clerk_app.store.writer import Writer


def test_op_runs_off_the_gui_thread_and_delivers_on_it(qtbot):
    seen: dict[str, object] = {}

    def work():
        seen["worker"] = QThread.currentThread()
        return 42

    def done(result):
        seen["result"] = result
        seen["callback"] = QThread.currentThread()

    Op(None, work).success(done).run()
    qtbot.waitUntil(lambda: "result" in seen)
    gui = QApplication.instance().thread()
    assert seen["result"] == 42
    assert seen["worker"] is not gui
    assert seen["callback"] is gui


def test_failure_callback_gets_the_exception_and_no_box_is_shown(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    got: list[Exception] = []

    def boom():
        raise DiskFullError("no space")

    Op(parent, boom).failure(got.append).run()
    qtbot.waitUntil(lambda: bool(got))
    assert isinstance(got[0], DiskFullError)
    assert parent.findChild(QMessageBox, "errorBox") is None


def test_unhandled_failure_shows_a_clear_message_box(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def boom():
        raise DiskFullError("database or disk is full")

    Op(parent, boom).run()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "errorBox") is not None)
    box = parent.findChild(QMessageBox, "errorBox")
    assert "disk is full" in box.text()
    assert "Nothing was saved" in box.text()
    box.close()


def test_busy_indicator_is_on_while_the_work_runs(qtbot):
    states: list[bool] = []
    release = threading.Event()
    done: list[object] = []
    Op(None, lambda: release.wait(5)).busy(states.append).success(done.append).run()
    assert states == [True]
    release.set()
    qtbot.waitUntil(lambda: bool(done))
    assert states == [True, False]


def test_writer_runs_writes_one_at_a_time_in_submission_order(qtbot):
    writer = DbWriter()
    order: list[int] = []
    threads: set[int] = set()
    results: list[int] = []
    active = [0]
    overlap = [False]

    def write(n: int) -> int:
        active[0] += 1
        if active[0] > 1:
            overlap[0] = True
        threads.add(threading.get_ident())
        order.append(n)
        active[0] -= 1
        return n

    for n in range(20):
        writer.submit(lambda n=n: write(n)).success(results.append)
    qtbot.waitUntil(lambda: len(results) == 20)
    assert order == list(range(20))
    assert results == list(range(20))
    assert not overlap[0]
    assert threading.get_ident() not in threads
    assert len(threads) == 1
    assert writer.wait_idle(1000)


def test_a_result_for_a_closed_window_is_dropped_quietly(qtbot):
    parent = QWidget()
    release = threading.Event()
    called: list[object] = []
    op = Op(parent, lambda: release.wait(5)).success(called.append).failure(called.append).run()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent))
    release.set()
    qtbot.waitUntil(lambda: op not in ops._RUNNING)
    assert called == []


def test_writer_over_the_store_writer_runs_work_on_its_thread_and_reports_on_the_gui(
    qtbot, tmp_path
):
    db = Database(tmp_path / "clerk.db")
    try:
        writer = DbWriter(writer=db.writer)
        ran_on: list[object] = []
        got: list[object] = []
        failures: list[Exception] = []

        def save() -> int:
            ran_on.append(threading.current_thread())
            with db.transaction() as conn:
                conn.execute("INSERT INTO state (key, value) VALUES ('k', 'v')")
            return 7

        def fail() -> None:
            raise DiskFullError("database or disk is full")

        writer.submit(save).success(got.append)
        writer.submit(fail).failure(failures.append)
        qtbot.waitUntil(lambda: got == [7] and len(failures) == 1)
        assert ran_on == [db.writer.thread]
        assert isinstance(failures[0], DiskFullError)
        assert db.query_one("SELECT value FROM state WHERE key = 'k'")[0] == "v"
        assert writer.wait_idle(1000)
    finally:
        db.close()


def test_a_result_that_is_ready_at_once_still_arrives_after_the_callbacks_are_chained(qtbot):
    runner = Writer("test-runner")
    try:
        op = Op(None, lambda: 5).run_on(runner)
        op.future.result(5)  # done before .success() is chained
        got: list[int] = []
        op.success(got.append)
        qtbot.waitUntil(lambda: got == [5])
    finally:
        runner.close()
