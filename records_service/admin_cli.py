"""Admin commands of ``clerk-records``: passwords, windows, calendar, backup; the audit
commands (``audit_cli``) and the user and device commands (``user_cli``) are registered
with them.

``cli.py`` registers them with :func:`add_commands`. Passwords are asked (twice) or read as
one line from standard input, never taken from the command line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from records_service.audit_cli import add_commands as add_audit_commands
from records_service.audit_seal import private_file
from records_service.cli_common import actor, fail, read_new_password, settings_from
from records_service.user_cli import add_commands as add_user_commands


def cmd_reset_password(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from records_service import audit
    from records_service.db import Database
    from records_service.models import User
    from records_service.security import password_problem, password_set_by_someone_else

    password = read_new_password()
    if password is None:
        return fail("the two passwords differ", 2)
    problem = password_problem(args.username, password)
    if problem:
        return fail(problem, 2)
    db = Database(settings_from(args).database_url)
    try:
        with db.write() as session:
            user = session.scalars(select(User).where(User.username == args.username)).first()
            if user is None:
                return fail(f"no user {args.username}")
            # They change it at their next sign-in; every token issued to them ends,
            # the device tokens of the desks they signed in at included.
            ended = password_set_by_someone_else(session, user, password)
            audit.record(
                session,
                at=datetime.now(UTC),
                action="user.reset_password",
                result="ok",
                actor=actor(),
                target=args.username,
                detail={
                    "tokens_revoked": ended.get("user", 0),
                    "device_tokens_revoked": ended.get("device", 0),
                },
            )
    finally:
        db.dispose()
    print(
        f"password of {args.username} reset (to be changed at the next sign-in); "
        f"{ended.get('user', 0)} sign-in token(s) and {ended.get('device', 0)} device "
        "token(s) revoked"
    )
    return 0


def cmd_register_window(args: argparse.Namespace) -> int:
    from records_service import audit
    from records_service.db import Database
    from records_service.models import Department, Window

    db = Database(settings_from(args).database_url)
    try:
        with db.write() as session:
            department = session.get(Department, args.department)
            if department is None:
                if not args.department_name:
                    return fail(f"no department {args.department} (give --department-name)")
                session.add(Department(code=args.department, name=args.department_name))
                session.flush()
            window = session.get(Window, args.code)
            new = window is None
            if window is None:
                window = Window(code=args.code)
                session.add(window)
            window.name = args.name
            window.department_code = args.department
            audit.record(
                session,
                at=datetime.now(UTC),
                action="window.register",
                result="created" if new else "updated",
                actor=actor(),
                target=args.code,
                detail={"name": args.name, "department": args.department},
            )
    finally:
        db.dispose()
    print(f"window {args.code} {'registered' if new else 'updated'}")
    return 0


def cmd_calendar_override(args: argparse.Namespace) -> int:
    from clerk_app.core.calendar import WorkCalendar
    from records_service import audit
    from records_service.db import Database
    from records_service.models import CalendarOverride

    payload = json.loads(Path(args.path).read_text(encoding="utf-8"))
    payload.setdefault("source", f"admin override {date.today().isoformat()}")
    payload.setdefault("provisional", False)
    try:
        WorkCalendar.from_published(payload)
    except (ValueError, TypeError, KeyError) as exc:
        return fail(f"not a calendar year: {exc}", 2)
    db = Database(settings_from(args).database_url)
    try:
        with db.write() as session:
            row = session.get(CalendarOverride, int(payload["year"]))
            if row is None:
                row = CalendarOverride(year=int(payload["year"]))
                session.add(row)
            row.holidays = sorted(payload["holidays"])
            row.workdays = sorted(payload["workdays"])
            row.source = str(payload["source"])[:200]
            row.provisional = bool(payload["provisional"])
            row.updated_at = datetime.now(UTC)
            audit.record(
                session,
                at=row.updated_at,
                action="calendar.override",
                result="ok",
                actor=actor(),
                target=str(row.year),
            )
    finally:
        db.dispose()
    print(f"calendar {payload['year']} overridden")
    return 0


def _pg_tool(tool: str, url: str, *args: str) -> subprocess.CompletedProcess[str] | str:
    """Run pg_dump/pg_restore on the database of a SQLAlchemy ``postgresql+psycopg`` URL.

    The password goes through ``PGPASSWORD``, never the command line. Returns the finished
    process, or a message when the tool is missing.
    """
    program = shutil.which(tool)
    if program is None:
        return f"{tool} not found (install the PostgreSQL client)"
    parsed = make_url(url).set(drivername="postgresql")
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    target = parsed.set(password=None).render_as_string(hide_password=False)
    return subprocess.run(  # noqa: S603 - fixed program, arguments from the admin
        [program, *args, target], capture_output=True, text=True, check=False, env=env
    )


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise SystemExit("backup needs a SQLite file, not an in-memory database")
    return Path(parsed.database)


def _copy_sqlite(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy while the service keeps running. A new
    target is made 0600 before anything is written to it."""
    private_file(target).close()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def cmd_backup(args: argparse.Namespace) -> int:
    url = settings_from(args).database_url
    out = Path(args.out)
    path = _sqlite_path(url)
    if path is not None:
        if not path.exists():
            return fail(f"no database at {path}")
        _copy_sqlite(path, out)
    else:
        private_file(out).close()  # 0600 before pg_dump writes into it
        result = _pg_tool("pg_dump", url, "--format=custom", "--no-owner", f"--file={out}")
        if isinstance(result, str):
            return fail(result)
        if result.returncode != 0:
            return fail(f"pg_dump failed: {result.stderr.strip()}")
    from records_service.attachments import attachments_root

    copied = _copy_attachments(attachments_root(settings_from(args)), _attachments_beside(out))
    print(f"backup written to {out}" + (f" (and {copied} attached files)" if copied else ""))
    return 0


def _attachments_beside(backup: Path) -> Path:
    """Where a backup keeps the files of cases' materials: ``<backup>.attachments``."""
    return backup.with_name(backup.name + ".attachments")


def _copy_attachments(source: Path, target: Path) -> int:
    """Copy the whole (content-addressed, never changed) files of ``source`` that
    ``target`` lacks; how many. After the database's copy, so every file the copied
    database names as complete is there."""
    copied = 0
    for path in sorted((source / "sha256").glob("*/*")):
        dest = target / "sha256" / path.parent.name / path.name
        if path.is_file() and not dest.exists():
            dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            private_file(dest).close()  # 0600 before the scan is written into it
            shutil.copyfile(path, dest)
            copied += 1
    return copied


def _has_tables(url: str) -> bool:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(url)
    try:
        return bool(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def cmd_restore(args: argparse.Namespace) -> int:
    url = settings_from(args).database_url
    source = Path(args.path)
    if not source.exists():
        return fail(f"no backup at {source}")
    path = _sqlite_path(url)
    if path is not None:
        if path.exists() and not args.force:
            return fail(f"{path} exists; stop the service and pass --force to replace it")
        path.parent.mkdir(parents=True, exist_ok=True)
        _copy_sqlite(source, path)
    else:
        if not args.force and _has_tables(url):
            return fail("the database has tables; stop the service and pass --force to replace it")
        if args.force:  # month partitions (issue 20): pg_restore --clean cannot drop them
            __import__("records_service.partitions").partitions.drop_partitioned_tables(url)
        options = ["--no-owner", *(["--clean", "--if-exists"] if args.force else [])]
        result = _pg_tool("pg_restore", url, *options, str(source), "--dbname")
        if isinstance(result, str):
            return fail(result)
        if result.returncode != 0:
            return fail(f"pg_restore failed: {result.stderr.strip()}")
    from records_service.attachments import attachments_root

    _copy_attachments(_attachments_beside(source), attachments_root(settings_from(args)))
    print(f"restored {source}; run `clerk-records audit verify` to check the chain")
    return 0


Command = Callable[[argparse.Namespace], int]


def add_commands(sub: Any) -> None:
    """Register the admin commands on ``clerk-records``' sub-parsers."""
    p = sub.add_parser(
        "reset-password",
        help="set a new password (asked, or one line on stdin), to be changed at the next "
        "sign-in; revokes the user's tokens and device tokens",
    )
    p.add_argument("username")
    p.set_defaults(func=cmd_reset_password)

    p = sub.add_parser("register-window", help="create or rename a window")
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--department", required=True, help="department code")
    p.add_argument("--department-name", help="creates the department when it is new")
    p.set_defaults(func=cmd_register_window)

    p = sub.add_parser("calendar-override", help="set a year's holidays and make-up days")
    p.add_argument("path", help="JSON like GET /calendar: {year, holidays, workdays, source}")
    p.set_defaults(func=cmd_calendar_override)

    add_audit_commands(sub)
    add_user_commands(sub)

    p = sub.add_parser("backup", help="SQLite online backup, or pg_dump for PostgreSQL")
    p.add_argument("out")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup made by `backup`")
    p.add_argument("path")
    p.add_argument("--force", action="store_true", help="replace the existing database")
    p.set_defaults(func=cmd_restore)
