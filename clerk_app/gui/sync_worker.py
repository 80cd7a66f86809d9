"""The sync worker: sends the outbox off the GUI thread, over and over.

A :class:`SyncWorker` (GUI thread) owns a ``QThread`` running a small loop object. The loop
calls ``engine.push_once()``, reports the outcome, and waits for the next due time with a
``QTimer`` in its own thread (never ``time.sleep``). Due times are read against the injected
clock, so tests move time instead of waiting for it. ``wake()`` asks for a push right now,
e.g. just after a new case was written.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from clerk_app.app.outbox_pages import KIND_ATTACHMENT, PageFacts, page_facts
from clerk_app.app.sync import NEEDS_ACTION, ConflictItem, RejectedItem, WaitingRow, link_problems
from clerk_app.core.clock import Clock
from clerk_app.gui.hub import case_hub

log = logging.getLogger("clerk.sync")


#: How long the loop waits when nothing is due (milliseconds).
IDLE_INTERVAL_MS = 30_000
#: How long the loop waits after a push that raised (milliseconds).
ERROR_INTERVAL_MS = 15_000


class PushOutcome(Protocol):
    """What one push round reports: ``clerk_app.remote.sync.PushResult``."""

    online: bool
    waiting: int
    rejected: int
    rejected_total: int
    sent: int
    next_due: datetime | None
    stopped: str | None
    last_contact: datetime | None
    clock_skew_seconds: float | None
    changed_cases: tuple[str, ...]
    waiting_cases: int
    waiting_documents: int
    waiting_other: int
    device_token: bool


class PushEngine(Protocol):
    """What the worker needs of ``clerk_app.remote.sync.SyncEngine`` (its ``heartbeat``:
    the longest quiet time; the loop then wakes at least that often)."""

    heartbeat: timedelta | None

    def push_once(self) -> PushOutcome: ...


@dataclass(frozen=True)
class SyncStatus:
    """The outcome of one push, as the status bar shows it."""

    online: bool
    waiting: int
    rejected: int
    next_due: datetime | None


def read_outcome(result: PushOutcome) -> SyncStatus:
    """The status bar's part of a ``push_once()`` result (a ``PushResult``).

    ``rejected`` is all the rows the service refused (``rejected_total``), not only this
    round's.
    """
    return SyncStatus(
        online=result.online,
        waiting=result.waiting,
        rejected=result.rejected_total,
        next_due=result.next_due,
    )


@dataclass(frozen=True)
class LinkDetails:
    """Everything the connection panel shows; made on the worker thread.

    ``state`` is ``online``, ``offline``, ``syncing`` (a push is under way) or ``stopped``
    (the engine sends nothing until a person acts: ``stopped`` says why — no device token,
    401, 426, an untrusted certificate). ``waiting_kinds`` is (cases, documents, other
    records) when known; ``waiting_items`` the rows themselves with their last error.
    """

    state: str
    waiting: int
    rejected: tuple[RejectedItem, ...] = ()
    last_contact: datetime | None = None
    clock_skew_seconds: float | None = None
    stopped: str | None = None
    conflicts: tuple[ConflictItem, ...] = ()
    waiting_kinds: tuple[int, int, int] | None = None
    waiting_items: tuple[WaitingRow, ...] = ()
    # Whether the desk holds its device token (False: said in red, with what to do).
    device_token: bool = True
    # When that device token expires (None: not known yet; the desk renews it itself).
    device_token_expires_at: datetime | None = None
    # The scanned pages among the waiting and refused rows, by outbox row id.
    pages: Mapping[int, PageFacts] = field(default_factory=dict)


class _Loop(QObject):
    """Lives in the worker thread.

    Signals:
        status(bool, int, int): online, waiting, rejected after each push.
        details(object): a :class:`LinkDetails` before (``syncing``) and after each push.
        changed(object): the push result, when it sent, refused or pulled anything.
    """

    status = Signal(bool, int, int)
    details = Signal(object)
    changed = Signal(object)

    def __init__(self, engine: PushEngine, clock: Clock, idle_ms: int, error_ms: int) -> None:
        super().__init__()
        self._engine = engine
        self._clock = clock
        self._idle_ms = idle_ms
        self._error_ms = error_ms
        self._timer: QTimer | None = None
        self._waiting = 0
        self._rejected = 0
        self._last: LinkDetails | None = None

    @Slot()
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.cycle)
        self.cycle()

    @Slot()
    def cycle(self) -> None:
        if self._timer is None:  # halted
            return
        self._timer.stop()
        if self._last is not None and self._last.state != "stopped":
            self.details.emit(replace(self._last, state="syncing"))
        elif self._last is None:
            self.details.emit(LinkDetails("syncing", self._waiting))
        try:
            result = self._engine.push_once()
            outcome = read_outcome(result)
        except Exception as exc:  # the loop must survive anything the engine raises
            log.warning("push failed: %s", exc)
            self.status.emit(False, self._waiting, self._rejected)
            self._last = LinkDetails("offline", self._waiting, stopped=str(exc)[:200])
            self.details.emit(self._last)
            self._timer.start(self._error_ms)
            return
        self._waiting, self._rejected = outcome.waiting, outcome.rejected
        self.status.emit(outcome.online, outcome.waiting, outcome.rejected)
        self._last = self._details(result, outcome)
        self.details.emit(self._last)
        if result.changed_cases or result.sent or result.rejected:
            self.changed.emit(result)
        if result.stopped in NEEDS_ACTION:  # nothing to gain by asking more often
            self._timer.start(self._idle_ms)
        else:
            self._timer.start(self._delay_ms(outcome.next_due))

    def _details(self, result: PushOutcome, outcome: SyncStatus) -> LinkDetails:
        rejected: tuple[RejectedItem, ...] = ()
        conflicts: tuple[ConflictItem, ...] = ()
        waiting: tuple[WaitingRow, ...] = ()
        pages: dict[int, PageFacts] = {}
        try:
            found = link_problems(
                self._engine,
                with_rejected=bool(outcome.rejected),
                with_waiting=bool(outcome.waiting),
            )
            rejected, conflicts, waiting = found.rejected, found.conflicts, found.waiting
            store = getattr(self._engine, "store", None)
            kinds = {r.kind for r in rejected} | {r.kind for r in waiting}
            if store is not None and KIND_ATTACHMENT in kinds:
                ids = [r.row_id for r in rejected] + [r.row_id for r in waiting]
                pages = page_facts(store, ids)
        except Exception as exc:  # a status panel must not stop the sync loop
            log.warning("cannot list waiting or rejected items or conflicts: %s", exc)
        if result.stopped in NEEDS_ACTION:
            state = "stopped"
        else:
            state = "online" if outcome.online else "offline"
        return LinkDetails(
            state=state,
            waiting=outcome.waiting,
            rejected=rejected,
            last_contact=result.last_contact,
            clock_skew_seconds=result.clock_skew_seconds,
            stopped=result.stopped,
            conflicts=conflicts,
            waiting_kinds=(result.waiting_cases, result.waiting_documents, result.waiting_other),
            waiting_items=waiting,
            device_token=result.device_token,
            device_token_expires_at=getattr(result, "device_token_expires_at", None),
            pages=pages,
        )

    def _delay_ms(self, due: datetime | None) -> int:
        """Until ``due`` (never longer than the idle wait), and at most the engine's
        heartbeat when one is set (a quiet link is then checked that often)."""
        longest = self._idle_ms
        heartbeat = getattr(self._engine, "heartbeat", None)
        if heartbeat is not None:
            longest = min(longest, max(1, int(heartbeat.total_seconds() * 1000)))
        if due is None:
            return longest
        ms = int((due - self._clock.now()).total_seconds() * 1000)
        return max(0, min(ms, longest))

    @Slot()
    def halt(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        # Hand the object back to the GUI thread so it can be deleted there.
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())
        QThread.currentThread().quit()


class SyncWorker(QObject):
    """Runs the push loop on its own thread and reports to the GUI.

    Args:
        engine: has ``push_once()``; it is only ever called on the worker thread.
        clock: the application's clock, for due times.
        idle_ms: wait between pushes when nothing is due.
        error_ms: wait after a push that raised.

    Pulled cases and rounds that sent or refused something are announced on the
    :func:`~clerk_app.gui.hub.case_hub`; a desk write announced there wakes the worker.

    Signals:
        status_changed(bool, int, int): online, waiting, rejected; delivered in the GUI thread.
        details_changed(object): a :class:`LinkDetails` (state incl. ``syncing``, last
            contact, clock skew, rejected items with reasons); delivered in the GUI thread.
    """

    status_changed = Signal(bool, int, int)
    details_changed = Signal(object)
    _wake_requested = Signal()
    _halt_requested = Signal()

    def __init__(
        self,
        engine: PushEngine,
        clock: Clock,
        parent: QObject | None = None,
        *,
        idle_ms: int = IDLE_INTERVAL_MS,
        error_ms: int = ERROR_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("SyncWorker")
        self._loop = _Loop(engine, clock, idle_ms, error_ms)
        self._loop.moveToThread(self._thread)
        self._thread.started.connect(self._loop.start)
        self._loop.status.connect(self.status_changed)
        self._loop.details.connect(self.details_changed)
        self._loop.changed.connect(self._announce)
        case_hub().written.connect(self.wake)
        self._wake_requested.connect(self._loop.cycle)
        self._halt_requested.connect(self._loop.halt)
        self.last_status: tuple[bool, int, int] | None = None
        self.status_changed.connect(self._remember)

    @Slot(bool, int, int)
    def _remember(self, online: bool, waiting: int, rejected: int) -> None:
        self.last_status = (online, waiting, rejected)

    @Slot(object)
    def _announce(self, result: PushOutcome) -> None:
        """Tell the screens (GUI thread): pulled cases one by one, and that a round changed
        what the worklist shows (sent, refused, pulled)."""
        case_hub().announce_pulled(result.changed_cases)

    def start(self) -> None:
        """Start the thread; the first push happens at once."""
        if not self._thread.isRunning():
            self._thread.start()

    def wake(self) -> None:
        """Push now instead of at the next due time (e.g. after a case was taken in)."""
        self._wake_requested.emit()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, timeout_ms: int = 10_000) -> bool:
        """Stop the loop and its thread, waiting at most ``timeout_ms``.

        Returns:
            True when the thread ended in time (a push in flight is allowed to finish).
        """
        if not self._thread.isRunning():
            return True
        self._halt_requested.emit()
        ended = self._thread.wait(timeout_ms)
        if not ended:
            log.error("sync worker did not stop within %d ms", timeout_ms)
        return bool(ended)
