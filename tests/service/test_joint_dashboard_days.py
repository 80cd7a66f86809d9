"""The stage dashboard's working days in one scan (``records_service.joint_dashboard``):
the figures equal those counted day by day, the way used when a day falls outside the
table of working days. Generated construction projects (the benchmark's), SQLite and
PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from bench.bench_joint_dashboard import END, START, TODAY, fill
from records_service import joint_dashboard
from records_service.db import Database
from records_service.deps import Principal
from records_service.settings import Settings

PROJECTS = 60


@pytest.fixture
def projects(request, backend: str, tmp_path, records_template_db) -> Iterator[Database]:
    """A demo database with ``PROJECTS`` generated construction projects."""
    if backend == "postgres":
        databases = request.getfixturevalue("postgres_databases")
        url = databases.create(databases.demo_template())
    else:
        path = tmp_path / "records.db"
        shutil.copy(records_template_db(), path)
        url = f"sqlite:///{path}"
    engine = create_engine(url)
    fill(engine, backend, PROJECTS, Settings.load().center_code)
    engine.dispose()
    database = Database(url)
    yield database
    database.dispose()


def _figures(database: Database, *, day_by_day: bool) -> list[dict]:
    admin = Principal(kind="user", token_id=0, username="admin", roles=frozenset({"admin"}),
                      window_code=None, department_code=None, device_id=None,
                      center_code=Settings.load().center_code)  # fmt: skip
    with database.read() as session:
        where = [
            joint_dashboard.joint_scope(session, admin),
            joint_dashboard.JointCase.received_at >= START,
            joint_dashboard.JointCase.received_at < END,
        ]
        calendar = joint_dashboard.rules.calendar(session)
        index = joint_dashboard.WorkingDayIndex(calendar, START.date())
        figures = joint_dashboard.StageFigures(session, where, TODAY, index)
        if day_by_day:  # only the anchor in the table: the other days are missed
            figures._w_table = lambda: [0]  # type: ignore[method-assign]
        packages = joint_dashboard.packages_seen(session, where)
        return figures.compute().as_list(packages, {})


def test_working_days_in_one_scan_equal_those_counted_day_by_day(projects):
    fast = _figures(projects, day_by_day=False)
    slow = _figures(projects, day_by_day=True)
    assert fast == slow
    departments = [d for stage in fast for d in stage["departments"]]
    assert sum(d["parts"] for d in departments) == PROJECTS * 15
    assert all(stage["opened"] == PROJECTS for stage in fast)
    assert all(stage["average_days"] for stage in fast if stage["completed"])
    assert sum(d["average_days"] is not None for d in departments) >= 10
    assert sum(d["slowest"] for d in departments) >= 4
