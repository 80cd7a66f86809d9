"""Unlocking an account, and reading the audit trail."""

from __future__ import annotations

import requests

from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    login,
    post_case,
    token_for,
)


def unlock(service, token: str, username: str) -> requests.Response:
    return requests.post(
        service.url(f"/users/{username}/unlock"), headers=auth(token), timeout=TIMEOUT
    )


def test_lead_of_the_department_unlocks_a_locked_clerk(service_factory, backend) -> None:
    service = service_factory(env={"CLERK_LOGIN_MAX_FAILURES": "2"}, backend=backend)
    lead = token_for(service, "demo-lead", window_code=None)
    clerk_elsewhere = token_for(service, "demo-clerk-w03", window_code="W03")
    for _ in range(2):
        assert_problem(login(service, password="wrong-wrong"), 401)
    assert_problem(login(service), 429)
    assert_problem(unlock(service, clerk_elsewhere, "demo-clerk"), 403)
    assert unlock(service, lead, "demo-clerk").status_code == 204
    assert login(service).status_code == 200


def test_audit_trail_pages_newest_first_for_auditors_only(service, clerk_token) -> None:
    bodies = [case_body() for _ in range(3)]
    for body in bodies:
        assert post_case(service, clerk_token, body).status_code == 201
    auditor = token_for(service, "demo-auditor", window_code=None)
    params = {"action": "case.create", "actor": "demo-clerk", "limit": 2}
    first = requests.get(
        service.url("/audit"), params=params, headers=auth(auditor), timeout=TIMEOUT
    )
    assert first.status_code == 200, first.text
    page = first.json()
    assert [r["target"] for r in page["items"]] == [bodies[2]["case_no"], bodies[1]["case_no"]]
    more = requests.get(
        service.url("/audit"),
        params={**params, "cursor": page["next"]},
        headers=auth(auditor),
        timeout=TIMEOUT,
    ).json()
    assert more["items"][0]["target"] == bodies[0]["case_no"]
    denied = requests.get(service.url("/audit"), headers=auth(clerk_token), timeout=TIMEOUT)
    assert_problem(denied, 403)
