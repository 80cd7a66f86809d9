"""A broken desk's journal, exported (sealed with a passphrase) and imported on the service:
what it never sent arrives, exactly once; a changed file or a wrong passphrase is refused."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.core.sealed import seal, unseal
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import (
    REPO,
    demo_item,
    follow_up,
    local_records,
    service_records,
    take_in,
)

PASSPHRASE = "correct horse battery staple"


def _export(home: Path, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", "export-journal", "--home", str(home), "-o",
         str(output)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
        input=PASSPHRASE + "\n",
    )  # fmt: skip


def _import(path: Path, database_url: str, passphrase: str = PASSPHRASE):
    return subprocess.run(
        [sys.executable, "-m", "records_service", "import-journal", str(path)],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
        input=passphrase + "\n",
        env={**__import__("os").environ, "CLERK_DATABASE_URL": database_url},
    )  # fmt: skip


def _lines(path: Path) -> list[str]:
    return unseal(path.read_bytes(), PASSPHRASE).decode("utf-8").splitlines()


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
    # Sealed: no case number in clear (a short string like "W01" may occur in the
    # ciphertext's base64 by chance; a whole case number cannot).
    assert payload["case_no"].encode() not in export.read_bytes()
    assert export.stat().st_mode & 0o777 == 0o600
    header = json.loads(_lines(export)[0])
    assert header["window_code"] == "W01" and header["chain_ok"]

    done = _import(export, records_service.database_url)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    rows = [json.loads(line) for line in _lines(export)[1:]]
    writes = sum(1 for r in rows if r["kind"] == "write")
    assert f"{writes} writes in the journal, {waiting} applied now, " in out
    local = local_records(tmp_path / "w1" / "data" / "clerk.db")
    remote = service_records(records_service.database_path)
    assert remote["case_count"] == 8
    for kind in ("cases", "events", "ratings"):
        assert local[kind] == remote[kind], kind

    # Importing the same file again changes nothing.
    again = _import(export, records_service.database_url).stdout
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
    wrong = _import(export, records_service.database_url, "not the passphrase at all")
    assert wrong.returncode == 3 and "wrong passphrase" in wrong.stderr
    # Someone who knows the passphrase changes a row and seals the file again.
    changed = "\n".join(_lines(export)).replace("测试申请人1", "测试申请人9") + "\n"
    export.write_bytes(seal(changed.encode("utf-8"), PASSPHRASE))
    result = _import(export, records_service.database_url)
    assert result.returncode == 3
    assert "hash chain is broken" in result.stderr
    assert service_records(records_service.database_path)["case_count"] == 0
