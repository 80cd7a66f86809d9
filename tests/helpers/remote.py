"""Fixtures for the remote tests: a local store, a signed-in client against the real service."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clerk_app.core.clock import FixedClock
from clerk_app.remote import ApiClient, Backoff, LoginResult, SyncEngine, TokenStore
from clerk_app.store import LocalStore
from tests.helpers.service import DEMO_PASSWORD, RunningService
from tests.helpers.store import T0, open_store


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[LocalStore]:
    s = open_store(tmp_path / "clerk.db", clock)
    yield s
    s.db.close()


@dataclass
class Desk:
    """A window's client, signed in against a real records service."""

    service: RunningService
    api: ApiClient
    tokens: TokenStore
    engine: SyncEngine
    store: LocalStore
    clock: FixedClock
    login: LoginResult
    device_id: str

    def service_case_count(self, case_no: str) -> int:
        conn = sqlite3.connect(self.service.database_path)
        try:
            return int(
                conn.execute("SELECT count(*) FROM cases WHERE case_no = ?", (case_no,)).fetchone()[
                    0
                ]
            )
        finally:
            conn.close()


@pytest.fixture
def desk(records_service: RunningService, store: LocalStore, clock: FixedClock) -> Iterator[Desk]:
    api = ApiClient(records_service.base_url, timeout=(3.05, 15))
    tokens = TokenStore()
    device_id = str(uuid.uuid4())
    login = api.login("demo-clerk", DEMO_PASSWORD, "W01", device_id, "0.1.0")
    tokens.set_user_token("W01", "demo-clerk", login.access_token)
    if login.device_token:
        tokens.set_device_token("W01", device_id, login.device_token)
    engine = SyncEngine(
        store,
        api,
        tokens,
        clock,
        Backoff(base=2, cap=300, random=lambda: 0.5),
        window_code="W01",
        device_id=device_id,
        username="demo-clerk",
    )
    yield Desk(records_service, api, tokens, engine, store, clock, login, device_id)
    api.close()
