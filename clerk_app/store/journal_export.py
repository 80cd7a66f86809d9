"""``clerk-app export-journal``: write the desk's hash-chained journal to a file.

    clerk-app export-journal --output journal.jsonl.sealed [--home DIR | --database FILE]

The journal holds applicants' data, so the file is sealed with a passphrase
(:mod:`clerk_app.core.sealed`: scrypt + Fernet), asked twice at the terminal, or read as one
line from standard input when that is not a terminal — never from the command line. Inside
is JSON Lines: a header line (``format``, ``window_code``, ``device_id``, ``exported_at``,
``entries``, ``chain_ok``, ``first_broken_id``) and then one line per journal row, oldest
first, with its ``prev_hash`` and ``hash``. The file is 0600.

The database is opened read-only (with its SQLCipher key from the OS keyring or the machine
key file), so a damaged machine's file is never changed by exporting it. On the service,
``clerk-records import-journal FILE`` asks for the passphrase and replays the ``write`` rows
exactly once.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clerk_app.core.sealed import MIN_PASSPHRASE, seal
from clerk_app.store import cipher
from clerk_app.store.journal import FORMAT, JournalEntry, verify_chain
from clerk_app.store.keys import database_key_of


def read_journal(database: Path, key: str | None = None) -> tuple[list[JournalEntry], str | None]:
    """The journal rows and the desk's window code, read without writing to the file."""
    conn = cipher.connect_readonly(database, key)
    try:
        rows = conn.execute(
            "SELECT id, at, area, message, kind, data_json, prev_hash, hash"
            " FROM journal ORDER BY id"
        ).fetchall()
        window = conn.execute(
            "SELECT window_code FROM cases GROUP BY window_code ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    entries = [
        JournalEntry(
            id=int(r[0]),
            at=r[1],
            area=r[2],
            message=r[3],
            kind=r[4] or "note",
            data=None if r[5] is None else json.loads(r[5]),
            prev_hash=r[6],
            hash=r[7],
        )
        for r in rows
    ]
    return entries, (window[0] if window else None)


def export(
    database: Path,
    output: Path,
    passphrase: str,
    *,
    device_id: str | None = None,
    key: str | None = None,
) -> dict:
    """Write the journal of ``database`` to ``output``, sealed with ``passphrase``
    (atomically, 0600); returns the header.

    Raises:
        ValueError: the passphrase is too short.
    """
    entries, window = read_journal(database, key)
    broken = verify_chain(entries)
    header = {
        "format": FORMAT,
        "window_code": window,
        "device_id": device_id,
        "exported_at": datetime.now(UTC).isoformat(),
        "entries": len(entries),
        "chain_ok": broken is None,
        "first_broken_id": broken,
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    lines += [json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in entries]
    sealed = seal(("\n".join(lines) + "\n").encode("utf-8"), passphrase)
    tmp = output.with_name(output.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        if hasattr(os, "fchmod"):
            os.fchmod(f.fileno(), 0o600)
        f.write(sealed)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, output)
    return header


def read_passphrase(stdin: Any = None) -> str:
    """The passphrase: asked twice at a terminal, else one line of standard input."""
    stream = stdin if stdin is not None else sys.stdin
    if getattr(stream, "isatty", lambda: False)():
        first = getpass.getpass("口令 / passphrase: ")
        if getpass.getpass("再输一次 / again: ") != first:
            raise ValueError("the two passphrases differ")
        return first
    return str(stream.readline()).rstrip("\r\n")


def _device_id(data_dir: Path) -> str | None:
    try:
        return str(uuid.UUID((data_dir / "device_id").read_text("ascii").strip()))
    except (OSError, ValueError):
        return None


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="clerk-app export-journal",
        description="write this desk's journal (hash-chained) to a file for the service",
    )
    parser.add_argument("--output", "-o", type=Path, required=True, help="the sealed file to write")
    parser.add_argument("--home", type=Path, help="the client's home folder (as --home)")
    parser.add_argument("--database", type=Path, help="the local database file itself")
    args = parser.parse_args(list(argv))
    if args.home:
        os.environ["CLERK_HOME"] = str(args.home.resolve())
    from clerk_app.paths import default_paths

    paths = default_paths()
    database = args.database or paths.database
    if not database.exists():
        print(f"没有本地数据库 / no local database: {database}", file=sys.stderr)
        return 1
    try:
        passphrase = read_passphrase()
        if len(passphrase) < MIN_PASSPHRASE:
            raise ValueError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")
    except (ValueError, EOFError) as exc:
        print(f"口令无效 / passphrase not usable: {exc}", file=sys.stderr)
        return 2
    readable: tuple[type[Exception], ...] = (OSError, *cipher.errors())
    try:
        header = export(
            database,
            args.output,
            passphrase,
            device_id=_device_id(database.parent),
            key=database_key_of(database),
        )
    except readable as exc:
        print(f"无法读取日志 / cannot read the journal of {database}: {exc}", file=sys.stderr)
        return 1
    state = "ok" if header["chain_ok"] else f"BROKEN at row {header['first_broken_id']}"
    print(f"{header['entries']} journal rows written to {args.output} (hash chain {state})")
    return 0 if header["chain_ok"] else 3
