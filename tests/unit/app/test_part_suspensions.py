"""Suspending a part of a joint case with its kind (issue 16): the desk offers the reform's
kinds for a part (中介服务, 技术审查, 公示, 特殊程序) and the licensing law's special
procedures for an ordinary case; the kind goes to the center in the ``suspend`` event's
data, and the lead dashboard leaves the span out of the project's approval days. The
intake window (W03, 企业开办) against a real records service on the test clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
import requests

from clerk_app.app.case_actions import ActionInput, perform_action
from clerk_app.app.joint import take_in_joint
from clerk_app.app.suspensions import (
    CASE_KINDS,
    PART_KINDS,
    SuspensionKindError,
    check_suspend_kind,
    current_suspension,
    suspend_kinds,
)
from clerk_app.app.sync import sync_engine
from clerk_app.core.clock import FixedClock
from clerk_app.core.joint import Suspension, SuspensionKind, approval_working_days
from clerk_app.core.lifecycle import EventType as E
from clerk_app.core.lifecycle import Status as S
from clerk_app.remote.link import LinkIntervals
from clerk_app.remote.wire import case_from_wire
from records_service import rules
from tests.helpers.joint_desk import complete_draft, opening_desk
from tests.helpers.offline import make_context  # noqa: F401 - fixture
from tests.helpers.service import TEST_NOW
from tests.helpers.service_api import TIMEOUT, auth, token_for
from tests.helpers.store import make_payload

pytestmark = pytest.mark.usefixtures("qapp")

#: The desk takes the case in ten days before the service's "now" (Wednesday 18 November).
INTAKE = TEST_NOW - timedelta(days=10)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(INTAKE)


def a_case(*, joint: bool, status: S = S.ACCEPTED):
    extra = {"joint_case_no": "HS-W03-20261118-000001", "stage": "S1", "department_code": "SJ"}
    payload = make_payload(2, item_code="DEMO-SJ-001", **(extra if joint else {}))
    return replace(case_from_wire(payload), status=status)


def test_a_part_offers_the_reforms_kinds_and_always_names_one() -> None:
    part, ordinary = a_case(joint=True), a_case(joint=False)
    assert suspend_kinds(part) == PART_KINDS
    assert set(PART_KINDS) == {k.value for k in SuspensionKind} - {"supplement"}
    assert suspend_kinds(ordinary) == CASE_KINDS == suspend_kinds(None)
    assert check_suspend_kind(part, "technical_review") == "technical_review"
    assert check_suspend_kind(ordinary, "") == ""  # as an ordinary case always could
    for kind in ("", "hearing", "supplement"):
        with pytest.raises(SuspensionKindError):
            check_suspend_kind(part, kind)
    with pytest.raises(SuspensionKindError):
        check_suspend_kind(ordinary, "public_notice")
    assert current_suspension(part) is None


def test_a_parts_technical_review_is_sent_with_its_kind_and_left_out_of_the_approval_days(
    service_factory,
    make_context,  # noqa: F811
    clock,
) -> None:
    service = service_factory(clock=TEST_NOW)
    ctx, session, catalog = opening_desk(make_context, service.base_url)
    engine = sync_engine(ctx, session)
    engine.link.intervals = LinkIntervals(changes=timedelta(0))
    joint = take_in_joint(ctx, session, complete_draft(catalog)).joint
    part = joint.parts[1]
    clock.advance(timedelta(days=1))  # Thursday 19 November
    # A kind the part does not take writes nothing.
    with pytest.raises(SuspensionKindError):
        wrong = ActionInput(E.SUSPEND, opinion="听证", suspend_kind="hearing")
        perform_action(ctx, session, part.case_no, wrong)
    assert ctx.backend.store.get_case(part.case_no).status is S.ACCEPTED
    outcome = perform_action(
        ctx,
        session,
        part.case_no,
        ActionInput(E.SUSPEND, opinion="送审图中心", suspend_kind="technical_review"),
    )
    assert outcome.status is S.SUSPENDED
    suspended = ctx.backend.store.get_case(part.case_no)
    assert current_suspension(suspended).kind == "technical_review"
    clock.advance(timedelta(days=5))  # Tuesday 24 November
    resumed = perform_action(ctx, session, part.case_no, ActionInput(E.RESUME))
    assert resumed.status is S.IN_PROGRESS and resumed.due_date > part.due_date
    assert current_suspension(ctx.backend.store.get_case(part.case_no)) is None
    for _ in range(10):
        if engine.push_once().waiting == 0:
            break

    clerk = token_for(service, "demo-clerk-w03", window_code="W03")
    read = requests.get(service.url(f"/cases/{part.case_no}"), headers=auth(clerk), timeout=TIMEOUT)
    assert read.status_code == 200, read.text
    at_center = read.json()["case"]
    assert at_center["status"] == "in_progress"
    [sent] = [e for e in at_center["events"] if e["type"] == "suspend"]
    assert sent["data"] == {"kind": "technical_review", "suspended_on": "2026-11-19"}
    admin = token_for(service, "demo-admin", window_code=None)
    answer = requests.get(
        service.url("/workload/joint"),
        params={"from": "2026-11-18", "to": "2026-11-18"},
        headers=auth(admin),
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text
    [project] = [p for p in answer.json()["projects"] if p["joint_no"] == joint.joint_no]
    calendar = rules.calendar()
    intake, today = date(2026, 11, 18), date(2026, 11, 28)
    review = Suspension(date(2026, 11, 19), date(2026, 11, 24), SuspensionKind.TECHNICAL_REVIEW)
    assert project["working_days"] == calendar.working_days_between(intake, today)
    assert project["approval_days"] == approval_working_days(calendar, intake, today, [review])
    assert project["excluded_days"] == 3  # 20, 23 and 24 November
