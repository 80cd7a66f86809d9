"""上报 between levels on the wire (issue 20): a forward decision to the center above
carries its code as ``data.center`` (left out for an authority outside the service, so an
older service reads what it always read), and a case's ``forwarded_to`` is read typed."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime

import pytest

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.event_data import ForwardData, ForwardDecision
from clerk_app.core.lifecycle import EventType, Status
from clerk_app.core.records import CaseEvent, ForwardedTo
from clerk_app.remote.wire import (
    WireError,
    event_from_wire,
    event_to_wire,
    forwarded_to_from_wire,
)
from records_service.schemas import EventCreate

AT = datetime(2026, 11, 28, 9, 30, tzinfo=CENTER_TZ)


@pytest.mark.parametrize("center", ["HS", ""])
def test_a_forward_carries_the_center_above_only_when_it_names_one(center: str) -> None:
    decision = ForwardDecision(
        authority="上级中心", reason="属市级审批权限", expected_by=date(2026, 12, 8), center=center
    )
    event = CaseEvent(str(uuid.uuid4()), EventType.FORWARD, AT, "jz-clerk", "", decision)
    body = event_to_wire(event)
    assert ("center" in body["data"]) is bool(center)
    assert body["data"].get("center") == (center or None)
    EventCreate.model_validate_json(json.dumps(body))
    assert event_from_wire(body, first=True) == event


def test_forwarded_to_is_read_typed_and_a_bad_one_named() -> None:
    read = forwarded_to_from_wire(
        {
            "case_no": "HS-JZ01-20261128-000001",
            "center_code": "HS",
            "status": "completed_approved",
            "hall_group": "办结",
            "completed_at": "2026-12-01T08:05:00Z",
            "events": [],
        }
    )
    assert read == ForwardedTo(
        "HS-JZ01-20261128-000001",
        "HS",
        Status.COMPLETED_APPROVED,
        datetime(2026, 12, 1, 16, 5, tzinfo=CENTER_TZ),
    )
    assert forwarded_to_from_wire(None) is None
    with pytest.raises(WireError, match=r"forwarded_to\.status"):
        forwarded_to_from_wire({"case_no": "X", "center_code": "HS", "status": "gone"})


def test_a_later_forward_carries_no_intake_decision_and_reads_back_typed() -> None:
    data = ForwardData(authority="衡水市中心", reason="属市级审批权限", center="HS")
    event = CaseEvent(str(uuid.uuid4()), EventType.FORWARD, AT, "jz-clerk", "", data)
    body = event_to_wire(event)
    assert body["data"] == {
        "authority": "衡水市中心",
        "reason": "属市级审批权限",
        "expected_by": None,
        "center": "HS",
    }
    EventCreate.model_validate_json(json.dumps(body))
    assert event_from_wire(body) == event  # a later event: not the intake decision
