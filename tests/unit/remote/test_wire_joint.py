"""The ``POST /joint-cases`` body the desk makes (issue 16): exactly what the service's
``JointCaseCreate`` accepts, read back unchanged, and the service's answer read typed."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from clerk_app.core.lifecycle import Status
from clerk_app.remote.wire import WireError, case_from_wire, joint_from_wire, joint_to_wire
from records_service.joint_schemas import JointCaseCreate, JointPartCreate
from tests.helpers.joint_api import OPENING, PROJECT, PROJECT_CODE
from tests.helpers.joint_desk import demo_joint


def _joints():
    return [
        demo_joint(),
        demo_joint(PROJECT, window="W05", project_type="government", project_code=PROJECT_CODE),
        demo_joint(PROJECT, window="W05", project_type="small", project_code=PROJECT_CODE),
    ]


@pytest.mark.parametrize("joint", _joints(), ids=["opening", "government", "small"])
def test_the_services_joint_create_accepts_exactly_the_desks_body(joint) -> None:
    body = json.loads(json.dumps(joint_to_wire(joint)))
    assert set(body) <= set(JointCaseCreate.model_fields)
    for part in body["parts"]:
        assert set(part) == set(JointPartCreate.model_fields)
    accepted = JointCaseCreate.model_validate_json(json.dumps(body))
    assert str(accepted.id) == joint.id and accepted.joint_no == joint.joint_no
    assert [p.case_no for p in accepted.parts] == [p.case_no for p in joint.parts]
    assert [p.stage for p in accepted.parts] == [p.stage for p in joint.parts]
    assert [p.first_event.type for p in accepted.parts] == [
        p.first_event.type.value for p in joint.parts
    ]
    assert accepted.project_code == (joint.project_code or None)
    assert accepted.project_type == joint.project_type


@pytest.mark.parametrize("joint", _joints(), ids=["opening", "government", "small"])
def test_a_joint_case_comes_back_from_its_wire_body_unchanged(joint) -> None:
    body = json.loads(json.dumps(joint_to_wire(joint)))
    back = joint_from_wire(body)
    # The body names no department (the service assigns it from the catalog).
    assert back == replace(joint, parts=tuple(replace(p, department_code="") for p in joint.parts))
    assert joint_to_wire(back) == body
    later = [p for p in back.parts if p.stage != back.parts[0].stage]
    assert all(p.status is Status.RECEIVED for p in later)


def test_the_services_answer_is_read_with_statuses_events_and_departments() -> None:
    joint = demo_joint(OPENING)
    body = joint_to_wire(joint)
    answer = {
        "joint_case": {
            **body,
            "package_name": "企业开办",
            "status": "in_progress",
            "current_stage": "S1",
            "stages": [],
            "updated_at": "2026-11-28T09:31:00+08:00",
            "parts": [
                {
                    **{k: v for k, v in body["parts"][n].items() if k != "first_event"},
                    "window_code": joint.window_code,
                    "catalog_version": joint.catalog_version,
                    "applicant": body["applicant"],
                    "agent": None,
                    "received_at": body["received_at"],
                    "clerk": joint.clerk,
                    "status": "in_progress",
                    "joint_case_no": joint.joint_no,
                    "department_code": part.department_code,
                    "events": [
                        {**body["parts"][n]["first_event"], "actor": joint.clerk},
                        {"id": f"e{n}", "type": "start", "at": "2026-11-28T10:00:00+08:00"},
                    ],
                }
                for n, part in enumerate(joint.parts)
            ],
        }
    }
    read = joint_from_wire(answer)
    assert [p.department_code for p in read.parts] == ["SJ", "GA", "SW", "RS", "GJ"]
    assert {p.status for p in read.parts} == {Status.IN_PROGRESS}
    assert [len(p.events) for p in read.parts] == [2] * 5
    assert read.parts[0].events[0] == joint.parts[0].events[0]


def test_a_changed_part_keeps_its_joint_case_stage_and_department() -> None:
    part = demo_joint().parts[1]
    item = {
        **json.loads(json.dumps(joint_to_wire(demo_joint())))["parts"][1],
        "window_code": "W03",
        "catalog_version": "v1",
        "applicant": {"kind": "person", "name": "张三", "id_type": "passport", "id_number": "E1"},
        "received_at": "2026-11-28T09:30:00+08:00",
        "clerk": "demo-clerk-w03",
        "status": "accepted",
        "joint_case_no": "HS-W03-20261128-000001",
        "department_code": part.department_code,
    }
    case = case_from_wire(item)
    assert (case.joint_case_no, case.stage, case.department_code) == (
        "HS-W03-20261128-000001",
        "S1",
        "GA",
    )
    ordinary = case_from_wire({**item, "joint_case_no": None, "stage": None})
    assert (ordinary.joint_case_no, ordinary.stage) == ("", "")


@pytest.mark.parametrize(
    ("change", "word"),
    [
        (lambda b: b["parts"][0].pop("stage"), "stage"),
        (lambda b: b.pop("parts"), "parts"),
        (lambda b: b["parts"].__setitem__(0, "x"), "part"),
        (lambda b: b.__setitem__("project_type", 3), "project_type"),
    ],
)
def test_a_malformed_joint_case_is_a_wire_error_naming_the_field(change, word) -> None:
    body = json.loads(json.dumps(joint_to_wire(demo_joint())))
    change(body)
    with pytest.raises(WireError, match=word):
        joint_from_wire(body)
