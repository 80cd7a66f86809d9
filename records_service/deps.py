"""Annotated FastAPI dependencies (full-stack template style)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.orm import Session

from records_service import reach
from records_service.db import Database
from records_service.models import WRITER_CENTER, Device, Token, User, Window
from records_service.problems import ProblemError
from records_service.security import token_hash
from records_service.settings import Settings

# The getters below are coroutines although they never wait: FastAPI runs a plain ``def``
# dependency in its thread pool, one thread hop each per request.


async def get_database(request: Request) -> Database:
    return request.app.state.database


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_clock(request: Request) -> Callable[[], datetime]:
    return request.app.state.clock


def read_session(db: Annotated[Database, Depends(get_database)]) -> Iterator[Session]:
    with db.read() as session:
        yield session


def read_off_primary_session(
    db: Annotated[Database, Depends(get_database)],
    clock: Annotated[Callable[[], datetime], Depends(get_clock)],
) -> Iterator[Session]:
    """A read session on the read replica (``CLERK_READ_DATABASE_URL``) when there is one
    and it answers, else on the primary; ``read_replica.staleness(session)`` gives the
    answer's ``as_of`` (and ``behind_seconds``)."""
    with db.read_off_primary(clock()) as session:
        yield session


def write_session(db: Annotated[Database, Depends(get_database)]) -> Iterator[Session]:
    """A session whose transaction starts as a writer (``BEGIN IMMEDIATE`` on SQLite).

    Routes commit it themselves; anything left uncommitted is rolled back.
    """
    with db.write_sessions() as session:
        yield session


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ClockDep = Annotated[Callable[[], datetime], Depends(get_clock)]
SessionDep = Annotated[Session, Depends(read_session)]
WriteSessionDep = Annotated[Session, Depends(write_session)]
#: The board, the progress query, the workload dashboard and the change feed (issue 20).
ReadSessionDep = Annotated[Session, Depends(read_off_primary_session)]


@dataclass(frozen=True)
class Principal:
    """Who is calling: a signed-in user, or an enrolled machine (see ``reach``)."""

    kind: str  # "user" | "device" (a desk) | "display" | "kiosk" | "integration"
    token_id: int
    username: str | None
    roles: frozenset[str]
    window_code: str | None
    department_code: str | None
    device_id: str | None
    display_name: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    center_code: str | None = None
    must_change_password: bool = False
    label: str | None = None

    @property
    def actor(self) -> str:
        if self.username:
            return self.username
        if self.kind in ("device", "user"):
            return f"device:{self.device_id}"
        return f"{self.kind}:{self.label or self.token_id}"[:64]

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def _unauthorized(detail: str) -> ProblemError:
    return ProblemError(
        401, "unauthorized", detail, headers={"WWW-Authenticate": 'Bearer realm="clerk-records"'}
    )


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or len(token) > 512:
        raise _unauthorized("Sign in first: a bearer token is required.")
    return token.strip()


#: A token's last use is written at most this often (not on every request).
TOUCH_EVERY = timedelta(seconds=60)


def _touch(request: Request, row: Token, now: datetime) -> None:
    """Remember when a user token was last used (idle expiry), at most once a minute."""
    settings: Settings = request.app.state.settings
    last = row.last_used_at or row.issued_at
    if settings.idle_minutes > 0 and now - last > timedelta(minutes=settings.idle_minutes):
        raise _unauthorized(
            f"Signed out after {settings.idle_minutes} minutes without use; sign in again."
        )
    if now - last >= TOUCH_EVERY:
        db: Database = request.app.state.database
        with db.write() as write:
            write.execute(
                update(Token)
                .where(Token.id == row.id)
                .where(or_(Token.last_used_at.is_(None), Token.last_used_at < now))
                .values(last_used_at=now)
            )


#: The OpenAPI security scheme of every signed-in route (the check itself is
#: :func:`bearer_token`, which answers 401 as a problem document).
bearer_scheme = HTTPBearer(
    scheme_name="bearer",
    description="A user token from ``POST /auth/login`` or a window's device token.",
    auto_error=False,
)


#: The token check's query, built once (its user comes along: ``Token.user`` is joined).
_TOKEN_QUERY = select(Token).where(Token.token_hash == bindparam("digest"))


def current_principal(
    request: Request,
    db: DatabaseDep,
    clock: ClockDep,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
) -> Principal:
    token = bearer_token(request)
    # The check's own read session, closed before the route runs: its connection goes back
    # to the pool before the route takes a writer's (or waits on a long-poll); otherwise
    # every writing request holds two connections, and twenty windows pressing Next at once
    # wait on each other for the pool. (Not ``SessionDep``: a generator dependency costs
    # two thread hops per request, and the principal holds plain values only.)
    with db.read() as session:
        row = session.scalars(_TOKEN_QUERY, {"digest": token_hash(token)}).first()
        now = clock()
        if row is None or row.revoked or row.expires_at <= now:
            raise _unauthorized("The token is unknown, expired or revoked.")
        if row.kind == "user":
            _touch(request, row, now)
        principal = _principal(session, row, request.app.state.settings, now)
    request.state.principal = principal
    route = request.scope.get("route")
    reach.require_route(principal, getattr(route, "operation_id", None))
    return principal


def password_expired(user: User, settings: Settings, now: datetime) -> bool:
    """Whether ``user``'s password is older than ``password_expiry_days`` (0: never)."""
    if settings.password_expiry_days <= 0:
        return False
    changed = user.password_changed_at or user.created_at
    return changed is not None and now - changed > timedelta(days=settings.password_expiry_days)


def _principal(session: Session, row: Token, settings: Settings, now: datetime) -> Principal:
    if row.kind in ("display", "kiosk", "integration"):
        center = None
        if row.window_code:
            win = session.get(Window, row.window_code)
            center = win.center_code if win else None
        return Principal(
            kind=row.kind,
            token_id=row.id,
            username=None,
            roles=frozenset({row.kind}),
            window_code=row.window_code,
            department_code=None,
            device_id=None,
            center_code=center or session.info.get(WRITER_CENTER),
            label=row.label,
        )
    if row.kind == "device":
        device = session.get(Device, row.device_id) if row.device_id else None
        if device is None or device.revoked:
            raise _unauthorized("This device has been revoked.")
        window = row.window_code
        department = center = None
        if window:
            win = session.get(Window, window)
            department = win.department_code if win else None
            center = win.center_code if win else None
        return Principal(
            kind="device",
            token_id=row.id,
            username=None,
            roles=frozenset({"device"}),
            window_code=window,
            department_code=department,
            device_id=row.device_id,
            center_code=center,
            label=row.label,
        )
    user: User | None = row.user
    if user is None or not user.active:
        raise _unauthorized("The account is disabled.")
    return Principal(
        kind="user",
        token_id=row.id,
        username=user.username,
        roles=frozenset(user.roles),
        window_code=row.window_code,
        department_code=user.department_code,
        device_id=row.device_id,
        display_name=user.display_name,
        center_code=user.center_code,
        must_change_password=bool(user.must_change_password)
        or password_expired(user, settings, now),
    )


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None
