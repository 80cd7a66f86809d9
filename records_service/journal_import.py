"""``clerk-records import-journal FILE``: rebuild what a broken desk never sent, exactly once.

The file comes from ``clerk-app export-journal``, sealed with a passphrase
(``clerk_app.core.sealed``; asked at the terminal, or one line on standard input). Its hash
chain is checked first (a broken
chain is refused: the file was changed or damaged). Then every ``write`` row is replayed,
oldest first, through the service's own routes — in process, with the row's original
Idempotency-Key and byte-identical body — so a record the service already has is answered
from its stored response and never made twice, and every rule of the routes applies.

The replay runs under a one-off device registered for the journal's window (the broken
machine's own device may have been revoked); it is revoked again at the end, and the import
is audited (``journal.import``).
"""

from __future__ import annotations

import asyncio
import getpass
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import update

from clerk_app.core.sealed import SealError, is_sealed, unseal

FORMAT = "window-clerk-journal/1"
GENESIS = "0" * 64


class JournalFileError(Exception):
    """The file is not an export, or its hash chain is broken."""


@dataclass
class ImportReport:
    window_code: str
    writes: int = 0
    applied: int = 0
    already: int = 0
    refused: list[tuple[int, int, str]] = field(default_factory=list)  # (row id, status, why)


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _entry_hash(prev: str, row: dict[str, Any]) -> str:
    entry = {k: row.get(k) for k in ("id", "at", "area", "message", "kind", "data")}
    return hashlib.sha256((prev + "\n" + _canonical(entry)).encode("utf-8")).hexdigest()


def read_export(
    path: Path, passphrase: str | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The header and rows of an export (sealed: opened with ``passphrase``); raises
    JournalFileError for a wrong passphrase or a broken chain."""
    raw = path.read_bytes()
    if is_sealed(raw):
        if passphrase is None:
            raise JournalFileError(f"{path} is sealed: its passphrase is needed")
        try:
            raw = unseal(raw, passphrase)
        except SealError as exc:
            raise JournalFileError(f"{path}: {exc}") from exc
    lines = raw.decode("utf-8").splitlines()
    if not lines:
        raise JournalFileError(f"{path} is empty")
    header = json.loads(lines[0])
    if header.get("format") != FORMAT:
        raise JournalFileError(f"{path} is not a Window Clerk journal ({FORMAT})")
    rows = [json.loads(line) for line in lines[1:] if line.strip()]
    prev: str | None = None
    for row in rows:
        if row.get("hash") is None:
            if prev is None:
                continue
            raise JournalFileError(f"row {row.get('id')} has no hash inside the chain")
        expected = GENESIS if prev is None else prev
        if row.get("prev_hash") != expected or _entry_hash(expected, row) != row["hash"]:
            raise JournalFileError(f"the hash chain is broken at row {row.get('id')}")
        prev = row["hash"]
    return header, rows


def _problem_type(content: bytes) -> str:
    try:
        return str(json.loads(content).get("type") or "")
    except (ValueError, AttributeError):
        return ""


async def _call(app: Any, method: str, path: str, token: str, key: str, body: bytes) -> tuple:
    raw_path = path.encode("ascii")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": unquote(path),
        "raw_path": raw_path,
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"journal-import"),
            (b"authorization", f"Bearer {token}".encode()),
            (b"idempotency-key", key.encode()),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 0),
        "server": ("journal-import", 0),
    }
    incoming = [{"type": "http.request", "body": body, "more_body": False}]
    status: list[int] = []
    headers: dict[str, str] = {}
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])
            headers.update({k.decode().lower(): v.decode() for k, v in message["headers"]})
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status[0], headers, b"".join(chunks)


def import_journal(path: Path, database_url: str, passphrase: str | None = None) -> ImportReport:
    """Replay the export's write rows on the service at ``database_url``."""
    from records_service import audit
    from records_service.app import create_app
    from records_service.db import Database
    from records_service.models import Device, Token, Window
    from records_service.security import new_token, token_hash
    from records_service.settings import Settings

    header, rows = read_export(path, passphrase)
    window = header.get("window_code")
    writes = [r for r in rows if r.get("kind") == "write" and isinstance(r.get("data"), dict)]
    db = Database(database_url)
    report = ImportReport(window_code=str(window))
    device_id = f"journal-import-{uuid.uuid4()}"
    token = new_token()
    now = datetime.now(UTC)
    try:
        with db.write() as session:
            if not window or session.get(Window, window) is None:
                raise JournalFileError(f"the journal's window {window!r} is unknown here")
            session.add(Device(device_id=device_id, window_code=window))
            session.flush()
            session.add(
                Token(
                    token_hash=token_hash(token),
                    kind="device",
                    device_id=device_id,
                    window_code=window,
                    expires_at=now + timedelta(hours=2),
                )
            )
        app = create_app(Settings.load(), database=db)
        for row in writes:
            data = row["data"]
            body = b"" if data.get("body") is None else _canonical(data["body"]).encode()
            report.writes += 1
            for _attempt in range(20):
                status, answer_headers, content = asyncio.run(
                    _call(app, data["method"], data["path"], token, data["idempotency_key"], body)
                )
                if status != 409 or not _problem_type(content).endswith("/in-flight"):
                    break
            if 200 <= status < 300:
                if answer_headers.get("idempotency-replayed") == "true":
                    report.already += 1
                else:
                    report.applied += 1
            else:
                try:
                    why = json.loads(content).get("detail") or json.loads(content).get("title")
                except ValueError:
                    why = content[:200].decode("utf-8", "replace")
                report.refused.append((int(row["id"]), status, str(why)))
        with db.write() as session:
            session.execute(update(Token).where(Token.device_id == device_id).values(revoked=True))
            device = session.get(Device, device_id)
            if device is not None:
                device.revoked = True
            audit.record(
                session,
                at=datetime.now(UTC),
                action="journal.import",
                result="ok" if not report.refused else "partial",
                actor=f"cli:{getpass.getuser()}",
                device_id=header.get("device_id"),
                target=window,
                detail={
                    "file": path.name,
                    "writes": report.writes,
                    "applied": report.applied,
                    "already": report.already,
                    "refused": len(report.refused),
                },
            )
    finally:
        db.dispose()
    return report


def cmd_import_journal(args: Any) -> int:
    """``clerk-records import-journal FILE`` (argparse handler)."""
    import sys

    from records_service.settings import Settings

    url = args.database_url or Settings.load().database_url
    try:
        passphrase = None
        if is_sealed(Path(args.path).read_bytes()[:4096]):
            passphrase = (
                getpass.getpass("口令 / passphrase: ")
                if sys.stdin.isatty()
                else sys.stdin.readline().rstrip("\r\n")
            )
        report = import_journal(Path(args.path), url, passphrase)
    except (JournalFileError, OSError, ValueError) as exc:
        print(f"import-journal: {exc}", file=sys.stderr)
        return 3
    print(
        f"window {report.window_code}: {report.writes} writes in the journal, "
        f"{report.applied} applied now, {report.already} already on the service, "
        f"{len(report.refused)} refused"
    )
    for row_id, status, why in report.refused:
        print(f"  row {row_id}: HTTP {status}: {why}", file=sys.stderr)
    return 0 if not report.refused else 1
