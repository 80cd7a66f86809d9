"""Injectable clocks: everything that asks "what time is it" takes a :class:`Clock`.

The center works in China Standard Time whatever the machine's own time zone is, so
:meth:`Clock.today` is always the date in :data:`CENTER_TZ`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Protocol, runtime_checkable
from zoneinfo import ZoneInfo

CENTER_TZ = ZoneInfo("Asia/Shanghai")


@runtime_checkable
class Clock(Protocol):
    """Source of the current time."""

    def now(self) -> datetime:
        """Return the current time as a timezone-aware datetime."""
        ...

    def today(self) -> date:
        """Return the current date in the center's time zone (Asia/Shanghai)."""
        return self.now().astimezone(CENTER_TZ).date()


class SystemClock(Clock):
    """The real clock, reporting in the center's time zone."""

    def now(self) -> datetime:
        return datetime.now(CENTER_TZ)


class FixedClock(Clock):
    """A clock that stands still until told to move; for tests and replays.

    Args:
        dt: the time to report; must be timezone-aware.
    """

    def __init__(self, dt: datetime) -> None:
        self._now = _require_aware(dt)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward (or back, with a negative delta)."""
        self._now = self._now + delta

    def set(self, dt: datetime) -> None:
        """Jump to an absolute time (must be timezone-aware)."""
        self._now = _require_aware(dt)

    def __repr__(self) -> str:
        return f"FixedClock({self._now.isoformat()})"


def _require_aware(dt: datetime) -> datetime:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"FixedClock needs a timezone-aware datetime, got {dt!r}")
    return dt
