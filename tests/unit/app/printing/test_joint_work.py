"""The 综合窗口's consolidation of a stage's supplements (issue 16) on a real SQLite store:
what each department filed, when the notice is due, ONE 一次性告知 asking every open part of
the stage (each request naming it, queued for the service in one transaction), and the
papers received for every waiting part at once."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from clerk_app.app.case_actions import new_event, record_event
from clerk_app.app.joint_work import (
    NothingToConsolidate,
    desk_department,
    send_consolidated_notice,
    stage_review,
    stage_reviews,
    supplement_received,
)
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.catalog import Catalog
from clerk_app.core.event_data import MaterialNeed, SupplementFiling, SupplementRequest
from clerk_app.core.intake import Applicant, MaterialReceipt
from clerk_app.core.joint_intake import JointDraft, build_joint_case
from clerk_app.core.lifecycle import EventType, Status
from clerk_app.core.records import JointCase
from tests.helpers.documents import flat, pdf_text
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.store import T0

pytestmark = pytest.mark.usefixtures("qapp")

DEMO = Path(__file__).resolve().parents[4] / "resources/catalog/demo_catalog.json"
CATALOG_JSON = DEMO.read_text(encoding="utf-8")
CATALOG = Catalog.from_dict(json.loads(CATALOG_JSON))
PROJECT = CATALOG.package("DEMO-PRJ-GCJS")
COMPANY = Applicant("organization", "衡水示例置业有限公司", "credit_code", "91131100MA0A1B2C3D",
                    phone="0318-5551234", legal_representative="张三")  # fmt: skip


def take_in() -> JointCase:
    """The construction demo project (政府投资) as the 综合窗口 takes it in (T0, a Saturday)."""
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


def clerk():
    return replace(clerk_session(), username="demo-clerk-w05", window_code="W05")


@pytest.fixture
def desk(store, clock, tmp_path):
    """The 综合窗口 with the demo catalog and the project's parts (as pulled: synced)."""
    context = window_context(store, clock, tmp_path)
    context.provisioning = context.provisioning._replace(window_code="W05", window_name="综合窗口")
    context.calendar = WorkCalendar.builtin()
    store.save_catalog(CATALOG_JSON, CATALOG.version, None, T0)
    joint = take_in()
    for part in joint.parts:
        store.create_case(part)
    parts = {p.item_code: p.case_no for p in joint.parts}
    return context, joint, parts


def file(context, case_no: str, *needs: MaterialNeed, note: str = "") -> None:
    """A department's filing as it reaches the intake window (its part's event)."""
    event = new_event(
        EventType.FILE_SUPPLEMENT,
        actor="demo-clerk-p01",
        at=context.clock.now(),
        note=note,
        data=SupplementFiling(materials=needs),
    )
    record_event(context, case_no, event)


def outbox_types(store) -> list[str]:
    rows = store.db.query("SELECT body_json FROM outbox WHERE kind = 'case_event' ORDER BY id")
    return [json.loads(r["body_json"])["type"] for r in rows]


def test_nothing_filed_nothing_to_send(desk, store) -> None:
    context, joint, _parts = desk
    (review,) = [r for r in stage_reviews(context) if r.joint_no == joint.joint_no]
    assert (review.stage, review.filings, review.due) == ("S1", (), False)
    assert set(review.departments) == {"FG", "ZR", "WL"}
    with pytest.raises(NothingToConsolidate):
        send_consolidated_notice(context, clerk(), joint.joint_no, "S1")
    assert outbox_types(store) == []


def test_the_notice_is_due_when_the_window_closes_or_every_department_filed(desk, clock) -> None:
    context, joint, parts = desk
    file(context, parts["DEMO-FG-004"], MaterialNeed("可行性研究报告", "原件1份", "M2"))
    review = stage_review(context, joint.joint_no, "S1")
    assert review.filed == ("FG",) and not review.due
    # Opened at intake (Saturday 28 Nov): 3 working days, to Wednesday 2 December.
    assert review.closes.isoformat() == "2026-12-02"
    clock.set(T0 + timedelta(days=4))  # Wednesday: the last day to file
    assert not stage_review(context, joint.joint_no, "S1").due
    clock.set(T0 + timedelta(days=5))  # Thursday: closed, one filing is enough
    assert stage_review(context, joint.joint_no, "S1").due
    clock.set(T0 + timedelta(days=1))
    file(context, parts["DEMO-ZR-004"], note="用地红线图不清晰")
    assert not stage_review(context, joint.joint_no, "S1").due
    file(context, parts["DEMO-WL-001"], MaterialNeed("文物影响评估报告", "原件1份"))
    assert stage_review(context, joint.joint_no, "S1").due  # everyone filed, window open


def test_one_notice_asks_every_part_of_the_stage_and_all_resume_together(desk, store, clock):
    context, joint, parts = desk
    fg, zr, wl = parts["DEMO-FG-004"], parts["DEMO-ZR-004"], parts["DEMO-WL-001"]
    file(context, fg, MaterialNeed("可行性研究报告", "原件1份", "M2"), note="缺投资估算附表")
    clock.set(T0 + timedelta(days=7))  # the review window has closed
    outcome = send_consolidated_notice(context, clerk(), joint.joint_no, "S1")

    assert sorted(outcome.asked) == sorted([fg, zr, wl])
    assert outcome.notice.kind == "joint_supplement"
    text = flat(pdf_text(outcome.notice.path))
    assert "可行性研究报告" in text and "缺投资估算附表" in text and joint.joint_no in text
    for case_no in (fg, zr, wl):
        case = store.get_case(case_no)
        assert case.status is Status.SUPPLEMENT_REQUESTED
        request = case.last_event(EventType.REQUEST_SUPPLEMENT).data
        assert isinstance(request, SupplementRequest)
        assert request.joint_notice == outcome.notice.document_no
    assert outbox_types(store) == ["file_supplement"] + ["request_supplement"] * 3
    # Later stages are untouched; the stage now waits, its filing answered.
    assert store.get_case(parts["DEMO-ZR-005"]).status is Status.RECEIVED
    waiting = stage_review(context, joint.joint_no, "S1")
    assert waiting.filings == () and sorted(waiting.waiting) == sorted([fg, zr, wl])
    assert waiting.notice_no == outcome.notice.document_no
    with pytest.raises(NothingToConsolidate):  # no second notice for the same filings
        send_consolidated_notice(context, clerk(), joint.joint_no, "S1")

    resumed = supplement_received(context, clerk(), joint.joint_no, "S1")
    assert sorted(resumed) == sorted([fg, zr, wl])
    assert {store.get_case(n).status for n in resumed} == {Status.ACCEPTED}
    assert outbox_types(store)[-3:] == ["supplement_received"] * 3
    with pytest.raises(NothingToConsolidate):
        supplement_received(context, clerk(), joint.joint_no, "S1")


def test_the_desks_department_is_read_from_the_sign_in_by_the_catalog(desk) -> None:
    context, _joint, _parts = desk
    assert desk_department(context, replace(clerk(), department="市发展和改革委员会")) == "FG"
    context.provisioning = context.provisioning._replace(department="")
    assert desk_department(context, replace(clerk(), department="未知部门")) == ""
