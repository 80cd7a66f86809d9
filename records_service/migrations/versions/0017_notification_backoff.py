"""notification retries back off and end (issue 19)

A notification whose sender fails is tried again after a growing wait
(``next_attempt_at``: 1, 2, 4 … minutes after the failed attempt, at most an hour), and
after ``notifications.MAX_ATTEMPTS`` failed attempts it is given up (``failed_at``) and
named by ``clerk-records notify`` instead of being tried on every run for ever. Older
notifications have neither: an unsent one is due now.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 14:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_column("failed_at")
        batch_op.drop_column("next_attempt_at")
