"""joint documents by their joint number (issue 16): case_documents.joint_no

The four documents of a joint case (联合受理通知书, the consolidated 一次性告知, 阶段办结通知,
联合办结通知) are recorded under its first part; ``joint_no`` makes them findable by the
joint number. Documents recorded before it get theirs from their case's joint case.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 12:35:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The kinds of the joint documents (``clerk_app.documents.joint_notices.JOINT_KINDS``).
JOINT_KINDS = ("joint_acceptance", "joint_supplement", "stage_completion", "joint_completion")


def upgrade() -> None:
    with op.batch_alter_table("case_documents") as batch:
        batch.add_column(sa.Column("joint_no", sa.String(length=40), nullable=True))
        batch.create_index(batch.f("ix_case_documents_joint_no"), ["joint_no"], unique=False)
    documents = sa.table(
        "case_documents",
        sa.column("case_id", sa.String),
        sa.column("kind", sa.String),
        sa.column("joint_no", sa.String),
    )
    cases = sa.table("cases", sa.column("id", sa.String), sa.column("joint_case_no", sa.String))
    joint_of_case = (
        sa.select(cases.c.joint_case_no).where(cases.c.id == documents.c.case_id).scalar_subquery()
    )
    op.execute(
        documents.update()
        .where(documents.c.kind.in_(JOINT_KINDS))
        .values(joint_no=sa.func.nullif(joint_of_case, ""))
    )


def downgrade() -> None:
    with op.batch_alter_table("case_documents") as batch:
        batch.drop_index(batch.f("ix_case_documents_joint_no"))
        batch.drop_column("joint_no")
