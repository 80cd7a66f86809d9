from datetime import UTC, date, datetime, timedelta

import pytest

from clerk_app.core.clock import CENTER_TZ, Clock, FixedClock, SystemClock


def test_today_is_the_date_in_shanghai_not_utc():
    # 17:30 UTC on 31 Dec is already 1 Jan in Beijing.
    clock = FixedClock(datetime(2025, 12, 31, 17, 30, tzinfo=UTC))
    assert clock.today() == date(2026, 1, 1)


def test_fixed_clock_advances_and_jumps():
    clock = FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=CENTER_TZ))
    clock.advance(timedelta(hours=16))
    assert clock.now() == datetime(2026, 3, 3, 1, 0, tzinfo=CENTER_TZ)
    assert clock.today() == date(2026, 3, 3)
    clock.set(datetime(2027, 1, 1, tzinfo=CENTER_TZ))
    assert clock.today() == date(2027, 1, 1)


def test_fixed_clock_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(datetime(2026, 1, 1))
    clock = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError):
        clock.set(datetime(2026, 1, 2))


def test_system_clock_is_aware_and_in_center_zone():
    clock = SystemClock()
    assert isinstance(clock, Clock)
    now = clock.now()
    assert now.utcoffset() == timedelta(hours=8)
    assert clock.today() == now.date()
