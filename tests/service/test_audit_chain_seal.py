"""The audit trail against someone who holds the database: one chain per center, each
record sealed with a key kept in a file apart from the database, checkpoints every N
records; and on PostgreSQL the service's own role, which can only INSERT and SELECT the
trail. Tried as that someone would: a rewrite with every hash recomputed, a cut tail, the
trigger dropped by the owner, UPDATE and DELETE as the service's role."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from records_service import audit, audit_chain
from records_service.audit_seal import AuditSeal, database_label
from records_service.db import Database
from records_service.migrate import upgrade
from tests.helpers.service import REPO_ROOT, TEST_NOW, _child_env
from tests.helpers.service_api import case_body, login, post_case

EVERY = 3


def seal_env(folder: Path) -> dict[str, str]:
    return {
        "CLERK_AUDIT_KEY_FILE": str(folder / "keys" / "audit.key"),
        "CLERK_AUDIT_CHECKPOINT_FILE": str(folder / "keys" / "checkpoints.jsonl"),
        "CLERK_AUDIT_CHECKPOINT_EVERY": str(EVERY),
    }


def seal_for(url: str, folder: Path) -> AuditSeal:
    env = seal_env(folder)
    return AuditSeal(
        Path(env["CLERK_AUDIT_KEY_FILE"]),
        Path(env["CLERK_AUDIT_CHECKPOINT_FILE"]),
        EVERY,
        database_label(url),
    )


def clerk_records(args: list[str], url: str, env: dict[str, str]) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "records_service", *args],
        cwd=REPO_ROOT,
        env=_child_env(url, env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


def as_owner(url: str, *statements: str, **params: object) -> None:
    """What the owner of the tables (the migration role) can do: drop the guard, edit."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("DROP TRIGGER audit_records_no_change ON audit_records"))
            else:
                conn.execute(text("DROP TRIGGER audit_records_no_update"))
                conn.execute(text("DROP TRIGGER audit_records_no_delete"))
            for statement in statements:
                conn.execute(text(statement), params)
    finally:
        engine.dispose()


@pytest.fixture
def trail(service_factory, demo_databases, backend, tmp_path) -> tuple[str, dict[str, str]]:
    """A database whose trail the service wrote (sign-ins, cases): its URL and the settings
    that name its key and checkpoint file. The service is stopped."""
    url = demo_databases.new()
    env = seal_env(tmp_path)
    service = service_factory(database_url=url, env=env)
    signed_in = login(service, device_id=f"desk-{uuid.uuid4().hex[:6]}").json()
    for _ in range(3):
        assert post_case(service, signed_in["access_token"], case_body()).status_code == 201
    for user in ("demo-lead", "demo-admin", "demo-auditor"):
        assert login(service, user, window_code=None).status_code == 200
    service.stop()
    return url, env


def stored(url: str, at: datetime) -> datetime:
    """``at`` as the service stores it (SQLite keeps no offset: UTC without one)."""
    return at.astimezone(UTC).replace(tzinfo=None) if url.startswith("sqlite") else at


def records(url: str, folder: Path) -> list:
    """Every audit record, chained first (PostgreSQL chains after commit, as a reader
    that needs the chain does: ``audit_chain.chain_pending``)."""
    db = Database(url, "HS", seal=seal_for(url, folder))
    try:
        audit_chain.chain_pending(db, wait=True)
        with db.read() as session:
            return list(audit.iter_records(session))
    finally:
        db.dispose()


def test_the_service_seals_every_record_and_checkpoints_every_n(trail, tmp_path) -> None:
    url, env = trail
    rows = records(url, tmp_path)
    assert len(rows) >= 7  # four sign-ins, three cases
    assert [r.chain_seq for r in rows] == list(range(1, len(rows) + 1))
    assert all(r.mac and len(r.mac) == 64 for r in rows)
    key = Path(env["CLERK_AUDIT_KEY_FILE"])
    assert key.stat().st_mode & 0o777 == 0o600  # made at the first record
    lines = [
        json.loads(x) for x in Path(env["CLERK_AUDIT_CHECKPOINT_FILE"]).read_text().splitlines()
    ]
    assert [(p["center"], p["seq"], p["id"]) for p in lines] == [
        ("HS", n, rows[n - 1].id) for n in range(EVERY, len(rows) + 1, EVERY)
    ]
    assert all(p["database"] == database_label(url) for p in lines)
    code, out = clerk_records(["audit", "verify"], url, env)
    assert code == 0, out
    assert f"intact: {len(rows)} records" in out
    assert f"{len(rows)} seals and {len(lines)} checkpoints checked" in out


def test_a_rewrite_with_every_hash_recomputed_is_found_by_the_seal(trail, tmp_path) -> None:
    """The owner drops the trigger, changes who wrote a record and recomputes the chain
    from there: the hashes agree again, the seals cannot."""
    url, env = trail
    rows = records(url, tmp_path)
    target = rows[1]  # who signed in, what was taken in: rewritten from here
    prev = target.prev_hash
    statements, params = [], {}
    for n, row in enumerate(r for r in rows if r.id >= target.id):
        if row.id == target.id:
            row.actor = "somebody-else"
        row.prev_hash = prev
        row.hash = audit.chain_hash(prev, row)
        prev = row.hash
        statements.append(
            f"UPDATE audit_records SET actor = :a{n}, prev_hash = :p{n}, hash = :h{n} "
            f"WHERE id = :i{n}"
        )
        params.update({f"a{n}": row.actor, f"p{n}": row.prev_hash, f"h{n}": row.hash})
        params[f"i{n}"] = row.id
    as_owner(url, *statements, **params)

    assert audit.verify(records(url, tmp_path)).ok  # the bare hash chain is fooled
    code, out = clerk_records(["audit", "verify"], url, env)
    assert code == 1
    assert f"record {target.id}: its seal does not match" in out
    assert "differs from checkpoint line" in out  # the rewrite reached checkpointed records


def test_a_cut_tail_is_found_by_the_checkpoints(trail, tmp_path) -> None:
    url, env = trail
    rows = records(url, tmp_path)
    as_owner(url, "DELETE FROM audit_records WHERE id >= :first", first=rows[4].id)
    left = records(url, tmp_path)
    assert len(left) == 4 and audit.verify(left).ok  # what is left chains up
    code, out = clerk_records(["audit", "verify"], url, env)
    assert code == 1
    assert f"record {rows[5].id} (HS #6) of checkpoint line 2 is missing" in out


def test_a_forged_checkpoint_line_is_reported(trail, tmp_path) -> None:
    url, env = trail
    checkpoints = Path(env["CLERK_AUDIT_CHECKPOINT_FILE"])
    first = json.loads(checkpoints.read_text().splitlines()[0])
    checkpoints.write_text(
        checkpoints.read_text() + json.dumps({**first, "seq": 99, "id": 99999}) + "\n"
    )
    code, out = clerk_records(["audit", "verify"], url, env)
    assert code == 1
    assert "checkpoint line 3 has a wrong signature" in out


def test_each_center_has_its_own_chain(demo_databases, tmp_path) -> None:
    url = demo_databases.new()
    as_owner(url, "INSERT INTO centers (code, name, level) VALUES ('JG', '井冈', 'county')")
    seal = seal_for(url, tmp_path)
    for n in range(7):
        center = "JG" if n % 2 else "HS"
        db = Database(url, center, seal=seal)
        try:
            with db.write() as session:
                audit.record(session, at=TEST_NOW + timedelta(seconds=n), action="x", result="ok")
        finally:
            db.dispose()
    rows = records(url, tmp_path)
    by_center = {c: [r for r in rows if r.center_code == c] for c in ("HS", "JG")}
    assert [r.chain_seq for r in by_center["HS"]] == [1, 2, 3, 4]
    assert [r.chain_seq for r in by_center["JG"]] == [1, 2, 3]
    for chain in by_center.values():
        assert chain[0].prev_hash == audit.GENESIS
        assert [r.prev_hash for r in chain[1:]] == [r.hash for r in chain[:-1]]
    lines = [json.loads(x) for x in seal.checkpoint_path.read_text().splitlines()]
    assert [(p["center"], p["seq"]) for p in lines] == [("HS", 3), ("JG", 3)]
    report = audit.verify(rows, seal)
    assert report.ok, report.problems
    assert (report.sealed, report.checkpoints) == (7, 2)


def test_records_from_before_the_seal_still_verify(demo_databases, tmp_path) -> None:
    url = demo_databases.empty()
    upgrade(url, "0007")
    engine = create_engine(url)
    prev = audit.GENESIS
    try:
        with engine.begin() as conn:
            for n in range(3):
                row = {
                    "at": TEST_NOW + timedelta(minutes=n),
                    "actor": "old-clerk",
                    "device_id": None,
                    "action": "login",
                    "target": "W01",
                    "client_ip": None,
                    "result": "ok",
                    "detail": None,
                    "center_code": "HS",
                }
                digest = audit.chain_hash(prev, row)
                conn.execute(
                    text(
                        "INSERT INTO audit_records (center_code, at, actor, action, target, "
                        "result, prev_hash, hash) VALUES (:c, :at, :actor, :action, :target, "
                        ":result, :p, :h)"
                    ),
                    {**row, "at": stored(url, row["at"]), "c": "HS", "p": prev, "h": digest},
                )
                prev = digest
    finally:
        engine.dispose()
    upgrade(url)
    seal = seal_for(url, tmp_path)
    db = Database(url, "HS", seal=seal)
    try:
        with db.write() as session:
            audit.record(session, at=TEST_NOW + timedelta(hours=1), action="new", result="ok")
    finally:
        db.dispose()
    rows = records(url, tmp_path)
    assert [(r.chain_seq, r.mac is not None) for r in rows] == [
        (None, False),
        (None, False),
        (None, False),
        (4, True),
    ]
    assert rows[3].prev_hash == rows[2].hash
    report = audit.verify(rows, seal)
    assert report.ok, report.problems
    assert (report.checked, report.sealed) == (4, 1)

    # An unsealed record after a sealed one is what a writer without the key leaves.
    row = {**{k: getattr(rows[3], k) for k in ("actor", "device_id", "client_ip", "detail")}}
    row.update(at=TEST_NOW + timedelta(hours=2), action="forged", target=None, result="ok")
    row["center_code"] = "HS"
    digest = audit.chain_hash(rows[3].hash, row)
    as_owner(
        url,
        "INSERT INTO audit_records (center_code, at, action, result, prev_hash, hash) "
        "VALUES ('HS', :at, 'forged', 'ok', :p, :h)",
        at=stored(url, row["at"]),
        p=rows[3].hash,
        h=digest,
    )
    report = audit.verify(records(url, tmp_path), seal)
    assert report.problems == [f"record {rows[3].id + 1}: not sealed after sealed records"]


def test_init_key_makes_the_key_private(tmp_path) -> None:
    env = seal_env(tmp_path)
    url = f"sqlite:///{tmp_path}/records.db"
    code, out = clerk_records(["audit", "init-key"], url, env)
    assert code == 0 and "audit key made" in out
    key = Path(env["CLERK_AUDIT_KEY_FILE"])
    assert key.stat().st_mode & 0o777 == 0o600
    assert len(bytes.fromhex(key.read_text().strip())) == 32
    made = key.read_text()
    key.chmod(0o644)
    code, out = clerk_records(["audit", "init-key"], url, env)
    assert code == 0 and "made 0600" in out
    assert key.stat().st_mode & 0o777 == 0o600 and key.read_text() == made  # never replaced


# -- PostgreSQL: the service's role ---------------------------------------------------------


@pytest.fixture
def service_role(request, backend) -> tuple[str, str]:
    """(name, password) of a new login role, dropped afterwards."""
    if backend != "postgres":
        pytest.skip("database roles are PostgreSQL's")
    postgres_server = request.getfixturevalue("postgres_server")
    name, password = f"clerk_svc_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    admin = create_engine(postgres_server + "/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'"))
        yield name, password
    finally:
        admin.dispose()


def _drop_role(owner_url: str, role: str) -> None:
    engine = create_engine(owner_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
    finally:
        engine.dispose()


def test_the_service_role_can_only_insert_and_select_the_audit_trail(
    service_role, demo_databases, service_factory, tmp_path
) -> None:
    role, password = service_role
    owner_url = demo_databases.new()
    env = seal_env(tmp_path)
    code, printed = clerk_records(["db-grants", "--service-role", role], owner_url, env)
    assert code == 0
    assert f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_records FROM {role}" in (
        printed
    )
    code, out = clerk_records(["db-grants", "--service-role", role, "--apply"], owner_url, env)
    assert code == 0, out
    service_url = make_url(owner_url).set(username=role, password=password)
    service_url_text = service_url.render_as_string(hide_password=False)
    try:
        # The service works as that role ...
        service = service_factory(database_url=service_url_text, env=env)
        token = login(service, device_id="desk-role").json()["access_token"]
        assert post_case(service, token, case_body()).status_code == 201
        service.stop()
        # ... but the role cannot change the trail, nor drop its guard.
        engine = create_engine(service_url)
        try:
            for statement in (
                "UPDATE audit_records SET actor = 'x'",
                "DELETE FROM audit_records",
                "TRUNCATE audit_records",
                "DROP TRIGGER audit_records_no_change ON audit_records",
                "ALTER TABLE audit_records DISABLE TRIGGER ALL",
            ):
                refused = pytest.raises(Exception, match=r"permission denied|must be owner")
                with refused, engine.begin() as conn:
                    conn.execute(text(statement))
            with engine.connect() as conn:
                actions = conn.execute(text("SELECT action FROM audit_records")).scalars().all()
            assert "case.create" in actions  # written as the service's role
        finally:
            engine.dispose()
        code, out = clerk_records(["audit", "verify"], service_url_text, env)
        assert code == 0, out
        # The owner can: drop the trigger and edit a row. The seal tells.
        as_owner(owner_url, "UPDATE audit_records SET actor = 'x' WHERE action = 'case.create'")
        code, out = clerk_records(["audit", "verify"], owner_url, env)
        assert code == 1
        assert "its content was changed" in out
    finally:
        _drop_role(owner_url, role)


def test_db_grants_are_for_postgresql(tmp_path) -> None:
    code, out = clerk_records(
        ["db-grants", "--service-role", "clerk_service"], f"sqlite:///{tmp_path}/r.db", {}
    )
    assert code == 2 and "PostgreSQL only" in out
