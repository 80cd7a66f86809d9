"""A service whose database connections are all in use answers 503 ``busy`` with
``Retry-After`` (a client retries), not 500: bench_province's reconnect storm met
SQLAlchemy's pool timeout and the service answered "Internal error"."""

from __future__ import annotations

import asyncio
import json
from collections.abc import MutableMapping
from typing import Any

from fastapi import FastAPI
from sqlalchemy import create_engine
from sqlalchemy.pool import QueuePool

from records_service.problems import install_problem_handlers


def get(app: FastAPI, path: str) -> tuple[int, dict[str, str], Any]:
    """One GET through the app's ASGI interface (status, headers, JSON body)."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }  # fmt: skip
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    return start["status"], headers, json.loads(body)


def test_a_route_that_waits_too_long_for_a_connection_is_503_busy(tmp_path) -> None:
    engine = create_engine(
        f"sqlite:///{tmp_path / 'pool.db'}", poolclass=QueuePool, pool_size=1,
        max_overflow=0, pool_timeout=0.05,
    )  # fmt: skip
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/work")
    def work() -> dict[str, int]:
        with engine.connect() as conn:
            return {"one": conn.exec_driver_sql("SELECT 1").scalar_one()}

    assert get(app, "/work") == (
        200,
        {"content-length": "9", "content-type": "application/json"},
        {"one": 1},
    )
    held = engine.connect()  # the only connection, as under a storm
    try:
        status, headers, body = get(app, "/work")
    finally:
        held.close()
    assert status == 503
    assert headers["retry-after"] == "1"
    assert body["type"].endswith("/busy") and "busy" in body["detail"]
    assert get(app, "/work")[0] == 200  # the connection back: served again
    engine.dispose()
