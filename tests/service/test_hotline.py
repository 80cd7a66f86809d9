"""12345 work orders (issue 19), tried as the people would: the hotline (a stand-in client
written against the documented API, with its integration credential) dispatches orders
with a 4-hour answer deadline; the center's supervisor signs and assigns them, the
department's clerk answers one in time and one late, the supervisor returns one, the
hotline sends one back to be redone; the hotline pulls every change through
``updated_after``. On SQLite and PostgreSQL, on the service's injected clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from tests.helpers.hall_queue import MONDAY, Hall, hall_service
from tests.helpers.hotline_client import HotlineClient
from tests.helpers.service_api import assert_problem, error_fields


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


def hotline_of(hall: Hall) -> HotlineClient:
    return HotlineClient(hall.service.url(""), hall.machine("integration", "12345热线"))


def step(hall: Hall, token: str, no: str, action: str, body: dict | None = None):
    return hall.post(f"/hotline/orders/{no}/{action}", token, body)


def test_four_hour_orders_answered_in_time_late_returned_and_redone(hall: Hall) -> None:
    hall.set_time(MONDAY)  # 09:30
    hotline = hotline_of(hall)
    supervisor = hall.token("demo-supervisor")
    clerk = hall.token("demo-clerk", "W01")  # 公安 (GA)
    for no in ("RX-001", "RX-002", "RX-003", "RX-004"):
        order = hotline.dispatch(no)
        assert (order["status"], order["caller"]) == ("received", "李* 139****5678")
        assert order["answer_due_at"] == "2026-11-30T13:30:00+08:00"
        assert order["sign_due_at"] == "2026-11-30T10:30:00+08:00"
    assert {o["no"] for o in hotline.pull()} == {"RX-001", "RX-002", "RX-003", "RX-004"}

    hall.set_time(MONDAY + timedelta(minutes=15))
    for no in ("RX-001", "RX-002", "RX-004"):
        signed = step(hall, supervisor, no, "sign")
        assert signed.status_code == 200, signed.text
        assert signed.json()["sign_late"] is False
        assigned = step(hall, supervisor, no, "assign", {"department_code": "GA"})
        assert assigned.json()["status"] == "assigned"
    returned = step(hall, supervisor, "RX-003", "return", {"reason": "属供电公司职责，非本中心"})
    assert returned.json()["status"] == "returned"

    hall.set_time(MONDAY + timedelta(hours=2))  # 11:30, before the 13:30 deadline
    for no in ("RX-001", "RX-004"):
        answered = step(hall, clerk, no, "answer", {"answer": "已联系物业，路灯今晚修复。"})
        assert answered.status_code == 200, answered.text
        assert (answered.json()["status"], answered.json()["late"]) == ("answered", False)
    hall.set_time(MONDAY + timedelta(hours=5))  # 14:30: past the deadline
    late = step(hall, clerk, "RX-002", "answer", {"answer": "已修复。"})
    assert (late.json()["late"], late.json()["overdue"]) == (True, False)

    pulled = {o["no"]: o for o in hotline.pull()}
    assert set(pulled) == {"RX-001", "RX-002", "RX-003", "RX-004"}
    assert (pulled["RX-001"]["answer"], pulled["RX-001"]["late"]) == (
        "已联系物业，路灯今晚修复。",
        False,
    )
    assert pulled["RX-002"]["late"] is True
    assert pulled["RX-002"]["answered_at"] == "2026-11-30T14:30:00+08:00"
    assert (pulled["RX-003"]["status"], pulled["RX-003"]["return_reason"]) == (
        "returned",
        "属供电公司职责，非本中心",
    )
    kinds = [e["kind"] for e in pulled["RX-001"]["events"]]
    assert kinds == ["received", "signed", "assigned", "answered"]

    # The caller was not satisfied: the hotline sends RX-004 back; the clerk answers again.
    hall.set_time(MONDAY + timedelta(hours=6))
    redo = hotline.send_back("RX-004", "来电人反映路灯仍未修复", answer_within=(4, "hours"))
    assert redo.status_code == 200, redo.text
    assert (redo.json()["status"], redo.json()["answer"]) == ("redo", None)
    assert redo.json()["answer_due_at"] == "2026-11-30T19:30:00+08:00"
    sent_back = {
        "reason": "来电人反映路灯仍未修复",
        "at": "2026-11-30T15:30:00+08:00",
        "previous_answer": "已联系物业，路灯今晚修复。",
    }
    assert redo.json()["redo"] == sent_back
    # The department's clerk who answers it again reads why it came back.
    mine = {o["no"]: o for o in hall.get("/hotline/orders", clerk).json()["items"]}
    assert mine["RX-004"]["redo"] == sent_back
    assert mine["RX-001"]["redo"] is None
    assert [o["no"] for o in hotline.pull()] == ["RX-004"]  # only what changed
    assert hotline.orders["RX-004"]["status"] == "redo"
    hall.set_time(MONDAY + timedelta(hours=7))
    again = step(hall, clerk, "RX-004", "answer", {"answer": "已更换灯具，经来电人确认亮灯。"})
    assert again.json()["late"] is False
    assert [o["no"] for o in hotline.pull()] == ["RX-004"]
    redone = hotline.orders["RX-004"]
    assert (redone["status"], redone["answer"]) == ("answered", "已更换灯具，经来电人确认亮灯。")
    assert [e["kind"] for e in redone["events"]][-2:] == ["redo", "answered"]
    assert redone["events"][-2]["data"]["previous_answer"] == "已联系物业，路灯今晚修复。"
    assert hotline.pull() == []  # nothing changed since
    # Every step is in the audit trail, without the caller's name or phone.
    audit = hall.sql("SELECT action, detail FROM audit_records WHERE target = 'RX-004' ORDER BY id")
    assert [a for a, _ in audit] == [
        "hotline.received",
        "hotline.signed",
        "hotline.assigned",
        "hotline.answered",
        "hotline.redo",
        "hotline.answered",
    ]
    assert "13912345678" not in str(audit) and "李四" not in str(audit)


def test_a_repeated_order_number_with_another_body_is_refused(hall: Hall) -> None:
    hall.set_time(MONDAY)
    hotline = hotline_of(hall)
    body = hotline.dispatch_body("RX-100", "consultation", answer_within=(2, "working_days"))
    first = hotline.post_order(body)
    assert first.status_code == 201, first.text
    assert first.json()["answer_due_at"] == "2026-12-02T23:59:59+08:00"  # Monday + 2 working days
    again = hotline.post_order(body)
    assert again.status_code == 201 and again.headers["Idempotency-Replayed"] == "true"
    changed = dict(body, content="另一个内容")
    assert_problem(hotline.post_order(changed), 422, "idempotency-mismatch")
    assert hall.sql("SELECT count(*) FROM hotline_orders WHERE no = 'RX-100'") == [(1,)]
    # The Idempotency-Key must be the order's number.
    other = dict(body, no="RX-101")
    answer = hall.post("/hotline/orders", hotline.token, other, key="RX-999")
    assert "no" in error_fields(assert_problem(answer, 422))
    assert hall.sql("SELECT count(*) FROM hotline_orders WHERE no = 'RX-101'") == [(0,)]


def test_who_reaches_an_order_and_which_steps_follow(hall: Hall) -> None:
    hall.set_time(MONDAY)
    hotline = hotline_of(hall)
    supervisor = hall.token("demo-supervisor")
    clerk = hall.token("demo-clerk", "W01")  # GA
    other_clerk = hall.token("demo-clerk-w03", "W03")  # SJ
    hotline.dispatch("RX-200")
    # Before it is assigned, no department sees it; the hotline may not sign.
    assert_problem(step(hall, clerk, "RX-200", "answer", {"answer": "x"}), 404)
    assert_problem(step(hall, hotline.token, "RX-200", "sign"), 403)
    assert_problem(step(hall, supervisor, "RX-200", "answer", {"answer": "x"}), 403)
    assert_problem(step(hall, supervisor, "RX-200", "assign", {"department_code": "GA"}), 409)
    assert step(hall, supervisor, "RX-200", "sign").status_code == 200
    assert_problem(step(hall, supervisor, "RX-200", "sign"), 409, "illegal-transition")
    unknown = step(hall, supervisor, "RX-200", "assign", {"department_code": "NOPE"})
    assert "department_code" in error_fields(assert_problem(unknown, 422))
    step(hall, supervisor, "RX-200", "assign", {"department_code": "GA"})
    listed = hall.get("/hotline/orders", clerk, status="assigned").json()["items"]
    assert [o["no"] for o in listed] == ["RX-200"]  # the department's only assigned one
    assert hall.get("/hotline/orders", other_clerk).json()["items"] == []
    assert_problem(step(hall, other_clerk, "RX-200", "answer", {"answer": "x"}), 404)
    # 延期: a later deadline with a reason, seen by the hotline.
    old_due = "2026-11-30T13:30:00+08:00"
    earlier = {"reason": "需现场核实", "answer_due_at": "2026-11-30T12:00:00+08:00"}
    assert "answer_due_at" in error_fields(
        assert_problem(step(hall, supervisor, "RX-200", "extend", earlier), 422)
    )
    later = {"reason": "需现场核实", "answer_due_at": "2026-12-01T17:00:00+08:00"}
    extended = step(hall, supervisor, "RX-200", "extend", later).json()
    assert extended["status"] == "extended"
    assert extended["extension"]["previous_due_at"] == old_due
    hall.set_time(MONDAY + timedelta(hours=6))  # past the first deadline, within the new
    answered = step(hall, clerk, "RX-200", "answer", {"answer": "已核实处理。"}).json()
    assert (answered["status"], answered["late"]) == ("answered", False)
    assert_problem(step(hall, supervisor, "RX-200", "return", {"reason": "x"}), 409)
    assert_problem(step(hall, supervisor, "RX-999", "sign"), 404)
