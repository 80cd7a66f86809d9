"""Reads off the primary (issue 20): the board, the public progress query, the workload
dashboard and the change feed read a PostgreSQL streaming replica when
``CLERK_READ_DATABASE_URL`` names one.

- Every replica connection's transactions are read-only (``default_transaction_read_only``),
  so a route that tried to write there would fail loudly instead of writing somewhere else.
- How old the replica's data are: each read first asks the standby for
  ``pg_last_xact_replay_timestamp()`` (the primary's commit time of the last transaction it
  replayed) and its own clock. The answer's ``as_of`` is the service's now less that lag;
  above ``read_max_lag_seconds`` the answer also says ``behind_seconds`` and the log warns.
  An idle primary commits nothing, so the service that reads a replica commits a heartbeat
  on the primary once a second (a transaction that takes a transaction id:
  ``pg_current_xact_id()``), and the lag of a healthy standby stays near zero.
- A replica that does not answer (stopped, unreachable, not a database) or cannot say how
  old its data are is left aside for :data:`RETRY_AFTER_S` seconds: those reads go to the
  primary, ``as_of`` now, and the log says so once. The routes never fail because a
  replica is down; a replica that dies in the middle of a read answers 503 like a busy
  database.
- The change feed pages by ``case_events.pos``, given on the primary by
  :func:`records_service.feed.place_events` (a replica cannot write). With a replica the
  service runs a :class:`Placer` thread on the primary that places every
  :data:`PLACE_EVERY_S` seconds (and beats the heartbeat), so a replica's feed shows new
  events without anyone placing them on the primary first. A replica replays the primary's
  commits in order, so the places it shows are a prefix of the primary's: gap-free.
  Without a read URL nothing changes: ``GET /changes`` places before it reads, as before.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from clerk_app.core.clock import CENTER_TZ
from records_service import audit_chain, feed

if TYPE_CHECKING:
    from records_service.db import Database

log = logging.getLogger("records.replica")

#: ``Session.info`` keys of a read session: the moment its data are as of (the service's
#: clock), and how many seconds behind the primary when over ``read_max_lag_seconds``.
AS_OF = "clerk_as_of"
BEHIND = "clerk_behind_seconds"
#: A replica that failed is tried again after this many seconds.
RETRY_AFTER_S = 5.0
#: How often the :class:`Placer` places events on the primary; the heartbeat's period.
PLACE_EVERY_S = 0.2
HEARTBEAT_EVERY_S = 1.0
CONNECT_TIMEOUT_S = 3

_FRESHNESS = text("SELECT pg_is_in_recovery(), pg_last_xact_replay_timestamp(), clock_timestamp()")


class ReadReplica:
    """The replica's engine and sessions, and whether it is in use just now.

    Args:
        url: the replica's SQLAlchemy URL (PostgreSQL).
        info: ``Session.info`` every session starts with (the writer's center, the seal).
        max_lag_s: the ``read_max_lag_seconds`` setting.
        connect_args: the driver's further connection arguments, as for the primary
            (``db.PoolLimits.connect_args``: the ``db_prepared_statements`` setting).
    """

    def __init__(
        self,
        url: str,
        info: dict[str, Any],
        max_lag_s: float,
        *,
        connect_args: dict[str, Any] | None = None,
    ) -> None:
        self.engine = create_engine(
            url,
            pool_pre_ping=True,
            hide_parameters=True,
            json_serializer=lambda value: json.dumps(value, ensure_ascii=False),
            connect_args={
                **(connect_args or {}),
                "connect_timeout": CONNECT_TIMEOUT_S,
                "options": "-c default_transaction_read_only=on",
            },
        )
        self.sessions = sessionmaker(self.engine, expire_on_commit=False, info=info)
        self.max_lag_s = max_lag_s
        self._down_until = 0.0
        self._down_said = False
        self._behind_said = False

    def open(self, now: datetime) -> Session | None:
        """A session on the replica whose ``info`` holds :data:`AS_OF` (and :data:`BEHIND`
        when over the limit), or None when the replica is left aside (see the module)."""
        if time.monotonic() < self._down_until:
            return None
        session = self.sessions()
        try:
            standby, replayed, db_now = session.execute(_FRESHNESS).one()
        except SQLAlchemyError as exc:
            session.close()
            self._set_aside(f"it does not answer ({exc.__class__.__name__}: {_first_line(exc)})")
            return None
        if standby and replayed is None:
            session.close()
            self._set_aside("it has replayed no transaction of the primary yet")
            return None
        lag = max(0.0, (db_now - replayed).total_seconds()) if standby else 0.0
        if self._down_said:
            self._down_said = False
            log.warning("read replica answers again: reads go to it")
        session.info[AS_OF] = now - timedelta(seconds=lag)
        if lag > self.max_lag_s:
            session.info[BEHIND] = math.ceil(lag)
            if not self._behind_said:
                self._behind_said = True
                log.warning("read replica is %.0f s behind the primary", lag)
        elif self._behind_said:
            self._behind_said = False
            log.warning("read replica caught up (%.1f s behind)", lag)
        return session

    def _set_aside(self, why: str) -> None:
        self._down_until = time.monotonic() + RETRY_AFTER_S
        if not self._down_said:
            self._down_said = True
            log.warning("read replica left aside, reading the primary: %s", why)

    def dispose(self) -> None:
        self.engine.dispose()


def staleness(session: Session) -> dict[str, Any]:
    """The ``as_of`` and ``behind_seconds`` members of an answer read through ``session``
    (a session from :meth:`records_service.db.Database.read_off_primary`; another session,
    e.g. the bulletin's call of ``get_workload``, gives none)."""
    if session.info.get(AS_OF) is None:
        return {}
    fields: dict[str, Any] = {"as_of": session.info[AS_OF].astimezone(CENTER_TZ).isoformat()}
    if session.info.get(BEHIND) is not None:
        fields["behind_seconds"] = session.info[BEHIND]
    return fields


class Placer(threading.Thread):
    """Chains the audit trail's records (``audit_chain.chain_pending``, migration 0025) on
    a PostgreSQL primary every :data:`PLACE_EVERY_S` seconds, and once more when it
    stops; with a replica also places the change feed's events and commits a heartbeat
    every :data:`HEARTBEAT_EVERY_S` (see the module)."""

    def __init__(self, database: Database, monotonic: Callable[[], float] = time.monotonic):
        super().__init__(name="clerk-feed-placer", daemon=True)
        self.database = database
        self._monotonic = monotonic
        self._halt = threading.Event()
        self._chain_failing = False

    def run(self) -> None:
        beaten = -math.inf
        failing = False
        while not self._halt.wait(PLACE_EVERY_S):
            self._chain_audit()
            if self.database.replica is None:
                continue
            try:
                with self.database.write() as session:
                    feed.place_events(session)
                    if self._monotonic() - beaten >= HEARTBEAT_EVERY_S:
                        session.execute(text("SELECT pg_current_xact_id()"))
                        beaten = self._monotonic()
            except SQLAlchemyError as exc:
                if not failing:
                    log.warning("could not place the change feed's events: %s", exc)
                failing = True
            else:
                if failing:
                    log.warning("placing the change feed's events again")
                failing = False
        self._chain_audit()  # what was committed before the stop

    def _chain_audit(self) -> None:
        try:
            audit_chain.chain_pending(self.database)
        except SQLAlchemyError as exc:
            if not self._chain_failing:
                log.warning("could not chain the audit records: %s", exc)
            self._chain_failing = True
        else:
            if self._chain_failing:
                log.warning("chaining the audit records again")
            self._chain_failing = False

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=10)


def start_placer(database: Database) -> Placer | None:
    """Start a :class:`Placer` when ``database`` is PostgreSQL (SQLite chains its audit
    records at write time and has no replica)."""
    if database.engine.dialect.name != "postgresql":
        return None
    placer = Placer(database)
    placer.start()
    return placer


def _first_line(exc: BaseException) -> str:
    """The driver's own message of a failed connection (no statement, no parameters)."""
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [""])[0][:200]
