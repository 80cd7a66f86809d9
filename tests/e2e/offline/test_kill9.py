"""kill -9: the client killed at random points during intake and sync; the service killed
mid-request. Nothing acknowledged is lost, nothing reaches the service twice.

``CLERK_KILL9_ROUNDS`` sets how many times the client is killed (50 in CI).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

from clerk_app.remote.api import ApiClient, NetworkError
from clerk_app.remote.sync import Backoff, SyncEngine
from clerk_app.remote.tokens import TokenStore
from clerk_app.store.db import Database
from clerk_app.store.keys import database_key_of
from clerk_app.store.local import LocalStore
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.offline import window_paths
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import REPO, demo_item, local_records, service_records, take_in

ROUNDS = int(os.environ.get("CLERK_KILL9_ROUNDS", "50"))
LINE_TIMEOUT_S = 60.0  # bound for one line from the child (a hung child fails the test)


class AckReader:
    """Lines from the child's acknowledgement pipe, with a bounded wait."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""
        self.eof = False

    def line(self, timeout: float = LINE_TIMEOUT_S) -> str | None:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            if self.eof:
                return None
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("the child said nothing in time")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    self.eof = True
                self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()


def _device_login(base_url: str) -> tuple[str, str]:
    device_id = str(uuid.uuid4())
    api = ApiClient(base_url, timeout=(3.05, 15))
    try:
        login = api.login("demo-clerk", DEMO_PASSWORD, "W01", device_id, "0.1.0")
    finally:
        api.close()
    assert login.device_token
    return device_id, login.device_token


def _start_child(home: Path, url: str, device: tuple[str, str], seed: int):
    r, w = os.pipe()
    env = dict(os.environ)
    env["CLERK_TEST_DEVICE_ID"], env["CLERK_TEST_DEVICE_TOKEN"] = device
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.desk_child", str(home), url, str(w), "100000",
         str(seed)],
        cwd=REPO, env=env, pass_fds=(w,), stderr=subprocess.PIPE,
    )  # fmt: skip
    os.close(w)
    return proc, AckReader(r), r


def _drain_to(db_path: Path, url: str, device: tuple[str, str]) -> None:
    from clerk_app.core.clock import SystemClock

    db = Database(db_path, key=database_key_of(db_path))
    store = LocalStore(db, SystemClock())
    tokens = TokenStore()
    tokens.set_device_token("W01", device[0], device[1])
    api = ApiClient(url, timeout=(3.05, 15))
    engine = SyncEngine(
        store, api, tokens, SystemClock(), Backoff(base=0.01, cap=0.05),
        window_code="W01", device_id=device[0],
    )  # fmt: skip
    try:
        for _ in range(200):
            result = engine.push_once()
            assert result.rejected_total == 0, store.outbox_rows("rejected")[:2]
            if result.waiting == 0:
                return
            time.sleep(0.05)  # backoff of 10–50 ms: a real wait, bounded by the loop
        raise AssertionError("outbox did not drain")
    finally:
        api.close()
        db.close()


def test_client_killed_50_times_loses_and_doubles_nothing(records_service, tmp_path):
    rng = random.Random(4242)
    device = _device_login(records_service.base_url)
    home = tmp_path / "desk"
    window_paths(home)
    acked: dict[str, str] = {}
    for round_no in range(ROUNDS):
        proc, reader, fd = _start_child(home, records_service.base_url, device, round_no)
        try:
            started = reader.line()
            assert started == "started True None", (started, proc.stderr.read())
            for _ in range(rng.randint(0, 5)):
                line = reader.line()
                assert line is not None and line.startswith("ack "), line
                _, case_id, case_no = line.split()
                acked[case_id] = case_no
            # Land anywhere: inside a commit, an outbox update, a request in flight.
            time.sleep(rng.uniform(0, 0.03))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            # Acknowledgements written before the kill and not read yet count too.
            while (line := reader.line()) is not None:
                if line.startswith("ack "):
                    _, case_id, case_no = line.split()
                    acked[case_id] = case_no
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
            proc.stderr.close()
            os.close(fd)

    db_path = home / "data" / "clerk.db"
    db = Database(db_path, key=database_key_of(db_path))  # encrypted: the desk's own key
    try:
        assert db.integrity_ok()
        local_ids = {r[0] for r in db.query("SELECT id FROM cases")}
    finally:
        db.close()
    assert len(acked) >= ROUNDS // 2
    assert set(acked) <= local_ids, "an acknowledged case is missing locally"

    _drain_to(db_path, records_service.base_url, device)
    local = local_records(db_path)
    remote = service_records(records_service.database_path)
    assert remote["case_count"] == len(local_ids)
    assert {c[0] for c in remote["cases"]} >= set(acked)
    for kind in ("cases", "events", "ratings"):
        assert local[kind] == remote[kind], kind


def test_service_killed_mid_request_and_restarted(service_factory, tmp_path):
    service = service_factory()
    proxy = FaultProxy(("127.0.0.1", int(service.base_url.rsplit(":", 1)[1]))).start()
    try:
        device = _device_login(service.base_url)
        from clerk_app.core.clock import SystemClock

        paths = window_paths(tmp_path / "desk")
        store = LocalStore(Database(paths.database), SystemClock())
        _, item = demo_item()

        class _Ctx:  # what take_in needs
            pass

        ctx = _Ctx()
        ctx.backend, ctx.clock = SimpleNamespace(store=store), SystemClock()
        from clerk_app.app.context import demo_provisioning
        from clerk_app.core.calendar import WorkCalendar

        ctx.provisioning = demo_provisioning(
            REPO / "resources" / "provisioning" / "demo-W01.toml", proxy.base_url
        )
        ctx.calendar = WorkCalendar.builtin()
        for n in range(120):
            take_in(ctx, "demo-clerk", item, "demo", n)
        tokens = TokenStore()
        tokens.set_device_token("W01", device[0], device[1])
        api = ApiClient(proxy.base_url, timeout=(1.0, 2.0))
        engine = SyncEngine(
            store, api, tokens, SystemClock(), Backoff(base=0.01, cap=0.05),
            window_code="W01", device_id=device[0],
        )  # fmt: skip
        errors: list[BaseException] = []

        def push() -> None:
            try:
                for _ in range(30):
                    engine.push_once()
            except BaseException as exc:
                errors.append(exc)

        pusher = threading.Thread(target=push)
        pusher.start()
        # Kill -9 once the service has some of the cases, while requests are in flight.
        for _ in range(400):
            if service_records(service.database_path)["case_count"] >= 20:
                break
            time.sleep(0.01)
        service.process.send_signal(signal.SIGKILL)
        service.process.wait(timeout=30)
        pusher.join(timeout=120)
        assert not pusher.is_alive() and not errors, errors
        assert store.outbox_counts()["pending"] > 0, "the kill came too late to prove anything"

        again = service_factory(database_path=service.database_path)
        proxy.upstream = ("127.0.0.1", int(again.base_url.rsplit(":", 1)[1]))
        for _ in range(200):
            try:
                result = engine.push_once()
            except NetworkError:
                continue
            if result.waiting == 0:
                break
            time.sleep(0.05)
        assert store.outbox_counts() == {"pending": 0, "rejected": 0}
        api.close()
        store.db.close()
        local = local_records(paths.database)
        remote = service_records(again.database_path)
        assert remote["case_count"] == 120
        assert local["cases"] == remote["cases"]
        assert local["events"] == remote["events"]
    finally:
        proxy.stop()
