"""Signing in and out over real HTTP."""

from __future__ import annotations

from datetime import datetime

import requests

from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    login,
    next_seq,
    post_case,
    token_for,
)


def test_clerk_signs_in_at_own_window(service) -> None:
    response = login(service, "demo-clerk", "W01", device_id="desk-1")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["access_token"]
    assert data["user"] == {
        "username": "demo-clerk",
        "display_name": "演示窗口人员",
        "roles": ["clerk"],
    }
    assert data["window"]["code"] == "W01"
    assert data["window"]["department"] == "市公安局"
    assert datetime.fromisoformat(data["expires_at"]).utcoffset() is not None
    assert set(data["sequence_high_water"]) == {"case", "document"}


def test_wrong_password_and_unknown_user_get_the_same_401_problem(service) -> None:
    wrong_password = login(service, "demo-clerk", password="not-the-password")
    unknown_user = login(service, "nobody-here", password="not-the-password")
    first = assert_problem(wrong_password, 401, "unauthorized")
    second = assert_problem(unknown_user, 401, "unauthorized")
    assert first == second


def test_clerk_at_another_window_is_refused(service) -> None:
    assert_problem(login(service, "demo-clerk", "W03"), 403)


def test_device_token_is_issued_once_per_device_and_window(service) -> None:
    first = login(service, device_id="desk-A").json()
    again = login(service, device_id="desk-A").json()
    other = login(service, device_id="desk-B").json()
    assert first["device_token"]
    assert again["device_token"] is None
    assert other["device_token"] and other["device_token"] != first["device_token"]


def test_tokens_are_stored_only_as_hashes(service) -> None:
    data = login(service, device_id="desk-H").json()
    stored = [row[0] for row in service.sql("SELECT token_hash FROM tokens")]
    assert stored
    assert data["access_token"] not in stored
    assert data["device_token"] not in stored


def test_device_token_creates_cases_for_its_window(service) -> None:
    device_token = login(service, device_id="desk-D").json()["device_token"]
    response = post_case(service, device_token, case_body())
    assert response.status_code == 201, response.text
    assert response.json()["case"]["device_id"] == "desk-D"
    assert response.json()["case"]["clerk"] == "demo-clerk"


def test_requests_without_a_valid_token_get_401(service) -> None:
    no_token = requests.get(service.url("/catalog"), timeout=TIMEOUT)
    bad_token = requests.get(service.url("/catalog"), headers=auth("forged"), timeout=TIMEOUT)
    assert_problem(no_token, 401, "unauthorized")
    assert_problem(bad_token, 401, "unauthorized")


def test_logout_ends_the_token(service) -> None:
    token = token_for(service)
    response = requests.post(service.url("/auth/logout"), headers=auth(token), timeout=TIMEOUT)
    assert response.status_code == 204
    after = requests.get(service.url("/catalog"), headers=auth(token), timeout=TIMEOUT)
    assert_problem(after, 401)


def test_sequence_high_water_is_the_highest_case_number_seen_from_the_window(service) -> None:
    token = token_for(service)
    low, middle, high = next_seq(), next_seq(), next_seq()
    for seq in (middle, high, low):  # sent out of order, as a sync after an outage may
        assert post_case(service, token, case_body(seq=seq)).status_code == 201
    data = login(service, device_id="reinstalled-desk").json()
    assert data["sequence_high_water"]["case"] == high


def test_repeated_failed_sign_ins_answer_429(strict_service) -> None:
    service = strict_service
    for _ in range(3):
        assert_problem(login(service, "demo-clerk-w03", "W03", password="wrong-wrong"), 401)
    blocked = login(service, "demo-clerk-w03", "W03")  # even the right password waits now
    assert_problem(blocked, 429)
    assert int(blocked.headers["Retry-After"]) > 0


def test_client_older_than_minimum_gets_426(strict_service) -> None:
    service = strict_service
    assert_problem(login(service, client_version="1.9.9"), 426)
    assert login(service, client_version="2.0.0").status_code == 200


def test_expired_user_token_is_refused_but_device_token_still_works(strict_service) -> None:
    data = login(strict_service, client_version="2.0.0", device_id="desk-expiry").json()
    expired = requests.get(
        strict_service.url("/catalog"), headers=auth(data["access_token"]), timeout=TIMEOUT
    )
    assert_problem(expired, 401, "unauthorized")
    device = requests.get(
        strict_service.url("/catalog"), headers=auth(data["device_token"]), timeout=TIMEOUT
    )
    assert device.status_code == 200
