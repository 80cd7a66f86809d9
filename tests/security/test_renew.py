"""A machine credential renews itself (``POST /credentials/renew``), tried as an attacker
would: the old credential is refused once the new one has renewed itself (before that it
lasts a short grace, see test_renew_grace.py), a person's token never
renews, a renewed display credential still reaches nothing but the board; and the public
window check the first-run wizard uses tells no more than the hall shows."""

from __future__ import annotations

import pytest

from tests.helpers.security_api import (
    Secured,
    call,
    new_case,
    problem_type,
    signed_in,
    token,
)


@pytest.fixture(scope="module")
def admin(shared: Secured) -> str:
    return token(shared, "demo-admin", window_code=None)


def _credential(secured: Secured, admin: str, kind: str, **extra: str) -> str:
    body = {"kind": kind, "label": f"renew {kind}", **extra}
    code = call(secured, "POST", "/enrolments", admin, body)
    assert code.status_code == 201, code.text
    issued = call(secured, "POST", "/enrolments/redeem", None, {"code": code.json()["code"]})
    assert issued.status_code == 201, issued.text
    return issued.json()["token"]


def test_a_display_credential_renews_and_the_old_one_is_refused(
    shared: Secured, admin: str
) -> None:
    old = _credential(shared, admin, "display")
    renewed = call(shared, "POST", "/credentials/renew", old, {"kind": "display"})
    assert renewed.status_code == 201, renewed.text
    new = renewed.json()
    assert new["kind"] == "display" and new["label"] == "renew display"
    assert new["token"] != old
    # The old one lasts only the renewal grace (test_renew_grace.py); the new one renewing
    # itself ends it at once.
    newest = call(shared, "POST", "/credentials/renew", new["token"], {"kind": "display"})
    assert newest.status_code == 201, newest.text
    assert call(shared, "GET", "/board", old).status_code == 401
    assert call(shared, "POST", "/credentials/renew", old, {"kind": "display"}).status_code == 401
    assert call(shared, "GET", "/board", newest.json()["token"]).status_code == 200
    renewals = [row for row in shared.audit("credential.renew") if row[1] == "renew display"]
    assert renewals and renewals[-1][2] == "ok"
    # Admins see one live credential under that label, the new one.
    listed = call(shared, "GET", "/credentials", admin).json()["items"]
    assert [c["label"] for c in listed].count("renew display") == 1


def test_a_renewed_display_credential_still_reaches_only_the_board(
    shared: Secured, admin: str
) -> None:
    old = _credential(shared, admin, "display")
    screen = call(shared, "POST", "/credentials/renew", old, {"kind": "display"}).json()["token"]
    desk = signed_in(shared, device_id="renew-board-desk")["device_token"]
    case_no = new_case(shared, desk)["case_no"]
    assert call(shared, "GET", "/board", screen).status_code == 200
    for method, path in (
        ("GET", f"/cases/{case_no}"),
        ("GET", "/cases"),
        ("GET", "/changes"),
        ("GET", "/catalog"),
        ("GET", "/credentials"),
        ("POST", "/enrolments"),
        ("GET", "/workload"),
    ):
        answer = call(shared, method, path, screen, {} if method == "POST" else None)
        assert answer.status_code == 403, (path, answer.text)


@pytest.mark.parametrize("who", ["demo-clerk", "demo-display", "demo-admin"])
def test_a_persons_token_cannot_renew(shared: Secured, who: str) -> None:
    window = "W01" if who == "demo-clerk" else None
    bearer = token(shared, who, window_code=window)
    for kind in ("display", "desk"):
        answer = call(shared, "POST", "/credentials/renew", bearer, {"kind": kind})
        assert answer.status_code == 403, answer.text
    assert call(shared, "POST", "/auth/logout", bearer).status_code == 204


def test_an_integration_credential_does_not_renew_itself(shared: Secured, admin: str) -> None:
    integration = _credential(shared, admin, "integration")
    answer = call(shared, "POST", "/credentials/renew", integration, {"kind": "display"})
    assert answer.status_code == 403


def test_a_stray_or_mistaken_renewal_changes_nothing(shared: Secured, admin: str) -> None:
    screen = _credential(shared, admin, "display")
    for body in ({}, {"kind": "kiosk"}, {"kind": "display", "extra": 1}):
        answer = call(shared, "POST", "/credentials/renew", screen, body)
        assert answer.status_code == 422, (body, answer.text)
    assert call(shared, "GET", "/board", screen).status_code == 200


def test_a_desk_device_token_renews_and_keeps_its_window(shared: Secured) -> None:
    old = signed_in(shared, device_id="renew-desk")["device_token"]
    answer = call(shared, "POST", "/credentials/renew", old, {"kind": "desk"})
    assert answer.status_code == 201, answer.text
    new = answer.json()
    assert new["kind"] == "desk" and new["window_code"] == "W01"
    case_no = new_case(shared, new["token"])["case_no"]
    assert call(shared, "GET", f"/cases/{case_no}", new["token"]).status_code == 200
    assert call(shared, "POST", "/credentials/renew", new["token"], {"kind": "desk"}).ok
    assert call(shared, "GET", f"/cases/{case_no}", old).status_code == 401


def test_the_window_check_needs_no_token_and_tells_only_the_window(shared: Secured) -> None:
    found = call(shared, "GET", "/centers/HS/windows/W01", None)
    assert found.status_code == 200, found.text
    assert set(found.json()) == {
        "code",
        "name",
        "department",
        "department_code",
        "center_code",
        "center_name",
    }
    assert found.json()["code"] == "W01" and found.json()["name"]
    for path in ("/centers/HS/windows/W99", "/centers/XX/windows/W01"):
        missing = call(shared, "GET", path, None)
        assert missing.status_code == 404 and problem_type(missing) == "not-found"
