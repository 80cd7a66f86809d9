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
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

#: pg_try_advisory_xact_lock key of the placer.
PLACE_LOCK_KEY = 7_311_021

_PLACE = text(
    """
    WITH settled AS (
        SELECT seq, row_number() OVER (ORDER BY xid, seq) AS n
        FROM case_events
        WHERE pos IS NULL
          AND xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
    ), top AS (
        SELECT coalesce(max(pos), 0) AS pos FROM case_events
    )
    UPDATE case_events AS e SET pos = top.pos + settled.n
    FROM settled, top
    WHERE e.seq = settled.seq
    """
)


def place_events(session: Session) -> int | None:
    """Give ``pos`` to the events of every ended transaction (PostgreSQL); commit soon.

    Runs in the caller's transaction, which must commit (or roll back) before it does
    anything slow: the lock is held until then. Returns how many events were placed, or
    None when another placer holds the lock (the caller then reads what is placed
    already) or on SQLite (nothing to place).
    """
    if session.get_bind().dialect.name != "postgresql":
        return None
    got = session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": PLACE_LOCK_KEY})
    if not got:
        return None
    # A statement of its own: its snapshot is taken after the lock, so it sees the
    # placement committed by the placer before us.
    result = session.execute(_PLACE)
    return int(getattr(result, "rowcount", 0) or 0)
