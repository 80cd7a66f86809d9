"""The PostgreSQL connection pool's size is a setting (``CLERK_DB_POOL_SIZE``,
``CLERK_DB_MAX_OVERFLOW``, ``CLERK_DB_POOL_TIMEOUT_SECONDS``; docs/SCALING.md)."""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from sqlalchemy import create_engine, text

from records_service.db import PoolLimits, make_engine
from records_service.settings import Settings, SettingsError
from tests.helpers.service import REPO_ROOT, _child_env
from tests.helpers.service_api import TIMEOUT, token_for

pytestmark = pytest.mark.sqlite_only  # the pool is PostgreSQL's; each test says its database


def test_the_configured_pool_is_the_engines_pool(postgres_database: str) -> None:
    settings = Settings.load(
        {
            "CLERK_DATABASE_URL": postgres_database,
            "CLERK_DB_POOL_SIZE": "12",
            "CLERK_DB_MAX_OVERFLOW": "3",
            "CLERK_DB_POOL_TIMEOUT_SECONDS": "2.5",
        }
    )
    engine = make_engine(settings.database_url, pool=PoolLimits.from_settings(settings))
    try:
        assert engine.pool.size() == 12  # type: ignore[attr-defined]
        assert engine.pool.timeout() == 2.5  # type: ignore[attr-defined]
        assert engine.pool._max_overflow == 3  # type: ignore[attr-defined]
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        engine.dispose()
    unset = Settings.load({"CLERK_DATABASE_URL": postgres_database})
    assert PoolLimits.from_settings(unset) == PoolLimits(5, 10, 30)  # SQLAlchemy's own


def _prepared_after_ten_runs(engine) -> int:
    with engine.connect() as conn:
        for _ in range(10):  # psycopg prepares a statement at its 5th run by default
            conn.execute(text("SELECT count(*) FROM pg_class WHERE relkind = 'r'")).scalar_one()
        return conn.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar_one()


def test_prepared_statements_can_be_turned_off_for_pgbouncer(postgres_database: str) -> None:
    off = Settings.load(
        {"CLERK_DATABASE_URL": postgres_database, "CLERK_DB_PREPARED_STATEMENTS": "false"}
    )
    on = Settings.load({"CLERK_DATABASE_URL": postgres_database})
    for settings, prepared in ((off, 0), (on, 1)):
        engine = make_engine(settings.database_url, pool=PoolLimits.from_settings(settings))
        try:
            assert _prepared_after_ten_runs(engine) == prepared
        finally:
            engine.dispose()
    with pytest.raises(SettingsError):  # not a yes or no: refused, never read as "on"
        Settings.load(
            {"CLERK_DATABASE_URL": postgres_database, "CLERK_DB_PREPARED_STATEMENTS": "maybe"}
        )


def test_a_service_with_a_pool_of_two_opens_two_connections_and_answers_everyone(
    service_factory,
) -> None:
    service = service_factory(
        backend="postgres", env={"CLERK_DB_POOL_SIZE": "2", "CLERK_DB_MAX_OVERFLOW": "0"}
    )
    token = token_for(service)
    watcher = create_engine(service.database_url)
    peak, stop = [0], threading.Event()
    # The service's connections only: an autovacuum worker (or a parallel query's worker)
    # on this database shows in pg_stat_activity too, whenever the server sends one.
    count = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
    )

    def watch() -> None:
        with watcher.connect() as conn:
            while not stop.wait(0.01):
                peak[0] = max(peak[0], conn.execute(count).scalar_one())
                conn.rollback()

    def pull(_: int) -> int:
        return requests.get(
            service.url("/changes?after=0&limit=50"),
            headers={"Authorization": f"Bearer {token}"},
            timeout=TIMEOUT,
        ).status_code

    thread = threading.Thread(target=watch)
    thread.start()
    try:
        with ThreadPoolExecutor(24) as pool:
            answers = list(pool.map(pull, range(96)))
    finally:
        stop.set()
        thread.join()
    with watcher.connect() as conn:
        after = conn.execute(count).scalar_one()
    watcher.dispose()
    assert answers == [200] * 96
    assert 1 <= peak[0] <= 2
    assert after <= 2


@pytest.mark.parametrize(
    ("variable", "value", "why"),
    [
        ("CLERK_DB_POOL_SIZE", "0", "Input should be greater than or equal to 1"),
        ("CLERK_DB_MAX_OVERFLOW", "lots", "Input should be a valid integer"),
        ("CLERK_DB_POOL_TIMEOUT_SECONDS", "-1", "Input should be greater than 0"),
    ],
)
def test_a_bad_pool_setting_stops_the_service_with_words(tmp_path, variable, value, why) -> None:
    env = _child_env(f"sqlite:///{tmp_path / 'records.db'}", {variable: value})
    result = subprocess.run(
        [sys.executable, "-m", "records_service", "serve", "--port", "1"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert f"{variable}='{value}': {why}" in result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(SettingsError, match=variable):
        Settings.load({variable: value})
