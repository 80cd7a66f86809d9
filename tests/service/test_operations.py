"""Operations, for real: /health when the database goes away (a SQLite file moved away, a
PostgreSQL server stopped) and comes back; the client address behind a trusted proxy and
behind an untrusted one; the ``register-window`` and ``reset-password`` admin commands end to
end (service running, CLI on its database, audit trail verified afterwards)."""

from __future__ import annotations

import getpass
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.helpers.service import (
    PostgresCluster,
    PostgresDatabases,
    RunningService,
    can_start_postgres,
    run_cli,
)
from tests.helpers.service_api import (
    TIMEOUT,
    auth,
    case_body,
    login,
    post_case,
    token_for,
)
from tests.service.test_cli import cli_ok


def health(service: RunningService) -> requests.Response:
    return requests.get(service.url("/health"), timeout=TIMEOUT)


def test_health_is_503_while_the_sqlite_file_is_gone(service_factory) -> None:
    service = service_factory()
    assert health(service).json()["database"] == "ok"
    files = [Path(f"{service.database_path}{suffix}") for suffix in ("", "-wal", "-shm")]
    moved = [f for f in files if f.exists()]
    for f in moved:
        f.rename(f.with_name(f.name + ".away"))
    try:
        answer = health(service)
        assert answer.status_code == 503, answer.text
        assert answer.json()["status"] == "degraded"
        assert answer.json()["database"] == "unavailable"
        assert not service.database_path.exists()  # the check did not create an empty file
    finally:
        for f in moved:
            f.with_name(f.name + ".away").rename(f)
    assert health(service).status_code == 200


def test_health_is_503_while_the_sqlite_file_is_not_a_database(service_factory) -> None:
    service = service_factory()
    path = service.database_path
    original = path.read_bytes()
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        extra.unlink(missing_ok=True)
    path.write_bytes(b"not a database " * 512)
    try:
        assert health(service).status_code == 503
    finally:
        path.write_bytes(original)


@pytest.fixture
def own_postgres() -> Iterator[PostgresCluster]:
    """A cluster of its own, so stopping it does not disturb the session's cluster."""
    if not can_start_postgres():
        pytest.skip("needs root and PostgreSQL 15 to start a throwaway cluster")
    cluster = PostgresCluster.start()
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.mark.postgres
def test_health_is_503_while_postgres_is_stopped_and_recovers(
    own_postgres, service_factory
) -> None:
    databases = PostgresDatabases(own_postgres.url)
    try:
        url = databases.create(template=databases.demo_template())
        service = service_factory(database_url=url)
        assert health(service).status_code == 200
        own_postgres.halt()
        try:
            answer = health(service)
            assert answer.status_code == 503, answer.text
            assert answer.json()["database"] == "unavailable"
            # a signed-in route answers a problem, not a hang or a traceback
            failed = login(service)
            assert failed.status_code >= 500
            assert failed.headers["content-type"].startswith("application/problem+json")
        finally:
            own_postgres.resume()
        assert health(service).status_code == 200
        assert login(service).status_code == 200
    finally:
        databases.drop_all()


# -- the client address -------------------------------------------------------------------


def _progress(service: RunningService, forwarded_for: str) -> int:
    return requests.get(
        service.url("/progress/HS-W01-20261128-999999"),
        params={"code": "000000"},
        headers={"X-Forwarded-For": forwarded_for},
        timeout=TIMEOUT,
    ).status_code


def _login_from(service: RunningService, forwarded_for: str) -> None:
    response = requests.post(
        service.url("/auth/login"),
        json={"username": "demo-clerk", "password": "wrong-password-7", "window_code": "W01"},
        headers={"X-Forwarded-For": forwarded_for},
        timeout=TIMEOUT,
    )
    assert response.status_code == 401


def _failed_login_addresses(service: RunningService) -> list[str]:
    rows = service.sql(
        "SELECT client_ip FROM audit_records WHERE action = 'login' AND result <> 'ok' ORDER BY id"
    )
    return [r[0] for r in rows]


def test_behind_a_trusted_proxy_the_forwarded_address_counts(service_factory) -> None:
    service = service_factory(
        env={"CLERK_TRUSTED_PROXIES": "127.0.0.1", "CLERK_PROGRESS_PER_MINUTE": "2"}
    )
    _login_from(service, "203.0.113.7")
    assert _failed_login_addresses(service) == ["203.0.113.7"]
    assert [_progress(service, "203.0.113.7") for _ in range(3)] == [404, 404, 429]
    assert _progress(service, "198.51.100.9") == 404  # another applicant has a budget


def test_an_untrusted_sender_cannot_choose_its_address(service_factory) -> None:
    service = service_factory(
        env={"CLERK_TRUSTED_PROXIES": "10.9.9.9", "CLERK_PROGRESS_PER_MINUTE": "2"}
    )
    _login_from(service, "203.0.113.7")
    assert _failed_login_addresses(service) == ["127.0.0.1"]
    assert _progress(service, "203.0.113.7") == 404
    assert _progress(service, "198.51.100.9") == 404
    assert _progress(service, "192.0.2.55") == 429  # same real address, whatever it claims


# -- admin commands, end to end ----------------------------------------------------------


def _audit(url_service: RunningService, action: str) -> list[tuple]:
    return url_service.sql(
        "SELECT actor, target, result FROM audit_records WHERE action = :a ORDER BY id", a=action
    )


def test_register_window_then_a_clerk_signs_in_there(demo_databases, service_factory) -> None:
    url = demo_databases.new()
    service = service_factory(database_url=url)
    run_cli(["register-window", "--code", "W09", "--name", "综合9号窗", "--department", "GA"], url)
    run_cli(
        [
            "register-window",
            *("--code", "W10", "--name", "税务窗口", "--department", "SW"),
            *("--department-name", "市税务局"),
        ],
        url,
    )
    run_cli(["register-window", "--code", "W09", "--name", "综合九号窗", "--department", "GA"], url)
    password = "a-long-password-9"
    cli_ok(
        ["create-user", "--username", "wang.wu", "--roles", "clerk", "--window", "W09"],
        url,
        stdin=password + "\n",  # never on the command line
    )
    signed_in = login(service, "wang.wu", "W09", password=password)
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["window"]["name"] == "综合九号窗"
    token = signed_in.json()["access_token"]
    body = case_body(window_code="W09", clerk="wang.wu")
    # A password set by someone else is changed before anything else (issue 14).
    assert signed_in.json()["password_change_required"] is True
    assert post_case(service, token, body).status_code == 403
    changed = requests.post(
        service.url("/auth/password"),
        json={"current_password": password, "new_password": "violet-harbour-lantern-62"},
        headers=auth(token),
        timeout=TIMEOUT,
    )
    assert changed.status_code == 204, changed.text
    assert post_case(service, token, body).status_code == 201
    actor = f"cli:{_user()}"
    assert _audit(service, "window.register") == [
        (actor, "W09", "created"),
        (actor, "W10", "created"),
        (actor, "W09", "updated"),
    ]
    lead = token_for(service, "demo-lead", window_code=None)
    windows = requests.get(service.url("/windows"), headers=auth(lead), timeout=TIMEOUT).json()
    assert "W09" in {w["code"] for w in windows["items"]}  # the lead's department (GA)
    assert "W10" not in {w["code"] for w in windows["items"]}
    assert "intact" in run_cli(["audit", "verify"], url)


def test_reset_password_ends_every_credential_and_is_audited(
    demo_databases, service_factory
) -> None:
    url = demo_databases.new()
    service = service_factory(database_url=url)
    old_token = token_for(service)
    device_token = login(service, device_id=f"desk-{uuid.uuid4().hex[:6]}").json()["device_token"]
    new_password = "a-fresh-password-26"
    out = cli_ok(["reset-password", "demo-clerk"], url, stdin=new_password + "\n")
    assert "2 sign-in token(s) and 1 device token(s) revoked" in out  # two sign-ins
    refused = requests.get(service.url("/catalog"), headers=auth(old_token), timeout=TIMEOUT)
    assert refused.status_code == 401
    # A reset ends the device tokens they were issued too (issue 14): a desk gets a new
    # one at its next online sign-in.
    refused = requests.get(service.url("/catalog"), headers=auth(device_token), timeout=TIMEOUT)
    assert refused.status_code == 401
    assert login(service).status_code == 401
    signed_in = login(service, password=new_password)
    assert signed_in.status_code == 200
    assert signed_in.json()["password_change_required"] is True
    assert _audit(service, "user.reset_password") == [(f"cli:{_user()}", "demo-clerk", "ok")]


def _user() -> str:
    return getpass.getuser()
