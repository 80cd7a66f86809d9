"""The clerk-records command line, run as a real subprocess."""

from __future__ import annotations

import getpass
import json
import shutil
import subprocess
import sys
import time

import requests
import trustme
from sqlalchemy import create_engine, text

from tests.helpers.service import CLI_TIMEOUT_S, REPO_ROOT, _child_env, _free_port, run_cli
from tests.helpers.service_api import TIMEOUT, demo_catalog, login


def _counts(url: str) -> tuple[int, ...]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return tuple(
                conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("departments", "windows", "users", "catalog_versions")
            )
    finally:
        engine.dispose()


def test_cli_migrate_and_load_demo_build_the_demo_database(records_template_db, demo_databases):
    url = demo_databases.empty()
    run_cli(["migrate"], url)
    run_cli(["load-demo"], url)
    first = _counts(url)
    assert first == _counts(f"sqlite:///{records_template_db(None)}")
    assert all(first)
    run_cli(["load-demo"], url)  # idempotent
    assert _counts(url) == first


def cli(
    args: list[str], url: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``clerk-records ARGS`` on ``url`` with ``stdin`` as its standard input."""
    return subprocess.run(
        [sys.executable, "-m", "records_service", *args],
        cwd=REPO_ROOT,
        env=_child_env(url, env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        check=False,
    )


def cli_ok(args: list[str], url: str, stdin: str = "") -> str:
    result = cli(args, url, stdin)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_created_user_can_sign_in_at_their_window(demo_databases, service_factory):
    url = demo_databases.new()
    args = ["create-user", "--username", "li.si", "--display-name", "李四"]
    out = cli_ok([*args, "--roles", "clerk", "--window", "W04"], url, "a-long-password\n")
    assert "user li.si created" in out
    service = service_factory(database_url=url)
    response = login(service, "li.si", "W04", password="a-long-password")
    assert response.status_code == 200, response.text
    assert response.json()["user"]["display_name"] == "李四"
    assert response.json()["window"]["code"] == "W04"


def test_create_user_refuses_unknown_roles(tmp_path) -> None:
    args = ["create-user", "--username", "x", "--roles", "king"]
    result = cli(args, f"sqlite:///{tmp_path}/x.db", "long-enough-password\n")
    assert result.returncode == 2
    assert "roles must be among" in result.stderr


def test_a_password_on_the_command_line_is_refused(tmp_path) -> None:
    url = f"sqlite:///{tmp_path}/never-opened.db"  # refused before any database is opened
    args = ["create-user", "--username", "zhao.liu", "--roles", "lead"]
    result = cli([*args, "--password", "a-long-password"], url)
    assert result.returncode == 2
    assert "unrecognized arguments: --password" in result.stderr
    result = cli(["reset-password", "demo-clerk", "--password", "a-long-password"], url)
    assert result.returncode == 2
    assert "unrecognized arguments: --password" in result.stderr


def test_serve_with_tls_answers_https(service_factory, tmp_path) -> None:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    certfile, keyfile, cafile = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    cert.private_key_and_cert_chain_pem.write_to_path(str(certfile))
    cert.private_key_pem.write_to_path(str(keyfile))
    ca.cert_pem.write_to_path(str(cafile))
    service = service_factory(tls=(certfile, keyfile))
    assert service.base_url.startswith("https://")
    response = requests.get(service.url("/health"), verify=str(cafile), timeout=TIMEOUT)
    assert response.json()["status"] == "ok"
    # The token works over TLS the same way.
    token = token_for_tls(service, cafile)
    assert token


def token_for_tls(service, cafile) -> str:
    response = requests.post(
        service.url("/auth/login"),
        json={"username": "demo-admin", "password": "demo-pass-2026"},
        verify=str(cafile),
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def test_revoked_device_token_is_refused(service_factory, backend) -> None:
    service = service_factory(backend=backend)
    device_token = login(service, device_id="stolen-desk").json()["device_token"]
    headers = {"Authorization": f"Bearer {device_token}"}
    assert requests.get(service.url("/catalog"), headers=headers, timeout=TIMEOUT).ok
    run_cli(["revoke-device", "stolen-desk"], service.database_url)
    response = requests.get(service.url("/catalog"), headers=headers, timeout=TIMEOUT)
    assert response.status_code == 401
    assert login(service, device_id="stolen-desk").status_code == 403


def audit_rows(service, action: str) -> list[tuple]:
    rows = service.sql(
        "SELECT actor, target, result, detail FROM audit_records WHERE action = :a ORDER BY id",
        a=action,
    )
    return [(a, t, r, json.loads(d) if isinstance(d, str) else d) for a, t, r, d in rows]


def get_catalog(service, token: str) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    return requests.get(service.url("/catalog"), headers=headers, timeout=TIMEOUT).status_code


def test_disable_user_ends_their_sign_ins_and_device_tokens_until_enabled(
    service_factory, backend
) -> None:
    service = service_factory(backend=backend)
    mine = login(service, device_id="desk-w01").json()
    other = login(service, "demo-clerk-w03", "W03", device_id="desk-w03").json()
    tokens = (mine["access_token"], mine["device_token"])
    assert [get_catalog(service, t) for t in tokens] == [200, 200]

    out = cli_ok(["disable-user", "demo-clerk"], service.database_url)
    assert "1 sign-in token(s) and 1 device token(s) revoked" in out
    assert [get_catalog(service, t) for t in tokens] == [401, 401]
    assert login(service, device_id="desk-w01").status_code == 401
    # Nobody else loses anything.
    assert get_catalog(service, other["device_token"]) == 200
    listed = json.loads(cli_ok(["devices", "--json"], service.database_url))
    by_id = {d["device_id"]: d for d in listed}
    assert by_id["desk-w01"]["live_tokens"] == []
    assert [t["issued_to"] for t in by_id["desk-w03"]["live_tokens"]] == ["demo-clerk-w03"]
    table = cli_ok(["devices"], service.database_url)
    assert "desk-w03" in table and "demo-clerk-w03" in table

    assert "enabled" in cli_ok(["enable-user", "demo-clerk"], service.database_url)
    again = login(service, device_id="desk-w01")
    assert again.status_code == 200
    assert again.json()["device_token"]  # the desk gets a new device token
    assert get_catalog(service, mine["device_token"]) == 401  # the old one stays ended
    actor = f"cli:{getpass.getuser()}"
    assert audit_rows(service, "user.disable") == [
        (actor, "demo-clerk", "ok", {"tokens_revoked": 1, "device_tokens_revoked": 1})
    ]
    assert audit_rows(service, "user.enable") == [(actor, "demo-clerk", "ok", None)]


def test_disable_user_of_an_unknown_user_fails(demo_databases) -> None:
    result = cli(["disable-user", "nobody"], demo_databases.new())
    assert result.returncode == 1
    assert "no user nobody" in result.stderr


def test_create_user_and_load_catalog_are_audited(service_factory, tmp_path) -> None:
    service = service_factory()
    url = service.database_url
    cli_ok(["create-user", "--username", "zhou.qi", "--roles", "lead", "--department", "GA"],
           url, "another-long-password\n")  # fmt: skip
    catalog = demo_catalog()
    catalog["version"] = "2026.12-audited"
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    assert "published" in cli_ok(["load-catalog", str(path)], url)
    assert "already published" in cli_ok(["load-catalog", str(path)], url)
    actor = f"cli:{getpass.getuser()}"
    assert audit_rows(service, "user.create") == [
        (actor, "zhou.qi", "ok", {"roles": ["lead"], "department": "GA", "window": None})
    ]
    loads = audit_rows(service, "catalog.load")
    assert [(a, t, r) for a, t, r, _ in loads] == [
        (actor, "2026.12-audited", "published"),
        (actor, "2026.12-audited", "unchanged"),
    ]
    assert loads[0][3]["file"] == "catalog.json"
    assert "intact" in cli_ok(["audit", "verify"], url)


def _serve(url: str, host: str, port: int, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "records_service", "serve", "--host", host, "--port", str(port)],
        cwd=REPO_ROOT,
        env=_child_env(url, env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_serve_refuses_plain_http_on_a_non_loopback_address(records_template_db, tmp_path) -> None:
    path = tmp_path / "records.db"
    shutil.copyfile(records_template_db(None), path)
    url = f"sqlite:///{path}"
    port = _free_port()
    refused = _serve(url, "0.0.0.0", port, {})
    try:
        output, _ = refused.communicate(timeout=60)
    finally:
        refused.kill()
    assert refused.returncode == 2
    assert "refusing plain HTTP on 0.0.0.0" in output

    allowed = _serve(url, "0.0.0.0", port, {"CLERK_ALLOW_PLAIN_HTTP": "true"})
    try:
        deadline = time.monotonic() + 20
        answered = None
        while answered is None and time.monotonic() < deadline and allowed.poll() is None:
            try:
                answered = requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1)
            except requests.ConnectionError:
                time.sleep(0.1)  # a real process starting
        assert answered is not None and answered.status_code == 200
    finally:
        allowed.terminate()
        output, _ = allowed.communicate(timeout=20)
    assert "serving plain HTTP on a non-loopback address" in output
