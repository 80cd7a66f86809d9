"""case documents

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 14:03:19.326110

Documents issued or reprinted for a case; the window's document sequence high-water mark
comes from here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_documents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("document_no", sa.String(length=64), nullable=False),
        sa.Column("window_code", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("clerk", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_documents_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_documents")),
    )
    with op.batch_alter_table("case_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_documents_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_documents_document_no"), ["document_no"], unique=False
        )
        batch_op.create_index(
            "ix_case_documents_window_year_seq", ["window_code", "year", "seq"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("case_documents", schema=None) as batch_op:
        batch_op.drop_index("ix_case_documents_window_year_seq")
        batch_op.drop_index(batch_op.f("ix_case_documents_document_no"))
        batch_op.drop_index(batch_op.f("ix_case_documents_case_id"))

    op.drop_table("case_documents")
