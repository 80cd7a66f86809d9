"""A parked intake discarded from the parking list takes its sealed scanned pages with it
(issue 22), at once rather than at the next start — but never a page a case keeps or
another parked intake names, nor a file outside the scans folder a damaged state names.
Real SQLite file and real sealed files."""

from __future__ import annotations

import pytest

from clerk_app.app.parking import discard, park
from clerk_app.app.scans import attach_scans, keep_scan
from clerk_app.app.take_in import take_in_case
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import FixedClock
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.store import T0, open_store
from tests.helpers.workload import demo_item, draft_for

pytestmark = pytest.mark.usefixtures("qapp")

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))


@pytest.fixture
def context(tmp_path):
    store = open_store(tmp_path / "clerk.db", FixedClock(T0))
    context = window_context(store, store.clock, tmp_path)
    context.calendar = WorkCalendar.builtin()
    yield context
    store.db.close()


def _state(*pages, extra=()) -> dict:
    scans = [
        {"id": p.id, "material_code": p.material_code, "path": p.path, "sha256": p.sha256,
         "size": p.size, "scanned_at": p.scanned_at.isoformat(), "media_type": p.media_type}
        for p in pages
    ]  # fmt: skip
    return {"scans": scans + list(extra)}


def test_discarding_a_parked_intake_removes_only_the_pages_nothing_else_keeps(context):
    _, item = demo_item()
    code = item.materials[0].code
    own, shared_with_case, other_parked = (keep_scan(context, code, PNG) for _ in range(3))
    taken = take_in_case(context, clerk_session(), draft_for(item, 3), item, catalog_version="v1")
    attach_scans(context, taken.case_no, [shared_with_case])
    folder = context.paths.documents_dir
    outside = folder / "keep-me.scan"
    outside.write_bytes(b"not a page of this intake")
    first = park(
        context,
        clerk="demo-clerk",
        item_code=item.code,
        state=_state(own, shared_with_case, extra=[{"path": "../documents/keep-me.scan"},
                                                   {"path": "keep-me.scan"}, "junk"]),
    )  # fmt: skip
    second = park(context, clerk="demo-clerk", item_code=item.code, state=_state(other_parked, own))
    assert discard(context, first) is True
    # ``own`` is named by the second parked intake too: it stays until that one goes.
    assert all((folder / p.path).exists() for p in (own, shared_with_case, other_parked))
    assert outside.exists()

    assert discard(context, second) is True
    assert not (folder / own.path).exists() and not (folder / other_parked.path).exists()
    assert (folder / shared_with_case.path).exists()  # the case keeps it
    assert outside.exists()
    assert discard(context, second) is False
