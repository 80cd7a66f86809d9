"""GET /credentials and POST /credentials/{credential_id}/revoke: the live machine
credentials (desks, screens, kiosks, integrations), for admins; POST /credentials/renew: a
desk, display or kiosk credential exchanges itself for its successor before it expires (the
old one stays valid for a short grace, so a lost answer strands no machine)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from sqlalchemy import select

from clerk_app.core.clock import CENTER_TZ
from records_service import audit, credentials, reach
from records_service.access_schemas import CredentialIssued, CredentialRenew, Credentials
from records_service.credentials import TOKEN_KINDS
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    SessionDep,
    SettingsDep,
    WriteSessionDep,
    client_ip,
)
from records_service.models import Token, User
from records_service.problems import problem_responses

router = APIRouter(prefix="/credentials", tags=["enrolments"])

#: ``tokens.kind`` → the enrolment kind it is shown as.
SHOWN_AS = {v: k for k, v in TOKEN_KINDS.items()}


@router.get(
    "",
    operation_id="list_credentials",
    response_model=Credentials,
    responses=problem_responses(401, 403, 422, s403="not an admin"),
)
def list_credentials(
    principal: CurrentPrincipal, session: SessionDep, clock: ClockDep
) -> Credentials:
    """Every live machine credential, newest first: ``{items}`` (the tokens themselves are
    never kept, so never shown). A renewed credential still in its grace is not listed: it
    ends with its successor."""
    now = clock()
    rows = session.execute(
        select(Token, User.username)
        .outerjoin(User, User.id == Token.user_id)
        .where(
            Token.kind.in_(list(SHOWN_AS)),
            Token.revoked.is_(False),
            Token.expires_at > now,
            Token.successor_id.is_(None),
        )
        .order_by(Token.issued_at.desc(), Token.id.desc())
    ).all()
    return Credentials.model_validate(
        {
            "items": [
                {
                    "id": t.id,
                    "kind": SHOWN_AS[t.kind],
                    "label": t.label,
                    "window_code": t.window_code,
                    "device_id": t.device_id,
                    "issued_to": username,
                    "issued_at": t.issued_at.astimezone(CENTER_TZ),
                    "expires_at": t.expires_at.astimezone(CENTER_TZ),
                    "last_used_at": t.last_used_at.astimezone(CENTER_TZ)
                    if t.last_used_at
                    else None,
                }
                for t, username in rows
            ]
        }
    )


@router.post(
    "/{credential_id}/revoke",
    status_code=204,
    operation_id="revoke_credential",
    responses={
        204: {"description": "revoked: the credential is refused from now on"},
        **problem_responses(401, 403, 404, 422, s403="not an admin"),
    },
)
def revoke_credential(
    credential_id: Annotated[int, Path(ge=1, le=2**62)],
    principal: CurrentPrincipal,
    request: Request,
    session: WriteSessionDep,
    clock: ClockDep,
) -> None:
    """Revoke one machine credential (a stolen hall screen's, a retired kiosk's ...), and
    the credential it renewed if that is still in its grace."""
    token = session.get(Token, credential_id)
    if token is None or token.kind not in SHOWN_AS or token.revoked:
        raise reach.not_found(f"credential {credential_id}")
    credentials.revoke_with_predecessors(session, token)
    audit.record(
        session,
        at=clock(),
        action="credential.revoke",
        result="ok",
        actor=principal.actor,
        device_id=token.device_id,
        target=token.label or token.window_code or str(token.id),
        client_ip=client_ip(request),
        detail={"credential": token.id, "kind": SHOWN_AS[token.kind]},
    )
    session.commit()


@router.post(
    "/renew",
    status_code=201,
    operation_id="renew_credential",
    response_model=CredentialIssued,
    responses=problem_responses(
        400,
        401,
        403,
        413,
        422,
        s400="the body is not JSON",
        s401="the credential is unknown, expired or revoked, its renewal grace is over, or "
        "the successor of its first renewal was revoked or has renewed itself (a hall screen "
        "then needs a new enrolment code)",
        s403="not a desk, display or kiosk credential (a person's token never renews)",
        s422="invalid fields, or ``kind`` is not the kind of this credential",
    ),
)
def renew_credential(
    body: CredentialRenew,
    principal: CurrentPrincipal,
    request: Request,
    session: WriteSessionDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> CredentialIssued:
    """A live machine credential's successor, valid for the device-token lifetime from now
    (shown once). The credential that asked stays valid for ``renew_grace_minutes`` from its
    first renewal, so a machine whose answer was lost renews again with it: that answers a
    fresh successor and revokes the previous one (never two live). Audited
    ``credential.renew``."""
    issued = credentials.renew(
        session,
        settings,
        token_id=principal.token_id,
        kind=body.kind,
        actor=principal.actor,
        now=clock(),
        client_ip=client_ip(request),
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
