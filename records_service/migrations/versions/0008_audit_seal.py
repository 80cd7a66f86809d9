"""audit chain per center, sealed with a key kept outside the database

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 07:00:00

Audit records get ``chain_seq`` (the record's position in its center's chain) and ``mac``
(HMAC-SHA256 of ``hash`` under the audit key, a file named by the ``audit_key_file``
setting). Both stay empty on the records written before, which verify as they did. The
columns are added in place (``ALTER TABLE ... ADD COLUMN``, no copy of the table and no
UPDATE: the append-only triggers stay and refuse nothing here).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_records", sa.Column("chain_seq", sa.Integer(), nullable=True))
    op.add_column("audit_records", sa.Column("mac", sa.String(length=64), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+ drops a plain column in place (the triggers stay).
        op.execute("ALTER TABLE audit_records DROP COLUMN mac")
        op.execute("ALTER TABLE audit_records DROP COLUMN chain_seq")
        return
    op.drop_column("audit_records", "mac")
    op.drop_column("audit_records", "chain_seq")
