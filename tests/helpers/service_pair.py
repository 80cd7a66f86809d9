"""Two records-service processes on one database, for tests of concurrent writers (the
change feed's order, the audit chain after commit, optimistic concurrency)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.helpers.service import TEST_NOW, RunningService, ServiceLauncher


@contextlib.contextmanager
def two_services(
    request: Any,
    tmp_path_factory: Any,
    records_template_db: Any,
    name: str,
    env: Callable[[Path], dict[str, str]] | None = None,
) -> Iterator[tuple[Path, str, RunningService, RunningService]]:
    """(folder, database URL, first, second): two services on a copy of the demo database
    of the backend ``request.param`` names ("sqlite" or "postgres"), stopped at the end.

    ``env(folder)``: extra environment of both services.
    """
    folder = tmp_path_factory.mktemp(f"{name}-{request.param}")
    launcher = ServiceLauncher(folder, records_template_db, clock=TEST_NOW)
    try:
        if request.param == "sqlite":
            path = folder / "records.db"
            shutil.copyfile(records_template_db(None), path)
            url = f"sqlite:///{path}"
        else:
            databases = request.getfixturevalue("postgres_databases")
            url = databases.create(template=databases.demo_template())
        extra = env(folder) if env is not None else None
        first = launcher.start(database_url=url, env=extra)
        second = launcher.start(database_url=url, env=extra)
        yield folder, url, first, second
    finally:
        launcher.stop_all()
