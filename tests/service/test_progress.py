"""The applicant's public progress query."""

from __future__ import annotations

import requests

from clerk_app.core import lifecycle
from tests.helpers.service_api import TIMEOUT, assert_problem, case_body, login, post_case


def progress(service, case_no: str, code: str) -> requests.Response:
    return requests.get(service.url(f"/progress/{case_no}"), params={"code": code}, timeout=TIMEOUT)


def test_progress_with_the_right_code_shows_status_and_masked_name(service, clerk_token):
    body = case_body()
    assert post_case(service, clerk_token, body).status_code == 201
    response = progress(service, body["case_no"], body["query_code"])
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["status"] == lifecycle.initial_status(body["disposition"]).value
    assert data["hall_group"] == lifecycle.hall_group(data["status"]).value
    assert data["applicant"] == body["applicant"]["name"][0] + "*"
    assert body["applicant"]["id_number"] not in response.text
    assert data["item_code"] == body["item_code"]
    assert data["item_name"]


def test_wrong_code_and_unknown_number_get_the_same_404(service, clerk_token) -> None:
    body = case_body()
    assert post_case(service, clerk_token, body).status_code == 201
    wrong_code = next(c for c in ("000000", "111111") if c != body["query_code"])
    wrong = progress(service, body["case_no"], wrong_code)
    unknown = progress(service, "HS-W01-20991231-999999", body["query_code"])
    assert assert_problem(wrong, 404) == assert_problem(unknown, 404)


def test_progress_queries_are_rate_limited(strict_service) -> None:
    answers = [progress(strict_service, "HS-W01-20991231-999999", "123456") for _ in range(4)]
    assert [r.status_code for r in answers] == [404, 404, 404, 429]
    assert int(answers[-1].headers["Retry-After"]) >= 1
    assert login(strict_service, client_version="2.0.0").status_code == 200


def _deferred_case(service, token) -> dict:
    body = case_body()
    body["disposition"] = "deferred_materials"
    body["materials"][-1].update(received=False, deferred=True)
    body["first_event"]["type"] = "accept_deferred"
    assert post_case(service, token, body).status_code == 201
    return body


def _event(service, token, case_no: str, kind: str, note: str = "") -> requests.Response:
    import uuid

    from tests.helpers.service_api import auth

    event = {"id": str(uuid.uuid4()), "type": kind, "at": "2026-11-30T10:00:00+08:00"}
    event["note"] = note
    headers = {**auth(token), "Idempotency-Key": event["id"]}
    return requests.post(
        service.url(f"/cases/{case_no}/events"), json=event, headers=headers, timeout=TIMEOUT
    )


def test_a_deferred_case_waits_until_its_material_comes_or_it_lapses(service, clerk_token):
    """容缺: 待办 while the material is awaited; supplied → back to 受理 (the material is
    received); lapsed → 办结 (completed, not approved)."""
    supplied, lapsed = _deferred_case(service, clerk_token), _deferred_case(service, clerk_token)
    for body in (supplied, lapsed):
        shown = progress(service, body["case_no"], body["query_code"]).json()
        assert (shown["status"], shown["hall_group"]) == ("accepted", "待办")

    assert _event(service, clerk_token, supplied["case_no"], "deferred_supplied").status_code == 201
    shown = progress(service, supplied["case_no"], supplied["query_code"]).json()
    assert (shown["status"], shown["hall_group"]) == ("accepted", "受理")
    case = _event(service, clerk_token, supplied["case_no"], "start").json()["case"]
    assert not any(m["deferred"] for m in case["materials"])
    assert all(m["received"] for m in case["materials"])

    answer = _event(service, clerk_token, lapsed["case_no"], "deferred_lapsed")
    assert_problem(answer, 422)  # it needs a written reason
    answer = _event(service, clerk_token, lapsed["case_no"], "deferred_lapsed", "材料逾期未补齐")
    assert answer.status_code == 201, answer.text
    shown = progress(service, lapsed["case_no"], lapsed["query_code"]).json()
    assert (shown["status"], shown["hall_group"]) == ("completed_rejected", "办结")
    assert shown["completed_at"]
