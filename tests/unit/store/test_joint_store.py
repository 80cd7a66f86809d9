"""Joint cases in the desk's store (issue 16, store.joint) on a real SQLite file: the joint
case, its parts and ONE outbox row written together or not at all; a part's later rows wait
behind its joint case; what the service's answer or refusal does to all of them."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace
from datetime import timedelta

import pytest

from clerk_app.core.clock import FixedClock
from clerk_app.core.records import ServerState
from clerk_app.store import Database, LocalStore
from clerk_app.store.joint import create_joint, get_joint, joint_of
from clerk_app.store.outbox import KIND_CREATE_JOINT
from clerk_app.store.rejections import refused_rows, rejected_items, void_rejected
from clerk_app.store.retention import purge_expired
from clerk_app.store.schema import MIGRATIONS
from tests.helpers.joint_desk import demo_joint
from tests.helpers.store import T0, add_case, make_payload

BODY = {"joint": "body"}


def _audit_body(*events):
    return {"events": [e.id for e in events]}


def _event_row(store: LocalStore, case_id: str) -> int:
    key = str(uuid.uuid4())
    return store.enqueue(
        kind="case_event", method="POST", path="/api/v1/cases/x/events",
        idempotency_key=key, body={"id": key}, case_id=case_id,
    )  # fmt: skip


def test_a_joint_case_and_its_parts_are_stored_with_one_outbox_row(store) -> None:
    joint = demo_joint()
    stored = create_joint(store, joint, outbox_body=BODY)
    assert stored.server_state is ServerState.PENDING
    assert get_joint(store, joint.joint_no) == stored
    for part in stored.parts:
        assert store.get_case(part.case_no) == part
        assert joint_of(store, part.case_no) == joint.joint_no
    assert joint_of(store, joint.joint_no) == joint.joint_no
    [row] = store.outbox_rows()
    assert (row.kind, row.case_id, row.idempotency_key, row.body) == (
        KIND_CREATE_JOINT,
        None,
        joint.id,
        BODY,
    )
    # The journal mirrors the one write, as for every outbox row.
    assert store.db.query_one("SELECT count(*) FROM journal WHERE kind = 'write'")[0] == 1


def test_a_staged_projects_later_parts_keep_their_stage_and_no_decision(store) -> None:
    from tests.helpers.joint_api import PROJECT, PROJECT_CODE

    joint = demo_joint(PROJECT, window="W05", project_type="government", project_code=PROJECT_CODE)
    create_joint(store, joint, outbox_body=BODY)
    back = get_joint(store, joint.joint_no)
    assert back.project_type == "government" and back.project_code == PROJECT_CODE
    assert [p.stage for p in back.parts] == [p.stage for p in joint.parts]
    assert back.parts == tuple(sorted(back.parts, key=lambda p: p.case_no))


def test_nothing_is_written_when_one_part_cannot_be(store) -> None:
    joint = demo_joint(first_seq=1)
    taken = make_payload(1, case_no=joint.parts[3].case_no)  # that number is used already
    add_case(store, taken)
    rows_before = store.outbox_rows()
    with pytest.raises(sqlite3.IntegrityError):
        create_joint(store, joint, outbox_body=BODY)
    assert get_joint(store, joint.joint_no) is None
    assert store.get_case(joint.parts[0].case_no) is None
    assert store.outbox_rows() == rows_before
    with pytest.raises(ValueError, match="no parts"):
        create_joint(store, replace(joint, parts=()), outbox_body=BODY)
    stranger = replace(joint.parts[0], joint_case_no="HS-W03-20261128-999999")
    with pytest.raises(ValueError, match="do not name"):
        create_joint(store, replace(joint, parts=(stranger,)), outbox_body=BODY)


def test_a_parts_later_rows_wait_until_the_joint_case_is_at_the_center(store) -> None:
    joint = create_joint(store, demo_joint(), outbox_body=BODY)
    ordinary = add_case(store, make_payload(50))
    event = _event_row(store, joint.parts[2].id)
    now = store.clock.now() + timedelta(seconds=1)
    offered = [r.kind for r in store.outbox_pending(now)]
    assert offered == [KIND_CREATE_JOINT, "create_case"]
    [joint_row] = [r for r in store.outbox_pending(now) if r.kind == KIND_CREATE_JOINT]
    # Refused: the part's row is still held, and never makes the engine wake for it.
    store.mark_rejected(joint_row.id, 422, {"title": "Validation failed", "detail": "parts[2]"})
    store.mark_sent(store.outbox_pending(now)[0].id, 201, {})
    assert store.outbox_pending(now) == [] and store.outbox_next_due() is None
    assert store.outbox_counts() == {"pending": 1, "rejected": 1}
    rejected = get_joint(store, joint.joint_no)
    assert rejected.server_state is ServerState.REJECTED
    assert {p.server_state for p in rejected.parts} == {ServerState.REJECTED}
    assert store.get_case(ordinary.case_no).server_state is ServerState.SYNCED
    [refused] = refused_rows(store)
    assert (refused.case_no, refused.reason) == (
        joint.joint_no,
        "422: Validation failed — parts[2]",
    )
    assert [i.case_no for i in rejected_items(store, joint.parts[2].case_no)] == [joint.joint_no]
    assert rejected_items(store, ordinary.case_no) == []
    # Accepted: the joint case and its parts are synced, the part's row goes next.
    store.retry_now()
    store.mark_sent(joint_row.id, 201, {"joint_case": {}})
    synced = get_joint(store, joint.joint_no)
    assert synced.server_state is ServerState.SYNCED
    assert {p.server_state for p in synced.parts} == {ServerState.SYNCED}
    assert [r.id for r in store.outbox_pending(now)] == [event]


def test_a_voided_joint_creation_voids_its_parts_and_their_rows(store) -> None:
    joint = create_joint(store, demo_joint(), outbox_body=BODY)
    event = _event_row(store, joint.parts[0].id)
    [row] = [r for r in store.outbox_rows() if r.kind == KIND_CREATE_JOINT]
    store.mark_rejected(row.id, 422, {"title": "Validation failed"})
    void_rejected(
        store, row.id, "申请人撤回", clerk="demo-clerk-w03", at=T0, audit_body=_audit_body
    )
    assert store.outbox_row(row.id).state == "voided"
    assert store.outbox_row(event).state == "voided"
    assert {p.status.value for p in get_joint(store, joint.joint_no).parts} == {"voided"}
    assert store.outbox_counts()["pending"] == 1  # the audit record of the decision only
    assert store.outbox_waiting_counts().cases == 0


def test_an_older_database_gets_joint_columns_and_its_cases_read_as_ordinary(tmp_path) -> None:
    path = tmp_path / "clerk.db"
    old = Database(path, migrations=MIGRATIONS[:8])
    added = add_case(LocalStore(old, FixedClock(T0)), make_payload(1))
    old.close()
    db = Database(path)
    try:
        case = LocalStore(db, FixedClock(T0)).get_case(added.case_no)
        assert (case.joint_case_no, case.stage, case.department_code) == ("", "", "")
        assert db.query_one("SELECT count(*) FROM joint_cases")[0] == 0
    finally:
        db.close()


def test_a_joint_case_leaves_the_desk_with_its_last_part(store) -> None:
    joint = create_joint(store, demo_joint(), outbox_body=BODY)
    [row] = store.outbox_rows()
    store.mark_sent(row.id, 201, {"joint_case": {}})
    old = "2026-01-01T00:00:00.000000+00:00"
    store.db.execute(
        "UPDATE cases SET status = 'completed_approved', updated_at = ? WHERE case_no <> ?",
        (old, joint.parts[0].case_no),
    )
    cutoff = T0 - timedelta(days=30)
    assert purge_expired(store.db, cutoff).cases == 4
    assert get_joint(store, joint.joint_no) is not None  # one part is still open
    store.db.execute("UPDATE cases SET status = 'completed_approved', updated_at = ?", (old,))
    assert purge_expired(store.db, cutoff).cases == 1
    assert get_joint(store, joint.joint_no) is None
    assert store.db.query_one("SELECT count(*) FROM joint_cases")[0] == 0
    assert store.outbox_rows() == []
