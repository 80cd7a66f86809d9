"""The center's opening hours are a setting (``queue_opening_hours``, issue 18): a center
open 08:30–12:30 and 13:30–17:30 books the morning until 12:30, says its own hours when a
half-day is over, and puts an appointment's ticket first from 13:30, not 13:00. A badly
written setting names itself. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from records_service.queue_appointments import OPENING_HOURS, parse_hours
from records_service.settings import Settings, SettingsError
from tests.helpers.hall_queue import MONDAY, Hall, new_key
from tests.helpers.local_service import Clock, local_service
from tests.helpers.service_api import assert_problem, valid_resident_id

HOURS = {"am": "08:30-12:30", "pm": "13:30-17:30"}
TODAY = MONDAY.date().isoformat()


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    database = demo_databases.new()
    with local_service(
        database, Clock(MONDAY), idle_minutes=0, queue_opening_hours=HOURS
    ) as service:
        yield Hall(service)


def _book(hall: Hall, n: int, half: str):
    body = {
        "id": new_key(),
        "category": "ZH",
        "day": TODAY,
        "half": half,
        "name": "张三丰",
        "id_number": valid_resident_id(f"11010519491231{n:03d}"),
        "phone": "13800138000",
        "source": "website",
    }
    return hall.post("/appointments", hall.machine("integration", "网站"), body, key=body["id"])


def test_appointments_follow_the_centers_own_hours(hall: Hall) -> None:
    hall.set_time(MONDAY.replace(hour=12, minute=10))  # closed at 12:00 by default
    morning = _book(hall, 1, "am")
    assert morning.status_code == 201, morning.text
    slot = morning.json()["appointment"]
    assert (slot["starts_at"][11:16], slot["ends_at"][11:16]) == ("08:30", "12:30")
    hall.set_time(MONDAY.replace(hour=12, minute=31))
    late = _book(hall, 2, "am")
    assert_problem(late, 409, "closed")
    assert "08:30–12:30" in late.json()["detail"]

    # The afternoon's appointment goes first from 13:30.
    afternoon = _book(hall, 3, "pm")
    assert afternoon.json()["appointment"]["starts_at"][11:16] == "13:30"
    kiosk = hall.machine("kiosk", "取号机")
    ordinary = {"id": new_key(), "category": "ZH"}
    assert hall.post("/queue/tickets", kiosk, ordinary, key=ordinary["id"]).status_code == 201
    code = afternoon.json()["appointment"]["code"]
    check_in = {"id": new_key()}
    checked = hall.post(f"/appointments/{code}/check-in", kiosk, check_in, key=check_in["id"])
    assert checked.status_code == 201, checked.text
    booked_number = checked.json()["ticket"]["number"]
    clerk = hall.token("demo-clerk-w05", "W05")
    hall.set_time(MONDAY.replace(hour=13, minute=15))
    first = hall.post("/queue/next", clerk, {}).json()["ticket"]
    assert first["number"] != booked_number and first["appointment_code"] is None
    finish = hall.post(f"/queue/tickets/{first['number']}/finish", clerk, {}, key=new_key())
    assert finish.status_code == 200, finish.text
    hall.set_time(MONDAY.replace(hour=13, minute=31))
    more = {"id": new_key(), "category": "ZH"}
    hall.post("/queue/tickets", kiosk, more, key=more["id"])
    assert hall.post("/queue/next", clerk, {}).json()["ticket"]["number"] == booked_number


@pytest.mark.parametrize(
    "value",
    ['{"am": "9:00-12:00"}', '{"pm": "11:00-17:00"}', '{"am": "12:00-09:00"}', '{"eve": "x"}'],
)
def test_opening_hours_written_wrong_are_named(value: str) -> None:
    with pytest.raises(SettingsError, match="CLERK_QUEUE_OPENING_HOURS"):
        Settings.load({"CLERK_QUEUE_OPENING_HOURS": value})
    default = Settings.load({}).queue_opening_hours
    assert default == {"am": "09:00-12:00", "pm": "13:00-17:00"}
    assert parse_hours(default) == OPENING_HOURS  # the service's default is the setting's
