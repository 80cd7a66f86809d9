"""The lead's stage dashboard over 100,000 joint cases (issue 16, not in CI):
``python -m bench.bench_joint_dashboard [--joint-cases N] [--backends sqlite,postgres]``.

One refresh is what ``GET /workload/joint`` computes for an admin: per stage and department
the parts in time, overdue and open and the average working days, each stage's average,
and the first page of joint cases with the approval time the reform counts
(``records_service.joint_dashboard.dashboard``). It is reported as a ratio to the raw
``SELECT package, stage, department, count(*) ... GROUP BY`` of the same parts in the same
database, measured in the same run.

The joint cases are generated in SQL: the demo construction project (government type:
15 parts in four stages, ten departments) received over a year, its stages opened twenty
days apart, a third of the projects complete, most parts of the others ended. They are
bulk-inserted with ``INSERT ... SELECT`` (not through the API); PostgreSQL is a throwaway
cluster run as ``postgres`` (``bench.bench_service._postgres``), removed afterwards even
when the run fails or is stopped (SIGTERM).

Figures (2 shared cores, 8 helpers at work: the load average is printed before and after):

- ``.venv/bin/python -m bench.bench_joint_dashboard --joint-cases 100000
  --backends sqlite,postgres`` (6 December 2026, 12:57-13:03 UTC, commit 0cc6118, load
  4.97 at the start, 9.53 at the end; 1.5 million parts, 400,000 stages):
  SQLite 27,068 ms against a raw GROUP BY of 3,955 ms: 6.84x; PostgreSQL 10,131 ms
  against 648 ms: 15.63x (the raw query runs with two parallel workers; the load had
  doubled by then).
- The same at ``--joint-cases 20000`` after b6d22c8 (PostgreSQL's local day by the fixed
  UTC+8 offset; load 7.6-9.8): SQLite 2,257 ms / 680 ms: 3.32x; PostgreSQL 910 ms /
  293 ms: 3.11x. Before the one-scan rewrite (3bdcf55) the dashboard read the parts three
  times and the stages three times: 8.7x at 2,000 projects and 4.3x at 20,000 on SQLite.
- Where the time goes: the one parts query (counts, in time, overdue, working days; a
  per-row lookup of the stage and of two days) is about 3x the raw GROUP BY; the stages
  query, the page of 100 projects with their events and the Python around them are small.
  Not measured again at 100,000 after b6d22c8 (one run at that size per session).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from bench.bench_service import _new_database, _postgres

START = datetime(2025, 12, 1, tzinfo=UTC)
END = START + timedelta(days=365)
TODAY = date(2026, 11, 30)
PROJECT = "DEMO-PRJ-GCJS"
ROOT = Path(__file__).resolve().parents[1]

RAW_GROUP_BY = """
SELECT j.package_code, c.stage, c.department_code, count(*)
FROM cases c JOIN joint_cases j ON j.joint_no = c.joint_case_no
WHERE j.received_at >= :start AND j.received_at < :end
GROUP BY j.package_code, c.stage, c.department_code
"""


class Dialect:
    """The few expressions SQLite and PostgreSQL write differently."""

    def __init__(self, backend: str) -> None:
        self.pg = backend == "postgres"

    def number(self, prefix: str, expr: str, width: int) -> str:
        if self.pg:
            return f"'{prefix}' || lpad(({expr})::text, {width}, '0')"
        return f"printf('{prefix}%0{width}d', {expr})"

    def plus_seconds(self, moment: str, expr: str) -> str:
        if self.pg:
            return f"({moment} + make_interval(secs => {expr}))"
        return f"datetime({moment}, '+' || ({expr}) || ' seconds')"

    def plus_days(self, moment: str, expr: str) -> str:
        if self.pg:
            return f"({moment} + make_interval(days => {expr}))"
        return f"datetime({moment}, '+' || ({expr}) || ' days')"

    def start(self) -> str:
        return "CAST(:start AS timestamptz)" if self.pg else ":start"

    def day(self, moment: str) -> str:
        return f"CAST({moment} AS date)" if self.pg else f"date({moment})"

    def numbers(self) -> str:
        if self.pg:
            return "CREATE TEMP TABLE bench_n AS SELECT i FROM generate_series(1, :count) AS i"
        return (
            "CREATE TEMP TABLE bench_n AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
            "SELECT i + 1 FROM n WHERE i < :count) SELECT i FROM n"
        )


def fill(engine: Any, backend: str, count: int, center: str) -> None:
    """``count`` joint cases of the demo project with their parts and stages."""
    from clerk_app.core.catalog import Catalog
    from clerk_app.core.joint import plan_parts

    data = json.loads((ROOT / "resources/catalog/demo_catalog.json").read_text("utf-8"))
    catalog = Catalog.from_dict(data)
    package = catalog.package(PROJECT)
    assert package is not None
    stage_no = {s.code: n for n, s in enumerate(package.stages_for("government"))}
    plan = plan_parts(package, catalog, "government")
    d = Dialect(backend)
    start = START.isoformat() if d.pg else START.strftime("%Y-%m-%d %H:%M:%S")
    received = d.plus_seconds(d.start(), "i * 313 % 31536000")
    joints = f"""
    INSERT INTO joint_cases (id, joint_no, seq, query_code, package_code, project_type,
        project_code, window_code, center_code, catalog_version, applicant, agent, materials,
        received_at, completed_at, clerk, created_by, device_id, created_at, updated_at)
    SELECT {d.number("bj-", "i", 10)}, {d.number("HS-W05-20251201-", "i", 7)}, i, '123456',
        '{PROJECT}', 'government', '2026-131102-47-01-000321', 'W05', :center, :version,
        '{{"kind":"organization","name":"x"}}', NULL, '[]', {received},
        CASE WHEN i % 3 = 0 THEN {d.plus_days(received, "70 + i % 20")} END,
        'bench', 'bench', NULL, {received}, {received}
    FROM bench_n"""
    stages = f"""
    INSERT INTO joint_stages (joint_case_id, stage, opened_at, opened_by, early, note,
        completed_at)
    SELECT j.id, p.stage, {d.plus_days("j.received_at", "p.no * 20")}, 'bench',
        {"false" if d.pg else "0"}, '',
        CASE WHEN j.completed_at IS NOT NULL OR p.no < 2
             THEN {d.plus_days("j.received_at", "p.no * 20 + 5 + (j.seq + p.no) % 12")} END
    FROM joint_cases j CROSS JOIN (SELECT DISTINCT stage, no FROM bench_plan) p"""
    ended = "j.completed_at IS NOT NULL OR (p.no < 2 AND (j.seq + p.k) % 9 <> 0)"
    parts = f"""
    INSERT INTO cases (id, case_no, seq, query_code, item_code, window_code, catalog_version,
        applicant, agent, materials, disposition, status, received_at, due_date,
        due_date_provisional, completed_at, fee_fen, clerk, created_by, device_id,
        created_at, updated_at, center_code, joint_case_no, stage, department_code)
    SELECT {d.number("bp-", "j.seq * 16 + p.k", 10)},
        {d.number("HS-W05-20251202-", "j.seq * 16 + p.k", 8)}, j.seq * 16 + p.k, '123456',
        p.item, 'W05', j.catalog_version, j.applicant, NULL, '[]', 'promised',
        CASE WHEN {ended} THEN 'completed_approved' ELSE 'in_progress' END,
        j.received_at, {d.day(d.plus_days("j.received_at", "p.no * 20 + 10"))},
        {"false" if d.pg else "0"},
        CASE WHEN {ended}
             THEN {d.plus_days("j.received_at", "p.no * 20 + 2 + (j.seq + p.k) % 14")} END,
        0, 'bench', 'bench', NULL, j.created_at, j.updated_at, j.center_code, j.joint_no,
        p.stage, p.department
    FROM joint_cases j CROSS JOIN bench_plan p"""
    with engine.begin() as conn:
        conn.execute(text(d.numbers()), {"count": count})
        conn.execute(
            text(
                "CREATE TEMP TABLE bench_plan (k INTEGER, stage VARCHAR(16), no INTEGER, "
                "item VARCHAR(64), department VARCHAR(16))"
            )
        )
        conn.execute(
            text("INSERT INTO bench_plan VALUES (:k, :stage, :no, :item, :department)"),
            [
                {
                    "k": k,
                    "stage": p.stage,
                    "no": stage_no[p.stage],
                    "item": p.item,
                    "department": p.department,
                }
                for k, p in enumerate(plan)
            ],
        )
        params = {"start": start, "center": center, "version": data["version"]}
        conn.execute(text(joints), params)
        conn.execute(text(stages))
        conn.execute(text(parts))
        conn.execute(text("ANALYZE"))


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bench(backend: str, url: str, count: int) -> float:
    """The ratio of one dashboard refresh to the raw GROUP BY (best of three each)."""
    from records_service import joint_dashboard
    from records_service.db import Database
    from records_service.deps import Principal
    from records_service.settings import Settings
    from tests.helpers.service import build_demo_database

    build_demo_database(url)
    engine = create_engine(url)
    center = Settings.load().center_code
    started = time.perf_counter()
    fill(engine, backend, count, center)
    print(
        f"  ({backend}: {count:,} joint cases generated in {time.perf_counter() - started:.1f} s)"
    )
    bounds: dict[str, Any] = {"start": START, "end": END}
    if backend == "sqlite":
        bounds = {
            k: v.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f") for k, v in bounds.items()
        }

    def raw() -> int:
        with engine.connect() as conn:
            return len(conn.execute(text(RAW_GROUP_BY), bounds).all())

    database = Database(url)
    admin = Principal(
        kind="user",
        token_id=0,
        username="bench-admin",
        roles=frozenset({"admin"}),
        window_code=None,
        department_code=None,
        device_id=None,
        center_code=center,
    )

    def dashboard() -> int:
        with database.read() as session:
            answer = joint_dashboard.dashboard(
                session, admin, START, END, TODAY, limit=100, offset=0
            )
        assert answer["joint_cases"] == count, answer["joint_cases"]
        return len(answer["stages"])

    raw()
    dashboard()
    raw_s = min(_timed(raw) for _ in range(3))
    ours_s = min(_timed(dashboard) for _ in range(3))
    ratio = ours_s / raw_s
    print(
        f"joint dashboard {backend:8} {count:,} joint cases: {ours_s * 1000:8.1f} ms | raw "
        f"GROUP BY {raw_s * 1000:8.1f} ms | ratio {ratio:5.2f}"
    )
    database.dispose()
    engine.dispose()
    return ratio


def _stop(signum: int, _frame: Any) -> None:
    raise SystemExit(128 + signum)  # the throwaway cluster is removed on the way out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--joint-cases", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop)
    print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    folder = Path(tempfile.mkdtemp(prefix="clerk-bench-joint-"))
    try:
        with _postgres() as pg:
            for backend in args.backends.split(","):
                server = pg if backend == "postgres" else None
                if backend == "postgres" and pg is None:
                    print("postgres: no server (set CLERK_TEST_POSTGRES_URL or run as root)")
                    continue
                bench(backend, _new_database(server, folder, "joint"), args.joint_cases)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        print("load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
