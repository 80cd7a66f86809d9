"""Two service processes on one database, on SQLite and on PostgreSQL.

- 20 identical creations, 10 through each process, store exactly one case;
- two writers and a reader paging ``GET /changes`` at the same time: the reader sees every
  change exactly once (none skipped, none repeated).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.helpers.service import RunningService
from tests.helpers.service_api import (
    BACKENDS,
    TIMEOUT,
    auth,
    case_body,
    chain_report,
    post_case,
    token_for,
)
from tests.helpers.service_pair import two_services

WRITES_PER_WRITER = 12
PAGE = 5


@dataclass
class Pair:
    first: RunningService
    second: RunningService
    database_url: str

    def count(self, sql: str, **params: object) -> int:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as conn:
                return int(conn.execute(text(sql), params).scalar_one())
        finally:
            engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def pair(request, tmp_path_factory, records_template_db) -> Iterator[Pair]:
    with two_services(request, tmp_path_factory, records_template_db, "pair") as (
        _folder,
        url,
        first,
        second,
    ):
        yield Pair(first, second, url)


def test_twenty_identical_creations_through_two_processes_store_one_case(pair) -> None:
    tokens = [token_for(pair.first), token_for(pair.second)]
    body = case_body()
    barrier = threading.Barrier(20)
    answers: list[requests.Response] = []
    lock = threading.Lock()

    def send(i: int) -> None:
        service = (pair.first, pair.second)[i % 2]
        barrier.wait()
        response = post_case(service, tokens[i % 2], body)
        with lock:
            answers.append(response)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(answers) == 20
    statuses = [r.status_code for r in answers]
    assert set(statuses) <= {201, 409}, [r.text for r in answers if r.status_code not in (201, 409)]
    created = [r for r in answers if r.status_code == 201]
    assert created and len({r.content for r in created}) == 1
    for late in answers:
        if late.status_code == 409:
            assert late.json()["type"].endswith("/in-flight"), late.text
    assert pair.count("SELECT count(*) FROM cases WHERE id = :id", id=body["id"]) == 1
    assert pair.count("SELECT count(*) FROM idempotency_keys WHERE key = :k", k=body["id"]) == 1
    assert (
        pair.count(
            "SELECT count(*) FROM audit_records WHERE action = 'case.create' "
            "AND result = 'ok' AND target = :no",
            no=body["case_no"],
        )
        == 1
    )


def test_reader_paging_changes_during_two_writers_sees_each_change_once(pair) -> None:
    services = (pair.first, pair.second)
    tokens = [token_for(s) for s in services]
    start = requests.get(
        pair.first.url("/changes"),
        params={"after": 0, "limit": 1},
        headers=auth(tokens[0]),
        timeout=TIMEOUT,
    )
    assert start.status_code == 200
    # Skip everything already in the feed: begin at its current end.
    cursor = 0
    while True:
        page = requests.get(
            pair.first.url("/changes"),
            params={"after": cursor, "limit": 500},
            headers=auth(tokens[0]),
            timeout=TIMEOUT,
        ).json()
        if not page["items"]:
            break
        cursor = page["next"]
    written: list[str] = []
    done = threading.Event()
    failures: list[str] = []

    def writer(i: int) -> None:
        try:
            for _ in range(WRITES_PER_WRITER):
                body = case_body()
                created = post_case(services[i], tokens[i], body)
                assert created.status_code == 201, created.text
                written.append(body["case_no"])
                event = {
                    "id": str(uuid.uuid4()),
                    "type": "start",
                    "at": "2026-11-28T10:00:00+08:00",
                    "note": "",
                }
                started = requests.post(
                    services[i].url(f"/cases/{body['case_no']}/events"),
                    json=event,
                    headers={**auth(tokens[i]), "Idempotency-Key": event["id"]},
                    timeout=TIMEOUT,
                )
                assert started.status_code == 201, started.text
        except AssertionError as exc:  # reported by the main thread
            failures.append(str(exc))

    seen: list[tuple[str, int]] = []
    cursors = [cursor]

    def read_page(service: RunningService, token: str) -> int:
        page = requests.get(
            service.url("/changes"),
            params={"after": cursors[-1], "limit": PAGE},
            headers=auth(token),
            timeout=TIMEOUT,
        )
        assert page.status_code == 200, page.text
        data = page.json()
        for item in data["items"]:
            seen.append((item["case_no"], len(item["events"])))
        assert data["next"] >= cursors[-1]
        cursors.append(data["next"])
        return len(data["items"])

    writers = [threading.Thread(target=writer, args=(i,)) for i in range(2)]
    for thread in writers:
        thread.start()
    reads = 0
    while any(t.is_alive() for t in writers) and reads < 10_000:
        read_page(services[reads % 2], tokens[reads % 2])  # alternate processes too
        reads += 1
    for thread in writers:
        thread.join(timeout=120)
    done.set()
    while read_page(pair.first, tokens[0]):
        pass
    assert not failures, failures
    assert len(written) == 2 * WRITES_PER_WRITER
    assert len(seen) == len(set(seen)), "a change was delivered twice"
    last = {}
    for case_no, version in seen:
        assert version > last.get(case_no, 0), f"{case_no} went backwards"
        last[case_no] = version
    mine = {no: last.get(no) for no in written}
    # Every case's final state (created, then started: 2 events) reached the reader.
    assert mine == {no: 2 for no in written}
    # Concurrent writers through two processes still leave one unbroken audit chain.
    report = chain_report(pair.database_url)
    assert report.ok, report.problems
    assert report.checked > 4 * WRITES_PER_WRITER
