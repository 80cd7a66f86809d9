"""The audit chain given after commit on PostgreSQL: ``audit_records.xid``, no writer lock

Each center's audit records were chained at write time: the writer took the center's
advisory lock, read the chain's tail and hashed its record after it, so all writers of a
center waited for each other until their commits. Now PostgreSQL writers insert a record
without its chain fields (``prev_hash``, ``hash``, ``chain_seq`` NULL; ``mac`` the seal of
its content alone) and with their transaction id in ``xid``; ``records_service.audit_chain``
chains the records of ended transactions afterwards, one chainer per center, in (``xid``,
``id``) order. The append-only trigger lets that one UPDATE through: the four chain fields
of a record not chained yet, nothing else (``db-grants`` grants the service's role UPDATE
of those four columns only). SQLite writers are serialized anyway and chain at write time
as before (``xid`` stays NULL there).

Existing records get no ``xid`` (the column is added without a default, which is set
afterwards): a record from before the chain (no hash) is never chained later.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 22:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The chain fields the chainer sets once; everything else of a record never changes.
_CHAIN_FIELDS = "- 'prev_hash' - 'hash' - 'chain_seq' - 'mac'"

APPEND_ONLY_CHAINED_ONCE = f"""
CREATE OR REPLACE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.xid IS NOT NULL
       AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.chain_seq IS NOT NULL
       AND (to_jsonb(NEW) {_CHAIN_FIELDS}) = (to_jsonb(OLD) {_CHAIN_FIELDS}) THEN
        RETURN NEW;  -- chained once, after its commit (records_service.audit_chain)
    END IF;
    RAISE EXCEPTION 'audit records are append-only';
END $$
"""
APPEND_ONLY = """
CREATE OR REPLACE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit records are append-only'; END $$
"""


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    # Nullable, no default yet: a native ADD COLUMN on SQLite (no table copy, the
    # append-only triggers stay), and on PostgreSQL the existing rows stay NULL (a
    # volatile default would fill them).
    op.add_column("audit_records", sa.Column("xid", sa.BigInteger(), nullable=True))
    op.create_index("ix_audit_records_center_seq", "audit_records", ["center_code", "chain_seq"])
    op.create_index(
        "ix_audit_records_unchained",
        "audit_records",
        ["center_code", "xid", "id"],
        postgresql_where=sa.text("hash IS NULL AND xid IS NOT NULL"),
        sqlite_where=sa.text("hash IS NULL AND xid IS NOT NULL"),
    )
    if postgres:
        # The writer's transaction id (xid8 fits a bigint: 64 bits, epoch included).
        op.execute(
            "ALTER TABLE audit_records ALTER COLUMN xid "
            "SET DEFAULT (pg_current_xact_id()::text::bigint)"
        )
        op.execute(APPEND_ONLY_CHAINED_ONCE)


def downgrade() -> None:
    """Back to chaining at write time. Records still unchained stay so (chain them first:
    ``clerk-records audit verify`` on this version does)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(APPEND_ONLY)
        op.execute("ALTER TABLE audit_records ALTER COLUMN xid DROP DEFAULT")
    op.drop_index("ix_audit_records_unchained", "audit_records")
    op.drop_index("ix_audit_records_center_seq", "audit_records")
    # SQLite 3.35+ drops a plain column in place (the triggers stay).
    op.execute("ALTER TABLE audit_records DROP COLUMN xid")
