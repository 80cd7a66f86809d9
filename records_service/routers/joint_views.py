"""GET /workload/joint — the lead's stage dashboard of joint cases (issue 16)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from clerk_app.core.clock import CENTER_TZ
from records_service import joint_dashboard
from records_service.deps import ClockDep, CurrentPrincipal, SessionDep
from records_service.joint_view_schemas import JointDashboard
from records_service.problems import problem_responses
from records_service.routers.workload import _FROM, _PERIOD_422, _TO, _bounds, period
from records_service.schemas import Day

router = APIRouter(tags=["workload"])

#: Without ``from`` and ``to``: the joint cases received in the last year.
DEFAULT_DAYS = 365


@router.get(
    "/workload/joint",
    operation_id="get_joint_workload",
    response_model=JointDashboard,
    responses=problem_responses(
        401, 403, 422, s403="not a shift lead or an admin", s422=_PERIOD_422
    ),
)
def get_joint_workload(
    principal: CurrentPrincipal,
    session: SessionDep,
    clock: ClockDep,
    from_: Annotated[Day | None, _FROM] = None,
    to: Annotated[Day | None, _TO] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    cursor: Annotated[str | None, Query(max_length=9, pattern=r"^[0-9]{1,9}$")] = None,
) -> JointDashboard:
    """Figures of the joint cases received from ``from`` to ``to`` (both included, center
    time; without either: the last 365 days): per stage and department the parts in time,
    overdue and open and the average working days, each stage's average and slowest
    department, and a page of the joint cases (newest first) with the approval time the
    reform counts. Leads see the joint cases of their center with a part of their
    department, admins those of their centers."""
    if from_ is None and to is None:
        from_ = clock().astimezone(CENTER_TZ).date() - timedelta(days=DEFAULT_DAYS - 1)
    today, start_day, end_day = period(clock, from_, to)
    start, end = _bounds(start_day, end_day)
    figures = joint_dashboard.dashboard(
        session, principal, start, end, today, limit=limit, offset=int(cursor or 0)
    )
    return JointDashboard.model_validate(
        {"from": start_day.isoformat(), "to": end_day.isoformat(), "today": today.isoformat()}
        | figures
    )
