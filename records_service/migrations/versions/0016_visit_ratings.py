"""visit ratings without a case; who booked an appointment and its cancellation (issue 18)

A queue ticket served with no case is rated too (``POST /visits/ratings``, 一次一评): its
rating is a row of ``ratings`` with no case (``case_id`` may be empty) and the ticket
(``ticket_id``); every rating keeps one of the two. The ratings of a visit's cases carry
its ticket as well.

An appointment keeps who booked it (``booked_by``: the integration credential, or the
clerk or desk), so only that integration cancels it through its API, and when it was
cancelled (``cancelled_at``). Older appointments have neither.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 13:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ticket_id", sa.String(length=36), nullable=True))
        batch_op.alter_column("case_id", existing_type=sa.String(length=36), nullable=True)
        batch_op.create_foreign_key(
            batch_op.f("fk_ratings_ticket_id_queue_tickets"), "queue_tickets", ["ticket_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_ratings_ticket_id"), ["ticket_id"], unique=False)
        batch_op.create_check_constraint(
            op.f("ck_ratings_case_or_ticket"), "case_id IS NOT NULL OR ticket_id IS NOT NULL"
        )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("booked_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # A ticket's rating with no case has no place in the older table: it is dropped
    # (the audit trail keeps its score, ``rating.visit``).
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_column("cancelled_at")
        batch_op.drop_column("booked_by")
    op.execute("DELETE FROM ratings WHERE case_id IS NULL")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_ratings_case_or_ticket"), type_="check")
        batch_op.drop_index(batch_op.f("ix_ratings_ticket_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_ratings_ticket_id_queue_tickets"), type_="foreignkey"
        )
        batch_op.alter_column("case_id", existing_type=sa.String(length=36), nullable=False)
        batch_op.drop_column("ticket_id")
