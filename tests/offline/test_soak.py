"""The soak: cases, events and ratings taken in while the link suffers every fault.

Between the desk and a real records service sits the fault proxy; per request it picks a
fault at random (seeded): drop, reset, delay, black-hole, 503, 429, and the two where the
service commits and the answer is lost. Intake never waits for the link. After the link
heals the outbox drains, and then the service holds exactly what the desk committed —
compared by id, case number and canonical body for cases, events and ratings: none lost,
none doubled.

``CLERK_SOAK_CASES`` sets the number of cases: 400 by default (about 35 s); the full
2,000 (about 5 minutes on a 2-core machine, too long for CI) runs with
``CLERK_SOAK_CASES=2000`` or ``make bench`` (bench/bench_sync.py).
"""

from __future__ import annotations

import os
import random
from datetime import timedelta

from clerk_app.remote.api import ApiClient
from clerk_app.remote.sync import Backoff
from clerk_app.session import sign_in, sync_engine
from tests.fixtures.service import DEMO_PASSWORD
from tests.offline.faultproxy import FAULTS
from tests.offline.workload import demo_item, follow_up, local_records, service_records, take_in

SOAK_CASES = int(os.environ.get("CLERK_SOAK_CASES", "400"))
#: Weights per fault: mostly faults that cost nothing; black-holes cost a read timeout each.
WEIGHTS = {
    "pass": 55,
    "delay": 6,
    "drop": 6,
    "reset": 6,
    "blackhole": 0.6,
    "error_503": 6,
    "error_429": 6,
    "reset_mid": 7,
    "lose_reply": 7,
}


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


def test_soak_every_fault_none_lost_none_doubled(records_service, fault_proxy, make_context):
    rng = random.Random(20261128)
    ctx = make_context(fault_proxy.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    ctx.api.close()
    # Short timeouts: a black-holed request costs one read timeout of real time.
    ctx.api = ApiClient(fault_proxy.base_url, timeout=(1.0, 0.5))
    catalog, item = demo_item()
    engine = sync_engine(ctx, session)
    engine.backoff = Backoff(base=2, cap=8, random=rng.random)

    fault_proxy.set_faults(_plan(rng))
    committed = 0
    rounds = 0
    for n in range(SOAK_CASES):
        payload = take_in(ctx, session.username, item, catalog.version, n)
        committed += 1 + follow_up(ctx, session.username, payload["case_no"], rng)
        ctx.clock.advance(timedelta(seconds=1))
        # What the sync worker does after a new case: one round if something is due.
        if n % 3 == 0:
            engine.push_once()
            rounds += 1

    counts = dict(fault_proxy.counts)
    assert set(counts) == set(FAULTS), f"every fault must have happened: {counts}"
    fault_proxy.set_faults("pass")
    rounds += _drain(engine, ctx.clock)

    assert ctx.store.outbox_counts() == {"pending": 0, "rejected": 0}
    assert ctx.db.integrity_ok()
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
        f"faults {counts}"
    )
