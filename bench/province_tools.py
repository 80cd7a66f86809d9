"""The province simulation's tools (``bench.bench_province``): a small asyncio HTTP/1.1
client, the simulated windows written into the database, and the meters (CPU per process
group from /proc, PostgreSQL lock waits from ``pg_stat_activity``)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, text

DAY = "20261128"

# -- a small HTTP/1.1 keep-alive client on asyncio streams -----------------------------------


class Connection:
    """One keep-alive connection to 127.0.0.1:``port`` (reconnects when the server closed
    it while idle: uvicorn does after 5 s)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if body is not None:
            head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        data = ("\r\n".join(head) + "\r\n\r\n").encode() + (body or b"")
        for attempt in range(2):
            fresh = self.writer is None
            if fresh:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            assert self.reader is not None and self.writer is not None
            try:
                self.writer.write(data)
                await self.writer.drain()
                line = await self.reader.readline()
                if not line:
                    raise ConnectionResetError("closed")
            except (ConnectionError, OSError):
                self.close()
                if fresh or attempt:
                    raise
                continue  # the server had closed the idle connection before reading
            return await self._answer(line)
        raise AssertionError("unreachable")

    async def _answer(self, line: bytes) -> tuple[int, bytes]:
        assert self.reader is not None
        status, length, chunked, close = int(line.split()[1]), 0, False, False
        while (header := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = header.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding":
                chunked = "chunked" in value
            elif name == "connection":
                close = value == "close"
        if chunked:
            parts = []
            while size := int((await self.reader.readline()).split(b";")[0], 16):
                parts.append(await self.reader.readexactly(size + 2))
            await self.reader.readline()
            payload = b"".join(p[:-2] for p in parts)
        else:
            payload = await self.reader.readexactly(length)
        if close:
            self.close()
        return status, payload

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


# -- the province's windows --------------------------------------------------------------------


@dataclass
class Window:
    code: str
    device: str
    token: str
    cursor: int = 0
    seq: int = 0
    cases: list[str] = field(default_factory=list)


def provision(url: str, count: int) -> tuple[list[Window], str]:
    """``count`` windows (P0001 ...) of department GA, each with its clerk, desk device and
    device token, and one hall-screen token, written straight into the demo database."""
    from records_service.models import Device, Token, User
    from records_service.models import Window as WindowRow
    from records_service.settings import Settings
    from tests.helpers.service import build_demo_database

    build_demo_database(url)
    center = Settings.load().center_code
    now = datetime.now(UTC)
    windows = [
        Window(f"P{i:04d}", f"bench-desk-{i:04d}", secrets.token_urlsafe(24))
        for i in range(1, count + 1)
    ]
    screen = secrets.token_urlsafe(24)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            insert(WindowRow),
            [
                {
                    "code": w.code,
                    "name": f"窗口{w.code}",
                    "department_code": "GA",
                    "center_code": center,
                }
                for w in windows
            ],
        )
        conn.execute(
            insert(User),
            [
                {
                    "username": f"clerk-{w.code}",
                    "display_name": w.code,
                    "password_hash": "!",
                    "roles": ["clerk"],
                    "department_code": "GA",
                    "window_code": w.code,
                    "center_code": center,
                    "active": True,
                    "created_at": now,
                }
                for w in windows
            ],
        )
        conn.execute(
            insert(Device),
            [
                {
                    "device_id": w.device,
                    "window_code": w.code,
                    "center_code": center,
                    "registered_at": now,
                    "revoked": False,
                }
                for w in windows
            ],
        )
        tokens: list[dict[str, Any]] = [
            {
                "token_hash": hashlib.sha256(w.token.encode()).hexdigest(),
                "kind": "device",
                "device_id": w.device,
                "window_code": w.code,
            }
            for w in windows
        ]
        tokens.append(
            {
                "token_hash": hashlib.sha256(screen.encode()).hexdigest(),
                "kind": "display",
                "device_id": None,
                "window_code": None,
            }
        )
        for row in tokens:
            row.update(
                issued_at=now, expires_at=now + timedelta(days=30), revoked=False, label="bench"
            )
        conn.execute(insert(Token), tokens)
        conn.execute(text("CREATE TABLE bench_plain (id VARCHAR(36) PRIMARY KEY, body TEXT)"))
    engine.dispose()
    return windows, screen


class Bodies:
    """Case bodies for any window and sequence (tests.helpers' body, made once)."""

    def __init__(self) -> None:
        from tests.helpers.service_api import case_body

        self.template = case_body(seq=1)

    def case(self, window: Window, seq: int) -> dict[str, Any]:
        body = dict(self.template, id=str(uuid.uuid4()), window_code=window.code)
        body["case_no"] = f"HS-{window.code}-{DAY}-{seq:06d}"
        body["clerk"] = f"clerk-{window.code}"
        body["first_event"] = dict(body["first_event"], id=str(uuid.uuid4()))
        return body


# -- measuring -------------------------------------------------------------------------------


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    lags: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    sample: dict[str, str] = field(default_factory=dict)
    offered: int = 0

    def done(self) -> int:
        return sum(len(v) for v in self.latencies.values())


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _ticks(pid: int) -> int:
    """CPU ticks of ``pid`` and of its children it has reaped (a PostgreSQL backend that
    ended, a worker that was replaced: their time moves into the parent's)."""
    with contextlib.suppress(OSError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
    return 0


def _processes() -> dict[int, tuple[int, str]]:
    found: dict[int, tuple[int, str]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                found[int(entry.name)] = (
                    ppid,
                    (entry / "cmdline").read_bytes().decode(errors="replace"),
                )
    return found


def _tree(roots: set[int], table: dict[int, tuple[int, str]]) -> set[int]:
    tree, grown = set(roots), True
    while grown:
        more = {pid for pid, (ppid, _) in table.items() if ppid in tree} - tree
        tree |= more
        grown = bool(more)
    return tree


class CpuMeter:
    """CPU seconds of the service (this process's children), the PostgreSQL server on
    ``pg_port`` (its postmaster's tree), this client, and the machine, over a phase."""

    def __init__(self, pg_port: int | None) -> None:
        self.pg_port = pg_port

    def _groups(self) -> dict[str, set[int]]:
        table = _processes()
        me = os.getpid()
        groups = {
            "service": _tree({p for p, (pp, _) in table.items() if pp == me}, table),
            "client": {me},
            "database": set(),
        }
        if self.pg_port:
            marks = (f"-p {self.pg_port}", f"-p\0{self.pg_port}")
            roots = {
                p
                for p, (_, cmd) in table.items()
                if "postgres" in cmd and any(m in cmd for m in marks)
            }
            groups["database"] = _tree(roots, table)
        return groups

    def start(self) -> None:
        self.started = time.monotonic()
        self.first = {k: sum(_ticks(p) for p in v) for k, v in self._groups().items()}
        self.machine = self._machine()

    @staticmethod
    def _machine() -> tuple[int, int]:
        values = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = values[3] + values[4]
        return sum(values) - idle, sum(values)

    def stop(self) -> dict[str, float]:
        wall, hz = time.monotonic() - self.started, os.sysconf("SC_CLK_TCK")
        shares = {
            k: (sum(_ticks(p) for p in v) - self.first.get(k, 0)) / hz / wall
            for k, v in self._groups().items()
        }
        busy, total = self._machine()
        cores = os.cpu_count() or 1
        shares["machine"] = (busy - self.machine[0]) / max(1, total - self.machine[1]) * cores
        return shares


class LockSampler:
    """On PostgreSQL: every 0.2 s, how many backends of the database are active, how many
    sit idle in a transaction (the service's thread is not in the database: waiting for
    the pool, a thread, the GIL) and how many idle (free in a pool); how many of the active
    ones wait on a lock (``wait_event_type = 'Lock'``), by the lock's kind (``advisory``:
    ``pg_advisory_xact_lock``; ``transactionid``: a row another writer holds; ``relation``,
    ``tuple`` ...); what the active ones wait on (``wait_event_type:wait_event``, ``CPU``
    when nothing: ``LWLock:WALWrite``, ``IO:WALSync``, ``Client:ClientRead`` ...) and which
    statements they run, and the statement an idle-in-transaction backend ran last (what
    its request did before it left the database with its transaction open)."""

    def __init__(self, url: str | None) -> None:
        self.url, self.active = url, 0
        self.samples = self.idle_in_transaction = self.idle = 0
        self.kinds: dict[str, int] = defaultdict(int)
        self.waits: dict[str, int] = defaultdict(int)
        self.holders: dict[str, int] = defaultdict(int)
        self.running: dict[str, int] = defaultdict(int)
        self._stop = threading.Event()

    def __enter__(self) -> LockSampler:
        if self.url:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        engine = create_engine(self.url)  # type: ignore[arg-type]
        query = text(
            "SELECT state, wait_event_type, wait_event, "
            "left(query, 48), count(*) "
            "FROM pg_stat_activity WHERE datname = current_database() "
            "AND state IN ('active', 'idle in transaction', 'idle') "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid() "
            "GROUP BY 1, 2, 3, 4"
        )
        with engine.connect() as conn:
            while not self._stop.wait(0.2):
                self.samples += 1
                for state, kind, event, last, count in conn.execute(query).all():
                    if state == "idle":
                        self.idle += count
                    elif state != "active":  # a transaction whose service thread is elsewhere
                        self.idle_in_transaction += count
                        self.holders[" ".join(str(last).split())] += count
                    else:
                        self.active += count
                        self.running[" ".join(str(last).split())] += count
                        self.waits[f"{kind}:{event}" if kind else "CPU"] += count
                        if kind == "Lock":
                            self.kinds[event] += count
                conn.commit()
        engine.dispose()

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self.url:
            self._thread.join()

    def share(self) -> str:
        """``"95% (advisory 93%, transactionid 2%); 3.1 active (CPU 60%, LWLock:WALWrite
        20% ...), 1.2 idle in transaction (SELECT cases... 0.8), 30.0 idle on average"``,
        or ``-`` without samples."""
        if not self.samples:
            return "-"
        n = max(1, self.samples)
        locked = sum(self.kinds.values())
        kinds = sorted(self.kinds.items(), key=lambda item: -item[1])
        detail = ", ".join(f"{k} {v / self.active:.0%}" for k, v in kinds)
        waits = sorted(self.waits.items(), key=lambda item: -item[1])[:4]
        what = ", ".join(f"{k} {v / self.active:.0%}" for k, v in waits)
        holders = sorted(self.holders.items(), key=lambda item: -item[1])[:3]
        held = ", ".join(f"{k!r} {v / n:.1f}" for k, v in holders)
        running = sorted(self.running.items(), key=lambda item: -item[1])[:3]
        busy = ", ".join(f"{k!r} {v / self.active:.0%}" for k, v in running)
        return (
            (f"{locked / self.active:.0%}" if self.active else "0%")
            + (f" ({detail})" if detail else "")
            + f"; {self.active / n:.1f} active"
            + (f" ({what}; running {busy})" if what else "")
            + f", {self.idle_in_transaction / n:.1f} idle in transaction"
            + (f" ({held})" if held else "")
            + f", {self.idle / n:.1f} idle on average"
        )


@contextlib.contextmanager
def running(module_args: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[int]:
    """``python -m MODULE_ARGS`` (a service on ``port``) with its output in ``log``; its
    process id. Stopped at the end: SIGTERM, then SIGKILL if it has not stopped in 40 s
    (uvicorn finishes requests in flight for up to 30 s)."""
    repo = Path(__file__).resolve().parents[1]
    with open(log, "ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", *module_args],
            cwd=repo,
            env={**os.environ, **env, "PYTHONPATH": str(repo)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{' '.join(module_args)} did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def log_errors(log: Path, limit: int = 5) -> list[str]:
    """The distinct errors of a service log (the last line of each logged exception, or a
    warning's message: a pool exhausted is answered 503 and logged as one), with how often
    each came: ``"12 x sqlalchemy.exc.TimeoutError: ..."``."""
    counts: dict[str, int] = defaultdict(int)
    for line in log.read_text(errors="replace").splitlines():
        with contextlib.suppress(ValueError, AttributeError, IndexError):
            entry = json.loads(line)
            if entry.get("exception"):
                counts[entry["exception"].strip().splitlines()[-1][:200]] += 1
            elif entry.get("level") in ("WARNING", "ERROR"):
                counts[f"{entry['level']} {entry.get('message', '')[:120]}"] += 1
    ordered = sorted(counts.items(), key=lambda item: -item[1])[:limit]
    return [f"{count} x {error}" for error, count in ordered]
