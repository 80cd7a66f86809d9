"""POST /auth/login, /auth/password and /auth/logout."""

from __future__ import annotations

import re
from datetime import datetime

from fastapi import APIRouter, Request
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from records_service import audit, signin
from records_service.access_schemas import PasswordChange
from records_service.credentials import DESK_ROLES, live_desk_devices, live_desk_tokens
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    SettingsDep,
    WriteSessionDep,
    client_ip,
    password_expired,
)
from records_service.models import Case, CaseDocument, Device, Token, User, Window
from records_service.problems import ProblemError, problem_responses
from records_service.schemas import (
    LoginRequest,
    LoginResponse,
    SequenceHighWater,
    UserPublic,
    WindowPublic,
)
from records_service.security import (
    new_token,
    password_changed,
    password_problem,
    token_hash,
    verify_password,
)
from records_service.settings import Settings

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


def _desk_token(
    session: Session,
    settings: Settings,
    user: User,
    window: Window,
    device_id: str,
    now: datetime,
    desk_has_token: bool | None = None,
) -> tuple[str | None, str]:
    """The desk device token a sign-in at ``window`` from ``device_id`` gets, if any, and
    why (for the audit trail): only a clerk or cashier assigned to that window, only when
    the desk has no live one — or says it holds none (``desk_has_token`` False: its
    keyring lost it), then the desk's live ones are revoked and a new one is issued
    ("re-issued", audited) — and only below the window's cap of desks (the desk itself
    not counted)."""
    if not (set(user.roles) & DESK_ROLES and user.window_code == window.code):
        return None, "not a clerk or cashier of this window"
    device = session.get(Device, device_id)
    if device is not None and device.revoked:
        raise ProblemError(403, "device-revoked", "This device has been revoked.")
    if device is None:
        device = Device(device_id=device_id, window_code=window.code, registered_at=now)
        session.add(device)
    elif device.window_code != window.code:
        # The PC moved to another window: what it held for the old one ends.
        session.execute(
            update(Token)
            .where(Token.kind == "device", Token.device_id == device_id)
            .values(revoked=True)
        )
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
    live = live_desk_tokens(session, window.code, now, device_id=device_id)
    if live and desk_has_token is not False:
        return None, "the desk has one"
    others = live_desk_devices(session, window.code, now) - {device_id}
    if len(others) >= settings.devices_per_window:
        return None, "the window has as many desks as it may"
    why = "issued"
    if live:
        # The desk lost its token (a wiped keyring, an older version that kept it in
        # memory): the one the service still knows ends as the new one is issued.
        session.execute(
            update(Token)
            .where(Token.kind == "device", Token.device_id == device_id, Token.revoked.is_(False))
            .values(revoked=True)
        )
        why = "re-issued"
        audit.record(
            session,
            at=now,
            action="device.reissue",
            result="ok",
            actor=user.username,
            device_id=device_id,
            target=window.code,
            detail={"reason": why, "revoked": len(live)},
        )
    token = new_token()
    session.add(
        Token(
            token_hash=token_hash(token),
            kind="device",
            user_id=user.id,
            device_id=device_id,
            window_code=window.code,
            issued_at=now,
            expires_at=now + settings.device_token_ttl,
        )
    )
    return token, why


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
        s429="``…/too-many-attempts``: too many failed sign-ins for this user name from this "
        "address, or from this address, or a try too soon after failures (``Retry-After``)",
    ),
)
def login(
    body: LoginRequest,
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> LoginResponse:
    """Sign a user in at a window. A clerk or cashier of that window signing in at a desk
    that has no device token (``has_device_token: false``, or none live on the service)
    also gets one, the desk's old ones revoked; nobody else ever does."""
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
    # The attempt is counted before argon2 runs (signin.py), and argon2 runs outside any
    # write transaction: it is slow on purpose, and on SQLite a writer holds the one lock.
    attempt = signin.admit(db, settings, body.username, ip, now)
    with db.read() as reader:
        found = reader.scalars(select(User).where(User.username == body.username)).first()
        user_id = found.id if found is not None and found.active else None
        password_hash = found.password_hash if found is not None else None
    ok = verify_password(password_hash, body.password)
    with db.write_sessions() as session:
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
        signin.succeeded(session, attempt)
        session.commit()
        return _signed_in(session, settings, body, user, now, ip)


def _signed_in(
    session: Session,
    settings: Settings,
    body: LoginRequest,
    user: User,
    now: datetime,
    ip: str | None,
) -> LoginResponse:
    """The rest of a sign-in whose password matched (in a write session)."""
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
    if roles & DESK_ROLES and not roles.intersection({"lead", "admin"}):
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
    why = "no desk"
    if body.device_id and window is not None:
        device_token, why = _desk_token(
            session, settings, user, window, body.device_id, now, body.has_device_token
        )

    # The sign-in names the desk only where the desk is registered (a clerk's or cashier's
    # own window): a lead's or an auditor's PC is no desk.
    desk_id = body.device_id if window is not None and body.device_id else None
    if desk_id is not None and session.get(Device, desk_id) is None:
        desk_id = None
    access_token = new_token()
    expires_at = now + settings.access_token_ttl
    session.add(
        Token(
            token_hash=token_hash(access_token),
            kind="user",
            user_id=user.id,
            device_id=desk_id,
            window_code=window.code if window else None,
            issued_at=now,
            expires_at=expires_at,
        )
    )
    high_water = sequence_high_water(
        session, window.code if window else None, now.astimezone(CENTER_TZ).year
    )
    change = bool(user.must_change_password) or password_expired(user, settings, now)
    audit.record(
        session,
        at=now,
        action="login",
        result="ok",
        actor=user.username,
        device_id=body.device_id,
        target=window.code if window else None,
        client_ip=ip,
        detail={"device_token_issued": device_token is not None, "device_token": why},
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
        password_change_required=change,
    )


@router.post(
    "/password",
    status_code=204,
    operation_id="change_password",
    responses={
        204: {"description": "changed; the user's other sign-ins are ended"},
        **problem_responses(
            400,
            401,
            403,
            413,
            422,
            429,
            s400="the body is not JSON",
            s403="``…/wrong-password``: the current password is wrong; not a person's sign-in",
            s422="``…/weak-password``: the new password breaks a rule (the detail says which)",
            s429="``…/too-many-attempts``: too many wrong current passwords",
        ),
    },
)
def change_password(
    body: PasswordChange,
    principal: CurrentPrincipal,
    request: Request,
    db: DatabaseDep,
    clock: ClockDep,
) -> None:
    """Change the signed-in user's own password (required after ``create-user``, a reset
    or expiry before anything else): the current one, then a new one that passes the
    rules (length, not the user name, a zxcvbn strength score)."""
    now = clock()
    ip = client_ip(request)
    username = principal.username or ""
    attempt = signin.admit(db, request.app.state.settings, username, ip, now)
    with db.read() as reader:
        stored = reader.scalar(select(User.password_hash).where(User.username == username))
    if not verify_password(stored, body.current_password):
        with db.write() as session:
            audit.record(
                session,
                at=now,
                action="password.change",
                result="denied",
                actor=username,
                client_ip=ip,
            )
        raise ProblemError(403, "wrong-password", "The current password is wrong.")
    weak = password_problem(username, body.new_password)
    if weak is None and body.new_password == body.current_password:
        weak = "the new password must differ from the current one"
    with db.write_sessions() as session:
        signin.succeeded(session, attempt)
        if weak is not None:
            session.commit()
            raise ProblemError(
                422,
                "weak-password",
                f"Choose another password: {weak}.",
                errors=[{"field": "new_password", "message": weak}],
            )
        user = session.scalars(select(User).where(User.username == username)).one()
        password_changed(user, body.new_password, now)
        session.execute(
            update(Token)
            .where(Token.user_id == user.id, Token.kind == "user", Token.id != principal.token_id)
            .values(revoked=True)
        )
        audit.record(
            session, at=now, action="password.change", result="ok", actor=username, client_ip=ip
        )
        session.commit()


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
