"""Injectable clocks: everything that asks "what time is it" takes a :class:`Clock`.

The center works in China Standard Time whatever the machine's own time zone is, so
:meth:`Clock.today` is always the date in :data:`CENTER_TZ`.
"""

from __future__ import annotations

import os
import time
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:  # datetime loads at the first reading of the time (issue 21: ~1 ms)
    from datetime import date, datetime, timedelta
    from zoneinfo import ZoneInfo

#: The center's time zone, ``ZoneInfo("Asia/Shanghai")``: made at its first use (zoneinfo
#: and the zone's file, ~1.5 ms, are not read before the sign-in window, issue 21).
CENTER_TZ: ZoneInfo
#: The center's zone for the C library's ``TZ`` variable: the IANA name where the system
#: has the zone database (Linux), else the POSIX rule (China has kept no daylight saving
#: since 1991), which glibc and the Windows C runtime both read.
CENTER_TZ_NAME = "Asia/Shanghai"
CENTER_TZ_POSIX = "CST-8"
_ZONEINFO = Path("/usr/share/zoneinfo")


def center_tz() -> ZoneInfo:
    """:data:`CENTER_TZ` (made here at the first call)."""
    tz = globals().get("CENTER_TZ")
    if tz is None:
        from zoneinfo import ZoneInfo

        tz = globals()["CENTER_TZ"] = ZoneInfo(CENTER_TZ_NAME)
    return tz


def __getattr__(name: str) -> Any:
    if name == "CENTER_TZ":  # ``from clerk_app.core.clock import CENTER_TZ``
        return center_tz()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def use_center_time_zone(environ: MutableMapping[str, str] | None = None) -> str | None:
    """Make the process's local time the center's, for what Qt shows by itself in local
    time (the modified column of its file dialogs). Call it at GUI start-up, before the
    ``QApplication``; the app's own times use :data:`CENTER_TZ` anyway.

    A machine already on UTC+8 (a center PC in China is set to CST) is left as it is.
    Returns the ``TZ`` value set, or None when nothing changed.
    """
    env = os.environ if environ is None else environ
    if env.get("TZ") is None and _local_offset_seconds() == 8 * 3600:
        return None
    if env.get("TZ") in (CENTER_TZ_NAME, CENTER_TZ_POSIX):
        return None
    value = CENTER_TZ_NAME if (_ZONEINFO / CENTER_TZ_NAME).is_file() else CENTER_TZ_POSIX
    env["TZ"] = value
    if environ is None and hasattr(time, "tzset"):  # POSIX: the C library reads TZ again
        time.tzset()
    return value


def _local_offset_seconds() -> int:
    """The local time's offset from UTC now (what ``datetime.now().astimezone()`` uses)."""
    return time.localtime().tm_gmtoff


@runtime_checkable
class Clock(Protocol):
    """Source of the current time."""

    def now(self) -> datetime:
        """Return the current time as a timezone-aware datetime."""
        ...

    def today(self) -> date:
        """Return the current date in the center's time zone (Asia/Shanghai)."""
        return self.now().astimezone(center_tz()).date()


class SystemClock(Clock):
    """The real clock, reporting in the center's time zone."""

    def now(self) -> datetime:
        from datetime import datetime

        return datetime.now(center_tz())


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
