"""attachments of online pre-submissions: a file may belong to a pre-submission (issue 22)

The website uploads an online pre-submission's files (issue 19) through the attachment
routes with its integration credential, before there is any case: such a row names its
pre-submission (``presubmission_no``) and no case. When the pre-submission is taken in,
its rows get the case (``case_id``) in the same transaction: the files travel with it.
Every row names a case or a pre-submission (check ``case_or_presubmission``).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 19:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachments", schema=None) as batch:
        batch.alter_column("case_id", existing_type=sa.String(length=36), nullable=True)
        batch.add_column(sa.Column("presubmission_no", sa.String(length=40), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_attachments_presubmission_no_presubmissions"),
            "presubmissions",
            ["presubmission_no"],
            ["no"],
        )
        batch.create_index(
            batch.f("ix_attachments_presubmission_no"), ["presubmission_no"], unique=False
        )
        batch.create_check_constraint(
            op.f("ck_attachments_case_or_presubmission"),
            "case_id IS NOT NULL OR presubmission_no IS NOT NULL",
        )


def downgrade() -> None:
    op.execute("DELETE FROM attachments WHERE case_id IS NULL")
    with op.batch_alter_table("attachments", schema=None) as batch:
        batch.drop_constraint(batch.f("ck_attachments_case_or_presubmission"), type_="check")
        batch.drop_index(batch.f("ix_attachments_presubmission_no"))
        batch.drop_constraint(
            batch.f("fk_attachments_presubmission_no_presubmissions"), type_="foreignkey"
        )
        batch.drop_column("presubmission_no")
        batch.alter_column("case_id", existing_type=sa.String(length=36), nullable=False)
