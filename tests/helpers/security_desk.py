"""The desk's own security tests (issue 14): a window client on real files (encrypted
SQLite, key in the test keyring or the key file) against a real records service on
127.0.0.1. The clock is a ``FixedClock`` the tests move; nobody sleeps."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from clerk_app.app.context import AppContext, build_context, demo_provisioning
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.paths import Paths

REPO = Path(__file__).resolve().parents[2]
DEMO_PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"
UNREACHABLE = "http://127.0.0.1:9"


def desk_paths(base: Path) -> Paths:
    return Paths(base / "data", base / "config", base / "logs", base / "documents")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))


@pytest.fixture
def make_desk(tmp_path: Path, clock: FixedClock) -> Iterator[Callable[..., AppContext]]:
    """``make_desk(service_url, home="w1", **provisioning_changes)``: a desk on real files;
    the same ``home`` is the same machine (a restart). Closed at teardown."""
    made: list[AppContext] = []

    def make(service_url: str, home: str = "w1", **changes: Any) -> AppContext:
        prov = demo_provisioning(DEMO_PROVISIONING, service_url)
        if changes:
            prov = prov._replace(**changes)
        ctx = build_context(prov, desk_paths(tmp_path / home), clock=clock)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()
