"""The write path of POST /cases (records_service.case_write, issue 20) over real HTTP on
both databases: what the one-statement write must keep — a refused write leaves nothing,
not even its key; a replay answers what was stored, whatever the checks say now; the token
check's own connection survives the database dropping it."""

from __future__ import annotations

import requests

from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    error_fields,
    post_case,
    token_for,
)


def test_a_taken_case_number_writes_nothing_so_the_corrected_retry_is_applied(
    service_factory, backend
) -> None:
    service = service_factory(backend=backend)
    token = token_for(service)
    first = case_body()
    assert post_case(service, token, first).status_code == 201
    clash = {**case_body(), "case_no": first["case_no"]}

    assert_problem(post_case(service, token, clash), 409, "conflict")

    assert service.sql("SELECT count(*) FROM cases WHERE id = :id", id=clash["id"]) == [(0,)]
    events = "SELECT count(*) FROM case_events WHERE id = :id"
    assert service.sql(events, id=clash["first_event"]["id"]) == [(0,)]
    keys = "SELECT count(*) FROM idempotency_keys WHERE key = :key"
    assert service.sql(keys, key=clash["id"]) == [(0,)]
    audited = "SELECT result FROM audit_records WHERE action = 'case.create' AND target = :no"
    assert sorted(r for (r,) in service.sql(audited, no=first["case_no"])) == ["conflict", "ok"]
    # The same key with a corrected number is a first write, not a mismatch.
    corrected = {**clash, "case_no": case_body()["case_no"]}
    answer = post_case(service, token, corrected)
    assert answer.status_code == 201, answer.text
    assert "Idempotency-Replayed" not in answer.headers
    assert answer.json()["case"]["case_no"] == corrected["case_no"]


def test_a_replay_gets_the_stored_answer_even_where_the_checks_now_refuse(
    service_factory, backend
) -> None:
    service = service_factory(backend=backend)
    token = token_for(service)
    body = case_body()
    first = post_case(service, token, body)
    assert first.status_code == 201, first.text
    # The clerk moves to another center: a new case of W01's numbers is now refused ...
    service.sql(
        "INSERT INTO centers (code, name, level, parent_code) "
        "VALUES ('QX', 'test county', 'county', 'HS')"
    )
    service.sql("UPDATE users SET center_code = 'QX' WHERE username = 'demo-clerk'")
    refused = post_case(service, token, case_body())
    assert "case_no" in error_fields(assert_problem(refused, 422, "validation"))

    # ... but the retry of the write applied before answers what it answered then.
    replay = post_case(service, token, body)

    assert replay.status_code == 201, replay.text
    assert replay.headers["Idempotency-Replayed"] == "true"
    assert replay.content == first.content
    assert service.sql("SELECT count(*) FROM cases WHERE id = :id", id=body["id"]) == [(1,)]


def test_the_answer_is_the_case_as_read_back(service_factory, backend) -> None:
    """The answer is built from the body, not read back: it must say what a read says."""
    service = service_factory(backend=backend)
    token = token_for(service)
    body = case_body()
    body["first_event"]["note"] = '取件人：张三 \u2028 \\ "quoted"'
    body["first_event"]["data"] = {"ratio": 0.1, "big": 1e16, "nested": [1, None, True]}
    body["applicant"]["address"] = "衡水市桃城区"
    body["received_at"] = "2026-11-28T01:30:00.123456Z"  # UTC in, +08:00 out

    created = post_case(service, token, body)

    assert created.status_code == 201, created.text
    read = requests.get(
        service.url(f"/cases/{body['case_no']}"), headers=auth(token), timeout=TIMEOUT
    )
    assert read.status_code == 200
    assert created.json() == read.json()
    assert created.json()["case"]["received_at"] == "2026-11-28T09:30:00.123456+08:00"


def test_the_token_check_reconnects_after_the_database_dropped_it(service_factory, backend) -> None:
    service = service_factory(backend=backend)
    token = token_for(service)
    assert requests.get(service.url("/catalog"), headers=auth(token), timeout=TIMEOUT).ok
    if service.backend == "postgresql":  # every connection of the service is cut
        service.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    again = requests.get(service.url("/catalog"), headers=auth(token), timeout=TIMEOUT)
    assert again.status_code == 200, again.text
    assert post_case(service, token, case_body()).status_code == 201
    bad = requests.get(service.url("/catalog"), headers=auth("not-a-token"), timeout=TIMEOUT)
    assert_problem(bad, 401)
