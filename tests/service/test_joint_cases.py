"""Joint cases at the center (issue 16): one intake at the 综合窗口, parts worked by their
departments, stages opening in order, supplements consolidated, and bad intakes refused
whole. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import copy

import requests

from tests.helpers.joint_api import (
    OPENING,
    get_joint,
    joint_body,
    open_stage,
    part_event,
    part_of,
    post_joint,
)
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, error_fields, token_for


def clerk(service, username: str, window: str) -> str:
    return token_for(service, username, window_code=window)


def taken_in(service, body=None) -> dict:
    body = body or joint_body()
    response = post_joint(service, clerk(service, "demo-clerk-w05", "W05"), body)
    assert response.status_code == 201, response.text
    return response.json()["joint_case"]


def test_a_project_is_taken_in_whole_with_its_first_stage_open(service) -> None:
    body = joint_body()
    w05 = clerk(service, "demo-clerk-w05", "W05")
    first = post_joint(service, w05, body)
    assert first.status_code == 201, first.text
    joint = first.json()["joint_case"]
    assert joint["package_name"] == "工程建设项目审批（房屋建筑类）"
    assert joint["project_code"] == "2026-131102-47-01-000321"
    assert [(s["code"], s["state"]) for s in joint["stages"]] == [
        ("S1", "open"),
        ("S2", "waiting"),
        ("S3", "waiting"),
        ("S4", "waiting"),
    ]
    assert joint["current_stage"] == "S1" and joint["status"] == "in_progress"
    # A government project: 15 parts across 10 departments; 3 in stage one, accepted.
    assert len(joint["parts"]) == 15
    assert len({p["department_code"] for p in joint["parts"]}) == 10
    stage_one = [p for p in joint["parts"] if p["stage"] == "S1"]
    assert {p["item_code"] for p in stage_one} == {"DEMO-FG-004", "DEMO-ZR-004", "DEMO-WL-001"}
    assert {p["status"] for p in stage_one} == {"accepted"}
    assert {p["status"] for p in joint["parts"] if p["stage"] != "S1"} == {"received"}
    # Sent again (a lost reply): the same answer, nothing doubled.
    again = post_joint(service, w05, body)
    assert again.status_code == 201
    assert again.json()["joint_case"]["parts"] == joint["parts"]
    assert len(get_joint(service, w05, body["joint_no"]).json()["joint_case"]["parts"]) == 15


def test_a_department_sees_its_own_part_and_no_other(service) -> None:
    joint = taken_in(service)
    fg = clerk(service, "demo-clerk-p01", "P01")
    mine = part_of(joint, "DEMO-FG-004")["case_no"]
    theirs = part_of(joint, "DEMO-ZR-004")["case_no"]
    assert requests.get(service.url(f"/cases/{mine}"), headers=auth(fg), timeout=TIMEOUT).ok
    assert_problem(
        requests.get(service.url(f"/cases/{theirs}"), headers=auth(fg), timeout=TIMEOUT), 404
    )
    assert get_joint(service, fg, joint["joint_no"]).status_code == 200
    # A clerk of a department with no part reaches neither the joint case nor a part.
    ga = clerk(service, "demo-clerk", "W01")
    assert_problem(get_joint(service, ga, joint["joint_no"]), 404)
    assert_problem(part_event(service, ga, mine, "start"), 404)


def test_stages_open_in_order_and_a_later_part_waits_for_its_stage(service) -> None:
    joint = taken_in(service)
    zr = clerk(service, "demo-clerk-p02", "P02")
    later = part_of(joint, "DEMO-ZR-005")["case_no"]  # stage two
    assert_problem(part_event(service, zr, later, "accept"), 409, "stage-not-open")

    workers = {
        "DEMO-FG-004": clerk(service, "demo-clerk-p01", "P01"),
        "DEMO-ZR-004": zr,
        "DEMO-WL-001": clerk(service, "demo-clerk-p08", "P08"),
    }
    for item, token in workers.items():
        done = part_event(service, token, part_of(joint, item)["case_no"], "complete_approved")
        assert done.status_code == 201, done.text
    after = get_joint(service, zr, joint["joint_no"]).json()["joint_case"]
    states = {s["code"]: s for s in after["stages"]}
    assert states["S1"]["state"] == "complete" and states["S1"]["completed_at"]
    assert states["S2"]["state"] == "open" and states["S2"]["due_date"]
    assert after["current_stage"] == "S2"
    assert part_of(after, "DEMO-ZR-005")["due_date"] == states["S2"]["due_date"]
    assert part_event(service, zr, later, "accept").status_code == 201


def test_the_lead_department_may_open_a_stage_early_and_no_one_else(service) -> None:
    joint = taken_in(service)
    fg = clerk(service, "demo-clerk-p01", "P01")
    zr = clerk(service, "demo-clerk-p02", "P02")  # 自然资源 leads 工程建设许可 (S2)
    assert_problem(open_stage(service, fg, joint["joint_no"], "S2"), 403, "not-lead-department")
    opened = open_stage(service, zr, joint["joint_no"], "S2", "规划方案已通过审查，提前开展")
    assert opened.status_code == 201, opened.text
    stages = {s["code"]: s for s in opened.json()["joint_case"]["stages"]}
    assert stages["S2"]["state"] == "open" and stages["S2"]["opened_early"]
    assert stages["S3"]["state"] == "waiting"
    assert_problem(open_stage(service, zr, joint["joint_no"], "S2"), 409, "already-open")
    assert_problem(open_stage(service, zr, joint["joint_no"], "S9"), 404)


def test_a_department_files_what_it_needs_and_only_the_intake_window_asks(service) -> None:
    joint = taken_in(service)
    fg = clerk(service, "demo-clerk-p01", "P01")
    part = part_of(joint, "DEMO-FG-004")["case_no"]
    alone = part_event(service, fg, part, "request_supplement", note="缺可研报告附件")
    assert_problem(alone, 409, "consolidated-supplement")
    filed = part_event(
        service, fg, part, "file_supplement", data={"materials": ["M2"]}, note="可研报告缺附件"
    )
    assert filed.status_code == 201, filed.text
    assert filed.json()["case"]["status"] == "accepted"
    # The intake window sends the one consolidated notice: every part of the stage waits.
    w05 = clerk(service, "demo-clerk-w05", "W05")
    for item in ("DEMO-FG-004", "DEMO-ZR-004", "DEMO-WL-001"):
        sent = part_event(
            service,
            w05,
            part_of(joint, item)["case_no"],
            "request_supplement",
            note="一次性告知：可行性研究报告附件",
            data={"joint_notice": "衡政服补〔2026〕W05-0001号"},
        )
        assert sent.status_code == 201, sent.text
    parts = get_joint(service, w05, joint["joint_no"]).json()["joint_case"]["parts"]
    assert {p["status"] for p in parts if p["stage"] == "S1"} == {"supplement_requested"}


def test_a_package_is_taken_in_at_its_window_with_five_departments(service) -> None:
    body = joint_body(OPENING, window="W03", clerk="demo-clerk-w03")
    response = post_joint(service, clerk(service, "demo-clerk-w03", "W03"), body)
    assert response.status_code == 201, response.text
    joint = response.json()["joint_case"]
    assert [s["code"] for s in joint["stages"]] == ["S1"]
    assert {p["department_code"] for p in joint["parts"]} == {"SJ", "GA", "SW", "RS", "GJ"}
    assert joint["project_type"] is None and joint["project_code"] is None
    # 公安 works its part (印章刻制) from its own window.
    ga = clerk(service, "demo-clerk", "W01")
    seal = part_of(joint, "DEMO-GA-016")["case_no"]
    assert part_event(service, ga, seal, "complete_approved").status_code == 201


def refused_whole(service, body: dict, *fields: str) -> dict:
    w05 = clerk(service, "demo-clerk-w05", "W05")
    problem = assert_problem(post_joint(service, w05, body), 422)
    assert set(fields) <= error_fields(problem), problem
    assert_problem(get_joint(service, w05, body["joint_no"]), 404)
    for part in body["parts"]:
        gone = requests.get(
            service.url(f"/cases/{part['case_no']}"), headers=auth(w05), timeout=TIMEOUT
        )
        assert_problem(gone, 404)
    return problem


def test_bad_joint_intakes_are_refused_whole_naming_the_part(service) -> None:
    body = joint_body()
    body["parts"][1]["item_code"] = "DEMO-GA-001"
    refused_whole(service, body, "parts[1].item_code", "parts")

    body = joint_body()
    del body["parts"][0]
    problem = refused_whole(service, body, "parts")
    assert "DEMO-FG-004" in problem["detail"] + str(problem["errors"])

    body = joint_body()
    del body["project_code"]
    refused_whole(service, body, "project_code")

    body = joint_body()
    body["package_code"] = "DEMO-PKG-NONE"
    refused_whole(service, body, "package_code")

    body = joint_body()
    later = next(n for n, p in enumerate(body["parts"]) if p["stage"] == "S4")
    body["parts"][later]["first_event"]["type"] = "accept"
    refused_whole(service, body, f"parts[{later}].first_event.type")

    body = joint_body()
    body["parts"] = []
    w05 = clerk(service, "demo-clerk-w05", "W05")
    assert_problem(post_joint(service, w05, body), 422)


def test_a_joint_case_is_written_only_for_the_callers_window(service) -> None:
    body = joint_body()
    zr = clerk(service, "demo-clerk-p02", "P02")
    assert_problem(post_joint(service, zr, body), 403, "wrong-window")
    wrong_key = copy.deepcopy(body)
    assert_problem(
        post_joint(service, clerk(service, "demo-clerk-w05", "W05"), wrong_key, key="other"),
        422,
    )
