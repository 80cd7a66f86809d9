"""Every request passes one guard before a route sees it (records_service.request_guard):
the body limit, then the JSON depth, then NUL characters, each a problem answer; a body sent
in chunks (no Content-Length) is counted against the limit as it arrives and reaches the
route whole. Every answer, a refusal too, carries its own X-Request-Id."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
import requests

from records_service.json_depth import MAX_DEPTH
from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    error_fields,
    login,
)

pytestmark = pytest.mark.sqlite_only  # answered before any SQL: the same on both backends

JSON = {"Content-Type": "application/json"}
LIMIT = 1_000_000  # the default max_body_bytes


def chunks(data: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    """A generator body: requests sends it with Transfer-Encoding: chunked."""
    for start in range(0, len(data), size):
        yield data[start : start + size]


@pytest.fixture(scope="module")
def guarded(shared_records_service):
    return shared_records_service


@pytest.fixture(scope="module")
def token(guarded) -> str:
    return login(guarded, device_id="desk-guard").json()["access_token"]


def test_a_chunked_body_above_the_limit_is_413(guarded) -> None:
    data = json.dumps({"username": "x" * (LIMIT + 10), "password": "p"}).encode()
    response = requests.post(
        guarded.url("/auth/login"), data=chunks(data), headers=JSON, timeout=TIMEOUT
    )
    assert "content-length" not in {k.lower() for k in response.request.headers}
    problem = assert_problem(response, 413, "too-large")
    assert problem["detail"] == f"The request body exceeds {LIMIT} bytes."


def test_a_chunked_case_reaches_the_route_whole_and_is_created_once(guarded, token) -> None:
    body = case_body()
    headers = {**auth(token), **JSON, "Idempotency-Key": body["id"]}
    data = json.dumps(body).encode()
    first = requests.post(
        guarded.url("/cases"), data=chunks(data, 100), headers=headers, timeout=TIMEOUT
    )
    assert first.status_code == 201, first.text
    assert first.json()["case"]["applicant"] == body["applicant"]
    again = requests.post(guarded.url("/cases"), data=data, headers=headers, timeout=TIMEOUT)
    assert again.status_code == 201  # the same body, whether chunked or not
    assert again.headers.get("Idempotency-Replayed") == "true", again.headers


def test_a_nul_in_a_chunked_body_is_422_naming_the_field(guarded, token) -> None:
    body = case_body()
    body["applicant"]["name"] = "张\x00三"
    headers = {**auth(token), **JSON, "Idempotency-Key": body["id"]}
    data = json.dumps(body).encode()
    response = requests.post(
        guarded.url("/cases"), data=chunks(data, 100), headers=headers, timeout=TIMEOUT
    )
    assert error_fields(assert_problem(response, 422, "validation")) == {"applicant.name"}
    found = requests.get(
        guarded.url(f"/cases/{body['case_no']}"), headers=auth(token), timeout=TIMEOUT
    )
    assert found.status_code == 404


def test_the_limit_comes_before_the_depth_and_the_depth_before_a_nul(guarded) -> None:
    deep = "[" * (MAX_DEPTH + 10) + '"a\\u0000b"' + "]" * (MAX_DEPTH + 10)
    too_big = "[" * LIMIT + "]" * 10
    # A NUL in the query and in a body too deep: the depth is answered.
    deep_answer = requests.post(
        guarded.url("/auth/login"),
        params={"q": "x\x00y"},
        data=deep,
        headers=JSON,
        timeout=TIMEOUT,
    )
    problem = assert_problem(deep_answer, 422, "validation")
    assert problem["detail"] == "The request body is nested too deeply."
    # Too big and too deep, NUL in the path: the limit is answered.
    big_answer = requests.post(
        guarded.url("/cases/HS%00"), data=too_big, headers=JSON, timeout=TIMEOUT
    )
    assert_problem(big_answer, 413, "too-large")
    # Shallow, with a NUL in the path, the query and the body: all three are named.
    nul_answer = requests.post(
        guarded.url("/cases/HS%00"),
        params={"q": "x\x00y"},
        data=json.dumps({"name": "a\x00b"}),
        headers=JSON,
        timeout=TIMEOUT,
    )
    nul_problem = assert_problem(nul_answer, 422, "validation")
    assert [e["field"] for e in nul_problem["errors"]] == ["path", "q", "name"]
    assert nul_problem["detail"] == "Invalid fields: name, path, q"


def test_every_answer_carries_its_own_request_id(guarded, token) -> None:
    answers = [
        requests.get(guarded.url("/health"), timeout=TIMEOUT),
        requests.get(guarded.url("/health"), timeout=TIMEOUT),
        requests.post(
            guarded.url("/auth/login"), data="[" * 100 + "]" * 100, headers=JSON, timeout=TIMEOUT
        ),
        requests.post(guarded.url("/auth/login"), data=chunks(b" " * (LIMIT + 1)), timeout=TIMEOUT),
    ]
    assert [a.status_code for a in answers] == [200, 200, 422, 413]
    ids = [a.headers["X-Request-Id"] for a in answers]
    assert all(re.fullmatch(r"[0-9a-f]{16}", i) for i in ids), ids
    assert len(set(ids)) == len(ids)
