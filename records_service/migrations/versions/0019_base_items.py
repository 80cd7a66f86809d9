"""base items and their implementations per center (事项同源, issue 20)

``base_items``: the province's basic catalogue — a basic code fixes an item's name, type
and legal basis for every level (四级四同). ``item_implementations``: each center's own
implementation of a base item (实施清单) — its implementation code and the catalog item
its windows see (code and catalog version; the item itself, with materials, time limits,
fees, place, hours and phone, stays in the center's catalog version document). Older
catalogs have no implementations: their items stay what the windows see.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 16:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "base_items",
        sa.Column("basic_code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("legal_basis", sa.JSON(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("basic_code", name=op.f("pk_base_items")),
    )
    op.create_table(
        "item_implementations",
        sa.Column("implementation_code", sa.String(length=64), nullable=False),
        sa.Column("center_code", sa.String(length=16), nullable=False),
        sa.Column("basic_code", sa.String(length=64), nullable=False),
        sa.Column("item_code", sa.String(length=64), nullable=False),
        sa.Column("catalog_version", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["basic_code"],
            ["base_items.basic_code"],
            name=op.f("fk_item_implementations_basic_code_base_items"),
        ),
        sa.ForeignKeyConstraint(
            ["center_code"],
            ["centers.code"],
            name=op.f("fk_item_implementations_center_code_centers"),
        ),
        sa.PrimaryKeyConstraint("implementation_code", name=op.f("pk_item_implementations")),
        sa.UniqueConstraint(
            "center_code", "basic_code", name=op.f("uq_item_implementations_center_code")
        ),
    )
    op.create_index(
        op.f("ix_item_implementations_basic_code"),
        "item_implementations",
        ["basic_code"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_item_implementations_basic_code"), table_name="item_implementations")
    op.drop_table("item_implementations")
    op.drop_table("base_items")
