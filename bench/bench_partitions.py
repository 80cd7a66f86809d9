# ruff: noqa: E501 - SQL generators read better unwrapped
"""The workload query over month-partitioned cases on PostgreSQL (issue 20, not in CI).

``python -m bench.bench_partitions [--cases 10000000] [--months 12] [--explain]``

10,000,000 cases take longer to generate than one sitting of the shared benchmark lock:
``--cluster DIR --phase generate`` keeps the cluster (and the database) in ``DIR``, then
``--cluster DIR --phase time [--drop]`` starts it again and times (``--drop`` removes
``DIR`` at the end: about 7 GB).

Migrates a fresh database (``cases`` partitioned by the UTC month of ``received_at``,
``records_service.partitions``), creates the months' partitions, generates ``--cases``
cases spread evenly over ``--months`` months inside PostgreSQL (``generate_series``; the
key table ``case_keys`` is filled in one statement afterwards, as ``maintain`` moves rows),
then times what ``GET /workload`` computes for one month (``case_buckets`` + summarize) as
a ratio to the raw ``SELECT window_code, status, count(*) ... GROUP BY`` over the same
month, best of 3 each; and how many partitions each plan reads. The issue asks for at most
3× over 10,000,000 cases. PostgreSQL runs on a throwaway cluster (root + PostgreSQL 15) or
on ``CLERK_TEST_POSTGRES_URL``.

Measured 2026-12-06 20:33 UTC, 2 cores shared with other sessions (load 3.7), PostgreSQL 15
throwaway cluster, ``--cases 1000000 --months 12``: 18 partitions, 82,191 cases in the
month, 2 partitions read (the month and the day before it in UTC); ``case_buckets`` +
``summarize`` 90.4 ms against the raw ``GROUP BY`` 73.3 ms: **ratio 1.23**; generated in
24.8 s (671 MB). ``--cases 100000``: 69.3 ms / 8.1 ms = 8.6 (fixed costs: the calendar,
the buckets' Python).

**10,000,000 cases** (2026-12-06, ``--cluster DIR --phase generate`` 22:50–22:54 UTC: 222 s,
6,582 MB, 18 partitions; 821,918 cases in the month, 2 partitions read). At 23:11 (load
6.3, the commit before ba5c8bf): 704.4 ms (its query 639.3) against the raw ``GROUP BY``'s
131.6 ms: **5.35**, over the 3 asked. ``--explain``: the raw query runs in parallel (Partial
HashAggregate in 2 workers and the leader) while ``case_buckets`` is one serial
HashAggregate: PostgreSQL estimates its groups from the nearly unique ``received_at`` and
``completed_at`` under the day expressions (819,170 estimated, 3,240 actual), so a partial
aggregation looks useless to it; and the scan evaluated ``timezone('Asia/Shanghai', ...)``
twice a row (545 of its 923 ms). The bucket query alone at 23:28 (load 3.0): by
the zone's name 460 ms, by the fixed offset ``timezone(INTERVAL '+08:00', ...)`` 296 ms,
the raw 117 ms (161 ms without parallel workers). With ba5c8bf (the fixed offset, 23:31,
load 2.6): **316.1 ms against 117.2 ms: ratio 2.70**; again at 23:36 (load 2.9): 299.0 ms
against 126.2 ms, **2.37**. Left: extended statistics on the two
day expressions (``CREATE STATISTICS ... ON (timezone(...)::date)``, a migration) would let
the planner aggregate in parallel too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text

from bench.bench_service import RAW_GROUP_BY, _free_port, _new_database, _postgres, _timed

_FILL = """
INSERT INTO cases (id, case_no, seq, query_code, item_code, window_code, catalog_version,
    applicant, agent, materials, disposition, status, received_at, due_date,
    due_date_provisional, completed_at, fee_fen, clerk, created_by, device_id, created_at,
    updated_at, center_code)
SELECT 'bench-' || lpad(i::text, 10, '0'), 'HS-W0' || (1 + i % 6) || '-20260101-' || lpad(i::text, 8, '0'),
    i, '123456', 'X', 'W0' || (1 + i % 6), 'bench', '{"kind":"person","name":"x"}', NULL, '[]',
    CASE i % 3 WHEN 0 THEN 'immediate' ELSE 'promised' END,
    CASE i % 5 WHEN 0 THEN 'accepted' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'suspended'
         ELSE 'completed_approved' END,
    t, (t + make_interval(days => 10 + i % 30))::date, false,
    CASE WHEN i % 5 >= 3 THEN t + make_interval(secs => 86400 * (i % 9)) END,
    0, 'bench', 'bench', NULL, t, t, :center
FROM generate_series(CAST(:first AS int), CAST(:last AS int)) AS i,
     LATERAL (SELECT CAST(:start AS timestamptz) + make_interval(secs => (i - 1) * :step) AS t) AS at
"""


def _month_after(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _partitions_read(conn: Any, sql: str, params: dict[str, Any]) -> int:
    plan = "\n".join(conn.execute(text("EXPLAIN " + sql), params).scalars())
    return len(set(re.findall(r"cases_(y\d{4}m\d{2}|default)", plan)))


def generate(url: str, count: int, months: int) -> None:
    """A migrated database holding ``count`` cases over ``months`` months from 2025-01,
    filled a month's share per transaction (progress is printed)."""
    from records_service import partitions
    from records_service.settings import Settings
    from tests.helpers.service import build_demo_database

    build_demo_database(url)
    first = date(2025, 1, 1)
    start = datetime(first.year, first.month, 1, tzinfo=UTC)
    end_all = datetime.combine(_month_after(first, months), datetime.min.time(), tzinfo=UTC)
    step = (end_all - start).total_seconds() / count
    engine = create_engine(url)
    started = time.perf_counter()
    with engine.begin() as conn:
        partitions.create_months(conn, "cases", {_month_after(first, n) for n in range(months)})
    chunk = -(-count // months)
    for lo in range(1, count + 1, chunk):
        hi = min(count, lo + chunk - 1)
        with engine.begin() as conn:
            conn.execute(text(f"SET LOCAL {partitions.MOVE_SETTING} = 'on'"))
            conn.execute(
                text(_FILL),
                {
                    "first": lo,
                    "last": hi,
                    "start": start.isoformat(),
                    "step": step,
                    "center": Settings.load().center_code,
                },
            )
            conn.execute(text(f"SET LOCAL {partitions.MOVE_SETTING} = 'off'"))
            conn.execute(
                text(
                    "INSERT INTO case_keys (id, case_no, forwarded_from) "
                    "SELECT id, case_no, forwarded_from FROM cases "
                    "WHERE id BETWEEN :lo AND :hi"
                ),
                {"lo": f"bench-{lo:010d}", "hi": f"bench-{hi:010d}"},
            )
        print(f"  {hi:,} cases ({time.perf_counter() - started:.0f} s)", flush=True)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE cases"))
        conn.execute(text("VACUUM ANALYZE case_keys"))
        held = conn.execute(
            text("SELECT count(*) FROM pg_inherits WHERE inhparent = 'cases'::regclass")
        ).scalar()
        size = conn.execute(text("SELECT pg_size_pretty(pg_database_size(current_database()))"))
        size_text = size.scalar()
    engine.dispose()
    print(
        f"  ({count:,} cases over {months} months in {held} partitions, generated in "
        f"{time.perf_counter() - started:.1f} s, database {size_text})",
        flush=True,
    )


def time_month(url: str, count: int, months: int, explain: bool = False) -> None:
    """Times what ``GET /workload`` computes for the middle month against the raw
    ``GROUP BY`` (best of 3 each); ``explain``: print both plans (EXPLAIN ANALYZE)."""
    from clerk_app.core import workload
    from records_service import rules
    from records_service.db import Database
    from records_service.routers.workload import case_buckets

    first = date(2025, 1, 1)
    engine = create_engine(url)
    # One month in the middle, as GET /workload?from=..&to=.. would read it (center days).
    month = _month_after(first, months // 2)
    begin = datetime.combine(month, datetime.min.time(), tzinfo=UTC) - timedelta(hours=8)
    end = begin + timedelta(days=30)
    bounds = {"start": begin, "end": end}
    database = Database(url)
    windows = [f"W0{i}" for i in range(1, 7)]

    def raw() -> int:
        with engine.connect() as conn:
            return len(conn.execute(text(RAW_GROUP_BY), bounds).all())

    def figures() -> int:
        with database.read() as session:
            buckets = case_buckets(session, windows, begin, end)
            rows = workload.summarize(
                buckets, today=month + timedelta(days=20), calendar=rules.calendar(session)
            )
            assert sum(b.count for b in buckets) == in_month
        return len(rows)

    def buckets_only() -> int:
        with database.read() as session:
            return len(case_buckets(session, windows, begin, end))

    with engine.connect() as conn:
        in_month = conn.execute(
            text("SELECT count(*) FROM cases WHERE received_at >= :start AND received_at < :end"),
            bounds,
        ).scalar_one()
        read = _partitions_read(conn, RAW_GROUP_BY, bounds)
    raw()
    figures()
    raw_s = min(_timed(raw) for _ in range(3))
    ours_s = min(_timed(figures) for _ in range(3))
    sql_s = min(_timed(buckets_only) for _ in range(3))
    print(
        f"workload over {count:,} cases ({in_month:,} in the month, {read} partitions read): "
        f"{ours_s * 1000:8.1f} ms (its query {sql_s * 1000:.1f} ms) | raw GROUP BY "
        f"{raw_s * 1000:8.1f} ms | ratio {ours_s / raw_s:5.2f} (asked: at most 3)",
        flush=True,
    )
    if explain:
        seen: list[tuple[str, Any]] = []

        def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
            if "count(*)" in statement and "GROUP BY" in statement:
                seen.append((statement, params))

        event.listen(database.engine, "before_cursor_execute", capture)
        buckets_only()
        event.remove(database.engine, "before_cursor_execute", capture)
        with engine.connect() as conn:
            print("\n-- raw GROUP BY:")
            for line in conn.execute(text("EXPLAIN (ANALYZE, BUFFERS) " + RAW_GROUP_BY), bounds):
                print(line[0])
            statement, params = seen[-1]
            print("\n-- case_buckets:")
            for line in conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, params):
                print(line[0])
    database.dispose()
    engine.dispose()


@contextlib.contextmanager
def _own_cluster(folder: Path) -> Iterator[str]:
    """A PostgreSQL cluster kept in ``folder`` (made there, as the postgres user, when it
    is not yet): started for this run on a free port, stopped at its end, data kept."""
    from tests.helpers.service import PG_BIN, _run_as_postgres

    data = folder / "data"
    if not data.exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sock").mkdir(exist_ok=True)
        (folder / "pw").write_text("pw\n")
        for item in (folder, *folder.iterdir()):
            shutil.chown(item, "postgres")
        _run_as_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres",
                         f"--pwfile={folder / 'pw'}", "--auth-host=scram-sha-256", "--no-sync")  # fmt: skip
    port = _free_port()
    options = (
        f"-p {port} -k {folder / 'sock'} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c max_wal_size=8GB -c checkpoint_timeout=30min"
    )
    _run_as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                     "-w", "-t", "120", "-o", options, "start")  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres:pw@127.0.0.1:{port}"
    finally:
        _run_as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000_000)
    parser.add_argument("--months", type=int, default=12, help="months the cases spread over")
    parser.add_argument(
        "--cluster",
        type=Path,
        help="keep the PostgreSQL cluster in this folder (root), to generate in one run "
        "and time in another; removed only with --drop",
    )
    parser.add_argument(
        "--phase", choices=("all", "generate", "time"), default="all", help="with --cluster"
    )
    parser.add_argument("--explain", action="store_true", help="print both plans (ANALYZE)")
    parser.add_argument("--drop", action="store_true", help="remove --cluster's folder at the end")
    args = parser.parse_args(argv)
    print(f"load average before: {os.getloadavg()}", flush=True)
    if args.cluster:
        marker = args.cluster / "generated.json"
        try:
            with _own_cluster(args.cluster) as server:
                url = f"{server}/partitions"
                if args.phase in ("all", "generate"):
                    _new_database(server, args.cluster, "partitions")
                    generate(url, args.cases, args.months)
                    marker.write_text(json.dumps({"cases": args.cases, "months": args.months}))
                if args.phase in ("all", "time"):
                    made = json.loads(marker.read_text())
                    time_month(url, made["cases"], made["months"], args.explain)
        finally:
            if args.drop:
                shutil.rmtree(args.cluster, ignore_errors=True)
        print(f"load average after: {os.getloadavg()}")
        return
    folder = Path(tempfile.mkdtemp(prefix="clerk-bench-"))
    try:
        with _postgres() as server:
            if server is None:
                print("postgres: no server (set CLERK_TEST_POSTGRES_URL or run as root)")
                return
            url = _new_database(server, folder, f"partitions_{int(time.time())}")
            generate(url, args.cases, args.months)
            time_month(url, args.cases, args.months, args.explain)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
