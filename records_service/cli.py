"""``clerk-records``: migrate, load-demo, load-catalog, load-base-catalog, create-user,
revoke-device, serve."""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from records_service import __version__
from records_service.admin_cli import add_commands as add_admin_commands
from records_service.audit_seal import SealError
from records_service.cli_common import actor, read_new_password, settings_from
from records_service.reach import USER_ROLES
from records_service.settings import SettingsError

#: The roles a person may be given (the one list: records_service.reach).
ROLES = USER_ROLES


def cmd_migrate(args: argparse.Namespace) -> int:
    from records_service.migrate import upgrade

    settings = settings_from(args)
    upgrade(settings.database_url, args.revision)
    print(f"database at {args.revision}")
    return 0


def cmd_load_demo(args: argparse.Namespace) -> int:
    from records_service.db import Database
    from records_service.demo import load_demo

    db = Database(settings_from(args).database_url)
    try:
        with db.write() as session:
            lines = load_demo(
                session,
                Path(args.catalog) if args.catalog else None,
                history=not args.no_history,
            )
    finally:
        db.dispose()
    for line in lines:
        print(line)
    return 0


#: What :func:`_json_file` gives for a file it could not read (``null`` is a document).
_UNREADABLE = object()


def _json_file(path: str, command: str) -> Any:
    """The JSON document in ``path``, or ``_UNREADABLE`` after saying on stderr why."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        print(f"{command}: cannot read {path}: {exc}", file=sys.stderr)
        return _UNREADABLE


def cmd_load_catalog(args: argparse.Namespace) -> int:
    from records_service import audit, catalog_store
    from records_service.db import Database

    document = _json_file(args.path, "load-catalog")
    if document is _UNREADABLE:
        return 2
    db = Database(settings_from(args).database_url)
    try:
        with db.write() as session:
            now = datetime.now(UTC)
            try:
                row, new = catalog_store.publish(session, document, now)
            except ValueError as exc:
                print(f"load-catalog: {exc}", file=sys.stderr)
                return 2
            audit.record(
                session,
                at=now,
                action="catalog.load",
                result="published" if new else "unchanged",
                actor=actor(),
                target=str(row.version),
                detail={"file": Path(args.path).name, "etag": row.etag},
            )
    finally:
        db.dispose()
    print(f"catalog {row.version} {'published' if new else 'already published'}")
    return 0


def cmd_load_base_catalog(args: argparse.Namespace) -> int:
    from records_service import audit, base_items
    from records_service.db import Database

    document = _json_file(args.path, "load-base-catalog")
    if document is _UNREADABLE:
        return 2
    db = Database(settings_from(args).database_url)
    try:
        with db.write() as session:
            now = datetime.now(UTC)
            try:
                new, known = base_items.load_base_catalog(session, document, now)
            except base_items.BaseCatalogError as exc:
                print(f"load-base-catalog: {exc}", file=sys.stderr)
                return 2
            audit.record(
                session,
                at=now,
                action="catalog.load_base",
                result="ok",
                actor=actor(),
                detail={"file": Path(args.path).name, "new": new, "known": known},
            )
    finally:
        db.dispose()
    print(f"base catalogue: {new} new base items, {known} already stored")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from records_service import audit
    from records_service.db import Database
    from records_service.demo import upsert_user
    from records_service.models import Department, User, Window

    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    unknown = sorted(set(roles) - set(ROLES))
    if not roles or unknown:
        print(f"roles must be among {', '.join(ROLES)}", file=sys.stderr)
        return 2
    if "clerk" in roles and not args.window:
        print("a clerk needs --window", file=sys.stderr)
        return 2
    password = read_new_password()
    if password is None:
        print("the two passwords differ", file=sys.stderr)
        return 2
    from records_service.security import password_problem

    problem = password_problem(args.username, password)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    db = Database(settings_from(args).database_url)
    try:
        with db.write() as session:
            if session.scalars(select(User).where(User.username == args.username)).first():
                print(f"user {args.username} exists", file=sys.stderr)
                return 1
            department = args.department
            if args.window:
                window = session.get(Window, args.window)
                if window is None:
                    print(f"no window {args.window}", file=sys.stderr)
                    return 1
                department = department or window.department_code
            if department and session.get(Department, department) is None:
                print(f"no department {department}", file=sys.stderr)
                return 1
            upsert_user(
                session,
                username=args.username,
                password=password,
                display_name=args.display_name or args.username,
                roles=roles,
                department_code=department,
                window_code=args.window,
            )
            audit.record(
                session,
                at=datetime.now(UTC),
                action="user.create",
                result="ok",
                actor=actor(),
                target=args.username,
                detail={"roles": roles, "department": department, "window": args.window},
            )
    finally:
        db.dispose()
    print(f"user {args.username} created")
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    from sqlalchemy import update

    from records_service import audit
    from records_service.db import Database
    from records_service.models import Device, Token

    db = Database(settings_from(args).database_url)
    try:
        with db.write() as session:
            device = session.get(Device, args.device_id)
            if device is None:
                print(f"no device {args.device_id}", file=sys.stderr)
                return 1
            device.revoked = True
            session.execute(
                update(Token).where(Token.device_id == args.device_id).values(revoked=True)
            )
            audit.record(
                session,
                at=datetime.now(UTC),
                action="device.revoke",
                result="ok",
                actor=actor(),
                device_id=args.device_id,
                target=device.window_code,
            )
    finally:
        db.dispose()
    print(f"device {args.device_id} revoked")
    return 0


def _exit_with_parent() -> None:
    """Stop gracefully when the process that started us is gone.

    Set ``CLERK_EXIT_WITH_PARENT=1`` (the embedded demo service and the test fixtures do):
    a service started for one client or one test run must not outlive it, even when that
    parent is killed outright and cannot stop it.
    """
    if os.environ.get("CLERK_EXIT_WITH_PARENT") != "1":
        return
    import signal
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def is_loopback(host: str) -> bool:
    """Whether ``host`` (what ``serve --host`` binds) is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from records_service.app import create_app
    from records_service.logs import uvicorn_log_config

    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        print("--ssl-certfile and --ssl-keyfile go together", file=sys.stderr)
        return 2
    settings = settings_from(args)
    certfile = args.ssl_certfile or settings.tls_certfile or None
    keyfile = args.ssl_keyfile or settings.tls_keyfile or None
    if not (certfile and keyfile) and not is_loopback(args.host):
        if not (args.allow_plain_http or settings.allow_plain_http):
            print(
                f"refusing plain HTTP on {args.host}: tokens and applicants' records would "
                "cross the network unencrypted. Give a certificate (--ssl-certfile/"
                "--ssl-keyfile or CLERK_TLS_CERTFILE/KEYFILE), bind 127.0.0.1 behind a TLS "
                "proxy, or pass --allow-plain-http (CLERK_ALLOW_PLAIN_HTTP=true) when a TLS "
                "proxy on another machine is the only way in",
                file=sys.stderr,
            )
            return 2
        log_plain = True
    else:
        log_plain = False
    os.environ["CLERK_RECORDS_LOG_LEVEL"] = args.log_level  # structured logs, every worker
    if args.workers > 1:
        # Each worker process builds its own app from the environment.
        os.environ["CLERK_DATABASE_URL"] = settings.database_url
        target: Any = "records_service.app:create_app"
    else:
        target = create_app(settings)
    proxies = args.forwarded_allow_ips or list(settings.trusted_proxies) or None
    if log_plain:
        import logging

        logging.getLogger("records.app").warning(
            "serving plain HTTP on a non-loopback address (explicitly allowed)",
            extra={"fields": {"host": args.host}},
        )
    _exit_with_parent()
    uvicorn.run(
        target,
        factory=args.workers > 1,
        workers=args.workers if args.workers > 1 else None,
        host=args.host,
        port=args.port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        log_level=args.log_level,
        log_config=uvicorn_log_config(),  # scrubbed, like the service's own logs
        access_log=False,  # records.access logs each request as JSON, without tokens
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies,
        server_header=False,
        timeout_graceful_shutdown=30,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clerk-records", description="Window Clerk central records service"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database-url", help="SQLAlchemy URL (default: $CLERK_DATABASE_URL or a SQLite file)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("migrate", help="bring the database schema up to date (alembic)")
    p.add_argument("--revision", default="head")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("load-demo", help="load demo departments, windows, users, catalog")
    p.add_argument("--catalog", help="catalog JSON (default: resources/catalog/demo_catalog.json)")
    p.add_argument(
        "--no-history",
        action="store_true",
        help="leave out the month of demo cases (示例) at W01 and W03",
    )
    p.set_defaults(func=cmd_load_demo)

    p = sub.add_parser(
        "load-catalog", aliases=["import-catalog"], help="publish a catalog JSON file"
    )
    p.add_argument("path")
    p.set_defaults(func=cmd_load_catalog)

    p = sub.add_parser(
        "load-base-catalog",
        help="load the province's basic catalogue (base items: basic code, name, type, "
        "legal basis) from a JSON file",
    )
    p.add_argument("path")
    p.set_defaults(func=cmd_load_base_catalog)

    p = sub.add_parser("create-user", help="create a user (password asked, or one line on stdin)")
    p.add_argument("--username", required=True)
    p.add_argument("--display-name")
    p.add_argument("--roles", required=True, help=f"comma-separated: {', '.join(ROLES)}")
    p.add_argument("--department")
    p.add_argument("--window")
    p.set_defaults(func=cmd_create_user)

    p = sub.add_parser("revoke-device", help="revoke a window device and all its tokens")
    p.add_argument("device_id")
    p.set_defaults(func=cmd_revoke_device)

    from records_service.journal_import import cmd_import_journal

    p = sub.add_parser("import-journal", help="replay a desk's exported journal exactly once")
    p.add_argument("path", help="the .jsonl written by `clerk-app export-journal`")
    p.set_defaults(func=cmd_import_journal)

    add_admin_commands(sub)
    __import__("records_service.enrol_cli").enrol_cli.add_commands(sub)  # enrol (issue 14)
    __import__("records_service.notifications").notifications.add_commands(sub)  # issue 19
    __import__("records_service.escalation").escalation.add_commands(sub)  # issue 19
    __import__("records_service.partitions").partitions.add_commands(sub)  # issue 20

    p = sub.add_parser("serve", help="run the HTTP service (uvicorn)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--ssl-certfile")
    p.add_argument("--ssl-keyfile")
    p.add_argument("--log-level", default="info")
    p.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL)")
    p.add_argument(
        "--allow-plain-http",
        action="store_true",
        help="answer plain HTTP on a non-loopback --host (default: refuse without TLS)",
    )
    p.add_argument(
        "--forwarded-allow-ips",
        help="trust X-Forwarded-For from these proxy addresses (comma-separated)",
    )
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SettingsError as exc:  # a bad CLERK_* variable or settings file: say which
        print(f"clerk-records: {exc}", file=sys.stderr)
        return 2
    except SealError as exc:  # no audit key where the settings say, or a bad one
        print(f"clerk-records: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
