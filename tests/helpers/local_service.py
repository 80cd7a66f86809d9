"""A records service run in this process (real HTTP on 127.0.0.1) with an injected clock,
on a SQLite file or a PostgreSQL database (dashboard and clocked service tests)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import requests
import uvicorn

from records_service import pool_nesting
from records_service.app import create_app
from records_service.settings import Settings
from tests.helpers.service import DEMO_PASSWORD, _free_port

TIMEOUT = (5, 60)


class Clock:
    """The service's clock: a fixed instant the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class LocalService:
    base_url: str
    database_url: str
    clock: Clock

    def url(self, path: str) -> str:
        return f"{self.base_url}/api/v1{path}"

    def token(self, username: str, window_code: str | None = "W01") -> str:
        body = {"username": username, "password": DEMO_PASSWORD}
        if window_code:
            body["window_code"] = window_code
        response = requests.post(self.url("/auth/login"), json=body, timeout=TIMEOUT)
        assert response.status_code == 200, response.text
        return response.json()["access_token"]

    def get(self, path: str, token: str, **params: object) -> requests.Response:
        return requests.get(
            self.url(path),
            params=params,
            headers={"Authorization": f"Bearer {token}"},
            timeout=TIMEOUT,
        )


@contextmanager
def local_service(database_url: str, clock: Clock, **settings: object) -> Iterator[LocalService]:
    """Serve ``database_url`` (migrated, demo data loaded) until the block ends."""
    config = Settings.load({}).replace(database_url=database_url, **settings)
    port = _free_port()
    app = create_app(config, clock=clock)
    pool_nesting.watch_app(app)  # a nested checkout fails the test (tests/helpers/service.py)
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:  # bounded: the server starts in well under a second
        assert time.monotonic() < deadline and thread.is_alive(), "local service did not start"
        time.sleep(0.05)
    try:
        yield LocalService(f"http://127.0.0.1:{port}", database_url, clock)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
