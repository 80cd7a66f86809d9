"""The change feed stays gap-free and in commit order without a lock that writers share
(issue 20, migration 0021: ``case_events.pos``, ``records_service.feed``).

- six writers through two service processes and two readers paging ``GET /changes`` at
  once, while another connection holds the old journal lock the whole time (a writer that
  still took it would wait for good): each reader sees every case's final state, nothing
  twice, nothing going backwards — SQLite and PostgreSQL;
- PostgreSQL: a writer held open in the middle of its transaction while later writers
  commit is not skipped: the feed waits for it, then gives its change before theirs.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.helpers.service import RunningService
from tests.helpers.service_api import (
    BACKENDS,
    TIMEOUT,
    auth,
    case_body,
    post_case,
    token_for,
)
from tests.helpers.service_pair import two_services

WRITERS = 6
CASES_PER_WRITER = 5
PAGE = 4
#: The advisory lock every event writer held until migration 0021 (``audit.journal_lock``,
#: removed with its last callers in issue 20).
OLD_JOURNAL_LOCK_KEY = 7_311_001


@dataclass
class Pair:
    first: RunningService
    second: RunningService
    database_url: str
    backend: str


@pytest.fixture(scope="module", params=BACKENDS)
def pair(request, tmp_path_factory, records_template_db) -> Iterator[Pair]:
    with two_services(request, tmp_path_factory, records_template_db, "feed") as (
        _folder,
        url,
        first,
        second,
    ):
        yield Pair(first, second, url, request.param)


def _start_event(service: RunningService, token: str, case_no: str) -> None:
    event = {"id": str(uuid.uuid4()), "type": "start", "at": "2026-11-28T10:00:00+08:00"}
    answer = requests.post(
        service.url(f"/cases/{case_no}/events"),
        json={**event, "note": ""},
        headers={**auth(token), "Idempotency-Key": event["id"]},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 201, answer.text


@dataclass
class Reader:
    """Pages ``GET /changes`` from a cursor, remembering (case number, events) seen."""

    service: RunningService
    token: str
    cursor: int
    seen: list[tuple[str, int]] = field(default_factory=list)

    def page(self, limit: int = PAGE) -> int:
        answer = requests.get(
            self.service.url("/changes"),
            params={"after": self.cursor, "limit": limit},
            headers=auth(self.token),
            timeout=TIMEOUT,
        )
        assert answer.status_code == 200, answer.text
        data = answer.json()
        self.seen += [(item["case_no"], len(item["events"])) for item in data["items"]]
        assert data["next"] >= self.cursor
        self.cursor = data["next"]
        return len(data["items"])

    def drain(self) -> None:
        while self.page(limit=500):
            pass


def _feed_end(service: RunningService, token: str) -> int:
    reader = Reader(service, token, 0)
    reader.drain()
    return reader.cursor


def test_many_writers_without_a_shared_lock_and_readers_see_each_change_once(pair) -> None:
    services = (pair.first, pair.second)
    tokens = [token_for(s) for s in services]
    start = _feed_end(pair.first, tokens[0])
    readers = [Reader(services[i], tokens[i], start) for i in range(2)]
    written: list[str] = []
    failures: list[str] = []
    # Whoever still took the journal lock would wait here until the end (then fail).
    holder = create_engine(pair.database_url)
    blocker = holder.connect()
    if pair.backend == "postgres":
        blocker.execute(text("SELECT pg_advisory_lock(:key)"), {"key": OLD_JOURNAL_LOCK_KEY})

    def writer(i: int) -> None:
        service, token = services[i % 2], tokens[i % 2]
        try:
            for _ in range(CASES_PER_WRITER):
                body = case_body()
                created = post_case(service, token, body)
                assert created.status_code == 201, created.text
                written.append(body["case_no"])
                _start_event(service, token, body["case_no"])
        except AssertionError as exc:  # reported by the main thread
            failures.append(str(exc))

    try:
        threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
        for thread in threads:
            thread.start()
        reads = 0
        while any(t.is_alive() for t in threads) and reads < 5_000:
            readers[reads % 2].page()
            reads += 1
        for thread in threads:
            thread.join(timeout=120)
    finally:
        blocker.close()
        holder.dispose()
    assert not failures, failures
    assert len(written) == WRITERS * CASES_PER_WRITER
    for reader in readers:
        reader.drain()
        assert len(reader.seen) == len(set(reader.seen)), "a change was delivered twice"
        last: dict[str, int] = {}
        for case_no, events in reader.seen:
            assert events > last.get(case_no, 0), f"{case_no} went backwards"
            last[case_no] = events
        # Every case's final state (accepted, then started: 2 events) reached the reader.
        assert {no: last.get(no) for no in written} == dict.fromkeys(written, 2)


@pytest.mark.postgres
def test_a_writer_held_open_is_waited_for_not_skipped(pair) -> None:
    if pair.backend != "postgres":
        pytest.skip("SQLite writers cannot overlap (BEGIN IMMEDIATE)")
    token = token_for(pair.first)
    held_case = case_body()
    assert post_case(pair.first, token, held_case).status_code == 201
    reader = Reader(pair.first, token, _feed_end(pair.first, token))
    engine = create_engine(pair.database_url)
    try:
        with engine.connect() as held:
            # A writer mid-transaction: its event is in, its commit is still to come.
            held.execute(
                text(
                    "INSERT INTO case_events (id, case_id, center_code, type, at, actor, "
                    "window_code, note, recorded_at) SELECT :id, id, center_code, 'note', "
                    ":at, 'demo-clerk', window_code, 'held open', :at FROM cases "
                    "WHERE case_no = :no"
                ),
                {"id": str(uuid.uuid4()), "at": datetime.now(UTC), "no": held_case["case_no"]},
            )
            later = [case_body() for _ in range(3)]
            for body in later:  # later writers commit meanwhile
                assert post_case(pair.first, token, body).status_code == 201
            reader.drain()
            assert reader.seen == [], "the feed moved past a writer still in flight"
            held.commit()
        reader.drain()
    finally:
        engine.dispose()
    order = [case_no for case_no, _ in reader.seen]
    assert order == [held_case["case_no"]] + [b["case_no"] for b in later]
    assert reader.seen[0] == (held_case["case_no"], 2)
