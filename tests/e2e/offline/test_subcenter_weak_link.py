"""A sub-center on a weak link (issue 20): the 交警车管 sub-center's window reaches the
records service over the government WAN — a fault proxy adding 300 ms to every request and
losing 5% of them at random (the request or its answer), then an outage of 30 minutes on
the injected clock — while a window of the city center works on, straight to the service.
Every case the sub-center took in reaches the service exactly once after the outage; the
city window's cases were never held up (each one at the service as soon as it was pushed).
On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.remote.sync import Backoff
from tests.helpers.centers import add_centers
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.offline import DEMO_PROVISIONING, window_paths
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import demo_item, take_in

LATENCY_S = 0.3
LOSS = 0.05
OUTAGE = timedelta(minutes=30)
STEP = timedelta(minutes=6)  # the desks' work goes on in steps of the injected clock


@pytest.fixture(params=["sqlite", "postgres"])
def center(request, service_factory) -> Any:
    service = service_factory(backend=request.param)
    add_centers(service.database_url)  # the sub-center JG (window JG01) and a county
    return service


@pytest.fixture
def wan(center) -> Any:
    proxy = FaultProxy(
        ("127.0.0.1", int(center.base_url.rsplit(":", 1)[1])),
        latency_s=LATENCY_S,
        seed=197,  # its draws lose the 2nd passing request and the 4th one's answer
    )
    proxy.start()
    yield proxy
    proxy.stop()


@pytest.fixture
def desks(tmp_path, clock) -> Any:
    """``desk(url, center, window, user)``: a window's desk of that center pointed at
    ``url``, signed in, with its sync engine; all closed at teardown."""
    made: list[Any] = []

    def desk(url: str, center_code: str, window: str, user: str) -> Any:
        made.append(_desk(tmp_path, clock, url, center_code, window, user))
        return made[-1]

    yield desk
    for ctx, _engine in made:
        ctx.close()


def _desk(tmp_path, clock, url: str, center_code: str, window: str, user: str) -> Any:
    prov = demo_provisioning(DEMO_PROVISIONING, url)._replace(
        center_code=center_code, window_code=window
    )
    ctx = build_context(prov, window_paths(tmp_path / window), clock=clock)
    session = sign_in(ctx, user, DEMO_PASSWORD)
    engine = sync_engine(ctx, session)
    engine.backoff = Backoff(base=2, cap=120, random=lambda: 0.5)
    return ctx, engine


def _pending(ctx) -> int:
    return ctx.backend.store.outbox_counts()["pending"]


def _at_center(center, window: str) -> list[tuple]:
    return center.sql(
        "SELECT case_no, count(*) FROM cases WHERE window_code = :w GROUP BY case_no"
        " ORDER BY case_no",
        w=window,
    )


def test_a_sub_center_catches_up_after_an_outage_while_the_city_works_on(
    center, wan, desks, clock
) -> None:
    sub, sub_engine = desks(wan.base_url, "JG", "JG01", "jg-clerk")
    city, city_engine = desks(center.base_url, "HS", "W01", "demo-clerk")
    wan.set_link(loss=LOSS)  # signed in: from now on 5% of the requests are lost
    catalog, item = demo_item()  # a 公安 item: both windows are of that department
    sub_cases: list[str] = []
    city_cases: list[str] = []

    def city_works(n: int) -> None:
        """The city window takes a case in and pushes it: at the center at once."""
        city_cases.append(take_in(city, "demo-clerk", item, catalog.version, n)["case_no"])
        pushed = city_engine.push_once()
        assert pushed.waiting == 0 and _pending(city) == 0, pushed
        assert _at_center(center, "W01")[-1] == (city_cases[-1], 1)

    def sub_works(n: int) -> None:
        sub_cases.append(take_in(sub, "jg-clerk", item, catalog.version, n)["case_no"])
        sub_engine.push_once()

    # The weak link: slow, lossy; both windows work side by side.
    for n in range(3):
        sub_works(n)
        city_works(n)
        clock.set(clock.now() + timedelta(seconds=30))

    # The outage: nothing from the sub-center gets through for 30 minutes (injected clock);
    # it keeps taking cases in, retrying as its back-off says; the city is not held up.
    wan.set_faults("drop")
    ends = clock.now() + OUTAGE
    n = 3
    while clock.now() < ends:
        sub_works(n)
        city_works(n)
        n += 1
        clock.set(clock.now() + STEP)
    assert _pending(sub) > 0
    assert len(_at_center(center, "JG01")) < len(sub_cases)

    # The link is back (slow and lossy still): the sub-center drains its outbox.
    wan.set_faults("pass")
    for _ in range(40):
        result = sub_engine.push_once()
        if result.waiting == 0 and _pending(sub) == 0:
            break
        clock.set(max(result.next_due or clock.now(), clock.now()) + timedelta(seconds=1))
    assert _pending(sub) == 0, sub.backend.store.outbox_counts()

    # Every case exactly once, at both ends; the link really was weak.
    assert _at_center(center, "JG01") == [(no, 1) for no in sorted(sub_cases)]
    assert _at_center(center, "W01") == [(no, 1) for no in sorted(city_cases)]
    assert all(no.startswith("JG-JG01-") for no in sub_cases)
    assert wan.counts["lose_reply"] >= 1  # a case the center took whose answer was lost
    assert wan.counts["drop"] >= 6  # the outage's refusals and a request lost on the way
