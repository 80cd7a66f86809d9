"""Joint cases (issue 16): parts planned from a package, stages opening in order, the
approval time the reform counts."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.joint import (
    PartState,
    StageState,
    Suspension,
    SuspensionKind,
    approval_working_days,
    check_project_code,
    consolidation_due,
    current_stage,
    is_complete,
    part_materials,
    plan_parts,
    review_closes,
    stage_due,
    stage_states,
)
from clerk_app.core.lifecycle import Status
from clerk_app.core.packages import parse_packages
from tests.helpers.packages import CATALOG, OPENING, PROJECT

OPENING_PKG, PROJECT_PKG = parse_packages([OPENING, PROJECT], CATALOG)
CAL = WorkCalendar.builtin()


def test_a_package_plans_one_part_per_item_with_its_department() -> None:
    parts = plan_parts(OPENING_PKG, CATALOG)
    assert [(p.stage, p.item, p.department) for p in parts] == [
        ("S1", "SJ-1", "SJ"),
        ("S1", "GA-1", "GA"),
        ("S1", "SW-1", "SW"),
    ]


def test_a_project_plans_the_parts_of_its_type_only() -> None:
    parts = plan_parts(PROJECT_PKG, CATALOG, "small")
    assert [(p.stage, p.item) for p in parts] == [("L1", "ZR-1"), ("L3", "ZJ-2")]
    with pytest.raises(ValueError, match="project type"):
        plan_parts(PROJECT_PKG, CATALOG, None)
    with pytest.raises(ValueError, match="no project type"):
        plan_parts(OPENING_PKG, CATALOG, "social")


def test_a_combined_material_handed_over_once_counts_for_every_item_that_needs_it() -> None:
    combined = {"P1": True, "P2": False}
    assert part_materials(OPENING_PKG, CATALOG, "GA-1", combined, {}) == {"M1": True, "M2": False}
    assert part_materials(OPENING_PKG, CATALOG, "SW-1", {"P2": True}, {}) == {"M1": True}
    # A project's item materials the combined list does not collect are the part's own.
    assert part_materials(PROJECT_PKG, CATALOG, "ZR-1", {}, {"M2": True}) == {
        "M1": False,
        "M2": True,
    }


def parts(*specs: tuple[str, Status]) -> list[PartState]:
    return [PartState(f"C{n}", stage, "X", status) for n, (stage, status) in enumerate(specs)]


def test_stages_open_one_after_the_other() -> None:
    states = stage_states(
        PROJECT_PKG,
        "government",
        parts(
            ("L1", Status.IN_PROGRESS),
            ("L1", Status.COMPLETED_APPROVED),
            ("L2", Status.ACCEPTED),
            ("L3", Status.ACCEPTED),
        ),
    )
    assert states == {"L1": StageState.OPEN, "L2": StageState.WAITING, "L3": StageState.WAITING}
    assert current_stage(states) == "L1"

    states = stage_states(
        PROJECT_PKG,
        "government",
        parts(
            ("L1", Status.COMPLETED_APPROVED),
            ("L1", Status.COMPLETED_APPROVED),
            ("L2", Status.ACCEPTED),
            ("L3", Status.ACCEPTED),
        ),
    )
    assert states["L2"] is StageState.OPEN and states["L3"] is StageState.WAITING
    assert current_stage(states) == "L2"
    assert not is_complete(states)


def test_a_lead_department_may_open_a_stage_early() -> None:
    states = stage_states(
        PROJECT_PKG,
        "government",
        parts(("L1", Status.IN_PROGRESS), ("L2", Status.ACCEPTED), ("L3", Status.ACCEPTED)),
        opened_early=["L2"],
    )
    assert states == {"L1": StageState.OPEN, "L2": StageState.OPEN, "L3": StageState.WAITING}


def test_the_joint_case_is_complete_when_its_last_stage_is() -> None:
    states = stage_states(
        PROJECT_PKG,
        "small",
        parts(("L1", Status.COMPLETED_APPROVED), ("L3", Status.COMPLETED_REJECTED)),
    )
    assert states == {"L1": StageState.COMPLETE, "L3": StageState.COMPLETE}
    assert is_complete(states) and current_stage(states) is None


def test_a_stage_is_due_its_time_limit_in_working_days_after_it_opened() -> None:
    stage = PROJECT_PKG.stages[0]  # 10 working days, review 3
    # Opened Friday 2026-12-25: 10 working days skip two weekends and 元旦 (1 Jan 2027).
    due = stage_due(CAL, date(2026, 12, 25), stage)
    assert due.date == date(2027, 1, 11)
    assert review_closes(CAL, date(2026, 12, 25), stage) == date(2026, 12, 30)


def test_the_consolidated_notice_goes_out_when_all_have_filed_or_the_window_closed() -> None:
    closes = date(2026, 12, 9)
    assert not consolidation_due(closes, date(2026, 12, 8), ["SJ"], ["SJ", "GA"])
    assert consolidation_due(closes, date(2026, 12, 8), ["SJ", "GA"], ["SJ", "GA"])
    assert not consolidation_due(closes, date(2026, 12, 9), [], ["SJ", "GA"])
    assert consolidation_due(closes, date(2026, 12, 10), [], ["SJ", "GA"])


def test_the_approval_time_leaves_out_suspensions_counted_once() -> None:
    intake, end = date(2026, 12, 1), date(2026, 12, 31)  # 22 working days in (1 Dec, 31 Dec]
    assert approval_working_days(CAL, intake, end, []) == 22
    supplement = Suspension(date(2026, 12, 4), date(2026, 12, 11), SuspensionKind.SUPPLEMENT)
    # Two departments waited on the same supplement, one a little longer.
    overlapping = Suspension(date(2026, 12, 7), date(2026, 12, 14), SuspensionKind.SUPPLEMENT)
    notice = Suspension(date(2026, 12, 21), None, SuspensionKind.PUBLIC_NOTICE)
    # (4 Dec, 14 Dec] has 6 working days; (21 Dec, 31 Dec] has 8.
    assert approval_working_days(CAL, intake, end, [supplement, overlapping, notice]) == 8


def test_a_project_code_has_the_national_platform_form() -> None:
    assert check_project_code(" 2026-130502-48-01-000123 ") == "2026-130502-48-01-000123"
    for bad in ("2026-1305-48-01-000123", "", "2026-130502-48-01-00012X", "x" * 10_000):
        with pytest.raises(ValueError):
            check_project_code(bad)
