"""What the service's command-line modules share: settings with ``--database-url``, an
error line, the actor the audit trail names, a new password read safely."""

from __future__ import annotations

import argparse
import getpass
import sys

from records_service.settings import Settings


def settings_from(args: argparse.Namespace) -> Settings:
    """The service settings, with the command's ``--database-url`` when it has one."""
    settings = Settings.load()
    if getattr(args, "database_url", None):
        settings = settings.replace(database_url=args.database_url)
    return settings


def fail(message: str, code: int = 1) -> int:
    """Print ``message`` to standard error; return the exit code."""
    print(message, file=sys.stderr)
    return code


def actor() -> str:
    """Who runs the command, as the audit trail names them: ``cli:<login name>``."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # pragma: no cover - no user name in a container
        return "cli"


def read_new_password() -> str | None:
    """A new password: asked twice at a terminal (None when the two differ), else the first
    line of standard input (``printf '%s\\n' "$PW" | clerk-records create-user ...``).
    Never an argument: the command line is visible to every user of the machine."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("New password: ")
        second = getpass.getpass("Again: ")
        return first if first == second else None
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")
