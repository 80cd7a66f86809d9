"""A scanned page reaches the center exactly once (issue 22): the link is cut in the middle
of its upload (a chunk the center took whose answer never came back, then nothing gets
through), the desk is closed and started again on the same data folder; it declares the
page again (the same upload), goes on from the last chunk the center acknowledged, and the
center ends with the file once, byte for byte. On SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
from datetime import timedelta
from typing import Any

import pytest
import requests

from clerk_app.app.scans import attach_scans, keep_scan, page_uploader
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.remote.api import ApiClient
from clerk_app.remote.sync import Backoff
from clerk_app.store import scans as store_scans
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import auth, token_for
from tests.helpers.workload import demo_item, take_in

CHUNK = 64 * 1024
PAGE_BYTES = 300_000  # five chunks, the last one short


class RangeRecorder(ApiClient):
    """The real client; remembers the ``Content-Range`` of every chunk it sends."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ranges: list[str] = []

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = kwargs.get("headers") or {}
        if "Content-Range" in headers:
            self.ranges.append(headers["Content-Range"])
        return super().request(method, path, **kwargs)


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


def _desk(make_context, proxy: FaultProxy):
    """A desk (same data folder each time: a restart), signed in, with its sync engine."""
    ctx = make_context(proxy.base_url, home="w01")
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    ctx.backend.api.close()
    ctx.backend.api = RangeRecorder(proxy.base_url, timeout=(1.0, 2.0))
    engine = sync_engine(ctx, session)
    engine.backoff = Backoff(base=2, cap=8, random=lambda: 0.5)
    engine.uploads = page_uploader(ctx, chunk_bytes=CHUNK)
    return ctx, engine


def _drain(engine, clock, limit: int = 50):
    for _ in range(limit):
        result = engine.push_once()
        if result.waiting == 0:
            return result
        clock.set(max(result.next_due or clock.now(), clock.now()) + timedelta(seconds=1))
    raise AssertionError(f"outbox not drained: {result}")


def _center_attachments(center, case_no: str) -> list[tuple]:
    return center.sql(
        "SELECT a.id, a.received, a.completed_at IS NOT NULL FROM attachments a"
        " JOIN cases c ON c.id = a.case_id WHERE c.case_no = :no",
        no=case_no,
    )


def test_a_page_cut_off_mid_upload_arrives_once_after_a_restart(
    center, proxy, make_context, tmp_path
) -> None:
    ctx, engine = _desk(make_context, proxy)
    catalog, item = demo_item()
    case = take_in(ctx, "demo-clerk", item, catalog.version, 1)
    page = b"\x89PNG\r\n\x1a\n" + os.urandom(PAGE_BYTES - 8)
    kept = keep_scan(ctx, case["materials"][0]["code"], page)
    assert attach_scans(ctx, case["case_no"], [kept]) == 1

    # The case record, the page's declaration and its first chunk go through; the center
    # takes the second chunk but its answer is lost; then the link is down.
    start = proxy.requests
    plan = {1: "pass", 2: "pass", 3: "pass", 4: "lose_reply"}
    proxy.set_faults(lambda n: plan.get(n - start, "drop"))
    cut = engine.push_once()
    assert (cut.sent, cut.online) == (1, False)
    assert ctx.backend.api.ranges == [f"bytes 0-{CHUNK - 1}/{PAGE_BYTES}", _range(1)]
    store = ctx.backend.store
    assert store_scans.sent_bytes(store, kept.id) == CHUNK  # what the desk heard
    assert _center_attachments(center, case["case_no"]) == [(kept.id, 2 * CHUNK, False)]

    # The desk is closed and started again; the link is back.
    ctx.close()
    proxy.set_faults("pass")
    ctx, engine = _desk(make_context, proxy)
    _drain(engine, ctx.clock)

    # It went on from the last chunk it heard of (the center answered that one without
    # change and said where it stood), and the page is at the center once, byte for byte.
    assert ctx.backend.api.ranges == [_range(1), _range(2), _range(3), _range(4)]
    assert _center_attachments(center, case["case_no"]) == [(kept.id, PAGE_BYTES, True)]
    clerk = token_for(center)
    read = requests.get(center.url(f"/attachments/{kept.id}"), headers=auth(clerk), timeout=(5, 30))
    assert read.status_code == 200 and read.content == page
    sha = hashlib.sha256(page).hexdigest()
    files = tmp_path / "center-files"
    assert [p.name for p in (files / "sha256").rglob("*") if p.is_file()] == [sha]
    assert not any((files / "partial").iterdir())
    store = ctx.backend.store
    assert store_scans.sent_bytes(store, kept.id) == PAGE_BYTES
    [row] = [r for r in store.outbox_rows() if r.kind == store_scans.KIND_ATTACHMENT]
    assert (row.state, row.attempts) == ("sent", 2)

    # Sent once: another round sends nothing more.
    again = engine.push_once()
    assert again.sent == 0 and ctx.backend.api.ranges[-1] == _range(4)


def _range(index: int) -> str:
    start = index * CHUNK
    end = min(start + CHUNK, PAGE_BYTES) - 1
    return f"bytes {start}-{end}/{PAGE_BYTES}"


def test_a_page_damaged_on_the_desk_is_refused_with_its_reason_and_never_declared(
    records_service, make_context
) -> None:
    ctx = make_context(records_service.base_url, home="w02")
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    engine = sync_engine(ctx, session)
    catalog, item = demo_item()
    case = take_in(ctx, "demo-clerk", item, catalog.version, 2)
    kept = keep_scan(ctx, case["materials"][0]["code"], b"\x89PNG\r\n\x1a\n" + os.urandom(5000))
    attach_scans(ctx, case["case_no"], [kept])
    sealed = ctx.paths.documents_dir / kept.path
    damaged = bytearray(sealed.read_bytes())
    damaged[-1] ^= 0xFF
    sealed.write_bytes(bytes(damaged))

    result = engine.push_once()
    assert (result.sent, result.rejected) == (1, 1)  # the case went; the page cannot
    [row] = ctx.backend.store.outbox_rows("rejected")
    assert row.kind == store_scans.KIND_ATTACHMENT
    assert "cannot be sent" in (row.last_error or "") and "damaged" in (row.last_error or "")
    assert _center_attachments(records_service, case["case_no"]) == []
    assert records_service.sql(
        "SELECT count(*) FROM cases WHERE case_no = :no", no=case["case_no"]
    ) == [(1,)]
