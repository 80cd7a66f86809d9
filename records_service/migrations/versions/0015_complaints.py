"""complaints and supervision, 12345 work orders, online pre-submission, notifications
(issue 19): complaints, complaint_events, supervision_cards, model_windows, hotline_orders,
hotline_events, presubmissions, notifications

Personal data (a complainant's name and contact, a pre-submission's applicant, a
notification's recipient) has its own columns, kept as a case's applicant is (SECURITY.md).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 12:56:32
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("no", sa.String(length=40), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("complainant_name", sa.String(length=100), nullable=False),
        sa.Column("complainant_contact", sa.String(length=100), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("about_kind", sa.String(length=16), nullable=False),
        sa.Column("about_window", sa.String(length=16), nullable=True),
        sa.Column("about_department", sa.String(length=32), nullable=True),
        sa.Column("about_clerk", sa.String(length=64), nullable=True),
        sa.Column("about_case_no", sa.String(length=40), nullable=True),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("account", sa.Text(), nullable=False),
        sa.Column("department_code", sa.String(length=32), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reopened", sa.Boolean(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_by", sa.String(length=64), nullable=True),
        sa.Column("satisfaction", sa.String(length=24), nullable=True),
        sa.Column("callback_note", sa.Text(), nullable=True),
        sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rating_id", sa.String(length=36), nullable=True),
        sa.Column("hotline_order_no", sa.String(length=64), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_complaints_center_code_centers")
        ),
        sa.PrimaryKeyConstraint("no", name=op.f("pk_complaints")),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaints_about_clerk"), ["about_clerk"], unique=False
        )
        batch_op.create_index(
            "ix_complaints_center_created_at", ["center_code", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_complaints_center_status", ["center_code", "status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_complaints_department_code"), ["department_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_complaints_hotline_order_no"), ["hotline_order_no"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_complaints_rating_id"), ["rating_id"], unique=False)

    op.create_table(
        "hotline_orders",
        sa.Column("no", sa.String(length=64), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("caller_masked", sa.String(length=100), nullable=False),
        sa.Column("sign_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("department_code", sa.String(length=32), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("return_reason", sa.Text(), nullable=True),
        sa.Column("extension", sa.JSON(), nullable=True),
        sa.Column("complaint_no", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_hotline_orders_center_code_centers")
        ),
        sa.PrimaryKeyConstraint("no", name=op.f("pk_hotline_orders")),
    )
    with op.batch_alter_table("hotline_orders", schema=None) as batch_op:
        batch_op.create_index(
            "ix_hotline_orders_center_status", ["center_code", "status"], unique=False
        )
        batch_op.create_index(
            "ix_hotline_orders_center_updated_at", ["center_code", "updated_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_hotline_orders_department_code"), ["department_code"], unique=False
        )

    op.create_table(
        "notifications",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("recipient_masked", sa.String(length=100), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("related_no", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_notifications_center_code_centers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notifications_center_sent_at", ["center_code", "sent_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_notifications_related_no"), ["related_no"], unique=False
        )

    op.create_table(
        "presubmissions",
        sa.Column("no", sa.String(length=40), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("item_code", sa.String(length=64), nullable=True),
        sa.Column("package_code", sa.String(length=64), nullable=True),
        sa.Column("department_code", sa.String(length=32), nullable=False),
        sa.Column("applicant", sa.JSON(), nullable=False),
        sa.Column("form_data", sa.JSON(), nullable=False),
        sa.Column("materials", sa.JSON(), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("supplement_text", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=64), nullable=True),
        sa.Column("case_no", sa.String(length=40), nullable=True),
        sa.Column("query_code", sa.String(length=6), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_presubmissions_center_code_centers")
        ),
        sa.PrimaryKeyConstraint("no", name=op.f("pk_presubmissions")),
        sa.UniqueConstraint(
            "center_code", "external_id", name=op.f("uq_presubmissions_center_code")
        ),
    )
    with op.batch_alter_table("presubmissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_presubmissions_case_no"), ["case_no"], unique=False)
        batch_op.create_index(
            "ix_presubmissions_department_status",
            ["center_code", "department_code", "status"],
            unique=False,
        )

    op.create_table(
        "supervision_cards",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("colour", sa.String(length=8), nullable=False),
        sa.Column("target_kind", sa.String(length=16), nullable=False),
        sa.Column("target_code", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_user", sa.String(length=64), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_supervision_cards_center_code_centers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_cards")),
    )
    with op.batch_alter_table("supervision_cards", schema=None) as batch_op:
        batch_op.create_index(
            "ix_supervision_cards_center_month", ["center_code", "month"], unique=False
        )

    op.create_table(
        "complaint_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("complaint_no", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_user", sa.String(length=64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_no"],
            ["complaints.no"],
            name=op.f("fk_complaint_events_complaint_no_complaints"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_events")),
    )
    with op.batch_alter_table("complaint_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_events_complaint_no"), ["complaint_no"], unique=False
        )

    op.create_table(
        "hotline_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("order_no", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_user", sa.String(length=64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_no"],
            ["hotline_orders.no"],
            name=op.f("fk_hotline_events_order_no_hotline_orders"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hotline_events")),
    )
    with op.batch_alter_table("hotline_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hotline_events_order_no"), ["order_no"], unique=False)

    op.create_table(
        "model_windows",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("window_code", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by_user", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_model_windows_center_code_centers")
        ),
        sa.ForeignKeyConstraint(
            ["window_code"], ["windows.code"], name=op.f("fk_model_windows_window_code_windows")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_windows")),
        sa.UniqueConstraint(
            "center_code", "month", "window_code", name=op.f("uq_model_windows_center_code")
        ),
    )


def downgrade() -> None:
    op.drop_table("model_windows")
    with op.batch_alter_table("hotline_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hotline_events_order_no"))

    op.drop_table("hotline_events")
    with op.batch_alter_table("complaint_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_events_complaint_no"))

    op.drop_table("complaint_events")
    with op.batch_alter_table("supervision_cards", schema=None) as batch_op:
        batch_op.drop_index("ix_supervision_cards_center_month")

    op.drop_table("supervision_cards")
    with op.batch_alter_table("presubmissions", schema=None) as batch_op:
        batch_op.drop_index("ix_presubmissions_department_status")
        batch_op.drop_index(batch_op.f("ix_presubmissions_case_no"))

    op.drop_table("presubmissions")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notifications_related_no"))
        batch_op.drop_index("ix_notifications_center_sent_at")

    op.drop_table("notifications")
    with op.batch_alter_table("hotline_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hotline_orders_department_code"))
        batch_op.drop_index("ix_hotline_orders_center_updated_at")
        batch_op.drop_index("ix_hotline_orders_center_status")

    op.drop_table("hotline_orders")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaints_rating_id"))
        batch_op.drop_index(batch_op.f("ix_complaints_hotline_order_no"))
        batch_op.drop_index(batch_op.f("ix_complaints_department_code"))
        batch_op.drop_index("ix_complaints_center_status")
        batch_op.drop_index("ix_complaints_center_created_at")
        batch_op.drop_index(batch_op.f("ix_complaints_about_clerk"))

    op.drop_table("complaints")
