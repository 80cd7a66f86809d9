"""Window clients: POST /devices/{device_id}/status, POST /audit/client-events, GET /windows."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from records_service import audit, reach
from records_service.case_views import RawBodyDep, iso
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    Principal,
    SessionDep,
    SettingsDep,
    WriteSessionDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.models import Device, Token, User, Window
from records_service.problems import ProblemError, problem_responses
from records_service.schemas import (
    ClientEvents,
    ClientEventsRecorded,
    DeviceAnswer,
    DeviceStatus,
    Windows,
    public_json,
)

router = APIRouter(tags=["devices"])

ROUTE_CLIENT_EVENTS = "POST /audit/client-events"


def _require_device(principal: Principal, device_id: str | None = None) -> str:
    """The calling device: a device token, or a user token issued to that device."""
    own = principal.device_id
    if own is None or (device_id is not None and device_id != own):
        raise ProblemError(403, "forbidden", "Only the device itself reports this.")
    return own


def _works_here(session: Session, principal: Principal, username: str) -> bool:
    """Whether ``username`` may act at the calling device's window: the signed-in user,
    a clerk of that window, or a lead of its department."""
    if principal.kind == "user":
        return username == principal.username
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None or not user.active:
        return False
    if "clerk" in user.roles and user.window_code == principal.window_code:
        return True
    return "lead" in user.roles and user.department_code == principal.department_code


@router.post(
    "/devices/{device_id}/revoke",
    operation_id="revoke_device",
    response_model=DeviceAnswer,
    responses=problem_responses(401, 403, 404, 422, s403="not an admin"),
)
def revoke_device(
    device_id: Annotated[str, Path(max_length=64)],
    principal: CurrentPrincipal,
    request: Request,
    session: WriteSessionDep,
    clock: ClockDep,
) -> DeviceAnswer:
    """Revoke a window's device and every token issued to it (admins only)."""
    if not principal.has_role("admin"):
        raise ProblemError(403, "forbidden", "Only an admin revokes devices.")
    device = session.get(Device, device_id)
    if device is None:
        raise ProblemError(404, "not-found", f"No device {device_id}.")
    device.revoked = True
    session.execute(update(Token).where(Token.device_id == device_id).values(revoked=True))
    audit.record(
        session,
        at=clock(),
        action="device.revoke",
        result="ok",
        actor=principal.actor,
        device_id=device_id,
        target=device.window_code,
        client_ip=client_ip(request),
    )
    session.commit()
    return DeviceAnswer.model_validate({"device": _device_public(device)})


@router.post(
    "/devices/{device_id}/status",
    status_code=204,
    operation_id="report_device_status",
    responses={
        204: {"description": "recorded"},
        **problem_responses(
            400,
            401,
            403,
            404,
            413,
            422,
            s400="the body is not JSON",
            s403="not this device's own token (or a user token issued to it)",
        ),
    },
)
def report_status(
    device_id: Annotated[str, Path(max_length=64)],
    body: DeviceStatus,
    principal: CurrentPrincipal,
    session: WriteSessionDep,
    clock: ClockDep,
) -> None:
    """The client's report: items waiting, rejected items with reasons, version, clock."""
    _require_device(principal, device_id)
    device = session.get(Device, device_id)
    if device is None:
        raise ProblemError(404, "not-found", f"No device {device_id}.")
    now = clock()
    device.last_report_at = now
    device.last_seen_at = now
    device.client_version = body.client_version
    device.clock_skew_seconds = round((body.clock - now).total_seconds())
    device.last_report = body.model_dump(mode="json")
    session.commit()


@router.post(
    "/audit/client-events",
    status_code=201,
    operation_id="record_client_events",
    response_model=ClientEventsRecorded,
    responses={
        201: {
            "description": "recorded (or the stored answer to a retry)",
            "headers": REPLAY_HEADERS,
        },
        **problem_responses(
            400,
            401,
            403,
            409,
            413,
            422,
            s403="not a window's device (or a user token issued to one)",
            s409="``…/in-flight``: the first request with this key is still being applied",
        ),
    },
)
def record_client_events(
    body: ClientEvents,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Audit records made on the desk, stored once per ``Idempotency-Key`` (per batch)."""
    write = keyed_write(
        db,
        key=idempotency_key,
        record_id=None,
        raw=raw,
        principal=principal,
        now=clock(),
        allowed=principal.device_id is not None,
        refusal="Only the device itself reports this.",
    )
    device_id = _require_device(principal)
    now = write.now
    ip = client_ip(request)

    def apply(session: Session) -> Applied:
        known: dict[str, bool] = {}
        for event in body.events:
            if event.actor not in known:
                known[event.actor] = _works_here(session, principal, event.actor)
            verified = known[event.actor]
            # The trail's time is the service's: a desk's clock may be wrong or set back.
            # The desk's own time is kept beside it (``client_at``).
            audit.record(
                session,
                at=now,
                action=f"client.{event.action}",
                result=event.result,
                # A name the service cannot vouch for is kept, but not as the actor.
                actor=event.actor if verified else principal.actor,
                device_id=device_id,
                target=event.target,
                client_ip=ip,
                detail={
                    "client_event_id": str(event.id),
                    "client_at": iso(event.at),
                    "window_code": principal.window_code,
                    **({} if verified else {"claimed_actor": event.actor}),
                    **({"detail": event.detail} if event.detail else {}),
                },
            )
        return 201, public_json(ClientEventsRecorded, {"recorded": len(body.events)}), {}

    return write.run(ROUTE_CLIENT_EVENTS, apply)


def _device_public(device: Device) -> dict[str, Any]:
    report = device.last_report or {}
    return {
        "device_id": device.device_id,
        "revoked": device.revoked,
        "last_seen_at": iso(device.last_seen_at),
        "last_report_at": iso(device.last_report_at),
        "last_sync_at": report.get("last_sync_at"),
        "waiting": report.get("waiting"),
        "rejected": len(report.get("rejected", [])),
        "rejected_items": list(report.get("rejected", []))[:50],
        "client_version": device.client_version,
        "clock_skew_seconds": device.clock_skew_seconds,
    }


@router.get(
    "/windows",
    operation_id="list_windows",
    response_model=Windows,
    responses=problem_responses(401, 403, 422, s403="not a shift lead or an admin"),
)
def list_windows(
    principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep, clock: ClockDep
) -> Windows:
    """Windows with their clients' last reports: leads see their department, admins all.

    ``as_of`` is the service's time (silence is measured against it) and
    ``min_client_version`` the oldest version still let in."""
    query = select(Window).where(reach.window_scope(session, principal)).order_by(Window.code)
    windows = session.scalars(query).all()
    devices = session.scalars(
        select(Device).where(Device.window_code.in_([w.code for w in windows]))
    ).all()
    items = []
    for window in windows:
        own = [_device_public(d) for d in devices if d.window_code == window.code]
        syncs = [datetime.fromisoformat(d["last_sync_at"]) for d in own if d["last_sync_at"]]
        items.append(
            {
                "code": window.code,
                "name": window.name,
                "department": window.department.name,
                "department_code": window.department_code,
                "last_sync_at": iso(max(syncs)) if syncs else None,
                "waiting": sum(d["waiting"] or 0 for d in own),
                "devices": own,
            }
        )
    return Windows.model_validate(
        {"as_of": iso(clock()), "min_client_version": settings.min_client_version, "items": items}
    )
