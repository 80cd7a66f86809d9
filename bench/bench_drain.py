"""Drain a backlog of local cases to a real records service. Not in CI.

    python -m bench.bench_drain [--cases 10000]

A desk that was offline for days has N cases in its outbox. This measures how long the
``SyncEngine`` takes to send them all (each POST with its Idempotency-Key, one durable
commit per batch of accepted rows, in order per case), as a ratio to the ceiling measured in
the same run: the same N bodies POSTed with a bare ``requests.Session`` over one connection,
no local store at all. Each side gets its own fresh service (SQLite file, same settings), so
neither finds the other's records. Both sides run on the same machine at the same time of
the run; the service's own CPU time per request is printed too, since on a loaded machine
the wall-clock figures move together.

Last run (2026-11-28, 2-core machine shared with other test runs, load 8.5): 10,000 cases,
engine 1125 s (20 rounds of 500), bare POSTs 1318 s, ratio 0.85; the service's CPU per case
20.7 ms (engine) against 21.8 ms (bare). The engine adds nothing measurable: the time is
the service's (about 20 ms of CPU per request).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import requests

from bench.bench_sync import Service, _backlog_store, _device


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bare_posts(service: Service, rows: list, token: str) -> tuple[float, float]:
    """POST every body over one session; returns (seconds, service CPU seconds)."""
    session = requests.Session()
    cpu0 = _cpu_seconds(service.proc.pid)
    started = time.perf_counter()
    for row in rows:
        answer = session.post(
            service.base_url + row.path,
            data=row.body_json.encode("utf-8"),
            headers={
                "Authorization": f"Bearer {token}",
                "Idempotency-Key": row.idempotency_key,
                "Content-Type": "application/json",
            },
            timeout=(3.05, 30),
        )
        if answer.status_code != 201:
            raise RuntimeError(f"bare POST answered {answer.status_code}: {answer.text[:200]}")
    elapsed = time.perf_counter() - started
    session.close()
    return elapsed, _cpu_seconds(service.proc.pid) - cpu0


def engine_drain(service: Service, store, device_id: str, token: str) -> tuple[float, float, int]:
    """Drain ``store`` with the SyncEngine; returns (seconds, service CPU seconds, rounds)."""
    from clerk_app.core.clock import SystemClock
    from clerk_app.remote.api import ApiClient
    from clerk_app.remote.sync import Backoff, SyncEngine
    from clerk_app.remote.tokens import TokenStore

    api = ApiClient(service.base_url, timeout=(3.05, 30))
    tokens = TokenStore()
    tokens.set_device_token("W01", device_id, token)
    engine = SyncEngine(store, api, tokens, SystemClock(), Backoff(),
                        window_code="W01", device_id=device_id)  # fmt: skip
    cpu0 = _cpu_seconds(service.proc.pid)
    started = time.perf_counter()
    rounds = 0
    while True:
        result = engine.push_once()
        rounds += 1
        if result.rejected or result.stopped:
            raise RuntimeError(f"drain did not go through: {result}")
        if not result.waiting:
            break
    elapsed = time.perf_counter() - started
    api.close()
    if store.outbox_counts() != {"pending": 0, "rejected": 0}:
        raise RuntimeError(f"outbox not empty: {store.outbox_counts()}")
    return elapsed, _cpu_seconds(service.proc.pid) - cpu0, rounds


def bench_drain(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "bare").mkdir()
        (tmp_path / "engine").mkdir()
        bare_service = Service(tmp_path / "bare")
        engine_service = Service(tmp_path / "engine")
        try:
            built = time.perf_counter()
            bare_store = _backlog_store(tmp_path / "bare.db", n)
            engine_store = _backlog_store(tmp_path / "engine.db", n)
            built = time.perf_counter() - built
            rows = bare_store.outbox_rows("pending")
            from clerk_app.remote.api import ApiClient

            logins = {}
            for name, service in (("bare", bare_service), ("engine", engine_service)):
                api = ApiClient(service.base_url, timeout=(3.05, 30))
                logins[name] = _device(api)
                api.close()
            bare_s, bare_cpu = bare_posts(bare_service, rows, logins["bare"][1])
            engine_s, engine_cpu, rounds = engine_drain(
                engine_service, engine_store, *logins["engine"]
            )
            bare_store.db.close()
            engine_store.db.close()
        finally:
            bare_service.stop()
            engine_service.stop()
    figures = {
        "cases": n,
        "engine_s": engine_s,
        "bare_s": bare_s,
        "ratio": engine_s / bare_s,
        "engine_per_s": n / engine_s,
        "bare_per_s": n / bare_s,
        "service_cpu_ms_engine": engine_cpu * 1000 / n,
        "service_cpu_ms_bare": bare_cpu * 1000 / n,
        "rounds": rounds,
        "backlog_build_s": built,
    }
    print(
        f"drain {n} cases: engine {engine_s:.1f} s ({n / engine_s:.0f}/s, {rounds} rounds), "
        f"bare POSTs over one session {bare_s:.1f} s ({n / bare_s:.0f}/s), "
        f"ratio {engine_s / bare_s:.2f}; service CPU per case {engine_cpu * 1000 / n:.1f} ms "
        f"(engine) vs {bare_cpu * 1000 / n:.1f} ms (bare); load {os.getloadavg()[0]:.1f}"
    )
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_drain")
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args(argv)
    bench_drain(args.cases)


if __name__ == "__main__":
    main()
