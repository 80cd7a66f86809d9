"""Cases, events and the audit trail partitioned by month on PostgreSQL (issue 20).

A case (its first event, its audit record) of a month with no partition yet is stored in
the DEFAULT partitions through the real ``POST /cases``, and ``clerk-records maintain``
moves it into a partition of its own month; the values that must stay unique across months
(case id, case number, forwarded case, event id, feed position) still refuse a duplicate;
the migration converts existing rows. On SQLite ``maintain`` has nothing to do.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from records_service import audit
from records_service.db import Database
from records_service.demo import load_demo
from records_service.migrate import upgrade
from tests.helpers.service import REPO_ROOT, run_cli
from tests.helpers.service_api import (
    TIMEOUT,
    auth,
    case_body,
    post_case,
    token_for,
)

BEIJING = timezone(timedelta(hours=8))
#: A month no partition is made for (the migration makes last month to three ahead, and
#: the months that hold rows).
FAR = datetime(2024, 2, 10, 10, 0, tzinfo=BEIJING)


@pytest.fixture
def engine_of() -> Iterator[Any]:
    engines: list[Engine] = []

    def make(url: str) -> Engine:
        engine = create_engine(url)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.dispose()


def _partitions(conn: Connection, table: str, where: str, **params: Any) -> set[str]:
    rows = conn.execute(text(f"SELECT tableoid::regclass::text FROM {table} WHERE {where}"), params)
    return set(rows.scalars())


def _chain_ok(engine: Engine) -> bool:
    with Session(engine) as session:
        report = audit.verify(audit.iter_records(session))
    assert report.problems == []
    return report.checked > 0


def test_maintain_on_sqlite_says_there_is_nothing_to_do(records_template_db, tmp_path) -> None:
    path = tmp_path / "records.db"
    path.write_bytes(records_template_db(None).read_bytes())
    out = run_cli(["maintain"], f"sqlite:///{path}")
    assert out.strip() == (
        "nothing to do: the tables are partitioned on PostgreSQL only (this is SQLite)"
    )


@pytest.mark.postgres
def test_a_case_of_a_month_without_a_partition_lands_in_default_and_maintain_moves_it(
    service_factory,
    engine_of,
) -> None:
    service = service_factory(backend="postgres", clock=FAR)
    token = token_for(service)
    body = case_body()
    day = FAR.date().isoformat()
    body["case_no"] = body["case_no"].replace("20261128", FAR.strftime("%Y%m%d"))
    body["received_at"] = body["first_event"]["at"] = FAR.isoformat()
    body["due_date"] = (FAR.date() + timedelta(days=10)).isoformat()
    created = post_case(service, token, body)
    assert created.status_code == 201, created.text
    engine = engine_of(service.database_url)
    with engine.connect() as conn:
        assert _partitions(conn, "cases", "id = :id", id=body["id"]) == {"cases_default"}
        assert _partitions(conn, "case_events", "case_id = :id", id=body["id"]) == {
            "case_events_default"
        }
        assert _partitions(conn, "audit_records", "target = :no", no=body["case_no"]) == {
            "audit_records_default"
        }
    lead = token_for(service, "demo-lead", window_code=None)

    def workload() -> dict[str, Any]:
        answer = requests.get(
            service.url("/workload"),
            params={"from": day, "to": day},
            headers=auth(lead),
            timeout=TIMEOUT,
        )
        assert answer.status_code == 200, answer.text
        return {row["group"]: row for row in answer.json()["items"]}

    before = workload()
    assert before["W01"]["received"] == 1

    out = run_cli(["maintain"], service.database_url)
    assert "cases: created partition cases_y2024m02" in out
    assert "cases: moved 1 row out of the default partition into their months" in out
    assert "case_events: created partition case_events_y2024m02" in out
    assert "audit_records: created partition audit_records_y2024m02" in out
    with engine.connect() as conn:
        assert _partitions(conn, "cases", "id = :id", id=body["id"]) == {"cases_y2024m02"}
        assert _partitions(conn, "case_events", "case_id = :id", id=body["id"]) == {
            "case_events_y2024m02"
        }
        assert _partitions(conn, "audit_records", "target = :no", no=body["case_no"]) == {
            "audit_records_y2024m02"
        }
        for table in ("cases", "case_events", "audit_records"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}_default")).scalar() == 0

    # The service goes on with the moved case: an event, the figures, the chain.
    event = {"id": str(uuid.uuid4()), "type": "start", "at": FAR.isoformat(), "note": ""}
    started = requests.post(
        service.url(f"/cases/{body['case_no']}/events"),
        json=event,
        headers=auth(token) | {"Idempotency-Key": event["id"]},
        timeout=TIMEOUT,
    )
    assert started.status_code == 201, started.text
    assert started.json()["case"]["status"] == "in_progress"
    assert workload()["W01"]["received"] == 1
    with engine.connect() as conn:
        assert _partitions(conn, "case_events", "id = :id", id=event["id"]) == {
            "case_events_y2024m02"
        }
    assert _chain_ok(engine)
    again = run_cli(["maintain"], service.database_url)
    assert again.strip() == (
        "nothing to do: every partition is there and no row waits in a default"
    )


def _copy_row(conn: Connection, table: str, where: str, **changes: Any) -> None:
    """Insert a copy of the row of ``table`` matching ``where`` with ``changes``."""
    columns = list(
        conn.execute(
            text(
                "SELECT column_name FROM information_schema.columns WHERE table_name = :t "
                "ORDER BY ordinal_position"
            ),
            {"t": table},
        ).scalars()
    )
    picks = ", ".join(f":{c}" if c in changes else c for c in columns)
    conn.execute(
        text(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {picks} FROM {table} "
            f"WHERE {where} LIMIT 1"
        ),
        changes,
    )


def _refused(engine: Engine, table: str, where: str, **changes: Any) -> str:
    with pytest.raises(IntegrityError) as refused, engine.begin() as conn:
        _copy_row(conn, table, where, **changes)
    return str(refused.value.orig)


@pytest.mark.postgres
def test_what_is_unique_stays_unique_across_months(
    service_factory,
    engine_of,
) -> None:
    service = service_factory(backend="postgres")
    token = token_for(service)
    body = case_body()
    assert post_case(service, token, body).status_code == 201
    # The same case number again, by another id and key: the route answers 409 as before.
    again = dict(body, id=str(uuid.uuid4()))
    again["first_event"] = dict(body["first_event"], id=str(uuid.uuid4()))
    assert post_case(service, token, again).status_code == 409
    engine = engine_of(service.database_url)
    other_month = FAR.isoformat()  # another partition (the default) than the case's
    this = f"id = '{body['id']}'"
    fresh = {"id": str(uuid.uuid4()), "case_no": f"HS-W01-20240210-{uuid.uuid4().hex[:6]}"}
    assert "uq_case_keys_case_no" in _refused(
        engine, "cases", this, id=fresh["id"], received_at=other_month
    )
    assert "pk_case_keys" in _refused(
        engine, "cases", this, case_no=fresh["case_no"], received_at=other_month
    )
    with engine.begin() as conn:
        _copy_row(conn, "cases", this, **fresh, received_at=other_month, forwarded_from=body["id"])
    assert "uq_case_keys_forwarded_from" in _refused(
        engine,
        "cases",
        this,
        id=str(uuid.uuid4()),
        case_no=f"HS-W01-20240210-{uuid.uuid4().hex[:6]}",
        forwarded_from=body["id"],
    )
    first = f"id = '{body['first_event']['id']}'"
    assert "uq_case_event_keys_id" in _refused(
        engine, "case_events", first, seq=10**8, recorded_at=other_month
    )
    with engine.begin() as conn:
        pos = conn.execute(text("SELECT max(pos) FROM case_events WHERE pos IS NOT NULL")).scalar()
    if pos is not None:  # a placed position, given once
        assert "uq_case_event_keys_pos" in _refused(
            engine,
            "case_events",
            first,
            seq=10**8 + 1,
            id=str(uuid.uuid4()),
            recorded_at=other_month,
            pos=pos,
        )
    # Every case row and event row has its key row, and nothing else does.
    with engine.connect() as conn:
        for table, keys, column in (
            ("cases", "case_keys", "id"),
            ("case_events", "case_event_keys", "seq"),
        ):
            missing = conn.execute(
                text(
                    f"SELECT count(*) FROM {table} t FULL JOIN {keys} k USING ({column}) "
                    f"WHERE t.{column} IS NULL OR k.{column} IS NULL"
                )
            ).scalar()
            assert missing == 0, table


@pytest.mark.postgres
def test_the_migration_converts_existing_rows(postgres_database, engine_of) -> None:
    upgrade(postgres_database, "0022")  # the revision before the partitions
    database = Database(postgres_database)
    try:
        with database.write() as session:
            load_demo(session, None, history=True)
            center, prev = database.center_code, audit.GENESIS
            for seq, days in enumerate((40, 3, 0), start=1):  # this month and an earlier one
                # Chained at write time, as records were at 0022 (since 0025 the chain
                # comes after commit, with a column 0022 lacks).
                row = dict.fromkeys(audit.HASHED) | {"action": "test.before", "result": "ok"}
                row.update(at=datetime.now(UTC) - timedelta(days=days), center_code=center)
                digest = audit.chain_hash(prev, row)
                session.execute(
                    text(
                        "INSERT INTO audit_records (center_code, at, action, result, "
                        "prev_hash, hash, chain_seq) VALUES (:c, :at, :a, :r, :p, :h, :s)"
                    ),
                    {"c": center, "at": row["at"], "a": "test.before", "r": "ok", "p": prev}
                    | {"h": digest, "s": seq},
                )
                prev = digest
    finally:
        database.dispose()
    upgrade(postgres_database)  # the demo's rows are converted
    engine = engine_of(postgres_database)
    with engine.connect() as conn:
        kinds = dict(
            conn.execute(
                text(
                    "SELECT relname, relkind FROM pg_class "
                    "WHERE relname IN ('cases', 'case_events', 'audit_records')"
                )
            ).all()
        )
        assert kinds == {"cases": "p", "case_events": "p", "audit_records": "p"}
        counts = {
            table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("cases", "case_keys", "case_events", "case_event_keys")
        }
        assert counts["cases"] == counts["case_keys"] > 0
        assert counts["case_events"] == counts["case_event_keys"] > 0
        held = set(
            conn.execute(text("SELECT DISTINCT tableoid::regclass::text FROM cases")).scalars()
        )
        assert held and all(name.startswith("cases_y") for name in held)
    assert _chain_ok(engine)


def test_the_monthly_unit_runs_maintain_as_the_owner() -> None:
    deploy = REPO_ROOT / "records_service/deploy"
    unit = (deploy / "clerk-records-maintain.service").read_text(encoding="utf-8")
    assert "EnvironmentFile=/etc/clerk-records/owner.env" in unit
    assert "ExecStart=/opt/clerk-records/venv/bin/clerk-records maintain" in unit
    timer = (deploy / "clerk-records-maintain.timer").read_text(encoding="utf-8")
    assert "OnCalendar=*-*-01" in timer and "Persistent=true" in timer
