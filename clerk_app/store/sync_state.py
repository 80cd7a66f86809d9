"""Sync bookkeeping kept in the local store: change cursor, last contact, clock skew, calendar.

One row (``sync_state``) holds what the connection panel shows and what the next pull starts
from; ``calendar_cache`` keeps each year's published calendar with its ETag so a refresh can
ask ``If-None-Match``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from clerk_app.store.db import Database
from clerk_app.store.local import parse_stamp, stamp
from clerk_app.store.writer import writes

#: A clock further off than this from the service's is shown to the clerk.
SKEW_WARNING_SECONDS = 300.0


class _Clock(Protocol):
    def now(self) -> datetime: ...


@dataclass(frozen=True)
class SyncState:
    """What the client knows about its link to the service."""

    changes_cursor: str | None
    last_contact_at: datetime | None
    last_server_date: datetime | None
    clock_skew_seconds: float | None
    last_report_at: datetime | None
    last_error: str | None

    @property
    def skew_warning(self) -> bool:
        """True when the local clock is more than 5 minutes off the service's."""
        return (
            self.clock_skew_seconds is not None
            and abs(self.clock_skew_seconds) > SKEW_WARNING_SECONDS
        )


@dataclass(frozen=True)
class CachedCalendar:
    year: int
    etag: str | None
    json_text: str
    fetched_at: datetime


class SyncStateStore:
    """Reads and writes the ``sync_state`` row and the calendar cache."""

    def __init__(self, db: Database, clock: _Clock) -> None:
        self.db = db
        self.clock = clock

    def load(self) -> SyncState:
        row = self.db.query_one("SELECT * FROM sync_state WHERE id = 1")
        assert row is not None, "sync_state row is made by migration 2"
        return SyncState(
            changes_cursor=row["changes_cursor"],
            last_contact_at=parse_stamp(row["last_contact_at"]),
            last_server_date=parse_stamp(row["last_server_date"]),
            clock_skew_seconds=row["clock_skew_seconds"],
            last_report_at=parse_stamp(row["last_report_at"]),
            last_error=row["last_error"],
        )

    @writes
    def _update(self, **values: Any) -> None:
        cols = ", ".join(f"{k} = ?" for k in values)
        with self.db.transaction() as conn:
            conn.execute(f"UPDATE sync_state SET {cols} WHERE id = 1", tuple(values.values()))  # noqa: S608

    def set_cursor(self, cursor: str | None) -> None:
        """Where the next ``GET /changes`` starts (kept across restarts)."""
        self._update(changes_cursor=cursor)

    def record_contact(self, server_date: datetime | None, local_time: datetime) -> float | None:
        """The service answered: note when, and how far our clock is from its ``Date``.

        Returns the skew in seconds (local minus server), or None without a Date header.
        """
        skew = None if server_date is None else (local_time - server_date).total_seconds()
        values: dict[str, Any] = {"last_contact_at": stamp(local_time), "last_error": None}
        if server_date is not None:
            values["last_server_date"] = stamp(server_date)
            values["clock_skew_seconds"] = skew
        self._update(**values)
        return skew

    def record_failure(self, error: str) -> None:
        self._update(last_error=error[:500])

    def record_report(self, at: datetime) -> None:
        self._update(last_report_at=stamp(at))

    # -- calendar cache ---------------------------------------------------------------------

    @writes
    def save_calendar(self, year: int, json_text: str, etag: str | None) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO calendar_cache (year, etag, json, fetched_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (year) DO UPDATE SET etag = excluded.etag, json = excluded.json,"
                " fetched_at = excluded.fetched_at",
                (year, etag, json_text, stamp(self.clock.now())),
            )

    def load_calendar(self, year: int) -> CachedCalendar | None:
        row = self.db.query_one("SELECT * FROM calendar_cache WHERE year = ?", (year,))
        if row is None:
            return None
        fetched = parse_stamp(row["fetched_at"])
        assert fetched is not None
        return CachedCalendar(int(row["year"]), row["etag"], row["json"], fetched)
