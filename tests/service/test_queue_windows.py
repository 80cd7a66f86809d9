"""POST /windows/{window_code}/pause and /resume (issue 18): a clerk stops their window
calling with a reason and starts it again; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import requests

from tests.helpers.hall_queue import MONDAY, TIMEOUT, Hall, hall_service, new_key
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import assert_problem, error_fields


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


def test_a_clerk_pauses_their_window_with_a_reason_and_resumes_it(hall: Hall) -> None:
    clerk = hall.token("demo-clerk", "W01")
    hall.set_time(MONDAY)
    paused = hall.post("/windows/W01/pause", clerk, {"reason": "系统故障，稍候"})
    assert paused.status_code == 201, paused.text
    state = paused.json()
    assert state["paused"] is True
    assert state["pause"]["reason"] == "系统故障，稍候"
    assert state["pause"]["by"] == "demo-clerk"
    assert state["pause"]["paused_at"] == MONDAY.isoformat()
    assert state["pause"]["resumed_at"] is None
    # Paused already: a second pause is refused, the first reason stays.
    again = hall.post("/windows/W01/pause", clerk, {"reason": "午休"})
    assert_problem(again, 409, "already-paused")

    hall.set_time(MONDAY + timedelta(minutes=12))
    resumed = hall.post("/windows/W01/resume", clerk)
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["paused"] is False
    assert resumed.json()["pause"]["id"] == state["pause"]["id"]
    assert resumed.json()["pause"]["resumed_at"] == (MONDAY + timedelta(minutes=12)).isoformat()
    assert_problem(hall.post("/windows/W01/resume", clerk), 409, "not-paused")
    rows = hall.sql(
        "SELECT action, actor, target FROM audit_records "
        "WHERE action IN ('window.pause', 'window.resume') ORDER BY id"
    )
    assert rows == [("window.pause", "demo-clerk", "W01"), ("window.resume", "demo-clerk", "W01")]


def test_a_pause_needs_a_reason(hall: Hall) -> None:
    clerk = hall.token("demo-clerk-w03", "W03")
    for body in ({}, {"reason": ""}, {"reason": "   "}):
        problem = assert_problem(hall.post("/windows/W03/pause", clerk, body), 422)
        assert error_fields(problem) == {"reason"}, body
    assert hall.sql("SELECT count(*) FROM window_pauses WHERE window_code = 'W03'") == [(0,)]


def test_only_the_windows_own_clerk_pauses_it(hall: Hall) -> None:
    clerk = hall.token("demo-clerk-w05", "W05")
    # Another window answers like a window that does not exist.
    for window in ("W01", "W99"):
        assert_problem(hall.post(f"/windows/{window}/pause", clerk, {"reason": "x"}), 404)
        assert_problem(hall.post(f"/windows/{window}/resume", clerk), 404)
    lead = hall.token("demo-lead")
    assert_problem(hall.post("/windows/W05/pause", lead, {"reason": "x"}), 403)
    kiosk = hall.machine("kiosk", "windows-test kiosk")
    assert_problem(hall.post("/windows/W05/pause", kiosk, {"reason": "x"}), 403)
    assert hall.sql("SELECT count(*) FROM window_pauses WHERE window_code = 'W05'") == [(0,)]


def test_a_windows_desk_pauses_it_in_the_clerks_stead(hall: Hall) -> None:
    signed_in = requests.post(
        hall.service.url("/auth/login"),
        json={
            "username": "demo-clerk-p01",
            "password": DEMO_PASSWORD,
            "window_code": "P01",
            "device_id": "pause-desk-p01",
        },
        timeout=TIMEOUT,
    )
    desk = signed_in.json()["device_token"]
    paused = hall.post("/windows/P01/pause", desk, {"reason": "设备检修"})
    assert paused.status_code == 201, paused.text
    assert paused.json()["pause"]["by"] == "device:pause-desk-p01"
    assert hall.post("/windows/P01/resume", desk).json()["paused"] is False


def test_a_paused_window_calls_nobody_until_it_resumes(hall: Hall) -> None:
    hall.set_time(MONDAY + timedelta(hours=1))
    kiosk = hall.machine("kiosk", "windows-test kiosk")
    ticket = {"id": new_key(), "category": "GA"}
    issued = hall.post("/queue/tickets", kiosk, ticket, key=ticket["id"])
    assert issued.status_code == 201, issued.text
    clerk = hall.token("demo-clerk", "W01")
    assert hall.post("/windows/W01/pause", clerk, {"reason": "临时离开"}).status_code == 201
    assert_problem(hall.post("/queue/next", clerk, {}), 409, "window-paused")
    assert hall.sql("SELECT status FROM queue_tickets WHERE id = :i", i=ticket["id"]) == [
        ("waiting",)
    ]
    assert hall.post("/windows/W01/resume", clerk).status_code == 200
    called = hall.post("/queue/next", clerk, {})
    assert called.status_code == 200, called.text
    assert called.json()["ticket"]["number"] == issued.json()["ticket"]["number"]
