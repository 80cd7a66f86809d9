"""上报 between levels: a case forwarded to a center above names the case it came from

A county's case forwarded to the city (``POST /cases/{case_no}/events`` with a ``forward``
event naming ``data.center``) makes one case at the city in the same transaction; that
case's ``forwarded_from`` is the county case's id. The unique index is the database's
guarantee that one case is forwarded up at most once, whatever the retries.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 17:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Native ADD COLUMN on SQLite too (a nullable column without a key: no table copy).
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("forwarded_from", sa.String(length=36), nullable=True))
        batch.create_index(batch.f("ix_cases_forwarded_from"), ["forwarded_from"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_index(batch.f("ix_cases_forwarded_from"))
        batch.drop_column("forwarded_from")
