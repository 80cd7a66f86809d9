"""The audit chain without a lock that writers take (issue 20, migration 0025:
``records_service.audit_chain``): PostgreSQL chains each center's records after commit.

- six writers through two service processes while another connection holds the old
  per-center audit lock the whole time (a writer that still took it would wait for good):
  every record is chained once, the center's positions run 1..N without a gap, the seals
  and checkpoints are right, ``GET /audit`` shows them chained — SQLite and PostgreSQL;
- PostgreSQL: a writer held open in the middle of its transaction while later writers
  commit is waited for, not skipped: the later records stay unchained (``GET /audit`` says
  so) until it commits, then it takes the position before theirs; a rolled-back record
  never appears;
- PostgreSQL: a row slipped into the table without the audit key is never chained (and
  ``verify`` names it); the append-only trigger lets nothing but the one chaining through;
- a record not chained yet in the DEFAULT partition is moved by ``maintain`` and chained;
  a database of migration 0024 with a sealed chain upgrades and goes on with that chain.
"""

from __future__ import annotations

import json
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from records_service import audit, audit_chain, partitions
from records_service.audit_seal import AuditSeal, database_label
from records_service.db import Database
from records_service.migrate import upgrade
from tests.helpers.service import TEST_NOW, RunningService
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
CASES_PER_WRITER = 4
EVERY = 5


@dataclass
class Pair:
    first: RunningService
    second: RunningService
    url: str
    backend: str
    folder: Path

    def seal(self) -> AuditSeal:
        return AuditSeal(
            self.folder / "audit.key",
            self.folder / "checkpoints.jsonl",
            EVERY,
            database_label(self.url),
        )


def _env(folder: Path) -> dict[str, str]:
    return {
        "CLERK_AUDIT_KEY_FILE": str(folder / "audit.key"),
        "CLERK_AUDIT_CHECKPOINT_FILE": str(folder / "checkpoints.jsonl"),
        "CLERK_AUDIT_CHECKPOINT_EVERY": str(EVERY),
    }


@pytest.fixture(scope="module", params=BACKENDS)
def pair(request, tmp_path_factory, records_template_db) -> Iterator[Pair]:
    with two_services(request, tmp_path_factory, records_template_db, "chain", env=_env) as (
        folder,
        url,
        first,
        second,
    ):
        yield Pair(first, second, url, request.param, folder)


def _chain(url: str, seal: AuditSeal) -> list[audit.AuditRecord]:
    """Chain what is pending (as a reader that needs the chain does); every record."""
    db = Database(url, "HS", seal=seal)
    try:
        audit_chain.chain_pending(db, wait=True)
        with db.read() as session:
            return list(audit.iter_records(session))
    finally:
        db.dispose()


def _audit_page(service: RunningService, token: str, action: str) -> list[dict]:
    answer = requests.get(
        service.url("/audit"),
        params={"action": action, "limit": 500},
        headers=auth(token),
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def test_concurrent_writers_of_two_processes_chain_every_record_once(pair) -> None:
    services = (pair.first, pair.second)
    tokens = [token_for(s) for s in services]
    written: list[str] = []
    failures: list[str] = []
    holder = create_engine(pair.url)
    blocker = holder.connect()
    if pair.backend == "postgres":  # whoever still took the center's lock would wait here
        blocker.execute(
            text("SELECT pg_advisory_lock(:a, :b)"),
            {"a": audit.AUDIT_LOCK_KEY, "b": zlib.crc32(b"HS") & 0x7FFFFFFF},
        )

    def writer(i: int) -> None:
        service, token = services[i % 2], tokens[i % 2]
        try:
            for _ in range(CASES_PER_WRITER):
                body = case_body()
                created = post_case(service, token, body)
                assert created.status_code == 201, created.text
                written.append(body["case_no"])
        except (AssertionError, requests.RequestException) as exc:  # reported below
            failures.append(str(exc))

    try:
        threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        blocker.close()
        holder.dispose()
    assert not failures, failures
    assert len(written) == WRITERS * CASES_PER_WRITER

    auditor = token_for(pair.first, "demo-auditor", window_code=None)
    shown = _audit_page(pair.second, auditor, "case.create")
    assert sorted(item["target"] for item in shown) == sorted(written)
    assert all(item["chained"] for item in shown)  # GET /audit chains first

    rows = _chain(pair.url, pair.seal())
    assert all(r.hash is not None for r in rows)
    positions = sorted(r.chain_seq for r in rows if r.center_code == "HS")
    assert positions == list(range(1, len(positions) + 1))  # each once, no gap
    report = audit.verify(rows, pair.seal())
    assert report.ok, report.problems
    assert (report.pending, report.sealed) == (0, len(rows))
    lines = [json.loads(x) for x in (pair.folder / "checkpoints.jsonl").read_text().splitlines()]
    by_seq = {r.chain_seq: r for r in rows if r.center_code == "HS"}
    assert [p["seq"] for p in lines] == list(range(EVERY, len(positions) + 1, EVERY))
    assert all(by_seq[p["seq"]].id == p["id"] and by_seq[p["seq"]].hash == p["hash"] for p in lines)


def _held_record(db: Database, action: str):
    """A session in the middle of a transaction that wrote one audit record (uncommitted)."""
    session = db.write_sessions()
    session.begin()
    audit.record(session, at=datetime.now(UTC), action=action, result="ok", target=action)
    return session


@pytest.mark.postgres
def test_a_writer_held_open_is_waited_for_not_skipped(pair) -> None:
    if pair.backend != "postgres":
        pytest.skip("SQLite chains at write time (its writers cannot overlap)")
    token = token_for(pair.first)
    auditor = token_for(pair.first, "demo-auditor", window_code=None)
    seal = pair.seal()
    _chain(pair.url, seal)
    db = Database(pair.url, "HS", seal=seal)
    try:
        held = _held_record(db, "held.open")
        rolled = _held_record(db, "rolled.back")
        later = [case_body() for _ in range(3)]
        for body in later:  # later writers commit meanwhile
            assert post_case(pair.first, token, body).status_code == 201
        rolled.rollback()
        rolled.close()
        audit_chain.chain_pending(db, wait=True)
        shown = {i["target"]: i for i in _audit_page(pair.first, auditor, "case.create")}
        assert [shown[b["case_no"]]["chained"] for b in later] == [False] * 3, "chained past it"
        held.commit()
        held.close()
    finally:
        db.dispose()
    rows = _chain(pair.url, seal)
    chain = sorted((r for r in rows if r.center_code == "HS"), key=lambda r: r.chain_seq)
    assert "rolled.back" not in [r.action for r in chain]
    writes = [r.target for r in chain if r.action in {"held.open", "case.create"}]
    at = writes.index("held.open")
    assert writes[at:] == ["held.open"] + [b["case_no"] for b in later]  # first, then theirs
    assert [r.chain_seq for r in chain] == list(range(1, len(chain) + 1))
    report = audit.verify(rows, seal)
    assert report.ok, report.problems


def _as_owner(url: str, statement: str, **params: object) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text(statement), params)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_an_unchained_record_in_the_default_partition_is_moved_then_chained(pair) -> None:
    if pair.backend != "postgres":
        pytest.skip("partitions are PostgreSQL's")
    seal = pair.seal()
    _chain(pair.url, seal)
    far = datetime(2031, 5, 6, 7, 8, tzinfo=UTC)  # no partition for that month yet
    db = Database(pair.url, "HS", seal=seal)
    engine = create_engine(pair.url)
    keeper = engine.connect()  # the services' chainers kept out until it has been moved
    try:
        keeper.execute(
            text("SELECT pg_advisory_lock(:a, :b)"),
            {"a": audit_chain.CHAIN_LOCK_KEY, "b": zlib.crc32(b"HS") & 0x7FFFFFFF},
        )
        keeper.commit()
        with db.write() as session:
            audit.record(session, at=far, action="far.ahead", result="ok")
        where = "FROM audit_records WHERE action = 'far.ahead'"
        with engine.begin() as conn:
            place = conn.execute(text(f"SELECT tableoid::regclass::text {where}")).scalar_one()
            assert place == "audit_records_default"
            done = partitions.maintain(conn, date(2026, 12, 6))
        assert any("audit_records" in line for line in done), done
        with engine.begin() as conn:
            found = conn.execute(
                text(f"SELECT tableoid::regclass::text, xid IS NOT NULL, hash {where}")
            ).one()
        assert tuple(found) == ("audit_records_y2031m05", True, None)  # moved, still pending
    finally:
        keeper.close()  # its lock ends with its session
        engine.dispose()
        db.dispose()
    rows = _chain(pair.url, seal)
    moved = next(r for r in rows if r.action == "far.ahead")
    assert moved.hash is not None
    report = audit.verify(rows, seal)
    assert report.ok, report.problems


@pytest.mark.postgres
def test_a_row_without_the_key_is_never_chained_and_the_trigger_allows_one_chaining(
    pair,
) -> None:
    if pair.backend != "postgres":
        pytest.skip("PostgreSQL chains after commit")
    seal = pair.seal()
    db = Database(pair.url, "HS", seal=seal)
    try:
        with db.write() as session:
            audit.record(session, at=datetime.now(UTC), action="genuine", result="ok")
    finally:
        db.dispose()
    chained = next(r for r in _chain(pair.url, seal) if r.action == "genuine")
    # Someone with the database but not the key: a record that would be sealed by the
    # chainer if it chained whatever it finds.
    _as_owner(
        pair.url,
        "INSERT INTO audit_records (center_code, at, action, result) "
        "VALUES ('HS', :at, 'forged', 'ok')",
        at=datetime.now(UTC),
    )
    rows = _chain(pair.url, seal)
    forged = next(r for r in rows if r.action == "forged")
    assert (forged.hash, forged.chain_seq) == (None, None)
    report = audit.verify(rows, seal)
    assert report.problems == [
        f"record {forged.id}: not chained yet, and its seal does not match (not written by "
        "the service)"
    ]
    links = "prev_hash = :h, hash = :h, chain_seq = 999"
    for statement in (
        f"UPDATE audit_records SET {links} WHERE id = {chained.id}",  # chained twice
        f"UPDATE audit_records SET {links}, actor = 'x' WHERE id = {forged.id}",  # edited
        f"UPDATE audit_records SET {links}, xid = NULL WHERE id = {forged.id}",
        f"DELETE FROM audit_records WHERE id = {forged.id}",
    ):
        with pytest.raises(Exception, match="append-only"):
            _as_owner(pair.url, statement, h="0" * 64)


@pytest.mark.postgres
def test_a_chainer_without_the_key_chains_nothing_and_makes_no_key(pair, tmp_path) -> None:
    if pair.backend != "postgres":
        pytest.skip("PostgreSQL chains after commit")
    seal = pair.seal()
    _chain(pair.url, seal)
    keyless = AuditSeal(tmp_path / "nowhere.key", tmp_path / "cp.jsonl", EVERY, seal.database)
    db = Database(pair.url, "HS", seal=seal)
    engine = create_engine(pair.url)
    try:
        with engine.connect() as keeper:  # the services' chainers kept out meanwhile
            keeper.execute(
                text("SELECT pg_advisory_lock(:a, :b)"),
                {"a": audit_chain.CHAIN_LOCK_KEY, "b": zlib.crc32(b"HS") & 0x7FFFFFFF},
            )
            keeper.commit()
            with db.write() as session:
                audit.record(session, at=datetime.now(UTC), action="keyless.test", result="ok")
            with Session(bind=keeper) as session:  # its lock is this connection's own
                assert audit_chain.chain_center(session, "HS", keyless) is None
                assert not (tmp_path / "nowhere.key").exists()  # never a second key
                left = "SELECT hash FROM audit_records WHERE action = 'keyless.test'"
                assert session.execute(text(left)).scalar_one() is None
                assert audit_chain.chain_center(session, "HS", seal) == 1  # the lock was free
                session.commit()
    finally:
        engine.dispose()
        db.dispose()
    record = next(r for r in _chain(pair.url, seal) if r.action == "keyless.test")
    assert record.hash is not None and seal.mac_ok(record.hash, record.mac or "")


def test_a_sealed_chain_of_migration_0024_goes_on_after_the_upgrade(
    demo_databases, tmp_path
) -> None:
    url = demo_databases.empty()
    upgrade(url, "0024")
    seal = AuditSeal(tmp_path / "audit.key", tmp_path / "cp.jsonl", 1000, database_label(url))
    prev = audit.GENESIS
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for n in range(2):  # what record() wrote before: chained and sealed at once
                row = {"at": TEST_NOW + timedelta(minutes=n), "action": "old", "result": "ok"}
                row.update(actor="old-clerk", center_code="HS")
                row.update(device_id=None, target=None, client_ip=None, detail=None)
                digest = audit.chain_hash(prev, row)
                stored = row["at"].astimezone(UTC)
                conn.execute(
                    text(
                        "INSERT INTO audit_records (center_code, at, actor, action, result, "
                        "prev_hash, hash, chain_seq, mac) VALUES ('HS', :at, 'old-clerk', "
                        "'old', 'ok', :p, :h, :s, :m)"
                    ),
                    {
                        "at": stored.replace(tzinfo=None) if url.startswith("sqlite") else stored,
                        "p": prev,
                        "h": digest,
                        "s": n + 1,
                        "m": seal.mac(digest),
                    },
                )
                prev = digest
    finally:
        engine.dispose()
    upgrade(url)
    db = Database(url, "HS", seal=seal)
    try:
        with db.read() as session:
            xids = session.execute(text("SELECT xid FROM audit_records ORDER BY id")).scalars()
            assert list(xids) == [None, None]  # never taken for records waiting to be chained
        with db.write() as session:
            audit.record(session, at=TEST_NOW + timedelta(hours=1), action="new", result="ok")
    finally:
        db.dispose()
    rows = _chain(url, seal)
    assert [(r.action, r.chain_seq) for r in rows] == [("old", 1), ("old", 2), ("new", 3)]
    assert rows[2].prev_hash == rows[1].hash
    report = audit.verify(rows, seal)
    assert report.ok, report.problems
    assert report.sealed == 3
