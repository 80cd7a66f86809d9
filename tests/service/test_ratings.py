"""好差评: ratings from the window, and the lead's follow-up of bad ones."""

from __future__ import annotations

import uuid
from datetime import date

import requests

from clerk_app.core.calendar import WorkCalendar
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, case_body, post_case, token_for


def rate(
    service,
    token,
    case_no: str,
    score: int,
    key: str | None = None,
    rated_at: str = "2026-11-27T16:00:00+08:00",
) -> requests.Response:
    body = {
        "id": key or str(uuid.uuid4()),
        "score": score,
        "comment": "等候时间太长" if score <= 2 else "",
        "rated_at": rated_at,
        "clerk": "demo-clerk",
    }
    headers = {**auth(token), "Idempotency-Key": body["id"]}
    return requests.post(
        service.url(f"/cases/{case_no}/rating"), json=body, headers=headers, timeout=TIMEOUT
    )


def test_bad_rating_gets_a_follow_up_due_date_and_the_lead_follows_it_up(
    service, clerk_token
) -> None:
    body = case_body()
    assert post_case(service, clerk_token, body).status_code == 201
    response = rate(service, clerk_token, body["case_no"], 1)
    assert response.status_code == 201, response.text
    rating = response.json()["rating"]
    assert rating["bad"] is True
    expected_due = WorkCalendar.builtin().add_working_days(date(2026, 11, 27), 3).date
    assert rating["follow_up_due"] == expected_due.isoformat()
    lead = token_for(service, "demo-lead", window_code=None)
    url = service.url(f"/ratings/{rating['id']}/follow-up")
    done = requests.post(url, json={"note": "已回访，致歉"}, headers=auth(lead), timeout=TIMEOUT)
    assert done.status_code == 200, done.text
    assert done.json()["rating"]["follow_up_by"] == "demo-lead"
    again = requests.post(url, json={"note": "再次"}, headers=auth(lead), timeout=TIMEOUT)
    assert_problem(again, 409)


def test_good_rating_needs_no_follow_up_and_score_is_bounded(service, clerk_token) -> None:
    body = case_body()
    assert post_case(service, clerk_token, body).status_code == 201
    good = rate(service, clerk_token, body["case_no"], 5).json()["rating"]
    assert good["bad"] is False
    assert good["follow_up_due"] is None
    assert_problem(rate(service, clerk_token, body["case_no"], 6), 422, "validation")
