"""access control: enrolment codes, sign-in attempts, forced password change, credential
labels, one rating per visit, idempotency keys scoped to route and caller

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 07:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch.add_column(sa.Column("password_changed_at", sa.DateTime(timezone=True)))
    with op.batch_alter_table("tokens") as batch:
        batch.add_column(sa.Column("label", sa.String(length=100)))
    with op.batch_alter_table("ratings") as batch:
        batch.add_column(sa.Column("event_id", sa.String(length=36)))
        batch.create_unique_constraint(op.f("uq_ratings_event_id"), ["event_id"])
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.drop_constraint("uq_idempotency_keys_key", type_="unique")
        batch.create_unique_constraint(
            "uq_idempotency_keys_route_caller_key", ["route", "principal", "key"]
        )
    op.create_table(
        "enrolments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("window_code", sa.String(length=16), nullable=True),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["window_code"], ["windows.code"], name=op.f("fk_enrolments_window_code_windows")
        ),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_enrolments_center_code_centers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolments")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_enrolments_code_hash")),
    )
    op.create_table(
        "sign_in_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("tried", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_attempts")),
    )
    op.create_index("ix_sign_in_attempts_username_at", "sign_in_attempts", ["username", "at"])
    op.create_index("ix_sign_in_attempts_address_at", "sign_in_attempts", ["address", "at"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_attempts_address_at", table_name="sign_in_attempts")
    op.drop_index("ix_sign_in_attempts_username_at", table_name="sign_in_attempts")
    op.drop_table("sign_in_attempts")
    op.drop_table("enrolments")
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.drop_constraint("uq_idempotency_keys_route_caller_key", type_="unique")
        batch.create_unique_constraint("uq_idempotency_keys_key", ["key"])
    with op.batch_alter_table("ratings") as batch:
        batch.drop_constraint(op.f("uq_ratings_event_id"), type_="unique")
        batch.drop_column("event_id")
    with op.batch_alter_table("tokens") as batch:
        batch.drop_column("label")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("password_changed_at")
        batch.drop_column("must_change_password")
