"""The service on PostgreSQL: same schema, same exactly-once creation under concurrency."""

from __future__ import annotations

import threading

import pytest
import requests
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from records_service.migrate import upgrade
from records_service.models import Base
from tests.fixtures.service import build_demo_database
from tests.service.conftest import case_body, post_case, token_for

pytestmark = pytest.mark.postgres


def test_migrated_postgres_schema_matches_the_models(postgres_database) -> None:
    upgrade(postgres_database)
    engine = create_engine(postgres_database)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_concurrent_creation_on_postgres_stores_one_case(postgres_database, service_factory):
    build_demo_database(postgres_database)
    service = service_factory(database_url=postgres_database)
    token = token_for(service)
    body = case_body(seq=1)
    barrier = threading.Barrier(6)
    answers: list[requests.Response] = []

    def send() -> None:
        barrier.wait()
        answers.append(post_case(service, token, body))

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {r.status_code for r in answers} <= {201, 409}, [r.text for r in answers]
    assert len({r.content for r in answers if r.status_code == 201}) == 1
    engine = create_engine(postgres_database)
    try:
        with engine.connect() as conn:
            count = conn.execute(
                text("SELECT count(*) FROM cases WHERE id = :id"), {"id": body["id"]}
            ).scalar()
            assert count == 1
            with pytest.raises(DBAPIError, match="append-only"):
                conn.execute(text("DELETE FROM audit_records"))
    finally:
        engine.dispose()
