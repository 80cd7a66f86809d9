"""Working-day calendar against the official schedules (State Council notices).

2025: Spring Festival Jan 28 - Feb 4 off, Jan 26 (Sun) and Feb 8 (Sat) worked;
      National Day Oct 1 - 8 off, Sep 28 (Sun) and Oct 11 (Sat) worked.
2026: Spring Festival Feb 15 - 23 off, Feb 14 (Sat) and Feb 28 (Sat) worked;
      Mid-autumn Sep 25 - 27 off; National Day Oct 1 - 7 off, Sep 20 (Sun) and Oct 10 (Sat)
      worked.
chinese-calendar 1.11.0 has these tables; 2027 is not published yet.
"""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.core.calendar import DueDate, WorkCalendar, builtin_year_range
from clerk_app.core.clock import CENTER_TZ, FixedClock

CAL = WorkCalendar.builtin()


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # 2025 National Day
        (date(2025, 9, 26), 1, date(2025, 9, 28)),  # Sunday make-up day counts
        (date(2025, 9, 26), 5, date(2025, 10, 10)),
        (date(2025, 9, 30), 1, date(2025, 10, 9)),  # whole holiday skipped
        (date(2025, 9, 30), 3, date(2025, 10, 11)),  # Saturday make-up day counts
        (date(2025, 9, 30), 5, date(2025, 10, 14)),
        (date(2025, 10, 3), 1, date(2025, 10, 9)),  # taken in during the holiday
        # 2025 Spring Festival
        (date(2025, 1, 24), 1, date(2025, 1, 26)),
        (date(2025, 1, 24), 2, date(2025, 1, 27)),
        (date(2025, 1, 24), 3, date(2025, 2, 5)),
        (date(2025, 1, 24), 6, date(2025, 2, 8)),
        # 2026 Spring Festival
        (date(2026, 2, 13), 1, date(2026, 2, 14)),
        (date(2026, 2, 13), 2, date(2026, 2, 24)),
        (date(2026, 2, 13), 5, date(2026, 2, 27)),
        (date(2026, 2, 13), 6, date(2026, 2, 28)),
        # 2026 Mid-autumn and National Day
        (date(2026, 9, 18), 1, date(2026, 9, 20)),
        (date(2026, 9, 24), 1, date(2026, 9, 28)),
        (date(2026, 9, 30), 1, date(2026, 10, 8)),
        (date(2026, 9, 30), 3, date(2026, 10, 10)),
        (date(2026, 9, 24), 20, date(2026, 10, 29)),
    ],
)
def test_due_dates_follow_the_official_holiday_schedule(start, n, due):
    assert CAL.add_working_days(start, n) == DueDate(due, provisional=False)


def test_make_up_weekend_days_are_working_days_and_holiday_weekdays_are_not():
    for worked in (date(2025, 9, 28), date(2025, 10, 11), date(2026, 2, 14), date(2026, 10, 10)):
        assert CAL.is_workday(worked)
    for off in (date(2025, 10, 8), date(2026, 2, 23), date(2026, 9, 25), date(2026, 10, 7)):
        assert not CAL.is_workday(off)


def test_zero_days_means_on_the_spot_even_on_a_holiday():
    assert CAL.add_working_days(date(2025, 10, 2), 0) == DueDate(date(2025, 10, 2), False)


def test_negative_working_days_are_refused():
    with pytest.raises(ValueError, match="negative"):
        CAL.add_working_days(date(2026, 3, 2), -1)


def test_due_date_crossing_into_an_unpublished_year_is_provisional():
    today = FixedClock(datetime(2026, 12, 25, 10, 0, tzinfo=CENTER_TZ)).today()
    due = CAL.add_working_days(today, 5)
    # Mon 28 .. Thu 31 Dec, then Fri 1 Jan 2027 is 元旦 (statutory): Mon 4 Jan.
    assert due == DueDate(date(2027, 1, 4), provisional=True)
    assert not CAL.covers(date(2027, 1, 1))


def test_due_date_within_the_known_year_is_not_provisional():
    today = FixedClock(datetime(2026, 12, 18, 10, 0, tzinfo=CENTER_TZ)).today()
    assert CAL.add_working_days(today, 5) == DueDate(date(2026, 12, 25), False)


def test_dates_far_outside_the_package_never_crash():
    assert CAL.is_workday(date(2030, 1, 2))  # a Wednesday, no published schedule
    assert not CAL.is_workday(date(2030, 1, 1))  # 元旦, by statute
    assert not CAL.is_workday(date(1999, 10, 2))  # a Saturday
    assert CAL.add_working_days(date(2040, 6, 1), 10).provisional
    assert CAL.working_days_between(date(2030, 1, 1), date(2030, 1, 8)) == 5


def test_builtin_range_is_what_the_package_covers():
    first, last = builtin_year_range()
    assert (first, last) == (2004, 2026)
    assert CAL.years == tuple(range(2004, 2027))


def test_countdown_is_zero_on_due_day_and_negative_when_overdue():
    clock = FixedClock(datetime(2025, 9, 30, 9, 0, tzinfo=CENTER_TZ))
    due = date(2025, 10, 10)
    assert CAL.working_days_between(clock.today(), due) == 2  # Oct 9, Oct 10
    clock.set(datetime(2025, 10, 10, 9, 0, tzinfo=CENTER_TZ))
    assert CAL.working_days_between(clock.today(), due) == 0
    clock.set(datetime(2025, 10, 13, 9, 0, tzinfo=CENTER_TZ))
    # Oct 11 (make-up Saturday) and Oct 13 have passed since the due date.
    assert CAL.working_days_between(clock.today(), due) == -2


def test_published_payload_round_trips_and_matches_builtin():
    payload = CAL.to_published(2025)
    assert payload["source"] == "chinese-calendar 1.11.0"
    assert payload["provisional"] is False
    assert "2025-10-08" in payload["holidays"]
    assert payload["workdays"] == [
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
    ]
    copy = WorkCalendar.from_published([payload, CAL.to_published(2026)])
    assert copy.years == (2025, 2026)
    day = date(2025, 1, 1)
    while day.year < 2027:
        assert copy.is_workday(day) == CAL.is_workday(day), day
        day += timedelta(days=1)


def test_published_calendar_falls_back_to_weekends_for_other_years():
    cal = WorkCalendar.from_published(
        {"year": 2027, "holidays": ["2027-01-01"], "workdays": [], "source": "admin"}
    )
    assert cal.add_working_days(date(2026, 12, 31), 1) == DueDate(date(2027, 1, 4), False)
    # 2026 is not in this calendar: statutory days (国庆 1-3 Oct) and weekends, provisional.
    assert cal.add_working_days(date(2026, 9, 30), 1) == DueDate(date(2026, 10, 5), True)


def test_provisional_published_year_makes_due_dates_provisional():
    cal = WorkCalendar.from_published(
        {"year": 2027, "holidays": ["2027-01-01"], "workdays": [], "provisional": True}
    )
    assert cal.add_working_days(date(2027, 1, 4), 1) == DueDate(date(2027, 1, 5), True)


def test_unknown_year_payload_is_statutory_days_only_and_provisional():
    payload = CAL.to_published(2027)
    assert payload["provisional"] is True
    assert payload["workdays"] == []
    assert payload["holidays"][:2] == ["2027-01-01", "2027-02-05"]
    assert payload["source"].startswith("statutory")
    assert CAL.to_published(1999)["source"] == "weekends-only"


def test_overlay_replaces_a_year_and_keeps_the_rest():
    override = WorkCalendar.from_published(
        {"year": 2026, "holidays": ["2026-03-02"], "workdays": [], "source": "admin"}
    )
    merged = CAL.overlaid(override)
    assert not merged.is_workday(date(2026, 3, 2))
    assert merged.is_workday(date(2026, 10, 7))  # 2026 now comes from the override only
    assert not merged.is_workday(date(2025, 10, 7))


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"holidays": []}, "'year'"),
        ({"year": 2027, "holidays": "2027-01-01"}, "'holidays' must be a list"),
        ({"year": 2027, "holidays": ["2027-13-01"]}, "not a YYYY-MM-DD"),
        ({"year": 2027, "workdays": ["2026-12-31"]}, "another year"),
        ({"year": 2027, "holidays": ["2027-01-02"], "workdays": ["2027-01-02"]}, "both"),
        ({"year": 2027, "provisional": "yes"}, "'provisional'"),
    ],
)
def test_malformed_published_payloads_are_refused_with_a_clear_message(payload, message):
    with pytest.raises(ValueError, match=message):
        WorkCalendar.from_published(payload)


days = st.dates(min_value=date(2003, 1, 1), max_value=date(2029, 12, 31))


@given(start=days, n=st.integers(min_value=1, max_value=60))
def test_due_date_is_a_working_day_strictly_after_start(start, n):
    due = CAL.add_working_days(start, n)
    assert due.date > start
    assert CAL.is_workday(due.date)
    assert CAL.working_days_between(start, due.date) == n
    assert CAL.working_days_between(due.date, start) == -n


@given(start=days, n=st.integers(min_value=0, max_value=40), extra=st.integers(1, 20))
def test_due_date_grows_with_more_working_days(start, n, extra):
    assert CAL.add_working_days(start, n).date < CAL.add_working_days(start, n + extra).date


@given(start=st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 10, 1)))
def test_known_years_give_firm_due_dates(start):
    assert not CAL.add_working_days(start, 10).provisional
