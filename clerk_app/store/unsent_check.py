"""``clerk-app unsent``: how many cases and documents still wait to be sent to the center.

    clerk-app unsent [--home DIR | --database FILE | --all-users [--root DIR]]
                     [--numbers] [--lang en]

Closing the desk warns about unsent cases; uninstalling must too, so the Windows uninstaller
and the Debian ``prerm`` call this. Without options it counts this user's desk (honouring
``CLERK_HOME``); ``--all-users`` counts every user's desk on the machine (what an
uninstaller running as root or administrator needs): each home folder of the password
database (``/etc/passwd`` under ``--root``, which the ``prerm`` sets from ``$DPKG_ROOT``)
or each profile under ``C:\\Users`` on Windows, plus the folder ``CLERK_HOME`` names.

The database is never opened where it lies: it is copied (with its ``-wal``) into a
private temporary folder and counted there, so an administrator's check leaves no file
owned by someone else in a clerk's folder and never changes the clerk's data.

Output: one line per desk with something waiting (or that could not be read), then a
summary; ``--numbers`` prints only ``CASES DOCUMENTS OTHER UNREADABLE`` (four integers, for
installer scripts). Exit code: 0 nothing waiting, 1 something waiting, 2 nothing known
waiting but a database could not be read (its key is in that user's keyring, or it is
damaged) — an uninstaller should treat 2 as "maybe".
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from clerk_app.paths import APP_AUTHOR, APP_NAME, POSIX, default_paths
from clerk_app.store import cipher
from clerk_app.store.keys import database_key_of
from clerk_app.store.outbox import WAITING_COUNTS_PARAMS, WAITING_COUNTS_SQL, WaitingCounts

DATABASE_NAME = "clerk.db"


@dataclass(frozen=True)
class DeskCount:
    """What one desk's database holds unsent; ``error`` when it could not be read."""

    database: Path
    counts: WaitingCounts | None
    error: str = ""


def count_unsent(database: Path, key: str | None = None) -> WaitingCounts:
    """The waiting outbox rows of ``database`` as the status bar counts them (cases,
    documents, other records), read from a private copy of the file and its ``-wal``.

    Raises:
        sqlite3.Error / SQLCipher errors, OSError: the file cannot be copied or read.
    """
    key = key if key is not None else database_key_of(database)
    with tempfile.TemporaryDirectory(prefix="clerk-unsent-") as folder:
        copy = Path(folder) / DATABASE_NAME
        shutil.copyfile(database, copy)
        wal = database.with_name(database.name + "-wal")
        if wal.is_file():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        plain = cipher.is_plaintext(copy) or key is None
        con = sqlite3.connect(copy) if plain or key is None else cipher.connect(str(copy), key)
        try:
            row = con.execute(WAITING_COUNTS_SQL, WAITING_COUNTS_PARAMS).fetchone()
        finally:
            con.close()
    if row is None:
        return WaitingCounts(0, 0, 0)
    return WaitingCounts(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))


def home_folders(root: Path = Path("/")) -> list[Path]:
    """Every user's home folder under ``root`` (POSIX: the password database; Windows: the
    profiles next to this one)."""
    if not POSIX:
        profile = Path(os.environ.get("USERPROFILE") or Path.home())
        base = profile.parent
        return sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
    homes: list[str] = []
    passwd = root / "etc" / "passwd"
    if root == Path("/"):
        import pwd  # POSIX only

        homes = [entry.pw_dir for entry in pwd.getpwall()]
    elif passwd.is_file():
        for line in passwd.read_text("utf-8", errors="replace").splitlines():
            fields = line.split(":")
            if len(fields) >= 6 and not line.startswith("#"):
                homes.append(fields[5])
    found = {root / home.lstrip("/") for home in homes if home.startswith("/")}
    return sorted(h for h in found if h.is_dir())


def desk_database(home: Path) -> Path:
    """Where the desk of the user whose home is ``home`` keeps its database (the default
    folders of ``paths.default_paths``)."""
    if POSIX:
        return home / ".local" / "share" / APP_NAME / DATABASE_NAME
    return home / "AppData" / "Local" / APP_AUTHOR / APP_NAME / DATABASE_NAME


def all_databases(root: Path = Path("/")) -> list[Path]:
    """Every desk database on the machine: each user's, and the one ``CLERK_HOME`` names."""
    found = [desk_database(home) for home in home_folders(root)]
    clerk_home = os.environ.get("CLERK_HOME")
    if clerk_home:
        found.append(Path(clerk_home) / "data" / DATABASE_NAME)
    unique: dict[Path, None] = {}
    for path in found:
        if path.is_file():
            unique.setdefault(path.resolve(), None)
    return list(unique)


def check(databases: Iterable[Path]) -> list[DeskCount]:
    """Count each database; one that cannot be read is reported, never raised."""
    results = []
    for database in databases:
        try:
            results.append(DeskCount(database, count_unsent(database)))
        except (OSError, *cipher.errors()) as exc:  # type: ignore[misc]  # a computed tuple
            results.append(DeskCount(database, None, str(exc)))
    return results


def _line(result: DeskCount, english: bool) -> str:
    where = result.database.parent
    if result.counts is None:
        if english:
            return f"{where}: cannot be read ({result.error}); it may hold unsent cases"
        return f"{where}：无法读取（{result.error}），其中可能有未上传的办件"
    c = result.counts
    if english:
        text = f"{where}: {c.cases} case(s) and {c.documents} document(s) not sent to the center"
        return text + (f", {c.other} other record(s)" if c.other else "")
    text = f"{where}：{c.cases} 件办件、{c.documents} 份文书尚未上传到中心"
    return text + (f"，另有 {c.other} 条其他记录" if c.other else "")


def report(results: Sequence[DeskCount], english: bool = False) -> tuple[str, int]:
    """The text to print and the exit code (0 nothing waiting, 1 waiting, 2 unreadable)."""
    counted = [r.counts for r in results if r.counts is not None]
    unreadable = sum(1 for r in results if r.counts is None)
    cases = sum(c.cases for c in counted)
    documents = sum(c.documents for c in counted)
    other = sum(c.other for c in counted)
    waiting = cases + documents + other
    lines = [_line(r, english) for r in results if r.counts is None or r.counts.total > 0]
    if waiting:
        lines.append(
            f"In all: {cases} case(s), {documents} document(s) and {other} other record(s) "
            "wait to be sent. Start Window Clerk online until the status bar says 0 waiting."
            if english
            else f"合计：{cases} 件办件、{documents} 份文书、{other} 条其他记录待上传。"
            "请联网打开窗口受理客户端，直到状态栏显示待上传为 0。"
        )
    elif unreadable:
        lines.append(
            "Nothing known to be waiting, but not every desk could be checked."
            if english
            else "未发现待上传的记录，但有的数据无法检查。"
        )
    else:
        lines.append("Nothing waiting to be sent." if english else "没有待上传的办件或文书。")
    code = 1 if waiting else 2 if unreadable else 0
    return "\n".join(lines), code


def numbers(results: Sequence[DeskCount]) -> str:
    """``CASES DOCUMENTS OTHER UNREADABLE`` (for installer scripts)."""
    counted = [r.counts for r in results if r.counts is not None]
    return " ".join(
        str(n)
        for n in (
            sum(c.cases for c in counted),
            sum(c.documents for c in counted),
            sum(c.other for c in counted),
            sum(1 for r in results if r.counts is None),
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="clerk-app unsent",
        description="Count the cases and documents not yet sent to the center "
        "(exit 0 none, 1 some, 2 a database could not be read).",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--home", type=Path, help="the desk kept under this folder (CLERK_HOME)")
    where.add_argument("--database", type=Path, help="this database file")
    where.add_argument("--all-users", action="store_true", help="every user's desk on this machine")
    parser.add_argument(
        "--root", type=Path, default=Path("/"), help="with --all-users: the system's root"
    )
    parser.add_argument(
        "--numbers", action="store_true", help="print only: CASES DOCUMENTS OTHER UNREADABLE"
    )
    parser.add_argument("--lang", default="zh_CN", help="zh_CN (default) or en")
    args = parser.parse_args(list(argv or []))
    if args.all_users:
        databases = all_databases(args.root)
    elif args.database:
        databases = [args.database]
    else:
        folder = args.home / "data" if args.home else default_paths().data_dir
        databases = [folder / DATABASE_NAME]
    results = check(db for db in databases if db.is_file())
    text, code = report(results, english=args.lang.lower().startswith("en"))
    if args.numbers:  # no line end: the NSIS uninstaller reads the words as they are
        print(numbers(results), end="")
    else:
        print(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
