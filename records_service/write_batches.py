"""Group commit of ``POST /cases``: the creations of one process that wait for a write
turn are written together, in one thread hop and (SQLite) one transaction.

A creation joins its database's queue (:func:`written`). While fewer than
:data:`WRITE_TURNS` batches are being written, a batch starts at once with everything
queued (at most :data:`MAX_BATCH`); otherwise the creation waits in the event loop, holding
no thread, and the next batch to start takes it along with every creation that queued
meanwhile. So nothing is held back for a batch to fill: a lone creation is written at once,
alone; under load the creations that arrived during one write are the next write.

The write function (``case_write.write_batch``) gets the batch's jobs and gives one result
per job: the answer to send, or the exception to raise for that job alone (a refused
creation, see ``case_write``). Its own exception is every job's (nothing of the batch is
committed). Every answer is handed over only when the whole batch is done, that is after
its commit, so no client hears of a creation that could still be rolled back.

Each batch writes on a connection kept from the batch before while creations are queued
(:class:`Turn`): under load no pool checkout, no pre-ping, no reset. When none is queued
the connection goes back to the pool (a small pool is not held).

The batch is written by a task of its own, not by one of the waiting requests: a request
whose client went away may be cancelled, and its neighbours' answers must not be lost
with it. A cancelled request's creation is still written (exactly once, by its key): its
client retries with the same key and gets the stored answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, event
from starlette.concurrency import run_in_threadpool

from records_service.db import Database

#: How many batches one process writes at once. SQLite: one — its writers take turns
#: anyway (``BEGIN IMMEDIATE`` behind db.py's writer lock), and more threads waiting on that
#: lock only fight over the GIL (measured: 1.8 → 1.3 ms of CPU per creation with 8
#: clients). PostgreSQL: two, so one write waiting on a row lock (a key in flight) does not
#: hold up the others; more threads fight the event loop for the GIL (issue 20, stop 17).
WRITE_TURNS = {"sqlite": 1, "postgresql": 2}
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
        COMMIT round trips; one of several statements (上报 at intake) in a transaction."""
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
        self.queue: list[tuple[Any, asyncio.Future[Any]]] = []
        self.kept: list[Connection] = []
        self.tasks: set[asyncio.Task[None]] = set()
        event.listen(db.engine, "engine_disposed", self._close_kept)

    def _close_kept(self, _engine: Any) -> None:
        kept, self.kept = self.kept, []
        for conn in kept:
            with contextlib.suppress(Exception):
                conn.invalidate()  # closed for real: the pool it came from was dropped
                conn.close()

    def start(self) -> None:
        """Start batches while turns are free and creations queued."""
        while self.queue and self.writing < self.limit:
            batch, self.queue = self.queue[:MAX_BATCH], self.queue[MAX_BATCH:]
            self.writing += 1
            task = self.loop.create_task(self._write(batch))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def _write(self, batch: list[tuple[Any, asyncio.Future[Any]]]) -> None:
        turn = Turn(self.db, self.kept.pop() if self.kept else None)
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
        if self.queue and not conn.in_transaction() and not conn.invalidated:
            self.kept.append(conn)
        else:
            turn.drop()


_batches: weakref.WeakKeyDictionary[Database, _Batches] = weakref.WeakKeyDictionary()


async def written(db: Database, job: Any, write: WriteBatch) -> Any:
    """``job`` written by ``write`` in the next batch of ``db`` (see the module doc): its
    answer, or its exception raised."""
    loop = asyncio.get_running_loop()
    batches = _batches.get(db)
    if batches is None or batches.loop is not loop:
        batches = _batches[db] = _Batches(db, loop, write)
    future: asyncio.Future[Any] = loop.create_future()
    batches.queue.append((job, future))
    batches.start()
    return await future
