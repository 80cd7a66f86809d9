"""The change feed's own cursor: ``case_events.pos``, given in commit order without a lock

``GET /changes`` used ``case_events.seq`` as its cursor, which is commit order only while
every event writer holds one global lock (``audit.journal_lock``) from its insert to its
commit. ``pos`` is the feed's cursor instead: on PostgreSQL writers insert with ``pos``
NULL and their transaction id in ``xid``, and ``records_service.feed.place_events`` gives
``pos`` to the events of transactions that can no longer commit, in (``xid``, ``seq``)
order — so no writer waits for another. On SQLite, whose writers are serialized anyway, a
trigger sets ``pos = seq`` at insert. Existing events keep their place: ``pos = seq``, so a
desk's stored cursor goes on working.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 19:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_TRIGGER = """
CREATE TRIGGER case_events_pos AFTER INSERT ON case_events
FOR EACH ROW WHEN NEW.pos IS NULL
BEGIN
    UPDATE case_events SET pos = NEW.seq WHERE seq = NEW.seq;
END
"""


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    # Nullable columns without a key: a native ADD COLUMN on SQLite too (no table copy).
    with op.batch_alter_table("case_events") as batch:
        batch.add_column(sa.Column("pos", sa.BigInteger(), nullable=True))
        batch.add_column(
            sa.Column(
                "xid",
                sa.BigInteger(),
                nullable=True,
                # The writer's transaction id (xid8 fits a bigint: 64 bits, epoch included).
                server_default=sa.text("(pg_current_xact_id()::text::bigint)")
                if postgres
                else None,
            )
        )
    op.execute("UPDATE case_events SET pos = seq")
    with op.batch_alter_table("case_events") as batch:
        batch.create_index("ix_case_events_pos", ["pos"], unique=True)
        batch.create_index(
            "ix_case_events_unplaced",
            ["xid", "seq"],
            postgresql_where=sa.text("pos IS NULL"),
            sqlite_where=sa.text("pos IS NULL"),
        )
    if not postgres:
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER IF EXISTS case_events_pos")
    with op.batch_alter_table("case_events") as batch:
        batch.drop_index("ix_case_events_unplaced")
        batch.drop_index("ix_case_events_pos")
        batch.drop_column("xid")
        batch.drop_column("pos")
