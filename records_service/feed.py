"""The change feed's order: each case event's place (``case_events.pos``) in commit order,
without a lock that event writers take.

A plain sequence number (``seq``) is taken at insert, so on PostgreSQL two writers may
commit in the other order: a reader paging ``seq > cursor`` could pass the later number
before the earlier one becomes visible and skip it for good. Until migration 0021 every
event writer therefore held one global lock (``audit.journal_lock``) from its insert to
its commit. Now writers take no such lock; the feed pages by ``pos`` instead, which is
given afterwards, only to the events of transactions that can no longer commit:

- every event row records its writer's transaction id (``xid``, default
  ``pg_current_xact_id()``) and is inserted with ``pos`` NULL;
- :func:`place_events` (one placer at a time, under a transaction-scoped advisory lock
  it only tries for) gives ``pos`` = the highest ``pos`` so far + 1, 2, … to the visible
  events whose ``xid`` is below the oldest transaction still running
  (``pg_snapshot_xmin(pg_current_snapshot())``), in (``xid``, ``seq``) order. One
  transaction's events stay together; two events of one case keep the order they were
  written in (``seq``: their writers lock the case row), whatever their places.

Why nothing is skipped: a transaction whose id is below that bound has ended, so every
event it committed is visible to the placer's statement, and every event that becomes
visible later belongs to a transaction at or above the bound, which a later placement
numbers after all of these. Placements commit one at a time (the lock), each numbering
above the last: a reader never sees a ``pos`` appear below one it has already passed. An
open transaction holds the feed back (its own events and those of every later writer)
until it ends; it never makes the feed skip anything.

SQLite serializes its writers (``BEGIN IMMEDIATE``), so ``seq`` order is commit order: a
trigger (migration 0021) sets ``pos = seq`` at insert and there is nothing to place.

The hall's calls feed (``GET /queue/calls``) is placed the same way (migration 0024:
``queue_calls.pos``/``xid``, :data:`CALLS`, :func:`records_service.queue_calls.place_calls`);
:func:`place` takes the feed's table as a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

#: pg_try_advisory_xact_lock key of the events' placer.
PLACE_LOCK_KEY = 7_311_021
#: The advisory lock key of the calls' placer (migration 0024).
CALLS_PLACE_LOCK_KEY = 7_311_024


@dataclass(frozen=True)
class Feed:
    """A table placed in commit order: its rows get ``pos`` (NULL at insert) by ``xid``
    (the writer's transaction id) and ``key`` (its insert-order number)."""

    table: str
    key: str
    lock_key: int
    statement: TextClause = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Names of this module's constants only, never input.
        sql = f"""
            WITH settled AS (
                SELECT {self.key}, row_number() OVER (ORDER BY xid, {self.key}) AS n
                FROM {self.table}
                WHERE pos IS NULL
                  AND xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
            ), top AS (
                SELECT coalesce(max(pos), 0) AS pos FROM {self.table}
            )
            UPDATE {self.table} AS e SET pos = top.pos + settled.n
            FROM settled, top
            WHERE e.{self.key} = settled.{self.key}
            """  # noqa: S608 - the names of EVENTS and CALLS
        object.__setattr__(self, "statement", text(sql))


#: The change feed (``GET /changes``): case events.
EVENTS = Feed("case_events", "seq", PLACE_LOCK_KEY)
#: The hall's calls (``GET /queue/calls``).
CALLS = Feed("queue_calls", "id", CALLS_PLACE_LOCK_KEY)


def place(session: Session, feed: Feed, *, wait: bool = False) -> int | None:
    """Give ``pos`` to the rows of ``feed`` of every ended transaction (PostgreSQL);
    commit soon.

    Runs in the caller's transaction, which must commit (or roll back) before it does
    anything slow: the lock is held until then. Returns how many rows were placed, or
    None when another placer holds the lock (the caller then reads what is placed
    already) or on SQLite (nothing to place). With ``wait``, waits for the other placer
    instead (placers only: writers never take this lock), so a read after this commits
    sees every row placed by anyone before.
    """
    if session.get_bind().dialect.name != "postgresql":
        return None
    if wait:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": feed.lock_key})
    else:
        got = session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": feed.lock_key})
        if not got:
            return None
    # A statement of its own: its snapshot is taken after the lock, so it sees the
    # placement committed by the placer before us.
    result = session.execute(feed.statement)
    return int(getattr(result, "rowcount", 0) or 0)


#: What a reader of the change feed asks first: whether an event still waits for its place
#: (``pos`` NULL: the partial index ``ix_case_events_unplaced``), and the highest place
#: given so far.
_TOP = text(
    "SELECT EXISTS (SELECT 1 FROM case_events WHERE pos IS NULL), "
    "(SELECT max(pos) FROM case_events)"
)


def top(session: Session) -> tuple[bool, int]:
    """``(unplaced, highest)``: whether any event waits for its place (only on PostgreSQL),
    and the highest place visible to this statement (0 without events).

    Every place up to ``highest`` is visible to any later statement (places become
    visible in order, see the module), so a reader whose page holds everything after its
    cursor may move the cursor up to ``highest`` (``GET /changes``' ``next``) even when
    none of those events is within its reach.
    """
    unplaced, highest = session.execute(_TOP).one()
    return bool(unplaced), int(highest or 0)


def place_events(session: Session) -> int | None:
    """:func:`place` for the change feed's case events (without waiting for the lock)."""
    return place(session, EVENTS)
