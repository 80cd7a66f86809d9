"""The primary is lost (docs/SCALING.md, "When something fails"), played with real parts.

A PostgreSQL primary with a synchronous hot standby, Debian's PgBouncer in transaction mode
in front of the primary, and a records service whose writes go through PgBouncer and
whose reads (board, change feed) go to the standby — the province layout in miniature:

1. a case is written and answered 201;
2. the primary crashes (immediate shutdown): a new case is answered 503 ``busy`` with
   ``Retry-After`` — the answer a desk keeps the case in its outbox for and sends again
   later — never a 500; the board still answers, from the standby, and so does the token
   check behind it (``deps._token_off_standby``);
3. the standby is promoted (``pg_ctl promote``) and PgBouncer pointed at it (reload);
   **the service is not restarted**;
4. the desk sends the held case again with its ``Idempotency-Key``: 201. The first case
   sent again is answered from its stored response. On the new primary each case is
   stored exactly once, and the change feed (read there now) gives the held case: the
   service's placer carried on by itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.helpers.replication import (
    PGBOUNCER,
    PgBouncer,
    crash,
    primary_and_standby,
    promote,
)
from tests.helpers.service import (
    TEST_NOW,
    PostgresCluster,
    RunningService,
    ServiceLauncher,
)
from tests.helpers.service_api import TIMEOUT, auth, case_body, post_case, token_for

#: How long real replication, a promotion or PgBouncer's reconnection may take (a bound).
WITHIN_S = 30.0


@dataclass
class Region:
    primary: PostgresCluster
    standby: PostgresCluster
    bouncer: PgBouncer
    database: str
    service: RunningService

    def count_on(self, cluster: PostgresCluster, statement: str, **params: Any) -> int:
        engine = create_engine(f"{cluster.url}/{self.database}", isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                return int(conn.execute(text(statement), params).scalar_one())
        finally:
            engine.dispose()


def _synchronous(primary: PostgresCluster, database_url: str) -> None:
    """Every commit on ``primary`` waits for the standby (SCALING.md: nothing the service
    answered is lost with a primary)."""
    engine = create_engine(database_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("ALTER SYSTEM SET synchronous_standby_names = '*'"))
            conn.execute(text("SELECT pg_reload_conf()"))
            _until(
                "the standby is synchronous",
                lambda: conn.execute(
                    text("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")
                ).scalar_one(),
            )
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def region(tmp_path_factory, records_template_db) -> Iterator[Region]:
    if not Path(PGBOUNCER).exists():
        pytest.skip(
            "NO PGBOUNCER: `tools/ensure-debian-packages.sh test` installs Debian's pgbouncer; "
            "the failover story is NOT tested on this machine"
        )
    launcher = ServiceLauncher(
        tmp_path_factory.mktemp("failover"), records_template_db, clock=TEST_NOW
    )
    with primary_and_standby() as pair:
        bouncer: PgBouncer | None = None
        try:
            _synchronous(pair.primary, pair.primary_url)
            bouncer = PgBouncer.start(pair.primary.port)
            service = launcher.start(
                database_url=f"{bouncer.url}/{pair.database}",
                env={
                    "CLERK_READ_DATABASE_URL": pair.standby_url,
                    "CLERK_DB_POOL_TIMEOUT_SECONDS": "10",
                    # PgBouncer 1.18 cannot follow prepared statements (docs/SCALING.md).
                    "CLERK_DB_PREPARED_STATEMENTS": "false",
                },
            )
            yield Region(pair.primary, pair.standby, bouncer, pair.database, service)
        finally:
            launcher.stop_all()
            if bouncer is not None:
                bouncer.stop()


def _until(what: str, check: Callable[[], Any], seconds: float = WITHIN_S) -> Any:
    """Poll ``check`` (real processes) until it answers truthy."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {seconds} s (last: {value!r})")
        time.sleep(0.2)


@pytest.mark.postgres
def test_the_primary_lost_desks_resend_and_every_case_is_stored_once(region: Region) -> None:
    service = region.service
    clerk = token_for(service)
    display = token_for(service, "demo-display", window_code=None)
    seq = int(time.monotonic_ns() % 800_000) + 1
    first, held = case_body(seq=seq), case_body(seq=seq + 1)
    answered = post_case(service, clerk, first)
    assert answered.status_code == 201, answered.text

    crash(region.primary)
    during = post_case(service, clerk, held)
    assert during.status_code == 503, during.text + service.log()[-4000:]
    assert during.headers["content-type"].startswith("application/problem+json")
    assert during.json()["type"].endswith("/busy")
    assert int(during.headers["Retry-After"]) >= 1
    for _poll in range(3):  # a hall screen polling: each answered off the standby
        board = requests.get(service.url("/board"), headers=auth(display), timeout=TIMEOUT)
        assert board.status_code == 200, board.text
        assert first["case_no"] in {row["case_no"] for row in board.json()["items"]}
    # The token checks went to the standby without asking the lost primary each time.
    assert service.log().count("primary unreachable: token checks read the standby") == 1

    promote(region.standby)
    region.bouncer.point_at(region.standby.port)

    # The desk's next sync rounds: on 503 it waits and sends the same record again.
    def resent() -> requests.Response | None:
        answer = post_case(service, clerk, held)
        assert answer.status_code in (201, 503), answer.text
        return answer if answer.status_code == 201 else None

    taken = _until("the held case is taken after the promotion", resent)
    assert taken.json()["case"]["case_no"] == held["case_no"]
    again = post_case(service, clerk, first)
    assert again.status_code == 201, again.text
    assert again.json() == answered.json()  # the stored answer, not a second case

    stored = "SELECT count(*) FROM cases WHERE case_no = :no"
    assert region.count_on(region.standby, stored, no=first["case_no"]) == 1
    assert region.count_on(region.standby, stored, no=held["case_no"]) == 1

    def in_feed() -> bool:
        cursor, seen = 0, set()
        while True:
            page = requests.get(
                service.url("/changes"),
                params={"after": cursor, "limit": 500},
                headers=auth(clerk),
                timeout=TIMEOUT,
            )
            assert page.status_code == 200, page.text
            body = page.json()
            seen |= {case["case_no"] for case in body["items"]}
            if not body["items"]:
                return held["case_no"] in seen and first["case_no"] in seen
            cursor = body["next"]

    _until("the held case in the change feed of the new primary", in_feed)
    assert "Traceback" not in service.log()
