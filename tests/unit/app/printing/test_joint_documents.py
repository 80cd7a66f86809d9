"""The documents of a joint case (issue 16) issued at the 综合窗口 on a real SQLite store:
numbered from the window's document sequence, kept encrypted, archived under the joint
case's first part with their record queued for the service, and reprinted from the data
they were issued with."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from clerk_app.app.joint_documents import (
    Filing,
    JointDocumentError,
    archive_case_no,
    issue_consolidated_notice,
    issue_joint_completion,
    issue_joint_receipt,
    issue_stage_completion,
    joint_archive,
    reprint_joint_document,
)
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.catalog import Catalog
from clerk_app.core.event_data import MaterialNeed
from clerk_app.core.intake import Applicant, MaterialReceipt
from clerk_app.core.joint_intake import JointDraft, build_joint_case
from clerk_app.core.lifecycle import EventType, Status
from clerk_app.core.records import CaseEvent, JointCase
from clerk_app.store.documents import case_documents
from tests.helpers.documents import flat, pdf_text, plain_bytes
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.store import T0

pytestmark = pytest.mark.usefixtures("qapp")

DEMO = Path(__file__).resolve().parents[4] / "resources/catalog/demo_catalog.json"
CATALOG_JSON = DEMO.read_text(encoding="utf-8")
CATALOG = Catalog.from_dict(json.loads(CATALOG_JSON))
PROJECT = CATALOG.package("DEMO-PRJ-GCJS")
COMPANY = Applicant("organization", "衡水示例置业有限公司", "credit_code", "91131100MA0A1B2C3D",
                    phone="0318-5551234", legal_representative="张三")  # fmt: skip
JOINT_NO = "HS-W05-20261128-000001"


def take_in() -> JointCase:
    """The construction demo project (政府投资) as the 综合窗口 takes it in."""
    own = {
        code: [MaterialReceipt(m.code, received=True) for m in CATALOG.item(code).materials]
        for code in PROJECT.item_codes("government")
    }
    draft = JointDraft(
        PROJECT.code,
        COMPANY,
        project_type="government",
        project_code="2026-131102-48-01-000123",
        materials=[MaterialReceipt(m.code, received=True) for m in PROJECT.materials],
        own=own,
    )
    return build_joint_case(
        draft,
        PROJECT,
        CATALOG,
        joint_id=str(uuid.uuid4()),
        numbers=[f"HS-W05-20261128-{n:06d}" for n in range(1, 17)],
        query_code="730512",
        window_code="W05",
        catalog_version=CATALOG.version,
        clerk="demo-clerk-w05",
        received_at=T0,
        calendar=WorkCalendar.builtin(),
    )


@pytest.fixture
def desk(store, clock, tmp_path):
    """The 综合窗口's context with the demo catalog cached, and the joint case's parts on
    its store (as the joint intake saved them)."""
    context = window_context(store, clock, tmp_path)
    context.provisioning = context.provisioning._replace(window_code="W05", window_name="综合窗口")
    context.calendar = WorkCalendar.builtin()
    store.save_catalog(CATALOG_JSON, CATALOG.version, None, T0)
    joint = take_in()
    for part in joint.parts:
        store.create_case(part)
    return context, joint


def clerk():
    """The clerk of the 综合窗口."""
    return replace(
        clerk_session(),
        username="demo-clerk-w05",
        window_code="W05",
        window_name="综合窗口",
        department="市政务服务管理办公室",
    )


def finished(joint: JointCase, stage: str, days: int = 10, status=Status.COMPLETED_APPROVED):
    """``joint`` with every part of ``stage`` completed ``days`` after intake."""
    at = T0 + timedelta(days=days)
    event = EventType.COMPLETE_APPROVED
    parts = tuple(
        replace(
            p,
            status=status,
            events=(*p.events, CaseEvent(str(uuid.uuid4()), event, at, "demo-clerk-p01")),
        )
        if p.stage == stage
        else p
        for p in joint.parts
    )
    return replace(joint, parts=parts)


def test_joint_receipt_is_numbered_archived_under_the_first_part_and_queued(desk, store):
    context, joint = desk
    issued = issue_joint_receipt(context, clerk(), joint)

    first = archive_case_no(joint)
    assert first == "HS-W05-20261128-000002" == joint.parts[0].case_no
    assert issued.kind == "joint_acceptance"
    assert issued.document_no == "衡政服联受〔2026〕W05-0001号"
    assert issued.sha256 == hashlib.sha256(plain_bytes(issued.path)).hexdigest()
    assert plain_bytes(issued.path) != issued.path.read_bytes()  # encrypted at rest
    [archived] = case_documents(store, first)
    assert (archived.kind, archived.document_no, archived.reprint) == (
        "joint_acceptance",
        issued.document_no,
        False,
    )
    [row] = [r for r in store.outbox_rows() if r.kind == "document_record"]
    assert row.path == f"/api/v1/cases/{first}/documents"
    assert row.body["kind"] == "joint_acceptance" and row.body["document_no"] == issued.document_no

    text = flat(pdf_text(issued.path))
    assert f"联合办件编号：{JOINT_NO}" in text and "查询码：730512" in text
    assert "联办事项：工程建设项目审批（房屋建筑类）" in text and "项目类型：政府投资项目" in text
    for part in joint.parts:  # all 15 parts with their department and number
        item = CATALOG.item(part.item_code)
        assert flat(item.name) in text and part.case_no in text, item.name
        assert CATALOG.department(item.department).name in text
    assert text.count("该阶段开启后办理") == 2 * 12  # S2..S4, both copies
    for stage in PROJECT.stages_for("government"):
        assert stage.name in text
    assert "项目批准、核准或备案文件" in text  # the combined materials


def test_consolidated_notice_lists_each_departments_filing_by_material_name(desk, store):
    context, joint = desk
    fg, zr, _wl = (p.case_no for p in joint.parts if p.stage == "S1")
    own_words = MaterialNeed("投资估算明细表", "原件1份，需咨询机构盖章")
    filings = [
        Filing(fg, ("M2",), "可研报告缺投资估算附件", needs=(own_words,)),
        Filing(zr, ("M4", "M2")),
        Filing(zr, ("M4",), "宗地图坐标系不符"),  # filed twice: merged
    ]
    issued = issue_consolidated_notice(context, clerk(), joint, "S1", filings)

    assert issued.kind == "joint_supplement"
    assert issued.document_no == "衡政服联补〔2026〕W05-0001号"
    text = flat(pdf_text(issued.path))
    for phrase in (
        "立项用地规划许可阶段申请材料",
        f"一、市发展和改革委员会：政府投资项目可行性研究报告审批办件编号：{fg}",
        "1可行性研究报告原件1份，加盖单位公章",
        "2投资估算明细表原件1份，需咨询机构盖章",  # as the department worded it
        "部门意见：可研报告缺投资估算附件",
        f"二、市自然资源和规划局：建设用地规划许可证核发办件编号：{zr}",
        "1宗地图及界址点坐标原件1份，具有资质的测绘机构出具",
        "2国有建设用地使用权出让合同或划拨决定书复印件1份，加盖公章",
        "部门意见：宗地图坐标系不符",
        "需补正材料汇总",
        "《中华人民共和国行政许可法》第三十二条",
    ):
        assert phrase in text, phrase
    assert "市文化广电和旅游局" not in text  # it filed nothing
    applicant_copy = text.split("第二联")[0]
    assert applicant_copy.count("宗地图及界址点坐标") == 2  # its department's list + summary
    assert [d.kind for d in case_documents(store, archive_case_no(joint))] == ["joint_supplement"]


def test_a_filing_outside_the_stage_or_nothing_filed_issues_nothing(desk, store):
    context, joint = desk
    later = next(p.case_no for p in joint.parts if p.stage == "S2")
    with pytest.raises(JointDocumentError, match=later):
        issue_consolidated_notice(context, clerk(), joint, "S1", [Filing(later, ("M1",))])
    with pytest.raises(JointDocumentError, match="nothing was filed"):
        issue_consolidated_notice(context, clerk(), joint, "S1", [])
    with pytest.raises(JointDocumentError, match="S9"):
        issue_consolidated_notice(context, clerk(), joint, "S9", [])
    assert case_documents(store, archive_case_no(joint)) == []
    # No number was used: the next document is the first.
    issued = issue_joint_receipt(context, clerk(), joint)
    assert issued.document_no.endswith("W05-0001号")


def test_stage_completion_gives_results_and_the_stage_that_opens(desk, store):
    context, joint = desk
    with pytest.raises(JointDocumentError, match="not complete"):
        issue_stage_completion(context, clerk(), joint, "S1")
    done = finished(joint, "S1")
    issued = issue_stage_completion(context, clerk(), done, "S1")

    assert issued.kind == "stage_completion"
    assert issued.document_no == "衡政服段结〔2026〕W05-0001号"
    text = flat(pdf_text(issued.path))
    assert "立项用地规划许可阶段已于2026年12月8日办理完结" in text
    assert text.count("准予许可2026年12月8日") == 2 * 3
    # S2 opens now (its parts have no due date on this desk yet): 15 working days from
    # 2026-11-28 by the built-in calendar.
    due = WorkCalendar.builtin().add_working_days(T0.date(), 15)
    assert "下一阶段“工程建设许可”已开启，由市自然资源和规划局牵头" in text
    assert f"办理时限15个工作日，预计办结日期：{due.date.year}年{due.date.month}月" in text
    assert "建设工程规划许可证核发" not in text  # only the stage's own parts


def test_stage_completion_takes_the_next_stages_due_date_from_its_parts(desk):
    context, joint = desk
    done = finished(joint, "S1")
    due = T0.date() + timedelta(days=30)
    done = replace(
        done, parts=tuple(replace(p, due_date=due) if p.stage == "S2" else p for p in done.parts)
    )
    issued = issue_stage_completion(context, clerk(), done, "S1")
    text = flat(pdf_text(issued.path))
    assert f"预计办结日期：{due.year}年{due.month}月{due.day}日。" in text


def test_joint_completion_lists_every_stage_and_part_with_its_result(desk):
    context, joint = desk
    with pytest.raises(JointDocumentError, match="not complete"):
        issue_joint_completion(context, clerk(), finished(joint, "S1"))
    done = joint
    for n, stage in enumerate(("S1", "S2", "S3", "S4"), start=1):
        done = finished(done, stage, days=10 * n)
    issued = issue_joint_completion(context, clerk(), done)

    assert issued.kind == "joint_completion"
    assert issued.document_no == "衡政服联结〔2026〕W05-0001号"
    text = flat(pdf_text(issued.path))
    assert "已于2027年1月7日全部办理完结" in text
    assert text.count("准予许可") == 2 * 15
    for stage in PROJECT.stages_for("government"):
        assert stage.name in text
    assert "建设工程档案验收" in text and "市城市建设档案馆" in text


def test_a_joint_document_is_reprinted_from_its_archived_data(desk, store):
    context, joint = desk
    issued = issue_joint_receipt(context, clerk(), joint)
    issue_consolidated_notice(
        context, clerk(), joint, "S1", [Filing(joint.parts[0].case_no, ("M2",))]
    )
    [receipt, notice] = joint_archive(context, joint)
    assert (receipt.kind, notice.kind) == ("joint_acceptance", "joint_supplement")

    again = reprint_joint_document(context, clerk(), receipt)
    assert again.document_no == issued.document_no and again.path != issued.path
    text = flat(pdf_text(again.path))
    assert "副本/REPRINT" in text and issued.document_no in text
    assert f"联合办件编号：{JOINT_NO}" in text
    rows = case_documents(store, archive_case_no(joint))
    assert [(d.kind, d.reprint) for d in rows] == [
        ("joint_acceptance", False),
        ("joint_supplement", False),
        ("joint_acceptance", True),
    ]
    assert joint_archive(context, joint) == [receipt, notice]  # originals only
    records = [r.body for r in store.outbox_rows() if r.kind == "document_record"]
    assert [b["reprint"] for b in records] == [False, False, True]
