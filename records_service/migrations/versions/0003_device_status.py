"""device status

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 14:12:59.821652

The latest status report of each window client (items waiting, version, clock).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_report_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("last_report", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("client_version", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("clock_skew_seconds", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_column("clock_skew_seconds")
        batch_op.drop_column("client_version")
        batch_op.drop_column("last_report")
        batch_op.drop_column("last_report_at")
