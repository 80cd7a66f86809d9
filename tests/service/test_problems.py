"""Health, OpenAPI, and errors: every error is application/problem+json, no 5xx for bad input."""

from __future__ import annotations

import pytest
import requests

from records_service import __version__
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, token_for

# Routing, problem documents and request validation happen before any SQL is sent, the same
# on both backends (the database check of /health is tested on both in test_operations.py).
pytestmark = pytest.mark.sqlite_only


def test_unknown_route_is_a_404_problem(service) -> None:
    assert_problem(requests.get(service.url("/no/such/route"), timeout=TIMEOUT), 404)


def test_wrong_method_is_a_405_problem(service) -> None:
    assert_problem(requests.delete(service.url("/health"), timeout=TIMEOUT), 405)


def test_login_with_unknown_field_names_it(service) -> None:
    response = requests.post(
        service.url("/auth/login"),
        json={"username": "demo-clerk", "password": "x", "is_admin": True},
        timeout=TIMEOUT,
    )
    problem = assert_problem(response, 422, "validation")
    assert {"field": "is_admin", "message": "unknown field"} in problem["errors"]


def test_login_body_that_is_not_an_object_is_a_4xx_problem(service) -> None:
    for payload in ([], "text", 42, None):
        response = requests.post(service.url("/auth/login"), json=payload, timeout=TIMEOUT)
        assert 400 <= response.status_code < 500, response.text
        assert response.headers["content-type"].startswith("application/problem+json")


def test_overlong_bearer_token_is_401_not_an_error(service) -> None:
    response = requests.get(service.url("/catalog"), headers=auth("x" * 5000), timeout=TIMEOUT)
    assert_problem(response, 401)


def test_openapi_document_lists_the_contract_routes(service) -> None:
    document = requests.get(service.base_url + "/openapi.json", timeout=TIMEOUT).json()
    paths = set(document["paths"])
    assert {
        "/api/v1/health",
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/catalog",
        "/api/v1/calendar",
        "/api/v1/cases",
        "/api/v1/cases/{case_no}",
    } <= paths


def test_health_reports_status_and_versions(service) -> None:
    response = requests.get(service.url("/health"), timeout=5)
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "version": __version__,
        "min_client_version": "0.1.0",
        "database": "ok",
    }


def test_huge_numbers_in_query_parameters_are_422_not_errors(service) -> None:
    token = token_for(service, "demo-admin", window_code=None)
    for path, params in (
        ("/cases", {"cursor": "9" * 20}),
        ("/changes", {"after": "9" * 25}),
        ("/calendar", {"year": "9" * 25}),
    ):
        response = requests.get(
            service.url(path), params=params, headers=auth(token), timeout=TIMEOUT
        )
        assert_problem(response, 422, "validation")
