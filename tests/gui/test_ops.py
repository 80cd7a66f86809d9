"""The background-work helper and the one database writer."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clerk_app.gui import ops
from clerk_app.gui.ops import DbWriter, Op, error_message


class StoreError(Exception):
    pass


class DiskFullError(StoreError):
    pass


class NetworkError(Exception):
    pass


class TlsError(NetworkError):
    pass


class ApiError(Exception):
    def __init__(self, status: int, problem: dict) -> None:
        super().__init__(status)
        self.status = status
        self.problem = problem


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


def test_error_messages_name_what_the_clerk_can_do():
    assert "offline" in error_message(NetworkError("refused"))
    assert "certificate" in error_message(TlsError("bad cert"))
    assert "Wrong user name or password" in error_message(ApiError(401, {}))
    assert "older" in error_message(ApiError(426, {}))
    assert "Too many attempts" in error_message(ApiError(429, {}))
    assert "item unknown" in error_message(ApiError(422, {"detail": "item unknown"}))


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
    assert writer.pool.maxThreadCount() == 1
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
