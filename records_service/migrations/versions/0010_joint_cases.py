"""joint cases (联合审批, 一件事): joint_cases, joint_stages; cases name their joint case,
stage and department

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 09:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("joint_case_no", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("stage", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("department_code", sa.String(length=16), nullable=True))
        batch.create_index(batch.f("ix_cases_joint_case_no"), ["joint_case_no"])
        batch.create_index(batch.f("ix_cases_department_code"), ["department_code"])
    op.create_table(
        "joint_cases",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("joint_no", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("query_code", sa.String(length=6), nullable=False),
        sa.Column("package_code", sa.String(length=64), nullable=False),
        sa.Column("project_type", sa.String(length=16), nullable=True),
        sa.Column("project_code", sa.String(length=32), nullable=True),
        sa.Column("window_code", sa.String(length=16), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("catalog_version", sa.String(length=64), nullable=False),
        sa.Column("applicant", sa.JSON(), nullable=False),
        sa.Column("agent", sa.JSON(), nullable=True),
        sa.Column("materials", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("clerk", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["window_code"], ["windows.code"], name=op.f("fk_joint_cases_window_code_windows")
        ),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_joint_cases_center_code_centers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_joint_cases")),
        sa.UniqueConstraint("joint_no", name=op.f("uq_joint_cases_joint_no")),
    )
    op.create_index(op.f("ix_joint_cases_center_code"), "joint_cases", ["center_code"])
    op.create_index(op.f("ix_joint_cases_project_code"), "joint_cases", ["project_code"])
    op.create_index(op.f("ix_joint_cases_updated_at"), "joint_cases", ["updated_at"])
    op.create_table(
        "joint_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("joint_case_id", sa.String(length=36), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("early", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["joint_case_id"],
            ["joint_cases.id"],
            name=op.f("fk_joint_stages_joint_case_id_joint_cases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_joint_stages")),
        sa.UniqueConstraint("joint_case_id", "stage", name=op.f("uq_joint_stages_joint_case_id")),
    )
    op.create_index(op.f("ix_joint_stages_joint_case_id"), "joint_stages", ["joint_case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_joint_stages_joint_case_id"), table_name="joint_stages")
    op.drop_table("joint_stages")
    op.drop_index(op.f("ix_joint_cases_updated_at"), table_name="joint_cases")
    op.drop_index(op.f("ix_joint_cases_project_code"), table_name="joint_cases")
    op.drop_index(op.f("ix_joint_cases_center_code"), table_name="joint_cases")
    op.drop_table("joint_cases")
    with op.batch_alter_table("cases") as batch:
        batch.drop_index(batch.f("ix_cases_department_code"))
        batch.drop_index(batch.f("ix_cases_joint_case_no"))
        batch.drop_column("department_code")
        batch.drop_column("stage")
        batch.drop_column("joint_case_no")
