"""``clerk-records enrol``: a one-time enrolment code for a desk, a hall or window screen,
a kiosk or an integration (the same as an admin's ``POST /enrolments``)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from records_service.settings import Settings


def cmd_enrol(args: argparse.Namespace) -> int:
    from clerk_app.core.clock import CENTER_TZ
    from records_service import credentials
    from records_service.cli_common import actor
    from records_service.db import Database
    from records_service.problems import ProblemError

    settings = Settings.load()
    if getattr(args, "database_url", None):
        settings = settings.replace(database_url=args.database_url)
    db = Database(settings.database_url, settings.center_code)
    try:
        with db.write() as session:
            issued = credentials.create_enrolment(
                session,
                settings,
                kind=args.kind,
                window_code=args.window,
                label=args.label,
                created_by=actor(),
                now=datetime.now(UTC),
            )
    except ProblemError as exc:
        print(exc.detail, file=sys.stderr)
        return 2
    finally:
        db.dispose()
    expires = issued.enrolment.expires_at.astimezone(CENTER_TZ).strftime("%Y-%m-%d %H:%M")
    print(issued.code)
    print(
        f"{args.kind} {args.window or ''} {args.label!r}: one use, until {expires}", file=sys.stderr
    )
    return 0


def add_commands(sub: Any) -> None:
    """Register ``enrol``."""
    p = sub.add_parser(
        "enrol", help="print a one-time enrolment code for a desk, screen, kiosk or integration"
    )
    p.add_argument("--kind", required=True, choices=sorted(credentials_kinds()))
    p.add_argument("--window", help="the window (a desk's; a window's own screen)")
    p.add_argument("--label", required=True, help="what the machine is, e.g. 大厅一号屏")
    p.set_defaults(func=cmd_enrol)


def credentials_kinds() -> tuple[str, ...]:
    return ("desk", "display", "kiosk", "integration")
