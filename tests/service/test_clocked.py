"""Behaviour that depends on time, on a service run in this process with an injected clock
(real HTTP on 127.0.0.1, real SQLite file): idle sign-outs, calendar overrides."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests

from clerk_app.core.statutory import statutory_holidays
from tests.helpers.local_service import Clock, LocalService, local_service
from tests.helpers.service import run_cli
from tests.helpers.service_api import TIMEOUT, assert_problem, auth

START = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)


@pytest.fixture
def local(tmp_path, records_template_db) -> Iterator[LocalService]:
    path = tmp_path / "records.db"
    shutil.copyfile(records_template_db(None), path)
    with local_service(f"sqlite:///{path}", Clock(START), idle_minutes=30) as service:
        yield service


def _sign_in(local: LocalService) -> str:
    response = requests.post(
        local.url("/auth/login"),
        json={"username": "demo-lead", "password": "demo-pass-2026"},
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def test_a_user_token_unused_for_the_idle_time_is_refused(local) -> None:
    token = _sign_in(local)
    for _ in range(3):  # used every 20 minutes: stays signed in for an hour
        local.clock.now += timedelta(minutes=20)
        assert requests.get(local.url("/windows"), headers=auth(token), timeout=TIMEOUT).ok
    local.clock.now += timedelta(minutes=31)
    idle = requests.get(local.url("/windows"), headers=auth(token), timeout=TIMEOUT)
    problem = assert_problem(idle, 401, "unauthorized")
    assert "30 minutes" in problem["detail"]


def test_an_admin_override_replaces_the_calendar_of_a_year(local, tmp_path) -> None:
    token = _sign_in(local)
    before = requests.get(
        local.url("/calendar"), params={"year": 2031}, headers=auth(token), timeout=TIMEOUT
    ).json()
    # Beyond the published tables: the statutory holidays, make-up days unknown.
    assert before["provisional"] is True
    assert before["holidays"] == sorted(d.isoformat() for d in statutory_holidays(2031))
    assert "2031-01-01" in before["holidays"] and before["workdays"] == []
    table = {
        "year": 2031,
        "holidays": ["2031-01-01", "2031-10-01", "2031-10-02", "2031-10-03"],
        "workdays": ["2031-09-28"],
        "source": "国务院办公厅通知 2030-11",
    }
    override = tmp_path / "2031.json"
    override.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    run_cli(["calendar-override", str(override)], local.database_url)
    after = requests.get(
        local.url("/calendar"), params={"year": 2031}, headers=auth(token), timeout=TIMEOUT
    ).json()
    assert after["holidays"] == table["holidays"]
    assert after["workdays"] == ["2031-09-28"]
    assert (after["source"], after["provisional"]) == (table["source"], False)
