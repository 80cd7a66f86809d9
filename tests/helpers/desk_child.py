"""A window client as a child process, for the kill -9 tests.

    python -m tests.helpers.desk_child HOME SERVICE_URL ACK_FD COUNT SEED

Opens the desk's real data folder (``build_context``: integrity check, migrations), then
takes in COUNT cases through the store path the GUI uses, pushing the outbox between
intakes. Right after each case's commit it writes ``ack <case_id> <case_no>`` to the pipe
ACK_FD, so the test knows which cases the desk acknowledged before it was killed.
The device token comes in the environment (``CLERK_TEST_DEVICE_TOKEN``); tokens are kept
in memory only, as on a desk without a secure keyring.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    home, service_url, ack_fd, count, seed = argv
    rng = random.Random(int(seed))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

    from clerk_app.app.context import build_context, demo_provisioning
    from clerk_app.paths import Paths
    from clerk_app.remote.api import ApiClient
    from clerk_app.remote.sync import Backoff, SyncEngine
    from tests.helpers.workload import REPO, demo_item, follow_up, take_in

    base = Path(home)
    paths = Paths(base / "data", base / "config", base / "logs", base / "documents")
    prov = demo_provisioning(REPO / "resources" / "provisioning" / "demo-W01.toml", service_url)
    ctx = build_context(prov, paths)
    ctx.backend.api.close()
    ctx.backend.api = ApiClient(service_url, timeout=(1.0, 2.0))
    device_id = os.environ["CLERK_TEST_DEVICE_ID"]
    ctx.backend.tokens.set_device_token("W01", device_id, os.environ["CLERK_TEST_DEVICE_TOKEN"])
    engine = SyncEngine(
        ctx.backend.store,
        ctx.backend.api,
        ctx.backend.tokens,
        ctx.clock,
        Backoff(base=0.01, cap=0.05, random=rng.random),
        window_code="W01",
        device_id=device_id,
        username="demo-clerk",
        max_rows=rng.randint(1, 20),
    )
    catalog, item = demo_item()
    with os.fdopen(int(ack_fd), "w", buffering=1) as acks:
        acks.write(f"started {ctx.backend.db.integrity_ok()} {ctx.damaged_database}\n")
        for n in range(int(count)):
            payload = take_in(ctx, "demo-clerk", item, catalog.version, n)
            acks.write(f"ack {payload['id']} {payload['case_no']}\n")
            follow_up(ctx, "demo-clerk", payload["case_no"], rng)
            engine.push_once()
        acks.write("done\n")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
