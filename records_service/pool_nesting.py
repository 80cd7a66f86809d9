"""A debugging aid: nested checkouts from one connection pool (``CLERK_DEBUG_POOL_NESTING=1``).

A request that holds one pooled connection while it waits for a second one from the same
pool can deadlock a busy service: with 40 thread-pool threads and a pool of 5 + 10, 15
requests each holding one connection and waiting for another wait on each other until the
pool timeout (every answer 503 "busy", the CPU idle; issue 20's province bench). This
module notices such a checkout and logs an ERROR (logger ``records.pool``) naming the
request's route and the stack of the second checkout (once per place in the code).

- :class:`RequestOwner` (a pure ASGI middleware, added by ``app.create_app`` when enabled)
  gives each request an owner object in a context variable; FastAPI's thread-pool hops
  copy the context, so the dependencies' and the route's checkouts (and the sessions'
  teardown in other threads) count for the same request. Outside a request the owner is
  the thread (the placer thread, the CLI).
- Connections kept for good are not counted: those whose ``Connection.info`` holds
  :data:`RESIDENT` (set it right after the checkout), and every checkout in an event
  loop's own thread: the token check keeps one connection per loop thread for good
  (``deps._TokenReader``); routes and their dependencies check out in the thread pool.

Off by default: the bookkeeping costs a lock and, on a nested checkout, a stack walk.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
import sys
import threading
import traceback
import weakref
from typing import Any

from sqlalchemy import Engine, event

log = logging.getLogger("records.pool")

ENV = "CLERK_DEBUG_POOL_NESTING"
#: ``Connection.info`` key of a connection kept for good (never counted as held).
RESIDENT = "clerk_pool_resident"
#: The start of every ERROR line this module writes (tests look for it in service logs).
MARK = "nested connection checkout"


def enabled() -> bool:
    return os.environ.get(ENV, "").strip().lower() in ("1", "true", "yes", "on")


class _Owner:
    """Whoever holds connections: a request (with its ASGI scope) or a thread."""

    __slots__ = ("name", "scope")

    def __init__(self, name: str, scope: dict[str, Any] | None = None) -> None:
        self.name = name
        self.scope = scope

    def describe(self) -> str:
        route = (self.scope or {}).get("route")
        path = getattr(route, "path", None)
        if self.scope is not None and path:
            return f"{self.scope.get('method', '')} {path}"
        return self.name


_REQUEST: contextvars.ContextVar[_Owner | None] = contextvars.ContextVar(
    "clerk_pool_owner", default=None
)
_threads = threading.local()
_lock = threading.Lock()
_reported: set[tuple[str, ...]] = set()
#: Who holds each checked-out connection (by its pool record's id; records live as long as
#: their pool, and a record's ``info`` is emptied when its connection is replaced).
_holders: dict[int, tuple[_Owner, Any]] = {}
_watched: weakref.WeakSet[Any] = weakref.WeakSet()


class RequestOwner:
    """ASGI middleware: each HTTP request owns the connections checked out for it."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        token = _REQUEST.set(_Owner(f"{scope.get('method')} {scope.get('path')}", scope))
        try:
            await self.app(scope, receive, send)
        finally:
            _REQUEST.reset(token)


def _current_owner() -> _Owner:
    owner = _REQUEST.get()
    if owner is not None:
        return owner
    owner = getattr(_threads, "owner", None)
    if owner is None:
        owner = _threads.owner = _Owner(f"thread {threading.current_thread().name}")
    return owner


def _stack() -> list[str]:
    """The service's own frames of the checkout (SQLAlchemy's and FastAPI's left out)."""
    lines = traceback.format_stack(sys._getframe(2))
    own = [line for line in lines if "records_service" in line and "pool_nesting" not in line]
    return own[-8:] or lines[-8:]


def watch_app(app: Any) -> None:
    """Watch a service built by ``app.create_app`` without the setting (tests that serve
    it in their own process): its database's pool and its requests."""
    watch(app.state.database.engine)
    if not enabled():
        app.add_middleware(RequestOwner)


def watch(engine: Engine) -> None:
    """Log an ERROR whenever an owner checks out a second connection from ``engine``'s pool
    while it holds one (see the module)."""
    if engine.pool in _watched:
        return
    _watched.add(engine.pool)

    @event.listens_for(engine, "checkout")
    def _checkout(_dbapi: Any, record: Any, _proxy: Any) -> None:
        if asyncio._get_running_loop() is not None:
            return  # the event loop's own thread: the token check's kept connection
        owner = _current_owner()
        with _lock:
            held = sum(1 for o, r in _holders.values() if o is owner and not r.info.get(RESIDENT))
            _holders[id(record)] = (owner, record)
        if held:
            stack = _stack()
            where = (owner.describe(), *stack)
            with _lock:
                if where in _reported:
                    return
                _reported.add(where)
            log.error(
                "%s: %s holds %d connection(s) of this pool and checks out another here "
                "(it may wait for a connection it holds itself):\n%s",
                MARK,
                owner.describe(),
                held,
                "".join(stack).rstrip(),
            )

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi: Any, record: Any) -> None:
        with _lock:
            _holders.pop(id(record), None)

    @event.listens_for(engine, "close")
    def _close(_dbapi: Any, record: Any) -> None:
        # An invalidated connection is closed without a check-in.
        _checkin(_dbapi, record)
