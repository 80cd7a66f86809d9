"""Helpers for the records service tests: sign-in and valid case bodies; the backends.

Every test that uses ``service``/``package_service``/``clerk_token``/``strict_service`` (or
asks for ``backend``) runs twice: on SQLite and on PostgreSQL (the session's throwaway
cluster, see tests/helpers/service.py), except in modules marked ``sqlite_only`` — those
check HTTP-level behaviour (validation, problem documents, routing) that does not touch SQL
differently on the two backends. Every service started here runs on the test clock
(``TEST_NOW``), so no test changes with the time of day or the year.
"""

from __future__ import annotations

import itertools
import json
import shutil
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from stdnum.cn import ric

from records_service.settings import Settings
from tests.helpers.service import (
    DEMO_PASSWORD,
    TEST_NOW,
    RunningService,
    ServiceFactory,
    ServiceLauncher,
)

DEMO_CATALOG = Path(__file__).resolve().parents[2] / "resources/catalog/demo_catalog.json"
TIMEOUT = (5, 30)
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: a service suite that runs on SQLite only (it says why)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and not metafunc.definition.get_closest_marker(
        "sqlite_only"
    ):
        metafunc.parametrize("backend", BACKENDS, indirect=True, scope="session")


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    """``"sqlite"`` or ``"postgres"``: the database of the services of this test."""
    return getattr(request, "param", "sqlite")


def _launcher(request: pytest.FixtureRequest, folder: Path, records_template_db) -> ServiceLauncher:
    return ServiceLauncher(
        folder,
        records_template_db,
        postgres=lambda: request.getfixturevalue("postgres_databases"),
        clock=TEST_NOW,
    )


@pytest.fixture
def service_factory(
    request: pytest.FixtureRequest, tmp_path: Path, records_template_db
) -> Iterator[ServiceFactory]:
    """tests/helpers/service.py's ``service_factory``, on the test clock by default."""
    launcher = _launcher(request, tmp_path, records_template_db)
    try:
        yield launcher.start
    finally:
        launcher.stop_all()


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


def service_now(service: RunningService) -> datetime:
    """What the service believes "now" is (its test clock runs on from ``TEST_NOW``): a
    sign-in's ``expires_at`` less the default user token lifetime."""
    expires = datetime.fromisoformat(login(service).json()["expires_at"])
    return expires - timedelta(minutes=Settings().access_token_minutes)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


_sequence = itertools.count(1)


def next_seq() -> int:
    """A case sequence number no other test of this run uses (the tests share a service,
    and the numbers only grow, so the latest one is also the highest)."""
    return next(_sequence)


def case_body(
    seq: int | None = None,
    window_code: str = "W01",
    clerk: str = "demo-clerk",
    department: str = "GA",
) -> dict[str, Any]:
    """A valid POST /cases body for the demo data (an item of ``department``, by default a
    GA item at a GA window; give a window of that department)."""
    seq = next_seq() if seq is None else seq
    item = item_for_department(department)
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
    request: pytest.FixtureRequest,
    backend: str,
    tmp_path_factory: pytest.TempPathFactory,
    records_template_db,
) -> Iterator[RunningService]:
    """One records service per backend for all of tests/service (starting one costs
    seconds; on PostgreSQL a copy of the demo database on the session's cluster).

    Tests use fresh keys, case numbers and device ids, and compare with what they read
    before writing, so they do not depend on what other tests wrote; a test that needs an
    empty database takes ``records_service`` instead.
    """
    launcher = _launcher(request, tmp_path_factory.mktemp("service-tests"), records_template_db)
    # The suites sign in from many desks at W01 (each test its own): lift the cap of desks.
    env = {"CLERK_DEVICES_PER_WINDOW": "1000"}
    try:
        yield launcher.start(backend=backend, env=env)
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
    request: pytest.FixtureRequest,
    backend: str,
    tmp_path_factory: pytest.TempPathFactory,
    records_template_db,
) -> Iterator[RunningService]:
    """A service with tight limits: 3 failed sign-ins, minimum client 2.0.0, user tokens
    that expire the moment they are issued, 3 public progress queries a minute."""
    launcher = _launcher(request, tmp_path_factory.mktemp("strict-records"), records_template_db)
    env = {
        "CLERK_LOGIN_MAX_FAILURES": "3",
        "CLERK_MIN_CLIENT_VERSION": "2.0.0",
        "CLERK_ACCESS_TOKEN_MINUTES": "0",
        "CLERK_PROGRESS_PER_MINUTE": "3",
    }
    try:
        yield launcher.start(env=env, backend=backend)
    finally:
        launcher.stop_all()


class DemoDatabases:
    """Demo databases of one backend for tests that run the CLI on them: ``new()`` gives
    the URL of a fresh copy of the migrated demo database, ``copy(url)`` a copy of another
    (a SQLite file copy, or ``CREATE DATABASE ... TEMPLATE`` on PostgreSQL — nobody may be
    connected to the source), ``empty()`` an empty database."""

    def __init__(self, backend: str, folder: Path, postgres, template) -> None:
        self.backend = backend
        self.folder = folder
        self._postgres_databases = postgres
        self._template = template
        self._count = itertools.count(1)

    def _postgres(self):
        return self._postgres_databases

    def _file(self) -> Path:
        folder = self.folder / f"db-{next(self._count)}"
        folder.mkdir()
        return folder / "records.db"

    def new(self) -> str:
        if self.backend == "postgres":
            databases = self._postgres()
            return databases.create(template=databases.demo_template())
        return self.copy(f"sqlite:///{self._template(None)}")

    def copy(self, url: str) -> str:
        if self.backend == "postgres":
            return self._postgres().create(template=url.rsplit("/", 1)[1])
        path = self._file()
        shutil.copyfile(url.removeprefix("sqlite:///"), path)
        return f"sqlite:///{path}"

    def empty(self) -> str:
        if self.backend == "postgres":
            return self._postgres().create()
        return f"sqlite:///{self._file()}"


@pytest.fixture(scope="session")
def demo_databases(
    request: pytest.FixtureRequest,
    backend: str,
    tmp_path_factory: pytest.TempPathFactory,
    records_template_db,
) -> DemoDatabases:
    """Fresh demo databases on this test's backend (see :class:`DemoDatabases`)."""
    postgres = request.getfixturevalue("postgres_databases") if backend == "postgres" else None
    return DemoDatabases(
        backend, tmp_path_factory.mktemp(f"demo-{backend}"), postgres, records_template_db
    )


def chain_report(database_url: str) -> Any:
    """The service's audit chain verified (``audit.verify``'s report), once PostgreSQL's
    chainer has chained what is committed."""
    from records_service import audit, audit_chain
    from records_service.db import Database

    database = Database(database_url)
    try:
        audit_chain.chain_pending(database, wait=True)  # PostgreSQL chains after commit
        with database.read() as session:
            return audit.verify(audit.iter_records(session))
    finally:
        database.dispose()
