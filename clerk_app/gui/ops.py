"""Background work for the GUI: one helper shape for every slow call, and one database writer.

In the style of Anki's ``CollectionOp``::

    Op(self, lambda: api.login(...)).success(self._signed_in).failure(self._failed).run()
    writer.submit(lambda: store.create_case(payload)).success(self._saved)

The function runs on a ``QThreadPool`` worker. Its result (or exception) comes back to the GUI
thread by a queued signal on a small QObject bridge that lives in the GUI thread, so callbacks
may touch widgets and the worker never does. A failure without a failure callback shows a
clear, translated message box (non-blocking) built by :func:`error_message`.

Every write to the local store goes through :class:`DbWriter`, a pool with exactly one thread:
writes are serialised in the order they were submitted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("clerk.gui")

# Ops that are running; holding them here keeps their bridge alive until the result is back.
_RUNNING: set[Op] = set()


def _class_names(exc: BaseException) -> list[str]:
    return [cls.__name__ for cls in type(exc).__mro__]


def error_message(exc: BaseException) -> str:
    """Say in the clerk's language what went wrong and what to do.

    The errors a clerk can act on are recognised by class name along the exception's MRO, so
    the GUI does not depend on which module of ``store`` or ``remote`` defines them (and a
    subclass such as ``TlsError(NetworkError)`` gets its own, more precise message).

    Args:
        exc: the exception raised by the background function.

    Returns:
        A translated sentence for a message box or an error label.
    """
    for name in _class_names(exc):
        if name == "DiskFullError":
            return QCoreApplication.translate(
                "Ops",
                "The disk is full. Nothing was saved. Free some disk space or call IT support, "
                "then try again.",
            )
        if name == "DatabaseLockedError":
            return QCoreApplication.translate(
                "Ops",
                "The local database is busy (locked by another program). Nothing was saved. "
                "Wait a moment and try again.",
            )
        if name == "CorruptDatabaseError":
            return QCoreApplication.translate(
                "Ops",
                "The local database is damaged. Stop taking in cases on this computer and call "
                "IT support.",
            )
        if name == "StoreError":
            return QCoreApplication.translate(
                "Ops", "The local database could not be used: %1"
            ).replace("%1", str(exc))
        if name == "TlsError":
            return QCoreApplication.translate(
                "Ops",
                "The records service's certificate is not trusted. Check the CA bundle in the "
                "provisioning file or call IT support.",
            )
        if name == "NetworkError":
            return QCoreApplication.translate(
                "Ops",
                "The records service cannot be reached (offline). Check the network cable or "
                "try again later.",
            )
        if name == "BadResponseError":
            return QCoreApplication.translate(
                "Ops",
                "The records service gave an answer this client does not understand. "
                "Call IT support.",
            )
        if name == "ApiError":
            return api_error_message(exc)
    return QCoreApplication.translate("Ops", "Something went wrong: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )


def api_error_message(exc: BaseException) -> str:
    """Word an ``ApiError(status, problem)`` answer of the records service."""
    status = getattr(exc, "status", None)
    problem = getattr(exc, "problem", None) or {}
    if status == 401:
        return QCoreApplication.translate("Ops", "Wrong user name or password.")
    if status == 403:
        return QCoreApplication.translate("Ops", "This account may not do that at this window.")
    if status == 426:
        from clerk_app import __version__

        needed = problem.get("min_client_version") if isinstance(problem, dict) else None
        return (
            QCoreApplication.translate(
                "Ops",
                "This client (version %1) is older than the records service accepts (version "
                "%2 or newer). Ask IT support to install the new version.",
            )
            .replace("%1", __version__)
            .replace("%2", str(needed or "?"))
        )
    if status == 429:
        return QCoreApplication.translate(
            "Ops", "Too many attempts. Wait a few minutes, or ask the shift lead to unlock it."
        )
    detail = ""
    if isinstance(problem, dict):
        detail = str(problem.get("detail") or problem.get("title") or "")
    text = QCoreApplication.translate(
        "Ops", "The records service refused the request (%1)."
    ).replace("%1", str(status))
    return f"{text} {detail}".strip()


class _Bridge(QObject):
    """Lives in the GUI thread; the worker only emits its signals (queued to the GUI thread).

    Signals:
        done(object): the function returned this value.
        failed(object): the function raised this exception.
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, op: Op) -> None:
        super().__init__()
        self._op = op
        self.done.connect(self._on_done)
        self.failed.connect(self._on_failed)

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
        self._bridge = _Bridge(self)
        _RUNNING.add(self)
        if self._busy is not None:
            self._busy(True)
        (pool or QThreadPool.globalInstance()).start(_Task(self._fn, self._bridge))
        return self

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
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Ops", "Window Clerk"))
    box.setText(error_message(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorBox")
    box.open()
    return box


class DbWriter(QObject):
    """The one writer of the local store: a pool with a single thread.

    Every write (case creation, outbox updates made by the GUI, settings in the store) is
    submitted here, so two writes never race for the SQLite write lock.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setObjectName("DbWriter")

    @property
    def pool(self) -> QThreadPool:
        return self._pool

    def submit(self, fn: Callable[[], Any], parent: QWidget | None = None) -> Op:
        """Queue ``fn`` behind earlier writes; chain ``.success()``/``.failure()`` on the result.

        The work starts at once, but its outcome is delivered by a queued signal, i.e. only when
        control is back in the GUI event loop: callbacks chained right after this call are
        always in place before the result arrives.
        """
        return Op(parent, fn).run(self._pool)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Wait for queued writes to finish (on shutdown); True when they did."""
        return self._pool.waitForDone(msecs)
