"""A joint intake becomes a joint case with its parts (issue 16): the applicant and the
combined materials once, a decision per first-stage part, later parts only received."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.catalog import Catalog
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.intake import Applicant, MaterialReceipt
from clerk_app.core.joint_intake import InvalidJointDraft, JointDraft, build_joint_case
from clerk_app.core.lifecycle import Disposition, EventType, Status

DEMO = Path(__file__).resolve().parents[3] / "resources/catalog/demo_catalog.json"
CATALOG = Catalog.from_dict(json.loads(DEMO.read_text(encoding="utf-8")))
PROJECT = CATALOG.package("DEMO-PRJ-GCJS")
OPENING = CATALOG.package("DEMO-PKG-QYKB")
AT = datetime(2026, 12, 7, 9, 30, tzinfo=CENTER_TZ)  # a Monday
COMPANY = Applicant("organization", "衡水示例置业有限公司", "credit_code", "91131100MA0A1B2C3D",
                    phone="0318-5551234", legal_representative="张三")  # fmt: skip


def numbers(n: int) -> list[str]:
    return [f"HS-W05-20261207-{k:06d}" for k in range(1, n + 1)]


def everything(package) -> list[MaterialReceipt]:
    return [MaterialReceipt(m.code, received=True) for m in package.materials]


def own_all(package, project_type=None) -> dict[str, list[MaterialReceipt]]:
    return {
        code: [MaterialReceipt(m.code, received=True) for m in CATALOG.item(code).materials]
        for code in package.item_codes(project_type)
    }


def build(draft: JointDraft, package, count: int = 20):
    return build_joint_case(
        draft,
        package,
        CATALOG,
        joint_id="j-1",
        numbers=numbers(count),
        query_code="730512",
        window_code="W05",
        catalog_version=CATALOG.version,
        clerk="demo-clerk-w05",
        received_at=AT,
        calendar=WorkCalendar.builtin(),
    )


def test_a_project_becomes_its_parts_with_the_first_stage_decided() -> None:
    draft = JointDraft(
        PROJECT.code,
        COMPANY,
        project_type="small",
        project_code="2026-131102-47-01-000321",
        materials=everything(PROJECT),
        own=own_all(PROJECT, "small"),
    )
    joint = build(draft, PROJECT)
    assert joint.joint_no == "HS-W05-20261207-000001"
    assert [(p.case_no[-2:], p.stage, p.item_code) for p in joint.parts] == [
        ("02", "S1", "DEMO-ZR-004"),
        ("03", "S2", "DEMO-ZR-005"),
        ("04", "S3", "DEMO-ZJ-001"),
        ("05", "S4", "DEMO-ZJ-004"),
        ("06", "S4", "DEMO-DA-001"),
    ]
    first, *later = joint.parts
    assert first.status is Status.ACCEPTED and first.due_date is not None
    assert first.joint_case_no == joint.joint_no and first.department_code == "ZR"
    assert {p.status for p in later} == {Status.RECEIVED}
    assert {p.events[0].type for p in later} == {EventType.RECEIVE}
    assert all(p.due_date is None for p in later)


def test_a_combined_material_handed_over_once_is_received_by_every_part() -> None:
    # 企业开办: only the combined materials and SJ's own; GA's 营业执照 copy and ID come from
    # the combined list.
    sj_own = [MaterialReceipt(m.code, True) for m in CATALOG.item("DEMO-SJ-001").materials]
    draft = JointDraft(OPENING.code, COMPANY, materials=everything(OPENING),
                       own={"DEMO-SJ-001": sj_own, "DEMO-RS-007": [MaterialReceipt("M3", True)],
                            "DEMO-GJ-003": [MaterialReceipt("M2", True)],
                            "DEMO-SW-001": [MaterialReceipt("M3", True)]})  # fmt: skip
    joint = build(draft, OPENING)
    seal = next(p for p in joint.parts if p.item_code == "DEMO-GA-016")
    assert [(m.code, m.received) for m in seal.materials] == [("M1", True), ("M2", True)]
    assert {p.status for p in joint.parts} == {Status.ACCEPTED}
    assert [m.code for m in joint.materials] == ["P1", "P2"]


def test_a_part_missing_its_own_material_must_be_decided_otherwise() -> None:
    draft = JointDraft(OPENING.code, COMPANY, materials=everything(OPENING))
    with pytest.raises(InvalidJointDraft) as caught:
        build(draft, OPENING)
    assert "DEMO-SJ-001" in caught.value.errors  # its own materials were not handed over
    # The clerk decides 补正 for that part (and the others without their own papers).
    decided = JointDraft(
        OPENING.code,
        COMPANY,
        materials=everything(OPENING),
        decisions={
            code: Disposition.SUPPLEMENT
            for code in ("DEMO-SJ-001", "DEMO-SW-001", "DEMO-RS-007", "DEMO-GJ-003")
        },
    )
    joint = build(decided, OPENING)
    assert {p.item_code: p.status for p in joint.parts} == {
        "DEMO-SJ-001": Status.SUPPLEMENT_REQUESTED,
        "DEMO-GA-016": Status.ACCEPTED,  # everything it needs came in the combined list
        "DEMO-SW-001": Status.SUPPLEMENT_REQUESTED,
        "DEMO-RS-007": Status.SUPPLEMENT_REQUESTED,
        "DEMO-GJ-003": Status.SUPPLEMENT_REQUESTED,
    }


def test_a_project_needs_its_type_and_code() -> None:
    draft = JointDraft(PROJECT.code, COMPANY, project_type="social", project_code="12-34")
    with pytest.raises(InvalidJointDraft) as caught:
        build(draft, PROJECT)
    assert caught.value.errors[""][0].field == "project_code"
    with pytest.raises(InvalidJointDraft) as caught:
        build(JointDraft(PROJECT.code, COMPANY, project_code="2026-131102-47-01-000321"), PROJECT)
    assert caught.value.errors[""][0].field == "project_type"
