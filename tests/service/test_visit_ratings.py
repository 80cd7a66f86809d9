"""POST /visits/ratings (issue 18): one rating per visit (一次一评) — the ticket served and
every case served in the visit; a second rating of the visit is refused, and so is a
case's own rating (``POST /cases/{case_no}/rating``, which stays for a visit without a
ticket). On SQLite and PostgreSQL, through the queue's own routes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from tests.helpers.hall_queue import MONDAY, Hall, hall_service, new_key
from tests.helpers.service_api import assert_problem, case_body, error_fields


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


def served(hall: Hall, case_nos: list[str], window: str = "W01") -> str:
    """A 公安 ticket issued at the kiosk, called at ``window`` and finished with
    ``case_nos``; its number."""
    kiosk = hall.machine("kiosk", "ratings kiosk")
    ticket = {"id": new_key(), "category": "GA"}
    issued = hall.post("/queue/tickets", kiosk, ticket, key=ticket["id"])
    assert issued.status_code == 201, issued.text
    clerk = hall.token("demo-clerk", window)
    called = hall.post("/queue/next", clerk, {})
    assert called.status_code == 200, called.text
    number = called.json()["ticket"]["number"]
    assert number == issued.json()["ticket"]["number"]
    finished = hall.post(
        f"/queue/tickets/{number}/finish", clerk, {"case_nos": case_nos}, key=new_key()
    )
    assert finished.status_code == 200, finished.text
    return number


def new_case(hall: Hall) -> str:
    body = case_body(window_code="W01")
    answer = hall.post("/cases", hall.token("demo-clerk", "W01"), body, key=body["id"])
    assert answer.status_code == 201, answer.text
    return body["case_no"]


def rating(score: int = 5, **fields: object) -> dict:
    body = {
        "id": str(uuid.uuid4()),
        "score": score,
        "comment": "",
        "rated_at": MONDAY.isoformat(),
        "clerk": "demo-clerk",
    }
    body.update(fields)
    return body


def rate(hall: Hall, body: dict, token: str | None = None):
    token = token or hall.token("demo-clerk", "W01")
    return hall.post("/visits/ratings", token, body, key=body["id"])


def test_a_ticket_and_its_case_are_rated_once(hall: Hall) -> None:
    hall.set_time(MONDAY)
    case_no = new_case(hall)
    number = served(hall, [case_no])
    body = rating(2, ticket=number, comment="等太久")
    answer = rate(hall, body)
    assert answer.status_code == 201, answer.text
    visit = answer.json()["rating"]
    assert (visit["ticket"], visit["case_nos"], visit["score"]) == (number, [case_no], 2)
    assert visit["bad"] is True and visit["window_code"] == "W01"
    assert visit["rating_ids"] == [body["id"]]
    # The retry of the same request gets the same answer; another rating is refused.
    assert rate(hall, body).json() == answer.json()
    assert_problem(rate(hall, rating(5, ticket=number)), 409, "already-rated")
    # ... and so is the case's own rating: the visit has its one rating.
    own = rating(5)
    case_rating = hall.post(
        f"/cases/{case_no}/rating", hall.token("demo-clerk", "W01"), own, key=own["id"]
    )
    assert_problem(case_rating, 409, "already-rated")
    assert hall.sql(
        "SELECT r.score, r.bad FROM ratings r JOIN cases c ON c.id = r.case_id "
        "WHERE c.case_no = :n",
        n=case_no,
    ) == [(2, True)]
    assert hall.sql(
        "SELECT rated FROM queue_tickets WHERE number = :n AND day = :d",
        n=number,
        d=MONDAY.date(),
    ) == [(True,)]
    # A bad rating waits for its follow-up like any other (差评回访).
    bad = hall.get("/ratings/bad", hall.token("demo-lead"), followed_up="false").json()
    assert case_no in {item["case_no"] for item in bad["items"]}


def window_ratings(hall: Hall, window: str = "W01") -> tuple[int, float | None]:
    """The window's rating count and average score on MONDAY (``GET /workload``)."""
    day = MONDAY.date().isoformat()
    answer = hall.get("/workload", hall.token("demo-lead"), **{"from": day, "to": day})
    assert answer.status_code == 200, answer.text
    (item,) = [i for i in answer.json()["items"] if i["group"] == window]
    return item["ratings"], item["average_score"]


def test_a_ticket_served_without_a_case_is_rated_too(hall: Hall) -> None:
    hall.set_time(MONDAY)
    before, _ = window_ratings(hall)
    number = served(hall, [])
    body = rating(1, ticket=number, comment="等了一上午")
    answer = rate(hall, body)
    assert answer.status_code == 201, answer.text
    assert answer.json()["rating"]["case_nos"] == []
    assert answer.json()["rating"]["rating_ids"] == [body["id"]]
    assert_problem(rate(hall, rating(5, ticket=number)), 409, "already-rated")
    # Stored as a rating of the ticket, with no case (migration 0016).
    assert hall.sql(
        "SELECT r.case_id, r.score, r.bad, r.window_code FROM ratings r "
        "JOIN queue_tickets t ON t.id = r.ticket_id WHERE t.number = :n AND t.day = :d",
        n=number,
        d=MONDAY.date(),
    ) == [(None, 1, True, "W01")]
    # Counted in the window's rating figures ...
    after, average = window_ratings(hall)
    assert after == before + 1 and average is not None
    # ... and, being bad, listed for its follow-up by its ticket, which the lead records.
    lead = hall.token("demo-lead")
    bad = hall.get("/ratings/bad", lead, followed_up="false").json()["items"]
    (item,) = [i for i in bad if i["id"] == body["id"]]
    assert (item["case_no"], item["ticket"], item["window_code"]) == (None, number, "W01")
    followed = hall.post(f"/ratings/{body['id']}/follow-up", lead, {"note": "已回访致歉"})
    assert followed.status_code == 200, followed.text
    assert followed.json()["rating"]["ticket"] == number
    assert followed.json()["rating"]["followed_up_at"] is not None
    # The supervisor raises a complaint from it: about the window's clerk, no case.
    complaint = {
        "channel": "rating",
        "rating_id": body["id"],
        "complainant_name": "李四",
        "complainant_contact": "13900139000",
        "about_kind": "clerk",
        "category": "delay",
        "account": "等了一上午",
    }
    taken = hall.post(
        "/complaints", hall.token("demo-supervisor"), complaint, key=str(uuid.uuid4())
    )
    assert taken.status_code == 201, taken.text
    about = taken.json()["complaint"]
    assert (about["about_clerk"], about["about_window"], about["about_case_no"]) == (
        "demo-clerk",
        "W01",
        None,
    )


def test_a_visit_without_a_ticket_rates_every_case_served(hall: Hall) -> None:
    hall.set_time(MONDAY)
    first, second = new_case(hall), new_case(hall)
    answer = rate(hall, rating(5, case_nos=[first, second]))
    assert answer.status_code == 201, answer.text
    ids = answer.json()["rating"]["rating_ids"]
    assert len(ids) == len(set(ids)) == 2
    rows = hall.sql(
        "SELECT c.case_no, r.score FROM ratings r JOIN cases c ON c.id = r.case_id "
        "WHERE c.case_no IN (:a, :b) ORDER BY c.case_no",
        a=first,
        b=second,
    )
    assert rows == sorted([(first, 5), (second, 5)])
    assert_problem(rate(hall, rating(3, case_nos=[second])), 409, "already-rated")


def test_what_is_not_the_callers_visit_is_refused(hall: Hall) -> None:
    hall.set_time(MONDAY)
    number = served(hall, [])
    # Another window's clerk: the ticket is not theirs (like an unknown one).
    other = hall.token("demo-clerk-w03", "W03")
    assert_problem(rate(hall, rating(ticket=number, clerk="demo-clerk-w03"), other), 404)
    assert_problem(rate(hall, rating(ticket="B999")), 404)
    # A case of another window is out of reach.
    assert_problem(
        rate(hall, rating(case_nos=[new_case(hall)], clerk="demo-clerk-w03"), other), 404
    )
    problem = assert_problem(rate(hall, rating()), 422)  # neither a ticket nor a case
    assert error_fields(problem) == {"ticket"}
    problem = assert_problem(rate(hall, rating(ticket=number, clerk="demo-clerk-w05")), 422)
    assert error_fields(problem) == {"clerk"}
    assert_problem(rate(hall, rating(ticket=number), hall.token("demo-lead")), 403)
    # None of it rated the ticket: its own clerk still can.
    assert rate(hall, rating(ticket=number)).status_code == 201


def test_a_rating_sent_the_next_day_rates_the_ticket_of_its_day(hall: Hall) -> None:
    """The desk queues the rating in its outbox; cut off, it reaches the center later."""
    hall.set_time(MONDAY.replace(hour=15))
    number = served(hall, [])
    hall.set_time(MONDAY.replace(hour=15) + timedelta(days=1))
    hall.tokens.clear()  # the clerk signs in again the next day
    late = rating(5, ticket=number, rated_at=MONDAY.replace(hour=15, minute=5).isoformat())
    answer = rate(hall, late)
    assert answer.status_code == 201, answer.text
    assert answer.json()["rating"]["rated_at"] == MONDAY.replace(hour=15, minute=5).isoformat()
    rows = hall.sql("SELECT day, rated FROM queue_tickets WHERE number = :n", n=number)
    assert (MONDAY.date(), True) in [(date.fromisoformat(str(d)[:10]), r) for d, r in rows]
