"""GET /cases?department=&joint=true (issue 16, 待本部门办理): the parts of joint cases
assigned to a department, whichever window took them in, each with its joint number, stage
and department; never another department's. Run on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import requests

from tests.helpers.joint_api import joint_body, part_event, post_joint
from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    post_case,
    token_for,
)


def every_case(service, token: str, **params: Any) -> list[dict]:
    """Every page of ``GET /cases`` with ``params``."""
    found: list[dict] = []
    cursor = None
    while True:
        query = {**params, "limit": 200, **({"cursor": cursor} if cursor else {})}
        page = requests.get(
            service.url("/cases"), params=query, headers=auth(token), timeout=TIMEOUT
        )
        assert page.status_code == 200, page.text
        found.extend(page.json()["items"])
        cursor = page.json()["next"]
        if cursor is None:
            return found


def of_joint(items: list[dict], joint_no: str) -> list[dict]:
    return [c for c in items if c["joint_case_no"] == joint_no]


def taken_in(service) -> dict:
    body = joint_body()
    response = post_joint(service, token_for(service, "demo-clerk-w05", window_code="W05"), body)
    assert response.status_code == 201, response.text
    return response.json()["joint_case"]


def test_a_department_lists_its_parts_of_every_stage_with_joint_number_and_stage(service) -> None:
    joint = taken_in(service)
    zr = token_for(service, "demo-clerk-p02", window_code="P02")
    mine = of_joint(every_case(service, zr, department="ZR", joint="true"), joint["joint_no"])
    expected = [p for p in joint["parts"] if p["department_code"] == "ZR"]
    assert expected and len(mine) == len(expected)
    assert {c["case_no"] for c in mine} == {p["case_no"] for p in expected}
    for part in mine:
        assert part["department_code"] == "ZR"
        assert part["window_code"] == "W05"  # taken in at the 综合窗口, worked at P02
        assert part["stage"] in {"S1", "S2", "S3", "S4"}
    by_stage = {c["stage"]: c for c in mine}
    assert by_stage["S1"]["status"] == "accepted"
    # A part of a later stage is listed too, received, with no due date until it opens.
    later = [c for c in mine if c["stage"] != "S1"]
    assert [c["stage"] for c in later] == ["S2"]
    assert all(c["status"] == "received" and c["due_date"] is None for c in later)


def test_another_departments_parts_are_not_listed_for_a_clerk_outside_it(service) -> None:
    joint = taken_in(service)
    fg = token_for(service, "demo-clerk-p01", window_code="P01")
    assert of_joint(every_case(service, fg, department="ZR", joint="true"), joint["joint_no"]) == []
    # Without the filter the P01 clerk still sees only FG's parts of the joint case.
    seen = of_joint(every_case(service, fg, joint="true"), joint["joint_no"])
    assert seen and {c["department_code"] for c in seen} == {"FG"}
    zr_part = next(p for p in joint["parts"] if p["department_code"] == "ZR")
    assert_problem(
        requests.get(
            service.url(f"/cases/{zr_part['case_no']}"), headers=auth(fg), timeout=TIMEOUT
        ),
        404,
    )
    assert_problem(part_event(service, fg, zr_part["case_no"], "start"), 404)


def test_the_intake_window_lists_every_part_and_ordinary_cases_apart(service) -> None:
    joint = taken_in(service)
    w05 = token_for(service, "demo-clerk-w05", window_code="W05")
    parts = of_joint(every_case(service, w05, joint="true"), joint["joint_no"])
    assert len(parts) == len(joint["parts"])
    assert of_joint(every_case(service, w05, joint="false"), joint["joint_no"]) == []
    # An ordinary case carries no joint fields and is no part.
    w01 = token_for(service)
    body = case_body()
    assert post_case(service, w01, body).status_code == 201
    ordinary = requests.get(
        service.url(f"/cases/{body['case_no']}"), headers=auth(w01), timeout=TIMEOUT
    ).json()["case"]
    assert (ordinary["joint_case_no"], ordinary["stage"], ordinary["department_code"]) == (
        None,
        None,
        None,
    )
    assert body["case_no"] not in {c["case_no"] for c in every_case(service, w01, joint="true")}
    assert body["case_no"] in {c["case_no"] for c in every_case(service, w01, joint="false")}


def test_the_change_feed_brings_a_departments_parts_with_their_joint_fields(service) -> None:
    joint = taken_in(service)
    wl = token_for(service, "demo-clerk-p08", window_code="P08")
    part = next(p for p in joint["parts"] if p["department_code"] == "WL")
    pulled: dict[str, dict] = {}
    after = 0
    while True:
        answer = requests.get(
            service.url("/changes"),
            params={"after": after, "limit": 500},
            headers=auth(wl),
            timeout=TIMEOUT,
        )
        assert answer.status_code == 200, answer.text
        pulled.update({c["case_no"]: c for c in answer.json()["items"]})
        if not answer.json()["items"]:
            break
        after = answer.json()["next"]
    assert part["case_no"] in pulled
    assert pulled[part["case_no"]]["joint_case_no"] == joint["joint_no"]
    assert pulled[part["case_no"]]["stage"] == part["stage"]
    assert {c["department_code"] for c in pulled.values() if c["joint_case_no"]} == {"WL"}


def test_a_department_filter_that_is_no_code_is_refused(service) -> None:
    fg = token_for(service, "demo-clerk-p01", window_code="P01")
    bad = requests.get(
        service.url("/cases"),
        params={"department": "发改; drop"},
        headers=auth(fg),
        timeout=TIMEOUT,
    )
    assert_problem(bad, 422)
