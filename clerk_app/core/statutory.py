"""The statutory holidays of 《全国年节及纪念日放假办法》 as amended in 2024 (in force 2025).

The State Council publishes each year's schedule (with its make-up working days, 调休) only
months ahead; the pinned ``chinese-calendar`` package has the published years. For the
years after, the days the statute itself gives off are still certain — only how they are
bridged and which weekend is worked instead is not. This module computes those days: the
fixed ones from the solar calendar, 春节/端午/中秋 from the lunar calendar and 清明 from
the solar term, both with ``lunar_python`` (6tail's lunar calendar).

全体公民放假的节日 (art. 2, 2024 amendment):

- 元旦 1 day (1 January);
- 春节 4 days (除夕 and 正月初一 to 初三);
- 清明节 1 day (the day of the solar term 清明);
- 劳动节 2 days (1–2 May);
- 端午节 1 day (五月初五);
- 中秋节 1 day (八月十五);
- 国庆节 3 days (1–3 October).
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lunar_python import Lunar

#: The first year the 2024 amendment applies to; earlier years had other rules.
FIRST_YEAR = 2025
#: What a calendar table made from these rules names as its source.
STATUTORY_SOURCE = "statutory holidays (2024 rules; make-up days unknown)"


def _solar(lunar: Lunar) -> date:
    solar = lunar.getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


@functools.cache
def statutory_holidays(year: int) -> frozenset[date]:
    """The days of ``year`` the statute gives off (13 days); empty before :data:`FIRST_YEAR`.

    Weekend days among them are listed too; the day off in lieu of a holiday on a weekend
    is part of the yearly schedule and not computed here.
    """
    if year < FIRST_YEAR:
        return frozenset()
    # Loaded for the first year without a published table only (28 modules; issue 21).
    from lunar_python import Lunar

    new_year = _solar(Lunar.fromYmd(year, 1, 1))  # 正月初一 of the lunar year starting in `year`
    spring = {new_year + timedelta(days=i) for i in range(-1, 3)}  # 除夕 .. 初三
    qingming_solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    qingming = date(qingming_solar.getYear(), qingming_solar.getMonth(), qingming_solar.getDay())
    days = {
        date(year, 1, 1),
        *spring,
        qingming,
        date(year, 5, 1),
        date(year, 5, 2),
        _solar(Lunar.fromYmd(year, 5, 5)),
        _solar(Lunar.fromYmd(year, 8, 15)),
        date(year, 10, 1),
        date(year, 10, 2),
        date(year, 10, 3),
    }
    return frozenset(d for d in days if d.year == year)
