"""Window clients report their status and desk audit events; leads see the windows."""

from __future__ import annotations

import uuid
from datetime import timedelta

import requests

from tests.helpers.service import TEST_NOW
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, login, service_now, token_for


def report(service, token: str, device_id: str, **overrides) -> requests.Response:
    body = {
        "waiting": 4,
        "rejected": [{"key": str(uuid.uuid4()), "reason": "catalog item withdrawn"}],
        "client_version": "0.1.0",
        "clock": TEST_NOW.isoformat(),
        "last_sync_at": "2026-11-28T09:00:00+08:00",
        **overrides,
    }
    return requests.post(
        service.url(f"/devices/{device_id}/status"), json=body, headers=auth(token), timeout=TIMEOUT
    )


def test_lead_sees_the_status_a_window_client_reported(service) -> None:
    device = login(service, device_id="desk-status").json()["device_token"]
    skewed = (service_now(service) + timedelta(minutes=10)).isoformat()
    assert report(service, device, "desk-status", clock=skewed).status_code == 204
    lead = token_for(service, "demo-lead", window_code=None)
    windows = requests.get(service.url("/windows"), headers=auth(lead), timeout=TIMEOUT).json()
    w01 = next(w for w in windows["items"] if w["code"] == "W01")
    desk = next(d for d in w01["devices"] if d["device_id"] == "desk-status")
    assert desk["waiting"] == 4
    assert desk["rejected"] == 1
    assert 9 * 60 <= desk["clock_skew_seconds"] <= 11 * 60
    assert {w["department"] for w in windows["items"]} == {"市公安局"}


def test_a_device_reports_only_for_itself(service) -> None:
    device = login(service, device_id="desk-self").json()["device_token"]
    assert_problem(report(service, device, "someone-else"), 403)


def test_clerk_cannot_list_windows(service, clerk_token) -> None:
    response = requests.get(service.url("/windows"), headers=auth(clerk_token), timeout=TIMEOUT)
    assert_problem(response, 403)


def test_desk_audit_events_land_in_the_audit_trail_once(service) -> None:
    device = login(service, device_id="desk-audit").json()["device_token"]
    marker = str(uuid.uuid4())
    body = {
        "events": [
            {
                "id": marker,
                "at": "2026-11-28T10:00:00+08:00",
                "actor": "demo-clerk",
                "action": "unmask_id",
                "target": "HS-W01-20261128-000001",
            }
        ]
    }
    headers = {**auth(device), "Idempotency-Key": str(uuid.uuid4())}
    for _ in range(2):
        response = requests.post(
            service.url("/audit/client-events"), json=body, headers=headers, timeout=TIMEOUT
        )
        assert response.status_code == 201, response.text
    auditor = token_for(service, "demo-auditor", window_code=None)
    records = requests.get(
        service.url("/audit"),
        params={"action": "client.unmask_id", "limit": 500},
        headers=auth(auditor),
        timeout=TIMEOUT,
    ).json()["items"]
    mine = [r for r in records if r["detail"]["client_event_id"] == marker]
    assert len(mine) == 1
    assert mine[0]["device_id"] == "desk-audit"
    assert mine[0]["actor"] == "demo-clerk"
