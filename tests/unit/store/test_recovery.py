"""Start-up checks of the local database: damage is moved aside and kept, not deleted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerk_app.app.context import build_context
from clerk_app.core.clock import FixedClock
from clerk_app.core.provisioning import load_provisioning
from clerk_app.paths import Paths
from clerk_app.store import Database
from clerk_app.store.recovery import open_checked
from clerk_app.store.schema import MIGRATION_1, SCHEMA_VERSION
from tests.helpers.store import T0, add_case, make_payload, open_store

ROOT = Path(__file__).resolve().parents[3]


def _damage_pages(path: Path) -> None:
    """Overwrite the middle of the file (not its header page) with garbage."""
    size = path.stat().st_size
    page = 4096
    assert size > 6 * page
    with path.open("r+b") as f:
        f.seek(2 * page)
        f.write(b"\xa5" * (3 * page))


def _fill(path: Path, n: int = 300) -> None:
    store = open_store(path)
    for i in range(1, n + 1):
        add_case(store, make_payload(i))
    store.db.close()


def test_healthy_database_is_opened_in_place(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    _fill(path, 5)
    opened = open_checked(path)
    assert opened.moved_aside is None
    assert opened.db.query_one("SELECT count(*) FROM cases")[0] == 5
    opened.db.close()


def test_damaged_pages_are_moved_aside_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    _fill(path)
    _damage_pages(path)
    damaged_bytes = path.read_bytes()
    opened = open_checked(path)
    try:
        assert opened.moved_aside is not None
        assert opened.moved_aside.parent == tmp_path
        assert opened.moved_aside.name.startswith("clerk.db.damaged-")
        # Kept byte for byte for IT, and a new, empty, healthy database in its place.
        assert opened.moved_aside.read_bytes() == damaged_bytes
        assert opened.db.integrity_ok()
        assert opened.db.user_version == SCHEMA_VERSION
        assert opened.db.query_one("SELECT count(*) FROM cases")[0] == 0
    finally:
        opened.db.close()


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    opened = open_checked(path)
    try:
        assert opened.moved_aside is not None
        assert opened.moved_aside.read_bytes().startswith(b"this is not sqlite")
        assert opened.db.integrity_ok()
    finally:
        opened.db.close()


def test_build_context_tells_where_the_damaged_file_went(tmp_path: Path) -> None:
    base = tmp_path / "home"
    paths = Paths(base / "data", base / "config", base / "logs", base / "documents").ensure()
    paths.database.write_bytes(b"garbage" * 1000)
    prov = load_provisioning(ROOT / "resources" / "provisioning" / "demo-W01.toml")
    context = build_context(prov, paths, clock=FixedClock(T0))
    try:
        assert context.damaged_database is not None
        assert context.damaged_database.exists()
        assert context.backend.db.integrity_ok()
    finally:
        context.close()


def test_version_1_file_migrates_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    with Database(path, migrations=(MIGRATION_1,)) as db:
        db.execute("INSERT INTO journal (at, area, message) VALUES ('t', 'a', 'old line')")
        db.execute("INSERT INTO state (key, value) VALUES ('k', 'v')")
    store = open_store(path)
    try:
        assert store.db.user_version == SCHEMA_VERSION
        assert store.get_state("k") == "v"
        store.journal("app", "new line")
        from clerk_app.store import journal

        entries = journal.read_entries(store.db)
        assert [e.message for e in entries] == ["old line", "new line"]
        assert journal.verify_chain(entries) is None
    finally:
        store.db.close()


def test_sqlite_reports_the_damage_we_made(tmp_path: Path) -> None:
    """The damage helper really damages (otherwise the tests above prove nothing)."""
    path = tmp_path / "clerk.db"
    _fill(path)
    _damage_pages(path)
    conn = sqlite3.connect(path)
    try:
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError:
            rows = [("error",)]
        assert rows != [("ok",)]
    finally:
        conn.close()
