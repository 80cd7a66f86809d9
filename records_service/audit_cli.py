"""Audit commands of ``clerk-records``: verify, export, the audit key, checkpoints, and the
PostgreSQL grants of the service's role. ``admin_cli.add_commands`` registers them."""

from __future__ import annotations

import argparse
import csv
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk_app.core.spreadsheet import safe_row
from records_service.audit_seal import AuditSeal, Checkpoint, SealError, private_file
from records_service.cli_common import fail, settings_from

AUDIT_COLUMNS = (
    "id",
    "at",
    "actor",
    "device_id",
    "action",
    "target",
    "client_ip",
    "result",
    "detail",
    "center_code",
    "prev_hash",
    "hash",
    "chain_seq",
    "mac",
)
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from records_service import audit, audit_chain
    from records_service.db import Database

    settings = settings_from(args)
    seal = AuditSeal.from_settings(settings)
    db = Database(settings.database_url, seal=seal)
    from records_service import attachments

    files = attachments.FileStore(attachments.attachments_root(settings))
    try:
        audit_chain.chain_pending(db, wait=True)  # PostgreSQL: what committed until now
        with db.read() as session:
            report = audit.verify(audit.iter_records(session), seal)
            checked_files, file_problems = attachments.verify_files(session, files)
    finally:
        db.dispose()
    for problem in report.problems:
        print(problem)
    for note in report.notes:
        print(f"note: {note}")
    for problem in file_problems:  # the files of cases' materials (issue 22), by hash
        print(problem)
    print(f"attached files: {checked_files} checked, {len(file_problems)} missing or altered")
    if not report.ok:
        print(f"audit chain BROKEN: {len(report.problems)} problem(s) in {report.checked} records")
        return 1
    if file_problems:
        return 1
    print(
        f"audit chain intact: {report.checked} records ({report.unchained} before the chain, "
        f"{report.without_center} hashed before centers; {report.sealed} seals and "
        f"{report.checkpoints} checkpoints checked)"
    )
    if report.pending:
        print(f"{report.pending} records not chained yet (their seals checked)")
    return 0


def _export_rows(session: Any, start: datetime | None, end: datetime | None) -> Any:
    from records_service import audit

    for row in audit.iter_records(session):
        if (start and row.at < start) or (end and row.at >= end):
            continue
        values: dict[str, Any] = {c: getattr(row, c) for c in AUDIT_COLUMNS}
        values["at"] = row.at.isoformat()
        values["detail"] = (
            json.dumps(audit.scrub(row.detail), ensure_ascii=False) if row.detail else ""
        )
        values["target"] = audit.scrub(row.target)
        # What a client sent (a user name, a note) is data, never a spreadsheet formula.
        yield safe_row("" if values[c] is None else values[c] for c in AUDIT_COLUMNS)


def cmd_audit_export(args: argparse.Namespace) -> int:
    from records_service import audit_chain
    from records_service.db import Database

    start = datetime.fromisoformat(args.from_) if args.from_ else None
    end = datetime.fromisoformat(args.to) if args.to else None
    out = Path(args.out)
    kind = args.format or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    db = Database(settings_from(args).database_url)
    count = 0
    try:
        audit_chain.chain_pending(db, wait=True)  # PostgreSQL: the chain columns filled
        with db.read() as session:
            if kind == "xlsx":
                from openpyxl import Workbook  # type: ignore[import-untyped]

                workbook = Workbook(write_only=True)
                sheet = workbook.create_sheet("audit")
                sheet.append(list(AUDIT_COLUMNS))
                for values in _export_rows(session, start, end):
                    sheet.append(values)
                    count += 1
                with private_file(out, "wb") as fh:
                    workbook.save(fh)
            else:
                with private_file(out, "w", encoding="utf-8-sig", newline="") as fh:
                    writer = csv.writer(fh)
                    writer.writerow(AUDIT_COLUMNS)
                    for values in _export_rows(session, start, end):
                        writer.writerow(values)
                        count += 1
    finally:
        db.dispose()
    print(f"{count} audit records written to {args.out}")
    return 0


def cmd_audit_init_key(args: argparse.Namespace) -> int:
    seal = AuditSeal.from_settings(settings_from(args))
    if seal.init_key():
        print(f"audit key made: {seal.key_path} (0600); keep a copy apart from the backups")
        return 0
    if seal.key_problem():
        seal.key_path.chmod(0o600)
        print(f"audit key {seal.key_path} exists; made 0600 (it was readable by others)")
        return 0
    print(f"audit key {seal.key_path} exists (0600)")
    return 0


def cmd_audit_checkpoint(args: argparse.Namespace) -> int:
    """Checkpoint the head of every center's chain now (before a backup, from cron)."""
    from sqlalchemy import func, select

    from records_service import audit_chain
    from records_service.db import Database
    from records_service.models import AuditRecord

    settings = settings_from(args)
    seal = AuditSeal.from_settings(settings)
    db = Database(settings.database_url, seal=seal)
    try:
        audit_chain.chain_pending(db, wait=True)  # PostgreSQL: what committed until now
        with db.read() as session:
            # The head is the last position (chained after commit, not the highest id).
            heads = session.execute(
                select(AuditRecord.center_code, func.max(AuditRecord.chain_seq))
                .where(AuditRecord.chain_seq.is_not(None))
                .group_by(AuditRecord.center_code)
            ).all()
            points = []
            for center, seq in heads:
                row = session.scalars(
                    select(AuditRecord).where(
                        AuditRecord.center_code == center, AuditRecord.chain_seq == seq
                    )
                ).first()
                assert row is not None and row.hash is not None and row.chain_seq is not None
                points.append(Checkpoint(seal.database, center, row.chain_seq, row.id, row.hash))
        try:
            seal.write(points)
        except SealError as exc:
            return fail(str(exc))
    finally:
        db.dispose()
    for point in points:
        print(f"checkpoint {point.center} #{point.seq} (record {point.record_id})")
    print(f"{len(points)} checkpoint(s) written to {seal.checkpoint_path}")
    return 0


def grant_statements(database: str, role: str, quote: Any) -> list[str]:
    """The SQL that lets ``role`` (the service) read and write every table, but only
    INSERT and SELECT the audit trail, and UPDATE its four chain columns (the trigger lets
    only the chaining of a record not chained yet through, once: migration 0025); run by
    the owner of the tables after each migration. ``quote`` quotes an identifier (the
    dialect's ``identifier_preparer.quote``)."""
    r, d = quote(role), quote(database)
    return [
        f"GRANT CONNECT ON DATABASE {d} TO {r}",
        f"GRANT USAGE ON SCHEMA public TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {r}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_records FROM {r}",
        f"GRANT UPDATE (prev_hash, hash, chain_seq, mac) ON audit_records TO {r}",
    ]


def cmd_db_grants(args: argparse.Namespace) -> int:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    if not ROLE_NAME.match(args.service_role):
        return fail("a role name is lower-case letters, digits and _", 2)
    url = make_url(settings_from(args).database_url)
    if url.get_backend_name() != "postgresql":
        return fail("database roles exist on PostgreSQL only (SQLite: file permissions)", 2)
    engine = create_engine(url)
    try:
        quote = engine.dialect.identifier_preparer.quote
        statements = grant_statements(str(url.database), args.service_role, quote)
        if not args.apply:
            for statement in statements:
                print(statement + ";")
            return 0
        with engine.begin() as conn:
            found = conn.execute(
                text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = :r"),
                {"r": args.service_role},
            ).first()
            if found is None:
                return fail(f"no role {args.service_role}: CREATE ROLE ... LOGIN PASSWORD first")
            owner = conn.execute(
                text("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_records'")
            ).scalar()
            if found[0] or owner == args.service_role:
                return fail(
                    f"{args.service_role} is a superuser or owns the tables: the service "
                    "role must be another role",
                    2,
                )
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()
    print(
        f"grants applied: {args.service_role} may INSERT and SELECT audit_records only "
        "(and chain a record once)"
    )
    return 0


def add_commands(sub: Any) -> None:
    """Register ``audit ...`` and ``db-grants`` on ``clerk-records``' sub-parsers."""
    p = sub.add_parser("audit", help="check or export the audit trail, its key, checkpoints")
    audit_sub = p.add_subparsers(dest="audit_command", required=True)
    q = audit_sub.add_parser(
        "verify", help="check the hash chains, seals and checkpoints (exit 1 when broken)"
    )
    q.set_defaults(func=cmd_audit_verify)
    q = audit_sub.add_parser("export", help="write the audit records as CSV or XLSX (0600)")
    q.add_argument("--out", required=True)
    q.add_argument("--format", choices=("csv", "xlsx"), help="default: by the file's suffix")
    q.add_argument("--from", dest="from_", help="ISO time with offset")
    q.add_argument("--to", help="ISO time with offset")
    q.set_defaults(func=cmd_audit_export)
    q = audit_sub.add_parser("init-key", help="make the audit key file (0600) if missing")
    q.set_defaults(func=cmd_audit_init_key)
    q = audit_sub.add_parser("checkpoint", help="checkpoint every center's chain head now")
    q.set_defaults(func=cmd_audit_checkpoint)

    p = sub.add_parser(
        "db-grants",
        help="print (or --apply, as the owner) the PostgreSQL grants of the service's role",
    )
    p.add_argument("--service-role", required=True, help="the role the service connects as")
    p.add_argument("--apply", action="store_true", help="run them on the database")
    p.set_defaults(func=cmd_db_grants)
