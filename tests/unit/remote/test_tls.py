"""HTTPS with a private CA: the client trusts the service only with the provisioned bundle."""

from __future__ import annotations

from pathlib import Path

import pytest
import trustme

from clerk_app.remote import ApiClient, TlsError
from tests.helpers.service import RunningService, ServiceFactory


@pytest.fixture
def ca() -> trustme.CA:
    return trustme.CA(organization_name="Window Clerk test CA")


@pytest.fixture
def tls_service(service_factory: ServiceFactory, ca: trustme.CA, tmp_path: Path) -> RunningService:
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_file = tmp_path / "server.pem"
    key_file = tmp_path / "server.key"
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    for extra in cert.cert_chain_pems[1:]:
        extra.write_to_path(str(cert_file), append=True)
    cert.private_key_pem.write_to_path(str(key_file))
    return service_factory(tls=(cert_file, key_file))


def _health(base_url: str, ca_bundle: Path | None) -> str:
    client = ApiClient(base_url, ca_bundle=ca_bundle, timeout=(3.05, 10))
    try:
        return client.health().status
    finally:
        client.close()


def test_client_trusts_the_service_with_the_provisioned_ca_bundle(
    tls_service: RunningService, ca: trustme.CA, tmp_path: Path
) -> None:
    bundle = tmp_path / "center-ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    assert tls_service.base_url.startswith("https://")
    assert _health(tls_service.base_url, bundle) == "ok"


def test_client_refuses_the_service_without_the_bundle(tls_service: RunningService) -> None:
    with pytest.raises(TlsError, match="not trusted") as info:
        _health(tls_service.base_url, None)
    assert "system store" in str(info.value)


def test_client_refuses_the_service_with_another_ca(
    tls_service: RunningService, tmp_path: Path
) -> None:
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    with pytest.raises(TlsError, match=r"other-ca\.pem"):
        _health(tls_service.base_url, other)
