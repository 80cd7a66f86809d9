"""A NUL character anywhere a client can put text is a 422 naming the field, on both
backends (PostgreSQL cannot store one: it used to answer 500), and nothing is written."""

from __future__ import annotations

import uuid

import requests

from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    error_fields,
    post_case,
)


def test_nul_in_a_sign_in_is_422(service) -> None:
    response = requests.post(
        service.url("/auth/login"),
        json={"username": "demo\x00clerk", "password": "demo-pass-2026", "window_code": "W01"},
        timeout=TIMEOUT,
    )
    assert error_fields(assert_problem(response, 422, "validation")) == {"username"}


def test_nul_in_a_new_case_is_422_and_nothing_is_stored(service, clerk_token) -> None:
    body = case_body()
    body["applicant"]["name"] = "张\x00三"
    body["first_event"]["note"] = "a\x00b"
    problem = assert_problem(post_case(service, clerk_token, body), 422, "validation")
    assert error_fields(problem) == {"applicant.name", "first_event.note"}
    assert service.sql("SELECT count(*) FROM cases WHERE id = :id", id=body["id"]) == [(0,)]
    assert service.sql("SELECT count(*) FROM idempotency_keys WHERE key = :k", k=body["id"]) == [
        (0,)
    ]


def test_nul_in_an_event_note_is_422(service, clerk_token) -> None:
    body = case_body()
    assert post_case(service, clerk_token, body).status_code == 201
    event = {"id": str(uuid.uuid4()), "type": "start", "at": "2026-11-28T10:00:00+08:00"}
    response = requests.post(
        service.url(f"/cases/{body['case_no']}/events"),
        json={**event, "note": "x\x00y"},
        headers={**auth(clerk_token), "Idempotency-Key": event["id"]},
        timeout=TIMEOUT,
    )
    assert error_fields(assert_problem(response, 422, "validation")) == {"note"}


def test_nul_in_a_search_a_case_number_or_a_query_code_is_422(service, clerk_token) -> None:
    listed = requests.get(
        service.url("/cases"), params={"q": "a\x00b"}, headers=auth(clerk_token), timeout=TIMEOUT
    )
    assert error_fields(assert_problem(listed, 422, "validation")) == {"q"}
    one = requests.get(
        service.url("/cases/HS-W01-2026%001128-000001"), headers=auth(clerk_token), timeout=TIMEOUT
    )
    assert error_fields(assert_problem(one, 422, "validation")) == {"path"}
    progress = requests.get(
        service.url("/progress/HS-W01-20261128-000001"), params={"code": "1\x002"}, timeout=TIMEOUT
    )
    assert error_fields(assert_problem(progress, 422, "validation")) == {"code"}
