"""cases, case events and the audit trail partitioned by month on PostgreSQL (issue 20)

Each of ``cases`` (by ``received_at``), ``case_events`` (by ``recorded_at``) and
``audit_records`` (by ``at``) becomes a table partitioned by UTC month, with a DEFAULT
partition, in this migration's transaction: a new partitioned table, partitions for every
month that has rows and for last month to three months ahead, the rows copied, the old
table dropped and the new one renamed, its indexes, foreign keys and triggers made again.
What must stay unique across months moves to key tables filled by triggers
(``case_keys``, ``case_event_keys``); the tables referencing a case reference
``case_keys(id)``. ``clerk-records maintain`` creates later months. See
``records_service.partitions``. SQLite: nothing changes.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 20:10:00
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from alembic import op

from records_service import partitions

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    partitions.convert_all(bind, datetime.now(UTC).date())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    partitions.unconvert_all(bind)
