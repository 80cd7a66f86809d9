"""``GET /bulletins?period=``: the weekly or monthly bulletin (通报, issue 19) as JSON; the
desk renders its PDF and XLSX (``clerk_app.app.bulletins``). See
``records_service.bulletins``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from records_service import bulletins
from records_service.bulletin_schemas import Bulletin, Period
from records_service.deps import ClockDep, CurrentPrincipal, SessionDep, SettingsDep
from records_service.problems import problem_responses

router = APIRouter(tags=["supervision"])


@router.get(
    "/bulletins",
    operation_id="get_bulletin",
    response_model=Bulletin,
    responses=problem_responses(
        401,
        403,
        422,
        s403="not a supervisor (督查), a shift lead or an admin",
        s422="``period`` is neither a week (``2026-W49``) nor a month (``2026-11``)",
    ),
)
def get_bulletin(
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    period: Annotated[Period, Query(description="``2026-W49`` (ISO week) or ``2026-11``")],
) -> Bulletin:
    """The week's or month's figures per department and window: cases, on-time rate and
    overdue (the workload dashboard's own figures for the same days), complaints and their
    outcome, bad ratings and their follow-ups, warning cards, model windows.

    Supervisors and admins see their centers' windows, a lead their department's.
    """
    return Bulletin.model_validate(bulletins.build(session, settings, clock, principal, period))
