"""One generated month of cases per database backend, shared by the dashboard tests.

``loaded`` is package-scoped and parametrised over SQLite and PostgreSQL (skipped without
PostgreSQL): the demo database plus 20,000+ generated cases, served by a records service in
this process whose clock stands at :data:`tests.helpers.dashboard_dataset.NOW`.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from clerk_app.core.clock import FixedClock
from tests.helpers import dashboard_dataset as dataset
from tests.helpers.local_service import Clock, LocalService, local_service
from tests.helpers.service import build_demo_database
from tests.helpers.translations import english, qm_dir  # noqa: F401 - the GUI tests' translations


@dataclass
class Loaded:
    backend: str
    service: LocalService
    cases: list[dataset.Generated]


@pytest.fixture(scope="package")
def generated() -> list[dataset.Generated]:
    return dataset.generate()


def _serve(url: str, cases: list[dataset.Generated], backend: str) -> Iterator[Loaded]:
    dataset.load(url, cases)
    with local_service(url, Clock(dataset.NOW)) as service:
        yield Loaded(backend, service, cases)


@pytest.fixture(scope="package", params=["sqlite", "postgres"])
def loaded(request, tmp_path_factory, records_template_db, generated) -> Iterator[Loaded]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("dashboard") / "records.db"
        shutil.copyfile(records_template_db(None), path)
        yield from _serve(f"sqlite:///{path}", generated, "sqlite")
        return
    server = request.getfixturevalue("postgres_server")
    from sqlalchemy import create_engine, text

    name = "dashboard_" + uuid.uuid4().hex[:10]
    admin = create_engine(server + "/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = f"{server}/{name}"
        build_demo_database(url)
        yield from _serve(url, generated, "postgres")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def client_clock() -> FixedClock:
    """The dashboard's clock: the same instant as the service's."""
    return FixedClock(dataset.NOW)
