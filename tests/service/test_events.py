"""Lifecycle events on a case, and the change feed, over real HTTP."""

from __future__ import annotations

import uuid

import requests

from clerk_app.core import lifecycle
from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    error_fields,
    login,
    post_case,
    token_for,
)


def new_case(service, token) -> dict:
    body = case_body()
    response = post_case(service, token, body)
    assert response.status_code == 201, response.text
    return response.json()["case"]


def event(kind: str, note: str = "", **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "type": kind,
        "at": "2026-11-30T10:00:00+08:00",
        "note": note,
        **extra,
    }


def post_event(service, token, case_no: str, body: dict, key: str | None = "from-body"):
    headers = auth(token)
    if key == "from-body":
        key = body["id"]
    if key is not None:
        headers["Idempotency-Key"] = key
    return requests.post(
        service.url(f"/cases/{case_no}/events"), json=body, headers=headers, timeout=TIMEOUT
    )


def test_events_move_the_case_along_its_lifecycle(service, clerk_token) -> None:
    case = new_case(service, clerk_token)
    status = case["status"]
    for kind in ("start", "complete_approved"):
        response = post_event(service, clerk_token, case["case_no"], event(kind))
        assert response.status_code == 201, response.text
        status = lifecycle.transition(status, kind).value
        assert response.json()["case"]["status"] == status
    final = response.json()["case"]
    assert [e["type"] for e in final["events"]][-2:] == ["start", "complete_approved"]
    assert final["completed_at"] == "2026-11-30T10:00:00+08:00"


def test_event_the_lifecycle_forbids_is_409_illegal_transition(service, clerk_token) -> None:
    case = new_case(service, clerk_token)
    assert post_event(service, clerk_token, case["case_no"], event("complete_approved")).ok
    forbidden = next(
        e.value
        for e in lifecycle.EventType
        if e not in lifecycle.allowed_events("completed_approved")
    )
    response = post_event(service, clerk_token, case["case_no"], event(forbidden))
    problem = assert_problem(response, 409, "illegal-transition")
    assert problem["current_status"] == "completed_approved"


def test_retried_event_is_applied_once(service, clerk_token) -> None:
    case = new_case(service, clerk_token)
    body = event("start")
    first = post_event(service, clerk_token, case["case_no"], body)
    second = post_event(service, clerk_token, case["case_no"], body)
    assert first.status_code == second.status_code == 201
    assert first.content == second.content
    fetched = requests.get(
        service.url(f"/cases/{case['case_no']}"), headers=auth(clerk_token), timeout=TIMEOUT
    ).json()["case"]
    assert [e["id"] for e in fetched["events"]].count(body["id"]) == 1


def test_event_without_key_is_400_and_refusal_without_reason_is_422(service, clerk_token):
    case = new_case(service, clerk_token)
    assert_problem(post_event(service, clerk_token, case["case_no"], event("start"), key=None), 400)
    needs_reason = next(
        e.value for e in lifecycle.allowed_events("accepted") if lifecycle.needs_reason(e)
    )
    problem = assert_problem(
        post_event(service, clerk_token, case["case_no"], event(needs_reason)), 422
    )
    assert error_fields(problem) == {"note"}


def test_lead_of_the_department_may_record_events(service, clerk_token) -> None:
    case = new_case(service, clerk_token)
    lead = token_for(service, "demo-lead", window_code=None)
    response = post_event(service, lead, case["case_no"], event("note", note="已电话告知申请人"))
    assert response.status_code == 201, response.text
    assert response.json()["case"]["events"][-1]["actor"] == "demo-lead"


def test_change_feed_pages_through_changed_cases(service, clerk_token) -> None:
    start = requests.get(
        service.url("/changes"),
        params={"after": 0, "limit": 500},
        headers=auth(clerk_token),
        timeout=TIMEOUT,
    ).json()["next"]
    first, second = new_case(service, clerk_token), new_case(service, clerk_token)
    assert post_event(service, clerk_token, first["case_no"], event("start")).ok
    seen: list[str] = []
    cursor = start
    while True:
        page = requests.get(
            service.url("/changes"),
            params={"after": cursor, "limit": 1},
            headers=auth(clerk_token),
            timeout=TIMEOUT,
        ).json()
        if not page["items"]:
            break
        seen += [c["case_no"] for c in page["items"]]
        cursor = page["next"]
    assert seen == [second["case_no"], first["case_no"]]


def test_change_feed_shows_only_the_clerks_window(service, clerk_token) -> None:
    case = new_case(service, clerk_token)
    other = token_for(service, "demo-clerk-w03", window_code="W03")
    page = requests.get(
        service.url("/changes"), params={"limit": 500}, headers=auth(other), timeout=TIMEOUT
    ).json()
    assert case["case_no"] not in [c["case_no"] for c in page["items"]]


def test_device_token_records_events_for_the_named_clerk(service, clerk_token) -> None:
    case = new_case(service, clerk_token)
    device = login(service, device_id="desk-events").json()["device_token"]
    missing_actor = post_event(service, device, case["case_no"], event("start"))
    assert error_fields(assert_problem(missing_actor, 422)) == {"actor"}
    response = post_event(service, device, case["case_no"], event("start", actor="demo-clerk"))
    assert response.status_code == 201, response.text
    assert response.json()["case"]["events"][-1]["actor"] == "demo-clerk"
