"""Conflicts with the real service: a shift lead changes a case at the center while this
window is offline with its own event of the case; the desk keeps both versions and the
clerk decides (keep the center's, or resend mine where the lifecycle allows), audited."""

from __future__ import annotations

from datetime import timedelta

import pytest

from clerk_app.remote.wire import client_events_to_wire
from clerk_app.store import conflicts
from tests.helpers.conflicts import (
    _offline_event_then_lead,
    _push_until_quiet,
    _service_rows,
)
from tests.helpers.conflicts import desk as desk  # the fixture


def test_lead_change_while_offline_is_a_conflict_and_keeping_the_centers_is_audited(
    desk, fault_proxy, records_service
):
    ctx, _, engine, case_no, _ = desk
    result = _offline_event_then_lead(desk, fault_proxy, "start", "suspend", "现场核查")
    assert result.rejected == 1  # "start" is not allowed after the lead's "suspend"

    conflict = conflicts.get_conflict(ctx.backend.store, case_no)
    assert conflict is not None
    assert (conflict.local_status, conflict.center_status) == ("in_progress", "suspended")
    assert [e.type for e in conflict.center_only_events()] == ["suspend"]
    assert [r.body["type"] for r in conflict.unsent] == ["start"]
    assert conflict.resend_status() is None  # the lifecycle no longer allows mine
    # The desk's own view is kept until the clerk decides.
    assert ctx.backend.store.get_case(case_no).status == "in_progress"
    assert conflicts.open_conflict_count(ctx.backend.store) == 1

    voided = conflicts.keep_center(
        ctx.backend.store, case_no, clerk="demo-clerk", at=ctx.clock.now(),
        audit_body=client_events_to_wire,
    )  # fmt: skip
    assert voided == 1
    case = ctx.backend.store.get_case(case_no)
    assert case.status == "suspended"
    assert "suspend" in [e.type for e in case.events]
    [row] = [r for r in ctx.backend.store.outbox_rows() if r.kind == "case_event"][-1:]
    assert row.state == "voided" and row.body["type"] == "start"
    assert conflicts.get_conflict(ctx.backend.store, case_no) is None
    journal = [m for _, area, m in ctx.backend.store.journal_entries() if area == "audit"]
    assert any("kept the center's version" in m for m in journal)

    _push_until_quiet(engine, ctx.clock)
    actions = [r[0] for r in _service_rows(records_service, "SELECT action FROM audit_records")]
    assert "client.conflict.keep_center" in actions
    [(status,)] = _service_rows(
        records_service, "SELECT status FROM cases WHERE case_no = ?", case_no
    )
    assert status == "suspended"
    # Nothing is decided twice: a later pull of the same case is no conflict.
    assert conflicts.open_conflict_count(ctx.backend.store) == 0


def test_resend_mine_once_the_lifecycle_allows_it_reaches_the_center_once(
    desk, fault_proxy, records_service
):
    ctx, _, engine, case_no, lead = desk
    result = _offline_event_then_lead(desk, fault_proxy, "complete_approved", "suspend", "核查")
    assert result.rejected == 1
    conflict = conflicts.get_conflict(ctx.backend.store, case_no)
    assert conflict.center_status == "suspended" and conflict.resend_status() is None
    with pytest.raises(conflicts.CannotResendMine):
        conflicts.resend_mine(ctx.backend.store, case_no, clerk="demo-clerk",
                              at=ctx.clock.now(), audit_body=client_events_to_wire)  # fmt: skip
    assert conflicts.get_conflict(ctx.backend.store, case_no) is not None  # nothing changed

    # The lead resumes the case: the next pull refreshes the conflict, and now the desk's
    # "complete_approved" is allowed after the center's status.
    lead.event(case_no, "resume", ctx.clock.now() + timedelta(minutes=2))
    ctx.clock.advance(timedelta(minutes=1))
    engine.push_once()
    conflict = conflicts.get_conflict(ctx.backend.store, case_no)
    assert conflict.center_status == "in_progress"
    assert [e.type for e in conflict.center_only_events()] == ["suspend", "resume"]
    assert conflict.resend_status() == "completed_approved"

    status = conflicts.resend_mine(
        ctx.backend.store, case_no, clerk="demo-clerk", at=ctx.clock.now(),
        audit_body=client_events_to_wire,
    )  # fmt: skip
    assert status == "completed_approved"
    assert ctx.backend.store.get_case(case_no).status == "completed_approved"
    _push_until_quiet(engine, ctx.clock)
    assert ctx.backend.store.outbox_counts() == {"pending": 0, "rejected": 0}

    events = _service_rows(
        records_service,
        "SELECT e.type FROM case_events e JOIN cases c ON c.id = e.case_id"
        " WHERE c.case_no = ? ORDER BY e.rowid",
        case_no,
    )
    assert [t for (t,) in events].count("complete_approved") == 1
    [(status,)] = _service_rows(
        records_service, "SELECT status FROM cases WHERE case_no = ?", case_no
    )
    assert status == "completed_approved"
    actions = [r[0] for r in _service_rows(records_service, "SELECT action FROM audit_records")]
    assert "client.conflict.resend_mine" in actions
    # The pull after the resend brings the case with the desk's event: no new conflict.
    assert conflicts.open_conflict_count(ctx.backend.store) == 0
