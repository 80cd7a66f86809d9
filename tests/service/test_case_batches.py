"""Group commit of POST /cases (records_service.write_batches, issue 20) over real HTTP on
both databases: creations that wait while the database is held are written as one batch
(SQLite: one transaction, a savepoint each); a refused creation in the middle of it rolls
back alone and gets its own answer, its neighbours are stored once, the audit chain stays
whole, and a client that went away mid-batch gets the stored answer when it retries."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import create_engine, text

from records_service import write_batches
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


def test_a_refused_creation_after_its_key_in_one_batch_gets_that_keys_answer(
    service_factory, backend
) -> None:
    """A creation refused by its checks whose key an earlier creation of its batch writes
    gets the answer of that key (here: another body, a mismatch), as when its checks saw
    the key in the batch's transaction; the first is stored once."""
    service = service_factory(backend=backend)
    token = token_for(service)
    first = case_body()
    refused = {**case_body(), "id": first["id"], "item_code": "NO-SUCH-ITEM"}
    blockers = [case_body(), case_body()]  # the write turns, held by the lock
    answers: dict[str, requests.Response] = {}

    def send(name: str, body: dict[str, Any]) -> None:
        answers[name] = post_case(service, token, body)

    threads = [
        threading.Thread(target=send, args=(f"blocker{i}", b)) for i, b in enumerate(blockers)
    ]
    threads += [
        threading.Thread(target=send, args=("first", first)),
        threading.Thread(target=send, args=("refused", refused)),
    ]
    with writes_held(service):
        for thread in threads[:2]:
            thread.start()
        time.sleep(HOLD_S / 2)  # both turns are taken: the next two wait as one batch
        threads[2].start()
        time.sleep(HOLD_S / 4)
        threads[3].start()
        time.sleep(HOLD_S / 4)
    for thread in threads:
        thread.join(60)

    assert answers["first"].status_code == 201, answers["first"].text
    assert_problem(answers["refused"], 422, "idempotency-mismatch")
    for i in range(2):
        assert answers[f"blocker{i}"].status_code == 201
    assert service.sql("SELECT count(*) FROM cases WHERE id = :id", id=first["id"]) == [(1,)]
    assert _chain_ok(service) >= 3


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


# -- the turns themselves (records_service.write_batches), without HTTP ---------------------


class _Db:
    """What ``write_batches`` needs of a Database: its engines (SQLite, in memory)."""

    def __init__(self) -> None:
        self.engine = create_engine("sqlite://")
        self.write_engine = self.engine


class _Writes:
    """A write function that notes each batch's jobs and holds the first until let go."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.first_started = threading.Event()
        self.let_go = threading.Event()
        self.lock = threading.Lock()

    def __call__(self, _db: Any, _turn: write_batches.Turn, jobs: Sequence[int]) -> list[int]:
        with self.lock:
            self.batches.append(list(jobs))
            first = len(self.batches) == 1
        if first:
            self.first_started.set()
            assert self.let_go.wait(10)
        return [job * 10 for job in jobs]


async def _until(condition: Callable[[], bool]) -> None:
    """Let the event loop and the write threads run until ``condition`` holds (5 s)."""
    for _ in range(5000):
        if condition():
            return
        await asyncio.sleep(0.001)
    raise AssertionError("never happened")


def _two_turns(monkeypatch: pytest.MonkeyPatch, more_after_s: float) -> None:
    monkeypatch.setitem(write_batches.WRITE_TURNS, "sqlite", 2)
    monkeypatch.setattr(write_batches, "MORE_TURNS_AFTER_S", more_after_s)


def test_creations_wait_for_a_quick_write_and_are_the_next_batch(monkeypatch) -> None:
    _two_turns(monkeypatch, 3600.0)  # the first write never counts as held up
    db, writes = _Db(), _Writes()

    async def run() -> list[int]:
        first = asyncio.ensure_future(write_batches.written(db, 1, writes))  # type: ignore[arg-type]
        await asyncio.to_thread(writes.first_started.wait, 10)
        rest = [asyncio.ensure_future(write_batches.written(db, j, writes)) for j in (2, 3, 4)]  # type: ignore[arg-type]
        await asyncio.sleep(0.01)
        assert writes.batches == [[1]]  # a second turn free, but not taken
        writes.let_go.set()
        return list(await asyncio.gather(first, *rest))

    assert asyncio.run(run()) == [10, 20, 30, 40]
    assert writes.batches == [[1], [2, 3, 4]]
    db.engine.dispose()


def test_a_held_up_write_lets_the_next_batch_start_beside_it(monkeypatch) -> None:
    _two_turns(monkeypatch, 0.0)  # at once: the first write counts as held up already
    db, writes = _Db(), _Writes()

    async def run() -> list[int]:
        first = asyncio.ensure_future(write_batches.written(db, 1, writes))  # type: ignore[arg-type]
        await asyncio.to_thread(writes.first_started.wait, 10)
        rest = [asyncio.ensure_future(write_batches.written(db, j, writes)) for j in (2, 3)]  # type: ignore[arg-type]
        answers = await asyncio.gather(*rest)  # written while the first still waits
        assert writes.batches == [[1], [2], [3]]  # two turns: 2 at once, 3 after it
        assert not first.done()
        writes.let_go.set()
        return [await first, *answers]

    assert asyncio.run(run()) == [10, 20, 30]
    db.engine.dispose()


def _kept_db(tmp_path: Any, name: str) -> _Db:
    db = _Db()
    db.engine = db.write_engine = create_engine(f"sqlite:///{tmp_path / name}")
    return db


def _using(used: list[Any]) -> write_batches.WriteBatch:
    def write(_db: Any, turn: write_batches.Turn, jobs: Sequence[Any]) -> list[Any]:
        used.append(turn.connection())
        return list(jobs)

    return write


def test_a_kept_connection_serves_the_next_batch(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(write_batches, "KEEP_IDLE_S", 3600.0)
    db, used = _kept_db(tmp_path, "kept.db"), []

    async def run() -> None:
        await write_batches.written(db, 1, _using(used))  # type: ignore[arg-type]
        assert db.engine.pool.checkedout() == 1  # type: ignore[attr-defined]
        await write_batches.written(db, 2, _using(used))  # type: ignore[arg-type]
        assert used[0] is used[1]  # no checkout for the second batch

    asyncio.run(run())
    db.engine.dispose()  # closes the kept connection
    assert used[0].closed


def test_a_kept_connection_goes_back_to_the_pool_when_no_batch_takes_it(
    monkeypatch, tmp_path
) -> None:
    monkeypatch.setattr(write_batches, "KEEP_IDLE_S", 0.0)
    db, used = _kept_db(tmp_path, "idle.db"), []

    async def run() -> None:
        await write_batches.written(db, 1, _using(used))  # type: ignore[arg-type]
        await _until(lambda: db.engine.pool.checkedout() == 0)  # type: ignore[attr-defined]

    asyncio.run(run())
    db.engine.dispose()
