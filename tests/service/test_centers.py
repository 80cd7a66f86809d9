"""Every service record belongs to a center: the migration gives existing rows the default
center (the settings' ``center_code``), the service stamps new ones, and the audit chain
verifies across the change. On SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import requests
from alembic import command
from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from clerk_app.core.numbering import format_document_no
from records_service import audit, audit_chain
from records_service.db import Database
from records_service.demo import upsert_user
from records_service.migrate import alembic_config, upgrade
from records_service.models import (
    Case,
    CaseDocument,
    CaseEvent,
    CatalogVersion,
    Center,
    Device,
    MissingCenterError,
    Rating,
    User,
    Window,
)
from tests.helpers.local_service import Clock, local_service
from tests.helpers.service import TEST_NOW, run_cli
from tests.helpers.service_api import TIMEOUT, auth, case_body, login, post_case

#: Every table whose rows belong to a center.
CENTER_TABLES = (
    "windows",
    "users",
    "devices",
    "catalog_versions",
    "cases",
    "case_events",
    "case_documents",
    "ratings",
    "audit_records",
)
T0 = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)


def centers_by_table(url: str) -> dict[str, dict[str, int]]:
    """{table: {center_code: rows}} for every center-owned table."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                table: dict(
                    conn.execute(
                        text(f"SELECT center_code, count(*) FROM {table} GROUP BY center_code")
                    ).all()
                )
                for table in CENTER_TABLES
            }
    finally:
        engine.dispose()


def _at(moment: datetime, dialect: str) -> datetime:
    """A timestamp as the service stores it (SQLite keeps naive UTC)."""
    return moment.replace(tzinfo=None) if dialect == "sqlite" else moment


def fill_before_centers(url: str) -> int:
    """Rows of every kind in a database at revision 0006, with an audit chain of three
    records hashed the way the service hashed them then. Returns the audit record count."""
    engine = create_engine(url)
    try:
        tables = MetaData()
        tables.reflect(bind=engine)
        d = engine.dialect.name
        t = tables.tables
        case_id = str(uuid.uuid4())
        with engine.begin() as conn:
            conn.execute(t["departments"].insert(), [{"code": "GA", "name": "市公安局"}])
            conn.execute(
                t["windows"].insert(),
                [{"code": "W01", "name": "户籍窗口", "department_code": "GA"}],
            )
            conn.execute(
                t["users"].insert(),
                [
                    {
                        "username": "old-clerk",
                        "display_name": "老窗口人员",
                        "password_hash": "x",
                        "roles": ["clerk"],
                        "department_code": "GA",
                        "window_code": "W01",
                        "active": True,
                        "created_at": _at(T0, d),
                    }
                ],
            )
            conn.execute(
                t["devices"].insert(),
                [
                    {
                        "device_id": "old-desk",
                        "window_code": "W01",
                        "registered_at": _at(T0, d),
                        "revoked": False,
                    }
                ],
            )
            conn.execute(
                t["catalog_versions"].insert(),
                [{"version": "v1", "etag": "e1", "document": {}, "published_at": _at(T0, d)}],
            )
            conn.execute(
                t["cases"].insert(),
                [
                    {
                        "id": case_id,
                        "case_no": "HS-W01-20261120-000001",
                        "seq": 1,
                        "query_code": "123456",
                        "item_code": "GA-001",
                        "window_code": "W01",
                        "catalog_version": "v1",
                        "applicant": {"name": "张三"},
                        "materials": [],
                        "disposition": "promised",
                        "status": "accepted",
                        "received_at": _at(T0, d),
                        "due_date_provisional": False,
                        "fee_fen": 0,
                        "clerk": "old-clerk",
                        "created_by": "old-clerk",
                        "created_at": _at(T0, d),
                        "updated_at": _at(T0, d),
                    }
                ],
            )
            conn.execute(
                t["case_events"].insert(),
                [
                    {
                        "id": str(uuid.uuid4()),
                        "case_id": case_id,
                        "type": "accept",
                        "at": _at(T0, d),
                        "actor": "old-clerk",
                        "window_code": "W01",
                        "note": "",
                        "recorded_at": _at(T0, d),
                    }
                ],
            )
            conn.execute(
                t["case_documents"].insert(),
                [
                    {
                        "id": str(uuid.uuid4()),
                        "case_id": case_id,
                        "kind": "receipt",
                        "document_no": format_document_no("衡政服", "受", 2026, "W01", 1),
                        "window_code": "W01",
                        "year": 2026,
                        "seq": 1,
                        "sha256": "0" * 64,
                        "reprint": False,
                        "issued_at": _at(T0, d),
                        "clerk": "old-clerk",
                        "recorded_at": _at(T0, d),
                    }
                ],
            )
            conn.execute(
                t["ratings"].insert(),
                [
                    {
                        "id": str(uuid.uuid4()),
                        "case_id": case_id,
                        "score": 5,
                        "comment": "",
                        "rated_at": _at(T0, d),
                        "clerk": "old-clerk",
                        "window_code": "W01",
                        "bad": False,
                        "recorded_at": _at(T0, d),
                    }
                ],
            )
            prev = audit.GENESIS
            records = []
            for n, action in enumerate(("auth.login", "case.create", "event.append")):
                row = {
                    "at": T0 + timedelta(minutes=n),
                    "actor": "old-clerk",
                    "device_id": "old-desk",
                    "action": action,
                    "target": "HS-W01-20261120-000001",
                    "client_ip": "127.0.0.1",
                    "result": "ok",
                    "detail": {"n": n},
                }
                digest = audit.chain_hash(prev, row, with_center=False)
                records.append({**row, "at": _at(row["at"], d), "prev_hash": prev, "hash": digest})
                prev = digest
            conn.execute(t["audit_records"].insert(), records)
        return len(records)
    finally:
        engine.dispose()


def verify_chain(url: str, center: str) -> audit.ChainReport:
    db = Database(url, center)
    try:
        with db.read() as session:
            return audit.verify(audit.iter_records(session))
    finally:
        db.dispose()


def drop_audit_guard(url: str) -> None:
    """What someone with the database could do before editing the trail."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(
                    text("DROP TRIGGER IF EXISTS audit_records_no_change ON audit_records")
                )
            else:
                conn.execute(text("DROP TRIGGER IF EXISTS audit_records_no_update"))
    finally:
        engine.dispose()


def test_migration_gives_existing_rows_the_configured_center_and_the_chain_still_verifies(
    demo_databases, monkeypatch
) -> None:
    url = demo_databases.empty()
    upgrade(url, "0006")
    legacy = fill_before_centers(url)
    monkeypatch.setenv("CLERK_CENTER_CODE", "HD")
    monkeypatch.setenv("CLERK_CENTER_NAME", "邯郸市政务服务中心")
    upgrade(url)

    db = Database(url, "HD")
    try:
        with db.read() as session:
            centers = session.execute(
                select(Center.code, Center.name, Center.level, Center.parent_code)
            ).all()
        assert centers == [("HD", "邯郸市政务服务中心", "city", None)]
        assert centers_by_table(url) == {table: {"HD": 1} for table in CENTER_TABLES} | {
            "audit_records": {"HD": legacy}
        }
        report = verify_chain(url, "HD")
        assert report.ok, report.problems
        assert (report.checked, report.without_center) == (legacy, legacy)

        # A record written now covers its center and chains onto the old ones.
        with db.write() as session:
            audit.record(session, at=TEST_NOW, action="auth.login", result="ok", actor="x")
        audit_chain.chain_pending(db, wait=True)  # PostgreSQL chains after commit
        with db.read() as session:
            newest = list(audit.iter_records(session))[-1]
        assert newest.center_code == "HD"
        assert newest.hash == audit.chain_hash(newest.prev_hash or "", newest)
        report = verify_chain(url, "HD")
        assert report.ok, report.problems
        assert (report.checked, report.without_center) == (legacy + 1, legacy)
        told = run_cli(["audit", "verify"], url)
        assert f"intact: {legacy + 1} records (0 before the chain, {legacy} hashed before" in told
    finally:
        db.dispose()

    # Moving the new record to another center is an edit the chain reports.
    drop_audit_guard(url)
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO centers VALUES ('XT', '邢台', 'city', NULL)"))
            conn.execute(
                text("UPDATE audit_records SET center_code = 'XT' WHERE id = :id"),
                {"id": newest.id},
            )
    finally:
        engine.dispose()
    report = verify_chain(url, "HD")
    assert report.problems == [f"record {newest.id}: its content was changed (hash does not match)"]


def test_migration_can_be_undone_and_redone_keeping_the_rows_and_the_guard(
    demo_databases,
) -> None:
    url = demo_databases.empty()
    upgrade(url, "0006")
    fill_before_centers(url)
    upgrade(url)
    command.downgrade(alembic_config(url), "0006")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM cases")).scalar() == 1
            assert conn.execute(text("SELECT count(*) FROM audit_records")).scalar() == 3
        with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
            conn.execute(text("UPDATE audit_records SET actor = 'someone'"))
    finally:
        engine.dispose()
    upgrade(url)
    assert centers_by_table(url)["cases"] == {"HS": 1}
    assert verify_chain(url, "HS").ok


def test_every_record_written_through_the_service_belongs_to_its_center(service) -> None:
    device_id = f"desk-{uuid.uuid4()}"
    signed_in = login(service, device_id=device_id).json()
    token = signed_in["access_token"]
    body = case_body()
    assert post_case(service, token, body).status_code == 201
    number = format_document_no(
        "衡政服", "受", TEST_NOW.year, "W01", signed_in["sequence_high_water"]["document"] + 1
    )
    document = {
        "id": str(uuid.uuid4()),
        "kind": "acceptance_notice",
        "document_no": number,
        "sha256": hashlib.sha256(number.encode()).hexdigest(),
        "issued_at": "2026-11-28T09:35:00+08:00",
        "clerk": "demo-clerk",
    }
    rating = {
        "id": str(uuid.uuid4()),
        "score": 5,
        "comment": "",
        "rated_at": "2026-11-28T09:40:00+08:00",
        "clerk": "demo-clerk",
    }
    for path, payload in (("documents", document), ("rating", rating)):
        response = requests.post(
            service.url(f"/cases/{body['case_no']}/{path}"),
            json=payload,
            headers={**auth(token), "Idempotency-Key": payload["id"]},
            timeout=TIMEOUT,
        )
        assert response.status_code == 201, response.text

    counts = centers_by_table(service.database_url)
    assert {table: set(by_center) for table, by_center in counts.items()} == {
        table: {"HS"} for table in CENTER_TABLES
    }
    assert service.sql(
        "SELECT c.center_code, e.center_code, d.center_code, r.center_code FROM cases c "
        "JOIN case_events e ON e.case_id = c.id JOIN case_documents d ON d.case_id = c.id "
        "JOIN ratings r ON r.case_id = c.id WHERE c.case_no = :no",
        no=body["case_no"],
    ) == [("HS", "HS", "HS", "HS")]
    assert service.sql("SELECT center_code FROM devices WHERE device_id = :d", d=device_id) == [
        ("HS",)
    ]


def test_a_windows_records_take_its_center_and_the_rest_the_writers(demo_databases) -> None:
    """A sub-center's window (the many-centers issue adds them through the API): its users,
    devices and cases, and their events, documents and ratings belong to the sub-center;
    what the service itself writes (a window, a catalog, audit) to the writer's center."""
    url = demo_databases.new()
    db = Database(url, "HS")
    now = TEST_NOW.astimezone(UTC)
    try:
        with db.write() as session:
            session.add(
                Center(code="JG", name="交警车管分中心", level="sub-center", parent_code="HS")
            )
            session.flush()
            session.add(Window(code="W90", name="车管窗口", department_code="GA", center_code="JG"))
            session.add(Window(code="W91", name="综合窗口", department_code="GA"))
            session.flush()
            user, _ = upsert_user(
                session,
                username="jg-clerk",
                password="a-long-pass-2026",
                display_name="车管窗口人员",
                roles=["clerk"],
                department_code="GA",
                window_code="W90",
            )
            session.add(Device(device_id="jg-desk", window_code="W90", registered_at=now))
            case = Case(
                id=str(uuid.uuid4()),
                case_no="HS-W90-20261128-000001",
                seq=1,
                query_code="654321",
                item_code="GA-001",
                window_code="W90",
                catalog_version="v1",
                applicant={"name": "李四"},
                materials=[],
                disposition="promised",
                status="accepted",
                received_at=now,
                clerk="jg-clerk",
                created_by="jg-clerk",
            )
            case.events = [CaseEvent(id=str(uuid.uuid4()), type="accept", at=now, actor="jg-clerk")]
            session.add(case)
            session.flush()
            session.add(
                CaseDocument(
                    id=str(uuid.uuid4()),
                    case_id=case.id,
                    kind="receipt",
                    document_no="衡政服〔2026〕W90-0001号",
                    window_code="W90",
                    year=2026,
                    seq=1,
                    sha256="0" * 64,
                    issued_at=now,
                    clerk="jg-clerk",
                )
            )
            session.add(
                Rating(
                    id=str(uuid.uuid4()),
                    case_id=case.id,
                    score=4,
                    rated_at=now,
                    clerk="jg-clerk",
                    window_code="W90",
                )
            )
            session.add(CatalogVersion(version="jg-1", etag="e", document={}, published_at=now))
            audit.record(session, at=now, action="window.register", result="ok", target="W90")
            case_id, user_id = case.id, user.id
        with db.read() as session:
            assert session.get(User, user_id).center_code == "JG"
            assert session.get(Device, "jg-desk").center_code == "JG"
            assert session.get(Window, "W91").center_code == "HS"
            stored = session.get(Case, case_id)
            assert stored.center_code == "JG"
            assert [e.center_code for e in stored.events] == ["JG"]
            for model in (CaseDocument, Rating):
                rows = session.scalars(select(model).where(model.case_id == case_id)).all()
                assert [r.center_code for r in rows] == ["JG"]
            assert session.scalars(
                select(CatalogVersion.center_code).where(CatalogVersion.version == "jg-1")
            ).all() == ["HS"]
            newest = list(audit.iter_records(session))[-1]
            assert (newest.action, newest.center_code) == ("window.register", "HS")
    finally:
        db.dispose()


def test_a_record_of_an_unknown_center_or_without_a_writer_is_refused(demo_databases) -> None:
    url = demo_databases.new()
    db = Database(url, "HS")
    try:
        with pytest.raises(IntegrityError), db.write() as session:
            session.add(Window(code="W92", name="x", department_code="GA", center_code="NOPE"))
        with (
            pytest.raises(MissingCenterError, match="names no writer's center"),
            Session(db.engine) as session,
        ):
            session.add(Window(code="W93", name="x", department_code="GA"))
            session.flush()
        with pytest.raises(IntegrityError), db.write() as session:
            session.add(Center(code="XX", name="x", level="town"))
    finally:
        db.dispose()


def test_a_service_set_up_for_another_center_reports_its_database_unavailable(
    demo_databases,
) -> None:
    url = demo_databases.new()
    with pytest.raises(OperationalError, match=r"center XX .* is not in the database's centers"):
        db = Database(url, "XX")
        try:
            db.ping()
        finally:
            db.dispose()
    with local_service(url, Clock(TEST_NOW), center_code="XX") as service:
        health = requests.get(service.url("/health"), timeout=TIMEOUT)
    assert health.status_code == 503
    assert health.json()["database"] == "unavailable"
