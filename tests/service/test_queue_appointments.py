"""Appointments (issue 18): the website or 12345 (an integration credential) or a desk
books a half-day place of a queue category, within its capacity and the center's working
days and opening hours; the kiosk checks it in by code or ID card and gets a ticket;
no-shows are counted per applicant. On SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

from tests.helpers.hall_queue import MONDAY, Hall, hall_service, new_key
from tests.helpers.service_api import assert_problem, error_fields, valid_resident_id

TUESDAY = (MONDAY + timedelta(days=1)).date().isoformat()
SATURDAY = (MONDAY + timedelta(days=5)).date().isoformat()


def person(n: int) -> str:
    """The ID number of the ``n``-th test applicant (check digit computed)."""
    return valid_resident_id(f"11010519491231{n:03d}")


def booking(n: int, day: str = TUESDAY, half: str = "am", **extra: object) -> dict:
    body = {
        "id": new_key(),
        "category": "BDC",
        "day": day,
        "half": half,
        "name": "张三丰",
        "id_number": person(n),
        "phone": "13800138000",
        "source": "website",
    }
    body.update(extra)
    return body


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


def book(hall: Hall, token: str, body: dict):
    return hall.post("/appointments", token, body, key=body["id"])


def test_the_website_books_a_place_and_gets_a_code(hall: Hall) -> None:
    hall.set_time(MONDAY)
    website = hall.machine("integration", "市政务服务网")
    body = booking(1, half="pm")
    answer = book(hall, website, body)
    assert answer.status_code == 201, answer.text
    data = answer.json()
    appointment = data["appointment"]
    assert re.fullmatch(r"YY[0-9]{8}", appointment["code"])
    assert (appointment["category"], appointment["day"], appointment["half"]) == (
        "BDC",
        TUESDAY,
        "pm",
    )
    assert appointment["starts_at"] == f"{TUESDAY}T13:00:00+08:00"
    assert appointment["ends_at"] == f"{TUESDAY}T17:00:00+08:00"
    assert appointment["holder"] == "张** 110105********" + person(1)[-4:]
    assert appointment["phone"] == "138****8000"
    assert (appointment["status"], appointment["source"]) == ("booked", "website")
    assert (data["no_shows"], data["places_left"]) == (0, 3)  # BDC: 4 a half-day
    # A retry with the same key gets the same appointment, not a second place.
    again = book(hall, website, body)
    assert again.status_code == 201
    assert again.json()["appointment"]["code"] == appointment["code"]
    # The ID number is nowhere in the database: only its hash and the masked holder.
    stored = hall.sql(
        "SELECT id_hash, holder_masked FROM appointments WHERE code = :c", c=appointment["code"]
    )
    assert len(stored) == 1 and person(1) not in "".join(stored[0])
    assert len(stored[0][0]) == 64


def test_a_half_day_takes_as_many_as_the_categorys_capacity(hall: Hall) -> None:
    hall.set_time(MONDAY)
    hotline = hall.machine("integration", "12345热线")
    day = (MONDAY + timedelta(days=2)).date().isoformat()  # Wednesday
    for n in range(10, 14):
        answer = book(hall, hotline, booking(n, day=day, source="12345"))
        assert answer.status_code == 201, answer.text
    assert answer.json()["places_left"] == 0
    full = book(hall, hotline, booking(14, day=day, source="12345"))
    assert_problem(full, 409, "full")
    # The afternoon is another half-day with its own places.
    assert book(hall, hotline, booking(14, day=day, half="pm", source="12345")).status_code == 201


def test_no_appointment_when_the_center_is_closed(hall: Hall) -> None:
    website = hall.machine("integration", "市政务服务网")
    hall.set_time(MONDAY)
    assert_problem(book(hall, website, booking(20, day=SATURDAY)), 409, "closed")
    # 1 January 2027 is a statutory holiday (元旦), booked from the Monday before.
    hall.set_time(MONDAY + timedelta(days=28))
    assert_problem(book(hall, website, booking(20, day="2027-01-01")), 409, "closed")
    hall.set_time(MONDAY)
    # 企业开办 takes no appointments (capacity 0).
    assert_problem(book(hall, website, booking(20, category="QY")), 409, "closed")
    # Today's morning is over at 12:00; the afternoon still takes bookings.
    hall.set_time(MONDAY.replace(hour=12, minute=5))
    today = MONDAY.date().isoformat()
    assert_problem(book(hall, website, booking(20, day=today)), 409, "closed")
    assert book(hall, website, booking(20, day=today, half="pm")).status_code == 201
    assert hall.sql("SELECT count(*) FROM appointments WHERE day = :d", d=SATURDAY) == [(0,)]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"day": "2026-11-27"}, "day"),  # past
        ({"day": "2027-03-01"}, "day"),  # more than 30 days ahead
        ({"category": "NOPE"}, "category"),
        ({"id_number": "110105194912310021"}, "id_number"),  # wrong check digit
        ({"source": "desk"}, "source"),  # the website is not a desk
        ({"half": "night"}, "half"),
    ],
)
def test_a_bad_booking_names_its_field(hall: Hall, change: dict, field: str) -> None:
    hall.set_time(MONDAY)
    website = hall.machine("integration", "市政务服务网")
    problem = assert_problem(book(hall, website, booking(30, **change)), 422)
    assert field in error_fields(problem)


def test_one_place_per_applicant_category_and_day(hall: Hall) -> None:
    hall.set_time(MONDAY)
    website = hall.machine("integration", "市政务服务网")
    day = (MONDAY + timedelta(days=3)).date().isoformat()
    assert book(hall, website, booking(40, day=day)).status_code == 201
    assert_problem(book(hall, website, booking(40, day=day, half="pm")), 409, "already-booked")


def test_a_desk_books_for_the_applicant_and_the_kiosk_may_not(hall: Hall) -> None:
    hall.set_time(MONDAY)
    clerk = hall.token("demo-clerk", "W01")
    day = (MONDAY + timedelta(days=4)).date().isoformat()
    assert_problem(book(hall, clerk, booking(50, day=day)), 422)  # source website
    answer = book(hall, clerk, booking(50, day=day, source="desk", category="GA"))
    assert answer.status_code == 201, answer.text
    assert answer.json()["appointment"]["source"] == "desk"
    kiosk = hall.machine("kiosk", "appointments kiosk")
    assert_problem(book(hall, kiosk, booking(51, day=day)), 403)
    assert_problem(book(hall, hall.token("demo-lead"), booking(51, day=day)), 403)


def test_missed_appointments_are_counted_per_applicant(hall: Hall) -> None:
    website = hall.machine("integration", "市政务服务网")
    hall.set_time(MONDAY)
    today = MONDAY.date().isoformat()
    first = book(hall, website, booking(60, day=today, category="ZH"))
    assert first.status_code == 201 and first.json()["no_shows"] == 0
    # Not checked in by noon: a no-show, counted at the applicant's next booking.
    hall.set_time(MONDAY.replace(hour=12))
    second = book(hall, website, booking(60, day=TUESDAY, category="ZH"))
    assert second.status_code == 201, second.text
    assert second.json()["no_shows"] == 1
    # Another applicant's record is their own.
    other = book(hall, website, booking(61, day=TUESDAY, category="ZH"))
    assert other.json()["no_shows"] == 0


# --- check-in at the kiosk ----------------------------------------------------------------


def check_in(hall: Hall, code: str, id_number: str | None = None, key: str | None = None):
    body: dict[str, object] = {"id": key or new_key()}
    if id_number is not None:
        body["id_number"] = id_number
    kiosk = hall.machine("kiosk", "大厅取号机1")
    return hall.post(f"/appointments/{code}/check-in", kiosk, body, key=str(body["id"]))


def test_the_kiosk_checks_in_by_code_and_the_ticket_goes_first_at_its_slot(hall: Hall) -> None:
    website = hall.machine("integration", "市政务服务网")
    hall.set_time(MONDAY)
    today = MONDAY.date().isoformat()
    booked = book(hall, website, booking(70, day=today, half="pm", category="ZH"))
    code = booked.json()["appointment"]["code"]
    kiosk = hall.machine("kiosk", "大厅取号机1")
    ordinary = {"id": new_key(), "category": "ZH"}
    early = hall.post("/queue/tickets", kiosk, ordinary, key=ordinary["id"])
    assert early.status_code == 201, early.text

    hall.set_time(MONDAY.replace(hour=10, minute=5))
    key = new_key()
    answer = check_in(hall, code, key=key)
    assert answer.status_code == 201, answer.text
    data = answer.json()
    assert data["appointment"]["status"] == "checked_in"
    assert data["appointment"]["ticket_id"] == data["ticket"]["id"] == key
    ticket = data["ticket"]
    assert ticket["category"] == "ZH" and ticket["number"].startswith("A")
    assert ticket["appointment_code"] == code
    assert data["people_ahead"] == 1  # the afternoon has not begun: behind the early one
    assert check_in(hall, code, key=key).json() == data  # a retry: the same ticket
    assert_problem(check_in(hall, code), 409, "checked-in")

    # The morning's ticket is called first; after 13:00 the appointment's turn comes
    # before an ordinary ticket taken earlier.
    clerk = hall.token("demo-clerk-w05", "W05")
    first = hall.post("/queue/next", clerk, {})
    assert first.json()["ticket"]["number"] == early.json()["ticket"]["number"]
    number = first.json()["ticket"]["number"]
    finish = hall.post(f"/queue/tickets/{number}/finish", clerk, {}, key=new_key())
    assert finish.status_code == 200, finish.text
    hall.set_time(MONDAY.replace(hour=12, minute=30))
    later = {"id": new_key(), "category": "ZH"}
    assert hall.post("/queue/tickets", kiosk, later, key=later["id"]).status_code == 201
    hall.set_time(MONDAY.replace(hour=13, minute=1))
    second = hall.post("/queue/next", clerk, {})
    assert second.status_code == 200, second.text
    assert second.json()["ticket"]["number"] == ticket["number"]


def test_the_kiosk_checks_in_by_the_id_card(hall: Hall) -> None:
    website = hall.machine("integration", "市政务服务网")
    hall.set_time(MONDAY)
    today = MONDAY.date().isoformat()
    assert book(hall, website, booking(80, day=today)).status_code == 201
    hall.set_time(MONDAY.replace(hour=9, minute=45))
    assert_problem(check_in(hall, "by-id", person(81)), 404)  # nobody booked
    problem = assert_problem(check_in(hall, "by-id"), 422)
    assert error_fields(problem) == {"id_number"}
    answer = check_in(hall, "by-id", person(80))
    assert answer.status_code == 201, answer.text
    assert answer.json()["ticket"]["category"] == "BDC"
    assert answer.json()["ticket"]["number"].startswith("C")
    code = answer.json()["appointment"]["code"]
    problem = assert_problem(check_in(hall, code, person(80)), 422)
    assert error_fields(problem) == {"id_number"}
    # The ID number is not stored with the ticket either: only its hash.
    rows = hall.sql("SELECT id_hash FROM queue_tickets WHERE appointment_code = :c", c=code)
    assert len(rows) == 1 and rows[0][0] and person(80) not in rows[0][0]


def test_a_missed_or_other_days_appointment_is_not_checked_in(hall: Hall) -> None:
    website = hall.machine("integration", "市政务服务网")
    hall.set_time(MONDAY)
    today = MONDAY.date().isoformat()
    morning = book(hall, website, booking(90, day=today, category="GA"))
    tomorrow = book(hall, website, booking(91, category="GA"))
    assert_problem(check_in(hall, tomorrow.json()["appointment"]["code"]), 409, "not-today")
    assert_problem(check_in(hall, "YY00000000"), 404)
    hall.set_time(MONDAY.replace(hour=12, minute=1))
    code = morning.json()["appointment"]["code"]
    assert_problem(check_in(hall, code), 409, "missed")
    assert_problem(check_in(hall, "by-id", person(90)), 404)
    clerk = hall.token("demo-clerk", "W01")
    assert_problem(hall.post(f"/appointments/{code}/check-in", clerk, {"id": new_key()}), 403)


def test_concurrent_bookings_never_overfill_a_half_day(hall: Hall) -> None:
    """Eight applicants book the four places of a half-day at once: four get one."""
    hall.set_time(MONDAY)
    website = hall.machine("integration", "市政务服务网")
    day = (MONDAY + timedelta(days=7)).date().isoformat()
    bodies = [booking(100 + n, day=day) for n in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda body: book(hall, website, body), bodies))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] * 4 + [409] * 4, [a.text for a in answers]
    for answer in answers:
        if answer.status_code == 409:
            assert_problem(answer, 409, "full")
    held = hall.sql("SELECT count(*) FROM appointments WHERE day = :d", d=date.fromisoformat(day))
    assert held == [(4,)]
