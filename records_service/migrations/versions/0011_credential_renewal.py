"""renewal grace of machine credentials: tokens name the credential that renewed them

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 09:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tokens") as batch:
        batch.add_column(sa.Column("successor_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_tokens_successor_id_tokens"), "tokens", ["successor_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("tokens") as batch:
        batch.drop_constraint(op.f("fk_tokens_successor_id_tokens"), type_="foreignkey")
        batch.drop_column("successor_id")
