"""A machine credential's renewal survives a lost answer (issue 14), tried as an attacker
would: the renewed credential stays valid for ``renew_grace_minutes`` (10 by default) from
its first renewal, so a machine that never got its successor renews again with the old one;
that revokes the successor nobody received (never two live), the grace is never extended,
and after it the old credential is refused. A revoked credential never renews."""

from __future__ import annotations

import pytest

from tests.helpers.security_api import (
    Secured,
    StartService,
    call,
    later,
    new_case,
    signed_in,
    token,
)

GRACE_MINUTES = 10


def _display(secured: Secured, label: str) -> str:
    admin = token(secured, "demo-admin", window_code=None)
    code = call(secured, "POST", "/enrolments", admin, {"kind": "display", "label": label})
    assert code.status_code == 201, code.text
    issued = call(secured, "POST", "/enrolments/redeem", None, {"code": code.json()["code"]})
    assert issued.status_code == 201, issued.text
    return issued.json()["token"]


def _renew(secured: Secured, bearer: str, kind: str) -> str:
    answer = call(secured, "POST", "/credentials/renew", bearer, {"kind": kind})
    assert answer.status_code == 201, answer.text
    return answer.json()["token"]


def _renewals(secured: Secured, label: str) -> list[tuple]:
    return [row for row in secured.audit("credential.renew") if row[1] == label]


@pytest.fixture
def service(start_service: StartService) -> Secured:
    return start_service()


def test_a_lost_answer_is_renewed_again_with_the_old_credential(service: Secured) -> None:
    old = _display(service, "lost answer")
    lost = _renew(service, old, "display")  # the answer never reaches the hall screen
    assert call(service, "GET", "/board", old).status_code == 200  # still in its grace
    again = _renew(service, old, "display")
    assert again not in (old, lost)
    # The successor nobody received is revoked: never two live.
    assert call(service, "GET", "/board", lost).status_code == 401
    assert call(service, "POST", "/credentials/renew", lost, {"kind": "display"}).status_code == 401
    assert call(service, "GET", "/board", again).status_code == 200
    assert [r[2] for r in _renewals(service, "lost answer")] == ["ok", "ok"]
    replaced = service.sql(
        "SELECT detail FROM audit_records WHERE action = 'credential.renew' ORDER BY id DESC"
    )[0][0]
    assert "replaces" in str(replaced)
    admin = token(service, "demo-admin", window_code=None)
    listed = call(service, "GET", "/credentials", admin).json()["items"]
    assert [c["label"] for c in listed].count("lost answer") == 1
    # The successor renewing itself proves the screen has it: the old one ends there.
    newest = _renew(service, again, "display")
    assert call(service, "GET", "/board", old).status_code == 401
    assert call(service, "POST", "/credentials/renew", old, {"kind": "display"}).status_code == 401
    assert call(service, "GET", "/board", newest).status_code == 200


def test_the_old_credential_is_refused_after_the_grace_which_a_retry_does_not_extend(
    service: Secured,
) -> None:
    old = signed_in(service, device_id="grace-desk")["device_token"]
    _renew(service, old, "desk")  # lost
    service.set_time(later(minutes=GRACE_MINUTES - 2))
    kept = _renew(service, old, "desk")  # the retry, late in the grace
    case_no = new_case(service, old)["case_no"]  # the desk keeps sending meanwhile
    service.set_time(later(minutes=GRACE_MINUTES + 1))
    assert call(service, "GET", f"/cases/{case_no}", old).status_code == 401
    assert call(service, "POST", "/credentials/renew", old, {"kind": "desk"}).status_code == 401
    assert call(service, "GET", f"/cases/{case_no}", kept).status_code == 200
    assert new_case(service, kept)["case_no"]


def test_a_revoked_credential_cannot_renew(service: Secured) -> None:
    admin = token(service, "demo-admin", window_code=None)
    screen = _display(service, "revoked screen")
    listed = call(service, "GET", "/credentials", admin).json()["items"]
    ident = next(c["id"] for c in listed if c["label"] == "revoked screen")
    assert call(service, "POST", f"/credentials/{ident}/revoke", admin).status_code == 204
    assert (
        call(service, "POST", "/credentials/renew", screen, {"kind": "display"}).status_code == 401
    )
    assert _renewals(service, "revoked screen") == []

    # An admin revoking the successor also ends the renewed credential in its grace.
    old = _display(service, "stolen screen")
    successor = _renew(service, old, "display")
    listed = call(service, "GET", "/credentials", admin).json()["items"]
    ident = next(c["id"] for c in listed if c["label"] == "stolen screen")
    assert call(service, "POST", f"/credentials/{ident}/revoke", admin).status_code == 204
    for bearer in (old, successor):
        assert call(service, "GET", "/board", bearer).status_code == 401
        answer = call(service, "POST", "/credentials/renew", bearer, {"kind": "display"})
        assert answer.status_code == 401
    assert [r[2] for r in _renewals(service, "stolen screen")] == ["ok"]


def test_no_grace_when_the_setting_says_none(start_service: StartService) -> None:
    service = start_service(CLERK_RENEW_GRACE_MINUTES="0")
    old = _display(service, "no grace")
    new = _renew(service, old, "display")
    assert call(service, "GET", "/board", old).status_code == 401
    assert call(service, "POST", "/credentials/renew", old, {"kind": "display"}).status_code == 401
    assert call(service, "GET", "/board", new).status_code == 200
