"""Scanned pages reach the center exactly once through a black-holed link and two
``kill -9`` of the desk (issue 22), on SQLite and PostgreSQL; a page over the center's
limit is refused with a clear message and leaves the case as it was.

A real desk process (``tests/helpers/scan_desk_child.py``) takes in a case with two pages
scanned from files and starts sending them. The link is black-holed in the middle of the
first page (a chunk swallowed, never answered) and the desk is killed while it waits for
the answer. Started again on the same data folder, it goes on; the center takes a chunk of
the second page whose answer is lost, then the link drops, and the desk is killed again.
A third desk process drains: each page is at the center once, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
import requests

from clerk_app.app.scans import attach_scans, keep_scan, page_uploader
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.remote.api import ApiClient
from clerk_app.store import scans as store_scans
from tests.e2e.offline.test_kill9 import AckReader
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.offline import window_paths
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import auth, token_for
from tests.helpers.workload import REPO, demo_item, take_in

CHUNK = 64 * 1024
SIZES = (300_000, 200_000)  # five chunks and four, the last ones short
WAIT_S = 60.0


@pytest.fixture(params=["sqlite", "postgres"])
def center(request, service_factory, tmp_path):
    files = tmp_path / "center-files"
    return service_factory(backend=request.param, env={"CLERK_ATTACHMENTS_DIR": str(files)})


@pytest.fixture
def proxy(center):
    proxy = FaultProxy(("127.0.0.1", int(center.base_url.rsplit(":", 1)[1])))
    proxy.start()
    yield proxy
    proxy.stop()


class Desk:
    """One desk process on a data folder; killed with SIGKILL or left to finish."""

    def __init__(self, home: Path, url: str, device: tuple[str, str], mode: str, files=()):
        r, w = os.pipe()
        env = dict(os.environ)
        env["CLERK_TEST_DEVICE_ID"], env["CLERK_TEST_DEVICE_TOKEN"] = device
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.scan_desk_child", str(home), url, str(w),
             mode, str(CHUNK), *map(str, files)],
            cwd=REPO, env=env, pass_fds=(w,), stderr=subprocess.PIPE,
        )  # fmt: skip
        os.close(w)
        self.fd = r
        self.reader = AckReader(r)

    def line(self) -> str:
        line = self.reader.line()
        assert line is not None, self.proc.stderr.read().decode() if self.proc.stderr else ""
        return line

    def kill9(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(timeout=30) == -signal.SIGKILL

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        if self.proc.stderr:
            self.proc.stderr.close()
        os.close(self.fd)


def _device_login(base_url: str) -> tuple[str, str]:
    device_id = str(uuid.uuid4())
    api = ApiClient(base_url, timeout=(3.05, 15))
    try:
        login = api.login("demo-clerk", DEMO_PASSWORD, "W01", device_id, "0.1.0")
    finally:
        api.close()
    assert login.device_token
    return device_id, login.device_token


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not in time: {what}")
        time.sleep(0.02)


def _center_pages(center, case_no: str) -> dict[str, tuple[int, bool]]:
    rows = center.sql(
        "SELECT a.id, a.received, a.completed_at IS NOT NULL FROM attachments a"
        " JOIN cases c ON c.id = a.case_id WHERE c.case_no = :no",
        no=case_no,
    )
    return {r[0]: (int(r[1]), bool(r[2])) for r in rows}


def _received(center) -> Callable[[int], int]:
    """The bytes the center acknowledged of the case's n-th page (0 before it is declared;
    the center holds this one case's pages only)."""

    def received(n: int) -> int:
        rows = center.sql("SELECT received FROM attachments WHERE page = :page", page=n + 1)
        return int(rows[0][0]) if rows else 0

    return received


def _png(size: int, seed: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + random.Random(seed).randbytes(size - 8)


def test_pages_arrive_once_through_a_black_hole_and_two_kill9(center, proxy, tmp_path) -> None:
    device = _device_login(center.base_url)
    home = tmp_path / "desk"
    window_paths(home)
    files = []
    for n, size in enumerate(SIZES):
        files.append(tmp_path / f"page{n}.png")
        files[-1].write_bytes(_png(size, n))

    # 1. Intake; the case, the first page's declaration and three chunks go through, the
    # next chunk falls into a black hole: the desk is killed while it waits for it.
    received = _received(center)
    proxy.set_faults(lambda n: "blackhole" if received(0) >= 3 * CHUNK else "pass")
    desk = Desk(home, proxy.base_url, device, "intake", files)
    try:
        case_no = desk.line().split()[1]
        pages = [desk.line().split()[1:] for _ in SIZES]
        _wait_for(lambda: proxy.counts["blackhole"] >= 1, "a chunk in the black hole")
        desk.kill9()
    finally:
        desk.close()
    (first, first_sha), (second, second_sha) = pages
    assert [first_sha, second_sha] == [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]
    assert _center_pages(center, case_no) == {first: (3 * CHUNK, False)}

    # 2. Started again: it finishes the first page and declares the second; the center
    # takes the second page's second chunk but its answer is lost, then the link drops.
    # The desk is killed while it retries.
    lost: list[int] = []

    def lose_then_drop(n: int) -> str:
        if lost:
            return "drop"
        if received(1) == CHUNK:  # the desk heard of the first chunk: the next is the second
            lost.append(n)
            return "lose_reply"
        return "pass"

    proxy.set_faults(lose_then_drop)
    desk = Desk(home, proxy.base_url, device, "push")
    try:
        _wait_for(lambda: proxy.counts["drop"] >= 2, "the link down after a lost answer")
        desk.kill9()
    finally:
        desk.close()
    assert _center_pages(center, case_no) == {
        first: (SIZES[0], True),
        second: (2 * CHUNK, False),
    }

    # 3. A third desk process on the same folder, the link back: it drains.
    proxy.set_faults("pass")
    desk = Desk(home, proxy.base_url, device, "drain")
    try:
        _wait_for(lambda: desk.line() == "drained", "the outbox drained")
        assert desk.proc.wait(timeout=30) == 0
    finally:
        desk.close()

    # Each page is at the center once, byte for byte, received once.
    assert _center_pages(center, case_no) == {first: (SIZES[0], True), second: (SIZES[1], True)}
    clerk = token_for(center)
    for page_id, sha in pages:
        read = requests.get(
            center.url(f"/attachments/{page_id}"), headers=auth(clerk), timeout=(5, 30)
        )
        assert read.status_code == 200 and hashlib.sha256(read.content).hexdigest() == sha
    stored = tmp_path / "center-files"
    kept = sorted(p.name for p in (stored / "sha256").rglob("*") if p.is_file())
    assert kept == sorted([first_sha, second_sha])
    assert not any((stored / "partial").iterdir())
    received = center.sql(
        "SELECT target FROM audit_records WHERE action = 'attachment.receive' ORDER BY target"
    )
    assert sorted(r[0] for r in received) == sorted([first, second])


def test_a_page_over_the_limit_is_refused_clearly_and_the_case_is_unharmed(
    service_factory, make_context, tmp_path
) -> None:
    center = service_factory(
        env={
            "CLERK_ATTACHMENTS_DIR": str(tmp_path / "center-files"),
            "CLERK_ATTACHMENT_MAX_BYTES": "100000",
        }
    )
    ctx = make_context(center.base_url, home="w03")
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    engine = sync_engine(ctx, session)
    engine.uploads = page_uploader(ctx, chunk_bytes=CHUNK)
    catalog, item = demo_item()
    case = take_in(ctx, "demo-clerk", item, catalog.version, 3)
    material = case["materials"][0]["code"]
    small, large = _png(50_000, 1), _png(150_000, 2)
    kept = [keep_scan(ctx, material, small), keep_scan(ctx, material, large)]
    attach_scans(ctx, case["case_no"], kept)

    result = engine.push_once()
    assert (result.sent, result.rejected) == (2, 1)  # the case and the small page go
    [row] = ctx.backend.store.outbox_rows("rejected")
    assert row.kind == store_scans.KIND_ATTACHMENT and row.idempotency_key == kept[1].id
    assert "File too large" in (row.last_error or "")
    assert "at most 100000" in (row.last_error or "")
    assert _center_pages(center, case["case_no"]) == {kept[0].id: (50_000, True)}
    clerk = token_for(center)
    got = requests.get(center.url(f"/cases/{case['case_no']}"), headers=auth(clerk), timeout=10)
    local = ctx.backend.store.get_case(case["case_no"])
    assert local is not None
    assert got.status_code == 200 and got.json()["case"]["status"] == local.status.value
    # The desk keeps the page: the clerk can still see and print it.
    assert [s.id for s in store_scans.case_scans(ctx.backend.store, case["case_no"])] == [
        k.id for k in kept
    ]
