"""The OpenAPI says what API.md says: every route of its table, with the problems it gives
that route, as ``application/problem+json`` with the shared ``Problem`` schema; required
headers and the bearer scheme where the service demands them; a declared answer everywhere.

API.md is the contract's skeleton (``docs/API.md``, a copy of the shared one). What it
gives a route, read from its table and its conventions:

- the statuses its "what" cell names (``401 wrong credentials``, ``426``, ``409``, ``304``),
  and 429 where it says "rate limited";
- 401 unless anyone may call it (Auth); 403 unless anyone or anyone signed in may;
- 400, 409 and 422 where it says "idempotent" (missing key, in flight, key reused);
- 404 where the path names a record; 422 where the request has fields (strict requests).
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from records_service import reach
from records_service.app import create_app
from records_service.problems import PROBLEM_MEDIA_TYPE, PROBLEM_SCHEMA_REF
from records_service.settings import Settings
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, token_for

pytestmark = pytest.mark.sqlite_only  # the HTTP contract; both backends share it

ROOT = Path(__file__).resolve().parents[2]
#: The repository's copy of the contract (CI has only the repository).
API_MD = ROOT / "docs" / "API.md"
#: The shared original, where a checkout sits beside it (``$CLERK_API_MD`` to point elsewhere).
SHARED_API_MD = Path(os.environ.get("CLERK_API_MD", ROOT.parent / "shared" / "API.md"))
PREFIX = "/api/v1"
_ROW = re.compile(r"^\| `([A-Z]+) ([^`]+)` \| ([^|]+) \| (.*) \|$")


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # parameters as ``{}``
    who: str
    what: str
    has_query: bool = False

    @property
    def problems(self) -> set[int]:
        """The statuses API.md gives this route (see the module docstring)."""
        statuses = {int(s) for s in re.findall(r"\b([34][0-9][0-9])\b", self.what)}
        if "rate limited" in self.what:
            statuses.add(429)
        if self.who != "anyone":
            statuses.add(401)
        if self.who not in ("anyone", "signed in"):
            statuses.add(403)
        if "idempotent" in self.what:
            statuses |= {400, 409, 422}
        if "{}" in self.path:
            statuses.add(404)
        if self.has_fields:
            statuses.add(422)
        return statuses

    @property
    def has_fields(self) -> bool:
        body = self.method in ("POST", "PUT", "PATCH") and self.path != "/auth/logout"
        return body or self.has_query


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path.split("?", 1)[0])


def api_md_routes(text: str) -> list[Route]:
    """The rows of API.md's "Routes" table."""
    table = text.split("\n## Routes\n", 1)[1].split("\n## ", 1)[0]
    routes = []
    for line in table.splitlines():
        match = _ROW.match(line.strip())
        if match:
            method, path, who, what = match.groups()
            routes.append(Route(method, _shape(path), who.strip(), what, "?" in path))
    return routes


@pytest.fixture(scope="module")
def openapi(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The service's OpenAPI document (the app builds it without a database)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('openapi') / 'unused.db'}"
    return create_app(Settings(database_url=url)).openapi()


@pytest.fixture(scope="module")
def routes() -> list[Route]:
    found = api_md_routes(API_MD.read_text(encoding="utf-8"))
    assert len(found) >= 20, "API.md's route table was not read"
    return found


def test_the_repository_copy_of_api_md_is_the_shared_contract() -> None:
    if not SHARED_API_MD.exists():
        pytest.skip(f"no shared API.md at {SHARED_API_MD} to compare docs/API.md with")
    assert API_MD.read_text(encoding="utf-8") == SHARED_API_MD.read_text(encoding="utf-8"), (
        f"docs/API.md differs from {SHARED_API_MD}: copy the shared contract again"
    )


def _operations(openapi: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method.upper(), _shape(path.removeprefix(PREFIX))): operation
        for path, item in openapi["paths"].items()
        for method, operation in item.items()
    }


def test_every_api_md_route_is_in_the_openapi_with_its_problems(
    openapi: dict[str, Any], routes: list[Route]
) -> None:
    operations = _operations(openapi)
    missing = [f"{r.method} {r.path}" for r in routes if (r.method, r.path) not in operations]
    assert not missing, f"API.md routes the OpenAPI lacks: {missing}"
    undocumented = {}
    for route in routes:
        responses = operations[route.method, route.path]["responses"]
        lacking = sorted(route.problems - {int(s) for s in responses})
        if lacking:
            undocumented[f"{route.method} {route.path}"] = lacking
    assert not undocumented, f"problems API.md gives but the OpenAPI does not: {undocumented}"


def test_every_problem_is_problem_json_with_the_shared_schema(openapi: dict[str, Any]) -> None:
    problem = openapi["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "errors"} <= set(problem["properties"])
    field_error = openapi["components"]["schemas"]["FieldError"]
    assert set(field_error["properties"]) == {"field", "message"}
    for (method, path), operation in _operations(openapi).items():
        assert "503" in operation["responses"], (method, path)  # the database is busy
        for status, response in operation["responses"].items():
            if status.startswith("4") or (status == "503" and path != "/health"):
                assert response["content"] == {
                    PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_SCHEMA_REF}}
                }, (method, path, status)
        assert "default" not in operation["responses"], (method, path)


def test_every_answer_is_declared_and_operation_ids_are_stable(openapi: dict[str, Any]) -> None:
    ids = []
    for (method, path), operation in _operations(openapi).items():
        ids.append(operation["operationId"])
        assert re.fullmatch(r"[a-z][a-z_]+", operation["operationId"]), (method, path)
        for status, response in operation["responses"].items():
            if status.startswith("2") and status != "204":
                if "application/json" not in response["content"]:  # a file (attachments)
                    assert all(
                        c["schema"] == {"type": "string", "format": "binary"}
                        for c in response["content"].values()
                    ), (method, path, status)
                    continue
                schema = response["content"]["application/json"]["schema"]
                assert schema.get("$ref", "").startswith("#/components/schemas/"), (
                    method,
                    path,
                    status,
                )
    assert len(ids) == len(set(ids))


def test_signed_in_routes_name_the_bearer_scheme_and_writes_require_their_key(
    openapi: dict[str, Any], routes: list[Route]
) -> None:
    assert openapi["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    operations = _operations(openapi)
    for route in routes:
        operation = operations[route.method, route.path]
        signed_in = route.who != "anyone"
        assert (operation.get("security") == [{"bearer": []}]) == signed_in, route
        if "idempotent" in route.what:
            key = [p for p in operation["parameters"] if p["name"] == "Idempotency-Key"]
            assert key and key[0]["in"] == "header" and key[0]["required"], route


def test_enforced_constraints_are_in_the_schema(openapi: dict[str, Any]) -> None:
    schemas = openapi["components"]["schemas"]
    case_no = schemas["CaseCreate"]["properties"]["case_no"]
    assert re.fullmatch(case_no["pattern"], "HS-W01-20261128-000123")
    assert not re.fullmatch(case_no["pattern"], "hs-w01-20261128-000123")
    score = schemas["RatingCreate"]["properties"]["score"]
    assert (score["minimum"], score["maximum"]) == (1, 5)
    received = schemas["CaseCreate"]["properties"]["received_at"]
    assert received["format"] == "date-time"
    assert re.fullmatch(received["pattern"], "2026-11-28T09:30:00+08:00")
    assert not re.fullmatch(received["pattern"], "2201-01-01T00:00:00Z")
    assert "resident_id" in schemas["Party"]["properties"]["id_type"]["enum"]
    workload = openapi["paths"][PREFIX + "/workload"]["get"]
    period = {p["name"]: p for p in workload["parameters"]}
    assert "at most 400 days" in period["from"]["description"]


def _keyed_writes(openapi: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, operation id) of every write that requires an ``Idempotency-Key``."""
    return [
        (path.removeprefix(PREFIX), operation["operationId"])
        for path, item in openapi["paths"].items()
        for operation in item.values()
        if any(p["name"] == "Idempotency-Key" for p in operation.get("parameters", []))
    ]


#: Who tries a keyed write: a window's clerk where a clerk may, else the first of these
#: (demo user, window) whose role may use the route (a role that may not gets 403 first).
_WRITERS = {
    "cashier": ("demo-cashier", "S01"),
    "lead": ("demo-lead", None),
    "finance": ("demo-finance", None),
    "admin": ("demo-admin", None),
    "supervisor": ("demo-supervisor", None),
}


#: Machines that write with a key where no person may (a kiosk issues queue tickets).
_MACHINES = ("kiosk", "integration")


def _machine(service, kind: str, tokens: dict[str, str]) -> str:
    """A credential of ``kind`` enrolled by the demo admin."""
    if "admin" not in tokens:
        tokens["admin"] = token_for(service, "demo-admin", window_code=None)
    body = {"kind": kind, "label": f"contract {kind}"}
    code = requests.post(
        service.url("/enrolments"), json=body, headers=auth(tokens["admin"]), timeout=TIMEOUT
    )
    assert code.status_code == 201, code.text
    redeemed = requests.post(
        service.url("/enrolments/redeem"), json={"code": code.json()["code"]}, timeout=TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    return redeemed.json()["token"]


def test_a_write_without_its_key_is_400_as_the_schema_says(
    service, clerk_token, openapi: dict[str, Any]
) -> None:
    writes = _keyed_writes(openapi)
    assert len(writes) >= 5
    tokens = {"clerk": clerk_token}
    for path, operation_id in writes:
        allowed = reach.ROUTES[operation_id]
        role = next(r for r in ("clerk", *_WRITERS, *_MACHINES) if r in allowed)
        if role not in tokens:
            if role in _MACHINES:
                tokens[role] = _machine(service, role, tokens)
            else:
                username, window = _WRITERS[role]
                tokens[role] = token_for(service, username, window_code=window)
        url = service.url(path.replace("{case_no}", "HS-W01-20261128-000001"))
        answer = requests.post(
            url, json={"id": str(uuid.uuid4())}, headers=auth(tokens[role]), timeout=TIMEOUT
        )
        assert_problem(answer, 400, "idempotency-key-required")


def test_a_wrong_method_names_every_method_of_the_path(service, clerk_token) -> None:
    answer = requests.delete(service.url("/cases"), headers=auth(clerk_token), timeout=TIMEOUT)
    assert_problem(answer, 405)
    assert answer.headers["Allow"] == "GET, POST"
