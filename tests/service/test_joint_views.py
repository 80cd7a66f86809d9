"""Joint cases as the center shows them (issue 16): the applicant's progress query by the
joint number, the hall screen's one row, and the lead's stage dashboard. A service of its
own per backend (exact figures); run on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
import requests

from clerk_app.core import joint as core_joint
from clerk_app.core.joint import Suspension, SuspensionKind
from records_service import rules
from tests.helpers.joint_api import OPENING, joint_body, part_of, post_joint
from tests.helpers.service import TEST_NOW, RunningService, ServiceLauncher
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, case_body, post_case, token_for

#: Taken in on Monday 2 November 2026; the service's clock stands at 28 November.
INTAKE = "2026-11-02T09:30:00+08:00"
CODE = "730512"


@pytest.fixture(scope="module")
def center(
    request: pytest.FixtureRequest, backend: str, tmp_path_factory, records_template_db
) -> Iterator[RunningService]:
    """A service of this module alone: three wrong codes lock a number for the day."""
    launcher = ServiceLauncher(
        tmp_path_factory.mktemp("joint-views"),
        records_template_db,
        postgres=lambda: request.getfixturevalue("postgres_databases"),
        clock=TEST_NOW,
    )
    env = {"CLERK_PROGRESS_WRONG_CODES_PER_DAY": "3", "CLERK_PROGRESS_PER_MINUTE": "1000"}
    try:
        yield launcher.start(backend=backend, env=env)
    finally:
        launcher.stop_all()


def clerk(service: RunningService, username: str, window: str | None) -> str:
    return token_for(service, username, window_code=window)


def take_in(service: RunningService, package: str = "DEMO-PRJ-GCJS", at: str = INTAKE) -> dict:
    """A joint case received ``at``, stage one's parts due 12 November."""
    window, user = ("W03", "demo-clerk-w03") if package == OPENING else ("W05", "demo-clerk-w05")
    body = joint_body(package, window=window, clerk=user)
    body["received_at"] = at
    first = body["parts"][0]["stage"]
    for part in body["parts"]:
        part["first_event"]["at"] = at
        if part["stage"] == first:
            part["due_date"] = "2026-11-12"
    response = post_joint(service, clerk(service, user, window), body)
    assert response.status_code == 201, response.text
    return response.json()["joint_case"]


def event(
    service: RunningService, token: str, case_no: str, type_: str, at: str, **data: Any
) -> None:
    key = str(uuid.uuid4())
    body: dict[str, Any] = {"id": key, "type": type_, "at": at + "T10:00:00+08:00", "note": "办理"}
    if data:
        body["data"] = data
    response = requests.post(
        service.url(f"/cases/{case_no}/events"),
        json=body,
        headers={**auth(token), "Idempotency-Key": key},
        timeout=TIMEOUT,
    )
    assert response.status_code == 201, response.text


def progress(service: RunningService, number: str, code: str = CODE) -> requests.Response:
    return requests.get(service.url(f"/progress/{number}"), params={"code": code}, timeout=TIMEOUT)


def test_the_joint_number_shows_each_stage_and_part_and_nothing_personal(center) -> None:
    joint = take_in(center)
    answer = progress(center, joint["joint_no"])
    assert answer.status_code == 200, answer.text
    shown = answer.json()
    assert shown["joint_no"] == joint["joint_no"]
    assert shown["package_name"] == "工程建设项目审批（房屋建筑类）"
    assert (shown["status"], shown["hall_group"], shown["current_stage"]) == (
        "in_progress",
        "受理",
        "S1",
    )
    assert shown["current_stage_name"]
    assert [(s["code"], s["state"]) for s in shown["stages"]] == [
        ("S1", "open"),
        ("S2", "waiting"),
        ("S3", "waiting"),
        ("S4", "waiting"),
    ]
    assert shown["stages"][0]["due_date"] and shown["stages"][1]["due_date"] is None
    assert len(shown["parts"]) == 15
    fg = next(p for p in shown["parts"] if p["item_code"] == "DEMO-FG-004")
    assert fg["department_name"] and fg["item_name"]
    assert (fg["hall_group"], fg["due_date"], fg["stage"]) == ("受理", "2026-11-12", "S1")
    # The organization's name is public; the agent, ID and phone numbers, part numbers not.
    assert shown["applicant"] == "衡水示例置业有限公司"
    for secret in ("李四", "13800138000", joint["agent"]["id_number"], "91131100MA0A1B2C3D"):
        assert secret not in answer.text
    assert not any(p["case_no"] in answer.text for p in joint["parts"])

    # A department starts its part: 在办. The intake window's consolidated notice: 待办.
    fg_no = part_of(joint, "DEMO-FG-004")["case_no"]
    event(center, clerk(center, "demo-clerk-p01", "P01"), fg_no, "start", "2026-11-03")
    assert progress(center, joint["joint_no"]).json()["hall_group"] == "在办"
    zr_no = part_of(joint, "DEMO-ZR-004")["case_no"]
    w05 = clerk(center, "demo-clerk-w05", "W05")
    notice = {"joint_notice": "衡政服补〔2026〕W05-0001号"}
    event(center, w05, zr_no, "request_supplement", "2026-11-04", **notice)
    waiting = progress(center, joint["joint_no"]).json()
    assert waiting["hall_group"] == "待办"
    zr = next(p for p in waiting["parts"] if p["item_code"] == "DEMO-ZR-004")
    assert zr["hall_group"] == "待办"


def test_a_joint_number_is_locked_after_wrong_codes_like_a_case(center) -> None:
    joint = take_in(center, "DEMO-PKG-QYKB")
    unknown = progress(center, "HS-W03-20991231-999999")
    for _ in range(3):
        wrong = progress(center, joint["joint_no"], "000000")
        assert assert_problem(wrong, 404) == assert_problem(unknown, 404)
    # Locked for the day: the right code too answers 404.
    assert_problem(progress(center, joint["joint_no"]), 404)
    # A part's own number is a case: unaffected, it answers as a case always has.
    part = joint["parts"][0]
    case = progress(center, part["case_no"], part["query_code"]).json()
    assert set(case) == {
        "case_no",
        "status",
        "hall_group",
        "item_code",
        "item_name",
        "applicant",
        "received_at",
        "due_date",
        "completed_at",
        "forwarded_to",  # 上报 (issue 20): null, the part went to no center above
        "as_of",  # reads off the primary (issue 20): the moment the data are as of
        "behind_seconds",  # null: read from the primary, or a replica within the limit
    }
    assert case["forwarded_to"] is None


def test_an_ordinary_case_answers_as_before(center) -> None:
    body = case_body()
    assert post_case(center, clerk(center, "demo-clerk", "W01"), body).status_code == 201
    shown = progress(center, body["case_no"], body["query_code"]).json()
    assert shown["case_no"] == body["case_no"] and "joint_no" not in shown


def board(service: RunningService) -> dict:
    token = clerk(service, "demo-display", None)
    response = requests.get(
        service.url("/board"), params={"limit": 200}, headers=auth(token), timeout=TIMEOUT
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_the_board_shows_a_joint_case_as_one_row_with_its_stage(center) -> None:
    before = board(center)
    joint = take_in(center, "DEMO-PKG-QYKB")
    after = board(center)
    numbers = [r["case_no"] for r in after["items"]]
    assert numbers.count(joint["joint_no"]) == 1
    assert not {p["case_no"] for p in joint["parts"]} & set(numbers)
    row = next(r for r in after["items"] if r["case_no"] == joint["joint_no"])
    assert row["joint"] is True
    assert (row["item_name"], row["hall_group"], row["stage"]) == ("企业开办“一件事”", "受理", "S1")
    assert row["stage_name"]
    # Received on 2 November: not among today's received; one row, not five parts.
    assert after["today"]["received"] == before["today"]["received"]
    # Every part done: the row says 办结.
    w03 = clerk(center, "demo-clerk-w03", "W03")  # the intake window reaches every part
    for part in joint["parts"]:
        event(center, w03, part["case_no"], "complete_approved", "2026-11-05")
    done = next(r for r in board(center)["items"] if r["case_no"] == joint["joint_no"])
    assert (done["hall_group"], done["status"], done["stage"]) == ("办结", "completed", None)


def dashboard(service: RunningService, token: str, **params: Any) -> requests.Response:
    return requests.get(
        service.url("/workload/joint"), params=params, headers=auth(token), timeout=TIMEOUT
    )


def test_the_stage_dashboard_counts_parts_days_and_the_reform_time(center) -> None:
    admin = clerk(center, "demo-admin", None)
    period = {"from": "2026-11-03", "to": "2026-11-03"}
    assert dashboard(center, admin, **period).json()["joint_cases"] == 0
    joint = take_in(center, at="2026-11-03T09:30:00+08:00")
    fg, zr, wl = (
        part_of(joint, i)["case_no"] for i in ("DEMO-FG-004", "DEMO-ZR-004", "DEMO-WL-001")
    )
    w05 = clerk(center, "demo-clerk-w05", "W05")
    # 发改 in three working days, in time.
    event(center, clerk(center, "demo-clerk-p01", "P01"), fg, "complete_approved", "2026-11-05")
    # 自然资源: the consolidated notice 4 → 9 November, then late (due the 12th).
    p02 = clerk(center, "demo-clerk-p02", "P02")
    notice = {"joint_notice": "衡政服补〔2026〕W05-0002号"}
    event(center, w05, zr, "request_supplement", "2026-11-04", **notice)
    event(center, p02, zr, "supplement_received", "2026-11-09")
    event(center, p02, zr, "complete_approved", "2026-11-20")
    # 文旅: an intermediary service 5 → 10 November (overlapping the notice), then done.
    p08 = clerk(center, "demo-clerk-p08", "P08")
    event(center, p08, wl, "suspend", "2026-11-05", kind="intermediary")
    event(center, p08, wl, "resume", "2026-11-10")
    event(center, p08, wl, "complete_approved", "2026-11-11")

    answer = dashboard(center, admin, **period)
    assert answer.status_code == 200, answer.text
    figures = answer.json()
    assert figures["joint_cases"] == 1
    calendar = rules.calendar()
    intake = date(2026, 11, 3)

    def days(day: date) -> int:
        return calendar.working_days_between(intake, day)

    stage = next(
        s for s in figures["stages"] if s["package_code"] == "DEMO-PRJ-GCJS" and s["stage"] == "S1"
    )
    assert stage["stage_name"] and stage["time_limit_days"] > 0
    departments = {d["department_code"]: d for d in stage["departments"]}
    assert (departments["FG"]["in_time"], departments["FG"]["overdue"]) == (1, 0)
    assert (departments["ZR"]["in_time"], departments["ZR"]["overdue"]) == (0, 1)
    assert (departments["WL"]["in_time"], departments["WL"]["overdue"]) == (1, 0)
    assert departments["FG"]["average_days"] == days(date(2026, 11, 5)) == 2
    assert departments["ZR"]["average_days"] == days(date(2026, 11, 20))
    assert stage["completed"] == 1 and stage["average_days"] == days(date(2026, 11, 28))
    slowest = [d["department_code"] for d in stage["departments"] if d["slowest"]]
    assert slowest == ["ZR"]
    later = next(s for s in figures["stages"] if s["stage"] == "S2")
    assert all(d["open"] == d["parts"] for d in later["departments"])

    project = next(p for p in figures["projects"] if p["joint_no"] == joint["joint_no"])
    assert project["complete"] is False and project["current_stage"] == "S2"
    end = date(2026, 11, 28)  # still running: counted to today
    spans = [
        Suspension(date(2026, 11, 4), date(2026, 11, 9), SuspensionKind.SUPPLEMENT),
        Suspension(date(2026, 11, 5), date(2026, 11, 10), SuspensionKind.INTERMEDIARY),
    ]
    expected = core_joint.approval_working_days(calendar, intake, end, spans)
    assert project["working_days"] == days(end)
    assert project["approval_days"] == expected
    assert project["excluded_days"] == days(end) - expected == 4  # 5, 6, 9, 10 November


def test_the_dashboard_is_for_leads_and_admins_of_the_center(center) -> None:
    assert_problem(dashboard(center, clerk(center, "demo-clerk-w05", "W05")), 403)
    take_in(center, "DEMO-PKG-QYKB")
    # 市公安局's lead: the joint cases with a part of 公安 (企业开办's seal), not the projects.
    lead = dashboard(center, clerk(center, "demo-lead", None), **{"from": "2026-11-02"}).json()
    assert lead["joint_cases"] >= 1
    assert {p["package_code"] for p in lead["projects"]} == {"DEMO-PKG-QYKB"}
    backwards = {"from": "2026-12-02", "to": "2026-11-02"}
    assert_problem(dashboard(center, clerk(center, "demo-lead", None), **backwards), 422)
