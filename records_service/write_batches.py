"""Group commit of ``POST /cases``: the creations of one process that wait for a write
turn are written together, in one thread hop and (SQLite) one transaction.

A creation joins its database's queue (:func:`written`). When no batch is being written, a
batch starts at once with everything queued (at most :data:`MAX_BATCH`); otherwise the
creation waits in the event loop, holding no thread, and the next batch to start takes it
along with every creation that queued meanwhile. So nothing is held back for a batch to
fill: a lone creation is written at once, alone; under load the creations that arrived
during one write are the next write. A further batch starts beside those being written
(up to :data:`WRITE_TURNS`) only once the latest of them has been written for
:data:`MORE_TURNS_AFTER_S`: a write held up (a row lock of a key in flight, a slow disk)
does not hold up the others for long, while quick writes take turns one after the other,
each with a bigger batch (fewer commits and thread hops per creation).

The write function (``case_write.write_batch``) gets the batch's jobs and gives one result
per job: the answer to send, or the exception to raise for that job alone (a refused
creation, see ``case_write``). Its own exception is every job's (nothing of the batch is
committed). Every answer is handed over only when the whole batch is done, that is after
its commit, so no client hears of a creation that could still be rolled back.

Each batch writes on a connection kept from the batch before (:class:`Turn`): no pool
checkout, no pre-ping, no reset per batch. A kept connection that no batch took for
:data:`KEEP_IDLE_S` goes back to the pool (a small pool is not held: a thread that waits
for a connection waits that long at most, and the event loop never waits for one).

The batch is written by a task of its own, not by one of the waiting requests: a request
whose client went away may be cancelled, and its neighbours' answers must not be lost
with it. A cancelled request's creation is still written (exactly once, by its key): its
client retries with the same key and gets the stored answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import weakref
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, event
from starlette.concurrency import run_in_threadpool

from records_service.db import Database

#: How many batches one process writes at once, at most. SQLite: one — its writers take
#: turns anyway (``BEGIN IMMEDIATE`` behind db.py's writer lock), and more threads waiting
#: on that lock only fight over the GIL (measured: 1.8 → 1.3 ms of CPU per creation with 8
#: clients). PostgreSQL: two, so one write waiting on a row lock (a key in flight) does not
#: hold up the others; more threads fight the event loop for the GIL (issue 20, stop 17).
WRITE_TURNS = {"sqlite": 1, "postgresql": 2}
#: A further batch starts beside those being written only when the latest of them started
#: this many seconds ago (the event loop's clock); until then the creations wait for the
#: next turn (see the module). Several GIL switch intervals (5 ms): a batch's thread that
#: waits for the GIL behind a busy event loop takes 5 ms and more for a quick write. At
#: 5 ms three batches in four still started beside another (PostgreSQL, 8 clients, 1
#: process: 2.7 creations a batch); at 20 ms hardly any (3.6 a batch, 1.55 → 1.42 ms of
#: CPU per creation; 2 processes 1.6 → 1.8 a batch, 1.75 → 1.63 ms; issue 20, session 19).
MORE_TURNS_AFTER_S = 0.02
#: A connection kept for the next batch goes back to the pool after this many seconds
#: without one.
KEEP_IDLE_S = 0.05
#: The most creations one batch writes (a bound on one transaction's length).
MAX_BATCH = 32

#: ``write(db, turn, jobs)``: one result per job, an answer or the job's exception.
WriteBatch = Callable[[Database, "Turn", Sequence[Any]], Sequence[Any]]


class Turn:
    """A batch's turn to write, with the connection it writes on (:meth:`connection`):
    the one the batch before kept, else one checked out of the pool when first needed."""

    def __init__(self, db: Database, conn: Connection | None) -> None:
        self.db = db
        self.conn = conn

    def connection(self, one_statement: bool = True) -> Connection:
        """The turn's connection. On PostgreSQL a creation that is one statement runs in
        the driver's autocommit: the statement is its own transaction, so no BEGIN and
        COMMIT round trips; one of several statements (上报 at intake) in a transaction.
        A connection invalidated meanwhile (a failed pipeline, ``prepared.execute_together``)
        is given back first and a new one taken."""
        if self.conn is not None and self.conn.invalidated:
            self.drop()
        if self.conn is None:
            self.conn = self.db.write_engine.connect()
        conn = self.conn
        if conn.dialect.name == "postgresql":
            autocommit = conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT"
            if autocommit != one_statement:
                level = "AUTOCOMMIT" if one_statement else conn.default_isolation_level
                conn.execution_options(isolation_level=level)
        return conn

    def drop(self) -> None:
        """Give the connection back (after the database dropped it: SQLAlchemy has
        invalidated it, so the pool opens a new one)."""
        conn, self.conn = self.conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()


class _Batches:
    """One database's queue of creations in one event loop, its batches being written,
    and the connections kept between them."""

    def __init__(self, db: Database, loop: asyncio.AbstractEventLoop, write: WriteBatch) -> None:
        self.db = db
        self.loop = loop
        self.write = write
        self.limit = WRITE_TURNS.get(db.engine.dialect.name, 2)
        self.writing = 0
        #: When (``loop.time()``) the latest batch started.
        self.last_start = -math.inf
        self.queue: list[tuple[Any, asyncio.Future[Any]]] = []
        #: Connections kept for the next batches, with when each was kept (latest last).
        self.kept: list[tuple[Connection, float]] = []
        self.tasks: set[asyncio.Task[None]] = set()
        self.more_later: asyncio.TimerHandle | None = None
        self.idle_later: asyncio.TimerHandle | None = None
        event.listen(db.engine, "engine_disposed", self._close_kept)

    def _close_kept(self, _engine: Any) -> None:
        self.give_back_kept(invalidate=True)  # closed for real: their pool was dropped

    def start(self) -> None:
        """Start batches while turns are free and creations queued (a further one beside
        those being written only after :data:`MORE_TURNS_AFTER_S`)."""
        while self.queue and self.writing < self.limit:
            if self.writing:
                due = self.last_start + MORE_TURNS_AFTER_S
                if self.loop.time() < due:
                    if self.more_later is None:
                        self.more_later = self.loop.call_at(due, self._more)
                    return
            batch, self.queue = self.queue[:MAX_BATCH], self.queue[MAX_BATCH:]
            self.writing += 1
            self.last_start = self.loop.time()
            task = self.loop.create_task(self._write(batch))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    def _more(self) -> None:
        self.more_later = None
        self.start()

    async def _write(self, batch: list[tuple[Any, asyncio.Future[Any]]]) -> None:
        turn = Turn(self.db, self.kept.pop()[0] if self.kept else None)
        results: Sequence[Any]
        try:
            results = await run_in_threadpool(self.write, self.db, turn, [j for j, _ in batch])
            if len(results) != len(batch):  # pragma: no cover - a bug in the write function
                raise RuntimeError("a batch's write gave the wrong number of results")
        except BaseException as exc:
            results = [exc] * len(batch)
            if isinstance(exc, asyncio.CancelledError):
                for _job, future in batch:
                    future.cancel()
                raise
        finally:
            self.writing -= 1
            self._keep_or_give_back(turn)
            self.start()
        for (_job, future), result in zip(batch, results, strict=True):
            if future.done():  # the request was cancelled meanwhile
                continue
            if isinstance(result, BaseException):
                future.set_exception(result)
            else:
                future.set_result(result)

    def _keep_or_give_back(self, turn: Turn) -> None:
        conn = turn.conn
        if conn is None:
            return
        if conn.in_transaction() or conn.invalidated:
            turn.drop()
            return
        now = self.loop.time()
        self.kept.append((conn, now))
        if self.idle_later is None:
            self.idle_later = self.loop.call_at(now + KEEP_IDLE_S, self._give_back_idle)

    def give_back_kept(self, kept_by: float = math.inf, invalidate: bool = False) -> None:
        """Give the pool back the connections kept at ``kept_by`` (``loop.time()``) or
        before, every one by default; ``invalidate``: close them for real."""
        gone = [conn for conn, kept_at in self.kept if kept_at <= kept_by]
        self.kept = [(conn, kept_at) for conn, kept_at in self.kept if kept_at > kept_by]
        for conn in gone:
            with contextlib.suppress(Exception):
                if invalidate:
                    conn.invalidate()
                conn.close()

    def _give_back_idle(self) -> None:
        """Give the pool back the kept connections no batch took for :data:`KEEP_IDLE_S`."""
        self.idle_later = None
        self.give_back_kept(kept_by=self.loop.time() - KEEP_IDLE_S)
        if self.kept:
            self.idle_later = self.loop.call_at(self.kept[0][1] + KEEP_IDLE_S, self._give_back_idle)


_batches: weakref.WeakKeyDictionary[Database, _Batches] = weakref.WeakKeyDictionary()


async def written(db: Database, job: Any, write: WriteBatch) -> Any:
    """``job`` written by ``write`` in the next batch of ``db`` (see the module doc): its
    answer, or its exception raised."""
    loop = asyncio.get_running_loop()
    batches = _batches.get(db)
    if batches is None or batches.loop is not loop:
        if batches is not None:  # its loop has ended (a test's): its connections go back
            batches.give_back_kept()
        batches = _batches[db] = _Batches(db, loop, write)
    future: asyncio.Future[Any] = loop.create_future()
    batches.queue.append((job, future))
    batches.start()
    return await future
