# ruff: noqa: E501 - SQL generators read better unwrapped
"""Records service benchmarks (not in CI): ``python -m bench.bench_service``.

1. Case creation over HTTP — throughput and p99 latency on SQLite and PostgreSQL with 1 and
   2 service processes, each as a ratio to a bare FastAPI endpoint doing one plain INSERT
   of the same JSON body into the same database with the same number of processes, in
   the same run.
2. The workload query (what ``GET /workload`` computes) over 1,000,000 cases, as a ratio
   to the raw indexed ``GROUP BY window_code, status`` over the same rows.

PostgreSQL runs on a throwaway cluster (root + PostgreSQL 15, as the tests do) or on
``CLERK_TEST_POSTGRES_URL``; without either only SQLite is measured.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, Request
from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parents[1]
#: Closed-loop clients of a creation load (``--clients``): each sends its next request when
#: its last is answered, so this is the number of requests in flight, split between the
#: service's processes.
CLIENTS = 8
#: The load generator's HTTP client (``--generator``): ``requests`` (a Session per client)
#: or ``http.client`` (one plain keep-alive connection per client, about a quarter of the
#: CPU per request on the same cores as the servers).
GENERATOR = "requests"


# -- the baseline: a bare FastAPI endpoint doing one plain INSERT ------------------------


def baseline_app() -> Any:
    """``uvicorn --factory bench.bench_service:baseline_app`` (database from the env)."""
    engine = create_engine(os.environ["BENCH_DATABASE_URL"])
    app = FastAPI()

    @app.post("/insert", status_code=201)
    async def insert(request: Request) -> dict[str, str]:
        body = await request.body()
        key = json.loads(body)["id"]
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO bench_plain (id, body) VALUES (:id, :body)"),
                {"id": key, "body": body.decode()},
            )
        return {"id": key}

    return app


# -- helpers -------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def _serve(
    args: list[str],
    env: dict[str, str],
    port: int,
    script: str | None = None,
    probe: str = "/api/v1/health",  # cheap: the first /openapi.json takes a second to build
) -> Iterator[str]:
    command = [sys.executable, "-c", script, *args[1:]] if script else [sys.executable, "-m", *args]
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env={**os.environ, **env, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(base + probe, timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{' '.join(args)} did not start")
            time.sleep(0.2)
        _SERVED[base] = process.pid
        yield base
    finally:
        _SERVED.pop(base, None)
        process.terminate()
        process.wait(timeout=30)


_LAST_CPU_MS = [0.0]
#: The load generator's own CPU milliseconds per request in the last :func:`_load` (it
#: shares the machine's cores with the servers and the database).
_CLIENT_CPU_MS = [0.0]
#: The server process of each base URL that :func:`_serve` runs.
_SERVED: dict[str, int] = {}


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its descendants (Linux)."""
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    tree, total = {pid}, 0.0
    for _ in range(3):  # uvicorn's workers are children (their helpers grandchildren)
        tree |= {child for child, parent in parents.items() if parent in tree}
    for member in tree:
        total += used.get(member, 0.0)
    return total


def _load(
    url: str,
    bodies: list[dict[str, Any]],
    headers: dict[str, str],
    clients: int = CLIENTS,
    generator: str = GENERATOR,
) -> tuple[float, float]:
    """POST every body from ``clients`` threads with ``generator``'s HTTP client: (requests
    per second, p99 seconds).

    Also notes the server's CPU milliseconds per request in ``_LAST_CPU_MS`` (less
    sensitive to a busy machine than the rate)."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    chunks = [bodies[i::clients] for i in range(clients)]

    def client(chunk: list[dict[str, Any]]) -> None:
        if generator == "http.client":
            plain_client(chunk)
            return
        session = requests.Session()
        for body in chunk:
            started = time.perf_counter()
            response = session.post(
                url, json=body, headers={**headers, "Idempotency-Key": body["id"]}, timeout=60
            )
            if not answered(response.status_code, response.text, started):
                return

    def answered(status: int, text: str, started: float) -> bool:
        """Keep a 201's latency; note anything else as an error (the client stops)."""
        elapsed = time.perf_counter() - started
        if status != 201:
            errors.append(f"{status} {text[:300]}")
            return False
        with lock:
            latencies.append(elapsed)
        return True

    def plain_client(chunk: list[dict[str, Any]]) -> None:
        parts = urlsplit(url)
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
        for body in chunk:
            data = json.dumps(body).encode()
            sent = {**headers, "Idempotency-Key": body["id"], "Content-Type": "application/json"}
            started = time.perf_counter()
            conn.request("POST", parts.path, body=data, headers=sent)
            response = conn.getresponse()
            answer = response.read()
            if not answered(response.status, repr(answer[:300]), started):
                return
        conn.close()

    threads = [threading.Thread(target=client, args=(c,)) for c in chunks]
    base = url.split("/", 3)
    pid = _SERVED.get("/".join(base[:3]))
    cpu_before = _tree_cpu(pid) if pid else 0.0
    client_before = time.process_time()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    _LAST_CPU_MS[0] = (_tree_cpu(pid) - cpu_before) * 1000 / len(bodies) if pid else 0.0
    _CLIENT_CPU_MS[0] = (time.process_time() - client_before) * 1000 / len(bodies)
    if errors:
        raise RuntimeError(errors[0])
    return len(bodies) / wall, statistics.quantiles(latencies, n=100)[98]


def _case_bodies(first_seq: int, count: int) -> list[dict[str, Any]]:
    from tests.helpers.service_api import case_body

    return [case_body(seq=first_seq + i) for i in range(count)]


def _prepare(url: str) -> None:
    from tests.helpers.service import build_demo_database

    build_demo_database(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("CREATE TABLE IF NOT EXISTS bench_plain (id VARCHAR(36) PRIMARY KEY, body TEXT)")
        )
    engine.dispose()


def _ours(stack: contextlib.ExitStack, url: str, processes: int) -> tuple[str, dict[str, str]]:
    """Serve the records service on ``url`` with ``processes`` workers: (its cases URL, the
    clerk's headers)."""
    env = {"CLERK_DATABASE_URL": url, "CLERK_LOGIN_MAX_FAILURES": "100"}
    port = _free_port()
    serve = ["records_service", "serve", "--port", str(port), "--log-level", "warning",
             "--workers", str(processes)]  # fmt: skip
    base = stack.enter_context(_serve(serve, env, port))
    login = requests.post(
        base + "/api/v1/auth/login",
        json={"username": "demo-clerk", "password": "demo-pass-2026", "window_code": "W01"},
        timeout=30,
    ).json()
    return base + "/api/v1/cases", {"Authorization": f"Bearer {login['access_token']}"}


def _bare(stack: contextlib.ExitStack, url: str, processes: int) -> str:
    """Serve the bare endpoint on ``url`` with ``processes`` workers: its URL."""
    env = {"BENCH_DATABASE_URL": url}
    port = _free_port()
    uvicorn = ["uvicorn", "bench.bench_service:baseline_app", "--factory", "--port", str(port),
               "--log-level", "warning", "--no-access-log", "--workers", str(processes)]  # fmt: skip
    return stack.enter_context(_serve(uvicorn, env, port, probe="/openapi.json")) + "/insert"


def _plain_bodies(count: int) -> list[dict[str, Any]]:
    return [{**b, "id": str(uuid.uuid4())} for b in _case_bodies(0, count)]


def _spread(values: list[float]) -> str:
    """The median of ``values`` with their range."""
    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def bench_creation(
    backend: str,
    urls: dict[int, str],
    count: int,
    rounds: int = 1,
    processes: tuple[int, ...] = (1, 2),
    clients: int = CLIENTS,
    generator: str = GENERATOR,
) -> None:
    """Case creation against the bare endpoint with each number of ``processes``, all four
    (or two) servers up at once and measured in turn, ``rounds`` times: each round runs
    every server once (the order turned each round), so that a change of the machine's
    load falls on ours and the bare endpoint alike. Prints each round, then the medians
    (with their ranges) of the ratios taken within each round, and with 1 and 2 processes
    the gain of 2 over 1 for ours and for the bare endpoint. ``clients`` requests are in
    flight at once, the same number for ours and the bare endpoint, sent with ``generator``'s HTTP client."""
    figures: dict[tuple[str, int], list[tuple[float, float, float]]] = {}
    generator_cpu: list[float] = []
    with contextlib.ExitStack() as stack:
        targets: list[tuple[str, int, str, dict[str, str]]] = []
        for n in processes:
            _prepare(urls[n])
            url, headers = _ours(stack, urls[n], n)
            targets.append(("ours", n, url, headers))
            targets.append(("bare", n, _bare(stack, urls[n], n), {}))
        for kind, n, url, headers in targets:  # warm up: first connections, first plans
            warm = _case_bodies(900_000 + n * 10_000, 40) if kind == "ours" else _plain_bodies(40)
            _load(url, warm, headers, clients, generator)
        for r in range(rounds):
            turned = targets[r % len(targets) :] + targets[: r % len(targets)]
            for kind, n, url, headers in turned:
                first = 100_000 + n * 100_000 + r * count
                bodies = _case_bodies(first, count) if kind == "ours" else _plain_bodies(count)
                rate, p99 = _load(url, bodies, headers, clients, generator)
                figures.setdefault((kind, n), []).append((rate, p99, _LAST_CPU_MS[0]))
                generator_cpu.append(_CLIENT_CPU_MS[0])
            for n in processes:
                (rate, p99, cpu), (base_rate, base_p99, base_cpu) = (
                    figures[("ours", n)][r],
                    figures[("bare", n)][r],
                )
                print(
                    f"create case  {backend:8} {n} process(es) round {r + 1}: {rate:7.1f}/s p99"
                    f" {p99 * 1000:6.1f} ms | bare insert {base_rate:7.1f}/s p99"
                    f" {base_p99 * 1000:6.1f} ms | throughput ratio {rate / base_rate:5.2f},"
                    f" p99 ratio {p99 / base_p99:5.2f} | service CPU {cpu:5.2f} ms/request,"
                    f" bare {base_cpu:5.2f} (ratio {base_cpu / cpu:4.2f})",
                    flush=True,
                )
    for n in processes:
        ours, bare = figures[("ours", n)], figures[("bare", n)]
        print(
            f"SUMMARY {backend:8} {n} process(es), {rounds} rounds of {count}, {clients} clients"
            f" ({generator}): throughput ratio"
            f" {_spread([o[0] / b[0] for o, b in zip(ours, bare, strict=True)])}, p99 ratio"
            f" {_spread([o[1] / b[1] for o, b in zip(ours, bare, strict=True)])}, service CPU"
            f" {_spread([o[2] for o in ours])} ms, bare {_spread([b[2] for b in bare])} ms;"
            f" rates {_spread([o[0] for o in ours])}/s, bare {_spread([b[0] for b in bare])}/s"
        )
    print(f"SUMMARY {backend:8} load generator CPU {_spread(generator_cpu)} ms/request")
    if 1 in processes and 2 in processes:
        gain = [
            o2[0] / o1[0] for o1, o2 in zip(figures[("ours", 1)], figures[("ours", 2)], strict=True)
        ]
        base = [
            b2[0] / b1[0] for b1, b2 in zip(figures[("bare", 1)], figures[("bare", 2)], strict=True)
        ]
        ahead = sum(1 for g, b in zip(gain, base, strict=True) if g >= b)
        print(
            f"SUMMARY {backend:8} 2 processes over 1: ours {_spread(gain)}x, bare"
            f" {_spread(base)}x (ours gained at least as much in {ahead} of {rounds} rounds)"
        )


# -- where one case creation spends its time --------------------------------------------

_PROFILED_SERVER = """
import cProfile, os, signal, sys
import fastapi.dependencies.utils, fastapi.routing, uvicorn

async def direct(func, *args, **kwargs):  # run sync routes in the profiled (main) thread
    return func(*args, **kwargs)

fastapi.routing.run_in_threadpool = direct
fastapi.dependencies.utils.run_in_threadpool = direct
from records_service.app import create_app
from records_service.settings import Settings
app = create_app(Settings.load())
profile = cProfile.Profile()

def stop(*_):  # uvicorn re-raises the SIGTERM it stopped on: write the profile then
    profile.disable()
    profile.dump_stats(os.environ["BENCH_PROFILE_OUT"])
    os._exit(0)

signal.signal(signal.SIGTERM, stop)
profile.enable()
uvicorn.run(app, port=int(sys.argv[1]), log_level="warning", access_log=False)
stop()
"""


def profile_creation(backend: str, url: str, count: int, top: int = 25) -> None:
    """cProfile of ``count`` case creations, one at a time, the route run in the server's
    main thread (FastAPI's thread pool bypassed so that cProfile sees it): the ``top``
    lines by cumulative time, per request."""
    import io
    import pstats

    from tests.helpers.service import build_demo_database

    build_demo_database(url)
    out = Path(tempfile.mkdtemp(prefix="clerk-profile-")) / "create.prof"
    env = {"CLERK_DATABASE_URL": url, "CLERK_LOGIN_MAX_FAILURES": "100",
           "BENCH_PROFILE_OUT": str(out)}  # fmt: skip
    port = _free_port()
    with _serve(["_bench_profiled", str(port)], env, port, script=_PROFILED_SERVER) as base:
        login = requests.post(
            base + "/api/v1/auth/login",
            json={"username": "demo-clerk", "password": "demo-pass-2026", "window_code": "W01"},
            timeout=30,
        ).json()
        headers = {"Authorization": f"Bearer {login['access_token']}"}
        session = requests.Session()
        started = time.perf_counter()
        for body in _case_bodies(500_000, count):
            answer = session.post(
                base + "/api/v1/cases",
                json=body,
                headers={**headers, "Idempotency-Key": body["id"]},
                timeout=60,
            )
            if answer.status_code != 201:
                raise RuntimeError(f"{answer.status_code} {answer.text[:300]}")
        wall = time.perf_counter() - started
    deadline = time.monotonic() + 30
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    text_out = io.StringIO()
    stats = pstats.Stats(str(out), stream=text_out)
    stats.sort_stats("cumulative").print_stats("records_service|sqlalchemy/orm/session", top)
    stats.sort_stats("tottime").print_stats(top)
    keep = os.environ.get("BENCH_PROFILE_KEEP")
    if keep:
        shutil.copyfile(out, keep)
    shutil.rmtree(out.parent, ignore_errors=True)
    print(f"profile      {backend:8} {count} creations one at a time: "
          f"{wall / count * 1000:.2f} ms each (profiled)")  # fmt: skip
    print(text_out.getvalue())


# -- workload over 1,000,000 cases -----------------------------------------------------------

_FILL_SQLITE = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)
INSERT INTO cases (id, case_no, seq, query_code, item_code, window_code, catalog_version,
    applicant, agent, materials, disposition, status, received_at, due_date,
    due_date_provisional, completed_at, fee_fen, clerk, created_by, device_id, created_at,
    updated_at, center_code)
SELECT printf('bench-%010d', i), printf('HS-W0%d-20260101-%07d', 1 + i % 6, i), i, '123456',
    'X', 'W0' || (1 + i % 6), 'bench', '{"kind":"person","name":"x"}', NULL, '[]',
    CASE i % 3 WHEN 0 THEN 'immediate' ELSE 'promised' END,
    CASE i % 5 WHEN 0 THEN 'accepted' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'suspended'
         ELSE 'completed_approved' END,
    datetime(:start, '+' || (i % 2592000) || ' seconds'),
    date(:start, '+' || (10 + i % 30) || ' days'), 0,
    CASE WHEN i % 5 >= 3 THEN datetime(:start, '+' || (i % 2592000 + 86400 * (i % 9)) || ' seconds') END,
    0, 'bench', 'bench', NULL, :start, :start, :center
FROM n
"""

_FILL_POSTGRES = """
INSERT INTO cases (id, case_no, seq, query_code, item_code, window_code, catalog_version,
    applicant, agent, materials, disposition, status, received_at, due_date,
    due_date_provisional, completed_at, fee_fen, clerk, created_by, device_id, created_at,
    updated_at, center_code)
SELECT 'bench-' || lpad(i::text, 10, '0'), 'HS-W0' || (1 + i % 6) || '-20260101-' || lpad(i::text, 7, '0'),
    i, '123456', 'X', 'W0' || (1 + i % 6), 'bench', '{"kind":"person","name":"x"}', NULL, '[]',
    CASE i % 3 WHEN 0 THEN 'immediate' ELSE 'promised' END,
    CASE i % 5 WHEN 0 THEN 'accepted' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'suspended'
         ELSE 'completed_approved' END,
    CAST(:start AS timestamptz) + make_interval(secs => i % 2592000),
    CAST(:start AS date) + (10 + i % 30), false,
    CASE WHEN i % 5 >= 3 THEN CAST(:start AS timestamptz) + make_interval(secs => i % 2592000 + 86400 * (i % 9)) END,
    0, 'bench', 'bench', NULL, CAST(:start AS timestamptz), CAST(:start AS timestamptz), :center
FROM generate_series(1, :count) AS i
"""

RAW_GROUP_BY = """
SELECT window_code, status, count(*) FROM cases
WHERE received_at >= :start AND received_at < :end GROUP BY window_code, status
"""


def bench_workload(backend: str, url: str, count: int) -> None:
    from clerk_app.core import workload
    from records_service import rules
    from records_service.db import Database
    from records_service.routers.workload import case_buckets
    from records_service.settings import Settings
    from tests.helpers.service import build_demo_database

    build_demo_database(url)
    start = datetime(2026, 3, 1, tzinfo=UTC)
    end = start + timedelta(days=30)
    engine = create_engine(url)
    fill = _FILL_SQLITE if backend == "sqlite" else _FILL_POSTGRES
    started = time.perf_counter()
    with engine.begin() as conn:
        stamp = start.strftime("%Y-%m-%d %H:%M:%S") if backend == "sqlite" else start.isoformat()
        center = Settings.load().center_code
        conn.execute(text(fill), {"count": count, "start": stamp, "center": center})
        conn.execute(text("ANALYZE"))
    print(f"  ({backend}: {count:,} cases generated in {time.perf_counter() - started:.1f} s)")
    bounds: dict[str, Any] = {"start": start, "end": end}
    if backend == "sqlite":
        bounds = {
            k: v.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f") for k, v in bounds.items()
        }

    def raw() -> int:
        with engine.connect() as conn:
            return len(conn.execute(text(RAW_GROUP_BY), bounds).all())

    database = Database(url)
    windows = [f"W0{i}" for i in range(1, 7)]

    def figures() -> int:
        with database.read() as session:
            buckets = case_buckets(session, windows, start, end)
            rows = workload.summarize(
                buckets, today=date(2026, 3, 20), calendar=rules.calendar(session)
            )
        return len(rows)

    raw()
    figures()
    raw_s = min(_timed(raw) for _ in range(3))
    ours_s = min(_timed(figures) for _ in range(3))
    print(
        f"workload     {backend:8} {count:,} cases: {ours_s * 1000:8.1f} ms | raw indexed "
        f"GROUP BY {raw_s * 1000:8.1f} ms | ratio {ours_s / raw_s:5.2f}"
    )
    database.dispose()
    engine.dispose()


def _timed(fn: Any) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# -- databases -----------------------------------------------------------------------------


@contextlib.contextmanager
def _postgres() -> Iterator[str | None]:
    given = os.environ.get("CLERK_TEST_POSTGRES_URL")
    if given:
        yield given.rstrip("/")
        return
    from tests.helpers.service import PG_BIN, _run_as_postgres

    if not (PG_BIN / "initdb").exists() or os.geteuid() != 0:
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="clerk-bench-pg-"))
    data, port = folder / "data", _free_port()
    try:  # the folder goes (and a started server stops) whatever fails
        (folder / "sock").mkdir()
        (folder / "pw").write_text("pw\n")
        for item in (folder, *folder.iterdir()):
            shutil.chown(item, "postgres")
        _run_as_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres",
                         f"--pwfile={folder / 'pw'}", "--auth-host=scram-sha-256", "--no-sync")  # fmt: skip
        _run_as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                         "-w", "-o", f"-p {port} -k {folder / 'sock'} -c listen_addresses=127.0.0.1",
                         "start")  # fmt: skip
        yield f"postgresql+psycopg://postgres:pw@127.0.0.1:{port}"
    finally:
        if (data / "postmaster.pid").exists():
            _run_as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def _new_database(server: str | None, folder: Path, name: str) -> str:
    if server is None:
        return f"sqlite:///{folder / (name + '.db')}"
    admin = create_engine(server + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{server}/{name}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="rows for the workload")
    parser.add_argument("--requests", type=int, default=400, help="creations per measurement")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument(
        "--parts",
        default="creation,workload",
        help="creation, profile and/or workload (comma-separated)",
    )
    parser.add_argument("--profile-requests", type=int, default=300)
    parser.add_argument(
        "--rounds", type=int, default=1, help="creation: each server measured this many times"
    )
    parser.add_argument("--processes", default="1,2", help="creation: service processes")
    parser.add_argument(
        "--clients", type=int, default=CLIENTS, help="creation: requests in flight at once"
    )
    parser.add_argument(
        "--generator",
        choices=("requests", "http.client"),
        default=GENERATOR,
        help="creation: the load generator's HTTP client",
    )
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    folder = Path(tempfile.mkdtemp(prefix="clerk-bench-"))
    try:
        with _postgres() as pg:
            for backend in args.backends.split(","):
                server = pg if backend == "postgres" else None
                if backend == "postgres" and pg is None:
                    print("postgres: no server (set CLERK_TEST_POSTGRES_URL or run as root)")
                    continue
                if "creation" in parts:
                    counts = tuple(int(n) for n in args.processes.split(","))
                    urls = {n: _new_database(server, folder, f"create_{n}") for n in counts}
                    bench_creation(
                        backend,
                        urls,
                        args.requests,
                        args.rounds,
                        counts,
                        args.clients,
                        args.generator,
                    )
                if "profile" in parts:
                    url = _new_database(server, folder, "profile")
                    profile_creation(backend, url, args.profile_requests)
                if "workload" in parts:
                    database = _new_database(server, folder, "workload")
                    bench_workload(backend, database, args.cases)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
