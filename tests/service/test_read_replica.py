"""Reads off the primary (issue 20, ``records_service.read_replica``): a real primary and a
hot standby made with ``pg_basebackup -R -X stream``, and a records service with both URLs.

- a case written while the standby's replay is paused is not on the board or in the
  dashboard's figures (they come from the standby), whose ``as_of`` stays behind and whose
  answers say ``behind_seconds``; the public progress query still finds the new number
  (asked again on the primary); once replay resumes, the reads catch up;
- the change feed read from the standby gives every case once, in order, after many
  concurrent writes, placed on the primary by the service's placer without any reader;
- the standby stopped: the read routes answer from the primary (as of now);
- with SQLite the setting is refused at start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.helpers.replication import primary_and_standby
from tests.helpers.service import (
    REPO_ROOT,
    TEST_NOW,
    PostgresCluster,
    RunningService,
    ServiceLauncher,
)
from tests.helpers.service_api import TIMEOUT, auth, case_body, post_case, token_for

#: How long the real replication may take to show a write (a bound, not a sleep).
CATCH_UP_S = 20.0


@dataclass
class Replicated:
    primary: PostgresCluster
    standby: PostgresCluster
    primary_url: str
    standby_url: str
    service: RunningService

    def on_standby(self, statement: str) -> Any:
        engine = create_engine(self.standby_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                return conn.execute(text(statement)).scalar()
        finally:
            engine.dispose()


@pytest.fixture(scope="module")
def replicated(tmp_path_factory, records_template_db) -> Iterator[Replicated]:
    started = time.monotonic()
    launcher = ServiceLauncher(
        tmp_path_factory.mktemp("replica"), records_template_db, clock=TEST_NOW
    )
    with primary_and_standby() as pair:
        try:
            service = launcher.start(
                database_url=pair.primary_url,
                env={
                    "CLERK_READ_DATABASE_URL": pair.standby_url,
                    "CLERK_READ_MAX_LAG_SECONDS": "1",
                },
            )
            print(f"primary, standby and service up in {time.monotonic() - started:.1f} s")
            yield Replicated(
                pair.primary, pair.standby, pair.primary_url, pair.standby_url, service
            )
        finally:
            launcher.stop_all()


def _until(what: str, check: Callable[[], Any], seconds: float = CATCH_UP_S) -> Any:
    """Poll ``check`` (real replication, a real process) until it answers truthy."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {seconds} s (last: {value!r})")
        time.sleep(0.1)


def _get(service: RunningService, path: str, token: str | None = None, **params: Any) -> dict:
    answer = requests.get(
        service.url(path), params=params, headers=auth(token) if token else {}, timeout=TIMEOUT
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def _new_case(service: RunningService, token: str) -> str:
    body = case_body(seq=int(time.monotonic_ns() % 900_000) + 1)
    answer = post_case(service, token, body)
    assert answer.status_code == 201, answer.text
    return body["case_no"]


def _moment(text_value: str) -> datetime:
    return datetime.fromisoformat(text_value)


@pytest.mark.postgres
def test_reads_come_off_the_standby_say_how_old_and_catch_up(replicated: Replicated) -> None:
    service = replicated.service
    clerk = token_for(service)
    display = token_for(service, "demo-display", window_code=None)
    lead = token_for(service, "demo-lead", window_code=None)
    period = {"from": "2026-11-28", "to": "2026-11-28"}
    fresh = _until(
        "the standby's board is fresh",
        lambda: (b := _get(service, "/board", display)).get("behind_seconds") is None and b,
    )
    assert abs(_moment(fresh["as_of"]) - TEST_NOW) < timedelta(minutes=5)
    received = _get(service, "/workload", lead, **period)["total"]["received"]

    replicated.on_standby("SELECT pg_wal_replay_pause()")
    try:
        paused_at = _moment(_get(service, "/board", display)["as_of"])
        case_no = _new_case(service, clerk)
        # The standby has not replayed the write: the board and the figures lack it and
        # say, once past the limit (1 s here), how far behind they are.
        board = _until(
            "the paused standby says it is behind",
            lambda: (b := _get(service, "/board", display)).get("behind_seconds") and b,
        )
        assert board["behind_seconds"] >= 1
        assert _moment(board["as_of"]) <= paused_at + timedelta(seconds=1.5)
        assert case_no not in {row["case_no"] for row in board["items"]}
        figures = _get(service, "/workload", lead, **period)
        assert figures["total"]["received"] == received
        assert figures["behind_seconds"] >= 1
        # The applicant asking at once is answered from the primary, as of now.
        progress = _get(service, f"/progress/{case_no}", code="482913")
        assert progress["status"] == "accepted"
        assert "behind_seconds" not in progress or progress["behind_seconds"] is None
        assert _moment(progress["as_of"]) > _moment(board["as_of"])
    finally:
        replicated.on_standby("SELECT pg_wal_replay_resume()")

    board = _until(
        "the board catches up",
        lambda: (
            (b := _get(service, "/board", display))
            and case_no in {r["case_no"] for r in b["items"]}
            and b.get("behind_seconds") is None  # within the limit again (1 s here)
            and b
        ),
    )
    assert _moment(board["as_of"]) > paused_at
    figures = _until(
        "the figures catch up",
        lambda: (
            (f := _get(service, "/workload", lead, **period))["total"]["received"] == received + 1
            and f.get("behind_seconds") is None
            and f
        ),
    )
    assert _moment(figures["as_of"]) > paused_at
    progress = _get(service, f"/progress/{case_no}", code="482913")
    assert progress["case_no"] == case_no and progress["as_of"]


@pytest.mark.postgres
def test_change_feed_from_the_standby_is_gap_free(replicated: Replicated) -> None:
    service = replicated.service
    clerk = token_for(service)
    start = _get(service, "/changes", clerk, after=0, limit=500)
    cursor = start["next"]
    while start["items"]:
        start = _get(service, "/changes", clerk, after=cursor, limit=500)
        cursor = start["next"]
    written: list[str] = []
    lock = threading.Lock()

    def writer() -> None:
        for _ in range(10):
            case_no = _new_case(service, clerk)
            with lock:
                written.append(case_no)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(written) == 40
    # Nobody reads the feed on the primary: the service's placer gives the places.
    engine = create_engine(replicated.primary_url)
    try:
        with engine.connect() as conn:
            unplaced = "SELECT count(*) FROM case_events WHERE pos IS NULL"
            _until("placed", lambda: conn.execute(text(unplaced)).scalar() == 0 or None)
            conn.rollback()
    finally:
        engine.dispose()

    seen: list[str] = []
    places: list[int] = []

    def page() -> bool:
        nonlocal cursor
        answer = _get(service, "/changes", clerk, after=cursor, limit=7)
        assert answer["next"] >= cursor
        assert answer["as_of"]  # read off the standby: it says how fresh (数据截至)
        cursor = answer["next"]
        for case in answer["items"]:
            seen.append(case["case_no"])
        places.append(cursor)
        return set(written) <= set(seen)

    _until("every case through the standby's feed", page)
    assert sorted(seen) == sorted(set(seen)), "a case twice"
    assert set(seen) == set(written)
    assert places == sorted(places)


@pytest.mark.postgres
def test_standby_stopped_reads_go_to_the_primary(replicated: Replicated) -> None:
    service = replicated.service
    display = token_for(service, "demo-display", window_code=None)
    clerk = token_for(service)
    replicated.standby.halt()
    try:
        case_no = _new_case(service, clerk)
        board = _get(service, "/board", display)
        assert case_no in {row["case_no"] for row in board["items"]}
        assert board.get("behind_seconds") is None
        changes = _get(service, "/changes", clerk, after=0, limit=1)
        assert changes["items"]
        assert "read replica left aside, reading the primary" in service.log()
    finally:
        replicated.standby.resume()
    # Set aside for a few seconds (read_replica.RETRY_AFTER_S), then read again.
    _until(
        "the standby is read again",
        lambda: _get(service, "/board", display) and "read replica answers again" in service.log(),
    )


def test_sqlite_refuses_a_read_replica(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CLERK_DATABASE_URL": f"sqlite:///{tmp_path / 'records.db'}",
        "CLERK_READ_DATABASE_URL": "postgresql+psycopg://reader@127.0.0.1:5/records",
        "PYTHONPATH": str(REPO_ROOT),
    }
    env.pop("CLERK_RECORDS_CONFIG", None)
    result = subprocess.run(
        [sys.executable, "-m", "records_service", "serve", "--port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "CLERK_READ_DATABASE_URL" in result.stderr + result.stdout
    assert "SQLite has none" in result.stderr + result.stdout
