"""Background work for the GUI: one helper shape for every slow call, and one database writer.

In the style of Anki's ``CollectionOp``::

    Op(self, lambda: sign_in(context, user, password)).success(self._signed_in).run()
    writer.submit(lambda: take_in(context, session, draft, item)).success(self._saved)

The function runs on a ``QThreadPool`` worker. Its result (or exception) comes back to the GUI
thread by a queued signal on a small QObject bridge that lives in the GUI thread, so callbacks
may touch widgets and the worker never does. A failure without a failure callback shows a
clear, translated message box (non-blocking) built by
:func:`clerk_app.gui.errors.error_message`.

The desk's writes go through :class:`DbWriter`, the Qt side of a writer: work handed to it
runs one piece at a time in the order submitted, and its outcome (a
``concurrent.futures.Future``) comes back as a queued signal. Inside, every statement
reaches the SQLite file through the store's own writer thread (``clerk_app.store.writer``),
whatever thread the work runs on.

Threads (docs/INTERFACES.md, "Threads"): the GUI thread builds widgets and reads through
its read-only connection; ``DbWriter`` runs the desk's use cases on a Qt thread of its own
(a ``QThreadPool`` of one: documents are rendered there with Qt, so it needs Qt's event
dispatcher); an ``Op`` runs on the global ``QThreadPool`` (sign-in, catalog, service
queries); the store's writer thread (plain Python) runs every statement that writes. The GUI
thread never calls a use case that writes: :func:`write_later` is for the small ones
(a remembered printer).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import wait as wait_futures
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from clerk_app.gui.errors import error_message

if TYPE_CHECKING:  # its enums are built at its first use, not before the sign-in window
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("clerk.gui")

# Ops that are running; holding them here keeps their bridge alive until the result is back.
_RUNNING: set[Op] = set()


class _Bridge(QObject):
    """Lives in the GUI thread; the worker only emits its signals (queued to the GUI thread).

    Signals:
        done(object): the function returned this value.
        failed(object): the function raised this exception.
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, op: Op) -> None:
        from PySide6.QtCore import Qt  # its enums: at the first task, not before sign-in

        super().__init__()
        self._op = op
        # Queued even when emitted on the GUI thread (a future that is already done calls
        # back at once): callbacks chained after run() are always in place in time.
        self.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    def deliver(self, future: Future[Any]) -> None:
        """A future's outcome, as one of the two signals (any thread)."""
        exc = future.exception()
        if exc is not None:
            self.failed.emit(exc)
        else:
            self.done.emit(future.result())

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._op._finish(result, None)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._op._finish(None, exc)  # type: ignore[arg-type]


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self._fn = fn
        self._bridge = bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # every failure goes back to the GUI thread
            self._bridge.failed.emit(exc)
        else:
            self._bridge.done.emit(result)


class Op:
    """One piece of slow work: run ``fn`` off the GUI thread, handle its outcome on it.

    Args:
        parent: the widget the error message box belongs to (may be None).
        fn: a function of no arguments; it must not touch widgets.
    """

    def __init__(self, parent: QWidget | None, fn: Callable[[], Any]) -> None:
        self._parent = parent
        self._fn = fn
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._busy: Callable[[bool], None] | None = None
        self._bridge: _Bridge | None = None
        #: The outcome, when the work was handed to a runner (:meth:`run_on`).
        self.future: Future[Any] | None = None

    def success(self, callback: Callable[[Any], None]) -> Op:
        """Call ``callback(result)`` on the GUI thread when ``fn`` returns."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Op:
        """Call ``callback(exc)`` on the GUI thread instead of showing the error box."""
        self._on_failure = callback
        return self

    def busy(self, indicator: Callable[[bool], None]) -> Op:
        """Call ``indicator(True)`` when the work starts and ``indicator(False)`` when it ends."""
        self._busy = indicator
        return self

    def run(self, pool: QThreadPool | None = None) -> Op:
        """Start the work on ``pool`` (the global pool by default)."""
        bridge = self._start()
        (pool or QThreadPool.globalInstance()).start(_Task(self._fn, bridge))
        return self

    def run_on(self, runner: Runner) -> Op:
        """Hand the work to ``runner`` (has ``submit(fn) -> Future``, e.g. a store writer)."""
        bridge = self._start()
        self.future = runner.submit(self._fn)
        self.future.add_done_callback(bridge.deliver)
        return self

    def _start(self) -> _Bridge:
        self._bridge = _Bridge(self)
        _RUNNING.add(self)
        if self._busy is not None:
            self._busy(True)
        return self._bridge

    def _finish(self, result: object, exc: Exception | None) -> None:
        _RUNNING.discard(self)
        if self._parent is not None and not shiboken6.isValid(self._parent):
            # The window that asked is gone (closed while the work ran): nobody to tell.
            log.info("background work finished after its window closed; result dropped")
            return
        if self._busy is not None:
            self._busy(False)
        if exc is None:
            if self._on_success is not None:
                self._on_success(result)
            return
        log.warning("background work failed: %s", exc, exc_info=exc)
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            show_error(self._parent, exc)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show :func:`error_message` in a window-modal box that does not block the caller."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Ops", "Window Clerk"))
    box.setText(error_message(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorBox")
    box.open()
    return box


class _FutureTask(QRunnable):
    def __init__(self, fn: Callable[[], Any], future: Future[Any]) -> None:
        super().__init__()
        self._fn = fn
        self._future = future
        self.setAutoDelete(True)

    def run(self) -> None:
        if not self._future.set_running_or_notify_cancel():
            return
        try:
            result = self._fn()
        except BaseException as exc:  # every outcome goes back through the future
            self._future.set_exception(exc)
        else:
            self._future.set_result(result)


class _PoolRunner:
    """A Qt thread of its own (``QThreadPool`` of one): the work may use Qt (documents are
    rendered there); its writes still go to the database's writer thread."""

    def __init__(self, parent: QObject) -> None:
        self._pool = QThreadPool(parent)
        self._pool.setMaxThreadCount(1)
        self._pool.setObjectName("DbWriter")

    def submit(self, fn: Callable[[], Any]) -> Future[Any]:
        future: Future[Any] = Future()
        self._pool.start(_FutureTask(fn, future))
        return future


class Runner(Protocol):
    """Runs functions one at a time off the GUI thread (``clerk_app.store.writer.Writer``)."""

    def submit(self, fn: Callable[[], Any]) -> Future[Any]: ...


class DbWriter(QObject):
    """The desk's writer, for Qt: ``submit(fn).success(...)``, one piece of work at a time.

    Args:
        parent: the owning QObject.
        writer: what runs the work (``submit(fn) -> Future``), e.g. the database's own
            writer for work without Qt in it; without one, a single Qt thread of its own,
            whose writes the store still hands to the database's writer thread.
    """

    def __init__(self, parent: QObject | None = None, *, writer: Runner | None = None) -> None:
        super().__init__(parent)
        self._runner: Runner = writer if writer is not None else _PoolRunner(self)
        self._lock = threading.Lock()
        self._pending: set[Future[Any]] = set()

    def submit(self, fn: Callable[[], Any], parent: QWidget | None = None) -> Op:
        """Queue ``fn`` behind earlier writes; chain ``.success()``/``.failure()`` on the result.

        The work starts at once, but its outcome is delivered by a queued signal, i.e. only when
        control is back in the GUI event loop: callbacks chained right after this call are
        always in place before the result arrives.
        """
        op = Op(parent, fn).run_on(self._runner)
        assert op.future is not None
        with self._lock:
            self._pending.add(op.future)
        op.future.add_done_callback(self._forget)
        return op

    def _forget(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Wait for queued writes to finish (on shutdown); True when they did."""
        with self._lock:
            pending = set(self._pending)
        _done, not_done = wait_futures(pending, timeout=msecs / 1000)
        return not not_done


def nearest_writer(widget: QObject | None) -> DbWriter | None:
    """The ``DbWriter`` of ``widget`` or of the nearest parent that has one (the main
    window's ``writer``), or None."""
    while widget is not None:
        found = vars(widget).get("writer")
        if isinstance(found, DbWriter):
            return found
        widget = widget.parent()
    return None


def write_later(parent: QWidget | None, fn: Callable[[], Any]) -> Op:
    """Run a small write off the GUI thread: on the nearest ``DbWriter`` of ``parent``, or,
    when there is none, as an :class:`Op` (its statements go to the store's writer thread
    either way). A failure is logged, not shown (for remembered choices, not records)."""
    writer = nearest_writer(parent)
    op = writer.submit(fn, parent) if writer is not None else Op(parent, fn).run()
    return op.failure(lambda exc: log.error("background write failed: %s", exc))
