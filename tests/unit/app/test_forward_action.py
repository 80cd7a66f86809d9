"""上报 after intake (issue 20): the case detail offers "forward" for a case already taken in
only when the window has a center above, never for a part of a joint case, and the event
records the center and the reason without an intake decision's fields."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerk_app.app.case_actions import ActionInput, case_actions, event_data
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.event_data import ForwardData
from clerk_app.core.lifecycle import EventType as E
from clerk_app.core.lifecycle import Status as S
from clerk_app.remote.wire import case_from_wire
from tests.helpers.store import make_payload


def a_case(status: str, *, joint: bool = False):
    extra = {"joint_case_no": "HS-W05-20261128-000100", "stage": "S1", "department_code": "FG"}
    payload = make_payload(1, due_date="2026-12-10", **(extra if joint else {}))
    return replace(case_from_wire(payload), status=S(status))


@pytest.mark.parametrize("status", ["accepted", "in_progress"])
def test_forward_is_offered_before_the_ways_out_only_with_a_center_above(status: str) -> None:
    case = a_case(status)
    assert E.FORWARD not in case_actions(case)
    offered = case_actions(case, upper_center="HS")
    assert offered.index(E.FORWARD) == offered.index(E.WITHDRAW) - 1
    assert offered.index(E.COMPLETE_REJECTED) < offered.index(E.FORWARD)


def test_no_forward_where_the_lifecycle_or_a_joint_case_forbids_it() -> None:
    for status in ("supplement_requested", "suspended", "forwarded", "completed_approved"):
        assert E.FORWARD not in case_actions(a_case(status), upper_center="HS"), status
    assert E.FORWARD not in case_actions(a_case("accepted", joint=True), upper_center="HS")


def test_the_forward_records_the_center_above_and_the_reason() -> None:
    entry = ActionInput(
        E.FORWARD, opinion=" 属市级审批权限 ", forward_center="HS", forward_authority="衡水市中心"
    )
    data = event_data(
        a_case("accepted"), entry, calendar=WorkCalendar.builtin(), today=date(2026, 12, 7)
    )
    assert data == ForwardData(authority="衡水市中心", reason="属市级审批权限", center="HS")
