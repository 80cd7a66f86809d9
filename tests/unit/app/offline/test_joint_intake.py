"""A joint intake at the desk (issue 16, app.joint) on real files against a real service:
numbered from the window's own sequence, saved whole with ONE outbox row, sent as ONE
``POST /joint-cases``; a refusal is a refused item naming the part; the parts of another
window's joint case reach the desks of their department through the change feed."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from clerk_app.app import joint as joint_app
from clerk_app.app.case_actions import new_event, record_event
from clerk_app.app.rejections import rejected_items as case_refusals
from clerk_app.app.rejections import resend_corrected
from clerk_app.app.session import CASE_SEQUENCE, sign_in
from clerk_app.app.sync import rejected_items, sync_engine
from clerk_app.core.intake import MaterialReceipt
from clerk_app.core.lifecycle import EventType
from clerk_app.core.numbering import parse_case_no
from clerk_app.core.records import ServerState
from clerk_app.remote.wire import joint_to_wire
from tests.helpers.joint_desk import complete_draft, opening_desk
from tests.helpers.service import DEMO_PASSWORD


def _seq(number: str) -> int:
    return parse_case_no(number).seq


def test_a_joint_intake_is_saved_whole_and_reaches_the_center_once(
    records_service, make_context
) -> None:
    ctx, session, catalog = opening_desk(make_context, records_service.base_url)
    assert [p.code for p in joint_app.packages(ctx)] == [p.code for p in catalog.packages]
    draft = complete_draft(catalog)
    assert joint_app.check(ctx, draft) == {}

    taken = joint_app.take_in_joint(ctx, session, draft)
    store = ctx.backend.store
    joint = taken.joint
    # One joint number and one per part, in a row, from the window's own case sequence.
    numbers = [joint.joint_no, *(p.case_no for p in joint.parts)]
    assert [_seq(n) for n in numbers] == list(range(_seq(numbers[0]), _seq(numbers[0]) + 6))
    assert store.sequence_value(CASE_SEQUENCE) == _seq(numbers[-1])
    assert [p.department_code for p in joint.parts] == ["SJ", "GA", "SW", "RS", "GJ"]
    # The parts are the desk's own cases (worklist, case detail) naming their joint case.
    for part in joint.parts:
        stored = store.get_case(part.case_no)
        assert stored == part
        assert (stored.joint_case_no, stored.stage) == (joint.joint_no, "S1")
        assert stored.events[0].type is EventType.ACCEPT
        assert joint_app.joint_of(ctx, part.case_no) == joint.joint_no
    listed = {c.case_no for c in store.list_cases("W03")}
    assert listed == {p.case_no for p in joint.parts}
    assert joint_app.load_joint(ctx, joint.joint_no) == joint
    # ONE outbox row for the whole joint case: its wire body, keyed by the joint id.
    [row] = store.outbox_rows()
    assert (row.kind, row.path, row.case_id) == ("create_joint_case", "/api/v1/joint-cases", None)
    assert row.idempotency_key == joint.id and row.body == joint_to_wire(joint)
    assert store.outbox_waiting_counts().cases == 1
    assert [w.case_no for w in store.outbox_waiting()] == [joint.joint_no]

    engine = sync_engine(ctx, session)
    result = engine.push_once()
    assert (result.sent, result.rejected, result.waiting) == (1, 0, 0)
    local = joint_app.load_joint(ctx, joint.joint_no)
    assert local.server_state is ServerState.SYNCED
    assert {p.server_state for p in local.parts} == {ServerState.SYNCED}
    center = joint_app.joint_at_center(ctx, session, joint.joint_no)
    assert [(p.case_no, p.item_code, p.department_code) for p in center.parts] == [
        (p.case_no, p.item_code, p.department_code) for p in joint.parts
    ]
    assert center.applicant == joint.applicant and center.materials == joint.materials
    assert joint_app.joint_at_center(ctx, session, "HS-W03-20261128-999999") is None


def test_an_invalid_joint_draft_saves_nothing_and_uses_no_number(
    records_service, make_context
) -> None:
    ctx, session, catalog = opening_desk(make_context, records_service.base_url)
    store = ctx.backend.store
    before = store.sequence_value(CASE_SEQUENCE)
    draft = complete_draft(catalog)
    no_licence = replace(
        draft,
        own={**draft.own, "DEMO-SJ-001": (MaterialReceipt("M3", received=False),)},
        decisions={},
    )
    problems = joint_app.check(ctx, replace(draft, package_code="DEMO-PKG-NONE"))
    assert [i.code for i in problems[""]] == [joint_app.UNKNOWN_PACKAGE]
    with pytest.raises(joint_app.InvalidJointDraft) as raised:
        joint_app.take_in_joint(ctx, session, replace(draft, package_code="DEMO-PKG-NONE"))
    assert "" in raised.value.errors
    assert list(joint_app.check(ctx, no_licence)) == ["DEMO-SJ-001"]
    with pytest.raises(joint_app.InvalidJointDraft) as raised:
        joint_app.take_in_joint(ctx, session, no_licence)
    assert list(raised.value.errors) == ["DEMO-SJ-001"]
    assert store.sequence_value(CASE_SEQUENCE) == before
    assert store.outbox_rows() == [] and store.list_cases("W03") == []


def test_a_refused_joint_case_is_a_refused_item_naming_the_part_and_holds_its_parts(
    records_service, make_context
) -> None:
    ctx, session, catalog = opening_desk(make_context, records_service.base_url)
    taken = joint_app.take_in_joint(ctx, session, complete_draft(catalog))
    store = ctx.backend.store
    joint = taken.joint
    [row] = store.outbox_rows()
    # The center's catalog no longer has the seal part's item as sent (a desk on an old
    # catalog): the service refuses the whole joint case, naming the part.
    body = row.body
    body["parts"][1]["item_code"] = "DEMO-GA-001"
    store.db.execute(
        "UPDATE outbox SET body_json = json(?) WHERE id = ?", (json.dumps(body), row.id)
    )
    later = store.outbox_rows()[0]
    assert later.body["parts"][1]["item_code"] == "DEMO-GA-001"

    result = sync_engine(ctx, session).push_once()
    assert (result.sent, result.rejected) == (0, 1)
    [refused] = rejected_items(store)
    assert refused.case_no == joint.joint_no and refused.kind == "create_joint_case"
    # F8 names the refused part by its number and the item as sent.
    assert refused.reason.startswith("422")
    assert f"{joint.parts[1].case_no} (DEMO-GA-001):" in refused.reason, refused.reason
    [item] = case_refusals(ctx, joint.parts[1].case_no)  # the part's case detail shows it
    assert item.case_no == joint.joint_no
    assert any(f.field.startswith("parts[1]") for f in item.fields), item.fields
    local = joint_app.load_joint(ctx, joint.joint_no)
    assert local.server_state is ServerState.REJECTED
    assert {p.server_state for p in local.parts} == {ServerState.REJECTED}
    # A part's later event waits behind its joint case (the center has no part without it).
    start = new_event(EventType.START, actor=session.username, at=ctx.clock.now())
    record_event(ctx, joint.parts[0].case_no, start)
    held = sync_engine(ctx, session).push_once()
    assert (held.sent, held.rejected, held.waiting, held.next_due) == (0, 0, 1, None)

    # Corrected and resent under its own key: the whole joint case arrives, once.
    resend_corrected(ctx, session, refused.row_id, {"parts[1].item_code": joint.parts[1].item_code})
    result = sync_engine(ctx, session).push_once()
    assert (result.rejected, result.waiting) == (0, 0)
    assert joint_app.load_joint(ctx, joint.joint_no).server_state is ServerState.SYNCED
    answer = ctx.backend.api.get_joint_case(session.access_token, joint.joint_no)
    assert len(answer["parts"]) == 5
    first = next(p for p in answer["parts"] if p["case_no"] == joint.parts[0].case_no)
    assert [e["type"] for e in first["events"]] == ["accept", "start"]


def test_the_parts_of_another_windows_joint_case_reach_their_departments_desk(
    records_service, make_context
) -> None:
    ctx, session, catalog = opening_desk(make_context, records_service.base_url)
    joint = joint_app.take_in_joint(ctx, session, complete_draft(catalog)).joint
    assert sync_engine(ctx, session).push_once().sent == 1

    # The 公安 window (W01, department GA) pulls its changes.
    ga = make_context(records_service.base_url, home="w01", window_code="W01")
    ga_session = sign_in(ga, "demo-clerk", DEMO_PASSWORD)
    engine = sync_engine(ga, ga_session)
    engine.link.pull_changes(ga.backend.tokens.get_device_token("W01", ga.device_id))
    seal = next(p for p in joint.parts if p.department_code == "GA")
    pulled = ga.backend.store.get_case(seal.case_no)
    assert pulled is not None
    assert (pulled.joint_case_no, pulled.stage, pulled.department_code) == (
        joint.joint_no,
        "S1",
        "GA",
    )
    assert pulled.window_code == "W03" and pulled.server_state is ServerState.SYNCED
    # Only its department's part, nothing to send, no joint case taken in there.
    others = {p.case_no for p in joint.parts} - {seal.case_no}
    assert all(ga.backend.store.get_case(no) is None for no in others)
    assert ga.backend.store.outbox_counts()["pending"] == 0
    assert joint_app.load_joint(ga, joint.joint_no) is None
    assert joint_app.joint_of(ga, seal.case_no) == joint.joint_no
