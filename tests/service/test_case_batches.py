"""Group commit of POST /cases (records_service.write_batches, issue 20) over real HTTP on
both databases: creations that wait while the database is held are written as one batch
(SQLite: one transaction, a savepoint each); a refused creation in the middle of it rolls
back alone and gets its own answer, its neighbours are stored once, the audit chain stays
whole, and a client that went away mid-batch gets the stored answer when it retries."""

from __future__ import annotations

import contextlib
import fcntl
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import requests
from sqlalchemy import create_engine, text

from tests.helpers.service_api import (
    assert_problem,
    auth,
    case_body,
    chain_report,
    post_case,
    token_for,
)

#: How long a held database keeps the writes waiting (real time: the service's threads
#: wait on a real lock; the test never sleeps past it).
HOLD_S = 1.0


@contextlib.contextmanager
def writes_held(service: Any) -> Iterator[None]:
    """Hold the database's writers while the block runs: SQLite's writers' file lock, or
    on PostgreSQL a lock of the key table that every creation's INSERT waits for."""
    if service.backend == "sqlite":
        with open(f"{service.database_path}-writers.lock", "a+b") as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(held, fcntl.LOCK_UN)
        return
    engine = create_engine(service.database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("LOCK TABLE idempotency_keys IN SHARE MODE"))
            yield
    finally:
        engine.dispose()


def _chain_ok(service: Any) -> int:
    report = chain_report(service.database_url)
    assert report.ok, report.problems
    return report.checked


def test_a_refused_creation_in_a_batch_rolls_back_alone(service_factory, backend) -> None:
    service = service_factory(backend=backend)
    token = token_for(service)
    taken = case_body()
    assert post_case(service, token, taken).status_code == 201
    good = [case_body() for _ in range(6)]
    clash = {**case_body(), "case_no": taken["case_no"]}  # 409: the number is taken
    unknown = {**case_body(), "item_code": "NO-SUCH-ITEM"}  # 422: a business check
    again = dict(good[0])  # the same key and body: one is stored, both get its answer
    reused = {**case_body(), "id": good[1]["id"]}  # the same key, another body
    bodies = [good[0], good[1], good[2], clash, good[3], unknown, again, reused, *good[4:]]
    answers: dict[int, requests.Response] = {}

    def send(i: int) -> None:
        answers[i] = post_case(service, token, bodies[i])

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(bodies))]
    with writes_held(service):
        for thread in threads:
            thread.start()
        time.sleep(HOLD_S)  # every creation reaches the service and waits
        early = [a.status_code for a in answers.values()]
        assert 201 not in early, "a creation was answered while the database was held"
    for thread in threads:
        thread.join(60)

    assert len(answers) == len(bodies), {i: a.status_code for i, a in answers.items()}
    for i in (0, 2, 4, 6, 8, 9):
        assert answers[i].status_code == 201, answers[i].text
    assert_problem(answers[3], 409, "conflict")
    assert_problem(answers[5], 422, "validation")
    # Of one key's two bodies the first written is stored, the other is a mismatch.
    pair = sorted((answers[1], answers[7]), key=lambda a: a.status_code)
    assert pair[0].status_code == 201, pair[0].text
    assert_problem(pair[1], 422, "idempotency-mismatch")
    winner = bodies[1] if pair[0] is answers[1] else reused
    # One key, one body sent twice: both get the one stored answer, one as a replay.
    assert answers[6].content == answers[0].content
    replayed = sorted(str(answers[i].headers.get("Idempotency-Replayed")) for i in (0, 6))
    assert replayed == ["None", "true"]
    good[1] = winner

    stored = {i for (i,) in service.sql("SELECT id FROM cases")}
    assert {b["id"] for b in good} <= stored
    assert clash["id"] not in stored and unknown["id"] not in stored
    counted = "SELECT count(*) FROM cases WHERE case_no = :no"
    for body in [*good, taken]:
        assert service.sql(counted, no=body["case_no"]) == [(1,)]
    keys = "SELECT count(*) FROM idempotency_keys WHERE key = :key"
    assert service.sql(keys, key=clash["id"]) == [(0,)]
    assert service.sql(keys, key=unknown["id"]) == [(0,)]
    audited = "SELECT result FROM audit_records WHERE action = 'case.create' AND target = :no"
    assert sorted(r for (r,) in service.sql(audited, no=taken["case_no"])) == ["conflict", "ok"]
    for body in good:
        assert service.sql(audited, no=body["case_no"]) == [("ok",)]
    assert _chain_ok(service) >= len(good) + 2


def _send_and_go(service: Any, token: str, body: dict[str, Any]) -> None:
    """Send a creation and close the connection without reading the answer."""
    url = urlsplit(service.url("/cases"))
    raw = requests.Request(
        "POST",
        service.url("/cases"),
        json=body,
        headers={**auth(token), "Idempotency-Key": body["id"]},
    ).prepare()
    head = f"POST {url.path} HTTP/1.1\r\nHost: {url.netloc}\r\n"
    head += "".join(f"{k}: {v!s}\r\n" for k, v in raw.headers.items())
    assert isinstance(raw.body, bytes)
    with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
        sock.sendall(head.encode() + b"\r\n" + raw.body)


def test_clients_that_go_away_mid_batch_get_the_stored_answer_on_retry(
    service_factory, backend
) -> None:
    service = service_factory(backend=backend)
    token = token_for(service)
    gone = [case_body() for _ in range(5)]
    stay = [case_body() for _ in range(5)]
    refused = {**case_body(), "item_code": "NO-SUCH-ITEM"}  # 422 in the batch: no write
    answers: dict[str, requests.Response] = {}

    def send(body: dict[str, Any]) -> None:
        answers[body["id"]] = post_case(service, token, body)

    threads = [threading.Thread(target=send, args=(b,)) for b in [*stay, refused]]
    with writes_held(service):
        for thread in threads:
            thread.start()
        for body in gone:
            _send_and_go(service, token, body)
        time.sleep(HOLD_S)
    for thread in threads:
        thread.join(60)

    assert_problem(answers.pop(refused["id"]), 422, "validation")
    assert sorted(a.status_code for a in answers.values()) == [201] * len(stay)
    for body in gone:  # the retry with the same key
        retry = post_case(service, token, body)
        assert retry.status_code == 201, retry.text
        assert retry.json()["case"]["case_no"] == body["case_no"]
    counted = "SELECT count(*) FROM cases WHERE id = :id"
    for body in [*gone, *stay]:
        assert service.sql(counted, id=body["id"]) == [(1,)]
    assert service.sql(counted, id=refused["id"]) == [(0,)]
    assert _chain_ok(service) >= len(gone) + len(stay)
