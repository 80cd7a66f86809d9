"""Helpers for the records service tests: sign-in and valid case bodies."""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from stdnum.cn import ric

from tests.fixtures.service import DEMO_PASSWORD, RunningService, ServiceLauncher

DEMO_CATALOG = Path(__file__).resolve().parents[2] / "resources/catalog/demo_catalog.json"
TIMEOUT = (5, 30)


def valid_resident_id(base17: str = "11010519491231002") -> str:
    """A resident ID with a correct check digit (computed, not typed in)."""
    return base17 + ric.calc_check_digit(base17 + "?")  # stdnum ignores the last character


def bad_check_digit(number: str) -> str:
    """The same ID with a wrong check digit."""
    wrong = next(d for d in "0123456789X" if d != number[-1])
    return number[:-1] + wrong


def demo_catalog() -> dict[str, Any]:
    return json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))


def item_for_department(department: str) -> dict[str, Any]:
    return next(i for i in demo_catalog()["items"] if i["department"] == department)


def login(
    service: RunningService,
    username: str = "demo-clerk",
    window_code: str | None = "W01",
    device_id: str | None = None,
    password: str = DEMO_PASSWORD,
    **extra: Any,
) -> requests.Response:
    body: dict[str, Any] = {"username": username, "password": password, **extra}
    if window_code is not None:
        body["window_code"] = window_code
    if device_id is not None:
        body["device_id"] = device_id
    return requests.post(service.url("/auth/login"), json=body, timeout=TIMEOUT)


def token_for(service: RunningService, username: str = "demo-clerk", **kwargs: Any) -> str:
    response = login(service, username, **kwargs)
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


_sequence = itertools.count(1)


def next_seq() -> int:
    """A case sequence number no other test of this run uses (the tests share a service,
    and the numbers only grow, so the latest one is also the highest)."""
    return next(_sequence)


def case_body(
    seq: int | None = None, window_code: str = "W01", clerk: str = "demo-clerk"
) -> dict[str, Any]:
    """A valid POST /cases body for the demo data (a GA item at a GA window)."""
    seq = next_seq() if seq is None else seq
    item = item_for_department("GA")
    return {
        "id": str(uuid.uuid4()),
        "case_no": f"HS-{window_code}-20261128-{seq:06d}",
        "query_code": "482913",
        "item_code": item["code"],
        "window_code": window_code,
        "catalog_version": demo_catalog()["version"],
        "applicant": {
            "kind": "person",
            "name": "张三",
            "id_type": "resident_id",
            "id_number": valid_resident_id(),
            "phone": "13800138000",
        },
        "agent": None,
        "materials": [
            {"code": m["code"], "received": True, "deferred": False, "copies": 1}
            for m in item["materials"]
        ],
        "disposition": "promised",
        "received_at": "2026-11-28T09:30:00+08:00",
        "due_date": "2026-12-08",
        "due_date_provisional": False,
        "fee_fen": 0,
        "clerk": clerk,
        "first_event": {
            "id": str(uuid.uuid4()),
            "type": "accept",
            "at": "2026-11-28T09:30:00+08:00",
            "note": "",
        },
    }


def post_case(
    service: RunningService,
    token: str,
    body: dict[str, Any],
    key: str | None = "from-body",
) -> requests.Response:
    headers = auth(token)
    if key == "from-body":
        key = body["id"]
    if key is not None:
        headers["Idempotency-Key"] = key
    return requests.post(service.url("/cases"), json=body, headers=headers, timeout=TIMEOUT)


def assert_problem(
    response: requests.Response, status: int, type_suffix: str | None = None
) -> dict:
    """The response is an RFC 9457 problem with ``status`` (and type ending in the suffix)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == status
    assert problem["title"]
    if type_suffix is not None:
        assert problem["type"].endswith("/" + type_suffix), problem
    return problem


def error_fields(problem: dict) -> set[str]:
    return {e["field"] for e in problem.get("errors", [])}


@pytest.fixture(scope="session")
def package_service(
    tmp_path_factory: pytest.TempPathFactory, records_template_db
) -> Iterator[RunningService]:
    """One records service for all of tests/service (starting one costs seconds).

    Tests use fresh keys, case numbers and device ids, and compare with what they read
    before writing, so they do not depend on what other tests wrote; a test that needs an
    empty database takes ``records_service`` instead.
    """
    launcher = ServiceLauncher(tmp_path_factory.mktemp("service-tests"), records_template_db)
    try:
        yield launcher.start()
    finally:
        launcher.stop_all()


@pytest.fixture
def service(package_service: RunningService) -> RunningService:
    return package_service


@pytest.fixture(scope="session")
def clerk_token(package_service: RunningService) -> str:
    """A demo-clerk user token at W01 (signing in is slow on purpose: argon2)."""
    return token_for(package_service)


@pytest.fixture(scope="session")
def strict_service(
    tmp_path_factory: pytest.TempPathFactory, records_template_db
) -> Iterator[RunningService]:
    """A service with tight limits: 3 failed sign-ins, minimum client 2.0.0, user tokens
    that expire the moment they are issued, 3 public progress queries a minute."""
    launcher = ServiceLauncher(tmp_path_factory.mktemp("strict-records"), records_template_db)
    env = {
        "CLERK_LOGIN_MAX_FAILURES": "3",
        "CLERK_MIN_CLIENT_VERSION": "2.0.0",
        "CLERK_ACCESS_TOKEN_MINUTES": "0",
        "CLERK_PROGRESS_PER_MINUTE": "3",
    }
    try:
        yield launcher.start(env=env)
    finally:
        launcher.stop_all()
