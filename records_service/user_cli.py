"""User and device commands of ``clerk-records``: ``disable-user``, ``enable-user``,
``devices``; and how every command reads a new password (never from the command line).
``admin_cli.add_commands`` registers them."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import Any

from records_service.cli_common import actor, fail, settings_from


def _set_active(args: argparse.Namespace, active: bool) -> int:
    from sqlalchemy import select

    from records_service import audit
    from records_service.db import Database
    from records_service.models import User
    from records_service.security import end_credentials_of

    now = datetime.now(UTC)
    db = Database(settings_from(args).database_url)
    try:
        with db.write() as session:
            user = session.scalars(select(User).where(User.username == args.username)).first()
            if user is None:
                return fail(f"no user {args.username}")
            user.active = active
            ended: dict[str, int] = {}
            if not active:
                # Every token issued to them: their sign-ins, and the device tokens of the
                # desks they signed in at (a desk gets a new one at its next online sign-in).
                ended = end_credentials_of(session, user.id)
            audit.record(
                session,
                at=now,
                action="user.disable" if not active else "user.enable",
                result="ok",
                actor=actor(),
                target=args.username,
                detail=(
                    {
                        "tokens_revoked": ended.get("user", 0),
                        "device_tokens_revoked": ended.get("device", 0),
                    }
                    if not active
                    else None
                ),
            )
    finally:
        db.dispose()
    if active:
        print(f"user {args.username} enabled")
    else:
        print(
            f"user {args.username} disabled; {ended.get('user', 0)} sign-in token(s) and "
            f"{ended.get('device', 0)} device token(s) revoked"
        )
    return 0


def cmd_disable_user(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def cmd_enable_user(args: argparse.Namespace) -> int:
    return _set_active(args, True)


def device_rows(session: Any, now: datetime) -> list[dict[str, Any]]:
    """Every device credential: the device, its window and center, when it was registered
    and last seen, whether it is revoked, and its live device tokens with their users."""
    from sqlalchemy import select

    from records_service.models import Device, Token, User

    rows = []
    for device in session.scalars(select(Device).order_by(Device.window_code, Device.device_id)):
        tokens = session.execute(
            select(Token.issued_at, Token.expires_at, User.username)
            .outerjoin(User, User.id == Token.user_id)
            .where(
                Token.kind == "device",
                Token.device_id == device.device_id,
                Token.revoked.is_(False),
                Token.expires_at > now,
            )
            .order_by(Token.issued_at)
        ).all()
        rows.append(
            {
                "device_id": device.device_id,
                "window": device.window_code,
                "center": device.center_code,
                "registered_at": device.registered_at.isoformat(),
                "last_seen_at": device.last_seen_at.isoformat() if device.last_seen_at else None,
                "revoked": bool(device.revoked),
                "live_tokens": [
                    {
                        "issued_to": t.username,
                        "issued_at": t.issued_at.isoformat(),
                        "expires_at": t.expires_at.isoformat(),
                    }
                    for t in tokens
                ],
            }
        )
    return rows


def cmd_devices(args: argparse.Namespace) -> int:
    from records_service.db import Database

    db = Database(settings_from(args).database_url)
    try:
        with db.read() as session:
            rows = device_rows(session, datetime.now(UTC))
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{'device':<38} {'window':<8} {'state':<8} {'tokens':>6}  issued to / last seen")
    for row in rows:
        state = "revoked" if row["revoked"] else "active"
        users = ",".join(sorted({t["issued_to"] or "?" for t in row["live_tokens"]})) or "-"
        print(
            f"{row['device_id']:<38} {row['window']:<8} {state:<8} "
            f"{len(row['live_tokens']):>6}  {users} / {row['last_seen_at'] or 'never'}"
        )
    print(f"{len(rows)} device(s)")
    return 0


def add_commands(sub: Any) -> None:
    """Register ``disable-user``, ``enable-user`` and ``devices``."""
    p = sub.add_parser(
        "disable-user", help="refuse a user's sign-ins and end their tokens and device tokens"
    )
    p.add_argument("username")
    p.set_defaults(func=cmd_disable_user)

    p = sub.add_parser("enable-user", help="let a disabled user sign in again")
    p.add_argument("username")
    p.set_defaults(func=cmd_enable_user)

    p = sub.add_parser("devices", help="list the device credentials of every window")
    p.add_argument("--json", action="store_true", help="as JSON")
    p.set_defaults(func=cmd_devices)
