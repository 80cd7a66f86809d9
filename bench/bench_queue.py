"""Hall queue benchmark (issue 18; not in CI): ``python -m bench.bench_queue``.

A busy hour in the hall, compressed ``--speed`` times (60: the hour in a minute): two
kiosks issue ``--tickets`` tickets (1,500) over the hour in four categories (A 40 %, B 30 %,
C 20 %, D 10 %); ``--windows`` windows (40, each serving two categories) press Next when
free, serve for an exponential time (80 s on average, simulated; 83 % busy), Finish and
press Next again; with nobody waiting they try again 30 s (simulated) later. The kiosks
and windows are threads of a child process, each with its own HTTP session.

1. ``POST /queue/next`` p99 (the calls that got a ticket) as a ratio to a bare FastAPI
   endpoint doing ONE indexed ``UPDATE … RETURNING`` (the oldest waiting ticket of the
   window's categories; ``FOR UPDATE SKIP LOCKED`` on PostgreSQL) on the same database,
   under the same hour (same kiosks posting bare INSERTs, same windows, same pacing).
2. Call to screen: the hall screen (a :class:`~clerk_app.gui.hall.call_panel.CallPanel`,
   offscreen, fed by :class:`~clerk_app.app.hall_calls.CallFeed` long-polling ``GET
   /queue/calls``) in this process; from the window's Next sent (and from its answer) to
   the panel's first paint after the call is on it, per call (CLOCK_MONOTONIC is one clock
   for both processes).

PostgreSQL runs on a throwaway cluster (root + PostgreSQL 15, as the tests do, removed
afterwards) or on ``CLERK_TEST_POSTGRES_URL``; without either only SQLite is measured.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import statistics
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import bindparam, create_engine, text

from bench.bench_service import _free_port, _new_database, _postgres, _serve

PASSWORD = "demo-pass-2026"
#: category → (prefix, share of the tickets).
CATEGORIES = {"BA": ("A", 0.4), "BB": ("B", 0.3), "BC": ("C", 0.2), "BD": ("D", 0.1)}
MEAN_SERVICE_S = 80.0  # simulated seconds at the window per ticket
IDLE_RETRY_S = 30.0  # simulated seconds before Next again when nobody waits


def window_codes(count: int) -> list[str]:
    return [f"Q{i:02d}" for i in range(1, count + 1)]


def served_by(index: int) -> list[str]:
    """The two categories window ``index`` serves (every category by half the windows)."""
    codes = list(CATEGORIES)
    return [codes[index % 4], codes[(index + 1) % 4]]


# -- the baseline: bare INSERT for the kiosks, bare UPDATE … RETURNING for Next ---------------


_BARE_TABLE = """
CREATE TABLE IF NOT EXISTS bench_tickets (
    id VARCHAR(36) PRIMARY KEY, day DATE NOT NULL, category VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL, window_code VARCHAR(16), issued_at TIMESTAMP NOT NULL,
    called_at TIMESTAMP, finished_at TIMESTAMP)
"""
_BARE_INDEX = (
    "CREATE INDEX IF NOT EXISTS bench_tickets_waiting "
    "ON bench_tickets (day, category, status, issued_at)"
)


def baseline_app() -> Any:
    """``uvicorn --factory bench.bench_queue:baseline_app`` (database from the env)."""
    from fastapi import FastAPI

    url = os.environ["BENCH_DATABASE_URL"]
    sqlite = url.startswith("sqlite")
    engine = create_engine(url, connect_args={"timeout": 30} if sqlite else {})
    lock = "" if sqlite else " FOR UPDATE SKIP LOCKED"
    claim = text(
        "UPDATE bench_tickets SET status = 'called', window_code = :window, called_at = :now "
        "WHERE id = (SELECT id FROM bench_tickets WHERE day = :day AND category IN :categories "
        f"AND status = 'waiting' ORDER BY issued_at LIMIT 1{lock}) AND status = 'waiting' "
        "RETURNING id"
    ).bindparams(bindparam("categories", expanding=True))
    app = FastAPI()

    @app.post("/tickets", status_code=201)
    def issue(body: dict[str, Any]) -> dict[str, str]:
        now = datetime.now(UTC)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO bench_tickets (id, day, category, status, issued_at) "
                    "VALUES (:id, :day, :category, 'waiting', :now)"
                ),
                {"id": body["id"], "day": now.date(), "category": body["category"], "now": now},
            )
        return {"id": body["id"]}

    @app.post("/next")
    def call_next(body: dict[str, Any]) -> Any:
        from fastapi.responses import JSONResponse

        now = datetime.now(UTC)
        params = {"window": body["window"], "now": now, "day": now.date()}
        with engine.begin() as conn:
            row = conn.execute(claim, {**params, "categories": body["categories"]}).first()
        if row is None:
            return JSONResponse({"detail": "none waiting"}, status_code=404)
        return {"ticket": {"number": row[0]}}

    @app.post("/finish")
    def finish(body: dict[str, Any]) -> dict[str, str]:
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE bench_tickets SET status = 'done', finished_at = :now WHERE id = :id"),
                {"id": body["number"], "now": datetime.now(UTC)},
            )
        return {"number": body["number"]}

    return app


# -- the hall's hour (run in a child process) ---------------------------------------------------


def hour_of_load(
    base: str, bare: bool, tokens: dict[str, str], args: dict[str, Any], out: Any
) -> None:
    """Two kiosks and the windows for one compressed hour; puts the results on ``out``."""
    speed, total = args["speed"], args["tickets"]
    windows = window_codes(args["windows"])
    rng = random.Random(18)
    hour = 3600.0 / speed
    names, weights = list(CATEGORIES), [share for _p, share in CATEGORIES.values()]
    plan = sorted((rng.uniform(0, hour), rng.choices(names, weights)[0]) for _ in range(total))
    kiosk_plans = [plan[0::2], plan[1::2]]
    issued = threading.Semaphore(0)
    lock = threading.Lock()
    state = {"issued": 0, "finished": 0}
    calls: list[tuple[str, float, float]] = []  # number, sent, answered (monotonic)
    empty: list[float] = []  # latency of Next answered 404
    errors: list[str] = []
    started = time.monotonic()
    api = base if bare else base + "/api/v1"

    def kiosk(index: int) -> None:
        session = requests.Session()
        headers = {} if bare else {"Authorization": f"Bearer {tokens[f'kiosk{index}']}"}
        for at, category in kiosk_plans[index]:
            pause = started + at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            key = str(uuid.uuid4())
            answer = session.post(
                api + ("/tickets" if bare else "/queue/tickets"),
                json={"id": key, "category": category},
                headers={**headers, "Idempotency-Key": key},
                timeout=60,
            )
            if answer.status_code != 201:
                errors.append(f"ticket {answer.status_code} {answer.text[:200]}")
                return
            with lock:
                state["issued"] += 1
            issued.release()

    def window(index: int, code: str) -> None:
        session = requests.Session()
        wrng = random.Random(index)
        headers = {} if bare else {"Authorization": f"Bearer {tokens[code]}"}
        body: dict[str, Any] = {"window": code, "categories": served_by(index)} if bare else {}
        while not errors:
            with lock:
                if state["finished"] >= total:
                    return
            sent = time.monotonic()
            answer = session.post(
                api + ("/next" if bare else "/queue/next"), json=body, headers=headers, timeout=60
            )
            answered = time.monotonic()
            if answer.status_code == 404:
                empty.append(answered - sent)
                with lock:
                    if state["finished"] >= total:
                        return
                time.sleep(IDLE_RETRY_S / speed * wrng.uniform(0.5, 1.5))
                continue
            if answer.status_code != 200:
                errors.append(f"next {answer.status_code} {answer.text[:200]}")
                return
            number = answer.json()["ticket"]["number"]
            calls.append((number, sent, answered))
            time.sleep(min(wrng.expovariate(1 / MEAN_SERVICE_S), 8 * MEAN_SERVICE_S) / speed)
            if bare:
                done = session.post(api + "/finish", json={"number": number}, timeout=60)
            else:
                done = session.post(
                    f"{api}/queue/tickets/{number}/finish",
                    json={"case_nos": []},
                    headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
                    timeout=60,
                )
            if done.status_code not in (200, 201):
                errors.append(f"finish {done.status_code} {done.text[:200]}")
                return
            with lock:
                state["finished"] += 1

    threads = [threading.Thread(target=kiosk, args=(k,)) for k in range(2)]
    threads += [threading.Thread(target=window, args=(i, c)) for i, c in enumerate(windows)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put(
        {
            "calls": calls,
            "empty": empty,
            "errors": errors,
            "issued": state["issued"],
            "finished": state["finished"],
            "wall": time.monotonic() - started,
        }
    )


def _run_hour(base: str, bare: bool, tokens: dict[str, str], args: dict[str, Any]) -> Any:
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    child = context.Process(target=hour_of_load, args=(base, bare, tokens, args, out))
    child.start()
    return child, out


def _p(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


# -- the hall screen (this process, offscreen Qt) -----------------------------------------------


class HallScreen:
    """A call panel fed by the long-poll loop; the first paint after each call shows."""

    def __init__(self, base: str, token: str, windows: list[str]) -> None:
        from types import SimpleNamespace

        from PySide6.QtCore import QEvent, QObject, Signal
        from PySide6.QtWidgets import QApplication, QWidget

        from clerk_app.app.hall_calls import CallFeed
        from clerk_app.core.clock import SystemClock
        from clerk_app.gui.hall.call_panel import CallPanel
        from clerk_app.remote.api import ApiClient

        self.app = QApplication.instance() or QApplication([])
        self.panel = CallPanel(
            None, clock=SystemClock(), center_name="压测大厅", windows=[(c, c) for c in windows]
        )
        self.received: dict[str, float] = {}  # number → batch arrived (feed thread)
        self.pending: dict[str, float] = {}
        self.painted: dict[str, float] = {}
        screen = self

        class Bridge(QObject):
            batch = Signal(object)

        class Painted(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if (
                    event.type() == QEvent.Type.Paint
                    and screen.pending
                    and isinstance(obj, QWidget)
                    and obj.window() is screen.panel
                ):
                    now = time.monotonic()
                    for number in screen.pending:
                        screen.painted.setdefault(number, now)
                    screen.pending.clear()
                return False

        self.bridge = Bridge()
        self.bridge.batch.connect(self._show)
        self.painted_filter = Painted()
        self.app.installEventFilter(self.painted_filter)
        self.panel.show()

        def on_calls(calls: list[Any]) -> None:
            now = time.monotonic()
            for call in calls:
                self.received.setdefault(call.number, now)
            self.bridge.batch.emit(calls)

        context = SimpleNamespace(backend=SimpleNamespace(api=ApiClient(base)))
        self.feed = CallFeed(context, lambda: token, on_calls=on_calls, on_link=lambda *_a: None)

    def _show(self, calls: list[Any]) -> None:
        for call in self.panel.show_calls(calls):
            self.pending.setdefault(call.number, time.monotonic())

    def run_until(self, child: Any, out: Any) -> dict[str, Any]:
        """Process Qt events until the child's hour is over and the last call is painted."""
        result: dict[str, Any] | None = None
        while result is None or (
            len(self.painted) < len(result["calls"]) and time.monotonic() < self.deadline
        ):
            self.app.processEvents()
            time.sleep(0.002)
            if result is None and not out.empty():
                result = out.get()
                self.deadline = time.monotonic() + 60
        child.join(30)
        return result

    deadline = float("inf")


# -- preparing the database ------------------------------------------------------------------


def prepare(url: str, windows: list[str]) -> dict[str, str]:
    """The demo database with the bench's windows (each with a signed-in clerk, tokens minted
    here) and categories, and the baseline's table; returns the windows' tokens."""
    from records_service.db import Database
    from records_service.models import QueueCategory, Token, User, Window
    from records_service.security import new_token, token_hash
    from tests.helpers.service import build_demo_database

    build_demo_database(url)
    database = Database(url)
    tokens: dict[str, str] = {}
    now = datetime.now(UTC)
    try:
        with database.write() as session:
            model = session.query(User).filter_by(username="demo-clerk").one()
            session.query(QueueCategory).delete()
            for code, (prefix, _share) in CATEGORIES.items():
                session.add(
                    QueueCategory(
                        center_code="HS", code=code, prefix=prefix, name=f"压测业务{prefix}",
                        department_code=None, item_codes=[],
                        windows=[w for i, w in enumerate(windows) if code in served_by(i)],
                        wait_limit_minutes=30, slot_capacity=0, daily_limit_per_id=0, active=True,
                    )
                )  # fmt: skip
            for code in windows:
                session.add(
                    Window(code=code, name=f"压测窗口{code}", department_code="GA",
                           center_code="HS", settlement=False)
                )  # fmt: skip
            session.flush()
            for code in windows:
                user = User(
                    username=f"bench-{code.lower()}", display_name=f"压测{code}",
                    password_hash=model.password_hash, roles=["clerk"], department_code="GA",
                    window_code=code, center_code="HS", active=True,
                )  # fmt: skip
                session.add(user)
                session.flush()
                tokens[code] = new_token()
                session.add(
                    Token(token_hash=token_hash(tokens[code]), kind="user", user_id=user.id,
                          window_code=code, issued_at=now, expires_at=now + timedelta(hours=8))
                )  # fmt: skip
    finally:
        database.dispose()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(_BARE_TABLE))
        conn.execute(text(_BARE_INDEX))
    engine.dispose()
    return tokens


def _enrol(base: str, admin: str, kind: str, label: str) -> str:
    headers = {"Authorization": f"Bearer {admin}"}
    code = requests.post(
        base + "/api/v1/enrolments",
        json={"kind": kind, "label": label},
        headers=headers,
        timeout=30,
    )
    code.raise_for_status()
    answer = requests.post(
        base + "/api/v1/enrolments/redeem", json={"code": code.json()["code"]}, timeout=30
    )
    answer.raise_for_status()
    return str(answer.json()["token"])


def _summary(name: str, result: dict[str, Any]) -> list[float]:
    if result["errors"]:
        raise RuntimeError(f"{name}: {result['errors'][0]}")
    latencies = [answered - sent for _n, sent, answered in result["calls"]]
    print(
        f"  {name:34} {len(latencies):5} calls ({result['issued']} issued, "
        f"{result['finished']} finished, {len(result['empty'])} Next with nobody waiting) "
        f"in {result['wall']:5.1f} s: p50 {_p(latencies, 50) * 1000:6.1f} ms, "
        f"p99 {_p(latencies, 99) * 1000:6.1f} ms"
    )
    return latencies


def bench_hour(backend: str, url: str, args: dict[str, Any]) -> None:
    windows = window_codes(args["windows"])
    tokens = prepare(url, windows)
    env = {"CLERK_DATABASE_URL": url, "BENCH_DATABASE_URL": url, "CLERK_LOGIN_MAX_FAILURES": "100"}
    port = _free_port()
    serve = ["records_service", "serve", "--port", str(port), "--log-level", "warning"]
    print(f"{backend}: {args['tickets']} tickets, {len(windows)} windows, 2 kiosks, "
          f"hour compressed x{args['speed']} (load before: {os.getloadavg()[0]:.2f})")  # fmt: skip
    with _serve(serve, env, port) as base:
        admin = requests.post(
            base + "/api/v1/auth/login",
            json={"username": "demo-admin", "password": PASSWORD},
            timeout=60,
        ).json()["access_token"]
        for k in range(2):
            tokens[f"kiosk{k}"] = _enrol(base, admin, "kiosk", f"压测取号机{k + 1}")
        screen = HallScreen(base, _enrol(base, admin, "display", "压测叫号屏"), windows)
        screen.feed.start()
        child, out = _run_hour(base, False, tokens, args)
        result = screen.run_until(child, out)
        screen.feed.stop(timeout=30)
    ours = _summary("POST /queue/next (records service)", result)
    sent = {number: s for number, s, _a in result["calls"]}
    answered = {number: a for number, _s, a in result["calls"]}
    port = _free_port()
    uvicorn = ["uvicorn", "bench.bench_queue:baseline_app", "--factory", "--port", str(port),
               "--log-level", "warning", "--no-access-log"]  # fmt: skip
    with _serve(uvicorn, env, port, probe="/openapi.json") as base:
        child, out = _run_hour(base, True, {}, args)
        result = out.get(timeout=3600)  # before join: the child exits once it is read
        child.join(30)
        bare = _summary("bare UPDATE ... RETURNING endpoint", result)
    print(
        f"  next p99 ratio {_p(ours, 99) / _p(bare, 99):5.2f} "
        f"(p50 ratio {_p(ours, 50) / _p(bare, 50):5.2f})"
    )
    shown = [n for n in screen.painted if n in sent]
    from_sent = [screen.painted[n] - sent[n] for n in shown]
    from_answer = [screen.painted[n] - answered[n] for n in shown]
    poll = [screen.received[n] - answered[n] for n in shown if n in screen.received]
    print(
        f"  call to screen ({len(shown)} of {len(sent)} calls painted): from Next sent "
        f"p50 {_p(from_sent, 50) * 1000:6.1f} ms, p99 {_p(from_sent, 99) * 1000:6.1f} ms, "
        f"max {max(from_sent) * 1000:6.1f} ms; from its answer p50 "
        f"{_p(from_answer, 50) * 1000:6.1f} ms, p99 {_p(from_answer, 99) * 1000:6.1f} ms "
        f"(of which the long-poll's delivery p50 {_p(poll, 50) * 1000:6.1f} ms)"
    )
    print(f"  load after: {os.getloadavg()[0]:.2f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1500)
    parser.add_argument("--windows", type=int, default=40)
    parser.add_argument(
        "--speed", type=float, default=60.0, help="the hour compressed this many times"
    )
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    options = {"tickets": args.tickets, "windows": args.windows, "speed": args.speed}
    folder = Path(tempfile.mkdtemp(prefix="clerk-bench-queue-"))
    try:
        with _postgres() as pg:
            for backend in args.backends.split(","):
                if backend == "postgres" and pg is None:
                    print("postgres: no server (set CLERK_TEST_POSTGRES_URL or run as root)")
                    continue
                server = pg if backend == "postgres" else None
                bench_hour(
                    backend, _new_database(server, folder, "queue_" + uuid.uuid4().hex[:8]), options
                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
