"""POST /cases and GET /cases/{case_no} over real HTTP, idempotency included."""

from __future__ import annotations

import threading
import uuid

import pytest
import requests
from sqlalchemy.exc import DatabaseError

from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    bad_check_digit,
    case_body,
    error_fields,
    post_case,
    token_for,
)


def fresh_body(**kwargs) -> dict:
    """A valid body with a case number no other test of this module uses."""
    return case_body(**kwargs)


def rows(service, sql: str, **params) -> list[tuple]:
    return service.sql(sql, **params)


def test_created_case_comes_back_with_status_and_first_event(service, clerk_token) -> None:
    body = fresh_body()
    response = post_case(service, clerk_token, body)
    assert response.status_code == 201, response.text
    case = response.json()["case"]
    assert case["id"] == body["id"]
    assert case["case_no"] == body["case_no"]
    assert case["status"] == "accepted"
    assert case["applicant"] == body["applicant"]
    assert [e["id"] for e in case["events"]] == [body["first_event"]["id"]]
    fetched = requests.get(
        service.url(f"/cases/{body['case_no']}"), headers=auth(clerk_token), timeout=TIMEOUT
    )
    assert fetched.status_code == 200
    assert fetched.json()["case"] == case


def test_retry_with_same_key_and_body_replays_and_creates_one_case(service, clerk_token) -> None:
    body = fresh_body()
    first = post_case(service, clerk_token, body)
    second = post_case(service, clerk_token, body)
    assert first.status_code == second.status_code == 201
    assert second.content == first.content
    assert rows(service, "SELECT count(*) FROM cases WHERE id = :id", id=body["id"]) == [(1,)]
    events = "SELECT count(*) FROM case_events WHERE case_id = :id"
    assert rows(service, events, id=body["id"]) == [(1,)]


def test_same_key_with_a_different_body_is_422_mismatch(service, clerk_token) -> None:
    body = fresh_body()
    assert post_case(service, clerk_token, body).status_code == 201
    changed = {**body, "fee_fen": body["fee_fen"] + 100}
    assert_problem(post_case(service, clerk_token, changed), 422, "idempotency-mismatch")
    fetched = requests.get(
        service.url(f"/cases/{body['case_no']}"), headers=auth(clerk_token), timeout=TIMEOUT
    )
    assert fetched.json()["case"]["fee_fen"] == body["fee_fen"]


def test_missing_idempotency_key_is_400(service, clerk_token) -> None:
    body = fresh_body()
    assert_problem(post_case(service, clerk_token, body, key=None), 400)
    assert rows(service, "SELECT count(*) FROM cases WHERE id = :id", id=body["id"]) == [(0,)]


def test_key_other_than_the_case_id_is_422(service, clerk_token) -> None:
    problem = assert_problem(
        post_case(service, clerk_token, fresh_body(), key=str(uuid.uuid4())), 422
    )
    assert "id" in error_fields(problem)


def test_concurrent_requests_with_one_key_create_exactly_one_case(service, clerk_token) -> None:
    body = fresh_body()
    barrier = threading.Barrier(6)
    answers: list[requests.Response] = []
    lock = threading.Lock()

    def send() -> None:
        barrier.wait()
        response = post_case(service, clerk_token, body)
        with lock:
            answers.append(response)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(r.status_code for r in answers)
    assert set(statuses) <= {201, 409}, [r.text for r in answers]
    assert 201 in statuses
    created = [r.content for r in answers if r.status_code == 201]
    assert len(set(created)) == 1
    for conflict in (r for r in answers if r.status_code == 409):
        assert_problem(conflict, 409, "in-flight")
    assert rows(service, "SELECT count(*) FROM cases WHERE id = :id", id=body["id"]) == [(1,)]


def test_same_case_number_under_another_key_is_409(service, clerk_token) -> None:
    body = fresh_body()
    assert post_case(service, clerk_token, body).status_code == 201
    clash = {**fresh_body(), "case_no": body["case_no"]}
    assert_problem(post_case(service, clerk_token, clash), 409, "conflict")


def test_malformed_json_is_a_4xx_problem(service, clerk_token) -> None:
    headers = {
        **auth(clerk_token),
        "Idempotency-Key": str(uuid.uuid4()),
        "Content-Type": "application/json",
    }
    for raw in (b'{"id": ', b"\xff\xfe not json", b"[1, 2", b""):
        response = requests.post(service.url("/cases"), data=raw, headers=headers, timeout=TIMEOUT)
        assert 400 <= response.status_code < 500, (raw, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")


def test_unknown_item_is_422_naming_item_code(service, clerk_token) -> None:
    body = {**fresh_body(), "item_code": "NO-SUCH-ITEM"}
    problem = assert_problem(post_case(service, clerk_token, body), 422, "validation")
    assert error_fields(problem) == {"item_code"}


def test_unknown_field_is_422_naming_it(service, clerk_token) -> None:
    body = fresh_body()
    body["favourite_colour"] = "blue"
    body["applicant"]["shoe_size"] = 42
    problem = assert_problem(post_case(service, clerk_token, body), 422, "validation")
    assert {"favourite_colour", "applicant.shoe_size"} <= error_fields(problem)


def test_ten_megabyte_name_is_refused_without_a_server_error(service, clerk_token) -> None:
    body = fresh_body()
    body["applicant"]["name"] = "张" * (10 * 1024 * 1024 // 3)
    response = post_case(service, clerk_token, body)
    assert_problem(response, 413)


def test_overlong_name_is_422_naming_the_field(service, clerk_token) -> None:
    body = fresh_body()
    body["applicant"]["name"] = "张" * 101
    problem = assert_problem(post_case(service, clerk_token, body), 422, "validation")
    assert error_fields(problem) == {"applicant.name"}


def test_resident_id_with_bad_check_digit_is_422_naming_the_field(service, clerk_token) -> None:
    body = fresh_body()
    body["applicant"]["id_number"] = bad_check_digit(body["applicant"]["id_number"])
    problem = assert_problem(post_case(service, clerk_token, body), 422, "validation")
    assert error_fields(problem) == {"applicant.id_number"}
    assert rows(service, "SELECT count(*) FROM cases WHERE id = :id", id=body["id"]) == [(0,)]


def test_case_for_another_window_is_refused(service, clerk_token) -> None:
    body = fresh_body(window_code="W03")
    assert_problem(post_case(service, clerk_token, body), 403)


def test_case_without_a_token_is_401(service) -> None:
    body = fresh_body()
    response = requests.post(
        service.url("/cases"), json=body, headers={"Idempotency-Key": body["id"]}, timeout=TIMEOUT
    )
    assert_problem(response, 401, "unauthorized")


def test_lead_cannot_create_cases(service) -> None:
    lead = token_for(service, "demo-lead", window_code=None)
    assert_problem(post_case(service, lead, fresh_body(clerk="demo-lead")), 403)


@pytest.mark.parametrize(
    ("username", "window_code", "expected"),
    [
        ("demo-lead", None, 200),
        ("demo-admin", None, 404),  # a single center's admin reads no case (reach.py)
        ("demo-clerk-w03", "W03", 404),  # outside their reach, like an unknown number
    ],
)
def test_who_may_read_a_case(service, clerk_token, username, window_code, expected) -> None:
    body = fresh_body()
    assert post_case(service, clerk_token, body).status_code == 201
    token = token_for(service, username, window_code=window_code)
    response = requests.get(
        service.url(f"/cases/{body['case_no']}"), headers=auth(token), timeout=TIMEOUT
    )
    assert response.status_code == expected


def test_unknown_case_number_is_404_problem(service, clerk_token) -> None:
    response = requests.get(
        service.url("/cases/HS-W01-20991231-999999"), headers=auth(clerk_token), timeout=TIMEOUT
    )
    assert_problem(response, 404)


def test_every_write_leaves_an_append_only_audit_record(service, clerk_token) -> None:
    body = fresh_body()
    assert post_case(service, clerk_token, body).status_code == 201
    records = rows(
        service,
        "SELECT actor, client_ip, result FROM audit_records "
        "WHERE action = 'case.create' AND target = :no",
        no=body["case_no"],
    )
    assert records == [("demo-clerk", "127.0.0.1", "ok")]
    with pytest.raises(DatabaseError, match="append-only"):
        rows(service, "UPDATE audit_records SET result = 'forged'")
    with pytest.raises(DatabaseError, match="append-only"):
        rows(service, "DELETE FROM audit_records")


def list_cases(service, token, **params) -> dict:
    response = requests.get(
        service.url("/cases"), params=params, headers=auth(token), timeout=TIMEOUT
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_case_list_finds_by_applicant_name_and_pages(service, clerk_token) -> None:
    name = "欧阳" + uuid.uuid4().hex[:6]
    created = []
    for _ in range(3):
        body = fresh_body()
        body["applicant"]["name"] = name
        assert post_case(service, clerk_token, body).status_code == 201
        created.append(body["case_no"])
    seen: list[str] = []
    page = list_cases(service, clerk_token, q=name, limit=2)
    seen += [c["case_no"] for c in page["items"]]
    assert page["next"]
    page = list_cases(service, clerk_token, q=name, limit=2, cursor=page["next"])
    seen += [c["case_no"] for c in page["items"]]
    assert page["next"] is None
    assert sorted(seen) == sorted(created)


def test_case_list_of_another_window_clerk_does_not_show_this_windows_cases(
    service, clerk_token
) -> None:
    body = fresh_body()
    assert post_case(service, clerk_token, body).status_code == 201
    other = token_for(service, "demo-clerk-w03", window_code="W03")
    page = list_cases(service, other, q=body["case_no"])
    assert page["items"] == []
    lead = token_for(service, "demo-lead", window_code=None)
    assert [c["case_no"] for c in list_cases(service, lead, q=body["case_no"])["items"]] == [
        body["case_no"]
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("received_at", "9999-12-31T23:59:59-12:00"),
        ("received_at", "0001-01-01T00:00:00+14:00"),
        ("received_at", "2026-11-28T09:30:00"),
        ("due_date", "0001-01-01"),
    ],
)
def test_impossible_or_naive_times_are_422(service, clerk_token, field, value) -> None:
    body = fresh_body()
    body[field] = value
    problem = assert_problem(post_case(service, clerk_token, body), 422, "validation")
    assert error_fields(problem) == {field}


def test_organization_applicant_with_credit_code_is_accepted(service, clerk_token) -> None:
    from stdnum.cn import uscc

    base = "91130100MA0A1B2C3"  # 17 characters; the check character is computed
    body = fresh_body()
    body["applicant"] = {
        "kind": "organization",
        "name": "衡水示例科技有限公司",
        "id_type": "credit_code",
        "id_number": base + uscc.calc_check_digit(base),
        "legal_representative": "",
        "contact_name": "王五",
        "phone": "13800138000",
    }
    response = post_case(service, clerk_token, body)
    assert response.status_code == 201, response.text
    assert response.json()["case"]["applicant"] == body["applicant"]


@pytest.mark.parametrize(
    "case_no",
    ["HS-W01-20261332-000001", "hs-w01-20261128-000001", "HS-W01-20261128-000000", "W01-1"],
)
def test_case_number_that_core_numbering_rejects_is_422(service, clerk_token, case_no) -> None:
    body = {**fresh_body(), "case_no": case_no}
    problem = assert_problem(post_case(service, clerk_token, body), 422, "validation")
    assert error_fields(problem) == {"case_no"}
