"""The public progress query and the rating screen, tried as an attacker would: guessing a
case's query code, spreading over IPv6 addresses; rating one visit twice, dating a rating
in the future."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
import requests

from tests.helpers.security_api import (
    TIMEOUT,
    Secured,
    StartService,
    call,
    later,
    new_case,
    problem_type,
    signed_in,
)


@pytest.fixture(scope="module")
def desk(shared: Secured) -> str:
    token = signed_in(shared, device_id="desk-progress")["device_token"]
    assert token
    return token


def progress(secured: Secured, case_no: str, code: str, address: str = "192.0.2.7"):
    return requests.get(
        secured.url(f"/progress/{case_no}"),
        params={"code": code},
        headers={"X-Forwarded-For": address},
        timeout=TIMEOUT,
    )


def test_eleven_wrong_codes_lock_the_case_for_the_day(shared: Secured, desk: str) -> None:
    case = new_case(shared, desk)
    case_no, right = case["case_no"], case["query_code"]
    assert progress(shared, case_no, right).status_code == 200
    for n in range(11):  # from eleven addresses: the per-address limit plays no part
        wrong = f"{(int(right) + 1 + n) % 1_000_000:06d}"
        assert progress(shared, case_no, wrong, f"192.0.2.{100 + n}").status_code == 404
    refused = progress(shared, case_no, right)
    assert refused.status_code == 404 and problem_type(refused) == "not-found"
    results = [r for r in shared.audit("progress.query") if r[1] == case_no]
    assert [r[2] for r in results].count("wrong-code") == 9
    assert (None, case_no, "locked") in results
    # Another case is not locked; tomorrow this one answers again.
    other = new_case(shared, desk)
    assert progress(shared, other["case_no"], other["query_code"]).status_code == 200
    shared.set_time(later(days=1))
    assert progress(shared, case_no, right).status_code == 200


def test_ipv6_clients_are_counted_by_their_64(start_service: StartService) -> None:
    secured = start_service(CLERK_PROGRESS_PER_MINUTE="3")
    statuses = [
        progress(secured, "HS-W01-20261128-999999", "000000", f"2001:db8:7:7::{n}").status_code
        for n in range(1, 5)
    ]
    assert statuses == [404, 404, 404, 429]
    assert (
        progress(secured, "HS-W01-20261128-999999", "000000", "2001:db8:7:8::1").status_code == 404
    )


def _rate(secured: Secured, bearer: str, case_no: str, rated_at: str = "2026-11-28T09:45:00+08:00"):
    body = {
        "id": str(uuid.uuid4()),
        "score": 5,
        "comment": "",
        "rated_at": rated_at,
        "clerk": "demo-clerk",
    }
    return call(secured, "POST", f"/cases/{case_no}/rating", bearer, body, key=body["id"])


def test_one_rating_per_visit(shared: Secured, desk: str) -> None:
    case = new_case(shared, desk)
    first = _rate(shared, desk, case["case_no"])
    assert first.status_code == 201, first.text
    assert first.json()["rating"]["event_id"] == case["first_event"]["id"]
    second = _rate(shared, desk, case["case_no"])
    assert second.status_code == 409 and problem_type(second) == "already-rated"
    # Completion is another visit: one more rating, for it.
    done = {
        "id": str(uuid.uuid4()),
        "type": "complete_approved",
        "at": "2026-11-28T09:50:00+08:00",
        "note": "",
        "actor": "demo-clerk",
    }
    path = f"/cases/{case['case_no']}/events"
    assert call(shared, "POST", path, desk, done, key=done["id"]).status_code == 201
    third = _rate(shared, desk, case["case_no"])
    assert third.status_code == 201 and third.json()["rating"]["event_id"] == done["id"]
    assert _rate(shared, desk, case["case_no"]).status_code == 409
    count = shared.sql(
        "SELECT COUNT(*) FROM ratings r JOIN cases c ON c.id = r.case_id WHERE c.case_no = :n",
        n=case["case_no"],
    )
    assert count == [(2,)]


def test_a_rating_dated_in_the_future_takes_the_services_time(shared: Secured, desk: str) -> None:
    case = new_case(shared, desk)
    answer = _rate(shared, desk, case["case_no"], rated_at="2030-01-01T08:00:00+08:00")
    assert answer.status_code == 201, answer.text
    rated_at = datetime.fromisoformat(answer.json()["rating"]["rated_at"])
    assert rated_at < datetime.fromisoformat("2027-01-01T00:00:00+08:00")


def test_a_desks_audit_event_is_timed_by_the_service(shared: Secured, desk: str) -> None:
    """A desk with its clock set back cannot date its audit records: the trail keeps the
    service's time, and the desk's own beside it."""
    event_id = str(uuid.uuid4())
    body = {
        "events": [
            {
                "id": event_id,
                "at": "2020-01-01T08:00:00+08:00",
                "actor": "demo-clerk",
                "action": "id_unmasked",
                "target": "HS-W01-20261128-000001",
            }
        ]
    }
    answer = call(shared, "POST", "/audit/client-events", desk, body, key=event_id)
    assert answer.status_code == 201, answer.text
    ((at, detail),) = shared.sql(
        "SELECT at, detail FROM audit_records WHERE action = 'client.id_unmasked'"
    )
    assert str(at) >= "2026-11-28"
    assert "2020-01-01T08:00:00+08:00" in str(detail)
