"""Numbering writers of different centers do not wait for each other (issue 20: no
province-wide lock; ``records_service.locks``), on a real PostgreSQL cluster.

A second connection holds one center's transaction open in the middle of its work: a
complaint of the city ``HS`` that has drawn its number, or the till of HS's cashier. The
county ``JZ``'s complaint and its cashier's day closing complete meanwhile; the city's
own next complaint and its cashier's closing wait (PostgreSQL shows them waiting on an
advisory lock) until that transaction ends, then complete — the complaint with the next
number, not the one the open transaction drew. Rows locked instead of the old lock: two
approvals of one refund at once decide it once.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from records_service import complaints, locks
from records_service.db import Database
from records_service.demo import upsert_user
from records_service.models import Complaint, Window
from tests.helpers.centers import add_centers
from tests.helpers.fees_api import cashier, clerk, finance, issued, paid, write
from tests.helpers.local_service import Clock, LocalService, local_service
from tests.helpers.service import DEMO_PASSWORD, TEST_NOW

pytestmark = pytest.mark.postgres

#: Longest wait for a request to show up as waiting, or to finish once it may.
PATIENCE = 20.0


@pytest.fixture(scope="module")
def province(postgres_databases: Any) -> Iterator[LocalService]:
    """A service on a demo database with the county JZ, its supervisor, and its cashier at
    its settlement window."""
    url = postgres_databases.create(template=postgres_databases.demo_template())
    add_centers(url)
    db = Database(url, "HS")
    try:
        with db.write() as session:
            session.add(
                Window(
                    code="JZ09",
                    name="冀州收费窗口",
                    department_code="JS",
                    center_code="JZ",
                    settlement=True,
                )
            )
            session.flush()
            for username, role, department, window in (
                ("jz-supervisor", "supervisor", None, None),
                ("jz-cashier", "cashier", "JS", "JZ09"),
            ):
                user, _ = upsert_user(
                    session,
                    username=username,
                    password=DEMO_PASSWORD,
                    display_name=username,
                    roles=[role],
                    department_code=department,
                    window_code=window,
                    must_change_password=False,
                )
                user.center_code = "JZ"
            session.commit()
    finally:
        db.dispose()
    with local_service(url, Clock(TEST_NOW)) as service:
        yield service


@pytest.fixture
def holder(province: LocalService) -> Iterator[Session]:
    """A session of a second connection whose transaction the test holds open."""
    engine = create_engine(province.database_url)
    try:
        with Session(engine) as session:
            yield session
            session.rollback()
    finally:
        engine.dispose()


def _post(service: LocalService, token: str, path: str, body: dict[str, Any]) -> requests.Response:
    key = str(body.get("id") or uuid.uuid4())  # a body with an id: the key is its id
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": key}
    return requests.post(service.url(path), json=body, headers=headers, timeout=(5, PATIENCE))


def _complaint() -> dict[str, Any]:
    return {
        "channel": "in_person",
        "complainant_name": "李四",
        "complainant_contact": "13900139000",
        "about_kind": "hall",
        "category": "other",
        "account": "大厅空调不开",
    }


def _day_close() -> dict[str, Any]:
    """Closing a day of the past on which nobody took a payment (the refund test pays today)."""
    return {"id": str(uuid.uuid4()), "date": "2026-11-20", "counted_fen": 0, "deposit_ref": "JJ-1"}


def _waiters(engine: Engine, kind: str | None = "advisory") -> int:
    """How many sessions of this database wait for a lock of ``kind`` (None: any) now."""
    with engine.connect() as connection:
        return int(
            connection.scalar(
                text(
                    "SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted "
                    "AND (CAST(:kind AS text) IS NULL OR locktype = :kind) "
                    "AND pid IN (SELECT pid FROM pg_stat_activity "
                    "WHERE datname = current_database())"
                ),
                {"kind": kind},
            )
            or 0
        )


class Waiting:
    """A request sent on a thread, which the test expects to wait."""

    def __init__(self, send: Any) -> None:
        self.answer: requests.Response | None = None
        self.thread = threading.Thread(target=self._run, args=(send,), daemon=True)
        self.thread.start()

    def _run(self, send: Any) -> None:
        self.answer = send()

    def shows_waiting(
        self, engine: Engine, *, at_least: int = 1, kind: str | None = "advisory"
    ) -> bool:
        """True once PostgreSQL shows ``at_least`` sessions waiting for a lock of ``kind``
        (None: any), this request's among them while it runs (bounded poll)."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline and self.thread.is_alive():
            if _waiters(engine, kind) >= at_least:
                return True
            time.sleep(0.02)
        return False

    def result(self) -> requests.Response:
        self.thread.join(timeout=PATIENCE)
        assert not self.thread.is_alive(), "the request did not finish after the lock went"
        assert self.answer is not None
        return self.answer


def test_complaints_of_another_center_are_numbered_while_one_centers_intake_is_open(
    province: LocalService, holder: Session
) -> None:
    city = province.token("demo-supervisor", None)
    county = province.token("jz-supervisor", None)
    probe = create_engine(province.database_url)
    try:
        # The city's intake in flight: it has drawn its number and written its row.
        held_no = complaints.next_no(holder, "HS", complaints.today_of(TEST_NOW))
        holder.add(
            Complaint(
                no=held_no,
                center_code="HS",
                channel="phone",
                about_kind="hall",
                category="other",
                account="held open by the test",
                status="open",
                reopened=False,
                created_by="test",
                created_at=TEST_NOW,
                updated_at=TEST_NOW,
                version=0,
            )
        )
        holder.flush()

        started = time.monotonic()
        other = _post(province, county, "/complaints", _complaint())
        assert other.status_code == 201, other.text
        assert other.json()["complaint"]["no"].startswith("TS-JZ-20261128-")
        assert time.monotonic() - started < 5
        assert _waiters(probe) == 0

        same = Waiting(lambda: _post(province, city, "/complaints", _complaint()))
        assert same.shows_waiting(probe), "the city's second complaint did not wait"
        holder.commit()
        answer = same.result()
        assert answer.status_code == 201, answer.text
        drawn = answer.json()["complaint"]["no"]
        assert drawn.startswith("TS-HS-20261128-")
        assert int(drawn.rsplit("-", 1)[1]) == int(held_no.rsplit("-", 1)[1]) + 1
    finally:
        probe.dispose()


def test_a_cashier_of_another_center_closes_the_day_while_one_cashiers_till_is_busy(
    province: LocalService, holder: Session
) -> None:
    city = province.token("demo-cashier", "S01")
    county = province.token("jz-cashier", "JZ09")
    probe = create_engine(province.database_url)
    try:
        # demo-cashier's till held, as a payment of theirs holds it until it commits.
        locks.hold(holder, locks.CASHIER, "demo-cashier")

        closed = _post(province, county, "/cashier/day/close", _day_close())
        assert closed.status_code == 201, closed.text
        assert _waiters(probe) == 0

        same = Waiting(lambda: _post(province, city, "/cashier/day/close", _day_close()))
        assert same.shows_waiting(probe), "demo-cashier's closing did not wait for the till"
        holder.rollback()
        answer = same.result()
        assert answer.status_code == 201, answer.text
        assert answer.json()["day"]["cashier"] == "demo-cashier"
    finally:
        probe.dispose()


def test_two_approvals_of_one_refund_at_once_decide_it_once(
    province: LocalService, holder: Session
) -> None:
    payment = paid(province, cashier(province), issued(province, clerk(province)))
    lead = province.token("demo-lead", None)
    asked = write(
        province,
        f"/payments/{payment['id']}/refund-requests",
        lead,
        {"id": str(uuid.uuid4()), "amount_fen": 1550, "reason": "未发生快递"},
    )
    assert asked.status_code == 201, asked.text
    refund_id = asked.json()["refund"]["id"]
    approve = f"/refund-requests/{refund_id}/approve"
    token = finance(province)
    probe = create_engine(province.database_url)
    try:
        # Both approvals arrive while the request's row is held: they wait for it together.
        holder.execute(
            text("SELECT id FROM refund_requests WHERE id = :id FOR UPDATE"), {"id": refund_id}
        )
        both = [
            Waiting(lambda: write(province, approve, token, {"note": ""}, key=str(uuid.uuid4())))
            for _ in range(2)
        ]
        assert all(w.shows_waiting(probe, at_least=2, kind=None) for w in both)
        holder.rollback()
        answers = sorted(w.result().status_code for w in both)
        assert answers == [201, 409]
        with probe.connect() as connection:
            refunded = connection.scalar(
                text("SELECT refunded_fen FROM payments WHERE id = :id"), {"id": payment["id"]}
            )
        assert refunded == 1550
    finally:
        probe.dispose()
