"""Province simulation (not in CI): ``python -m bench.bench_province [--scale small]``.

N simulated windows (5,000 by default: a province) on one records-service node, loopback
only, every request from one asyncio client over a pool of keep-alive connections:

1. *steady*: the windows' real request mix (per window-hour, :data:`MIX`: intakes, events
   on them, pulls, status reports, catalog checks, applicants' progress queries, hall-screen
   board polls) at 1×, 2×, 4× ... the real rate, ``--step-seconds`` each, until the node no
   longer keeps up (it finishes less than 95 % of what was offered, or the p99 lag before a
   request could start passes 1 s): windows per node = N × the last rate it kept up with;
2. *storm*: ``--storm`` windows (500) come back after an outage, each pushing a backlog of
   ``--backlog`` cases (200) one after another on its own connection, then pulling, while
   the other windows keep their 1× mix; bounded by ``--storm-seconds``; afterwards each
   window's cases are counted in the database (exactly once);
3. *bare*: the same 1× schedule and the same storm against the bare endpoint of
   ``bench.bench_service`` (a FastAPI route doing one plain INSERT) in the same run: every
   figure is also given as a ratio to it.

A full run (5,000 windows, 60 s steps, a 300 s storm) takes longer than one sitting of the
shared benchmark lock: ``--phases bare --bare-file F`` measures the bare endpoint and keeps
its figures in ``F.<backend>.json``, ``--phases service --bare-file F`` the service, with
the ratios to those figures (measured minutes apart, not in the same run: said in the
output).

CPU per process group (service, database, this client, the whole machine) from /proc, and
on PostgreSQL the share of active backends waiting on a lock (``pg_stat_activity``), say
what saturates. PostgreSQL as in bench_service (a throwaway cluster as root, or
``CLERK_TEST_POSTGRES_URL``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import heapq
import itertools
import json
import os
import random
import shutil
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from bench.bench_service import _free_port, _new_database, _postgres
from bench.province_tools import (
    DAY,
    Bodies,
    Connection,
    CpuMeter,
    LockSampler,
    Tally,
    Window,
    log_errors,
    pct,
    provision,
    running,
)

#: Requests per window-hour (the desk's defaults: a pull every 30 s, a status report every
#: 5 min, the catalog hourly; a busy window takes in 8 cases an hour; one hall screen per
#: 25 windows polls every 30 s; two applicants an hour look up a case of the window).
#: Each intake is followed by its ``start`` and, for half of them, its completion (1.5
#: events per intake), within the minute.
MIX = {"intake": 8, "pull": 120, "status": 12, "catalog": 1, "progress": 2, "board": 120 / 25}
SCALES = {  # windows, storm windows, backlog, step seconds, storm seconds, connections
    "full": (5000, 500, 200, 60, 300, 300),
    "small": (500, 50, 200, 20, 90, 200),
    "tiny": (40, 4, 20, 3, 20, 20),
}


# -- the load ---------------------------------------------------------------------------------


class Province:
    def __init__(
        self, port: int, windows: list[Window], screen: str, bare: bool, seed: int
    ) -> None:
        self.port, self.windows, self.screen, self.bare = port, windows, screen, bare
        self.bodies = Bodies()
        self.random = random.Random(seed)
        self.ids = itertools.count()
        self.pushed: dict[str, int] = defaultdict(int)

    async def call(
        self,
        conn: Connection,
        tally: Tally,
        route: str,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        if self.bare:  # every request of the schedule is the bare endpoint's INSERT
            key = str(uuid.uuid4())
            method, path, body, headers = (
                "POST",
                "/insert",
                {"id": key, "route": route, **(body or {})},
                {},
            )
        payload = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        started = time.perf_counter()
        try:
            status, answer = await conn.request(method, path, payload, headers)
        except (ConnectionError, OSError, asyncio.IncompleteReadError) as exc:
            tally.errors[route] += 1
            tally.sample.setdefault(route, repr(exc))
            return 0, None
        elapsed = time.perf_counter() - started
        if status >= 400:
            tally.errors[route] += 1
            tally.sample.setdefault(route, f"{status} {answer[:200]!r}")
            return status, None
        tally.latencies[route].append(elapsed)
        return status, answer

    async def act(
        self,
        conn: Connection,
        tally: Tally,
        kind: str,
        window: Window,
        follow: Callable[[float, str, Window, str], None],
    ) -> None:
        auth = {"Authorization": f"Bearer {window.token}"}
        api = "/api/v1"
        if kind == "intake":
            window.seq += 1
            body = self.bodies.case(window, window.seq)
            status, _ = await self.call(
                conn,
                tally,
                "POST /cases",
                "POST",
                api + "/cases",
                body,
                {**auth, "Idempotency-Key": body["id"]},
            )
            if status == 201 or (self.bare and status):
                window.cases.append(body["case_no"])
                follow(self.random.uniform(5, 30), "start", window, body["case_no"])
        elif kind == "pull":
            status, answer = await self.call(
                conn,
                tally,
                "GET /changes",
                "GET",
                f"{api}/changes?after={window.cursor}&limit=100",
                None,
                auth,
            )
            if answer and not self.bare:
                window.cursor = int(json.loads(answer).get("next") or window.cursor)
        elif kind == "status":
            report = {
                "waiting": 0,
                "client_version": "0.1.0",
                "clock": datetime.now(UTC).isoformat(),
                "last_sync_at": None,
            }
            await self.call(
                conn,
                tally,
                "POST /devices/{id}/status",
                "POST",
                f"{api}/devices/{window.device}/status",
                report,
                auth,
            )
        elif kind == "catalog":
            await self.call(conn, tally, "GET /catalog", "GET", api + "/catalog", None, auth)
        elif kind == "progress":
            taken = [
                w for w in self.random.sample(self.windows, min(20, len(self.windows))) if w.cases
            ]
            if not taken and not self.bare:
                tally.offered -= 1  # nobody has a case to look up yet
            else:
                case_no = self.random.choice(taken[0].cases) if taken else "x"
                # Applicants come from many addresses (the proxy says which).
                address = ".".join(str(self.random.randrange(1, 255)) for _ in range(3))
                who = {"X-Forwarded-For": f"10.{address}"}
                await self.call(
                    conn,
                    tally,
                    "GET /progress/{no}",
                    "GET",
                    f"{api}/progress/{case_no}?code=482913",
                    None,
                    who,
                )
        elif kind == "board":
            await self.call(
                conn,
                tally,
                "GET /board",
                "GET",
                api + "/board",
                None,
                {"Authorization": f"Bearer {self.screen}"},
            )

    async def steady(
        self,
        windows: list[Window],
        speed: float,
        seconds: float,
        connections: int,
        stop: asyncio.Event | None = None,
    ) -> Tally:
        """The mix of ``windows`` at ``speed`` × the real rate for ``seconds`` (or until
        ``stop`` is set), open loop: requests start at their times, late if the
        connections are all busy."""
        tally, heap, clock = Tally(), [], time.monotonic()
        for kind, per_hour in MIX.items():
            rate, at = len(windows) * per_hour * speed / 3600, 0.0
            while (at := at + self.random.expovariate(rate)) < seconds:
                heap.append((clock + at, next(self.ids), kind, self.random.choice(windows), ""))
        heapq.heapify(heap)
        end = clock + seconds
        queue: asyncio.Queue[tuple[float, str, Window]] = asyncio.Queue()

        def follow(delay: float, kind: str, window: Window, case_no: str) -> None:
            if time.monotonic() + delay < end:
                heapq.heappush(
                    heap, (time.monotonic() + delay, next(self.ids), kind, window, case_no)
                )

        async def dispatch() -> None:
            while heap and not (stop and stop.is_set()):
                due, _, kind, window, case_no = heapq.heappop(heap)
                if (wait := due - time.monotonic()) > 0:
                    await asyncio.sleep(wait)
                tally.offered += 1
                queue.put_nowait((due, kind if not case_no else f"{kind}:{case_no}", window))

        async def work() -> None:
            conn = Connection(self.port)
            try:
                while True:
                    due, kind, window = await queue.get()
                    tally.lags.append(time.monotonic() - due)
                    if ":" in kind:  # an event on a case this run took in
                        kind, case_no = kind.split(":", 1)
                        await self._event(conn, tally, kind, window, case_no, follow)
                    else:
                        await self.act(conn, tally, kind, window, follow)
                    queue.task_done()
            finally:
                conn.close()

        workers = [asyncio.create_task(work()) for _ in range(connections)]
        await dispatch()
        with contextlib.suppress(TimeoutError):  # what is still queued 5 s after the end is lost
            await asyncio.wait_for(queue.join(), timeout=max(0.0, end - time.monotonic()) + 5)
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        return tally

    async def _event(
        self,
        conn: Connection,
        tally: Tally,
        kind: str,
        window: Window,
        case_no: str,
        follow: Callable[[float, str, Window, str], None],
    ) -> None:
        auth = {"Authorization": f"Bearer {window.token}"}
        event = {
            "id": str(uuid.uuid4()),
            "type": kind,
            "actor": f"clerk-{window.code}",
            "note": "",
            "at": "2026-11-28T10:30:00+08:00" if kind == "start" else "2026-11-28T11:30:00+08:00",
        }
        status, _ = await self.call(
            conn,
            tally,
            "POST /cases/{no}/events",
            "POST",
            f"/api/v1/cases/{case_no}/events",
            event,
            {**auth, "Idempotency-Key": event["id"]},
        )
        if kind == "start" and status in (200, 201) and self.random.random() < 0.5:
            follow(self.random.uniform(5, 30), "complete_approved", window, case_no)

    async def storm(
        self, windows: list[Window], backlog: int, seconds: float
    ) -> tuple[Tally, float]:
        """Each window pushes ``backlog`` cases in order on its own connection, then pulls."""
        tally, end = Tally(), time.monotonic() + seconds

        async def window_back(window: Window) -> None:
            conn = Connection(self.port)
            try:
                tally.offered += 2  # the heartbeat and the pull after the backlog
                await self.call(conn, tally, "GET /health", "GET", "/api/v1/health")
                auth = {"Authorization": f"Bearer {window.token}"}
                for i in range(backlog):
                    if time.monotonic() > end:
                        return
                    body = self.bodies.case(window, 500_000 + i)
                    tally.offered += 1
                    status, _ = await self.call(
                        conn,
                        tally,
                        "storm POST /cases",
                        "POST",
                        "/api/v1/cases",
                        body,
                        {**auth, "Idempotency-Key": body["id"]},
                    )
                    if status == 201:
                        self.pushed[window.code] += 1
                await self.call(
                    conn,
                    tally,
                    "storm GET /changes",
                    "GET",
                    f"/api/v1/changes?after={window.cursor}&limit=500",
                    None,
                    auth,
                )
            finally:
                conn.close()

        started = time.monotonic()
        await asyncio.gather(*(window_back(w) for w in windows))
        return tally, time.monotonic() - started


# -- running a node ----------------------------------------------------------------------------


@dataclass
class Phase:
    name: str
    tally: Tally
    seconds: float
    cpu: dict[str, float]
    locks: str

    def rate(self) -> float:
        return self.tally.done() / self.seconds

    def kept_up(self) -> bool:
        return self.tally.done() >= 0.95 * self.tally.offered and pct(self.tally.lags, 0.99) < 1.0


async def _measured(
    name: str, meter: CpuMeter, locks_url: str | None, seconds: float, run: Any
) -> Phase:
    meter.start()
    with LockSampler(locks_url) as locks:
        started = time.monotonic()
        result = await run
        wall = time.monotonic() - started
    tally, wall = result if isinstance(result, tuple) else (result, seconds or wall)
    return Phase(name, tally, wall, meter.stop(), locks.share())


async def _settle(port: int, limit: float = 120.0) -> None:
    """Wait until the service has worked off what a phase left queued in it (``GET
    /health`` answers within 0.2 s), so that the next phase starts on a quiet service."""
    conn, deadline = Connection(port), time.monotonic() + limit
    try:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            with contextlib.suppress(ConnectionError, OSError):
                await conn.request("GET", "/api/v1/health")
            if time.perf_counter() - started < 0.2:
                return
            await asyncio.sleep(0.5)
    finally:
        conn.close()


def _service_env(url: str) -> dict[str, str]:
    return {
        "CLERK_DATABASE_URL": url,
        "BENCH_DATABASE_URL": url,
        "CLERK_TRUSTED_PROXIES": "127.0.0.1",
        "CLERK_DEVICES_PER_WINDOW": "10",
    }


def run_service(
    args: argparse.Namespace,
    backend: str,
    url: str,
    pg_port: int | None,
    folder: Path,
    windows: list[Window],
    screen: str,
) -> tuple[list[Phase], str, Path]:
    """The service's phases: the steady steps until it no longer keeps up, then the storm;
    the exactly-once count and the service's log."""
    storm_windows, rest = windows[: args.storm], windows[args.storm :]
    locks_url = url if backend == "postgres" else None
    meter = CpuMeter(pg_port)
    phases: list[Phase] = []
    port = _free_port()
    serve = ["records_service", "serve", "--port", str(port), "--log-level", "warning"]
    log = folder / f"service-{backend}.log"
    with running([*serve, "--workers", str(args.workers)], _service_env(url), port, log):
        province = Province(port, windows, screen, bare=False, seed=1)
        speed = 1.0
        while speed <= args.max_speed:
            phase = asyncio.run(
                _measured(
                    f"steady {speed:g}x",
                    meter,
                    locks_url,
                    args.step_seconds,
                    province.steady(windows, speed, args.step_seconds, args.connections),
                )
            )
            phases.append(phase)
            asyncio.run(_settle(port))
            print(
                f"{phase.name}: {phase.tally.done():,}/{phase.tally.offered:,} "
                f"in {phase.seconds:.0f} s, "
                f"lag p99 {pct(phase.tally.lags, 0.99) * 1000:.0f} ms, CPU {_cpu(phase.cpu)}",
                flush=True,
            )
            if not phase.kept_up():
                break
            speed *= 2

        async def storm_with_load() -> tuple[Tally, float]:
            stop = asyncio.Event()
            load = asyncio.create_task(
                province.steady(rest, 1.0, args.storm_seconds, args.connections, stop)
            )
            result = await province.storm(storm_windows, args.backlog, args.storm_seconds)
            stop.set()
            phases.append(Phase("others during storm", await load, result[1], {}, "-"))
            return result

        storm = asyncio.run(_measured("storm", meter, locks_url, 0, storm_with_load()))
        phases.insert(len(phases) - 1, storm)
        print(f"storm: {storm.tally.done():,} requests in {storm.seconds:.0f} s", flush=True)
        asyncio.run(_settle(port))
    return phases, _exactly_once(url, province.pushed), log


def run_bare(
    args: argparse.Namespace,
    backend: str,
    url: str,
    pg_port: int | None,
    folder: Path,
    windows: list[Window],
    screen: str,
) -> tuple[Phase, Phase]:
    """The same 1x schedule and the same storm against the bare INSERT endpoint."""
    # Copies: the bare run's made-up case numbers must not become the service run's
    # progress queries (404s) when both run in one sitting.
    windows = [replace(w, cases=[]) for w in windows]
    locks_url = url if backend == "postgres" else None
    meter = CpuMeter(pg_port)
    port = _free_port()
    uvicorn = [
        "uvicorn",
        "bench.bench_service:baseline_app",
        "--factory",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--workers",
        str(args.workers),
    ]
    with running(uvicorn, _service_env(url), port, folder / f"bare-{backend}.log"):
        bare = Province(port, windows, screen, bare=True, seed=1)
        bare_steady = asyncio.run(
            _measured(
                "bare steady 1x",
                meter,
                locks_url,
                args.step_seconds,
                bare.steady(windows, 1.0, args.step_seconds, args.connections),
            )
        )
        bare_storm = asyncio.run(
            _measured(
                "bare storm",
                meter,
                locks_url,
                0,
                bare.storm(windows[: args.storm], args.backlog, args.storm_seconds),
            )
        )
    print(
        f"bare: steady {bare_steady.rate():.1f}/s, storm {bare_storm.tally.done():,} "
        f"in {bare_storm.seconds:.0f} s",
        flush=True,
    )
    return bare_steady, bare_storm


def _phase_json(phase: Phase) -> dict[str, Any]:
    t = phase.tally
    return {
        "name": phase.name,
        "seconds": phase.seconds,
        "cpu": phase.cpu,
        "locks": phase.locks,
        "tally": {
            "latencies": dict(t.latencies),
            "lags": t.lags,
            "errors": dict(t.errors),
            "sample": t.sample,
            "offered": t.offered,
        },
    }


def _phase_from(data: dict[str, Any]) -> Phase:
    tally = Tally(offered=data["tally"]["offered"])
    tally.latencies.update(data["tally"]["latencies"])
    tally.lags.extend(data["tally"]["lags"])
    tally.errors.update(data["tally"]["errors"])
    tally.sample.update(data["tally"]["sample"])
    return Phase(data["name"], tally, data["seconds"], data["cpu"], data["locks"])


def run_node(
    args: argparse.Namespace, backend: str, url: str, pg_port: int | None, folder: Path
) -> None:
    """The phases ``--phases`` names on one backend. The bare endpoint's figures are kept in
    (or, when ``bare`` is not among the phases, read from) ``--bare-file``, so that a run too
    long for one sitting can be split: ``--phases bare`` first, then ``--phases service``."""
    windows, screen = provision(url, args.windows)
    wanted = set(args.phases.split(","))
    saved = Path(f"{args.bare_file}.{backend}.json") if args.bare_file else None
    bare_steady: Phase | None = None
    bare_storm: Phase | None = None
    if "bare" in wanted:
        bare_steady, bare_storm = run_bare(args, backend, url, pg_port, folder, windows, screen)
        if saved:
            saved.write_text(
                json.dumps(
                    {
                        "windows": args.windows,
                        "at": datetime.now(UTC).isoformat(timespec="seconds"),
                        "load": os.getloadavg(),
                        "phases": [_phase_json(bare_steady), _phase_json(bare_storm)],
                    }
                )
            )
    elif saved and saved.exists():
        data = json.loads(saved.read_text())
        bare_steady, bare_storm = (_phase_from(p) for p in data["phases"])
        print(f"(bare endpoint figures from {saved}, measured {data['at']}, load {data['load']})")
    if "service" not in wanted:
        if bare_steady and bare_storm:
            _print_phase(bare_steady, None)
            _print_phase(bare_storm, None)
        return
    phases, once, log = run_service(args, backend, url, pg_port, folder, windows, screen)
    pool_waits = log.read_text(errors="replace").count("database connections exhausted")
    _report(backend, args, phases, bare_steady, bare_storm, once, pool_waits)
    for line in log_errors(log):
        print(f"  service log: {line}")


def _exactly_once(url: str, pushed: dict[str, int]) -> str:
    """The storm's cases in the database per window, against the 201s each window got."""
    engine = create_engine(url)
    with engine.connect() as conn:
        rows: dict[str, int] = dict(
            conn.execute(
                text(
                    "SELECT window_code, count(*) FROM cases WHERE case_no LIKE :pattern "
                    "GROUP BY window_code"
                ),
                {"pattern": f"HS-P%-{DAY}-5%"},
            ).all()
        )
    engine.dispose()
    wrong = sorted(set(rows) | set(pushed), key=str)
    wrong = [w for w in wrong if rows.get(w, 0) != pushed.get(w, 0)]
    return (
        f"{sum(rows.values()):,} storm cases stored, {sum(pushed.values()):,} answered 201; "
        f"windows whose count differs: {len(wrong)}"
    )


def _route_rows(tally: Tally) -> Iterator[tuple[str, int, float, float, int]]:
    for route, values in sorted(tally.latencies.items()):
        yield route, len(values), pct(values, 0.5), pct(values, 0.99), tally.errors.get(route, 0)
    for route in sorted(set(tally.errors) - set(tally.latencies)):
        yield route, 0, float("nan"), float("nan"), tally.errors[route]


def _cpu(cpu: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.0%}" for k, v in cpu.items()) if cpu else "-"


def _print_phase(phase: Phase, bare: Phase | None) -> None:
    t = phase.tally
    steady = phase.name.startswith("steady")
    kept = f"lag p99 {pct(t.lags, 0.99) * 1000:.0f} ms, kept up: " + (
        "yes" if phase.kept_up() else "NO"
    )
    print(
        f"\n## {phase.name}: {t.done():,} of {t.offered:,} requests in {phase.seconds:.1f} s = "
        f"{phase.rate():.1f}/s{', ' + kept if steady else ''}; CPU (of one core): "
        f"{_cpu(phase.cpu)}; active backends waiting on a lock: {phase.locks}"
    )
    base = None
    if bare is not None:
        everything = [x for v in bare.tally.latencies.values() for x in v]
        base = (pct(everything, 0.5), pct(everything, 0.99))
        print(
            f"bare endpoint, same schedule: {bare.rate():.1f}/s, p50 {base[0] * 1000:.1f} ms, "
            f"p99 {base[1] * 1000:.1f} ms"
        )
    print(
        "| route | done | p50 ms | p99 ms | errors |"
        + (" p50 / bare | p99 / bare |" if base else "")
    )
    print("|---|---|---|---|---|" + ("---|---|" if base else ""))
    for route, n, p50, p99, errors in _route_rows(t):
        extra = f" {p50 / base[0]:.2f} | {p99 / base[1]:.2f} |" if base else ""
        print(f"| {route} | {n:,} | {p50 * 1000:.1f} | {p99 * 1000:.1f} | {errors} |{extra}")
    for route, sample in t.sample.items():
        print(f"  first error of {route}: {sample}")


def _verdict(phase: Phase, backend: str, pool_waits: int = 0, workers: int = 2) -> str:
    """What held the phase back: the service's connection pool (its CPU idle while
    requests timed out waiting for a connection), the machine's CPU (and whose), the
    service's worker processes each at one core (Python runs one thread at a time in a
    process), lock waits, or neither."""
    cpu, cores = phase.cpu, os.cpu_count() or 1
    if not cpu:
        return "-"
    users = sorted(((v, k) for k, v in cpu.items() if k != "machine"), reverse=True)
    others = cpu.get("machine", 0) - sum(v for v, _ in users)
    whose = ", ".join(f"{k} {v:.2f}" for v, k in users) + f", other work {max(0, others):.2f}"
    if pool_waits and cpu.get("service", 0) < 0.5:
        return (
            f"the service's connection pool ({pool_waits:,} requests of the run waited "
            f"past the pool timeout for a connection, answered 503; cores used: {whose})"
        )
    if cpu.get("machine", 0) >= 0.85 * cores:
        return f"the machine's {cores} cores (busy {cpu['machine']:.2f}; cores used: {whose})"
    if cpu.get("service", 0) >= 0.85 * workers:
        return (
            f"the service's {workers} worker process(es), about one core each at most "
            f"(cores used: {whose})"
        )
    if phase.locks[:1].isdigit() and int(phase.locks.split("%")[0]) >= 30:
        return f"lock waits ({phase.locks} of active backends; cores used: {whose})"
    if backend == "sqlite":
        return f"not CPU (cores used: {whose}): waits on SQLite's one writer and the client"
    return f"not CPU, not locks (cores used: {whose})"


def _report(
    backend: str,
    args: argparse.Namespace,
    phases: list[Phase],
    bare_steady: Phase | None,
    bare_storm: Phase | None,
    once: str,
    pool_waits: int = 0,
) -> None:
    print(
        f"\n# {backend}: {args.windows:,} windows, {args.workers} service worker(s), "
        f"{args.connections} connections"
    )
    kept = [p for p in phases if p.name.startswith("steady") and p.kept_up()]
    first = phases[0]
    _print_phase(first, bare_steady)
    if kept:
        best = float(kept[-1].name.split()[1].rstrip("x"))
        print(
            f"\nkept up with up to {best:g}x the real rate: "
            f"about {args.windows * best:,.0f} windows "
            f"({kept[-1].rate():.0f} requests/s)"
        )
    else:
        print("\ndid NOT keep up with the real rate of these windows")
    storm = next(p for p in phases if p.name == "storm")
    cases = storm.tally.latencies.get("storm POST /cases", [])
    rate = len(cases) / storm.seconds
    print(
        f"\nstorm: {args.storm} windows x {args.backlog} cases: {len(cases):,} pushed in "
        f"{storm.seconds:.1f} s = {rate:.1f} cases/s, p50 {pct(cases, 0.5) * 1000:.0f} ms, "
        f"p99 {pct(cases, 0.99) * 1000:.0f} ms; CPU {_cpu(storm.cpu)}; lock waits {storm.locks}"
    )
    if bare_storm is not None:
        bare_cases = bare_storm.tally.latencies.get("storm POST /cases", [])
        bare_rate = len(bare_cases) / bare_storm.seconds
        print(
            f"bare storm {bare_rate:.1f}/s p50 {pct(bare_cases, 0.5) * 1000:.0f} ms p99 "
            f"{pct(bare_cases, 0.99) * 1000:.0f} ms; ratios: throughput {rate / bare_rate:.2f}, "
            f"p50 {pct(cases, 0.5) / pct(bare_cases, 0.5):.2f}, "
            f"p99 {pct(cases, 0.99) / pct(bare_cases, 0.99):.2f}; bare CPU {_cpu(bare_storm.cpu)}"
        )
    print(f"exactly once: {once}")
    last = [p for p in phases if p.name.startswith("steady")][-1]
    print(
        f"what saturates at {last.name}: {_verdict(last, backend, pool_waits, args.workers)}; "
        f"in the storm: {_verdict(storm, backend, pool_waits, args.workers)}"
    )
    for phase in phases[1:]:
        _print_phase(phase, None)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--windows", type=int, help="simulated windows (the scale's default)")
    parser.add_argument("--storm", type=int, help="windows coming back with a backlog")
    parser.add_argument("--backlog", type=int, help="cases each storm window pushes")
    parser.add_argument("--step-seconds", type=float, help="seconds of each steady step")
    parser.add_argument("--storm-seconds", type=float, help="the storm's time limit")
    parser.add_argument("--connections", type=int, help="client connections of the steady mix")
    parser.add_argument(
        "--max-speed", type=float, default=16, help="highest multiple of the real rate"
    )
    parser.add_argument("--workers", type=int, default=2, help="service worker processes")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument(
        "--phases",
        default="service,bare",
        help="service (steady steps and storm) and/or bare (the bare endpoint), comma-separated",
    )
    parser.add_argument(
        "--bare-file",
        help="keep the bare endpoint's figures in FILE.<backend>.json (read back when "
        "--phases has no bare): a run split in two keeps its ratios",
    )
    args = parser.parse_args(argv)
    defaults = dict(
        zip(
            ("windows", "storm", "backlog", "step_seconds", "storm_seconds", "connections"),
            SCALES[args.scale],
            strict=True,
        )
    )
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    print(f"load average before: {os.getloadavg()}")
    folder = Path(tempfile.mkdtemp(prefix="clerk-province-"))
    try:
        # A throwaway PostgreSQL cluster only when a backend needs it.
        server_of = _postgres() if "postgres" in args.backends else contextlib.nullcontext()
        with server_of as pg:
            for backend in args.backends.split(","):
                if backend == "postgres" and pg is None:
                    print("postgres: no server (set CLERK_TEST_POSTGRES_URL or run as root)")
                    continue
                server = pg if backend == "postgres" else None
                pg_port = int(pg.rsplit(":", 1)[1]) if server else None  # type: ignore[union-attr]
                url = _new_database(server, folder, f"province_{backend}")
                run_node(args, backend, url, pg_port, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\nload average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
