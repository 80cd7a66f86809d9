"""The hall's queue service tests (issue 18, pauses, appointments, visit ratings, the
lead's queue figures): a records service run in this process on a fresh demo database of
the test's backend (SQLite or PostgreSQL), on a clock the test moves by hand; tokens of
the demo people and of enrolled machines; tickets written straight into the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import requests

from records_service.db import Database
from tests.helpers.local_service import Clock, LocalService, local_service

TIMEOUT = (5, 60)
CST = timezone(timedelta(hours=8))
#: Monday 30 November 2026, a working day, half an hour after the hall opens.
MONDAY = datetime(2026, 11, 30, 9, 30, tzinfo=CST)


@dataclass
class Hall:
    """A running service and what the tests hold of it."""

    service: LocalService
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def clock(self) -> Clock:
        return self.service.clock

    def set_time(self, moment: datetime) -> None:
        self.service.clock.now = moment

    def token(self, username: str, window_code: str | None = None) -> str:
        key = f"{username}@{window_code}"
        if key not in self.tokens:
            self.tokens[key] = self.service.token(username, window_code)
        return self.tokens[key]

    def machine(self, kind: str, label: str) -> str:
        """A credential enrolled by the demo admin (``kiosk``, ``integration`` …)."""
        key = f"{kind}:{label}"
        if key not in self.tokens:
            admin = self.token("demo-admin")
            code = self.post("/enrolments", admin, {"kind": kind, "label": label})
            assert code.status_code == 201, code.text
            answer = self.post("/enrolments/redeem", None, {"code": code.json()["code"]})
            assert answer.status_code == 201, answer.text
            self.tokens[key] = answer.json()["token"]
        return self.tokens[key]

    def post(
        self, path: str, token: str | None, body: Any = None, key: str | None = None
    ) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if key is not None:
            headers["Idempotency-Key"] = key
        return requests.post(self.service.url(path), json=body, headers=headers, timeout=TIMEOUT)

    def get(self, path: str, token: str, **params: object) -> requests.Response:
        return self.service.get(path, token, **params)

    def sql(self, statement: str, **params: object) -> list[tuple]:
        from sqlalchemy import text

        database = Database(self.service.database_url)
        try:
            with database.write() as session:
                result = session.execute(text(statement), params)
                return [tuple(row) for row in result] if result.returns_rows else []
        finally:
            database.dispose()

    def add(self, *rows: Any) -> None:
        """Write ORM rows straight into the database (tickets a morning would make)."""
        database = Database(self.service.database_url)
        try:
            with database.write() as session:
                session.add_all(rows)
        finally:
            database.dispose()


@contextmanager
def hall_service(demo_databases: Any, now: datetime = MONDAY) -> Iterator[Hall]:
    """A fresh demo database of the test's backend, served in this process at ``now``
    (user tokens kept through the hours a test's clock jumps: no idle sign-out)."""
    with local_service(demo_databases.new(), Clock(now), idle_minutes=0) as service:
        yield Hall(service)


def new_key() -> str:
    return str(uuid.uuid4())
