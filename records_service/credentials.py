"""Machine credentials: desk device tokens, display, kiosk and integration credentials,
and the one-time enrolment codes that hand them out (issue 14).

An enrolment code (``AAAA-BBBB-CCCC``, 60 bits) is made by ``clerk-records enrol`` or an
admin's ``POST /enrolments``; only its SHA-256 is kept. The machine redeems it once, before
it expires, at ``POST /enrolments/redeem`` for its credential. A desk's re-enrolment
revokes the desk's old device token; a window has at most ``devices_per_window`` desks
with a live device token.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from records_service import audit
from records_service.models import Device, Enrolment, Token, Window
from records_service.problems import ProblemError
from records_service.security import new_token, token_hash
from records_service.settings import Settings

#: The roles that may hold a desk's device token (at their own window).
DESK_ROLES = frozenset({"clerk", "cashier"})
#: ``tokens.kind`` by enrolment kind.
TOKEN_KINDS = {
    "desk": "device",
    "display": "display",
    "kiosk": "kiosk",
    "integration": "integration",
}


def live_desk_tokens(
    session: Session, window_code: str, now: datetime, *, device_id: str | None = None
) -> list[Token]:
    """The live device tokens of ``window_code`` (of one desk when ``device_id`` is given)."""
    query = select(Token).where(
        Token.kind == "device",
        Token.window_code == window_code,
        Token.revoked.is_(False),
        Token.expires_at > now,
    )
    if device_id is not None:
        query = query.where(Token.device_id == device_id)
    return list(session.scalars(query))


def live_desk_devices(session: Session, window_code: str, now: datetime) -> set[str]:
    """The desks of ``window_code`` that hold a live device token."""
    return {t.device_id for t in live_desk_tokens(session, window_code, now) if t.device_id}


def new_enrolment_code() -> str:
    """``AAAA-BBBB-CCCC``: 60 random bits in base32 (no 0/1/8/9 to misread)."""
    text = base64.b32encode(secrets.token_bytes(8)).decode("ascii")[:12]
    return "-".join(text[i : i + 4] for i in (0, 4, 8))


@dataclass(frozen=True)
class IssuedCode:
    code: str
    enrolment: Enrolment


def create_enrolment(
    session: Session,
    settings: Settings,
    *,
    kind: str,
    window_code: str | None,
    label: str,
    created_by: str,
    now: datetime,
) -> IssuedCode:
    """Make a one-time code (audited; the caller commits). Raises 422 for a desk without
    a window, a kiosk or integration with one, or an unknown window."""
    if kind not in TOKEN_KINDS:
        raise ProblemError(422, "validation", "Unknown kind.", errors=[_err("kind", "unknown")])
    if kind == "desk" and not window_code:
        raise ProblemError(
            422,
            "validation",
            "A desk belongs to a window.",
            errors=[_err("window_code", "required")],
        )
    if kind in ("kiosk", "integration") and window_code:
        raise ProblemError(
            422,
            "validation",
            f"A {kind} belongs to no window.",
            errors=[_err("window_code", "must be empty for this kind")],
        )
    if window_code and session.get(Window, window_code) is None:
        raise ProblemError(
            422, "validation", "Unknown window.", errors=[_err("window_code", "unknown window")]
        )
    code = new_enrolment_code()
    enrolment = Enrolment(
        code_hash=token_hash(code),
        kind=kind,
        window_code=window_code,
        label=label,
        created_by=created_by[:64],
        created_at=now,
        expires_at=now + timedelta(minutes=settings.enrolment_minutes),
    )
    session.add(enrolment)
    session.flush()
    audit.record(
        session,
        at=now,
        action="enrolment.create",
        result="ok",
        actor=created_by,
        target=window_code or label,
        detail={"kind": kind, "label": label, "enrolment": enrolment.id},
    )
    return IssuedCode(code, enrolment)


def _err(field: str, message: str) -> dict[str, str]:
    return {"field": field, "message": message}


@dataclass(frozen=True)
class Credential:
    token: str
    kind: str
    window_code: str | None
    label: str
    expires_at: datetime


def redeem(
    session: Session,
    settings: Settings,
    *,
    code: str,
    device_id: str | None,
    now: datetime,
    client_ip: str | None,
) -> Credential:
    """Exchange ``code`` for its credential, once (the caller commits). An unknown, used
    or expired code answers 404 (audited); a desk needs ``device_id`` (422); a window
    already at its cap of desks answers 409 ``…/device-limit``."""
    enrolment = session.scalars(
        select(Enrolment).where(Enrolment.code_hash == token_hash(code)).with_for_update()
    ).first()
    if enrolment is None or enrolment.used_at is not None or enrolment.expires_at <= now:
        audit.record(
            session,
            at=now,
            action="enrolment.redeem",
            result="denied",
            actor=f"device:{device_id}" if device_id else None,
            client_ip=client_ip,
            detail={"known": enrolment is not None},
        )
        session.commit()
        raise ProblemError(404, "not-found", "No such enrolment code (or used, or expired).")
    kind = enrolment.kind
    window = enrolment.window_code
    if kind == "desk":
        if not device_id:
            raise ProblemError(
                422,
                "validation",
                "A desk names its device id.",
                errors=[_err("device_id", "required for a desk")],
            )
        _enrol_desk(session, settings, window or "", device_id, now)
    token = new_token()
    expires_at = now + settings.device_token_ttl
    session.add(
        Token(
            token_hash=token_hash(token),
            kind=TOKEN_KINDS[kind],
            user_id=None,
            device_id=device_id if kind == "desk" else None,
            window_code=window,
            issued_at=now,
            expires_at=expires_at,
            label=enrolment.label,
        )
    )
    enrolment.used_at = now
    enrolment.used_by = (device_id or enrolment.label)[:64]
    audit.record(
        session,
        at=now,
        action="enrolment.redeem",
        result="ok",
        actor=f"{kind}:{enrolment.label}"[:64],
        device_id=device_id,
        target=window,
        client_ip=client_ip,
        detail={"kind": kind, "enrolment": enrolment.id},
    )
    return Credential(token, kind, window, enrolment.label, expires_at)


def _enrol_desk(
    session: Session, settings: Settings, window_code: str, device_id: str, now: datetime
) -> None:
    """Register ``device_id`` at the window and end the desk's old device tokens."""
    device = session.get(Device, device_id)
    if device is None:
        device = Device(device_id=device_id, window_code=window_code, registered_at=now)
        session.add(device)
    device.revoked = False
    device.window_code = window_code
    device.last_seen_at = now
    session.flush()
    others = live_desk_devices(session, window_code, now) - {device_id}
    if len(others) >= settings.devices_per_window:
        raise ProblemError(
            409,
            "device-limit",
            f"Window {window_code} has {len(others)} desks already; revoke one first.",
            title="Too many desks",
        )
    session.execute(
        update(Token)
        .where(Token.kind == "device", Token.device_id == device_id, Token.revoked.is_(False))
        .values(revoked=True)
    )


#: ``tokens.kind`` of the credentials that renew themselves (an integration's is renewed
#: by an admin with a new enrolment code; a person's token by signing in).
RENEWABLE = {"device": "desk", "display": "display", "kiosk": "kiosk"}


def renew(
    session: Session,
    settings: Settings,
    *,
    token_id: int,
    kind: str,
    actor: str,
    now: datetime,
    client_ip: str | None,
) -> Credential:
    """Issue the successor of the live machine credential ``token_id`` (the caller commits;
    audited). ``kind`` is what the machine says it holds.

    The renewed credential is not revoked at once: it stays valid for
    ``renew_grace_minutes`` from its first renewal, so that a machine whose answer was lost
    (it still holds only the old credential) renews again with it. Such a second renewal
    revokes the successor the lost answer carried and issues another one: the old
    credential never has two live successors, and the grace is never extended. After the
    grace the old credential is refused like any expired one.

    Raises:
        ProblemError: 401 when the credential is revoked or expired (or its grace is over),
            or its successor was revoked meanwhile (an admin ended the credential); 403 for
            a kind that does not renew itself; 422 when ``kind`` is not the credential's.
    """
    row = session.scalars(
        select(Token).where(Token.id == token_id).with_for_update(of=Token)
    ).first()
    if row is None or row.revoked or row.expires_at <= now:
        raise _refused()
    shown = RENEWABLE.get(row.kind)
    if shown is None:
        raise ProblemError(403, "forbidden", "This credential does not renew itself.")
    if shown != kind:
        raise ProblemError(
            422,
            "validation",
            "This is not the kind of credential named.",
            errors=[_err("kind", f"this credential is a {shown}")],
        )
    replaced: int | None = None
    if row.successor_id is not None:
        previous = session.scalars(
            select(Token).where(Token.id == row.successor_id).with_for_update(of=Token)
        ).first()
        if previous is None or previous.revoked or previous.successor_id is not None:
            raise _refused()  # ended by an admin, or it renewed itself: the machine has it
        previous.revoked = True
        replaced = previous.id
    else:
        row.expires_at = min(row.expires_at, now + timedelta(minutes=settings.renew_grace_minutes))
    # A successor renewing itself proves the machine got it: its predecessor's grace ends.
    session.execute(
        update(Token)
        .where(Token.successor_id == row.id, Token.revoked.is_(False))
        .values(revoked=True)
    )
    token = new_token()
    expires_at = now + settings.device_token_ttl
    successor = Token(
        token_hash=token_hash(token),
        kind=row.kind,
        user_id=row.user_id,
        device_id=row.device_id,
        window_code=row.window_code,
        issued_at=now,
        expires_at=expires_at,
        label=row.label,
    )
    session.add(successor)
    session.flush()
    row.successor_id = successor.id
    if settings.renew_grace_minutes == 0:
        row.revoked = True
    detail: dict[str, object] = {"kind": shown, "credential": row.id, "successor": successor.id}
    if replaced is not None:
        detail["replaces"] = replaced  # the successor of an answer the machine never got
    audit.record(
        session,
        at=now,
        action="credential.renew",
        result="ok",
        actor=actor,
        device_id=row.device_id,
        target=row.label or row.window_code or str(row.id),
        client_ip=client_ip,
        detail=detail,
    )
    return Credential(token, shown, row.window_code, row.label or "", expires_at)


def revoke_with_predecessors(session: Session, token: Token) -> None:
    """Revoke ``token`` and the renewed credential still in its grace that it succeeded
    (an admin ending a hall screen's credential ends both)."""
    token.revoked = True
    session.execute(
        update(Token)
        .where(Token.successor_id == token.id, Token.revoked.is_(False))
        .values(revoked=True)
    )


def _refused() -> ProblemError:
    return ProblemError(
        401,
        "unauthorized",
        "The credential is unknown, expired or revoked.",
        headers={"WWW-Authenticate": 'Bearer realm="clerk-records"'},
    )
