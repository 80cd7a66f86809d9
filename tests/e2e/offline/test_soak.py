"""The soak: cases, events and ratings taken in while the link suffers every fault.

Between the desk and a real records service sits the fault proxy; per request it picks a
fault at random (seeded): drop, reset, delay, black-hole, 503, 429, and the two where the
service commits and the answer is lost. Intake never waits for the link: as on a real desk,
cases are taken in on one thread while the sync engine pushes on another (woken by each new
case, never by a timer). After the link heals the outbox drains, and then the service holds
exactly what the desk committed — compared by id, case number and canonical body for cases,
events and ratings: none lost, none doubled.

``CLERK_SOAK_CASES`` sets the number of cases: 2,000 by default (in ``make test``). What
keeps that affordable: the desk's database lives in RAM (``ram_folder``: same code path and
pragmas, no disk flush per commit), the engine marks a batch of accepted rows in one commit,
one case in three gets follow-up events and a rating, and faults are one request in five
(every request until the outbox is empty meets them: hundreds of faults). What is left is
the service's own work, about 20 ms of CPU per request.
"""

from __future__ import annotations

import os
import random
import threading
import time
from datetime import timedelta

from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.remote.api import ApiClient
from clerk_app.remote.sync import Backoff
from tests.helpers.faultproxy import FAULTS
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import demo_item, follow_up, local_records, service_records, take_in

SOAK_CASES = int(os.environ.get("CLERK_SOAK_CASES", "2000"))
#: Weights per fault: one request in five meets a fault; black-holes cost a read timeout.
WEIGHTS = {
    "pass": 80,
    "delay": 2,
    "drop": 2.5,
    "reset": 2.5,
    "blackhole": 0.2,
    "error_503": 2.5,
    "error_429": 2.5,
    "reset_mid": 4,
    "lose_reply": 4,
}
#: One case in this many gets follow-up events and maybe a rating.
FOLLOW_UP_EVERY = 3


def _plan(rng: random.Random):
    names = list(WEIGHTS)
    weights = [WEIGHTS[n] for n in names]
    # The first requests go through every fault once, in turn; then at random.
    return lambda n: FAULTS[n - 1] if n <= len(FAULTS) else rng.choices(names, weights)[0]


def _drain(engine, clock, limit: int = 2_000) -> int:
    """Push until nothing is waiting; moves the clock to each next due time."""
    for rounds in range(1, limit + 1):
        result = engine.push_once()
        if result.waiting == 0:
            return rounds
        if result.next_due is not None and result.next_due > clock.now():
            clock.set(result.next_due)
    raise AssertionError(f"outbox not drained after {limit} rounds: {result}")


class _Pusher(threading.Thread):
    """The sync worker of the soak: one round each time it is woken, until told to stop."""

    def __init__(self, engine) -> None:
        super().__init__(name="soak-sync", daemon=True)
        self.engine = engine
        self.wake = threading.Event()
        self.done = False
        self.rounds = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while True:
                self.wake.wait()
                self.wake.clear()
                if self.done:
                    return
                self.engine.push_once()
                self.rounds += 1
        except BaseException as exc:  # reported by the test
            self.error = exc

    def stop(self) -> None:
        self.done = True
        self.wake.set()
        self.join(timeout=120)


def test_soak_every_fault_none_lost_none_doubled(
    records_service, fault_proxy, make_context, ram_folder
):
    started = time.monotonic()
    rng = random.Random(20261128)
    ctx = make_context(fault_proxy.base_url, base=ram_folder)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    ctx.backend.api.close()
    # Short timeouts: a black-holed request costs one read timeout of real time.
    ctx.backend.api = ApiClient(fault_proxy.base_url, timeout=(1.0, 0.5))
    catalog, item = demo_item()
    engine = sync_engine(ctx, session)
    engine.backoff = Backoff(base=2, cap=8, random=random.Random(7).random)

    fault_proxy.set_faults(_plan(rng))
    follow_rng = random.Random(11)
    committed = 0
    pusher = _Pusher(engine)
    pusher.start()
    try:
        for n in range(SOAK_CASES):
            payload = take_in(ctx, session.username, item, catalog.version, n)
            committed += 1
            if n % FOLLOW_UP_EVERY == 0:
                committed += follow_up(ctx, session.username, payload["case_no"], follow_rng)
            ctx.clock.advance(timedelta(seconds=1))
            pusher.wake.set()  # what the desk does after a new case: a round if one is due
    finally:
        pusher.stop()
    assert pusher.error is None, pusher.error
    assert not pusher.is_alive()
    rounds = pusher.rounds

    # The sync worker goes on through the faults until the outbox is empty …
    rounds += _drain(engine, ctx.clock, limit=20_000)
    counts = dict(fault_proxy.counts)
    assert set(counts) == set(FAULTS), f"every fault must have happened: {counts}"
    # … and once more after the link healed (nothing may be left behind a fault).
    fault_proxy.set_faults("pass")
    rounds += _drain(engine, ctx.clock)

    assert ctx.backend.store.outbox_counts() == {"pending": 0, "rejected": 0}
    assert ctx.backend.db.integrity_ok()
    local = local_records(ctx.paths.database)
    remote = service_records(records_service.database_path)
    assert len(local["cases"]) == SOAK_CASES
    assert remote["case_count"] == SOAK_CASES, "a case was doubled or lost"
    for kind in ("cases", "events", "ratings"):
        missing = local[kind] - remote[kind]
        extra = remote[kind] - local[kind]
        assert not missing and not extra, (kind, sorted(missing)[:3], sorted(extra)[:3])
    print(
        f"soak: {SOAK_CASES} cases, {committed} local writes, {len(local['events'])} events, "
        f"{len(local['ratings'])} ratings, {fault_proxy.requests} requests, {rounds} rounds, "
        f"faults {counts}, {time.monotonic() - started:.0f} s"
    )
