"""Complaints and supervision (issue 19), tried as the people would, on SQLite and
PostgreSQL: the supervisor raises a complaint from a bad rating, assigns it, the department
answers late (escalated, red), the supervisor calls back and closes it; the clerk named in it
never sees it. Bad input is refused with a clear message and nothing written. Cards and
model windows."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from tests.helpers.hall_queue import CST, MONDAY, Hall, hall_service
from tests.helpers.service_api import assert_problem, case_body, error_fields, post_case

#: Friday 4 December 2026: a day past the deadline of a complaint assigned on MONDAY
#: (attitude: 3 working days → Thursday 3 December).
FRIDAY = datetime(2026, 12, 4, 10, 0, tzinfo=CST)


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


def _at(hall: Hall, moment: datetime) -> None:
    """Move the service's clock (tokens live 8 hours: sign in again after a jump)."""
    hall.set_time(moment)
    hall.tokens.clear()


def _bad_rating(hall: Hall) -> tuple[str, str]:
    """A case taken in at W01 by demo-clerk and rated 1 by its applicant: (case no, rating id)."""
    clerk = hall.token("demo-clerk", "W01")
    body = case_body()
    created = post_case(hall.service, clerk, body)
    assert created.status_code == 201, created.text
    rating: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "score": 1,
        "comment": "态度生硬",
        "rated_at": "2026-11-28T10:00:00+08:00",
        "clerk": "demo-clerk",
    }
    rated = hall.post(f"/cases/{body['case_no']}/rating", clerk, rating, key=rating["id"])
    assert rated.status_code == 201, rated.text
    return body["case_no"], rating["id"]


def _complaint(
    hall: Hall, token: str, key: str | None = None, **fields: object
) -> requests.Response:
    """``POST /complaints`` under ``key`` (a new one unless given), as the desk sends it."""
    body = {
        "channel": "in_person",
        "complainant_name": "李四",
        "complainant_contact": "13900139000",
        "about_kind": "hall",
        "category": "other",
        "account": "大厅空调不开",
        **fields,
    }
    return hall.post("/complaints", token, body, key=key or str(uuid.uuid4()))


def _numbers(answer: requests.Response) -> list[str]:
    assert answer.status_code == 200, answer.text
    return [item["no"] for item in answer.json()["items"]]


def test_a_complaint_from_a_bad_rating_answered_late_is_escalated_called_back_and_closed(
    hall: Hall,
) -> None:
    _at(hall, MONDAY)
    case_no, rating_id = _bad_rating(hall)
    supervisor = hall.token("demo-supervisor")
    lead = hall.token("demo-lead")  # the lead of GA, W01's department
    clerk = hall.token("demo-clerk", "W01")  # the clerk the applicant complains about

    # The supervisor finds the bad rating and raises a complaint from it.
    bad = hall.get("/ratings/bad", supervisor)
    assert bad.status_code == 200, bad.text
    assert rating_id in [r["id"] for r in bad.json()["items"]]
    taken = _complaint(
        hall,
        supervisor,
        channel="rating",
        rating_id=rating_id,
        complainant_name="张三",
        complainant_contact="13800138000",
        about_kind="clerk",
        category="attitude",
        account="窗口人员态度生硬，不耐烦",
    )
    assert taken.status_code == 201, taken.text
    complaint = taken.json()["complaint"]
    no = complaint["no"]
    assert no == "TS-HS-20261130-0001"
    assert complaint["status"] == "open"
    # What it is about comes from the rating: its case, window, clerk and department.
    assert (complaint["about_clerk"], complaint["about_window"]) == ("demo-clerk", "W01")
    assert (complaint["about_case_no"], complaint["about_department"]) == (case_no, "GA")
    assert complaint["rating_id"] == rating_id
    assert complaint["complainant_contact"] == "13800138000"  # the complaint itself, in full

    assigned = hall.post(f"/complaints/{no}/assign", supervisor, {"department_code": "GA"})
    assert assigned.status_code == 200, assigned.text
    assert assigned.json()["complaint"]["status"] == "assigned"
    assert assigned.json()["complaint"]["due_date"] == "2026-12-03"  # 3 working days

    # The supervisor's list masks the complainant; the lead sees it, not red yet.
    listed = hall.get("/complaints", supervisor).json()["items"]
    mine = next(item for item in listed if item["no"] == no)
    assert (mine["complainant_name"], mine["complainant_contact"]) == ("张*", "138****8000")
    assert mine["flag"] is None
    assert no in _numbers(hall.get("/complaints", lead, department="GA"))
    shown_to_lead = hall.get(f"/complaints/{no}", lead).json()["complaint"]
    assert shown_to_lead["complainant_contact"] == "138****8000"

    # The clerk named in it never sees it: 404 like an unknown number, in no list.
    def clerk_sees_nothing() -> None:
        assert_problem(hall.get(f"/complaints/{no}", clerk), 404)
        assert_problem(hall.post(f"/complaints/{no}/answer", clerk, {"answer": "不是我"}), 404)
        for filters in ({}, {"status": "assigned"}, {"department": "GA"}):
            assert no not in _numbers(hall.get("/complaints", clerk, **filters)), filters

    clerk_sees_nothing()

    # Friday: the deadline (Thursday) has passed; the lead answers late → escalated, red.
    _at(hall, FRIDAY)
    supervisor = hall.token("demo-supervisor")
    lead = hall.token("demo-lead")
    clerk = hall.token("demo-clerk", "W01")
    answered = hall.post(f"/complaints/{no}/answer", lead, {"answer": "已约谈窗口人员并整改"})
    assert answered.status_code == 200, answered.text
    complaint = answered.json()["complaint"]
    assert (complaint["status"], complaint["escalated"], complaint["flag"]) == (
        "answered",
        True,
        "red",
    )
    assert complaint["answered_by"] == "demo-lead"
    first = hall.get("/complaints", supervisor).json()["items"][0]
    assert (first["no"], first["flag"]) == (no, "red")
    clerk_sees_nothing()

    called = hall.post(
        f"/complaints/{no}/callback", supervisor, {"satisfaction": "satisfied", "note": "认可"}
    )
    assert called.status_code == 200, called.text
    assert called.json()["complaint"]["satisfaction"] == "satisfied"
    closed = hall.post(f"/complaints/{no}/close", supervisor, {"note": "办结"})
    assert closed.status_code == 200, closed.text
    complaint = closed.json()["complaint"]
    assert complaint["status"] == "closed"
    assert complaint["closed_at"] == FRIDAY.isoformat()
    kinds = [event["kind"] for event in complaint["events"]]
    assert kinds == ["taken", "assigned", "answered", "escalated", "called_back", "closed"]
    clerk_sees_nothing()

    # Every step audited, without the complainant's name or contact.
    rows = hall.sql(
        "SELECT action, actor, detail FROM audit_records WHERE target = :no ORDER BY id", no=no
    )
    assert [(action, actor) for action, actor, _ in rows] == [
        ("complaint.taken", "demo-supervisor"),
        ("complaint.assigned", "demo-supervisor"),
        ("complaint.answered", "demo-lead"),
        ("complaint.escalated", "service"),
        ("complaint.called_back", "demo-supervisor"),
        ("complaint.closed", "demo-supervisor"),
    ]
    assert not any("13800138000" in str(detail) or "张三" in str(detail) for *_, detail in rows)
    # The complainant was told once that the answer is there (the SMS outbox).
    told = hall.sql(
        "SELECT kind, recipient, recipient_masked FROM notifications WHERE related_no = :no",
        no=no,
    )
    assert told == [("complaint_answered", "13800138000", "138****8000")]


def test_the_list_escalates_an_unanswered_overdue_complaint_once(hall: Hall) -> None:
    _at(hall, MONDAY)
    supervisor = hall.token("demo-supervisor")
    no = _complaint(hall, supervisor, about_kind="window", about_window="W03").json()
    no = no["complaint"]["no"]
    assert hall.post(f"/complaints/{no}/assign", supervisor, {"department_code": "SJ"}).ok
    # other: 5 working days from Monday 30 November → Monday 7 December.
    _at(hall, datetime(2026, 12, 7, 17, 0, tzinfo=CST))
    supervisor = hall.token("demo-supervisor")
    item = next(i for i in hall.get("/complaints", supervisor).json()["items"] if i["no"] == no)
    assert item["flag"] is None
    _at(hall, datetime(2026, 12, 8, 9, 0, tzinfo=CST))
    supervisor = hall.token("demo-supervisor")
    for _ in range(2):  # listed twice: escalated once
        listed = hall.get("/complaints", supervisor, status="assigned").json()["items"]
        assert (listed[0]["no"], listed[0]["flag"]) == (no, "red")
    escalations = hall.sql(
        "SELECT count(*) FROM complaint_events WHERE complaint_no = :no AND kind = 'escalated'",
        no=no,
    )
    assert escalations == [(1,)]
    # The GA lead does not see SJ's complaint.
    assert no not in _numbers(hall.get("/complaints", hall.token("demo-lead")))
    assert_problem(hall.get(f"/complaints/{no}", hall.token("demo-lead")), 404)


def test_a_complaint_about_a_window_that_does_not_exist_is_refused_naming_it(
    hall: Hall,
) -> None:
    supervisor = hall.token("demo-supervisor")
    before = hall.sql("SELECT count(*) FROM complaints")
    refused = _complaint(hall, supervisor, about_kind="window", about_window="W99")
    problem = assert_problem(refused, 422)
    assert error_fields(problem) == {"about_window"}
    assert "W99" in problem["errors"][0]["message"]
    # What it is about must be said; a name or anonymous.
    problem = assert_problem(_complaint(hall, supervisor, about_kind="clerk"), 422)
    assert error_fields(problem) == {"about_clerk"}
    problem = assert_problem(_complaint(hall, supervisor, complainant_name=""), 422)
    assert error_fields(problem) == {"complainant_name"}
    problem = assert_problem(_complaint(hall, supervisor, channel="rating"), 422)
    assert error_fields(problem) == {"rating_id"}
    assert hall.sql("SELECT count(*) FROM complaints") == before
    # Only the supervisor takes complaints in.
    assert_problem(_complaint(hall, hall.token("demo-lead")), 403)
    assert_problem(_complaint(hall, hall.token("demo-clerk", "W01")), 403)


def test_a_complaint_sent_again_under_its_key_is_taken_in_once(hall: Hall) -> None:
    supervisor = hall.token("demo-supervisor")
    before = hall.sql("SELECT count(*) FROM complaints")[0][0]
    key = str(uuid.uuid4())
    first = _complaint(hall, supervisor, key=key, account="窗口无人")
    assert first.status_code == 201, first.text
    again = _complaint(hall, supervisor, key=key, account="窗口无人")  # the desk retries
    assert again.status_code == 201, again.text
    assert again.headers.get("Idempotency-Replayed") == "true"
    assert again.json() == first.json()
    assert hall.sql("SELECT count(*) FROM complaints")[0][0] == before + 1
    # The same key with another account is not the same complaint: refused, nothing taken.
    other = _complaint(hall, supervisor, key=key, account="另一件事")
    assert_problem(other, 422, "idempotency-mismatch")
    # Without a key: refused before anything is written.
    body = {"channel": "phone", "complainant_name": "王五", "about_kind": "hall"}
    keyless = hall.post("/complaints", supervisor, {**body, "category": "other", "account": "x"})
    assert_problem(keyless, 400, "idempotency-key-required")
    assert hall.sql("SELECT count(*) FROM complaints")[0][0] == before + 1
    # A new key is a new complaint.
    assert _complaint(hall, supervisor, account="窗口无人").status_code == 201
    assert hall.sql("SELECT count(*) FROM complaints")[0][0] == before + 2


def test_no_answer_after_closing_and_a_complaint_is_reopened_once(hall: Hall) -> None:
    _at(hall, MONDAY)
    supervisor = hall.token("demo-supervisor")
    lead = hall.token("demo-lead")
    no = _complaint(
        hall, supervisor, anonymous=True, complainant_name="", complainant_contact=""
    ).json()
    no = no["complaint"]["no"]
    assert_problem(hall.post(f"/complaints/{no}/answer", lead, {"answer": "x"}), 404)  # not GA's
    assert hall.post(f"/complaints/{no}/assign", supervisor, {"department_code": "GA"}).ok
    assert hall.post(f"/complaints/{no}/answer", lead, {"answer": "已开空调"}).ok
    # Anonymous and no contact: nobody to call back; closed without.
    no_contact = hall.post(f"/complaints/{no}/callback", supervisor, {"satisfaction": "satisfied"})
    assert_problem(no_contact, 409, "no-contact")
    assert hall.post(f"/complaints/{no}/close", supervisor, {}).ok
    late = hall.post(f"/complaints/{no}/answer", lead, {"answer": "补充答复"})
    assert_problem(late, 409, "complaint-closed")
    assert_problem(hall.post(f"/complaints/{no}/reopen", supervisor, {"note": " "}), 422)

    _at(hall, MONDAY + timedelta(days=1))
    supervisor, lead = hall.token("demo-supervisor"), hall.token("demo-lead")
    reopened = hall.post(f"/complaints/{no}/reopen", supervisor, {"note": "投诉人不认可"})
    assert reopened.status_code == 200, reopened.text
    complaint = reopened.json()["complaint"]
    assert (complaint["status"], complaint["reopened"], complaint["answer"]) == (
        "reopened",
        True,
        None,
    )
    assert complaint["due_date"] == "2026-12-08"  # 5 working days from Tuesday
    assert hall.post(f"/complaints/{no}/answer", lead, {"answer": "已整改"}).ok
    assert hall.post(f"/complaints/{no}/close", supervisor, {}).ok
    again = hall.post(f"/complaints/{no}/reopen", supervisor, {"note": "仍不认可"})
    assert_problem(again, 409, "reopened-once")
    state = hall.get(f"/complaints/{no}", supervisor).json()["complaint"]
    assert state["status"] == "closed"
    assert [e["kind"] for e in state["events"]].count("reopened") == 1


def test_cards_and_model_windows(hall: Hall) -> None:
    _at(hall, MONDAY)
    supervisor = hall.token("demo-supervisor")
    no = _complaint(hall, supervisor).json()["complaint"]["no"]
    card = {
        "colour": "yellow",
        "target_kind": "window",
        "target_code": "W01",
        "reason": "本周差评两次",
        "links": {"complaints": [no, "TS-HS-20261130-9999"], "cases": ["HS-W01-19990101-000001"]},
    }
    problem = assert_problem(hall.post("/cards", supervisor, card), 422)
    assert error_fields(problem) == {"links.complaints[1]", "links.cases[0]"}
    problem = assert_problem(hall.post("/cards", supervisor, {**card, "target_code": "W99"}), 422)
    assert "target_code" in error_fields(problem)
    assert hall.sql("SELECT count(*) FROM supervision_cards") == [(0,)]
    issued = hall.post("/cards", supervisor, {**card, "links": {"complaints": [no]}})
    assert issued.status_code == 201, issued.text
    assert issued.json()["card"]["month"] == "2026-11"
    assert issued.json()["card"]["links"] == {"cases": [], "complaints": [no], "ratings": []}
    red = {"colour": "red", "target_kind": "department", "target_code": "GA", "reason": "超期"}
    assert hall.post("/cards", supervisor, red).status_code == 201
    cards = hall.get("/cards", supervisor, month="2026-11").json()["items"]
    assert [(c["colour"], c["target_code"]) for c in cards] == [("red", "GA"), ("yellow", "W01")]
    assert hall.get("/cards", supervisor, month="2026-10").json()["items"] == []
    assert_problem(hall.post("/cards", hall.token("demo-lead"), red), 403)

    model = {"month": "2026-11", "window_code": "W03", "reason": "零差评"}
    named = hall.post("/model-windows", supervisor, model)
    assert named.status_code == 201, named.text
    assert_problem(hall.post("/model-windows", supervisor, model), 409, "already-model-window")
    problem = assert_problem(
        hall.post("/model-windows", supervisor, {**model, "window_code": "W99"}), 422
    )
    assert error_fields(problem) == {"window_code"}
    windows = hall.get("/model-windows", supervisor, month="2026-11").json()["items"]
    assert [(w["window_code"], w["by"]) for w in windows] == [("W03", "demo-supervisor")]
    actions = hall.sql(
        "SELECT action FROM audit_records WHERE action IN ('card.issue', "
        "'model_window.designate') ORDER BY id"
    )
    assert actions == [("card.issue",), ("card.issue",), ("model_window.designate",)]
