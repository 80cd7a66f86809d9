"""Cancelling an appointment (issue 18, ``POST /appointments/{code}/cancel``): the website
or 12345 cancels one it booked, a desk cancels for the applicant showing their ID card;
the place is free again and the lead's queue figures count it cancelled; once checked in
it stays. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.hall_queue import MONDAY, Hall, hall_service, new_key
from tests.helpers.service_api import assert_problem, error_fields, valid_resident_id

TODAY = MONDAY.date().isoformat()


def person(n: int) -> str:
    return valid_resident_id(f"11010519491231{n:03d}")


def booking(n: int, category: str = "BDC", source: str = "website") -> dict:
    return {
        "id": new_key(),
        "category": category,
        "day": TODAY,
        "half": "pm",
        "name": "李四",
        "id_number": person(n),
        "phone": "13800138000",
        "source": source,
    }


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


def book(hall: Hall, token: str, body: dict) -> str:
    answer = hall.post("/appointments", token, body, key=body["id"])
    assert answer.status_code == 201, answer.text
    return answer.json()["appointment"]["code"]


def cancel(hall: Hall, token: str, code: str, **body: object):
    return hall.post(f"/appointments/{code}/cancel", token, body)


def cancelled_today(hall: Hall) -> int:
    answer = hall.get("/workload/queue", hall.token("demo-admin"), **{"from": TODAY, "to": TODAY})
    assert answer.status_code == 200, answer.text
    return answer.json()["appointments"]["cancelled"]


def test_the_website_cancels_its_booking_and_the_place_is_free_again(hall: Hall) -> None:
    hall.set_time(MONDAY)
    website = hall.machine("integration", "市政务服务网")
    hotline = hall.machine("integration", "12345热线")
    before = cancelled_today(hall)
    body = booking(1)
    code = book(hall, website, body)
    # Another integration cannot cancel it: the same answer as an unknown code.
    assert_problem(cancel(hall, hotline, code), 404, "not-found")
    answer = cancel(hall, website, code, reason="行程有变")
    assert answer.status_code == 200, answer.text
    assert answer.json()["appointment"]["status"] == "cancelled"
    assert_problem(cancel(hall, website, code), 409, "cancelled")
    assert cancelled_today(hall) == before + 1
    # The holder may book that half-day again (the cancelled one holds no place).
    again = book(hall, website, {**body, "id": new_key()})
    assert again != code
    # ... and the kiosk refuses to check the cancelled one in.
    kiosk = hall.machine("kiosk", "大厅取号机1")
    check_in = {"id": new_key()}
    refused = hall.post(f"/appointments/{code}/check-in", kiosk, check_in, key=check_in["id"])
    assert_problem(refused, 409, "cancelled")
    audit = hall.sql(
        "SELECT actor FROM audit_records WHERE action = 'appointment.cancel' AND target = :c",
        c=code,
    )
    assert audit == [("integration:市政务服务网",)]


def test_a_desk_cancels_for_the_applicant_with_their_id_card(hall: Hall) -> None:
    hall.set_time(MONDAY)
    website = hall.machine("integration", "市政务服务网")
    code = book(hall, website, booking(2))
    clerk = hall.token("demo-clerk", "W01")
    missing = cancel(hall, clerk, code)
    assert missing.status_code == 422 and "id_number" in error_fields(missing.json())
    # Someone else's ID card: no such appointment for them.
    assert_problem(cancel(hall, clerk, code, id_number=person(3)), 404, "not-found")
    answer = cancel(hall, clerk, code, id_number=person(2))
    assert answer.status_code == 200, answer.text
    assert answer.json()["appointment"]["status"] == "cancelled"
    stored = hall.sql("SELECT status, cancelled_at FROM appointments WHERE code = :c", c=code)
    assert stored[0][0] == "cancelled" and stored[0][1] is not None


def test_a_checked_in_appointment_is_not_cancelled_and_a_kiosk_cannot_cancel(
    hall: Hall,
) -> None:
    hall.set_time(MONDAY)
    website = hall.machine("integration", "市政务服务网")
    code = book(hall, website, booking(4, category="ZH"))
    kiosk = hall.machine("kiosk", "大厅取号机1")
    assert cancel(hall, kiosk, code).status_code == 403
    check_in = {"id": new_key()}
    checked = hall.post(f"/appointments/{code}/check-in", kiosk, check_in, key=check_in["id"])
    assert checked.status_code == 201, checked.text
    assert_problem(cancel(hall, website, code), 409, "checked-in")
    clerk = hall.token("demo-clerk", "W01")
    assert_problem(cancel(hall, clerk, code, id_number=person(4)), 409, "checked-in")
    status = hall.sql("SELECT status FROM appointments WHERE code = :c", c=code)
    assert status == [("checked_in",)]
