"""Whether a route's database connection is given back before its answer starts to go out
(issue 20: a session still open while the answer is validated and sent is a connection
idle in a transaction; bench_province saw 20-30 of them at 5,000 windows, most of them
GET /changes' last read), for every kind of route: a plain ``def`` route with a session
dependency (read, read off the primary, write), one that opens its session itself, and a
coroutine route (``POST /cases``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import uvicorn
from sqlalchemy import event

from records_service.app import create_app
from records_service.settings import Settings
from tests.helpers.local_service import TIMEOUT, Clock
from tests.helpers.service import DEMO_PASSWORD, _free_port
from tests.helpers.service_api import TEST_NOW, case_body


class Client:
    """Requests to the in-process service on ``base``."""

    def __init__(self, base: str) -> None:
        self.base = base

    def request(self, method: str, path: str, **kw: Any) -> requests.Response:
        return requests.request(method, self.base + path, timeout=TIMEOUT, **kw)


#: The service's own thread that chains the audit trail (PostgreSQL) takes connections
#: of the pool at its own times: not a request's.
PLACER = "clerk-feed-placer"


class HeldAtAnswer:
    """ASGI middleware: how many of the pool's connections requests hold (not the placer
    thread's) when a request's answer starts, and when the request has ended (its
    dependencies have exited)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.out: set[int] = set()
        self.at_answer: int | None = None
        self.at_end: int | None = None
        self.ended = threading.Event()
        self.watching = False

    def watch(self, pool: Any) -> None:
        def checkout(_dbapi: Any, record: Any, _proxy: Any) -> None:
            if threading.current_thread().name != PLACER:
                self.out.add(id(record))

        def checkin(_dbapi: Any, record: Any) -> None:
            self.out.discard(id(record))

        event.listen(pool, "checkout", checkout)
        event.listen(pool, "checkin", checkin)
        self.watching = True

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not self.watching:
            await self.app(scope, receive, send)
            return

        async def spy(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                self.at_answer = len(self.out)
            await send(message)

        await self.app(scope, receive, spy)
        self.at_end = len(self.out)
        self.ended.set()


@pytest.fixture
def held(demo_databases) -> Iterator[tuple[Client, HeldAtAnswer]]:
    settings = Settings.load({}).replace(database_url=demo_databases.new())
    app = create_app(settings, clock=Clock(TEST_NOW))
    spies: list[HeldAtAnswer] = []

    def outermost(inner: Any) -> HeldAtAnswer:
        spies.append(HeldAtAnswer(inner))
        return spies[-1]

    app.add_middleware(outermost)  # type: ignore[arg-type]
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:  # bounded: the server starts in well under a second
        assert time.monotonic() < deadline and thread.is_alive(), "service did not start"
        time.sleep(0.05)
    try:
        spies[0].watch(app.state.database.engine.pool)
        yield Client(f"http://127.0.0.1:{port}"), spies[0]
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def _ended(client: Client, spy: HeldAtAnswer, method: str, path: str, **kw: Any) -> Any:
    """The answer, once the request has ended in the service too (the client has its answer
    before the request's dependencies have exited: the next request must not start in
    between, or it would count the previous one's connection)."""
    spy.at_answer = spy.at_end = None
    spy.ended.clear()
    answer = client.request(method, path, **kw)
    assert answer.status_code < 300, answer.text
    assert spy.ended.wait(30)
    return answer


def _token(client: Client, spy: HeldAtAnswer, device: str | None = None) -> str:
    body = {"username": "demo-clerk", "password": DEMO_PASSWORD, "window_code": "W01"}
    if device:
        body["device_id"] = device
    answer = _ended(client, spy, "POST", "/api/v1/auth/login", json=body).json()
    return answer["device_token"] if device else answer["access_token"]


def _still_held(client: Client, spy: HeldAtAnswer, method: str, path: str, **kw: Any) -> int:
    """Connections held when the answer started beyond those held once the request ended
    (the token check's own connection of the event loop stays either way)."""
    _ended(client, spy, method, path, **kw)
    assert spy.at_answer is not None and spy.at_end is not None
    return spy.at_answer - spy.at_end


def test_routes_that_end_their_session_give_it_back_first(held) -> None:
    """A route that opens its session itself (``with db.read()``), a coroutine route whose
    write runs in a thread (``POST /cases``), and a write route that commits (a session
    gives its connection back at the commit)."""
    client, spy = held
    token = {"Authorization": f"Bearer {_token(client, spy)}"}
    body = case_body()
    body["received_at"] = body["first_event"]["at"] = TEST_NOW.isoformat()
    new = {**token, "Idempotency-Key": body["id"]}
    assert _still_held(client, spy, "POST", "/api/v1/cases", json=body, headers=new) == 0
    assert _still_held(client, spy, "GET", "/api/v1/health") == 0
    device = _token(client, spy, device="desk-at-answer")
    status = {"waiting": 0, "client_version": "0.1.0", "clock": TEST_NOW.isoformat()}
    path = "/api/v1/devices/desk-at-answer/status"  # WriteSessionDep, committed
    headers = {"Authorization": f"Bearer {device}"}
    assert _still_held(client, spy, "POST", path, json=status, headers=headers) == 0


@pytest.mark.parametrize(
    "path", ["/api/v1/changes?after=0&limit=50", "/api/v1/catalog"]
)  # ReadSessionDep, SessionDep
def test_def_routes_that_only_read_give_their_session_back_first(held, path) -> None:
    client, spy = held
    token = {"Authorization": f"Bearer {_token(client, spy)}"}
    assert _still_held(client, spy, "GET", path, headers=token) == 0
