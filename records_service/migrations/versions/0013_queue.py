"""the hall's queue (issue 18): queue categories, tickets and calls, window pauses,
appointments

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 12:25:02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "appointments",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("category_code", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("half", sa.String(length=2), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("holder_masked", sa.String(length=100), nullable=False),
        sa.Column("phone_masked", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_appointments_center_code_centers")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_appointments")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_id_hash"), ["id_hash"], unique=False)
        batch_op.create_index(
            "ix_appointments_slot", ["center_code", "category_code", "day", "half"], unique=False
        )

    op.create_table(
        "queue_categories",
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("prefix", sa.String(length=1), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("department_code", sa.String(length=32), nullable=True),
        sa.Column("item_codes", sa.JSON(), nullable=False),
        sa.Column("windows", sa.JSON(), nullable=False),
        sa.Column("wait_limit_minutes", sa.Integer(), nullable=False),
        sa.Column("slot_capacity", sa.Integer(), nullable=False),
        sa.Column("daily_limit_per_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_queue_categories_center_code_centers")
        ),
        sa.PrimaryKeyConstraint("center_code", "code", name=op.f("pk_queue_categories")),
        sa.UniqueConstraint("center_code", "prefix", name=op.f("uq_queue_categories_center_code")),
    )
    op.create_table(
        "queue_tickets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("category_code", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=8), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("priority_class", sa.String(length=16), nullable=False),
        sa.Column("appointment_code", sa.String(length=16), nullable=True),
        sa.Column("id_hash", sa.String(length=64), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kiosk", sa.String(length=100), nullable=False),
        sa.Column("offline", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("window_code", sa.String(length=16), nullable=True),
        sa.Column("clerk", sa.String(length=64), nullable=True),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("served_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("transferred_from", sa.String(length=8), nullable=True),
        sa.Column("query_code", sa.String(length=6), nullable=False),
        sa.Column("case_nos", sa.JSON(), nullable=False),
        sa.Column("rated", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_queue_tickets_center_code_centers")
        ),
        sa.ForeignKeyConstraint(
            ["window_code"], ["windows.code"], name=op.f("fk_queue_tickets_window_code_windows")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_tickets")),
        sa.UniqueConstraint(
            "center_code", "day", "number", name=op.f("uq_queue_tickets_center_code")
        ),
    )
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.create_index(
            "ix_queue_tickets_id_hash", ["center_code", "day", "id_hash"], unique=False
        )
        batch_op.create_index(
            "ix_queue_tickets_waiting",
            ["center_code", "day", "category_code", "status"],
            unique=False,
        )

    op.create_table(
        "window_pauses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("window_code", sa.String(length=16), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("paused_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resumed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by_user", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_window_pauses_center_code_centers")
        ),
        sa.ForeignKeyConstraint(
            ["window_code"], ["windows.code"], name=op.f("fk_window_pauses_window_code_windows")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_window_pauses")),
    )
    with op.batch_alter_table("window_pauses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_window_pauses_window_code"), ["window_code"], unique=False
        )

    op.create_table(
        "queue_calls",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=8), nullable=False),
        sa.Column("window_code", sa.String(length=16), nullable=False),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_queue_calls_center_code_centers")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["queue_tickets.id"], name=op.f("fk_queue_calls_ticket_id_queue_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["window_code"], ["windows.code"], name=op.f("fk_queue_calls_window_code_windows")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_calls")),
    )
    with op.batch_alter_table("queue_calls", schema=None) as batch_op:
        batch_op.create_index("ix_queue_calls_center_id", ["center_code", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_queue_calls_ticket_id"), ["ticket_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("queue_calls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_queue_calls_ticket_id"))
        batch_op.drop_index("ix_queue_calls_center_id")

    op.drop_table("queue_calls")
    with op.batch_alter_table("window_pauses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_window_pauses_window_code"))

    op.drop_table("window_pauses")
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_queue_tickets_waiting")
        batch_op.drop_index("ix_queue_tickets_id_hash")

    op.drop_table("queue_tickets")
    op.drop_table("queue_categories")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index("ix_appointments_slot")
        batch_op.drop_index(batch_op.f("ix_appointments_id_hash"))

    op.drop_table("appointments")
