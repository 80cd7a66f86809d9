"""The provisional calendar beyond chinese-calendar's years still knows the statutory holidays.

《全国年节及纪念日放假办法》 as amended in 2024: 元旦 1, 春节 4 (除夕 to 初三), 清明 1,
劳动节 2, 端午 1, 中秋 1, 国庆 3. The lunar and solar-term dates below are the almanac's
(written out by hand, not computed), so a wrong conversion fails here.
"""

from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest

from clerk_app.core.calendar import DueDate, WorkCalendar, builtin_year_range
from clerk_app.core.statutory import statutory_holidays

CAL = WorkCalendar.builtin()

#: year -> (正月初一, 清明, 端午, 中秋) from the almanac.
ALMANAC = {
    2027: (date(2027, 2, 6), date(2027, 4, 5), date(2027, 6, 9), date(2027, 9, 15)),
    2028: (date(2028, 1, 26), date(2028, 4, 4), date(2028, 5, 28), date(2028, 10, 3)),
    2029: (date(2029, 2, 13), date(2029, 4, 4), date(2029, 6, 16), date(2029, 9, 22)),
    2030: (date(2030, 2, 3), date(2030, 4, 5), date(2030, 6, 5), date(2030, 9, 12)),
}


def statutory_by_rule(year: int) -> set[date]:
    spring, qingming, duanwu, zhongqiu = ALMANAC[year]
    eve = date.fromordinal(spring.toordinal() - 1)
    return {
        date(year, 1, 1),
        eve,
        *(date.fromordinal(spring.toordinal() + i) for i in range(3)),
        qingming,
        date(year, 5, 1),
        date(year, 5, 2),
        duanwu,
        zhongqiu,
        date(year, 10, 1),
        date(year, 10, 2),
        date(year, 10, 3),
    }


@pytest.mark.parametrize("year", sorted(ALMANAC))
def test_years_after_the_package_keep_every_statutory_holiday_off(year: int) -> None:
    assert not CAL.covers(date(year, 1, 1))
    expected = statutory_by_rule(year)
    assert statutory_holidays(year) == expected
    assert len(expected) == (12 if year == 2028 else 13)  # 2028: 中秋 falls on 3 October
    day = date(year, 1, 1)
    while day.year == year:
        # Only weekends and statutory days are off; make-up days (调休) are unknown.
        assert CAL.is_workday(day) == (day.weekday() < 5 and day not in expected), day
        assert CAL.is_provisional(day)
        day = date.fromordinal(day.toordinal() + 1)
    published = CAL.to_published(year)
    assert published["provisional"] is True
    assert published["workdays"] == []
    assert set(published["holidays"]) == {d.isoformat() for d in expected}


def test_statutory_days_are_holidays_in_the_years_the_package_covers() -> None:
    first, last = builtin_year_range()
    for year in range(max(first, 2025), last + 1):
        days = statutory_holidays(year)
        assert len(days) >= 12
        assert days <= set(chinese_calendar.holidays), year


def test_a_case_taken_in_on_6_december_2026_is_not_due_on_new_years_day() -> None:
    # 20 working days from Sun 6 Dec 2026: the 20th weekday is Fri 1 Jan 2027 (元旦).
    due = CAL.add_working_days(date(2026, 12, 6), 20)
    assert due == DueDate(date(2027, 1, 4), provisional=True)


def test_a_published_provisional_year_keeps_the_statutory_days_off() -> None:
    # A provisional payload (e.g. from an older service) that forgot 元旦.
    cal = WorkCalendar.from_published(
        {"year": 2027, "holidays": [], "workdays": [], "provisional": True, "source": "x"}
    )
    assert not cal.is_workday(date(2027, 1, 1))
    assert cal.add_working_days(date(2026, 12, 31), 1) == DueDate(date(2027, 1, 4), True)


def test_years_before_the_amendment_without_a_table_are_weekends_only() -> None:
    assert statutory_holidays(2003) == frozenset()
    assert CAL.is_workday(date(2003, 1, 1))  # a Wednesday; no table, no rules of 2024
