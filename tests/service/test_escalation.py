"""Escalation on the clock (issue 19, ``records_service.escalation``, ``clerk-records
escalate``): overdue complaints and 12345 work orders are escalated by the cron run even
when nobody reads a list — once each, per missed deadline; the supervisor's list then shows
the complaint first, in red, without escalating it again; the hotline's pull sees the order's
escalation. On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from records_service import escalation
from records_service.db import Database
from tests.helpers.hall_queue import CST, MONDAY, Hall, hall_service
from tests.helpers.hotline_client import HotlineClient

#: Thursday 3 December 2026, 18:00: the last day of an attitude complaint assigned on MONDAY.
THURSDAY = datetime(2026, 12, 3, 18, 0, tzinfo=CST)


@pytest.fixture
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


@pytest.fixture
def database(hall: Hall) -> Iterator[Database]:
    db = Database(hall.service.database_url)
    try:
        yield db
    finally:
        db.dispose()


def _at(hall: Hall, moment: datetime) -> None:
    hall.set_time(moment)
    hall.tokens.clear()  # tokens live 8 hours


def _ok(answer) -> dict:
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def _complaint(hall: Hall, account: str) -> str:
    """A complaint about the hall taken in and assigned to GA now; its number."""
    supervisor = hall.token("demo-supervisor")
    body = {
        "channel": "phone",
        "complainant_name": "李四",
        "complainant_contact": "13900139000",
        "about_kind": "hall",
        "category": "attitude",
        "account": account,
    }
    no = _ok(hall.post("/complaints", supervisor, body, key=str(uuid.uuid4())))["complaint"]["no"]
    _ok(hall.post(f"/complaints/{no}/assign", supervisor, {"department_code": "GA"}))
    return no


def _escalations(hall: Hall) -> dict[str, int]:
    rows = hall.sql(
        "SELECT order_no, count(*) FROM hotline_events WHERE kind = 'escalated' GROUP BY order_no"
    )
    rows += hall.sql(
        "SELECT complaint_no, count(*) FROM complaint_events WHERE kind = 'escalated' "
        "GROUP BY complaint_no"
    )
    return {no: count for no, count in rows}


def test_the_cron_run_escalates_overdue_orders_and_complaints_once_each(
    hall: Hall, database: Database, capsys
) -> None:
    from records_service.cli import main

    _at(hall, MONDAY)  # 09:30; orders: sign within 1 hour, answer within 4
    hotline = HotlineClient(hall.service.url(""), hall.machine("integration", "12345热线"))
    supervisor, lead = hall.token("demo-supervisor"), hall.token("demo-lead")
    for no in ("ES-UNSIGNED", "ES-LATE", "ES-INTIME"):
        hotline.dispatch(no)
    for no in ("ES-LATE", "ES-INTIME"):
        _ok(hall.post(f"/hotline/orders/{no}/sign", supervisor))
        _ok(hall.post(f"/hotline/orders/{no}/assign", supervisor, {"department_code": "GA"}))
    late_complaint = _complaint(hall, "窗口人员态度生硬")
    answered = _complaint(hall, "叫号后无人")
    _ok(hall.post(f"/complaints/{answered}/answer", lead, {"answer": "已批评教育"}))
    cursor_before = {o["no"]: o["updated_at"] for o in hotline.pull()}

    def run(moment: datetime) -> escalation.Escalated:
        _at(hall, moment)
        return escalation.escalate(database, hall.clock)

    assert run(MONDAY + timedelta(minutes=50)) == escalation.Escalated()  # 10:20: nothing due
    first = run(MONDAY + timedelta(hours=2))  # 11:30: the sign deadline (10:30) is past
    assert first == escalation.Escalated(orders=[("ES-UNSIGNED", "sign")])
    assert run(MONDAY + timedelta(hours=2)) == escalation.Escalated()  # once only
    _ok(hall.post("/hotline/orders/ES-INTIME/answer", lead, {"answer": "已处理。"}))
    # 14:30: ES-LATE is not answered by 13:30; ES-UNSIGNED's sign escalation is not repeated.
    assert run(MONDAY + timedelta(hours=5)) == escalation.Escalated(orders=[("ES-LATE", "answer")])
    # Thursday evening: the complaint's last day is not over; nothing more.
    assert run(THURSDAY) == escalation.Escalated()
    assert _escalations(hall) == {"ES-UNSIGNED": 1, "ES-LATE": 1}
    audit = hall.sql("SELECT count(*) FROM audit_records WHERE action = 'hotline.escalated'")
    assert audit == [(2,)]

    # The hotline's pull sees each escalation, with the deadline it was for.
    pulled = {o["no"]: o for o in hotline.pull()}
    escalated = [e for e in pulled["ES-LATE"]["events"] if e["kind"] == "escalated"]
    assert [(e["by"], e["data"]["deadline"]) for e in escalated] == [("service", "answer")]
    assert pulled["ES-LATE"]["updated_at"] > cursor_before["ES-LATE"]
    assert "escalated" not in [e["kind"] for e in pulled["ES-INTIME"]["events"]]

    # clerk-records escalate from cron (the real clock, long past Thursday): the complaint
    # is escalated although nobody read a list.
    capsys.readouterr()
    assert main(["--database-url", hall.service.database_url, "escalate"]) == 0
    out = capsys.readouterr().out
    assert f"escalated complaint {late_complaint}: past its response deadline" in out
    assert "1 complaints and 0 12345 orders escalated" in out
    assert main(["--database-url", hall.service.database_url, "escalate"]) == 0
    assert "0 complaints and 0 12345 orders escalated" in capsys.readouterr().out
    assert _escalations(hall) == {"ES-UNSIGNED": 1, "ES-LATE": 1, late_complaint: 1}

    # The supervisor's list shows it first, in red, and does not escalate it again.
    _at(hall, THURSDAY + timedelta(days=1))
    items = _ok(hall.service.get("/complaints", hall.token("demo-supervisor")))["items"]
    assert (items[0]["no"], items[0]["flag"]) == (late_complaint, "red")
    assert next(i for i in items if i["no"] == answered)["flag"] is None
    assert _escalations(hall)[late_complaint] == 1
