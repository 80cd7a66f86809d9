"""A lead's waiver approval on a case (issue 17) reaches the desk as a ``note`` whose data
is ``kind: waiver_approved``: read as a typed ``WaiverApproval`` and written back the same;
any other note data is left out, and money that is not whole fen is refused."""

from __future__ import annotations

import pytest

from clerk_app.core.event_data import WaiverApproval
from clerk_app.core.lifecycle import EventType
from clerk_app.remote.wire import WireError, event_data_from_wire, event_data_to_wire

WIRE = {
    "kind": "waiver_approved",
    "notice_no": "JK-W01-20261128-000007",
    "lead": "demo-lead",
    "amount_fen": 20000,
    "reason_code": "subsistence",
}


def test_a_waiver_approval_note_is_read_and_written_back() -> None:
    data = event_data_from_wire(EventType.NOTE, WIRE, first=False)
    assert data == WaiverApproval(
        notice_no="JK-W01-20261128-000007",
        lead="demo-lead",
        amount_fen=20000,
        reason_code="subsistence",
    )
    assert event_data_to_wire(data) == WIRE


def test_other_note_data_is_left_out_and_fractional_money_refused() -> None:
    assert event_data_from_wire(EventType.NOTE, {"kind": "paid", "x": 1}, first=False) is None
    with pytest.raises(WireError):
        event_data_from_wire(EventType.NOTE, {**WIRE, "amount_fen": 200.5}, first=False)
