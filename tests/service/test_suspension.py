"""A special procedure stops the clock: the service pushes the due date back on resumption."""

from __future__ import annotations

import uuid

import requests

from tests.helpers.service_api import TIMEOUT, auth, case_body, post_case


def _event(service, token: str, case_no: str, kind: str, at: str, note: str = "") -> dict:
    event = {"id": str(uuid.uuid4()), "type": kind, "at": at, "note": note}
    response = requests.post(
        service.url(f"/cases/{case_no}/events"),
        json=event,
        headers={**auth(token), "Idempotency-Key": event["id"]},
        timeout=TIMEOUT,
    )
    assert response.status_code == 201, response.text
    return response.json()["case"]


def test_resumption_extends_the_due_date_by_the_working_days_suspended(
    service, clerk_token
) -> None:
    body = case_body()  # promised, due 2026-12-08 (a Tuesday)
    assert post_case(service, clerk_token, body).status_code == 201
    case_no = body["case_no"]
    _event(service, clerk_token, case_no, "start", "2026-11-28T10:00:00+08:00")
    # Suspended on Monday 30 November for an expert review, resumed Friday 4 December:
    # 1–4 December are four working days that do not count.
    _event(service, clerk_token, case_no, "suspend", "2026-11-30T09:00:00+08:00", "专家评审")
    # What the client writes in the event's data does not move the date: the service counts.
    case = _event(service, clerk_token, case_no, "resume", "2026-12-04T16:00:00+08:00")
    assert case["status"] == "in_progress"
    assert case["due_date"] == "2026-12-14"  # 9, 10, 11 December, then Monday the 14th


def test_resumption_the_same_day_keeps_the_due_date(service, clerk_token) -> None:
    body = case_body()
    assert post_case(service, clerk_token, body).status_code == 201
    case_no = body["case_no"]
    _event(service, clerk_token, case_no, "start", "2026-11-28T10:00:00+08:00")
    _event(service, clerk_token, case_no, "suspend", "2026-11-30T09:00:00+08:00", "现场核查")
    case = _event(service, clerk_token, case_no, "resume", "2026-11-30T17:00:00+08:00")
    assert case["due_date"] == "2026-12-08"
