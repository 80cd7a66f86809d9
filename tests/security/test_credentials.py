"""Machine credentials, tried as an attacker would: enrolment codes used twice, late or
guessed; a display credential on anything but the board; a window's cap of desks; a
disabled clerk's desk token; the CLI's code."""

from __future__ import annotations

import pytest

from tests.helpers.security_api import (
    Secured,
    StartService,
    call,
    later,
    new_case,
    problem_type,
    signed_in,
    token,
)
from tests.helpers.service import run_cli


def enrol(secured: Secured, admin: str, kind: str, window: str | None = None, label: str = "x"):
    body = {"kind": kind, "label": label}
    if window:
        body["window_code"] = window
    answer = call(secured, "POST", "/enrolments", admin, body)
    assert answer.status_code == 201, answer.text
    return answer.json()["code"]


def redeem(secured: Secured, code: str, device_id: str | None = None):
    body = {"code": code} | ({"device_id": device_id} if device_id else {})
    return call(secured, "POST", "/enrolments/redeem", None, body)


@pytest.fixture(scope="module")
def admin(shared: Secured) -> str:
    return token(shared, "demo-admin", window_code=None)


def test_a_hall_screen_enrols_once_and_reads_only_the_board(shared: Secured, admin: str) -> None:
    code = enrol(shared, admin, "display", label="大厅一号屏")
    issued = redeem(shared, code)
    assert issued.status_code == 201, issued.text
    screen = issued.json()["token"]
    assert issued.json()["kind"] == "display"
    assert redeem(shared, code).status_code == 404  # one use
    assert call(shared, "GET", "/board", screen).status_code == 200
    desk = signed_in(shared, device_id="desk-for-board")["device_token"]
    case = new_case(shared, desk)
    for method, path in (
        ("GET", f"/cases/{case['case_no']}"),
        ("GET", "/cases"),
        ("GET", "/changes"),
        ("GET", "/catalog"),
        ("POST", "/auth/password"),
        ("GET", "/workload"),
    ):
        answer = call(shared, method, path, screen, {} if method == "POST" else None)
        assert answer.status_code == 403, (path, answer.text)
        assert case["applicant"]["id_number"] not in answer.text
    assert ("enrolment.redeem", "ok") in {
        (a, r)
        for a, r in shared.sql(
            "SELECT action, result FROM audit_records WHERE action LIKE 'enrol%'"
        )
    }


def test_codes_expire_and_guesses_are_404(shared: Secured, admin: str) -> None:
    late = enrol(shared, admin, "kiosk", label="自助机")
    assert redeem(shared, "AAAA-BBBB-CCCC").status_code == 404
    shared.set_time(later(minutes=61))
    answer = redeem(shared, late)
    assert answer.status_code == 404 and problem_type(answer) == "not-found"
    shared.set_time(later(minutes=0))


def test_only_an_admin_makes_codes(shared: Secured) -> None:
    for username, window in (("demo-clerk", "W01"), ("demo-lead", None), ("demo-auditor", None)):
        bearer = token(shared, username, window_code=window)
        answer = call(shared, "POST", "/enrolments", bearer, {"kind": "desk", "label": "x"})
        assert answer.status_code == 403, username


def test_desk_enrolment_replaces_the_desks_old_token_and_the_window_has_a_cap(
    start_service: StartService,
) -> None:
    secured = start_service(CLERK_DEVICES_PER_WINDOW="2")
    admin = token(secured, "demo-admin", window_code=None)
    old = signed_in(secured, device_id="desk-a")["device_token"]
    assert old
    code = enrol(secured, admin, "desk", "W01", "一号窗电脑")
    assert redeem(secured, code).status_code == 422  # a desk names its device id
    new = redeem(secured, code, "desk-a").json()["token"]
    assert call(secured, "GET", "/catalog", old).status_code == 401  # the re-issue ended it
    assert call(secured, "GET", "/catalog", new).status_code == 200
    assert signed_in(secured, device_id="desk-b")["device_token"]  # the second desk
    # A third desk: a clerk's sign-in there gets no device token, an enrolment a 409.
    assert signed_in(secured, device_id="desk-c")["device_token"] is None
    third = redeem(secured, enrol(secured, admin, "desk", "W01"), "desk-c")
    assert third.status_code == 409 and problem_type(third) == "device-limit"


def test_kiosk_and_integration_credentials_are_refused_everything_yet(
    shared: Secured, admin: str
) -> None:
    for kind in ("kiosk", "integration"):
        bearer = redeem(shared, enrol(shared, admin, kind, label=kind)).json()["token"]
        for method, path in (("GET", "/board"), ("GET", "/catalog"), ("GET", "/cases")):
            assert call(shared, method, path, bearer).status_code == 403, (kind, path)


def test_a_disabled_clerks_desk_token_is_refused(start_service: StartService) -> None:
    secured = start_service()
    desk = signed_in(secured, device_id="desk-of-a-leaver")["device_token"]
    assert call(secured, "GET", "/catalog", desk).status_code == 200
    run_cli(["disable-user", "demo-clerk"], secured.service.database_url)
    assert call(secured, "GET", "/catalog", desk).status_code == 401


def test_the_cli_code_redeems_once(start_service: StartService) -> None:
    secured = start_service()
    out = run_cli(["enrol", "--kind", "display", "--label", "二号屏"], secured.service.database_url)
    code = out.split()[0]
    assert redeem(secured, code).status_code == 201
    assert redeem(secured, code).status_code == 404


def test_an_admin_lists_and_revokes_a_stolen_screens_credential(
    shared: Secured, admin: str
) -> None:
    screen = redeem(shared, enrol(shared, admin, "display", label="被盗的屏")).json()["token"]
    assert call(shared, "GET", "/board", screen).status_code == 200
    listed = call(shared, "GET", "/credentials", admin)
    assert listed.status_code == 200
    item = next(i for i in listed.json()["items"] if i["label"] == "被盗的屏")
    assert item["kind"] == "display" and screen not in listed.text
    path = f"/credentials/{item['id']}/revoke"
    assert call(shared, "POST", path, admin).status_code == 204
    assert call(shared, "GET", "/board", screen).status_code == 401
    assert call(shared, "POST", path, admin).status_code == 404  # revoked already
    assert ("credential.revoke", "ok") in {
        (a, r) for a, r in shared.sql("SELECT action, result FROM audit_records")
    }
