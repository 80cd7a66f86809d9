"""GET /workload and GET /board: figures a shift lead can check by hand."""

from __future__ import annotations

import uuid
from datetime import date

import requests

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.workload import CaseBucket, RatingBucket, RefusalBucket, summarize, totals
from tests.helpers.service_api import (
    TEST_NOW,
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    post_case,
    token_for,
)
from tests.service.test_ratings import rate


def test_figures_across_national_day_count_working_days_only() -> None:
    cal = WorkCalendar.builtin()
    cases = [
        # Received Tue 30 Sep 2025, completed Fri 10 Oct: 1-8 Oct are holidays → 2 days.
        CaseBucket(
            "W01",
            "completed_approved",
            "promised",
            date(2025, 9, 30),
            date(2025, 10, 10),
            date(2025, 10, 13),
        ),
        CaseBucket("W01", "accepted", "promised", date(2025, 9, 30), None, date(2025, 9, 29)),
        # Due Thu 9 Oct: the 1st working day after today (30 Sep) → due soon.
        CaseBucket("W01", "in_progress", "promised", date(2025, 9, 30), None, date(2025, 10, 9)),
        # Due Sat 11 Oct, a make-up working day, the 3rd one → not due soon.
        CaseBucket("W02", "accepted", "promised", date(2025, 9, 30), None, date(2025, 10, 11)),
        CaseBucket("W02", "supplement_requested", "supplement", date(2025, 9, 30), None, None),
        CaseBucket("W02", "refused", "refused", date(2025, 9, 30), None, None, count=3),
    ]
    figures = summarize(
        cases,
        today=date(2025, 9, 30),
        calendar=cal,
        due_soon_days=2,
        ratings=[RatingBucket("W01", 5, 3), RatingBucket("W01", 1)],
        refusals=[RefusalBucket("W02", "材料不齐", 2), RefusalBucket("W02", "不属于本窗口")],
    )
    w01, w02 = (f.as_dict() for f in figures)
    assert (w01["received"], w01["accepted"], w01["completed"]) == (3, 3, 1)
    assert w01["average_handling_days"] == 2.0
    assert (w01["on_time_rate"], w01["early_rate"]) == (1.0, 1.0)
    assert (w01["overdue"], w01["due_soon"], w01["in_progress"]) == (1, 1, 2)
    assert (w01["ratings"], w01["satisfaction"]) == (4, 0.75)
    assert (w02["received"], w02["accepted"], w02["refused"]) == (5, 1, 3)
    assert (w02["waiting"], w02["in_progress"], w02["due_soon"]) == (1, 1, 0)
    assert w02["refusals"] == {"材料不齐": 2, "不属于本窗口": 1}
    assert w02["on_time_rate"] is None
    by_department = summarize(
        cases, today=date(2025, 9, 30), calendar=cal, group_of={"W01": "GA", "W02": "GA"}
    )
    assert [f.group for f in by_department] == ["GA"]
    assert by_department[0].received == totals(figures).received == 8


def _case(seq_day: str, disposition: str, first: str, due: str | None, note: str = "") -> dict:
    body = case_body()
    body["received_at"] = body["first_event"]["at"] = f"{seq_day}T09:30:00+08:00"
    body["disposition"] = disposition
    body["first_event"]["type"] = first
    body["first_event"]["note"] = note
    body["due_date"] = due
    return body


def _event(service, token, case_no: str, kind: str, at: str) -> None:
    event = {"id": str(uuid.uuid4()), "type": kind, "at": at, "note": ""}
    response = requests.post(
        service.url(f"/cases/{case_no}/events"),
        json=event,
        headers={**auth(token), "Idempotency-Key": event["id"]},
        timeout=TIMEOUT,
    )
    assert response.status_code == 201, response.text


def test_workload_of_one_day_as_the_lead_sees_it(service, clerk_token) -> None:
    day = "2026-06-15"  # a Monday no other test uses
    promised = _case(day, "promised", "accept", "2026-06-25")
    immediate = _case(day, "immediate", "accept", day)
    refused = _case(day, "refused", "refuse", None, note="材料不齐")
    still_open = _case(day, "promised", "accept", "2026-06-19")
    for body in (promised, immediate, refused, still_open):
        assert post_case(service, clerk_token, body).status_code == 201
    _event(
        service, clerk_token, promised["case_no"], "complete_approved", "2026-06-18T10:00:00+08:00"
    )
    _event(service, clerk_token, immediate["case_no"], "complete_approved", f"{day}T09:40:00+08:00")
    for body, score in ((promised, 5), (immediate, 2)):
        assert (
            rate(
                service, clerk_token, body["case_no"], score, rated_at=f"{day}T12:00:00+08:00"
            ).status_code
            == 201
        )

    lead = token_for(service, "demo-lead", window_code=None)
    response = requests.get(
        service.url("/workload"),
        params={"from": day, "to": day},
        headers=auth(lead),
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text
    rows = {row["group"]: row for row in response.json()["items"]}
    assert set(rows) == {"W01", "W02"}  # W02 of the same department took nothing that day:
    assert rows["W02"]["received"] == rows["W02"]["ratings"] == 0  # listed with zeros (issue 15)
    assert rows["W02"]["name"] == "出入境业务窗口" and rows["W02"]["on_time_rate"] is None
    w01 = rows["W01"]
    assert (w01["received"], w01["accepted"], w01["completed"], w01["refused"]) == (4, 3, 2, 1)
    assert (w01["immediate"], w01["promised"], w01["immediate_share"]) == (1, 2, 0.3333)
    assert (w01["on_time_rate"], w01["early_rate"]) == (1.0, 0.5)
    assert w01["average_handling_days"] == 1.5  # Mon→Thu is 3 working days, on the spot 0
    assert (w01["in_progress"], w01["overdue"]) == (1, 1)
    assert (w01["ratings"], w01["satisfaction"]) == (2, 0.5)
    assert w01["refusals"] == {"材料不齐": 1}

    by_department = requests.get(
        service.url("/workload"),
        params={"from": day, "to": day, "group": "department"},
        headers=auth(lead),
        timeout=TIMEOUT,
    ).json()
    assert [row["group"] for row in by_department["items"]] == ["GA"]
    assert by_department["items"][0]["received"] == 4

    refused_clerk = requests.get(
        service.url("/workload"), headers=auth(clerk_token), timeout=TIMEOUT
    )
    assert_problem(refused_clerk, 403, "forbidden")
    backwards = requests.get(
        service.url("/workload"),
        params={"from": day, "to": "2026-06-01"},
        headers=auth(lead),
        timeout=TIMEOUT,
    )
    assert_problem(backwards, 422, "validation")


def test_board_shows_todays_cases_masked_with_the_hall_words(service, clerk_token) -> None:
    body = case_body()
    # The board counts the service's own today: its test clock starts at TEST_NOW (and runs
    # on from there), so the case is taken in at TEST_NOW, whatever the real date is.
    now = TEST_NOW.isoformat()
    body["received_at"] = now
    body["first_event"]["at"] = now
    assert post_case(service, clerk_token, body).status_code == 201
    display = token_for(service, "demo-display", window_code=None)
    response = requests.get(service.url("/board"), headers=auth(display), timeout=TIMEOUT)
    assert response.status_code == 200, response.text
    board = response.json()
    row = next(r for r in board["items"] if r["case_no"] == body["case_no"])
    assert row["applicant"] == "张*"
    assert row["hall_group"] == "受理"
    assert row["item_name"]
    assert "id_number" not in row and body["applicant"]["id_number"] not in response.text
    assert board["today"]["received"] >= 1
    clerk_view = requests.get(service.url("/board"), headers=auth(clerk_token), timeout=TIMEOUT)
    assert_problem(clerk_view, 403, "forbidden")
