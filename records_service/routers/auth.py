"""POST /auth/login and /auth/logout."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi import APIRouter, Request
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from records_service import audit
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    SettingsDep,
    WriteSessionDep,
    client_ip,
)
from records_service.models import AuditRecord, Case, CaseDocument, Device, Token, User, Window
from records_service.problems import ProblemError, problem_responses
from records_service.routers.admin import UNLOCK_ACTION
from records_service.schemas import (
    LoginRequest,
    LoginResponse,
    SequenceHighWater,
    UserPublic,
    WindowPublic,
)
from records_service.security import new_token, token_hash, verify_password

router = APIRouter(prefix="/auth", tags=["auth"])


def version_tuple(text: str) -> tuple[int, ...]:
    """``"1.2.3rc1"`` → ``(1, 2, 3, 0)``; anything unreadable counts as 0; always four
    numbers, so that ``"2.0"`` and ``"2.0.0"`` are the same version."""
    parts = []
    for piece in text.split(".")[:4]:
        match = re.match(r"[0-9]+", piece.strip())
        parts.append(int(match.group()) if match else 0)
    return tuple(parts + [0] * (4 - len(parts)))


def sequence_high_water(session: Session, window_code: str | None, year: int) -> SequenceHighWater:
    """The highest numbers the service has seen from ``window_code``: case sequence, and
    document sequence of ``year`` (document numbers restart every year)."""
    if not window_code:
        return SequenceHighWater(case=0, document=0)
    case_seq = session.scalar(select(func.max(Case.seq)).where(Case.window_code == window_code))
    document_seq = session.scalar(
        select(func.max(CaseDocument.seq)).where(
            CaseDocument.window_code == window_code, CaseDocument.year == year
        )
    )
    return SequenceHighWater(case=case_seq or 0, document=document_seq or 0)


@router.post(
    "/login",
    operation_id="login",
    response_model=LoginResponse,
    responses=problem_responses(
        400,
        401,
        403,
        409,
        413,
        422,
        426,
        429,
        s400="the body is not JSON",
        s401="wrong username or password (or a disabled account)",
        s403="``…/wrong-window``: the clerk is not assigned to this window; ``…/device-revoked``",
        s409="``…/in-flight``: the same new device is signing in already (retry)",
        s422="invalid fields, an unknown window, or a clerk without a window",
        s426="``…/client-too-old``: ``min_client_version`` says which version is needed",
        s429="``…/too-many-attempts``: too many failed sign-ins for this user name",
    ),
)
def login(
    body: LoginRequest,
    request: Request,
    session: WriteSessionDep,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> LoginResponse:
    """Sign a user in at a window; a new device at a window also gets its device token."""
    now = clock()
    ip = client_ip(request)
    if body.client_version and version_tuple(body.client_version) < version_tuple(
        settings.min_client_version
    ):
        raise ProblemError(
            426,
            "client-too-old",
            f"This client is older than {settings.min_client_version}; please upgrade it.",
            extra={"min_client_version": settings.min_client_version},
        )

    # Read and verify outside the write transaction: argon2 is slow on purpose, and on
    # SQLite a write transaction holds the one writer lock.
    since = now - timedelta(minutes=settings.login_lock_minutes)
    with db.read() as reader:
        unlocked_at = reader.scalar(
            select(func.max(AuditRecord.at)).where(
                AuditRecord.action == UNLOCK_ACTION, AuditRecord.target == body.username
            )
        )
        if unlocked_at is not None and unlocked_at > since:
            since = unlocked_at
        failures = reader.scalar(
            select(func.count(AuditRecord.id)).where(
                AuditRecord.action == "login",
                AuditRecord.result == "denied",
                AuditRecord.actor == body.username,
                AuditRecord.at >= since,
            )
        )
        found = reader.scalars(select(User).where(User.username == body.username)).first()
        user_id = found.id if found is not None and found.active else None
        password_hash = found.password_hash if found is not None else None
    if (failures or 0) >= settings.login_max_failures:
        raise ProblemError(
            429,
            "too-many-attempts",
            "Too many failed sign-ins; try again later or ask a lead to unlock the account.",
            headers={"Retry-After": str(settings.login_lock_minutes * 60)},
        )
    ok = verify_password(password_hash, body.password)
    user = session.get(User, user_id) if ok and user_id is not None else None
    if user is None:
        audit.record(
            session,
            at=now,
            action="login",
            result="denied",
            actor=body.username,
            device_id=body.device_id,
            target=body.window_code,
            client_ip=ip,
        )
        session.commit()
        raise ProblemError(401, "unauthorized", "Wrong username or password.")

    roles = set(user.roles)
    window: Window | None = None
    if body.window_code:
        window = session.get(Window, body.window_code)
        if window is None:
            raise ProblemError(
                422,
                "validation",
                "Unknown window.",
                errors=[{"field": "window_code", "message": "unknown window"}],
            )
    if "clerk" in roles and not roles.intersection({"lead", "admin"}):
        if window is None:
            raise ProblemError(
                422,
                "validation",
                "A clerk signs in at a window.",
                errors=[{"field": "window_code", "message": "field required"}],
            )
        if user.window_code != window.code:
            audit.record(
                session,
                at=now,
                action="login",
                result="forbidden",
                actor=user.username,
                device_id=body.device_id,
                target=window.code,
                client_ip=ip,
            )
            session.commit()
            raise ProblemError(
                403, "wrong-window", f"{user.username} is not assigned to window {window.code}."
            )

    device_token: str | None = None
    if body.device_id and window is not None:
        device = session.get(Device, body.device_id)
        if device is not None and device.revoked:
            raise ProblemError(403, "device-revoked", "This device has been revoked.")
        if device is None:
            device = Device(device_id=body.device_id, window_code=window.code, registered_at=now)
            session.add(device)
        device.window_code = window.code
        device.last_seen_at = now
        try:
            session.flush()
        except IntegrityError:  # the same new device signing in twice at once
            session.rollback()
            raise ProblemError(
                409,
                "in-flight",
                "This device is signing in already; retry.",
                headers={"Retry-After": "1"},
            ) from None
        has_token = session.scalar(
            select(func.count(Token.id)).where(
                Token.kind == "device",
                Token.device_id == device.device_id,
                Token.window_code == window.code,
                Token.revoked.is_(False),
                Token.expires_at > now,
            )
        )
        if not has_token:
            device_token = new_token()
            session.add(
                Token(
                    token_hash=token_hash(device_token),
                    kind="device",
                    user_id=user.id,
                    device_id=device.device_id,
                    window_code=window.code,
                    issued_at=now,
                    expires_at=now + settings.device_token_ttl,
                )
            )

    access_token = new_token()
    expires_at = now + settings.access_token_ttl
    session.add(
        Token(
            token_hash=token_hash(access_token),
            kind="user",
            user_id=user.id,
            device_id=body.device_id if window is not None else None,
            window_code=window.code if window else None,
            issued_at=now,
            expires_at=expires_at,
        )
    )
    high_water = sequence_high_water(
        session, window.code if window else None, now.astimezone(CENTER_TZ).year
    )
    audit.record(
        session,
        at=now,
        action="login",
        result="ok",
        actor=user.username,
        device_id=body.device_id,
        target=window.code if window else None,
        client_ip=ip,
        detail={"device_token_issued": device_token is not None},
    )
    session.commit()
    return LoginResponse(
        access_token=access_token,
        expires_at=expires_at.astimezone(CENTER_TZ),
        user=UserPublic(username=user.username, display_name=user.display_name, roles=user.roles),
        window=(
            WindowPublic(code=window.code, name=window.name, department=window.department.name)
            if window
            else None
        ),
        device_token=device_token,
        sequence_high_water=high_water,
    )


@router.post(
    "/logout",
    status_code=204,
    operation_id="logout",
    responses={
        204: {"description": "the token used for this request no longer works"},
        **problem_responses(401, 422),
    },
)
def logout(
    principal: CurrentPrincipal, request: Request, session: WriteSessionDep, clock: ClockDep
) -> None:
    """End the token used for this request."""
    token = session.get(Token, principal.token_id)
    if token is not None:
        token.revoked = True
    audit.record(
        session,
        at=clock(),
        action="logout",
        result="ok",
        actor=principal.actor,
        device_id=principal.device_id,
        client_ip=client_ip(request),
    )
    session.commit()
