"""A joint case's documents found by its joint number (issue 16): archived under a part as
before, their records for the center name the joint number, the desk lists them by the
joint number (not another joint case's, not a part's own notice) and a reprint is counted
there and sent with the joint number too. Real SQLite store, the demo 企业开办 case."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from clerk_app.app.case_actions import case_item
from clerk_app.app.documents import case_facts, issue_document
from clerk_app.app.joint_documents import (
    Filing,
    archive_case_no,
    issue_consolidated_notice,
    issue_joint_receipt,
    joint_document_archive,
    reprint_joint_document,
)
from clerk_app.core.calendar import WorkCalendar
from clerk_app.documents import VoidNotice
from clerk_app.store.joint import create_joint
from tests.helpers.joint_desk import demo_joint
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.store import T0

pytestmark = pytest.mark.usefixtures("qapp")

DEMO = Path(__file__).resolve().parents[4] / "resources/catalog/demo_catalog.json"


@pytest.fixture
def desk(store, clock, tmp_path):
    """The 企业开办 综合窗口 (W03) with the demo catalog and two joint cases taken in."""
    context = window_context(store, clock, tmp_path)
    context.provisioning = context.provisioning._replace(window_code="W03")
    context.calendar = WorkCalendar.builtin()
    text = DEMO.read_text(encoding="utf-8")
    store.save_catalog(text, json.loads(text)["version"], None, T0)
    one = create_joint(store, demo_joint(first_seq=1), outbox_body={"joint": 1})
    other = create_joint(store, demo_joint(first_seq=20), outbox_body={"joint": 2})
    return context, one, other


def clerk():
    return replace(clerk_session(), username="demo-clerk-w03", window_code="W03")


def _sent(store, document_no: str) -> list[dict]:
    return [
        r.body
        for r in store.outbox_rows()
        if r.kind == "document_record" and r.body["document_no"] == document_no
    ]


def test_joint_documents_are_found_and_reprinted_by_the_joint_number(desk, store) -> None:
    context, joint, other = desk
    receipt = issue_joint_receipt(context, clerk(), joint)
    first = joint.parts[0].case_no
    notice = issue_consolidated_notice(context, clerk(), joint, "S1", [Filing(first, ("M1",))])
    issue_joint_receipt(context, clerk(), other)  # another joint case's
    # A part's own notice is the part's, not the joint case's.
    part = store.get_case(first)
    facts = case_facts(context, clerk(), part, case_item(context, part.item_code))
    own = issue_document(
        context, clerk(), VoidNotice(**facts, voided_at=T0, reason="测试", voided_documents=())
    )
    assert archive_case_no(joint) == first

    [receipt_body] = _sent(store, receipt.document_no)
    assert receipt_body["joint_no"] == joint.joint_no
    assert _sent(store, notice.document_no)[0]["joint_no"] == joint.joint_no
    assert "joint_no" not in _sent(store, own.document_no)[0]

    found = joint_document_archive(context, joint.joint_no)
    assert [(d.kind, d.document_no) for d in found.originals] == [
        ("joint_acceptance", receipt.document_no),
        ("joint_supplement", notice.document_no),
    ]
    assert found.reprints == {}
    assert joint_document_archive(context, "HS-W03-20261128-999999").originals == []

    again = reprint_joint_document(context, clerk(), found.originals[0])
    assert again.archived.reprint and again.document_no == receipt.document_no
    reprinted = [b for b in _sent(store, receipt.document_no) if b["reprint"]]
    assert [b["joint_no"] for b in reprinted] == [joint.joint_no]
    after = joint_document_archive(context, joint.joint_no)
    assert len(after.originals) == 2
    assert after.reprints == {("joint_acceptance", receipt.document_no): 1}
    theirs = joint_document_archive(context, other.joint_no)
    assert [d.kind for d in theirs.originals] == ["joint_acceptance"]
