"""The public progress answer of a joint number (issue 16) read typed; a case's answer is
read as before; a malformed one is a WireError naming the field."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.records import JointProgress, Progress
from clerk_app.remote.wire import WireError, progress_from_wire


def _answer(**changes):
    answer = {
        "joint_no": "HS-W05-20261128-000007", "package_code": "DEMO-PRJ-GCJS",
        "package_name": "工程建设项目审批（示例）", "status": "in_progress", "hall_group": "在办",
        "current_stage": "S2", "current_stage_name": "工程建设许可",
        "applicant": "衡水示例置业有限公司",
        "received_at": "2026-11-28T01:30:00Z", "completed_at": None,
        "stages": [
            {"code": "S1", "name": "立项用地规划许可", "state": "complete",
             "due_date": "2026-12-12"},
            {"code": "S2", "name": "工程建设许可", "state": "open", "due_date": "2026-12-30"},
            {"code": "S3", "name": "施工许可", "state": "waiting", "due_date": None},
        ],
        "parts": [
            {"item_code": "DEMO-HB-001", "item_name": "环评审批", "stage": "S2",
             "department_code": "HB", "department_name": "市生态环境局", "hall_group": "待办",
             "due_date": "2026-12-30"},
            {"item_code": "DEMO-QX-001", "item_name": None, "stage": "S3",
             "department_code": None, "department_name": None, "hall_group": None,
             "due_date": None},
        ],
    }  # fmt: skip
    return {**answer, **changes}


def test_a_joint_numbers_answer_is_read_with_its_stages_and_parts():
    progress = progress_from_wire(_answer())
    assert isinstance(progress, JointProgress)
    assert (progress.status, progress.hall_group) == ("in_progress", "在办")
    assert progress.current_stage == "S2"
    assert progress.received_at == datetime(2026, 11, 28, 9, 30, tzinfo=CENTER_TZ)
    assert [(s.code, s.state, s.due_date) for s in progress.stages] == [
        ("S1", "complete", date(2026, 12, 12)),
        ("S2", "open", date(2026, 12, 30)),
        ("S3", "waiting", None),
    ]
    hb, qx = progress.parts
    assert (hb.department_name, hb.hall_group) == ("市生态环境局", "待办")
    assert hb.due_date == date(2026, 12, 30)
    assert (qx.item_name, qx.department_code, qx.hall_group, qx.due_date) == ("", "", "", None)


def test_a_case_answer_is_still_a_progress_and_a_bad_joint_answer_names_its_field():
    case = progress_from_wire({
        "case_no": "HS-W01-20261130-000001", "status": "accepted", "item_code": "GA-1",
        "received_at": "2026-11-30T01:30:00Z",
    })  # fmt: skip
    assert isinstance(case, Progress)
    with pytest.raises(WireError, match="status"):
        progress_from_wire(_answer(status="maybe"))
    bad_stage = _answer(stages=[{"code": "S1", "name": "x", "state": "half"}])
    with pytest.raises(WireError, match="state"):
        progress_from_wire(bad_stage)
    with pytest.raises(WireError, match="parts"):
        progress_from_wire(_answer(parts=None))
