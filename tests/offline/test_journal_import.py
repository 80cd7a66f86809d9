"""A broken desk's journal, exported and imported on the service: what it never sent arrives,
exactly once; a changed file is refused."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from tests.fixtures.service import DEMO_PASSWORD, run_cli
from tests.offline.workload import (
    REPO,
    demo_item,
    follow_up,
    local_records,
    service_records,
    take_in,
)


def _export(home: Path, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", "export-journal", "--home", str(home), "-o",
         str(output)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_export_then_import_rebuilds_what_was_never_sent_exactly_once(
    records_service, make_context, tmp_path
):
    rng = random.Random(7)
    ctx = make_context(records_service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    catalog, item = demo_item()
    for n in range(4):
        payload = take_in(ctx, session.username, item, catalog.version, n)
        follow_up(ctx, session.username, payload["case_no"], rng)
    engine = sync_engine(ctx, session)
    engine.max_rows = 3  # part of it reaches the service, the rest never does
    assert engine.push_once().sent == 3
    for n in range(4, 8):
        payload = take_in(ctx, session.username, item, catalog.version, n)
        follow_up(ctx, session.username, payload["case_no"], rng)
    waiting = ctx.backend.store.outbox_counts()["pending"]
    assert waiting > 0
    ctx.close()  # the machine breaks here

    export = tmp_path / "journal.jsonl"
    done = _export(tmp_path / "w1", export)
    assert done.returncode == 0, done.stderr
    assert "hash chain ok" in done.stdout
    header = json.loads(export.read_text("utf-8").splitlines()[0])
    assert header["window_code"] == "W01" and header["chain_ok"]

    out = run_cli(["import-journal", str(export)], records_service.database_url)
    rows = [json.loads(line) for line in export.read_text("utf-8").splitlines()[1:]]
    writes = sum(1 for r in rows if r["kind"] == "write")
    assert f"{writes} writes in the journal, {waiting} applied now, " in out
    local = local_records(tmp_path / "w1" / "data" / "clerk.db")
    remote = service_records(records_service.database_path)
    assert remote["case_count"] == 8
    for kind in ("cases", "events", "ratings"):
        assert local[kind] == remote[kind], kind

    # Importing the same file again changes nothing.
    again = run_cli(["import-journal", str(export)], records_service.database_url)
    assert f"0 applied now, {writes} already on the service" in again
    assert service_records(records_service.database_path) == remote


def test_a_changed_export_is_refused(records_service, make_context, tmp_path):
    ctx = make_context(records_service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    catalog, item = demo_item()
    take_in(ctx, session.username, item, catalog.version, 1)
    ctx.close()
    export = tmp_path / "journal.jsonl"
    assert _export(tmp_path / "w1", export).returncode == 0
    export.write_text(export.read_text("utf-8").replace("测试申请人1", "测试申请人9"), "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "records_service", "import-journal", str(export)],
        cwd=REPO,
        env={**__import__("os").environ, "CLERK_DATABASE_URL": records_service.database_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 3
    assert "hash chain is broken" in result.stderr
    assert service_records(records_service.database_path)["case_count"] == 0
