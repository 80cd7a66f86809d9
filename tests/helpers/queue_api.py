"""The queue core's service tests (issue 18, ``routers.queue``): a records service run in
this process on a fresh demo database of the test's backend, on a clock the test sets;
the hall's categories replaced by the test's own; kiosks, desks and screens enrolled by the
demo admin, as in a real hall.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import requests
from sqlalchemy import text

from records_service.db import Database
from tests.helpers.local_service import Clock, LocalService, local_service

TIMEOUT = (5, 60)
CST = timezone(timedelta(hours=8))
#: Monday 30 November 2026, a working day, before the hall opens.
MORNING = datetime(2026, 11, 30, 8, 30, tzinfo=CST)


@dataclass(frozen=True)
class Category:
    code: str
    prefix: str
    windows: tuple[str, ...]
    wait_limit_minutes: int = 30
    daily_limit_per_id: int = 3


@dataclass
class QueueHall:
    """A running service, its database and the credentials the test holds."""

    service: LocalService
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def clock(self) -> Clock:
        return self.service.clock

    def at(self, moment: datetime) -> None:
        self.service.clock.now = moment

    def sql(self, statement: str, **params: object) -> list[tuple]:
        database = Database(self.service.database_url)
        try:
            with database.write() as session:
                result = session.execute(text(statement), params)
                return (
                    [tuple(row) for row in result] if getattr(result, "returns_rows", False) else []
                )
        finally:
            database.dispose()

    def admin(self) -> str:
        if "admin" not in self.tokens:
            self.tokens["admin"] = self.service.token("demo-admin", None)
        return self.tokens["admin"]

    def enrol(self, kind: str, label: str, window: str | None = None) -> str:
        """A machine credential (``kiosk``, ``display``, ``desk`` of ``window``); past the
        service's 10 enrolments a minute, the clock moves on a minute."""
        key = f"{kind}:{label}"
        if key not in self.tokens:
            body: dict[str, Any] = {"kind": kind, "label": label}
            if window:
                body["window_code"] = window
            code = self.post("/enrolments", self.admin(), body)
            assert code.status_code == 201, code.text
            redeem: dict[str, Any] = {"code": code.json()["code"]}
            if kind == "desk":
                redeem["device_id"] = f"queue-desk-{label}"
            answer = self.post("/enrolments/redeem", None, redeem)
            if answer.status_code == 429:  # 10 redeemed a minute: a minute later
                self.clock.now += timedelta(seconds=61)
                answer = self.post("/enrolments/redeem", None, redeem)
            assert answer.status_code == 201, answer.text
            self.tokens[key] = answer.json()["token"]
        return self.tokens[key]

    def desk(self, window: str) -> str:
        return self.enrol("desk", window, window)

    def post(
        self, path: str, token: str | None, body: Any = None, key: str | None = None
    ) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if key is not None:
            headers["Idempotency-Key"] = key
        return requests.post(self.service.url(path), json=body, headers=headers, timeout=TIMEOUT)

    def get(self, path: str, token: str | None, **params: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return requests.get(self.service.url(path), params=params, headers=headers, timeout=TIMEOUT)

    # -- the queue ---------------------------------------------------------------------------

    def ticket(self, kiosk: str, category: str, **fields: Any) -> requests.Response:
        """``POST /queue/tickets`` with a fresh id (or ``id=`` to resend one)."""
        ticket_id = str(fields.pop("id", uuid.uuid4()))
        body = {"id": ticket_id, "category": category, **fields}
        return self.post("/queue/tickets", kiosk, body, key=ticket_id)

    def issued(self, kiosk: str, category: str, **fields: Any) -> dict[str, Any]:
        answer = self.ticket(kiosk, category, **fields)
        assert answer.status_code == 201, answer.text
        return answer.json()

    def next(self, window: str, number: str | None = None) -> requests.Response:
        body = {} if number is None else {"number": number}
        return self.post("/queue/next", self.desk(window), body)

    def act(
        self, window: str, number: str, action: str, body: Any = None, key: str | None = None
    ) -> requests.Response:
        """A window's step with its ticket (``recall``, ``no-show``, ``transfer``,
        ``finish``) with a fresh Idempotency-Key, or ``key`` to send one again."""
        path = f"/queue/tickets/{number}/{action}"
        return self.post(path, self.desk(window), body, key=key or str(uuid.uuid4()))


def set_categories(hall: QueueHall, categories: list[Category]) -> None:
    """The hall's categories are exactly these (whatever the demo data holds)."""
    hall.sql("DELETE FROM queue_categories")
    for c in categories:
        hall.sql(
            "INSERT INTO queue_categories (center_code, code, prefix, name, department_code, "
            "item_codes, windows, wait_limit_minutes, slot_capacity, daily_limit_per_id, "
            "active) VALUES ('HS', :code, :prefix, :name, NULL, '[]', :windows, :limit, 0, "
            ":daily, :active)",
            code=c.code,
            prefix=c.prefix,
            name=f"测试业务{c.prefix}",
            windows="[" + ", ".join(f'"{w}"' for w in c.windows) + "]",
            limit=c.wait_limit_minutes,
            daily=c.daily_limit_per_id,
            active=True,
        )


def reset_queue(hall: QueueHall, now: datetime) -> None:
    """An empty hall again at ``now`` (one service for a module's tests): no tickets,
    calls, pauses or appointments; rate limits forgotten; credentials kept."""
    for table in ("queue_calls", "queue_tickets", "window_pauses", "appointments", "rate_limits"):
        hall.sql(f"DELETE FROM {table}")
    hall.at(now)


def add_windows(hall: QueueHall, codes: list[str]) -> None:
    """More windows of the demo's 公安 department (for many windows calling at once)."""
    for code in codes:
        hall.sql(
            "INSERT INTO windows (code, name, department_code, center_code, settlement) "
            "VALUES (:code, :name, 'GA', 'HS', :settlement)",
            code=code,
            name=f"测试窗口{code}",
            settlement=False,
        )


@contextmanager
def queue_hall(demo_databases: Any, now: datetime = MORNING) -> Iterator[QueueHall]:
    """A fresh demo database of the test's backend, served in this process at ``now``."""
    with local_service(demo_databases.new(), Clock(now)) as service:
        yield QueueHall(service)
