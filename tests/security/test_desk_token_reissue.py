"""A desk that lost its device token gets another at its clerk's next online sign-in
(issue 14, 15), tried by the desk and by every other account at that PC: the login says
whether the desk still holds one (``has_device_token``); a clerk or cashier of the window
signing in at a desk that holds none gets a new one and the desk's old one ends (audited
"re-issued"); a lead, an admin, an auditor or the hall screen's account never gets one and
never ends the desk's; the window's cap of desks still holds. And ``GET /workload/cases``
follows reach.py: a role that may never use it 403, a window outside the reach 404 like an
unknown one."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from tests.helpers.security_api import (
    TIMEOUT,
    Secured,
    call,
    create_user,
    problem_type,
    token,
)
from tests.helpers.service import DEMO_PASSWORD


def desk_login(
    secured: Secured,
    device_id: str,
    has_device_token: bool | None,
    username: str = "demo-clerk",
    window_code: str = "W01",
) -> requests.Response:
    body: dict[str, Any] = {
        "username": username,
        "password": DEMO_PASSWORD,
        "window_code": window_code,
        "device_id": device_id,
    }
    if has_device_token is not None:
        body["has_device_token"] = has_device_token
    return requests.post(secured.url("/auth/login"), json=body, timeout=TIMEOUT)


def device_token(secured: Secured, device_id: str, has: bool | None, **kwargs: Any) -> str | None:
    answer = desk_login(secured, device_id, has, **kwargs)
    assert answer.status_code == 200, answer.text
    return answer.json()["device_token"]


def works(secured: Secured, bearer: str) -> bool:
    status = call(secured, "GET", "/catalog", bearer).status_code
    assert status in (200, 401)
    return status == 200


def reissues(secured: Secured, device_id: str) -> list[tuple]:
    return secured.sql(
        "SELECT actor, target, result, detail FROM audit_records "
        "WHERE action = 'device.reissue' AND device_id = :d ORDER BY id",
        d=device_id,
    )


def test_a_clerk_at_a_desk_that_lost_its_token_gets_a_new_one_and_the_old_one_ends(
    shared: Secured,
) -> None:
    old = device_token(shared, "desk-lost", None)
    assert old and works(shared, old)
    # The desk still holds it (or says nothing, as older clients): nothing new.
    assert device_token(shared, "desk-lost", True) is None
    assert device_token(shared, "desk-lost", None) is None
    assert reissues(shared, "desk-lost") == []

    new = device_token(shared, "desk-lost", False)  # the keyring lost it

    assert new and new != old
    assert works(shared, new) and not works(shared, old)
    [(actor, target, result, detail)] = reissues(shared, "desk-lost")
    assert (actor, target, result) == ("demo-clerk", "W01", "ok")
    assert "re-issued" in str(detail) and '"revoked": 1' in str(detail).replace("'", '"')
    logins = shared.sql(
        "SELECT detail FROM audit_records WHERE action = 'login' AND device_id = 'desk-lost' "
        "ORDER BY id DESC LIMIT 1"
    )
    assert "re-issued" in str(logins[0][0])
    # Only one live device token for the desk afterwards.
    live = shared.sql(
        "SELECT COUNT(*) FROM tokens WHERE kind = 'device' AND device_id = 'desk-lost' "
        "AND revoked = :f",
        f=False,
    )
    assert live == [(1,)]


@pytest.fixture(scope="module")
def visited(shared: Secured) -> str:
    """The device token of a W01 desk that other accounts sign in at."""
    mine = device_token(shared, "desk-visited", None)
    assert mine
    return mine


@pytest.mark.parametrize("username", ["demo-lead", "demo-admin", "demo-auditor", "demo-display"])
def test_other_accounts_at_a_desk_without_a_token_get_none_and_end_nothing(
    shared: Secured, visited: str, username: str
) -> None:
    assert device_token(shared, "desk-visited", False, username=username) is None
    assert works(shared, visited)  # the desk's token still sends its outbox
    assert reissues(shared, "desk-visited") == []


def test_a_clerk_of_another_window_at_the_desk_is_refused_and_ends_nothing(
    shared: Secured, visited: str
) -> None:
    answer = desk_login(shared, "desk-visited", False, username="demo-clerk-w03")
    assert answer.status_code == 403 and problem_type(answer) == "wrong-window"
    assert works(shared, visited)


def test_a_cashier_of_the_window_gets_the_desk_a_token_and_a_new_one(shared: Secured) -> None:
    create_user(shared, "cashier-w01", ["cashier"], "GA", window_code="W01")
    first = device_token(shared, "desk-cashier", False, username="cashier-w01")
    assert first and works(shared, first)
    assert reissues(shared, "desk-cashier") == []  # nothing to revoke: simply issued
    new = device_token(shared, "desk-cashier", False, username="cashier-w01")
    assert new and works(shared, new) and not works(shared, first)
    assert len(reissues(shared, "desk-cashier")) == 1


def test_the_windows_cap_of_desks_holds_for_a_reissue(start_service) -> None:
    secured = start_service(CLERK_DEVICES_PER_WINDOW="2")
    a = device_token(secured, "desk-a", None)
    b = device_token(secured, "desk-b", None)
    assert a and b
    assert device_token(secured, "desk-c", False) is None  # a third desk: over the cap
    # A desk already counted may have its token re-issued: it is not a new desk.
    a2 = device_token(secured, "desk-a", False)
    assert a2 and works(secured, a2) and not works(secured, a)
    assert device_token(secured, "desk-c", False) is None
    live = secured.sql(
        "SELECT COUNT(DISTINCT device_id) FROM tokens WHERE kind = 'device' AND revoked = :f",
        f=False,
    )
    assert live == [(2,)]


def test_workload_cases_answers_404_outside_the_reach_and_403_to_other_roles(
    shared: Secured,
) -> None:
    create_user(shared, "lead-sj-reach", ["lead"], "SJ")
    lead = token(shared, "lead-sj-reach", window_code=None)
    other = call(shared, "GET", "/workload/cases", lead, window="W01")
    unknown = call(shared, "GET", "/workload/cases", lead, window="W99")
    assert other.status_code == unknown.status_code == 404
    assert problem_type(other) == problem_type(unknown) == "not-found"
    assert other.json()["title"] == unknown.json()["title"]
    own = call(shared, "GET", "/workload/cases", lead, window="W03")
    assert own.status_code == 200, own.text
    for username, window in (("demo-clerk", "W01"), ("demo-auditor", None)):
        bearer = token(shared, username, window_code=window)
        for code in ("W01", "W99"):  # the route itself: 403, whatever the window
            refused = call(shared, "GET", "/workload/cases", bearer, window=code)
            assert refused.status_code == 403 and problem_type(refused) == "forbidden"
