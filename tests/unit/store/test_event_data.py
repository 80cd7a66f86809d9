"""An event's typed data kept by the store (store.case_rows): every kind comes back as it
went in, dates as dates; rows kept in the wire's shape by older versions read typed too."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from clerk_app.core.event_data import (
    CommitmentRecord,
    CorrectionData,
    DecisionData,
    DeferredDecision,
    FeeState,
    MaterialForm,
    MaterialNeed,
    ResumeData,
    SupplementRequest,
    SuspendData,
    VerificationData,
)
from clerk_app.core.lifecycle import EventType
from clerk_app.core.records import CaseEvent, MaterialLine
from clerk_app.remote.wire import case_from_wire, event_to_wire
from clerk_app.store import case_rows, writes
from tests.helpers.store import T0, make_payload, open_store


def test_every_kind_of_event_data_comes_back_typed_from_the_database(tmp_path: Path) -> None:
    store = open_store(tmp_path / "clerk.db")
    decision = DeferredDecision(
        fee_state=FeeState.PAID,
        received_as={"M1": MaterialForm.COPY},
        deferred=(MaterialNeed("户口簿", "原件一份", "M2"),),
        supply_by=date(2026, 12, 1),
    )
    case = case_from_wire(make_payload(1, disposition="deferred_materials"))
    first = replace(case.events[0], type=EventType.ACCEPT_DEFERRED, data=decision)
    store.create_case(replace(case, events=(first,)))
    later = [
        (EventType.REQUEST_SUPPLEMENT, SupplementRequest(missing=(MaterialNeed("照片", "2寸"),))),
        (EventType.SUPPLEMENT_RECEIVED, None),
        (EventType.SUSPEND, SuspendData(kind="hearing", suspended_on=date(2026, 11, 30))),
        (
            EventType.RESUME,
            ResumeData(
                resumed_on=date(2026, 12, 3),
                suspended_on=date(2026, 11, 30),
                suspended_working_days=3,
                due_date=date(2026, 12, 11),
                due_date_provisional=True,
            ),
        ),
        (EventType.CORRECT, CorrectionData(field="applicant.phone", old="1", new="2")),
    ]
    for minutes, (event_type, data) in enumerate(later, start=1):
        event = CaseEvent(
            str(uuid.uuid4()), event_type, T0 + timedelta(minutes=minutes), "demo-clerk", "", data
        )
        writes.add_event(store, case.case_no, event, body=event_to_wire(event))
    stored = store.get_case(case.case_no)
    assert stored is not None
    assert stored.first_event is not None and stored.first_event.data == decision
    assert [(e.type, e.data) for e in stored.events[1:]] == later
    store.db.close()


def test_data_kept_in_the_wires_shape_by_an_older_version_reads_typed(tmp_path: Path) -> None:
    store = open_store(tmp_path / "clerk.db")
    case = case_from_wire(make_payload(1))
    store.create_case(case)
    old_rows = [
        ("accept", {"fee_state": "waived", "received_as": {"M1": "original"}}),
        ("start", {}),
        ("suspend", {"kind": "testing", "suspended_on": "2026-11-29"}),
        ("resume", {"resumed_on": "2026-12-02"}),
    ]
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM case_events WHERE case_id = ?", (case.id,))
        for minutes, (event_type, data) in enumerate(old_rows):
            conn.execute(
                case_rows.INSERT_EVENT,
                (str(uuid.uuid4()), case.id, event_type,
                 (T0 + timedelta(minutes=minutes)).isoformat(), "demo-clerk", "",
                 json.dumps(data)),
            )  # fmt: skip
    stored = store.get_case(case.case_no)
    assert stored is not None
    first, start, suspend, resume = stored.events
    assert first.data is not None and first.data.fee_state is FeeState.WAIVED
    assert first.data.received_as == {"M1": MaterialForm.ORIGINAL}
    assert start.data is None
    assert suspend.data == SuspendData(kind="testing", suspended_on=date(2026, 11, 29))
    assert resume.data == ResumeData(resumed_on=date(2026, 12, 2))
    store.db.close()


def test_a_commitment_its_material_and_its_finding_come_back_from_the_database(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "clerk.db")
    case = case_from_wire(make_payload(1))
    record = CommitmentRecord(
        materials=(MaterialNeed("亲属关系证明", "原件", "M4"),),
        credit_checked=True,
        verify_by=date(2026, 12, 28),
    )
    first = replace(case.events[0], data=DecisionData(commitment=record))
    materials = (*case.materials, MaterialLine("M4", False, by_commitment=True))
    store.create_case(replace(case, materials=materials, events=(first,)))
    finding = VerificationData(verified_on=date(2026, 12, 1), credit_note="虚假承诺")
    event = CaseEvent(
        str(uuid.uuid4()),
        EventType.COMMITMENT_FALSE,
        T0 + timedelta(minutes=5),
        "demo-clerk",
        "不实",
        finding,
    )
    writes.add_event(store, case.case_no, event, body=event_to_wire(event))
    kept = store.get_case(case.case_no)
    assert kept.materials[-1].by_commitment is True
    assert kept.events[0].data.commitment == record
    assert kept.events[-1].data == finding
    assert kept.status == "revoked"
