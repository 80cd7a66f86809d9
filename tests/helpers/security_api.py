"""The security suite's services and helpers (issue 14): real records services on
127.0.0.1 with the demo data, on SQLite and on PostgreSQL, on a clock a test moves by
writing a file (nobody sleeps). Requests may come "from" other addresses: the services
trust 127.0.0.1 as a proxy, so ``X-Forwarded-For`` names the client.

Only ``tests.helpers`` modules are imported; the helpers here are the attacker's few requests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.helpers import service_api
from tests.helpers.service import DEMO_PASSWORD, TEST_NOW, RunningService, ServiceLauncher

TIMEOUT = (5, 30)
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
#: Every service here trusts the test process as its proxy (see the module docstring).
BASE_ENV = {"CLERK_TRUSTED_PROXIES": "127.0.0.1"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, indirect=True, scope="session")


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@dataclass
class Secured:
    """A running service and the clock file it reads its time from."""

    service: RunningService
    clock_file: Path
    #: the instant last written to the clock file and this process's monotonic time then
    written: tuple[datetime, float] = field(default_factory=lambda: (TEST_NOW, time.monotonic()))

    def url(self, path: str) -> str:
        return self.service.url(path)

    def set_time(self, moment: datetime) -> None:
        """The service's clock jumps to ``moment`` (and runs on from there)."""
        self.clock_file.write_text(moment.isoformat())
        self.written = (moment, time.monotonic())

    def latest_now(self) -> datetime:
        """The latest instant the service's clock can read now: it runs at real speed from
        the instant last written, anchored when the service first reads the file (never
        before the write). A test that moves the clock by seconds moves it from here, so a
        slow machine's real seconds cannot put the jump behind the service's own time."""
        moment, since = self.written
        return moment + timedelta(seconds=time.monotonic() - since)

    def sql(self, statement: str, **params: object) -> list[tuple]:
        return self.service.sql(statement, **params)

    def audit(self, action: str) -> list[tuple]:
        return self.sql(
            "SELECT actor, target, result FROM audit_records WHERE action = :a ORDER BY id",
            a=action,
        )


StartService = Callable[..., Secured]


def _starter(
    request: pytest.FixtureRequest, folder: Path, records_template_db, backend: str
) -> tuple[ServiceLauncher, StartService]:
    launcher = ServiceLauncher(
        folder,
        records_template_db,
        postgres=lambda: request.getfixturevalue("postgres_databases"),
    )
    count = iter(range(1, 1000))

    def start(**env: str) -> Secured:
        clock_file = folder / f"clock-{next(count)}.txt"
        clock_file.write_text(TEST_NOW.isoformat())
        written = (TEST_NOW, time.monotonic())
        service = launcher.start(backend=backend, clock=clock_file, env={**BASE_ENV, **env})
        return Secured(service, clock_file, written)

    return launcher, start


@pytest.fixture
def start_service(
    request: pytest.FixtureRequest, tmp_path: Path, records_template_db, backend: str
) -> Iterator[StartService]:
    """``start_service(CLERK_SETTING="value", ...)``: a fresh service for one test."""
    launcher, start = _starter(request, tmp_path, records_template_db, backend)
    try:
        yield start
    finally:
        launcher.stop_all()


@pytest.fixture(scope="module")
def shared(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    records_template_db,
    backend: str,
) -> Iterator[Secured]:
    """One service for a module whose tests do not depend on each other's state."""
    launcher, start = _starter(
        request, tmp_path_factory.mktemp("security"), records_template_db, backend
    )
    try:
        yield start()
    finally:
        launcher.stop_all()


# -- requests ----------------------------------------------------------------------------


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def login(
    secured: Secured,
    username: str = "demo-clerk",
    window_code: str | None = "W01",
    device_id: str | None = None,
    password: str = DEMO_PASSWORD,
    address: str | None = None,
) -> requests.Response:
    body: dict[str, Any] = {"username": username, "password": password}
    if window_code is not None:
        body["window_code"] = window_code
    if device_id is not None:
        body["device_id"] = device_id
    headers = {"X-Forwarded-For": address} if address else {}
    return requests.post(secured.url("/auth/login"), json=body, headers=headers, timeout=TIMEOUT)


def signed_in(secured: Secured, username: str = "demo-clerk", **kwargs: Any) -> dict[str, Any]:
    response = login(secured, username, **kwargs)
    assert response.status_code == 200, response.text
    return response.json()


def token(secured: Secured, username: str = "demo-clerk", **kwargs: Any) -> str:
    return signed_in(secured, username, **kwargs)["access_token"]


def call(
    secured: Secured,
    method: str,
    path: str,
    bearer: str | None,
    body: Any = None,
    key: str | None = None,
    **params: Any,
) -> requests.Response:
    headers = auth(bearer) if bearer else {}
    if key:
        headers["Idempotency-Key"] = key
    return requests.request(
        method,
        secured.url(path),
        json=body,
        params=params or None,
        headers=headers,
        timeout=TIMEOUT,
    )


def problem_type(response: requests.Response) -> str:
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return str(response.json()["type"]).rsplit("/", 1)[-1]


def create_user(
    secured: Secured,
    username: str,
    roles: list[str],
    department: str,
    window_code: str | None = None,
) -> None:
    """A user with the demo password, made as the demo loader makes users."""
    from records_service.db import Database
    from records_service.demo import DEMO_PASSWORD as PASSWORD
    from records_service.demo import upsert_user

    database = Database(secured.service.database_url)
    try:
        with database.write() as session:
            upsert_user(
                session,
                username=username,
                password=PASSWORD,
                display_name=username,
                roles=roles,
                department_code=department,
                window_code=window_code,
                must_change_password=False,
            )
    finally:
        database.dispose()


# -- a valid case ------------------------------------------------------------------------


def case_body(window_code: str = "W01", clerk: str = "demo-clerk") -> dict[str, Any]:
    """A valid POST /cases body for the demo data (see :func:`service_api.case_body`)."""
    return service_api.case_body(window_code=window_code, clerk=clerk)


def new_case(secured: Secured, bearer: str, window_code: str = "W01") -> dict[str, Any]:
    """Create a case at ``window_code`` (as ``bearer``, a clerk or desk there); its body."""
    body = case_body(window_code)
    response = call(secured, "POST", "/cases", bearer, body, key=body["id"])
    assert response.status_code == 201, response.text
    return body


def later(minutes: float = 0, *, days: float = 0, seconds: float = 0) -> datetime:
    """``TEST_NOW`` plus a while: where a test moves the service's clock."""
    return TEST_NOW + timedelta(days=days, minutes=minutes, seconds=seconds)
