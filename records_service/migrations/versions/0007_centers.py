"""every record belongs to a center

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 06:30:00

A ``centers`` table (code, name, level, parent) with one default center: the settings'
``center_code`` (``HS`` unless configured), ``center_name`` and ``center_level``. Windows,
users, devices, catalog versions, cases, case events, documents, ratings and audit records
get ``center_code`` (a key of ``centers``); every existing row gets the default center.

The column is added with the default center as its column default, so that existing rows
are filled without an UPDATE (audit records refuse UPDATE, and on PostgreSQL the default is
stored once, not written into every row); PostgreSQL then drops the column default, so a
new row must name its center. SQLite cannot drop a column default without copying the
table, so there it stays: the service always names the center itself. SQLite adds a column
that references another table only with foreign key enforcement off, which ``env.py``
arranges for migrations (and checks every key before committing).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Tables whose rows belong to a center, and the indexes later queries filter on.
TABLES = (
    "windows",
    "users",
    "devices",
    "catalog_versions",
    "cases",
    "case_events",
    "case_documents",
    "ratings",
    "audit_records",
)
#: (index name, table, columns)
INDEXES = (
    ("ix_windows_center_code", "windows", ["center_code"]),
    ("ix_users_center_code", "users", ["center_code"]),
    ("ix_devices_center_code", "devices", ["center_code"]),
    ("ix_catalog_versions_center_code", "catalog_versions", ["center_code"]),
    ("ix_cases_center_received_at", "cases", ["center_code", "received_at"]),
    ("ix_case_events_center_seq", "case_events", ["center_code", "seq"]),
    ("ix_ratings_center_rated_at", "ratings", ["center_code", "rated_at"]),
    ("ix_audit_records_center_id", "audit_records", ["center_code", "id"]),
)
LEVELS = "level IN ('province', 'city', 'county', 'district', 'sub-center')"


def _default_center() -> tuple[str, str, str]:
    """(code, name, level) of the default center, from the service's settings."""
    from records_service.settings import Settings

    settings = Settings.load()
    return settings.center_code, settings.center_name, settings.center_level


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def upgrade() -> None:
    code, name, level = _default_center()
    centers = op.create_table(
        "centers",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("parent_code", sa.String(length=16), nullable=True),
        sa.CheckConstraint(LEVELS, name=op.f("ck_centers_level")),
        sa.CheckConstraint(
            "parent_code IS NULL OR parent_code <> code", name=op.f("ck_centers_not_own_parent")
        ),
        sa.ForeignKeyConstraint(
            ["parent_code"], ["centers.code"], name=op.f("fk_centers_parent_code_centers")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_centers")),
    )
    op.create_index(op.f("ix_centers_parent_code"), "centers", ["parent_code"], unique=False)
    op.bulk_insert(centers, [{"code": code, "name": name, "level": level, "parent_code": None}])

    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in TABLES:
        fk = f"fk_{table}_center_code_centers"
        if sqlite:
            # Native ADD COLUMN (no copy of the table; foreign keys are off, see env.py).
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN center_code VARCHAR(16) "
                f"NOT NULL DEFAULT {_quote(code)} "
                f"CONSTRAINT {fk} REFERENCES centers (code)"
            )
            continue
        op.add_column(
            table,
            sa.Column("center_code", sa.String(length=16), nullable=False, server_default=code),
        )
        op.create_foreign_key(op.f(fk), table, "centers", ["center_code"], ["code"])
        op.alter_column(table, "center_code", server_default=None)
    for index, table, columns in INDEXES:
        op.create_index(op.f(index), table, columns, unique=False)


def downgrade() -> None:
    for index, table, _columns in INDEXES:
        op.drop_index(op.f(index), table_name=table)
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in TABLES:
        if sqlite:
            # SQLite drops a column that references another table only by copying the
            # table; the copy of audit_records loses its append-only triggers: put them back.
            with op.batch_alter_table(table, recreate="always") as batch:
                batch.drop_column("center_code")
            continue
        op.drop_constraint(f"fk_{table}_center_code_centers", table, type_="foreignkey")
        op.drop_column(table, "center_code")
    if sqlite:
        for statement in _SQLITE_AUDIT_TRIGGERS:
            op.execute(statement)
    op.drop_index(op.f("ix_centers_parent_code"), table_name="centers")
    op.drop_table("centers")


_SQLITE_AUDIT_TRIGGERS = (
    """CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
    BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END""",
    """CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
    BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END""",
)
