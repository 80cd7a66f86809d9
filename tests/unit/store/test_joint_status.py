"""The status of a joint case taken in here (issue 16, ``joint_cases.status``) follows its
parts as the center's change feed brings them (``store.writes.apply_server_case``): it is
completed when the last part ends, on a real SQLite file."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

from clerk_app.core.lifecycle import EventType, Status
from clerk_app.core.records import CaseEvent, JointCase
from clerk_app.store.joint import create_joint, joint_status
from clerk_app.store.rejections import void_rejected
from clerk_app.store.writes import apply_server_case
from tests.helpers.joint_desk import demo_joint
from tests.helpers.store import T0


def _at_center(store, joint: JointCase) -> JointCase:
    stored = create_joint(store, joint, outbox_body={"joint": "body"})
    [row] = store.outbox_rows()
    store.mark_sent(row.id, 201, {"joint_case": {}})
    return stored


def _ended(part, status: Status = Status.COMPLETED_APPROVED):
    """The part as the center has it once ended (approved unless ``status`` says else)."""
    event = {
        Status.COMPLETED_APPROVED: EventType.COMPLETE_APPROVED,
        Status.COMPLETED_REJECTED: EventType.COMPLETE_REJECTED,
    }[status]
    done = CaseEvent(str(uuid.uuid4()), event, T0 + timedelta(days=2), actor="demo-clerk")
    return replace(part, status=status, events=(*part.events, done))


def test_the_joint_case_is_completed_when_the_feed_shows_its_last_part_ended(store) -> None:
    joint = _at_center(store, demo_joint())
    first, *middle, last = joint.parts
    assert joint_status(store, joint.joint_no) == "in_progress"
    assert apply_server_case(store, _ended(first)) == "updated"
    for part in middle:
        apply_server_case(store, replace(part, status=Status.IN_PROGRESS))
    assert joint_status(store, joint.joint_no) == "in_progress"
    for part in middle:
        apply_server_case(store, _ended(part))
    assert joint_status(store, joint.joint_no) == "in_progress"  # one part still open
    # A refusal ends a part as much as an approval does.
    apply_server_case(store, _ended(last, Status.COMPLETED_REJECTED))
    assert joint_status(store, joint.joint_no) == "completed"
    assert store.get_case(last.case_no).status is Status.COMPLETED_REJECTED


def test_a_part_the_desk_is_still_sending_does_not_complete_it(store) -> None:
    joint = _at_center(store, demo_joint())
    for part in joint.parts[1:]:
        apply_server_case(store, _ended(part))
    key = str(uuid.uuid4())
    store.enqueue(
        kind="case_event", method="POST", path="/api/v1/cases/x/events",
        idempotency_key=key, body={"id": key}, case_id=joint.parts[0].id,
    )  # fmt: skip
    # The center's older version of the part is not taken while the desk's row waits.
    done = _ended(joint.parts[0])
    assert apply_server_case(store, done) == "kept"
    assert joint_status(store, joint.joint_no) == "in_progress"


def test_a_voided_joint_case_stays_voided_and_an_ordinary_case_changes_nothing(store) -> None:
    joint = create_joint(store, demo_joint(), outbox_body={"joint": "body"})
    [row] = store.outbox_rows()
    store.mark_rejected(row.id, 422, {"title": "Validation failed"})
    void_rejected(
        store, row.id, "申请人撤回", clerk="demo-clerk-w03", at=T0,
        audit_body=lambda *events: {"events": [e.id for e in events]},
    )  # fmt: skip
    assert joint_status(store, joint.joint_no) == "voided"
    for part in joint.parts:
        apply_server_case(store, replace(part, status=Status.VOIDED))
    assert joint_status(store, joint.joint_no) == "voided"
    assert joint_status(store, "HS-W03-20261128-999999") is None
