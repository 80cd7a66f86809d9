"""POST /windows/{window_code}/pause and /resume: a window stops and restarts calling
(暂停服务, issue 18); see ``records_service.queue_windows``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from records_service import audit, queue_windows
from records_service.deps import ClockDep, CurrentPrincipal, WriteSessionDep, client_ip
from records_service.models import WindowPause
from records_service.problems import invalid_field, problem_responses
from records_service.queue_extra_schemas import PauseCreate, WindowState

router = APIRouter(tags=["queue"])

_WINDOW = Path(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")
_S403 = "not a clerk or a window's desk"
_S404 = "no such window, or not the caller's own window (the same answer)"


@router.post(
    "/windows/{window_code}/pause",
    status_code=201,
    operation_id="pause_window",
    response_model=WindowState,
    responses=problem_responses(
        400,
        401,
        403,
        404,
        409,
        413,
        422,
        s400="the body is not JSON",
        s403=_S403,
        s404=_S404,
        s409="``…/already-paused``: the window is paused already",
        s422="no reason given (``reason`` is required and not blank)",
    ),
)
def pause_window(
    window_code: Annotated[str, _WINDOW],
    body: PauseCreate,
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    clock: ClockDep,
) -> WindowState:
    """Pause the caller's own window with its reason (shown on the window's own screen):
    ``POST /queue/next`` gives it no ticket until it resumes."""
    queue_windows.own_window(session, principal, window_code)
    reason = body.reason.strip()
    if not reason:
        raise invalid_field("reason", "say why the window pauses")
    now = clock()
    by = queue_windows.by_whom(principal)
    row = queue_windows.pause(session, window_code, reason, by, now)
    audit.record(
        session,
        at=now,
        action="window.pause",
        result="ok",
        actor=principal.actor,
        device_id=principal.device_id,
        target=window_code,
        client_ip=client_ip(request),
        detail={"reason": reason},
    )
    answer = _state(row)
    session.commit()
    return answer


@router.post(
    "/windows/{window_code}/resume",
    operation_id="resume_window",
    response_model=WindowState,
    responses=problem_responses(
        401, 403, 404, 409, 422, s403=_S403, s404=_S404, s409="``…/not-paused``"
    ),
)
def resume_window(
    window_code: Annotated[str, _WINDOW],
    request: Request,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    clock: ClockDep,
) -> WindowState:
    """Resume the caller's own window: it calls tickets again."""
    queue_windows.own_window(session, principal, window_code)
    now = clock()
    row = queue_windows.resume(session, window_code, now)
    audit.record(
        session,
        at=now,
        action="window.resume",
        result="ok",
        actor=principal.actor,
        device_id=principal.device_id,
        target=window_code,
        client_ip=client_ip(request),
        detail={"pause_id": row.id},
    )
    answer = _state(row)
    session.commit()
    return answer


def _state(row: WindowPause) -> WindowState:
    return WindowState.model_validate(
        {
            "window_code": row.window_code,
            "paused": row.resumed_at is None,
            "pause": queue_windows.pause_public(row),
        }
    )
