"""A real desk on disk with cases waiting to be sent (for the ``clerk-app unsent`` tests)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.app.take_in import take_in_case
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.paths import Paths
from clerk_app.store.outbox import WaitingCounts
from tests.helpers.printing import clerk_session
from tests.helpers.workload import demo_item, draft_for

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources" / "provisioning" / "demo-W01.toml"


def desk_paths(data_dir: Path) -> Paths:
    """A desk whose database is ``data_dir/clerk.db`` (the other folders beside it)."""
    base = data_dir.parent
    return Paths(data_dir, base / "config", base / "logs", base / "documents")


def desk_with_waiting_cases(data_dir: Path, cases: int) -> tuple[Path, WaitingCounts]:
    """Take in ``cases`` cases at a desk that cannot reach the service (so they all wait,
    with their documents); returns the database file and what the desk's own status bar
    counts as waiting. The desk is closed again."""
    clock = FixedClock(datetime(2026, 12, 1, 9, 30, tzinfo=CENTER_TZ))
    context = build_context(
        demo_provisioning(DEMO, "http://127.0.0.1:9"), desk_paths(data_dir).ensure(), clock=clock
    )
    try:
        context.calendar = WorkCalendar.builtin()
        _, item = demo_item()
        for n in range(cases):
            take_in_case(context, clerk_session(), draft_for(item, n), item, catalog_version="v1")
        return context.paths.database, context.backend.store.outbox_waiting_counts()
    finally:
        context.close()
