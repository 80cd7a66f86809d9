"""POST /enrolments (admins) and POST /enrolments/redeem (the machine, with its code)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from clerk_app.core.clock import CENTER_TZ
from records_service import credentials
from records_service.access_schemas import (
    CredentialIssued,
    EnrolmentCreate,
    EnrolmentPublic,
    EnrolmentRedeem,
)
from records_service.deps import ClockDep, CurrentPrincipal, SettingsDep, WriteSessionDep, client_ip
from records_service.problems import ProblemError, problem_responses

router = APIRouter(prefix="/enrolments", tags=["enrolments"])


@router.post(
    "",
    status_code=201,
    operation_id="create_enrolment",
    response_model=EnrolmentPublic,
    responses=problem_responses(
        400,
        401,
        403,
        413,
        422,
        s400="the body is not JSON",
        s403="not an admin",
        s422="invalid fields, an unknown window, a desk without a window, or a kiosk or "
        "integration with one",
    ),
)
def create_enrolment(
    body: EnrolmentCreate,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> EnrolmentPublic:
    """A one-time enrolment code for a desk, a hall or window screen, a kiosk or an
    integration (county IT has no shell on the city's server). Shown once."""
    issued = credentials.create_enrolment(
        session,
        settings,
        kind=body.kind,
        window_code=body.window_code,
        label=body.label,
        created_by=principal.actor,
        now=clock(),
    )
    session.commit()
    return EnrolmentPublic.model_validate(
        {
            "code": issued.code,
            "kind": issued.enrolment.kind,
            "window_code": issued.enrolment.window_code,
            "label": issued.enrolment.label,
            "expires_at": issued.enrolment.expires_at.astimezone(CENTER_TZ),
        }
    )


@router.post(
    "/redeem",
    status_code=201,
    operation_id="redeem_enrolment",
    response_model=CredentialIssued,
    responses=problem_responses(
        400,
        404,
        409,
        413,
        422,
        429,
        s400="the body is not JSON",
        s404="no such code, or used, or expired (the same answer for each)",
        s409="``…/device-limit``: the window has as many desks as it may",
        s422="invalid fields, or a desk's code without ``device_id``",
        s429="``…/rate-limited``: too many tries from this address",
    ),
)
def redeem_enrolment(
    body: EnrolmentRedeem,
    request: Request,
    session: WriteSessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> CredentialIssued:
    """Exchange a one-time enrolment code for the machine's credential (shown once)."""
    now = clock()
    ip = client_ip(request)
    wait = request.app.state.enrol_limiter.check("enrol:" + (ip or "?"), now)
    if wait is not None:
        raise ProblemError(
            429,
            "rate-limited",
            "Too many enrolment tries; wait a moment.",
            headers={"Retry-After": str(max(1, int(wait) + 1))},
        )
    issued = credentials.redeem(
        session, settings, code=body.code, device_id=body.device_id, now=now, client_ip=ip
    )
    session.commit()
    return CredentialIssued.model_validate(
        {
            "token": issued.token,
            "kind": issued.kind,
            "window_code": issued.window_code,
            "label": issued.label,
            "expires_at": issued.expires_at.astimezone(CENTER_TZ),
        }
    )
