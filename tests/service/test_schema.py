"""The database schema comes from Alembic and matches the ORM models."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from records_service.migrate import upgrade
from records_service.models import Base


def test_migrated_schema_matches_the_models(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'records.db'}"
    upgrade(url)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diffs = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diffs == []


def test_migrate_twice_is_harmless_and_creates_every_table(tmp_path) -> None:
    path = tmp_path / "records.db"
    upgrade(f"sqlite:///{path}")
    upgrade(f"sqlite:///{path}")
    with closing(sqlite3.connect(path)) as db, db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(Base.metadata.tables) <= tables
