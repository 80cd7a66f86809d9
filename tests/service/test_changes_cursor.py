"""GET /changes' cursor moves past the changes outside the caller's reach (issue 20's
province: a window without changes of its own read every event of the province since its
cursor at every poll), and nothing within reach is skipped for it."""

from __future__ import annotations

from typing import Any

import requests

from tests.helpers.service_api import (
    TIMEOUT,
    auth,
    case_body,
    post_case,
    token_for,
)


def pull(service, token: str, after: int, limit: int = 500) -> dict[str, Any]:
    response = requests.get(
        service.url("/changes"),
        params={"after": after, "limit": limit},
        headers=auth(token),
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_a_cursor_moves_past_changes_out_of_reach_and_misses_none_within(
    service, clerk_token
) -> None:
    w03 = token_for(service, "demo-clerk-w03", window_code="W03")
    start = pull(service, w03, 0)["next"]
    w01_cases = []
    for _ in range(3):
        body = case_body()
        assert post_case(service, clerk_token, body).status_code == 201
        w01_cases.append(body["case_no"])
    # W03 sees none of W01's cases, but its cursor moves past them.
    page = pull(service, w03, start)
    assert page["items"] == []
    moved = page["next"]
    assert moved > start
    # W01, from the same cursor, gets its three cases, and its cursor ends where W03's did.
    mine = pull(service, clerk_token, start)
    assert [c["case_no"] for c in mine["items"]] == w01_cases
    assert mine["next"] == moved
    # A full page keeps the cursor at its last case: the rest comes on the next page.
    first = pull(service, clerk_token, start, limit=2)
    assert [c["case_no"] for c in first["items"]] == w01_cases[:2]
    rest = pull(service, clerk_token, first["next"], limit=2)
    assert [c["case_no"] for c in rest["items"]] == w01_cases[2:]
    # A change of W03's own after the moved cursor comes, and W01's next one does not reach it.
    own = case_body(window_code="W03", clerk="demo-clerk-w03", department="SJ")
    assert post_case(service, w03, own).status_code == 201, own
    body = case_body()
    assert post_case(service, clerk_token, body).status_code == 201
    page = pull(service, w03, moved)
    assert [c["case_no"] for c in page["items"]] == [own["case_no"]]
    assert page["next"] > moved
    # An empty page after the end leaves the cursor where it is.
    again = pull(service, w03, page["next"])
    assert (again["items"], again["next"]) == ([], page["next"])
