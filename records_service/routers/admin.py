"""GET /users, POST /users/{username}/unlock and GET /audit."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy import select

from records_service import audit, audit_chain, reach, signin
from records_service.case_views import iso
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    SessionDep,
    SettingsDep,
    WriteSessionDep,
    client_ip,
)
from records_service.models import AuditRecord, User
from records_service.problems import ProblemError, problem_responses
from records_service.schemas import AuditPage, Timestamp, Users

router = APIRouter(tags=["admin"])

from records_service.signin import UNLOCK_ACTION  # noqa: E402 - kept importable from here


@router.post(
    "/users/{username}/unlock",
    status_code=204,
    operation_id="unlock_user",
    responses={
        204: {"description": "unlocked: the user's failed sign-ins no longer count"},
        **problem_responses(
            401,
            403,
            404,
            422,
            s403="not an admin or a shift lead",
            s404="no such user, or one outside the caller's reach (the same answer)",
        ),
    },
)
def unlock_user(
    username: Annotated[str, Path(max_length=64)],
    principal: CurrentPrincipal,
    request: Request,
    session: WriteSessionDep,
    clock: ClockDep,
) -> None:
    """Forget a user's failed sign-ins: leads of the user's department, admins."""
    user = session.scalars(
        select(User).where(User.username == username, reach.user_reach(session, principal))
    ).first()
    if user is None:
        raise reach.not_found(f"user {username}")
    audit.record(
        session,
        at=clock(),
        action=UNLOCK_ACTION,
        result="ok",
        actor=principal.actor,
        target=username,
        client_ip=client_ip(request),
    )
    session.commit()


@router.get(
    "/users",
    operation_id="list_users",
    response_model=Users,
    responses=problem_responses(401, 403, 422, s403="not a shift lead or an admin"),
)
def list_users(
    principal: CurrentPrincipal,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> Users:
    """The users a lead looks after (their department; admins: everyone), with whether each
    is locked out by failed sign-ins now: ``{items}``."""
    query = select(User).where(reach.user_reach(session, principal)).order_by(User.username)
    users = session.scalars(query).all()
    names = [u.username for u in users]
    failed = signin.failures_by_user(session, settings, names, clock())
    return Users.model_validate(
        {
            "items": [
                {
                    "username": u.username,
                    "display_name": u.display_name,
                    "roles": list(u.roles),
                    "department_code": u.department_code,
                    "window_code": u.window_code,
                    "active": u.active,
                    "failed_sign_ins": failed.get(u.username, (0, False))[0],
                    "locked": failed.get(u.username, (0, False))[1],
                }
                for u in users
            ]
        }
    )


def audit_public(row: AuditRecord) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": iso(row.at),
        "actor": row.actor,
        "device_id": row.device_id,
        "action": row.action,
        "target": row.target,
        "client_ip": row.client_ip,
        "result": row.result,
        "detail": row.detail,
        "chained": row.hash is not None,
    }


@router.get(
    "/audit",
    operation_id="list_audit",
    response_model=AuditPage,
    responses=problem_responses(401, 403, 422, s403="not an auditor or an admin"),
)
def list_audit(
    principal: CurrentPrincipal,
    database: DatabaseDep,
    session: SessionDep,
    from_: Annotated[Timestamp | None, Query(alias="from")] = None,
    to: Annotated[Timestamp | None, Query()] = None,
    actor: Annotated[str | None, Query(max_length=64)] = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    cursor: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> AuditPage:
    """Audit records, newest first: ``{items, next}``; auditors and admins only.

    PostgreSQL chains its records after commit (``audit_chain``): the records committed
    before this request are chained first (waiting for a chainer at work), so ``chained``
    is false only for one whose transaction committed while this page was read.
    """
    if not principal.has_role("auditor", "admin"):
        raise ProblemError(403, "forbidden", "Only auditors and admins read the audit trail.")
    audit_chain.chain_pending(database, wait=True)
    query = select(AuditRecord)
    if from_ is not None:
        query = query.where(AuditRecord.at >= from_)
    if to is not None:
        query = query.where(AuditRecord.at < to)
    if actor:
        query = query.where(AuditRecord.actor == actor)
    if action:
        query = query.where(AuditRecord.action == action)
    if cursor:
        query = query.where(AuditRecord.id < cursor)
    rows = session.scalars(query.order_by(AuditRecord.id.desc()).limit(limit + 1)).all()
    more = len(rows) > limit
    return AuditPage.model_validate(
        {
            "items": [audit_public(r) for r in rows[:limit]],
            "next": rows[limit - 1].id if more else None,
        }
    )
