"""The one writer of a local database: a plain thread and a queue (no Qt).

Every write to the local SQLite file runs on its database's :class:`Writer` thread — the
desk's, the sync engine's, the link keeper's, sign-in's — whatever thread asked for it:

- :meth:`Writer.call` on another thread hands the work over and waits for its result (an
  exception is re-raised in the caller); on the writer thread it simply runs, so a store
  function that calls another one (or opens a nested transaction) does not wait on itself.
- :meth:`Writer.submit` hands the work over and returns a ``concurrent.futures.Future`` at
  once (the GUI's ``DbWriter`` turns its outcome into a queued Qt signal).
- :meth:`Writer.hold` reserves the writer for one caller while it runs a multi-statement
  ``with db.transaction():`` block from its own thread: each statement of the block is
  handed over one by one, and no other thread's write gets in between.

:func:`writes` marks a store function as a write: the whole function then runs on the
writer in one hand-over (its first argument is a ``Database``, or has ``.db``).
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

if TYPE_CHECKING:
    from clerk_app.store.db import Database

log = logging.getLogger("clerk.store")

P = ParamSpec("P")
R = TypeVar("R")

_STOP = object()


class WriterClosed(RuntimeError):
    """Work was handed to the writer of a database that is closed."""


class _Job:
    __slots__ = ("fn", "future")

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.future: Future[Any] = Future()

    def run(self) -> None:
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn()
        except BaseException as exc:  # every outcome goes back to the caller
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)
        finally:
            self.fn = _no_op  # drop references the work held (the database, rows)


def _no_op() -> None:
    return None


class _Hold:
    """The writer reserved for one thread's transaction block: its statements, in order."""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue[_Job | object] = queue.SimpleQueue()
        self.started = threading.Event()
        self.depth = 0

    def serve(self) -> None:
        """Runs on the writer thread until the holder lets go."""
        self.started.set()
        while True:
            job = self.jobs.get()
            if job is _STOP:
                return
            assert isinstance(job, _Job)
            job.run()


def _serve(
    jobs: queue.SimpleQueue[_Job | object], idle: threading.Condition, busy: list[int]
) -> None:
    """The writer thread's loop (it holds no reference to the Writer, so that can go away)."""
    while True:
        job = jobs.get()
        if job is _STOP:
            return
        assert isinstance(job, _Job)
        try:
            job.run()
        finally:
            del job
            with idle:
                busy[0] -= 1
                if busy[0] == 0:
                    idle.notify_all()


class Writer:
    """One thread that runs every write of one database, in the order it was handed over.

    Args:
        name: the thread's name (shows in logs and debuggers).
    """

    def __init__(self, name: str = "store-writer") -> None:
        self._jobs: queue.SimpleQueue[_Job | object] = queue.SimpleQueue()
        self._idle = threading.Condition()
        self._busy = [0]  # jobs queued or running
        self._closed = False
        self._local = threading.local()
        self._thread = threading.Thread(
            target=_serve, args=(self._jobs, self._idle, self._busy), name=name, daemon=True
        )
        self._thread.start()
        # A writer nobody closed stops when it is collected (tests open many databases).
        weakref.finalize(self, self._jobs.put, _STOP)

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def on_writer_thread(self) -> bool:
        """True when the calling thread is this writer's thread."""
        return threading.current_thread() is self._thread

    def holding(self) -> bool:
        """True when the calling thread has reserved the writer (see :meth:`hold`)."""
        return getattr(self._local, "hold", None) is not None

    def submit(self, fn: Callable[[], R]) -> Future[R]:
        """Queue ``fn`` behind earlier work; its outcome comes in the returned future.

        Raises:
            WriterClosed: the database was closed.
        """
        job = _Job(fn)
        hold: _Hold | None = getattr(self._local, "hold", None)
        if hold is not None:
            hold.jobs.put(job)
            return job.future
        with self._idle:
            if self._closed:
                raise WriterClosed("the database is closed: nothing more can be written")
            self._busy[0] += 1
        self._jobs.put(job)
        return job.future

    def call(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run ``fn(*args, **kwargs)`` on the writer thread and return its result.

        On the writer thread itself it runs at once. Elsewhere the caller waits; whatever
        ``fn`` raises is raised here.
        """
        if self.on_writer_thread():
            return fn(*args, **kwargs)
        return self.submit(functools.partial(fn, *args, **kwargs)).result()

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Reserve the writer for the calling thread for the duration of the block.

        Work the block hands over (:meth:`call`, :meth:`submit`) runs on the writer thread in
        order, and nothing else does meanwhile. Re-entrant; on the writer thread a no-op.
        """
        if self.on_writer_thread():
            yield
            return
        hold: _Hold | None = getattr(self._local, "hold", None)
        if hold is not None:
            hold.depth += 1
            try:
                yield
            finally:
                hold.depth -= 1
            return
        hold = _Hold()
        served = self.submit(hold.serve)
        while not hold.started.wait(0.5):
            if served.done():  # the writer stopped before it came to us
                served.result()
                raise WriterClosed("the database is closed: nothing more can be written")
        self._local.hold = hold
        try:
            yield
        finally:
            self._local.hold = None
            hold.jobs.put(_STOP)
            served.result()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until everything handed over so far has run; True when it has."""
        if self.on_writer_thread() or self.holding():
            return True
        with self._idle:
            return self._idle.wait_for(lambda: self._busy[0] == 0, timeout)

    def close(self, timeout: float | None = 30.0) -> None:
        """Run what is queued, then stop the thread (idempotent)."""
        with self._idle:
            if self._closed:
                return
            self._closed = True
        self._jobs.put(_STOP)
        if not self.on_writer_thread():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("the store writer did not stop within %s s", timeout)

    @property
    def closed(self) -> bool:
        return self._closed


def _database_of(target: Any) -> Database:
    from clerk_app.store.db import Database

    if isinstance(target, Database):
        return target
    db = getattr(target, "db", None)
    if isinstance(db, Database):
        return db
    raise TypeError(f"@writes needs a Database or an object with .db first, not {target!r}")


def writes(fn: Callable[P, R]) -> Callable[P, R]:
    """Run a store function on its database's writer (first argument: a Database or has .db).

    Called on the writer thread it just runs; called elsewhere it is handed over whole, and
    the caller waits for its result or exception.
    """

    @functools.wraps(fn)
    def on_writer(*args: P.args, **kwargs: P.kwargs) -> R:
        db = _database_of(args[0])
        return db.writer.call(fn, *args, **kwargs)

    return on_writer
