"""``clerk-app export-journal``: write the desk's hash-chained journal to a file.

    clerk-app export-journal --output journal.jsonl [--home DIR | --database FILE]

The file is JSON Lines: a header line (``format``, ``window_code``, ``device_id``,
``exported_at``, ``entries``, ``chain_ok``, ``first_broken_id``) and then one line per
journal row, oldest first, with its ``prev_hash`` and ``hash``. The database is opened
read-only, so a damaged machine's file is never changed by exporting it. On the service,
``clerk-records import-journal FILE`` replays the ``write`` rows exactly once.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from clerk_app.store.journal import FORMAT, JournalEntry, verify_chain


def read_journal(database: Path) -> tuple[list[JournalEntry], str | None]:
    """The journal rows and the desk's window code, read without writing to the file."""
    uri = f"file:{database.resolve()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
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


def export(database: Path, output: Path, *, device_id: str | None = None) -> dict:
    """Write the journal of ``database`` to ``output`` (atomically); returns the header."""
    entries, window = read_journal(database)
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
    tmp = output.with_name(output.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(json.dumps(header, ensure_ascii=False) + "\n")
        for e in entries:
            f.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, output)
    return header


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
    parser.add_argument("--output", "-o", type=Path, required=True, help="the .jsonl to write")
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
        header = export(database, args.output, device_id=_device_id(database.parent))
    except sqlite3.DatabaseError as exc:
        print(f"无法读取日志 / cannot read the journal of {database}: {exc}", file=sys.stderr)
        return 1
    state = "ok" if header["chain_ok"] else f"BROKEN at row {header['first_broken_id']}"
    print(f"{header['entries']} journal rows written to {args.output} (hash chain {state})")
    return 0 if header["chain_ok"] else 3
