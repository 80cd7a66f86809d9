"""The migrated PostgreSQL schema is the models' schema.

Everything else runs on PostgreSQL as a parameter of the service suites (see
tests/helpers/service_api.py): exactly-once creation under concurrency in test_cases.py and
test_concurrency.py, the append-only audit trail in test_cases.py and test_audit_chain.py.
"""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from records_service.migrate import upgrade
from records_service.models import Base
from records_service.partitions import in_the_models

pytestmark = pytest.mark.postgres


def test_migrated_postgres_schema_matches_the_models(postgres_database) -> None:
    upgrade(postgres_database)
    engine = create_engine(postgres_database)
    try:
        with engine.connect() as connection:
            # The month partitions, their key tables and what moved there are PostgreSQL's
            # own (records_service.partitions); everything else is the models'.
            options = {"compare_type": True, "include_object": in_the_models}
            context = MigrationContext.configure(connection, opts=options)
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
