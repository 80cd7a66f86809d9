"""audit hash chain, calendar overrides, token idle time, workload index

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 14:45:00

Audit records get ``prev_hash`` and ``hash`` (records written before stay unchained and
come first); ``calendar_overrides`` holds an admin's table for a year; tokens remember
when they were last used (idle expiry); cases are indexed by received time for /workload.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_records") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("tokens") as batch:
        batch.add_column(sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_cases_received_at_window", "cases", ["received_at", "window_code"])
    op.create_table(
        "calendar_overrides",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holidays", sa.JSON(), nullable=False),
        sa.Column("workdays", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_overrides")),
    )


def downgrade() -> None:
    op.drop_table("calendar_overrides")
    op.drop_index("ix_cases_received_at_window", table_name="cases")
    with op.batch_alter_table("tokens") as batch:
        batch.drop_column("last_used_at")
    with op.batch_alter_table("audit_records") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
