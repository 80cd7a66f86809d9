"""A JSON body nested deeper than the service allows answers a 4xx problem, never a 500
(it did: 600 levels were a RecursionError in the parser)."""

from __future__ import annotations

import json

import pytest
import requests

from records_service.json_depth import MAX_DEPTH
from tests.helpers.service_api import TIMEOUT, auth, case_body, login, post_case

pytestmark = pytest.mark.sqlite_only  # refused before any SQL: the same on both backends

JSON = {"Content-Type": "application/json"}


def nested_arrays(depth: int) -> str:
    return "[" * depth + "]" * depth


def nested_objects(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


@pytest.fixture(scope="module")
def deep_service(shared_records_service):
    return shared_records_service


def assert_too_deep(response: requests.Response) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"].endswith("/validation")
    assert problem["errors"] == [
        {
            "field": "",
            "message": f"the body nests arrays and objects deeper than {MAX_DEPTH} levels",
        }
    ]


@pytest.mark.parametrize("body", [nested_arrays(1000), nested_objects(1000), nested_arrays(600)])
def test_a_deeply_nested_body_is_refused_before_sign_in(deep_service, body) -> None:
    response = requests.post(
        deep_service.url("/auth/login"), data=body, headers=JSON, timeout=TIMEOUT
    )
    assert_too_deep(response)


def test_a_deeply_nested_case_is_refused_and_nothing_is_written(deep_service) -> None:
    token = login(deep_service, device_id="desk-depth").json()["access_token"]
    body = case_body()
    body["applicant"]["extra"] = "DEEP"
    data = json.dumps(body).replace('"DEEP"', nested_objects(1000))
    headers = {**auth(token), **JSON, "Idempotency-Key": body["id"]}
    response = requests.post(
        deep_service.url("/cases"), data=data, headers=headers, timeout=TIMEOUT
    )
    assert_too_deep(response)
    found = requests.get(
        deep_service.url(f"/cases/{body['case_no']}"), headers=auth(token), timeout=TIMEOUT
    )
    assert found.status_code == 404


def test_bodies_within_the_limit_are_answered_by_the_route(deep_service) -> None:
    token = login(deep_service, device_id="desk-depth-2").json()["access_token"]
    assert post_case(deep_service, token, case_body()).status_code == 201
    # Many brackets, but shallow: the route's own validation answers.
    wide = "[" + ",".join(["[]"] * 200) + "]"
    response = requests.post(
        deep_service.url("/auth/login"), data=wide, headers=JSON, timeout=TIMEOUT
    )
    assert response.status_code == 422
    assert "nests arrays" not in response.text  # the route's "not an object"
    just_deep_enough = nested_arrays(MAX_DEPTH)
    response = requests.post(
        deep_service.url("/auth/login"), data=just_deep_enough, headers=JSON, timeout=TIMEOUT
    )
    assert response.status_code == 422
    assert "nests arrays" not in response.text


def test_a_deep_body_without_a_content_type_is_refused_too(deep_service) -> None:
    # FastAPI reads a body without Content-Type as JSON: so does the guard.
    response = requests.post(
        deep_service.url("/auth/login"), data=nested_arrays(1000).encode(), timeout=TIMEOUT
    )
    assert "content-type" not in {k.lower() for k in response.request.headers}
    assert_too_deep(response)
