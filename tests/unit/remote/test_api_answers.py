"""ApiClient against a real scripted HTTP server: how odd answers and failures are reported."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator

import pytest

from clerk_app.remote import ApiClient, ApiError, BadResponseError, NetworkError
from tests.helpers.stub_server import Answer, StubServer, stub_server

TOKEN = "secret-token-abc123"


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with stub_server() as server:
        yield server


@pytest.fixture
def api(stub: StubServer) -> Iterator[ApiClient]:
    client = ApiClient(stub.base_url, timeout=(2, 2))
    yield client
    client.close()


def _problem(status: int, type_: str, title: str, **extra: object) -> Answer:
    doc = {"type": type_, "title": title, "status": status, **extra}
    return Answer(status, json.dumps(doc).encode(), content_type="application/problem+json")


def test_write_carries_token_key_and_exact_body(stub: StubServer, api: ApiClient) -> None:
    stub.script(Answer(201, b'{"case": {"case_no": "X"}}'))
    body = '{"id":"k1","name":"张三"}'
    status, data = api.send("POST", "/api/v1/cases", TOKEN, body, "k1")
    assert (status, data) == (201, {"case": {"case_no": "X"}})
    [seen] = stub.seen
    assert seen.headers["Authorization"] == f"Bearer {TOKEN}"
    assert seen.headers["Idempotency-Key"] == "k1"
    assert seen.headers["Content-Type"] == "application/json"
    assert seen.body == body.encode("utf-8")


def test_problem_document_is_parsed(stub: StubServer, api: ApiClient) -> None:
    stub.script(
        _problem(
            422,
            "https://records/problems/validation",
            "Invalid case",
            errors=[{"field": "item_code", "message": "unknown item"}],
        )
    )
    with pytest.raises(ApiError) as info:
        api.send("POST", "/api/v1/cases", TOKEN, "{}", "k1")
    assert info.value.status == 422
    assert info.value.type == "https://records/problems/validation"
    assert info.value.problem["errors"][0]["field"] == "item_code"
    assert info.value.retry_after is None


def test_proxy_error_page_becomes_a_problem_with_retry_after(
    stub: StubServer, api: ApiClient
) -> None:
    stub.script(
        Answer(503, b"<html><body>Bad gateway</body></html>", {"Retry-After": "120"}, "text/html")
    )
    with pytest.raises(ApiError) as info:
        api.send("POST", "/api/v1/cases", TOKEN, "{}", "k1")
    assert info.value.status == 503
    assert info.value.problem["title"] == "Service Unavailable"
    assert "text/html" in info.value.problem["detail"]
    assert info.value.retry_after == 120.0
    # A write is never retried by the transport: the outbox owns its retries.
    assert len(stub.seen) == 1


def test_read_is_retried_once_on_a_gateway_error(stub: StubServer, api: ApiClient) -> None:
    stub.script(
        Answer(502, b"oops", content_type="text/plain"),
        Answer(200, b'{"status": "ok", "version": "1.0", "min_client_version": "0.1"}'),
    )
    health = api.health()
    assert (health.status, health.version) == ("ok", "1.0")
    assert [s.method for s in stub.seen] == ["GET", "GET"]


def test_rate_limit_answer_reports_retry_after(stub: StubServer, api: ApiClient) -> None:
    stub.script(Answer(429, b"slow down", {"Retry-After": "7"}, "text/plain"))
    with pytest.raises(ApiError) as info:
        api.health()
    assert (info.value.status, info.value.retry_after) == (429, 7.0)


def test_success_with_a_body_that_is_not_json_is_a_bad_response(
    stub: StubServer, api: ApiClient
) -> None:
    stub.script(Answer(200, b"<html>captive portal</html>", content_type="text/html"))
    with pytest.raises(BadResponseError):
        api.health()
    with pytest.raises(BadResponseError):
        api.send("POST", "/api/v1/cases", TOKEN, "{}", "k1")


def test_login_answer_missing_fields_is_a_bad_response(stub: StubServer, api: ApiClient) -> None:
    stub.script(Answer(200, b'{"access_token": "t"}'))
    with pytest.raises(BadResponseError, match="contract"):
        api.login("u", "p", "W01", "dev-1", "0.1.0")


def test_catalog_not_modified_keeps_the_etag(stub: StubServer, api: ApiClient) -> None:
    stub.script(Answer(304, b"", {"ETag": '"v1"'}))
    result = api.catalog(TOKEN, etag='"v1"')
    assert result.not_modified and result.data is None and result.etag == '"v1"'
    assert stub.seen[0].headers["If-None-Match"] == '"v1"'


def test_refused_connection_is_a_network_error() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    client = ApiClient(f"http://127.0.0.1:{port}", timeout=(2, 2))
    try:
        with pytest.raises(NetworkError, match="cannot reach"):
            client.health()
    finally:
        client.close()


def test_silent_server_is_a_network_error_after_the_read_timeout(stub: StubServer) -> None:
    stub.silent.set()
    client = ApiClient(stub.base_url, timeout=(2, 0.05))
    try:
        with pytest.raises(NetworkError, match="in time"):
            client.send("POST", "/api/v1/cases", TOKEN, "{}", "k1")
    finally:
        client.close()


def test_tokens_never_reach_the_log(
    stub: StubServer, api: ApiClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    stub.script(_problem(401, "about:blank", "Unauthorized"))
    with pytest.raises(ApiError):
        api.send("POST", "/api/v1/cases", TOKEN, "{}", "k1")
    assert any("/api/v1/cases" in r.getMessage() for r in caplog.records)
    assert all(TOKEN not in r.getMessage() for r in caplog.records)
