"""A window client with scanned pages as a child process, for the attachments' kill -9 test.

    python -m tests.helpers.scan_desk_child HOME SERVICE_URL ACK_FD MODE CHUNK [FILE ...]

Opens the desk's real data folder (``build_context``: integrity check, migrations, the
sealed scans' key). MODE ``intake`` takes in one case through the use case the GUI calls,
keeps each FILE as a scanned page of its first material (sealed, ``app.scans.keep_scan``)
and attaches them (``attach_scans``: the pages' outbox rows in the same transaction), then
writes ``case <case_no>`` and ``page <id> <sha256>`` per page to the pipe ACK_FD. Every mode
then pushes the outbox with the pages' uploader (chunks of CHUNK bytes) and writes ``push
<sent> <waiting>`` after each round; MODE ``drain`` stops with ``drained`` once nothing
waits, the other modes push until they are killed. The device token comes in the
environment (``CLERK_TEST_DEVICE_ID``, ``CLERK_TEST_DEVICE_TOKEN``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    home, service_url, ack_fd, mode, chunk, *files = argv
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

    from clerk_app.app.context import build_context, demo_provisioning
    from clerk_app.app.scans import attach_scans, keep_scan, page_uploader
    from clerk_app.core.clock import SystemClock
    from clerk_app.paths import Paths
    from clerk_app.remote.api import ApiClient
    from clerk_app.remote.sync import Backoff, SyncEngine
    from tests.helpers.workload import REPO, demo_item, take_in

    base = Path(home)
    paths = Paths(base / "data", base / "config", base / "logs", base / "documents")
    prov = demo_provisioning(REPO / "resources" / "provisioning" / "demo-W01.toml", service_url)
    ctx = build_context(prov, paths, clock=SystemClock())
    ctx.backend.api.close()
    # A long read timeout: a black-holed request stays in flight until the kill.
    ctx.backend.api = ApiClient(service_url, timeout=(1.0, 30.0))
    device_id = os.environ["CLERK_TEST_DEVICE_ID"]
    ctx.backend.tokens.set_device_token("W01", device_id, os.environ["CLERK_TEST_DEVICE_TOKEN"])
    engine = SyncEngine(
        ctx.backend.store,
        ctx.backend.api,
        ctx.backend.tokens,
        ctx.clock,
        Backoff(base=0.01, cap=0.05, random=lambda: 0.5),
        window_code="W01",
        device_id=device_id,
        username="demo-clerk",
        uploads=page_uploader(ctx, chunk_bytes=int(chunk)),
    )
    with os.fdopen(int(ack_fd), "w", buffering=1) as acks:
        if mode == "intake":
            catalog, item = demo_item()
            case = take_in(ctx, "demo-clerk", item, catalog.version, 1)
            material = case["materials"][0]["code"]
            pages = [keep_scan(ctx, material, Path(f).read_bytes()) for f in files]
            attach_scans(ctx, case["case_no"], pages)
            acks.write(f"case {case['case_no']}\n")
            for page in pages:
                acks.write(f"page {page.id} {page.sha256}\n")
        while True:
            result = engine.push_once()
            acks.write(f"push {result.sent} {result.waiting}\n")
            if mode == "drain" and result.waiting == 0:
                acks.write("drained\n")
                break
            time.sleep(0.05)  # the back-off is 10-50 ms: a real child waits for real
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
