"""GET /centers/{center_code}/windows/{window_code}: what the first-run wizard checks.

A window PC is set up before anyone signs in at it, so the check needs no token. It tells
only what the hall shows over each window anyway (its code, name and department) and is
limited per client address like the enrolment codes.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from records_service import signin
from records_service.access_schemas import WindowCheck
from records_service.deps import ClockDep, SessionDep, client_ip
from records_service.models import Center, Window
from records_service.problems import ProblemError, problem_responses

router = APIRouter(tags=["enrolments"])

_CODE = r"^[A-Za-z0-9_-]{1,16}$"


@router.get(
    "/centers/{center_code}/windows/{window_code}",
    operation_id="check_window",
    response_model=WindowCheck,
    responses=problem_responses(
        404,
        422,
        429,
        s404="no such window at this center",
        s429="``…/rate-limited``: too many checks from this address",
    ),
)
def check_window(
    center_code: Annotated[str, Path(pattern=_CODE)],
    window_code: Annotated[str, Path(pattern=_CODE)],
    request: Request,
    session: SessionDep,
    clock: ClockDep,
) -> WindowCheck:
    """The window ``window_code`` of the center ``center_code``: its name (which wins over
    a provisioning file's) and department. 404 when the center has no such window."""
    wait = request.app.state.enrol_limiter.check(
        "window-check:" + signin.address_key(client_ip(request)), clock()
    )
    if wait is not None:
        raise ProblemError(
            429,
            "rate-limited",
            "Too many window checks; wait a moment.",
            headers={"Retry-After": str(max(1, int(wait) + 1))},
        )
    window = session.get(Window, window_code)
    if window is None or window.center_code != center_code:
        raise ProblemError(404, "not-found", f"No window {window_code} at center {center_code}.")
    center = session.get(Center, center_code)
    return WindowCheck.model_validate(
        {
            "code": window.code,
            "name": window.name,
            "department": window.department.name,
            "department_code": window.department_code,
            "center_code": window.center_code,
            "center_name": center.name if center else center_code,
        }
    )
