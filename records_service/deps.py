"""Annotated FastAPI dependencies (full-stack template style)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import HTTPBearer
from sqlalchemy import Connection, Row, bindparam, event, or_, select, update
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool
from starlette.concurrency import run_in_threadpool

from records_service import reach
from records_service.db import Database
from records_service.models import Device, Token, User, Window
from records_service.prepared import PreparedQuery
from records_service.problems import ProblemError, database_unreachable
from records_service.security import token_hash
from records_service.settings import Settings

log = logging.getLogger("records.deps")

# The getters below are coroutines although they never wait: FastAPI runs a plain ``def``
# dependency in its thread pool, one thread hop each per request.


async def get_database(request: Request) -> Database:
    return request.app.state.database


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_clock(request: Request) -> Callable[[], datetime]:
    return request.app.state.clock


#: Connections of a pool that requests with a session dependency never hold all of: the
#: token check's connection of the event loop's thread (``_TokenReader``), and one for the
#: threads that take a connection without such a dependency and give it back before they
#: leave their thread (the feed placer, a token's last use, ``POST /cases``' write).
KEPT_FREE = 2
_turns: weakref.WeakKeyDictionary[Database, tuple[asyncio.AbstractEventLoop, asyncio.Semaphore]]
_turns = weakref.WeakKeyDictionary()


def _session_turns(db: Database) -> asyncio.Semaphore | None:
    """The semaphore of ``db``'s session turns in the running loop (None: a pool without a
    limit, SQLite in memory or an unlimited overflow)."""
    limits = db.pool_limits
    if not isinstance(db.engine.pool, QueuePool) or limits.max_overflow < 0:
        return None
    loop = asyncio.get_running_loop()
    found = _turns.get(db)
    if found is None or found[0] is not loop:
        turns = max(1, limits.size + limits.max_overflow - KEPT_FREE)
        found = _turns[db] = (loop, asyncio.Semaphore(turns))
    return found[1]


async def session_turn(request: Request) -> AsyncIterator[None]:
    """A request's turn to hold a session (one per request, however many sessions it has;
    given back after the answer is sent), waited for in the event loop, without a thread.

    A sync route's session keeps its connection, in a transaction, until the session's
    dependency exits after the answer is sent, and in between FastAPI validates the answer
    in a thread-pool thread (``fastapi.routing.serialize_response``). With more
    requests in flight than threads and connections, every thread waited in the pool for a
    connection while every connection waited for a thread, until the pool timeout (issue
    20's province bench: 503 "busy" with the CPU idle; tests/service/test_pool_nesting.py).
    With fewer turns than connections (:data:`KEPT_FREE`) a connection is always held by a
    thread that runs, or free. Waiting longer than the pool's timeout answers 503 "busy",
    as the pool does.
    """
    db: Database = request.app.state.database
    turns = _session_turns(db)
    if turns is None:
        yield
        return
    try:
        await asyncio.wait_for(turns.acquire(), db.pool_limits.timeout_s)
    except TimeoutError:
        raise PoolTimeout("no session turn within the pool timeout") from None
    try:
        yield
    finally:
        turns.release()


_SessionTurn = Annotated[None, Depends(session_turn, scope="function")]


def read_session(
    db: Annotated[Database, Depends(get_database)], _turn: _SessionTurn
) -> Iterator[Session]:
    with db.read() as session:
        yield session


def read_off_primary_session(
    db: Annotated[Database, Depends(get_database)],
    clock: Annotated[Callable[[], datetime], Depends(get_clock)],
    _turn: _SessionTurn,
) -> Iterator[Session]:
    """A read session on the read replica (``CLERK_READ_DATABASE_URL``) when there is one
    and it answers, else on the primary; ``read_replica.staleness(session)`` gives the
    answer's ``as_of`` (and ``behind_seconds``)."""
    with db.read_off_primary(clock()) as session:
        yield session


def write_session(
    db: Annotated[Database, Depends(get_database)], _turn: _SessionTurn
) -> Iterator[Session]:
    """A session whose transaction starts as a writer (``BEGIN IMMEDIATE`` on SQLite).

    Routes commit it themselves; anything left uncommitted is rolled back.
    """
    with db.write_sessions() as session:
        yield session


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ClockDep = Annotated[Callable[[], datetime], Depends(get_clock)]
SessionDep = Annotated[Session, Depends(read_session, scope="function")]
WriteSessionDep = Annotated[Session, Depends(write_session, scope="function")]
#: The board, the progress query, the workload dashboard and the change feed (issue 20).
ReadSessionDep = Annotated[Session, Depends(read_off_primary_session, scope="function")]


@dataclass(frozen=True)
class Principal:
    """Who is calling: a signed-in user, or an enrolled machine (see ``reach``)."""

    kind: str  # "user" | "device" (a desk) | "display" | "kiosk" | "integration"
    token_id: int
    username: str | None
    roles: frozenset[str]
    window_code: str | None
    department_code: str | None
    device_id: str | None
    display_name: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    center_code: str | None = None
    must_change_password: bool = False
    label: str | None = None
    #: The center of the token's window (None: no window): where its cases belong.
    window_center: str | None = None

    @property
    def actor(self) -> str:
        if self.username:
            return self.username
        if self.kind in ("device", "user"):
            return f"device:{self.device_id}"
        return f"{self.kind}:{self.label or self.token_id}"[:64]

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def _unauthorized(detail: str) -> ProblemError:
    return ProblemError(
        401, "unauthorized", detail, headers={"WWW-Authenticate": 'Bearer realm="clerk-records"'}
    )


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or len(token) > 512:
        raise _unauthorized("Sign in first: a bearer token is required.")
    return token.strip()


#: A token's last use is written at most this often (not on every request).
TOUCH_EVERY = timedelta(seconds=60)


#: The OpenAPI security scheme of every signed-in route (the check itself is
#: :func:`bearer_token`, which answers 401 as a problem document).
bearer_scheme = HTTPBearer(
    scheme_name="bearer",
    description="A user token from ``POST /auth/login`` or a window's device token.",
    auto_error=False,
)


#: The token check's query, built once: the token with its user, device and window (one
#: round trip; outer joins, each may be missing).
_TOKEN_QUERY = (
    select(
        Token.id,
        Token.kind,
        Token.device_id,
        Token.window_code,
        Token.issued_at,
        Token.expires_at,
        Token.revoked,
        Token.last_used_at,
        Token.label,
        User.id.label("user_id"),
        User.username,
        User.roles,
        User.department_code,
        User.display_name,
        User.center_code,
        User.active,
        User.must_change_password,
        User.password_changed_at,
        User.created_at,
        Device.device_id.label("device_found"),
        Device.revoked.label("device_revoked"),
        Window.department_code.label("window_department"),
        Window.center_code.label("window_center"),
    )
    .select_from(Token)
    .outerjoin(User, User.id == Token.user_id)
    .outerjoin(Device, Device.device_id == Token.device_id)
    .outerjoin(Window, Window.code == Token.window_code)
    .where(Token.token_hash == bindparam("digest"))
)


_TOKEN_READ = PreparedQuery(_TOKEN_QUERY)


class _TokenReader:
    """The token check's connection of each event-loop thread: one statement on a
    connection of its own, in the loop, without a thread hop.

    Safe to run in the loop: a read by a unique key never waits on a lock (PostgreSQL's
    MVCC, SQLite's WAL), and the connection is this thread's alone, so it never waits on
    the pool either (a pool exhausted by slow routes would otherwise stall the loop). The
    statement runs on the driver's cursor in autocommit (``prepared.PreparedQuery``): no
    BEGIN or ROLLBACK, on PostgreSQL one round trip. The connections are closed when the
    engine is disposed.
    """

    def __init__(self, db: Database) -> None:
        self.engine = db.engine  # not the Database: it is the key of ``_readers``
        self.local = threading.local()
        self.opened: list[Connection] = []
        self.lock = threading.Lock()
        self.postgres = db.engine.dialect.name == "postgresql"
        #: Until when (``time.monotonic``) token checks read the replica instead.
        self.primary_down_until = 0.0
        event.listen(db.engine, "engine_disposed", self._close_all)

    def _connection(self) -> Connection:
        conn: Connection | None = getattr(self.local, "conn", None)
        if conn is None or conn.closed or conn.invalidated:
            conn = self.engine.connect()
            if self.postgres:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            self.local.conn = conn
            with self.lock:
                self.opened = [c for c in self.opened if not c.closed]
                self.opened.append(conn)
        return conn

    def read(self, digest: str) -> Any:
        """The token's row of :data:`_TOKEN_QUERY` (None: unknown); one retry on a new
        connection when the database dropped this one."""
        for attempt in (1, 2):
            conn = self._connection()
            try:
                return _TOKEN_READ.first(conn, {"digest": digest})
            except DBAPIError as exc:
                gone = exc.connection_invalidated
                self._drop(conn, gone)
                if attempt == 2 or not gone:
                    raise
        return None  # pragma: no cover - the loop returns or raises

    def _drop(self, conn: Connection, gone: bool) -> None:
        with contextlib.suppress(Exception):
            if gone:
                conn.invalidate()
            conn.close()
        self.local.conn = None

    def _close_all(self, _engine: Any) -> None:
        with self.lock:
            opened, self.opened = self.opened, []
        for conn in opened:
            with contextlib.suppress(Exception):
                # Closed for real, not checked in: after ``Engine.dispose`` it would go back
                # to the dropped pool and be left open.
                conn.invalidate()
                conn.close()


_readers: weakref.WeakKeyDictionary[Database, _TokenReader] = weakref.WeakKeyDictionary()
_readers_lock = threading.Lock()


def _reader(db: Database) -> _TokenReader:
    reader = _readers.get(db)
    if reader is None:
        with _readers_lock:
            reader = _readers.get(db)
            if reader is None:
                reader = _readers[db] = _TokenReader(db)
    return reader


#: How long the token checks go straight to the read replica once the primary could not
#: be reached (each try on the primary holds the event loop until the database, or
#: PgBouncer's ``query_wait_timeout``, gives up).
PRIMARY_DOWN_S = 5.0


def _token_off_standby(db: Database, digest: str, exc: OperationalError | None) -> Any:
    """The token's row read on the read replica when the primary cannot be reached (a
    failover, docs/SCALING.md): hall screens, the board and lookups go on reading the
    standby. No revocation can have been written since the primary went down, and with a
    synchronous standby none written before is missing.

    ``exc``: what the primary raised just now, or None within :data:`PRIMARY_DOWN_S` of
    the last such error. Raises ``exc`` without a replica or for another error; when the
    replica fails too, the primary is asked again.
    """
    reader = _reader(db)
    if exc is not None:
        if db.replica is None or not database_unreachable(exc):
            raise exc
        if time.monotonic() >= reader.primary_down_until:
            log.warning(
                "primary unreachable: token checks read the standby for %.0f s", PRIMARY_DOWN_S
            )
        reader.primary_down_until = time.monotonic() + PRIMARY_DOWN_S
    assert db.replica is not None
    try:
        with db.replica.sessions() as session:
            return session.execute(_TOKEN_QUERY, {"digest": digest}).first()
    except SQLAlchemyError:
        reader.primary_down_until = 0.0
        if exc is not None:
            raise exc from None
        return reader.read(digest)


def _touch_write(db: Database, token_id: int, now: datetime) -> None:
    with db.write() as write:
        write.execute(
            update(Token)
            .where(Token.id == token_id)
            .where(or_(Token.last_used_at.is_(None), Token.last_used_at < now))
            .values(last_used_at=now)
        )


async def current_principal(request: Request) -> Principal:
    """Who calls: the bearer token checked against the database on every request (a
    revoked token is refused at once, whoever revoked it), else 401.

    A coroutine: the one read runs in the event loop on the loop's own connection
    (:class:`_TokenReader`), not in the thread pool; the once-a-minute write of a user
    token's last use goes to the thread pool (it may wait for SQLite's writer).
    """
    token = bearer_token(request)
    state = request.app.state  # not dependencies: each costs FastAPI a solve per request
    db: Database = state.database
    digest = token_hash(token)
    reader = _reader(db)
    if time.monotonic() < reader.primary_down_until:
        row = _token_off_standby(db, digest, None)
    else:
        try:
            row = reader.read(digest)
        except OperationalError as exc:
            row = _token_off_standby(db, digest, exc)
    now = state.clock()
    if row is None or row.revoked or row.expires_at <= now:
        raise _unauthorized("The token is unknown, expired or revoked.")
    settings: Settings = state.settings
    if row.kind == "user":
        last = row.last_used_at or row.issued_at
        if settings.idle_minutes > 0 and now - last > timedelta(minutes=settings.idle_minutes):
            raise _unauthorized(
                f"Signed out after {settings.idle_minutes} minutes without use; sign in again."
            )
        if now - last >= TOUCH_EVERY:
            try:
                await run_in_threadpool(_touch_write, db, row.id, now)
            except OperationalError as exc:
                if not database_unreachable(exc):
                    raise
                # The primary is lost: the last use is not recorded, the read goes on.
                log.warning("token's last use not recorded: the database is unreachable")
    principal = _principal(row, settings, now, db.center_code)
    request.state.principal = principal
    route = request.scope.get("route")
    reach.require_route(principal, getattr(route, "operation_id", None))
    return principal


class _PrincipalScheme(HTTPBearer):
    """The bearer scheme that is also the check (:func:`current_principal`): FastAPI
    documents a dependency that is a security scheme in the OpenAPI (``bearer`` on every
    signed-in route) and solves it once per request, not as a second dependency."""

    async def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        return await current_principal(request)


#: The OpenAPI security scheme of every signed-in route, and its check.
principal_scheme = _PrincipalScheme(
    scheme_name=bearer_scheme.scheme_name,
    description=bearer_scheme.model.description,
    auto_error=False,
)


def password_expired(user: User | Row[Any], settings: Settings, now: datetime) -> bool:
    """Whether ``user``'s password is older than ``password_expiry_days`` (0: never)."""
    if settings.password_expiry_days <= 0:
        return False
    changed = user.password_changed_at or user.created_at
    return changed is not None and now - changed > timedelta(days=settings.password_expiry_days)


def _principal(row: Row[Any], settings: Settings, now: datetime, writer: str) -> Principal:
    """The principal of a token row of :data:`_TOKEN_QUERY` (``writer``: the service's
    center, for a screen's credential without a window)."""
    if row.kind in ("display", "kiosk", "integration"):
        return Principal(
            kind=row.kind,
            token_id=row.id,
            username=None,
            roles=frozenset({row.kind}),
            window_code=row.window_code,
            department_code=None,
            device_id=None,
            center_code=(row.window_center if row.window_code else None) or writer,
            label=row.label,
            window_center=row.window_center,
        )
    if row.kind == "device":
        if row.device_found is None or row.device_revoked:
            raise _unauthorized("This device has been revoked.")
        return Principal(
            kind="device",
            token_id=row.id,
            username=None,
            roles=frozenset({"device"}),
            window_code=row.window_code,
            department_code=row.window_department if row.window_code else None,
            device_id=row.device_id,
            center_code=row.window_center if row.window_code else None,
            label=row.label,
            window_center=row.window_center,
        )
    if row.user_id is None or not row.active:
        raise _unauthorized("The account is disabled.")
    return Principal(
        kind="user",
        token_id=row.id,
        username=row.username,
        roles=frozenset(row.roles),
        window_code=row.window_code,
        department_code=row.department_code,
        device_id=row.device_id,
        display_name=row.display_name,
        center_code=row.center_code,
        must_change_password=bool(row.must_change_password) or password_expired(row, settings, now),
        window_center=row.window_center,
    )


CurrentPrincipal = Annotated[Principal, Security(principal_scheme)]


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None
