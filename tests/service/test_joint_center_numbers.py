"""A joint intake's numbers carry the window's center (issue 20), as a case's do: a joint
number or a part's number with another center's code is refused (422 naming ``joint_no``
or ``parts[n].case_no``) and nothing is written. On SQLite and PostgreSQL."""

from __future__ import annotations

import requests

from tests.helpers.joint_api import get_joint, joint_body, post_joint
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, error_fields, token_for


def _refused(service, body: dict, field: str) -> None:
    w05 = token_for(service, "demo-clerk-w05", window_code="W05")
    problem = assert_problem(post_joint(service, w05, body), 422)
    assert error_fields(problem) == {field}, problem
    assert "carries center JZ" in str(problem["errors"])
    assert_problem(get_joint(service, w05, body["joint_no"]), 404)
    for part in body["parts"]:
        gone = requests.get(
            service.url(f"/cases/{part['case_no']}"), headers=auth(w05), timeout=TIMEOUT
        )
        assert_problem(gone, 404)


def test_a_joint_number_of_another_center_is_refused_naming_it(service) -> None:
    body = joint_body()
    body["joint_no"] = "JZ" + body["joint_no"].removeprefix("HS")
    _refused(service, body, "joint_no")


def test_a_parts_number_of_another_center_is_refused_naming_the_part(service) -> None:
    body = joint_body()
    body["parts"][2]["case_no"] = "JZ" + body["parts"][2]["case_no"].removeprefix("HS")
    _refused(service, body, "parts[2].case_no")
    # The same intake with the window's center is taken in whole.
    body["parts"][2]["case_no"] = "HS" + body["parts"][2]["case_no"].removeprefix("JZ")
    w05 = token_for(service, "demo-clerk-w05", window_code="W05")
    taken = post_joint(service, w05, body)
    assert taken.status_code == 201, taken.text
