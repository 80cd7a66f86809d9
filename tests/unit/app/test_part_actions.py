"""What the case detail offers for a part of a joint case (issue 16): nothing while its stage
has not opened, 受理 once it has, the department's filing instead of a supplement request,
and no "supplement received" (the intake window records it for the whole stage)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clerk_app.app.case_actions import ActionInput, case_actions, event_data
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.event_data import MaterialNeed, SupplementFiling
from clerk_app.core.lifecycle import EventType as E
from clerk_app.core.lifecycle import Status as S
from clerk_app.remote.wire import case_from_wire
from tests.helpers.store import make_payload


def a_case(status: str, *, joint: bool, due: str | None = "2026-12-10"):
    extra = {"joint_case_no": "HS-W05-20261128-000100", "stage": "S1", "department_code": "FG"}
    payload = make_payload(1, item_code="DEMO-FG-004", due_date=due, **(extra if joint else {}))
    return replace(case_from_wire(payload), status=S(status))


def test_a_part_files_its_needs_instead_of_asking_the_applicant() -> None:
    ordinary = case_actions(a_case("accepted", joint=False))
    part = case_actions(a_case("accepted", joint=True))
    assert E.REQUEST_SUPPLEMENT in ordinary and E.FILE_SUPPLEMENT not in ordinary
    assert E.REQUEST_SUPPLEMENT not in part and E.FILE_SUPPLEMENT in part
    assert E.COMPLETE_APPROVED in part and E.START in part
    waiting_on_applicant = case_actions(a_case("supplement_requested", joint=True))
    assert E.SUPPLEMENT_RECEIVED not in waiting_on_applicant
    assert E.SUPPLEMENT_RECEIVED in case_actions(a_case("supplement_requested", joint=False))


def test_a_part_of_a_stage_not_open_offers_nothing_and_is_accepted_once_it_opens() -> None:
    assert case_actions(a_case("received", joint=True, due=None)) == ()
    opened = case_actions(a_case("received", joint=True))
    assert opened[0] is E.ACCEPT and E.REQUEST_SUPPLEMENT not in opened


def test_a_filing_records_the_ticked_materials_with_their_codes() -> None:
    needs = (MaterialNeed("可行性研究报告", "原件1份", "M2"), MaterialNeed("附图", ""))
    data = event_data(
        a_case("accepted", joint=True),
        ActionInput(E.FILE_SUPPLEMENT, opinion="缺附件", filed=needs),
        calendar=WorkCalendar.builtin(),
        today=date(2026, 11, 30),
    )
    assert data == SupplementFiling(materials=needs)
