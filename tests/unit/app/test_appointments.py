"""Appointments at the desk (issue 18, app.appointments) against the real records service
on a working Monday morning: the days offered follow the center's calendar (National Day
off, its make-up Saturday on); a half-day's last place goes and the next booking is told
it is full; a category without appointments is closed; a mistyped mobile and ID number
are refused before anything is sent; signed in offline, appointments are refused."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from clerk_app.app import appointments as ap
from clerk_app.app.session import sign_in
from clerk_app.core.clock import CENTER_TZ, FixedClock
from tests.helpers.kiosk import MONDAY_MORNING, resident_id
from tests.helpers.offline import make_context  # noqa: F401 - fixture
from tests.helpers.service import DEMO_PASSWORD

pytestmark = pytest.mark.usefixtures("qapp")

TODAY = MONDAY_MORNING.date()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_MORNING)


def _refused(reason: str, call, *args, **kwargs) -> ap.AppointmentRefused:
    with pytest.raises(ap.AppointmentRefused) as caught:
        call(*args, **kwargs)
    assert caught.value.reason == reason, caught.value.detail
    return caught.value


def test_the_days_offered_are_the_centers_working_half_days(make_context) -> None:  # noqa: F811
    ctx = make_context("http://127.0.0.1:9")
    # Monday 09:30: both halves of today; Saturday and Sunday are left out.
    offered = ap.bookable_days(ctx, MONDAY_MORNING, count=6)
    assert [(s.day.day, s.half) for s in offered[:4]] == [
        (30, "am"),
        (30, "pm"),
        (1, "am"),
        (1, "pm"),
    ]
    assert {s.day for s in offered} == {
        date(2026, 11, 30),
        *(date(2026, 12, d) for d in (1, 2, 3, 4, 7)),
    }
    # After 12:00 the morning is over.
    noon = datetime(2026, 11, 30, 12, 0, tzinfo=CENTER_TZ)
    assert ap.bookable_days(ctx, noon, count=1) == [ap.HalfDay(TODAY, "pm")]
    # Around National Day: 1–7 October off, Saturday 10 October a make-up working day.
    before = datetime(2026, 9, 30, 18, 0, tzinfo=CENTER_TZ)
    days = sorted({s.day for s in ap.bookable_days(ctx, before, count=3)})
    assert days == [date(2026, 10, 8), date(2026, 10, 9), date(2026, 10, 10)]


def test_full_closed_and_mistyped_are_plain_refusals(service_factory, make_context) -> None:  # noqa: F811
    service = service_factory(clock=MONDAY_MORNING)
    ctx = make_context(service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    codes = [c.code for c in ap.categories(ctx, session)]
    assert codes == ["ZH", "GA", "BDC"]  # 企业开办 takes no appointments
    slot = ap.HalfDay(date(2026, 12, 1), "am")
    for n in range(4):  # 不动产登记 has 4 places a half-day
        booked = ap.book(
            ctx,
            session,
            category="BDC",
            slot=slot,
            name="Zhang San",
            id_number=resident_id(date(1970, 1, 1), serial=100 + n),
        )
        assert booked.places_left == 3 - n
        assert booked.appointment.status == "booked" and booked.appointment.half == "am"
    fifth = resident_id(date(1970, 1, 1), serial=200)
    _refused(
        "full", ap.book, ctx, session, category="BDC", slot=slot, name="Li Si", id_number=fifth
    )
    _refused(
        "closed", ap.book, ctx, session, category="QY", slot=slot, name="Li Si", id_number=fifth
    )
    saturday = ap.HalfDay(date(2026, 12, 5), "am")
    _refused(
        "closed", ap.book, ctx, session, category="ZH", slot=saturday, name="Li Si", id_number=fifth
    )
    wrong = _refused(
        "wrong-phone",
        ap.book,
        ctx,
        session,
        category="ZH",
        slot=slot,
        name="Li Si",
        id_number=fifth,
        phone="12345",
    )
    assert wrong.issues[0].code == "mobile.format"
    wrong = _refused(
        "wrong-id",
        ap.book,
        ctx,
        session,
        category="ZH",
        slot=slot,
        name="Li Si",
        id_number=fifth[:-1] + ("1" if fifth[-1] == "0" else "0"),
    )
    assert wrong.issues[0].code == "id.check_digit"
    _refused("no-name", ap.book, ctx, session, category="ZH", slot=slot, name=" ", id_number=fifth)
    # Signed in offline (no token): refused without a call.
    offline = dataclasses.replace(session, access_token=None, offline=True)
    _refused("no-token", ap.categories, ctx, offline)
