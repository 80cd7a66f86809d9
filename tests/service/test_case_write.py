"""The write path of POST /cases (records_service.case_write, issue 20) over real HTTP on
both databases: what the one-statement write must keep — a refused write leaves nothing,
not even its key; a replay answers what was stored, whatever the checks say now; the token
check's own connection survives the database dropping it, and so do the connections write
turns keep; every SQLite writer takes its turn on the processes' file lock."""

from __future__ import annotations

import fcntl
import threading
import uuid
from typing import Any

import pytest
import requests

from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    error_fields,
    post_case,
    token_for,
)


def test_a_taken_case_number_writes_nothing_so_the_corrected_retry_is_applied(
    service_factory, backend
) -> None:
    service = service_factory(backend=backend)
    token = token_for(service)
    first = case_body()
    assert post_case(service, token, first).status_code == 201
    clash = {**case_body(), "case_no": first["case_no"]}

    assert_problem(post_case(service, token, clash), 409, "conflict")

    assert service.sql("SELECT count(*) FROM cases WHERE id = :id", id=clash["id"]) == [(0,)]
    events = "SELECT count(*) FROM case_events WHERE id = :id"
    assert service.sql(events, id=clash["first_event"]["id"]) == [(0,)]
    keys = "SELECT count(*) FROM idempotency_keys WHERE key = :key"
    assert service.sql(keys, key=clash["id"]) == [(0,)]
    audited = "SELECT result FROM audit_records WHERE action = 'case.create' AND target = :no"
    assert sorted(r for (r,) in service.sql(audited, no=first["case_no"])) == ["conflict", "ok"]
    # The same key with a corrected number is a first write, not a mismatch.
    corrected = {**clash, "case_no": case_body()["case_no"]}
    answer = post_case(service, token, corrected)
    assert answer.status_code == 201, answer.text
    assert "Idempotency-Replayed" not in answer.headers
    assert answer.json()["case"]["case_no"] == corrected["case_no"]


def test_a_replay_gets_the_stored_answer_even_where_the_checks_now_refuse(
    service_factory, backend
) -> None:
    service = service_factory(backend=backend)
    token = token_for(service)
    body = case_body()
    first = post_case(service, token, body)
    assert first.status_code == 201, first.text
    # The clerk moves to another center: a new case of W01's numbers is now refused ...
    service.sql(
        "INSERT INTO centers (code, name, level, parent_code) "
        "VALUES ('QX', 'test county', 'county', 'HS')"
    )
    service.sql("UPDATE users SET center_code = 'QX' WHERE username = 'demo-clerk'")
    refused = post_case(service, token, case_body())
    assert "case_no" in error_fields(assert_problem(refused, 422, "validation"))

    # ... but the retry of the write applied before answers what it answered then.
    replay = post_case(service, token, body)

    assert replay.status_code == 201, replay.text
    assert replay.headers["Idempotency-Replayed"] == "true"
    assert replay.content == first.content
    assert service.sql("SELECT count(*) FROM cases WHERE id = :id", id=body["id"]) == [(1,)]


def test_the_answer_is_the_case_as_read_back(service_factory, backend) -> None:
    """The answer is built from the body, not read back: it must say what a read says."""
    service = service_factory(backend=backend)
    token = token_for(service)
    body = case_body()
    body["first_event"]["note"] = '取件人：张三 \u2028 \\ "quoted"'
    body["first_event"]["data"] = {"ratio": 0.1, "big": 1e16, "nested": [1, None, True]}
    body["applicant"]["address"] = "衡水市桃城区"
    body["received_at"] = "2026-11-28T01:30:00.123456Z"  # UTC in, +08:00 out

    created = post_case(service, token, body)

    assert created.status_code == 201, created.text
    read = requests.get(
        service.url(f"/cases/{body['case_no']}"), headers=auth(token), timeout=TIMEOUT
    )
    assert read.status_code == 200
    assert created.json() == read.json()
    assert created.json()["case"]["received_at"] == "2026-11-28T09:30:00.123456+08:00"


def test_the_token_check_reconnects_after_the_database_dropped_it(service_factory, backend) -> None:
    service = service_factory(backend=backend)
    token = token_for(service)
    assert requests.get(service.url("/catalog"), headers=auth(token), timeout=TIMEOUT).ok
    if service.backend == "postgresql":  # every connection of the service is cut
        service.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    again = requests.get(service.url("/catalog"), headers=auth(token), timeout=TIMEOUT)
    assert again.status_code == 200, again.text
    assert post_case(service, token, case_body()).status_code == 201
    bad = requests.get(service.url("/catalog"), headers=auth("not-a-token"), timeout=TIMEOUT)
    assert_problem(bad, 401)


def test_creations_survive_the_database_dropping_their_kept_connections(
    service_factory, backend
) -> None:
    """A write turn keeps its connection for the next creation while creations wait (no
    pool checkout, so no pre-ping): a connection the database dropped meanwhile must not
    fail a creation — it is tried once more on a new one."""
    service = service_factory(backend=backend)
    token = token_for(service)
    bodies = [case_body() for _ in range(48)]
    answers: dict[str, int] = {}
    done = threading.Event()

    def client(chunk: list[dict[str, Any]]) -> None:
        with requests.Session() as http:
            for body in chunk:
                answer = http.post(
                    service.url("/cases"),
                    json=body,
                    headers={**auth(token), "Idempotency-Key": body["id"]},
                    timeout=TIMEOUT,
                )
                answers[body["id"]] = answer.status_code
                if len(answers) >= 12:
                    done.set()

    threads = [threading.Thread(target=client, args=(bodies[i::8],)) for i in range(8)]
    for thread in threads:
        thread.start()
    assert done.wait(60)
    if service.backend == "postgresql":  # cut every connection of the service, mid-burst
        service.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    for thread in threads:
        thread.join(60)

    assert sorted(set(answers.values())) == [201]
    assert len(answers) == len(bodies)
    found = {i for (i,) in service.sql("SELECT id FROM cases")}
    assert {b["id"] for b in bodies} <= found


def test_every_sqlite_writer_waits_for_the_processes_file_lock(service_factory, backend) -> None:
    """On SQLite the writers of every service process take turns on a file lock beside
    the database before their ``BEGIN IMMEDIATE`` — not only creations: an event's write
    too. While another process holds it, the write waits, and goes through once it is
    given back."""
    if backend != "sqlite":
        pytest.skip("the file lock is SQLite's")
    service = service_factory(backend=backend)
    token = token_for(service)
    body = case_body()
    assert post_case(service, token, body).status_code == 201
    event_id = str(uuid.uuid4())
    answers: list[requests.Response] = []

    def write_event() -> None:
        answers.append(
            requests.post(
                service.url(f"/cases/{body['case_no']}/events"),
                json={"id": event_id, "type": "start", "at": "2026-11-28T10:00:00+08:00"},
                headers={**auth(token), "Idempotency-Key": event_id},
                timeout=TIMEOUT,
            )
        )

    with open(f"{service.database_path}-writers.lock", "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        writer = threading.Thread(target=write_event)
        writer.start()
        writer.join(0.8)
        assert writer.is_alive() and not answers, "the write did not wait for the file lock"
        fcntl.flock(held, fcntl.LOCK_UN)
    writer.join(60)

    assert answers and answers[0].status_code == 201, answers[0].text if answers else None
    stored = "SELECT count(*) FROM case_events WHERE id = :id"
    assert service.sql(stored, id=event_id) == [(1,)]


def test_the_postgresql_statement_stays_within_what_psycopg_caches() -> None:
    """psycopg parses a statement's text again at every execution when it has more than 50
    parameters or 4096 bytes (``psycopg._queries``: MAX_CACHED_STATEMENT_PARAMS, _LENGTH):
    ~80 us a creation. The one statement of a creation stays under both."""
    from sqlalchemy.dialects.postgresql import psycopg as pg_dialect

    from records_service import case_write

    compiled = case_write._INSERT_ALL.statement.compile(dialect=pg_dialect.dialect())
    assert len(compiled.bind_names) <= 50
    assert len(compiled.string.encode()) <= 4096


def test_statements_together_are_committed_all_or_none(postgres_database: str) -> None:
    """``prepared.execute_together`` (a PostgreSQL batch of creations): one implicit
    transaction; a failure anywhere stores none of them, raises SQLAlchemy's wrapper and
    drops the connection. psycopg 3.3 may count as prepared a statement the server skipped
    after the error (its 5th execution, prepared then, in a failed pipeline): reused, the
    connection would answer "prepared statement ... does not exist" ever after."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import IntegrityError

    from records_service.prepared import Prepared, execute_together

    engine = create_engine(postgres_database, isolation_level="AUTOCOMMIT")
    one = Prepared(text("INSERT INTO together VALUES (:id)"), ("id",))
    try:
        with engine.connect() as conn:
            conn.execute(text("CREATE TABLE together (id int PRIMARY KEY)"))
            execute_together(conn, one, [{"id": 0}, {"id": 1}])
        ids = iter(range(100, 100_000))
        for fail_at in range(12):  # a failure in each place of the first pipelines
            for size in (1, 2, 3, 4):
                engine.dispose()  # a new connection: psycopg has prepared nothing on it
                tried, stored = [], []
                for done in range(0, 7 * size, size):  # past psycopg's prepare threshold (5)
                    many = [{"id": next(ids)} for _ in range(size)]
                    tried += [m["id"] for m in many]
                    failing = done <= fail_at < done + size
                    if failing:
                        many[fail_at - done] = {"id": 0}  # taken
                    with engine.connect() as conn:
                        if not failing:
                            execute_together(conn, one, many)
                            stored += [m["id"] for m in many]
                            continue
                        with pytest.raises(IntegrityError):
                            execute_together(conn, one, many)
                        assert conn.invalidated
                with engine.connect() as conn:
                    one.execute(conn, {"id": next(ids)})  # on the connection used last
                    counted = text("SELECT count(*) FROM together WHERE id = ANY(:ids)")
                    assert conn.execute(counted, {"ids": tried}).scalar() == len(stored)
    finally:
        engine.dispose()
