"""fees (issue 17): payment notices, payments and their lines, receipts, paper receipt
ranges, refund requests, cashier days; windows of the settlement center

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 10:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cashier_days",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("cashier", sa.String(length=64), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expected_cash_fen", sa.BigInteger(), nullable=False),
        sa.Column("counted_fen", sa.BigInteger(), nullable=False),
        sa.Column("difference_fen", sa.BigInteger(), nullable=False),
        sa.Column("deposit_ref", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cashier_days")),
        sa.UniqueConstraint("day", "cashier", name=op.f("uq_cashier_days_day")),
    )
    op.create_table(
        "receipt_ranges",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("first", sa.BigInteger(), nullable=False),
        sa.Column("last", sa.BigInteger(), nullable=False),
        sa.Column("cashier", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt_ranges")),
    )
    with op.batch_alter_table("receipt_ranges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_receipt_ranges_cashier"), ["cashier"], unique=False)
        batch_op.create_index(batch_op.f("ix_receipt_ranges_code"), ["code"], unique=False)

    op.create_table(
        "payment_notices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("notice_no", sa.String(length=48), nullable=False),
        sa.Column("case_no", sa.String(length=48), nullable=True),
        sa.Column("window_code", sa.String(length=16), nullable=False),
        sa.Column("department_code", sa.String(length=16), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("payer", sa.JSON(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("waiver", sa.JSON(), nullable=True),
        sa.Column("total_fen", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("payment_code", sa.String(length=32), nullable=True),
        sa.Column("clerk", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_code"], ["centers.code"], name=op.f("fk_payment_notices_center_code_centers")
        ),
        sa.ForeignKeyConstraint(
            ["window_code"], ["windows.code"], name=op.f("fk_payment_notices_window_code_windows")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_notices")),
        sa.UniqueConstraint("notice_no", name=op.f("uq_payment_notices_notice_no")),
        sa.UniqueConstraint("payment_code", name=op.f("uq_payment_notices_payment_code")),
    )
    with op.batch_alter_table("payment_notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_notices_case_no"), ["case_no"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_payment_notices_center_code"), ["center_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_payment_notices_department_code"), ["department_code"], unique=False
        )

    op.create_table(
        "payments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("notice_id", sa.String(length=36), nullable=False),
        sa.Column("notice_no", sa.String(length=48), nullable=False),
        sa.Column("department_code", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("received_fen", sa.BigInteger(), nullable=False),
        sa.Column("change_fen", sa.BigInteger(), nullable=False),
        sa.Column("refunded_fen", sa.BigInteger(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("cashier", sa.String(length=64), nullable=False),
        sa.Column("window_code", sa.String(length=16), nullable=True),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["payment_notices.id"],
            name=op.f("fk_payments_notice_id_payment_notices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("notice_no", name=op.f("uq_payments_notice_no")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payments_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_reference"), ["reference"], unique=False)

    op.create_table(
        "payment_lines",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("payment_id", sa.String(length=36), nullable=False),
        sa.Column("item_code", sa.String(length=64), nullable=False),
        sa.Column("fee_name", sa.String(length=200), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_payment_lines_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_lines")),
    )
    with op.batch_alter_table("payment_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_lines_payment_id"), ["payment_id"], unique=False
        )

    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("check_code", sa.String(length=20), nullable=False),
        sa.Column("verify_url", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("payment_id", sa.String(length=36), nullable=True),
        sa.Column("cashier", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_receipts_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
        sa.UniqueConstraint("code", "number", name=op.f("uq_receipts_code")),
    )
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_receipts_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_receipts_payment_id"), ["payment_id"], unique=False)

    op.create_table(
        "refund_requests",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("payment_id", sa.String(length=36), nullable=False),
        sa.Column("department_code", sa.String(length=16), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("voucher_no", sa.String(length=48), nullable=True),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_refund_requests_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_requests")),
        sa.UniqueConstraint("voucher_no", name=op.f("uq_refund_requests_voucher_no")),
    )
    with op.batch_alter_table("refund_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_refund_requests_payment_id"), ["payment_id"], unique=False
        )

    with op.batch_alter_table("windows", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("settlement", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("windows", schema=None) as batch_op:
        batch_op.drop_column("settlement")

    with op.batch_alter_table("refund_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refund_requests_payment_id"))

    op.drop_table("refund_requests")
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_receipts_payment_id"))
        batch_op.drop_index(batch_op.f("ix_receipts_day"))

    op.drop_table("receipts")
    with op.batch_alter_table("payment_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_lines_payment_id"))

    op.drop_table("payment_lines")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_reference"))
        batch_op.drop_index(batch_op.f("ix_payments_day"))

    op.drop_table("payments")
    with op.batch_alter_table("payment_notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_notices_department_code"))
        batch_op.drop_index(batch_op.f("ix_payment_notices_center_code"))
        batch_op.drop_index(batch_op.f("ix_payment_notices_case_no"))

    op.drop_table("payment_notices")
    with op.batch_alter_table("receipt_ranges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_receipt_ranges_code"))
        batch_op.drop_index(batch_op.f("ix_receipt_ranges_cashier"))

    op.drop_table("receipt_ranges")
    op.drop_table("cashier_days")
