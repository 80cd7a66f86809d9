"""The hall's calls feed in commit order without a lock: ``queue_calls.pos`` and ``xid``

``GET /queue/calls`` used ``queue_calls.id`` as its cursor, which is commit order only
while every call writer of a center holds one advisory lock from its insert to its commit
(``queue_calls._calls_lock``). ``pos`` is the feed's cursor instead, given as the change
feed's is (migration 0021, ``records_service.feed``): on PostgreSQL writers insert with
``pos`` NULL and their transaction id in ``xid``; ``records_service.queue_calls.place_calls``
gives ``pos`` to the calls of transactions that can no longer commit, in (``xid``, ``id``)
order. On SQLite, whose writers are serialized anyway, a trigger sets ``pos = id`` at
insert. Existing calls keep their place: ``pos = id``, so a screen's cursor goes on working.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06 20:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_TRIGGER = """
CREATE TRIGGER queue_calls_pos AFTER INSERT ON queue_calls
FOR EACH ROW WHEN NEW.pos IS NULL
BEGIN
    UPDATE queue_calls SET pos = NEW.id WHERE id = NEW.id;
END
"""


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    # Nullable columns without a key: a native ADD COLUMN on SQLite too (no table copy).
    with op.batch_alter_table("queue_calls") as batch:
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
    op.execute("UPDATE queue_calls SET pos = id")
    with op.batch_alter_table("queue_calls") as batch:
        batch.create_index("ix_queue_calls_pos", ["pos"], unique=True)
        batch.create_index("ix_queue_calls_center_pos", ["center_code", "pos"])
        batch.create_index(
            "ix_queue_calls_unplaced",
            ["xid", "id"],
            postgresql_where=sa.text("pos IS NULL"),
            sqlite_where=sa.text("pos IS NULL"),
        )
    if not postgres:
        op.execute(SQLITE_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER IF EXISTS queue_calls_pos")
    with op.batch_alter_table("queue_calls") as batch:
        batch.drop_index("ix_queue_calls_unplaced")
        batch.drop_index("ix_queue_calls_center_pos")
        batch.drop_index("ix_queue_calls_pos")
        batch.drop_column("xid")
        batch.drop_column("pos")
