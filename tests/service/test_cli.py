"""The clerk-records command line, run as a real subprocess."""

from __future__ import annotations

import subprocess
import sys

import requests
import trustme
from sqlalchemy import create_engine, text

from tests.fixtures.service import REPO_ROOT, run_cli
from tests.service.conftest import TIMEOUT, login


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


def test_created_user_can_sign_in_at_their_window(demo_databases, service_factory):
    url = demo_databases.new()
    run_cli(
        [
            "create-user",
            "--username",
            "li.si",
            "--password",
            "a-long-password",
            "--display-name",
            "李四",
            "--roles",
            "clerk",
            "--window",
            "W04",
        ],
        url,
    )
    service = service_factory(database_url=url)
    response = login(service, "li.si", "W04", password="a-long-password")
    assert response.status_code == 200, response.text
    assert response.json()["user"]["display_name"] == "李四"
    assert response.json()["window"]["code"] == "W04"


def test_create_user_refuses_unknown_roles(tmp_path) -> None:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "records_service"),
            *("--database-url", f"sqlite:///{tmp_path}/x.db", "create-user"),
            *("--username", "x", "--password", "long-enough", "--roles", "king"),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "roles must be among" in result.stderr


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
