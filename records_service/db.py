"""Engine and sessions.

SQLite gets WAL, foreign keys and ``BEGIN IMMEDIATE`` for write sessions, so that two
writers queue instead of failing on a stale snapshot: the writers of one process take turns
on a lock, and the service's processes on a file lock beside the database
(:class:`_WriterTurns`), before their ``BEGIN IMMEDIATE``. Every engine
hides statement parameters from its errors (``hide_parameters=True``): a failed INSERT
of a case must not put the applicant's ID number and phone into the service log. Every session
names the writer's center (``Session.info``), which new records are stamped with.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from records_service import pool_nesting
from records_service.audit_seal import AUDIT_SEAL, AuditSeal
from records_service.models import WRITER_CENTER
from records_service.read_replica import AS_OF, ReadReplica

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("records.db")

WRITE_OPTION = "clerk_write"
_CENTER_KNOWN = "SELECT code FROM centers WHERE code = :code"
_HOLDS_WRITER_LOCK = "clerk_holds_writer_lock"
SQLITE_BUSY_SECONDS = 15


def _json_serializer(value: Any) -> str:
    # Chinese text stays readable in the database (and searchable with LIKE).
    return json.dumps(value, ensure_ascii=False)


class PoolLimits(NamedTuple):
    """A PostgreSQL engine's connection pool (settings ``db_pool_size``,
    ``db_max_overflow``, ``db_pool_timeout_seconds``; SQLAlchemy's defaults here) and
    whether its connections let psycopg prepare statements (``db_prepared_statements``)."""

    size: int = 5
    max_overflow: int = 10
    timeout_s: float = 30.0
    prepare_statements: bool = True

    @classmethod
    def from_settings(cls, settings: Any) -> PoolLimits:
        return cls(
            settings.db_pool_size,
            settings.db_max_overflow,
            settings.db_pool_timeout_seconds,
            settings.db_prepared_statements,
        )

    def connect_args(self) -> dict[str, Any]:
        """psycopg's connection arguments: ``prepare_threshold=None`` prepares nothing."""
        return {} if self.prepare_statements else {"prepare_threshold": None}


def make_engine(
    database_url: str, *, foreign_keys: bool = True, pool: PoolLimits | None = None
) -> Engine:
    """Create the engine for ``database_url`` with the pragmas the service relies on.

    ``foreign_keys=False`` (SQLite only) is for migrations: SQLite adds a column that
    references another table only with enforcement off (the migration checks the keys
    itself before it commits, see ``migrations/env.py``). ``pool`` sizes a PostgreSQL
    engine's connection pool (default :class:`PoolLimits`'s) and whether psycopg prepares
    statements on its connections; SQLite keeps SQLAlchemy's pool for its files, whose
    writers queue on one lock anyway.
    """
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        limits = pool or PoolLimits()
        return create_engine(
            url,
            connect_args=limits.connect_args(),
            pool_pre_ping=True,
            pool_size=limits.size,
            max_overflow=limits.max_overflow,
            pool_timeout=limits.timeout_s,
            json_serializer=_json_serializer,
            hide_parameters=True,
        )
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_SECONDS, "check_same_thread": False},
        json_serializer=_json_serializer,
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (see the "begin" hook below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    turns = _WriterTurns(url.database if url.database != ":memory:" else None)
    weakref.finalize(engine, turns.close)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            turns.take()
            conn.info[_HOLDS_WRITER_LOCK] = True
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            except BaseException:
                conn.info.pop(_HOLDS_WRITER_LOCK, None)
                turns.give()
                raise
        else:
            conn.exec_driver_sql("BEGIN")

    def _release(conn: Any) -> None:
        if conn.info.pop(_HOLDS_WRITER_LOCK, False):
            turns.give()

    event.listen(engine, "commit", _release)
    event.listen(engine, "rollback", _release)
    return engine


class _WriterTurns:
    """The turns of one SQLite engine's writers, taken before ``BEGIN IMMEDIATE`` and
    given back at its commit or rollback: first a lock of this process's writers, then
    (for a database file) an exclusive ``flock`` of ``<database>-writers.lock``, which the
    writers of every service process on the file take (each engine its own descriptor).

    Without them a writer waits in SQLite's busy handler, which sleeps 1, 2, 5 … 100 ms
    between tries: under load some writers waited for seconds, and with 2 processes
    ``POST /cases``' p99 was 352 ms (25 ms with the file lock, issue 20). The kernel hands
    a free file lock over at once; a busy one is tried again every millisecond at most.
    Either wait ends after :data:`SQLITE_BUSY_SECONDS` with "database is busy", as SQLite's
    own would.
    """

    def __init__(self, database: str | None) -> None:
        self.threads = threading.Lock()
        self.path = f"{database}-writers.lock" if database and fcntl is not None else None
        self.fd: int | None = None

    def take(self) -> None:
        deadline = time.monotonic() + SQLITE_BUSY_SECONDS
        if not self.threads.acquire(timeout=SQLITE_BUSY_SECONDS):
            raise OperationalError("BEGIN IMMEDIATE", {}, TimeoutError("database is busy"))
        if self.path is None:
            return
        try:
            if self.fd is None:
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            pause = 0.0001
            while True:
                try:
                    fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise OperationalError(
                            "BEGIN IMMEDIATE", {}, TimeoutError("database is busy")
                        ) from None
                    time.sleep(pause)
                    pause = min(pause * 2, 0.001)
        except BaseException:
            self.threads.release()
            raise

    def give(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        self.threads.release()

    def close(self) -> None:
        """Close the lock file's descriptor (the engine is gone)."""
        fd, self.fd = self.fd, None
        if fd is not None:
            os.close(fd)


class Database:
    """The engine plus two session factories: one for reads, one for writes.

    Args:
        database_url: SQLAlchemy URL.
        center_code: the center of whoever writes through this object (today: the
            service's one center); default: the ``center_code`` setting.
        seal: the audit key and checkpoint file that seal every audit record written
            through this object; default: the ones the settings name for this database.
        read_url: a streaming replica of ``database_url`` for :meth:`read_off_primary`
            (``records_service.read_replica``); None: those reads go to the primary.
        max_lag_s: how far behind (seconds) the replica may be before answers say so.
        pool: the PostgreSQL connection pool's limits; default: the settings'
            (``CLERK_DB_POOL_SIZE`` ...) when they are read for the center or the seal,
            else :class:`PoolLimits`'s.
    """

    def __init__(
        self,
        database_url: str,
        center_code: str | None = None,
        *,
        seal: AuditSeal | None = None,
        read_url: str | None = None,
        max_lag_s: float = 30.0,
        pool: PoolLimits | None = None,
    ) -> None:
        if center_code is None or seal is None:
            from records_service.settings import Settings

            settings = Settings.load()
            center_code = center_code or settings.center_code
            seal = seal or AuditSeal.from_settings(settings, database_url)
            pool = pool or PoolLimits.from_settings(settings)
        self.center_code = center_code
        self.seal = seal
        self._center_warned = False
        self.engine = make_engine(database_url, pool=pool)
        #: The pool's limits: the ones given (PostgreSQL), else SQLAlchemy's defaults,
        #: which are also those of SQLite's pool of a database file.
        self.pool_limits = pool or PoolLimits()
        if pool_nesting.enabled():  # a debugging aid: CLERK_DEBUG_POOL_NESTING=1
            pool_nesting.watch(self.engine)
        info = {WRITER_CENTER: center_code, AUDIT_SEAL: seal}
        self.read_sessions = sessionmaker(self.engine, expire_on_commit=False, info=info)
        #: The engine of writes (``BEGIN IMMEDIATE`` on SQLite), for a connection that
        #: write sessions are then bound to (``write_sessions(bind=conn)``).
        self.write_engine = self.engine.execution_options(**{WRITE_OPTION: True})
        self.write_sessions = sessionmaker(self.write_engine, expire_on_commit=False, info=info)
        self.replica = (
            ReadReplica(read_url, info, max_lag_s, connect_args=self.pool_limits.connect_args())
            if read_url
            else None
        )

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write session committed on success, rolled back on error."""
        with self.write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read session (rolled back at the end)."""
        with self.read_sessions() as session:
            yield session

    @contextmanager
    def read_off_primary(self, now: datetime) -> Iterator[Session]:
        """A read session on the replica when there is one and it answers, else on the
        primary (rolled back at the end); ``info[AS_OF]`` is the moment its data are as of
        (``now`` on the primary), see ``records_service.read_replica``."""
        session = self.replica.open(now) if self.replica is not None else None
        if session is None:
            session = self.read_sessions()
            session.info[AS_OF] = now
        with session:
            yield session

    def ping(self) -> None:
        """Raise :class:`sqlalchemy.exc.SQLAlchemyError` unless the database answers, is
        migrated (``alembic_version`` readable) and knows this service's center.

        PostgreSQL: through the pool (pre-ping replaces dead connections, so a server that
        stopped and came back is noticed both ways). SQLite: through a new connection that
        opens the file read/write without creating it, because the pool's open connections
        keep answering from a file that was removed, replaced or moved away under them.
        """
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            uri = Path(url.database).resolve().as_uri() + "?mode=rw"
            try:
                conn = sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_SECONDS)
                try:
                    conn.execute("SELECT version_num FROM alembic_version").fetchall()
                    known = bool(conn.execute(_CENTER_KNOWN, {"code": self.center_code}).fetchall())
                finally:
                    conn.close()
            except sqlite3.Error as exc:
                raise OperationalError("health check", {}, exc) from exc
        else:
            with self.read() as session:
                session.execute(text("SELECT version_num FROM alembic_version")).all()
                found = session.execute(text(_CENTER_KNOWN), {"code": self.center_code}).all()
                known = bool(found)
        if not known:
            problem = (
                f"center {self.center_code} (CLERK_CENTER_CODE) is not in the database's "
                "centers: the database was set up for another center"
            )
            if not self._center_warned:
                self._center_warned = True
                log.error(problem)
            raise OperationalError("health check", {}, LookupError(problem))

    def dispose(self) -> None:
        self.engine.dispose()
        if self.replica is not None:
            self.replica.dispose()
