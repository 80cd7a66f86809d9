"""The hall's queue against a real records service (issue 18, ``routers.queue``), on
SQLite and PostgreSQL: a kiosk issues tickets, windows call them, the hall screen reads
the calls, an applicant follows a ticket by its code; bad input gets a clear 4xx."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from tests.helpers.queue_api import (
    MORNING,
    Category,
    QueueHall,
    queue_hall,
    reset_queue,
    set_categories,
)
from tests.helpers.service_api import valid_resident_id

OPEN = MORNING + timedelta(minutes=30)  # 09:00


@pytest.fixture(scope="module")
def running(demo_databases):
    with queue_hall(demo_databases, OPEN) as hall:
        yield hall


@pytest.fixture
def hall(running: QueueHall) -> QueueHall:
    reset_queue(running, OPEN)
    set_categories(
        running,
        [
            Category("QX", "X", ("W01", "W02"), daily_limit_per_id=2),
            Category("QY", "Y", ("W03",)),
            Category("QZ", "Z", ("W04",)),
        ],
    )
    return running


def test_kiosk_tickets_are_numbered_counted_and_sent_once(hall: QueueHall) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    first = hall.issued(kiosk, "QX")
    assert first["ticket"]["number"] == "X001" and first["people_ahead"] == 0
    assert first["ticket"]["status"] == "waiting" and len(first["query_code"]) == 6
    second_id = "5a0c56c3-8e0b-4b5e-9d53-5ef1b7a1c002"
    second = hall.ticket(kiosk, "QX", id=second_id)
    assert second.status_code == 201 and second.json()["ticket"]["number"] == "X002"
    assert second.json()["people_ahead"] == 1
    # The kiosk resends after a lost answer: the same ticket, not a third.
    again = hall.ticket(kiosk, "QX", id=second_id)
    assert again.status_code == 201 and again.headers.get("Idempotency-Replayed") == "true"
    assert again.json() == second.json()
    assert hall.issued(kiosk, "QY")["ticket"]["number"] == "Y001"  # per category
    categories = hall.get("/queue/categories", kiosk).json()["items"]
    assert {c["code"]: c["waiting"] for c in categories} == {"QX": 2, "QY": 1, "QZ": 0}


def test_an_id_number_takes_at_most_the_daily_limit_and_is_never_stored(hall: QueueHall) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    person = valid_resident_id("11010519491231002")
    hall.issued(kiosk, "QX", id_number=person)
    hall.issued(kiosk, "QX", id_number=person.lower())
    third = hall.ticket(kiosk, "QX", id_number=person)
    assert third.status_code == 409 and third.json()["type"].endswith("/daily-limit")
    assert "2" in third.json()["detail"]
    assert hall.ticket(kiosk, "QY", id_number=person).status_code == 201  # another category
    hashes = {row[0] for row in hall.sql("SELECT id_hash FROM queue_tickets")}
    assert len(hashes) == 1 and person not in str(hashes) and person[-6:] not in str(hashes)


def test_a_window_calls_priority_first_then_by_issue_time(hall: QueueHall) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    for minutes, priority in ((0, ""), (1, ""), (2, "elderly"), (3, "")):
        hall.at(OPEN + timedelta(minutes=minutes))
        hall.issued(kiosk, "QX", priority_class=priority)
    hall.at(OPEN + timedelta(minutes=5))
    called = []
    for window in ("W01", "W02"):
        answer = hall.next(window)
        assert answer.status_code == 200, answer.text
        called.append((window, answer.json()["ticket"]["number"]))
        assert answer.json()["call"]["window_code"] == window
    assert called == [("W01", "X003"), ("W02", "X001")]
    # The window still has X003: finish it before the next.
    busy = hall.next("W01")
    assert busy.status_code == 409 and busy.json()["current"] == "X003"
    done = hall.act("W01", "X003", "finish", {"case_nos": ["HS-W01-20261130-000001"]})
    assert done.status_code == 200, done.text
    assert done.json()["ticket"]["status"] == "done"
    assert done.json()["ticket"]["case_nos"] == ["HS-W01-20261130-000001"]
    # 40 minutes on, X004 has waited past the limit: it goes before a new elderly ticket.
    hall.at(OPEN + timedelta(minutes=40))
    hall.issued(kiosk, "QX", priority_class="elderly")
    assert hall.next("W01").json()["ticket"]["number"] == "X002"
    assert hall.act("W01", "X002", "no-show").json()["ticket"]["status"] == "no_show"
    assert hall.next("W01").json()["ticket"]["number"] == "X004"


def test_the_hall_screen_follows_calls_and_recalls(hall: QueueHall) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    screen = hall.enrol("display", "大厅屏")
    start = hall.get("/queue/calls", screen, wait=0)
    assert start.status_code == 200 and start.json() == {"items": [], "next": 0}
    hall.issued(kiosk, "QX")
    hall.issued(kiosk, "QY")
    hall.next("W01")
    hall.next("W03")
    assert hall.act("W01", "x1", "recall").json()["call"]["kind"] == "recall"
    calls = hall.get("/queue/calls", screen, after=0, wait=0).json()
    assert [(c["number"], c["window_code"], c["kind"]) for c in calls["items"]] == [
        ("X001", "W01", "call"),
        ("Y001", "W03", "call"),
        ("X001", "W01", "recall"),
    ]
    later = hall.get("/queue/calls", screen, after=calls["next"], wait=0).json()
    assert later == {"items": [], "next": calls["next"]}
    latest = hall.get("/queue/calls", screen, limit=2).json()["items"]
    assert [c["kind"] for c in latest] == ["call", "recall"]


def test_a_waiting_hall_screen_gets_the_call_as_it_is_made(hall: QueueHall) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    screen = hall.enrol("display", "大厅屏")
    hall.issued(kiosk, "QX")
    cursor = hall.get("/queue/calls", screen).json()["next"]
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        polled = pool.submit(hall.get, "/queue/calls", screen, after=cursor, wait=20)
        assert hall.next("W01").status_code == 200
        answer = polled.result(timeout=30)
    assert answer.status_code == 200
    assert [c["number"] for c in answer.json()["items"]] == ["X001"]
    assert time.monotonic() - started < 15  # answered by the call, not by the time limit


def test_an_applicant_follows_the_ticket_with_its_code(hall: QueueHall) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    hall.issued(kiosk, "QX")
    mine = hall.issued(kiosk, "QX")
    number, code = mine["ticket"]["number"], mine["query_code"]
    public = hall.get(f"/queue/tickets/{number}", None, code=code)
    assert public.status_code == 200, public.text
    assert public.json()["people_ahead"] == 1 and public.json()["status"] == "waiting"
    assert "id_hash" not in public.text and "kiosk" not in public.json()
    wrong = "000000" if code != "000000" else "111111"
    for bad in (
        hall.get(f"/queue/tickets/{number}", None, code=wrong),
        hall.get("/queue/tickets/X099", None, code=code),
    ):
        assert bad.status_code == 404 and bad.json()["detail"] == (
            "No ticket today with this number and code."
        )
    hall.next("W01")
    hall.act("W01", "X001", "finish")
    hall.next("W02")
    followed = hall.get(f"/queue/tickets/{number}", None, code=code).json()
    assert (followed["status"], followed["window_code"]) == ("called", "W02")
    moved = hall.act("W02", number, "transfer", {"category": "QY"})
    assert moved.status_code == 200, moved.text
    followed = hall.get(f"/queue/tickets/{number}", None, code=code).json()
    assert (followed["status"], followed["transferred_to"]) == ("transferred", "Y001")
    # The new number keeps the code printed on the ticket.
    assert hall.get("/queue/tickets/Y001", None, code=code).json()["status"] == "waiting"


def test_a_transfer_keeps_the_tickets_place(hall: QueueHall) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    hall.issued(kiosk, "QX")  # X001, 09:00
    hall.at(OPEN + timedelta(minutes=5))
    hall.issued(kiosk, "QY")  # Y001, 09:05
    hall.at(OPEN + timedelta(minutes=10))
    hall.next("W01")
    moved = hall.act("W01", "X001", "transfer", {"category": "QY"}).json()
    assert moved["transferred"]["status"] == "transferred"
    assert (moved["ticket"]["number"], moved["ticket"]["transferred_from"]) == ("Y002", "X001")
    assert moved["ticket"]["issued_at"] == moved["transferred"]["issued_at"]
    # Y002 was issued at 09:00 (its first ticket's time): it goes before Y001.
    assert hall.next("W03").json()["ticket"]["number"] == "Y002"
    hall.act("W03", "Y002", "finish")
    # A transfer to a window: only that window calls it.
    hall.next("W03")
    to_window = hall.act("W03", "Y001", "transfer", {"window": "W04"}).json()["ticket"]
    assert (to_window["number"], to_window["category"], to_window["window_code"]) == (
        "Z001",
        "QZ",
        "W04",
    )
    assert hall.next("W04").json()["ticket"]["number"] == "Z001"


def test_bad_calls_get_a_clear_answer(hall: QueueHall) -> None:
    kiosk = hall.enrol("kiosk", "自助机1")
    hall.issued(kiosk, "QX")
    hall.issued(kiosk, "QY")
    typo = hall.next("W01", "X1234")
    assert typo.status_code == 422 and "not a ticket number" in typo.text
    unknown_letter = hall.next("W01", "Q5")
    assert unknown_letter.status_code == 422 and "letter Q" in unknown_letter.text
    other = hall.next("W01", "Y001")
    assert other.status_code == 409 and other.json()["type"].endswith("/not-served")
    assert "does not serve" in other.json()["detail"]
    missing = hall.next("W01", "X050")
    assert missing.status_code == 404
    assert hall.next("W01", "x 1").json()["ticket"]["number"] == "X001"
    # A transfer to a paused window, or to one serving nothing, is refused.
    hall.sql(
        "INSERT INTO window_pauses (window_code, center_code, paused_at, reason, by_user) "
        "VALUES ('W03', 'HS', :at, '午休', 'demo-clerk')",
        at=OPEN.replace(tzinfo=None) - timedelta(hours=8),
    )
    for target in ("W03", "W06"):
        closed = hall.act("W01", "X001", "transfer", {"window": target})
        assert closed.status_code == 409 and closed.json()["type"].endswith("/window-closed")
    nowhere = hall.act("W01", "X001", "transfer", {})
    assert nowhere.status_code == 422
    assert hall.next("W03").json()["type"].endswith("/window-paused")
    # Another window's ticket, a wrong window in the body, a ticket nobody called.
    assert hall.act("W02", "X001", "finish").status_code == 409
    wrong_window = hall.post("/queue/next", hall.desk("W02"), {"window": "W01"})
    assert wrong_window.status_code == 403
    assert hall.act("W01", "Y001", "no-show").status_code == 409
    # Nobody waiting for W04.
    assert hall.next("W04").json()["type"].endswith("/none-waiting")


def test_offline_tickets_from_a_kiosk_block_reach_the_service_once(hall: QueueHall) -> None:
    kiosk, other = hall.enrol("kiosk", "自助机1"), hall.enrol("kiosk", "自助机2")
    printed = (OPEN - timedelta(minutes=10)).isoformat()
    body = {"offline_number": "X800", "issued_at": printed, "query_code": "123456"}
    # The window calls X801 by its number while the kiosk is still cut off.
    called = hall.next("W01", "X801")
    assert called.status_code == 200, called.text
    assert called.json()["ticket"]["offline"] is True
    first = hall.ticket(kiosk, "QX", **body)
    assert first.status_code == 201, first.text
    assert first.json()["ticket"]["number"] == "X800"
    ticket_id = first.json()["ticket"]["id"]
    assert hall.ticket(kiosk, "QX", id=ticket_id, **body).json() == first.json()  # resent
    # The link returns: X801 joins the ticket the window called.
    late = hall.issued(kiosk, "QX", offline_number="X801", issued_at=printed, query_code="654321")
    assert late["ticket"]["status"] == "called" and late["ticket"]["window_code"] == "W01"
    rows = hall.sql("SELECT number, status FROM queue_tickets ORDER BY number")
    assert rows == [("X800", "waiting"), ("X801", "called")]
    # Another kiosk set to the same block, an online number, a time in the future.
    clash = hall.ticket(other, "QX", offline_number="X850", issued_at=printed)
    assert clash.status_code == 409 and clash.json()["type"].endswith("/offline-block-taken")
    assert hall.ticket(other, "QX", offline_number="X900", issued_at=printed).status_code == 201
    online = hall.ticket(kiosk, "QX", offline_number="X012", issued_at=printed)
    assert online.status_code == 422 and "800 to 999" in online.text
    future = (OPEN + timedelta(hours=1)).isoformat()
    assert hall.ticket(kiosk, "QX", offline_number="X802", issued_at=future).status_code == 422
    assert hall.ticket(kiosk, "QX", offline_number="Y802", issued_at=printed).status_code == 422
    # Online numbering goes on from 001, untouched by the offline blocks.
    assert hall.issued(kiosk, "QX")["ticket"]["number"] == "X001"
