"""Working-day calendar: China's statutory holidays with their make-up working days (调休).

Time limits count working days only (Administrative Licensing Law art. 82). Holidays move
every year, so the calendar is data: either the tables of the pinned ``chinese-calendar``
package (:meth:`WorkCalendar.builtin`) or the payloads the records service publishes at
``GET /calendar`` (:meth:`WorkCalendar.from_published`). For a year the data does not cover
(or covers provisionally), the calendar still knows the statutory holidays
(:mod:`clerk_app.core.statutory`: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆) and counts
weekends otherwise; only the make-up arrangements (调休) are unknown, so every result that
depends on such a year is marked provisional. It never raises for a date out of range.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import chinese_calendar

from clerk_app.core.statutory import STATUTORY_SOURCE, statutory_holidays

WEEKENDS_ONLY_SOURCE = "weekends-only"


@dataclass(frozen=True, slots=True)
class DueDate:
    """A due date, and whether it rests on a provisional (weekends-only) calendar."""

    date: date
    provisional: bool


@dataclass(frozen=True, slots=True)
class YearTable:
    """The official days of one year.

    Attributes:
        holidays: days off by statute (weekend days inside a holiday period may be listed).
        workdays: make-up working days, usually on a weekend.
        source: where the table came from, e.g. ``"chinese-calendar 1.11.0"``.
        provisional: the table is not the official schedule yet.
    """

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str
    provisional: bool = False


class WorkCalendar:
    """Answers "is this a working day" and counts working days.

    Args:
        years: the tables of the years the calendar knows, one per year.
    """

    def __init__(self, years: Iterable[YearTable] = ()) -> None:
        self._years: dict[int, YearTable] = {}
        for table in years:
            if table.year in self._years:
                raise ValueError(f"calendar year {table.year} given twice")
            self._years[table.year] = table

    # -- construction -------------------------------------------------------------------

    @classmethod
    def builtin(cls) -> WorkCalendar:
        """The calendar of the installed chinese-calendar package (built once, then shared)."""
        return _builtin_calendar()

    @classmethod
    def from_published(
        cls, payload: Mapping[str, Any] | Iterable[Mapping[str, Any]]
    ) -> WorkCalendar:
        """Build a calendar from one or several ``GET /calendar`` payloads.

        Each payload is ``{year, holidays: [YYYY-MM-DD], workdays: [YYYY-MM-DD], source,
        provisional}``.

        Raises:
            ValueError: a payload is malformed (the message names the year and field).
        """
        payloads = [payload] if isinstance(payload, Mapping) else list(payload)
        return cls(_parse_year(p) for p in payloads)

    def to_published(self, year: int) -> dict[str, Any]:
        """The ``GET /calendar`` payload for ``year``.

        For a year without a table: its statutory holidays (none before 2025: weekends
        only), no make-up days, provisional.
        """
        table = self._years.get(year)
        if table is None:
            statutory = statutory_holidays(year)
            return {
                "year": year,
                "holidays": [d.isoformat() for d in sorted(statutory)],
                "workdays": [],
                "source": STATUTORY_SOURCE if statutory else WEEKENDS_ONLY_SOURCE,
                "provisional": True,
            }
        return {
            "year": year,
            "holidays": [d.isoformat() for d in sorted(table.holidays)],
            "workdays": [d.isoformat() for d in sorted(table.workdays)],
            "source": table.source,
            "provisional": table.provisional,
        }

    def overlaid(self, other: WorkCalendar) -> WorkCalendar:
        """A calendar with ``other``'s years replacing or adding to this one's."""
        merged = dict(self._years)
        merged.update(other._years)
        return WorkCalendar(merged.values())

    # -- queries ------------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        """The years this calendar has tables for, ascending."""
        return tuple(sorted(self._years))

    def covers(self, d: date) -> bool:
        """Whether the calendar has a table for the year of ``d``."""
        return d.year in self._years

    def is_provisional(self, d: date) -> bool:
        """Whether the answer for ``d`` is provisional (no table, or a provisional one)."""
        table = self._years.get(d.year)
        return table is None or table.provisional

    def is_workday(self, d: date) -> bool:
        """Whether ``d`` is a working day.

        A year without a table, or with a provisional one, still has its statutory holidays
        off (a make-up day is never one of them); other days follow the weekend.
        """
        table = self._years.get(d.year)
        if table is not None:
            if d in table.workdays:
                return True
            if d in table.holidays:
                return False
        if table is None or table.provisional:
            return d.weekday() < 5 and d not in statutory_holidays(d.year)
        return d.weekday() < 5

    def add_working_days(self, start: date, n: int) -> DueDate:
        """The date ``n`` working days after ``start``.

        The start day itself is not counted; ``n == 0`` means on the spot and returns
        ``start``. The result is provisional when any day counted lies in a year the
        calendar knows only provisionally or not at all.

        Raises:
            ValueError: ``n`` is negative.
        """
        if n < 0:
            raise ValueError(f"working days must not be negative, got {n}")
        day = start
        provisional = False
        remaining = n
        while remaining:
            day += timedelta(days=1)
            provisional = provisional or self.is_provisional(day)
            if self.is_workday(day):
                remaining -= 1
        return DueDate(day, provisional)

    def working_days_between(self, a: date, b: date) -> int:
        """Working days from ``a`` to ``b``: those in ``(a, b]``, negative when ``b < a``.

        ``working_days_between(today, due)`` is a countdown: 0 on the due day, negative
        once overdue. It is the inverse of :meth:`add_working_days` for working-day ends.
        """
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return count

    def __repr__(self) -> str:
        return f"WorkCalendar(years={list(self.years)})"


# -- the chinese-calendar package ---------------------------------------------------------


@functools.cache
def builtin_year_range() -> tuple[int, int]:
    """First and last year the installed chinese-calendar package has data for.

    The package raises ``NotImplementedError`` for any other year; probe it once.
    """
    covered = []
    for year in range(1990, 2200):
        try:
            chinese_calendar.is_workday(date(year, 1, 1))
        except NotImplementedError:
            continue
        covered.append(year)
    if not covered:  # pragma: no cover - the pinned package always has data
        raise RuntimeError("chinese-calendar has no data for any year")
    return covered[0], covered[-1]


def _package_source() -> str:
    # The package's own version first: importlib.metadata (and the email package under it)
    # would stay in memory for this one string (issue 21).
    version = getattr(chinese_calendar, "__version__", None)
    if isinstance(version, str) and version:
        return f"chinese-calendar {version}"
    from importlib import metadata

    try:
        return f"chinese-calendar {metadata.version('chinese-calendar')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - vendored copies
        return "chinese-calendar"


def _builtin_year(year: int, source: str) -> YearTable:
    # The package's public tables: date -> holiday name, for days off and make-up days.
    holidays = {d for d in chinese_calendar.holidays if d.year == year}
    workdays = {d for d in chinese_calendar.workdays if d.year == year}
    return YearTable(year, frozenset(holidays), frozenset(workdays), source)


@functools.cache
def _builtin_calendar() -> WorkCalendar:
    first, last = builtin_year_range()
    source = _package_source()
    return WorkCalendar(_builtin_year(y, source) for y in range(first, last + 1))


# -- published payloads -------------------------------------------------------------------


def _parse_year(payload: Mapping[str, Any]) -> YearTable:
    if not isinstance(payload, Mapping):
        raise ValueError(f"calendar payload must be an object, got {type(payload).__name__}")
    year = payload.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 9999:
        raise ValueError(f"calendar payload: 'year' must be a year number, got {year!r}")

    def dates(field: str) -> frozenset[date]:
        raw = payload.get(field, [])
        if not isinstance(raw, list):
            raise ValueError(f"calendar {year}: '{field}' must be a list of dates")
        out = set()
        for item in raw:
            try:
                d = date.fromisoformat(item)
            except (TypeError, ValueError):
                raise ValueError(
                    f"calendar {year}: '{field}' holds {item!r}, not a YYYY-MM-DD date"
                ) from None
            if d.year != year:
                raise ValueError(f"calendar {year}: '{field}' holds {item}, from another year")
            out.add(d)
        return frozenset(out)

    holidays, workdays = dates("holidays"), dates("workdays")
    if holidays & workdays:
        both = ", ".join(sorted(d.isoformat() for d in holidays & workdays))
        raise ValueError(f"calendar {year}: {both} listed as both holiday and workday")
    provisional = payload.get("provisional", False)
    if not isinstance(provisional, bool):
        raise ValueError(f"calendar {year}: 'provisional' must be true or false")
    source = payload.get("source") or "published"
    return YearTable(year, holidays, workdays, str(source), provisional)
