"""Signing in at a window PC, tried by every account that is not the window's clerk: none
gets the desk's device token, none reads the window's cases; a clerk of another window
gets the same 404 for a W01 case as for a number that does not exist."""

from __future__ import annotations

import pytest

from tests.helpers.security_api import (
    Secured,
    call,
    create_user,
    login,
    new_case,
    signed_in,
    token,
)

UNKNOWN = "HS-W01-20261128-999999"


@pytest.fixture(scope="module")
def hall(shared: Secured) -> dict:
    """A W01 case taken in by the window's own desk, and a lead of another department."""
    desk = signed_in(shared, device_id="w01-desk")["device_token"]
    assert desk
    create_user(shared, "lead-sj", ["lead"], "SJ")
    return {"case": new_case(shared, desk), "desk": desk}


@pytest.mark.parametrize("username", ["demo-display", "demo-auditor", "demo-admin", "lead-sj"])
def test_no_device_token_and_no_case_for_other_accounts_at_w01(
    shared: Secured, hall: dict, username: str
) -> None:
    answer = login(shared, username, window_code="W01", device_id=f"pc-of-{username}")
    assert answer.status_code == 200, answer.text
    assert answer.json()["device_token"] is None
    bearer = answer.json()["access_token"]
    case_no = hall["case"]["case_no"]
    read = call(shared, "GET", f"/cases/{case_no}", bearer)
    assert read.status_code in (403, 404), read.text
    assert hall["case"]["applicant"]["id_number"] not in read.text
    listed = call(shared, "GET", "/cases", bearer, window="W01")
    assert listed.status_code == 403 or listed.json()["items"] == []
    changes = call(shared, "GET", "/changes", bearer)
    assert changes.status_code == 403 or changes.json()["items"] == []
    # Nor may it write in the clerk's name at that window.
    assert call(shared, "POST", "/cases", bearer, {}, key="k").status_code == 403
    rows = shared.sql("SELECT COUNT(*) FROM devices WHERE device_id = :d", d=f"pc-of-{username}")
    assert rows == [(0,)]  # not even registered as a desk


def test_a_clerk_of_the_window_gets_the_desk_token_once(shared: Secured, hall: dict) -> None:
    first = signed_in(shared, device_id="w01-second-desk")
    assert first["device_token"]
    assert signed_in(shared, device_id="w01-second-desk")["device_token"] is None
    read = call(shared, "GET", f"/cases/{hall['case']['case_no']}", first["device_token"])
    assert read.status_code == 200


def test_another_windows_case_is_404_like_an_unknown_number(shared: Secured, hall: dict) -> None:
    w03 = token(shared, "demo-clerk-w03", window_code="W03")
    mine = call(shared, "GET", f"/cases/{hall['case']['case_no']}", w03)
    unknown = call(shared, "GET", f"/cases/{UNKNOWN}", w03)
    assert mine.status_code == unknown.status_code == 404
    assert {k: v for k, v in mine.json().items() if k != "detail"} == {
        k: v for k, v in unknown.json().items() if k != "detail"
    }
    assert hall["case"]["applicant"]["name"] not in mine.text
    # Writing to it is the same 404 (event, rating, document), never a 403 that confirms it.
    event = {
        "id": "0b7c3f8e-3c9f-4c59-9d5a-6b0f1c9f2a11",
        "type": "note",
        "at": "2026-11-28T10:00:00+08:00",
        "note": "x",
        "actor": "demo-clerk-w03",
    }
    path = f"/cases/{hall['case']['case_no']}/events"
    assert call(shared, "POST", path, w03, event, key=event["id"]).status_code == 404


def test_a_replayed_key_is_checked_like_a_first_write(shared: Secured, hall: dict) -> None:
    """The W01 desk's event, replayed byte for byte by W03's clerk: no stored answer (which
    would show the case), the same 404 as a first write."""
    event = {
        "id": "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
        "type": "note",
        "at": "2026-11-28T10:00:00+08:00",
        "note": "备注",
        "actor": "demo-clerk",
    }
    path = f"/cases/{hall['case']['case_no']}/events"
    assert call(shared, "POST", path, hall["desk"], event, key=event["id"]).status_code == 201
    w03 = token(shared, "demo-clerk-w03", window_code="W03")
    replay = call(shared, "POST", path, w03, event, key=event["id"])
    assert replay.status_code == 404
    assert "Idempotency-Replayed" not in replay.headers
    # And a W01 case body under W01's key, sent by W03: refused as a write for another window.
    body = dict(hall["case"])
    again = call(shared, "POST", "/cases", w03, body, key=body["id"])
    assert again.status_code == 403 and "Idempotency-Replayed" not in again.headers


def test_a_leads_read_of_unmasked_ids_is_audited(shared: Secured, hall: dict) -> None:
    lead = token(shared, "demo-lead", window_code=None)
    case_no = hall["case"]["case_no"]
    assert call(shared, "GET", f"/cases/{case_no}", lead).status_code == 200
    assert call(shared, "GET", "/cases", lead, window="W01").status_code == 200
    reads = [r for r in shared.audit("case.read_unmasked") if r[0] == "demo-lead"]
    assert (("demo-lead", case_no, "ok")) in reads and len(reads) == 2
    # The window's own desk reads its cases all day: not a record each time.
    assert call(shared, "GET", f"/cases/{case_no}", hall["desk"]).status_code == 200
    assert len(shared.audit("case.read_unmasked")) == 2
