"""SQLAlchemy 2 typed ORM models. Tables are created only by Alembic migrations.

Every record belongs to a center (``center_code``, migration 0007). New rows are stamped
before they are flushed (:func:`stamp_centers`): a case, a device and a user of a window
take the window's center; an event, a document and a rating take their case's; anything
else (windows, catalog versions, audit records, users without a window) takes the writer's
center, which the :class:`~records_service.db.Database` puts in each session's ``info``
(today: the service's one configured center).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC on every backend (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


#: The levels a center can sit at, top down (``centers.level``).
CENTER_LEVELS = ("province", "city", "county", "district", "sub-center")
#: ``Session.info`` key of the center whose staff or devices write in that session.
WRITER_CENTER = "center_code"


class MissingCenterError(RuntimeError):
    """A new record's center could not be told: the session names no writer's center."""


def center_column(*, index: bool = False) -> Mapped[str]:
    """``center_code``: the center the record belongs to (a key of ``centers``)."""
    return mapped_column(ForeignKey("centers.code"), index=index)


class Center(Base):
    """A service center: a city's, a county's or district's, or a sub-center in another
    building. ``parent_code`` is the center above (none for the top)."""

    __tablename__ = "centers"
    __table_args__ = (
        CheckConstraint(
            "level IN ('province', 'city', 'county', 'district', 'sub-center')", name="level"
        ),
        CheckConstraint("parent_code IS NULL OR parent_code <> code", name="not_own_parent"),
    )

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("centers.code"), index=True)


class Department(Base):
    __tablename__ = "departments"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class Window(Base):
    __tablename__ = "windows"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    department_code: Mapped[str] = mapped_column(ForeignKey("departments.code"))
    center_code: Mapped[str] = center_column(index=True)
    #: A window of the fee settlement center (收费结算窗口, issue 17): its desk records
    #: payments.
    settlement: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    department: Mapped[Department] = relationship(lazy="joined")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    roles: Mapped[list[str]] = mapped_column(JSON)
    department_code: Mapped[str | None] = mapped_column(ForeignKey("departments.code"))
    window_code: Mapped[str | None] = mapped_column(ForeignKey("windows.code"))
    center_code: Mapped[str] = center_column(index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Migration 0009: a new or reset password is changed at the next sign-in.
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Device(Base):
    __tablename__ = "devices"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_code: Mapped[str] = mapped_column(ForeignKey("windows.code"))
    center_code: Mapped[str] = center_column(index=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    # The client's latest status report (POST /devices/{device_id}/status).
    last_report_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    client_version: Mapped[str | None] = mapped_column(String(32))
    clock_skew_seconds: Mapped[int | None] = mapped_column(Integer)


class Token(Base):
    """An issued token. Only its SHA-256 is stored, never the token itself."""

    __tablename__ = "tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # user | device
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.device_id"))
    window_code: Mapped[str | None] = mapped_column(ForeignKey("windows.code"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Migration 0009: what an enrolled credential is for (a hall screen's name ...).
    label: Mapped[str | None] = mapped_column(String(100))
    # Migration 0011: the credential that renewed this one (it stays valid only for the
    # renewal grace; a second renewal within it replaces that successor).
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("tokens.id"))

    user: Mapped[User | None] = relationship(lazy="joined")


class CatalogVersion(Base):
    __tablename__ = "catalog_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(64), unique=True)
    etag: Mapped[str] = mapped_column(String(80))
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    center_code: Mapped[str] = center_column(index=True)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class BaseItem(Base):
    """An item of the province's basic catalogue (事项同源, migration 0019): its basic code
    fixes name, type and legal basis for every center that implements it (四级四同)."""

    __tablename__ = "base_items"

    basic_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(32))
    legal_basis: Mapped[list[str]] = mapped_column(JSON)
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ItemImplementation(Base):
    """A center's implementation of a base item (实施清单, migration 0019): its own
    implementation code and the catalog item its windows see (``item_code`` in the
    center's catalog version ``catalog_version``, with materials, time limits, fees,
    place, hours and phone). One per center and base item."""

    __tablename__ = "item_implementations"
    __table_args__ = (UniqueConstraint("center_code", "basic_code"),)

    implementation_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    center_code: Mapped[str] = center_column()
    basic_code: Mapped[str] = mapped_column(ForeignKey("base_items.basic_code"), index=True)
    item_code: Mapped[str] = mapped_column(String(64))
    catalog_version: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_window_seq", "window_code", "seq"),
        Index("ix_cases_received_at_window", "received_at", "window_code"),
        Index("ix_cases_center_received_at", "center_code", "received_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    seq: Mapped[int] = mapped_column(Integer)
    query_code: Mapped[str] = mapped_column(String(6))
    item_code: Mapped[str] = mapped_column(String(64))
    window_code: Mapped[str] = mapped_column(ForeignKey("windows.code"))
    center_code: Mapped[str] = center_column()
    catalog_version: Mapped[str] = mapped_column(String(64))
    applicant: Mapped[dict[str, Any]] = mapped_column(JSON)
    agent: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    materials: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    disposition: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_date: Mapped[date | None] = mapped_column(Date)
    due_date_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    fee_fen: Mapped[int] = mapped_column(Integer, default=0)
    clerk: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # Migration 0010: a part of a joint case (issue 16) names its joint case, its stage and
    # the department it is assigned to (which reaches it besides the intake window).
    joint_case_no: Mapped[str | None] = mapped_column(String(40), index=True)
    stage: Mapped[str | None] = mapped_column(String(16))
    department_code: Mapped[str | None] = mapped_column(String(16), index=True)
    #: Migration 0020: a case forwarded in from a center below (上报) names the id of the
    #: case it came from (at most one each); its ``seq`` is 0: the number is the lower
    #: case's, under this center's code, and takes no place in the window's sequence.
    forwarded_from: Mapped[str | None] = mapped_column(String(36), index=True, unique=True)

    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.seq", lazy="selectin"
    )


class CaseEvent(Base):
    __tablename__ = "case_events"
    __table_args__ = (
        Index("ix_case_events_center_seq", "center_code", "seq"),
        Index(
            "ix_case_events_unplaced",
            "xid",
            "seq",
            postgresql_where=text("pos IS NULL"),
            sqlite_where=text("pos IS NULL"),
        ),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    center_code: Mapped[str] = center_column()
    type: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    window_code: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    device_id: Mapped[str | None] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Migration 0021: the event's place in the change feed (``GET /changes``' cursor), in
    #: commit order. SQLite: ``seq`` (a trigger; its writers are serialized). PostgreSQL:
    #: None until ``records_service.feed.place_events`` gives it, in (``xid``, ``seq``)
    #: order, once no transaction that could still commit an earlier event is open.
    pos: Mapped[int | None] = mapped_column(BigInteger, unique=True, index=True)
    #: PostgreSQL: the writer's transaction id (default ``pg_current_xact_id()``); never
    #: loaded. SQLite: None.
    xid: Mapped[int | None] = mapped_column(
        BigInteger, server_default=FetchedValue(), deferred=True
    )

    case: Mapped[Case] = relationship(back_populates="events")


class CaseDocument(Base):
    """A document issued or reprinted for a case (receipt, notice ...): number and hash."""

    __tablename__ = "case_documents"
    __table_args__ = (Index("ix_case_documents_window_year_seq", "window_code", "year", "seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    center_code: Mapped[str] = center_column()
    kind: Mapped[str] = mapped_column(String(32))
    document_no: Mapped[str] = mapped_column(String(64), index=True)
    window_code: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    clerk: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str | None] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: The joint case a joint document (联合受理通知书, 一次性告知, 阶段办结, 办结) belongs to
    #: (issue 16; migration 0014): found and listed by the joint number. None otherwise.
    joint_no: Mapped[str | None] = mapped_column(String(40), index=True)


class Attachment(Base):
    """A file of a case's material (a scanned page or a PDF, issue 22; migration 0018).

    Uploaded in chunks (``received`` bytes acknowledged so far, kept in ``partial/<id>``
    under the attachments folder) and, once whole and its SHA-256 checked, stored
    content-addressed (``sha256/<2 hex>/<sha256>``) and ``completed_at`` set.
    """

    __tablename__ = "attachments"
    # Migration 0022: a file of an online pre-submission names it and no case until it is
    # taken in (then both).
    __table_args__ = (
        CheckConstraint(
            "case_id IS NOT NULL OR presubmission_no IS NOT NULL", name="case_or_presubmission"
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    presubmission_no: Mapped[str | None] = mapped_column(
        ForeignKey("presubmissions.no"), index=True
    )
    center_code: Mapped[str] = center_column()
    material_code: Mapped[str] = mapped_column(String(64))
    page: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str | None] = mapped_column(String(64))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Rating(Base):
    """好差评: the applicant's 1-5 rating of a case; 1 and 2 are bad and need a follow-up."""

    __tablename__ = "ratings"
    __table_args__ = (
        Index("ix_ratings_center_rated_at", "center_code", "rated_at"),
        # Migration 0016: a rating is of a case, or of a queue ticket served with no case.
        CheckConstraint("case_id IS NOT NULL OR ticket_id IS NOT NULL", name="case_or_ticket"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: The case rated; empty for the visit of a queue ticket served with no case (0016).
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    center_code: Mapped[str] = center_column()
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    clerk: Mapped[str] = mapped_column(String(64))
    window_code: Mapped[str] = mapped_column(String(16), index=True)
    device_id: Mapped[str | None] = mapped_column(String(64))
    bad: Mapped[bool] = mapped_column(Boolean, default=False)
    follow_up_due: Mapped[date | None] = mapped_column(Date)
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    follow_up_by: Mapped[str | None] = mapped_column(String(64))
    follow_up_note: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Migration 0009: the visit rated (its acceptance or completion event); one rating each.
    event_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    #: Migration 0016: the queue ticket of the visit (``POST /visits/ratings``), if any.
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("queue_tickets.id"), index=True)


class IdempotencyKey(Base):
    """One retried write. The row is inserted in the same transaction as the record."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (
        UniqueConstraint("route", "principal", "key", name="uq_idempotency_keys_route_caller_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    route: Mapped[str] = mapped_column(String(64))
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))  # in_flight | done
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    principal: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditRecord(Base):
    """Append-only: who, when, what, from where, result."""

    __tablename__ = "audit_records"
    __table_args__ = (
        Index("ix_audit_records_center_id", "center_code", "id"),
        # Migration 0025: a chain's tail, and the records not chained yet (PostgreSQL).
        Index("ix_audit_records_center_seq", "center_code", "chain_seq"),
        Index(
            "ix_audit_records_unchained",
            "center_code",
            "xid",
            "id",
            postgresql_where=text("hash IS NULL AND xid IS NOT NULL"),
            sqlite_where=text("hash IS NULL AND xid IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The writer's center; part of the hashed entry from migration 0007 on (audit.py).
    center_code: Mapped[str] = center_column()
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str | None] = mapped_column(String(64), index=True)
    device_id: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str | None] = mapped_column(String(100))
    client_ip: Mapped[str | None] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Hash chain (migration 0005): the previous record's hash and this record's own.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
    # Per-center chain (migration 0008): the position in its center's chain, and the HMAC
    # of ``hash`` under the audit key kept outside the database (audit_seal.py).
    chain_seq: Mapped[int | None] = mapped_column(Integer)
    mac: Mapped[str | None] = mapped_column(String(64))
    #: Migration 0025, PostgreSQL: the writer's transaction id (default
    #: ``pg_current_xact_id()``); the chain fields are given after its commit
    #: (``records_service.audit_chain``). SQLite, and records from before: None.
    xid: Mapped[int | None] = mapped_column(BigInteger, server_default=FetchedValue())


class Enrolment(Base):
    """A one-time enrolment code (only its SHA-256 is kept) for a desk, a screen, a kiosk
    or an integration; exchanged once, before ``expires_at``, for its credential."""

    __tablename__ = "enrolments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # desk | display | kiosk | integration
    window_code: Mapped[str | None] = mapped_column(ForeignKey("windows.code"))
    label: Mapped[str] = mapped_column(String(100))
    center_code: Mapped[str] = center_column()
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_by: Mapped[str | None] = mapped_column(String(64))


class SignInAttempt(Base):
    """One sign-in attempt, written before its password is checked (``ok`` once it
    matched)."""

    __tablename__ = "sign_in_attempts"
    __table_args__ = (
        Index("ix_sign_in_attempts_username_at", "username", "at"),
        Index("ix_sign_in_attempts_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    # False: refused by a delay before any password was checked (counts for the pair's
    # lock and the address, not for the user's delay).
    tried: Mapped[bool] = mapped_column(Boolean, default=True)


class CalendarOverride(Base):
    """An admin's table for one year (e.g. one just announced), over chinese-calendar's."""

    __tablename__ = "calendar_overrides"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    holidays: Mapped[list[str]] = mapped_column(JSON)
    workdays: Mapped[list[str]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(200))
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RateLimit(Base):
    """Calls per key (e.g. ``progress:<client address>``) in the current fixed window,
    shared by every service process."""

    __tablename__ = "rate_limits"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime)
    count: Mapped[int] = mapped_column(Integer)


class JointCase(Base):
    """A joint case (联合审批 / 一件事, issue 16): one application for a catalog package,
    taken in at one window; its parts are :class:`Case` rows with its ``joint_no``."""

    __tablename__ = "joint_cases"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    joint_no: Mapped[str] = mapped_column(String(40), unique=True)
    seq: Mapped[int] = mapped_column(Integer)
    query_code: Mapped[str] = mapped_column(String(6))
    package_code: Mapped[str] = mapped_column(String(64))
    project_type: Mapped[str | None] = mapped_column(String(16))
    project_code: Mapped[str | None] = mapped_column(String(32), index=True)
    window_code: Mapped[str] = mapped_column(ForeignKey("windows.code"))
    center_code: Mapped[str] = center_column(index=True)
    catalog_version: Mapped[str] = mapped_column(String(64))
    applicant: Mapped[dict[str, Any]] = mapped_column(JSON)
    agent: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: The combined materials (一套材料): ``[{code, received, copies}]``.
    materials: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    clerk: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    stages: Mapped[list[JointStage]] = relationship(
        back_populates="joint_case", order_by="JointStage.id", lazy="selectin"
    )


class JointStage(Base):
    """A stage of a joint case that has opened: in order when the one before it completed
    (or at intake for the first), or early by its lead department."""

    __tablename__ = "joint_stages"
    __table_args__ = (UniqueConstraint("joint_case_id", "stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    joint_case_id: Mapped[str] = mapped_column(ForeignKey("joint_cases.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_by: Mapped[str] = mapped_column(String(64))
    early: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    joint_case: Mapped[JointCase] = relationship(back_populates="stages")


# --- Fees (issue 17): money is integer fen (BigInteger), never a float. ---


class PaymentNotice(Base):
    """A payment notice (缴款通知书) a department window issued; numbered at the window
    (``notice_no``), its payment code (缴款码) from the fiscal platform once online."""

    __tablename__ = "payment_notices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    notice_no: Mapped[str] = mapped_column(String(48), unique=True)
    case_no: Mapped[str | None] = mapped_column(String(48), index=True)
    window_code: Mapped[str] = mapped_column(ForeignKey("windows.code"))
    department_code: Mapped[str] = mapped_column(String(16), index=True)
    center_code: Mapped[str] = center_column(index=True)
    #: ``{name, id_type, id_number}``.
    payer: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: ``[{item_code, fee_name, amount_fen, basis}]``.
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    #: ``{reason_code, amount_fen, note}`` or None.
    waiver: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    total_fen: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(
        String(16), default="issued"
    )  # issued|paid|cancelled|refunded
    payment_code: Mapped[str | None] = mapped_column(String(32), unique=True)
    clerk: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")


class Payment(Base):
    """A payment taken at a settlement window; one per notice (``notice_no`` unique)."""

    __tablename__ = "payments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    notice_id: Mapped[str] = mapped_column(ForeignKey("payment_notices.id"))
    notice_no: Mapped[str] = mapped_column(String(48), unique=True)
    department_code: Mapped[str] = mapped_column(String(16))
    method: Mapped[str] = mapped_column(String(8))  # cash|card|qr
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    received_fen: Mapped[int] = mapped_column(BigInteger)
    change_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    refunded_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    reference: Mapped[str] = mapped_column(String(64), default="", index=True)
    cashier: Mapped[str] = mapped_column(String(64))
    window_code: Mapped[str | None] = mapped_column(String(16))
    paid_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: The cashier's business day (the date of ``paid_at`` in the center's time zone).
    day: Mapped[date] = mapped_column(Date, index=True)


class PaymentLine(Base):
    """One item of a payment (from its notice's lines), for the period report by item."""

    __tablename__ = "payment_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payments.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(64))
    fee_name: Mapped[str] = mapped_column(String(200))
    amount_fen: Mapped[int] = mapped_column(BigInteger)


class Receipt(Base):
    """A fiscal receipt number accounted for: used for a payment, or voided (作废, the
    number is kept). Paper numbers come from a :class:`ReceiptRange`."""

    __tablename__ = "receipts"
    __table_args__ = (UniqueConstraint("code", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(12))  # electronic|paper
    code: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(20))
    check_code: Mapped[str] = mapped_column(String(20), default="")
    verify_url: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(8), default="used")  # used|voided
    payment_id: Mapped[str | None] = mapped_column(ForeignKey("payments.id"), index=True)
    cashier: Mapped[str] = mapped_column(String(64))
    day: Mapped[date] = mapped_column(Date, index=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    void_reason: Mapped[str] = mapped_column(Text, default="")


class ReceiptRange(Base):
    """Pre-numbered paper receipt stock (``first``..``last`` of ``code``) an admin allotted
    to one cashier; ranges of one code never overlap."""

    __tablename__ = "receipt_ranges"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(20), index=True)
    first: Mapped[int] = mapped_column(BigInteger)
    last: Mapped[int] = mapped_column(BigInteger)
    cashier: Mapped[str] = mapped_column(String(64), index=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RefundRequest(Base):
    """A refund (退付) of a paid notice: requested by a lead of its department, decided by
    finance; approved, it issues a refund voucher."""

    __tablename__ = "refund_requests"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    payment_id: Mapped[str] = mapped_column(ForeignKey("payments.id"), index=True)
    department_code: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="requested")  # |approved|rejected
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    voucher_no: Mapped[str | None] = mapped_column(String(48), unique=True)


class CashierDay(Base):
    """A cashier's daily close (日结): cash counted, the difference (长款 > 0, 短款 < 0) and
    the bank deposit (解缴); once closed, that day's payments are frozen."""

    __tablename__ = "cashier_days"
    __table_args__ = (UniqueConstraint("day", "cashier"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date)
    cashier: Mapped[str] = mapped_column(String(64))
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expected_cash_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    counted_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    difference_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    deposit_ref: Mapped[str] = mapped_column(String(64), default="")
    #: The day's sheet as closed (totals by method, department and item; receipts).
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# --- The hall's queue (issue 18): categories, tickets, calls, pauses, appointments. ---


class QueueCategory(Base):
    """A kind of business the hall queues for (a group of items or a department): its
    letter prefix, and the windows that serve it (set by a lead)."""

    __tablename__ = "queue_categories"
    __table_args__ = (UniqueConstraint("center_code", "prefix"),)

    center_code: Mapped[str] = mapped_column(ForeignKey("centers.code"), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    #: One capital letter, unique per center: ``A`` of ``A012``.
    prefix: Mapped[str] = mapped_column(String(1))
    name: Mapped[str] = mapped_column(String(100))
    department_code: Mapped[str | None] = mapped_column(String(32))
    item_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Codes of the windows that call this category.
    windows: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: An ordinary ticket waiting longer than this goes before priority ones.
    wait_limit_minutes: Mapped[int] = mapped_column(Integer, default=30)
    #: Appointments per half-day (0: none taken).
    slot_capacity: Mapped[int] = mapped_column(Integer, default=0)
    #: Tickets per ID number per day (0: no limit).
    daily_limit_per_id: Mapped[int] = mapped_column(Integer, default=3)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class QueueTicket(Base):
    """A queue ticket (``A012``): issued at a kiosk (``id`` is the kiosk's UUID, the
    Idempotency-Key), waiting → called → serving → done / no_show / transferred. A transfer
    closes the ticket as ``transferred`` and issues a new one keeping ``issued_at``."""

    __tablename__ = "queue_tickets"
    __table_args__ = (
        UniqueConstraint("center_code", "day", "number"),
        Index("ix_queue_tickets_waiting", "center_code", "day", "category_code", "status"),
        Index("ix_queue_tickets_id_hash", "center_code", "day", "id_hash"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    center_code: Mapped[str] = center_column()
    #: The center's local day the ticket was issued on.
    day: Mapped[date] = mapped_column(Date)
    category_code: Mapped[str] = mapped_column(String(16))
    number: Mapped[str] = mapped_column(String(8))
    seq: Mapped[int] = mapped_column(Integer)
    #: ``""`` (ordinary) | ``elderly`` | ``disabled`` | ``military`` | a configured class.
    priority_class: Mapped[str] = mapped_column(String(16), default="")
    appointment_code: Mapped[str | None] = mapped_column(String(16))
    #: HMAC-SHA256 of the ID number with the service's pepper; never the number.
    id_hash: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: The kiosk credential's name (or the window that issued it).
    kiosk: Mapped[str] = mapped_column(String(100))
    #: Printed while the kiosk was cut off, numbered from its offline block.
    offline: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(12), default="waiting")
    #: The window that called it; while waiting, the only window that may (a transfer).
    window_code: Mapped[str | None] = mapped_column(ForeignKey("windows.code"))
    #: Who called it (the clerk's user name or the desk credential).
    clerk: Mapped[str | None] = mapped_column(String(64))
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    served_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    #: The number this ticket was transferred from.
    transferred_from: Mapped[str | None] = mapped_column(String(8))
    #: Six characters printed on the ticket for the public query.
    query_code: Mapped[str] = mapped_column(String(6))
    #: Case numbers served in the visit.
    case_nos: Mapped[list[str]] = mapped_column(JSON, default=list)
    rated: Mapped[bool] = mapped_column(Boolean, default=False)


class QueueCall(Base):
    """One call (or recall) of a ticket to a window; ``pos`` is the hall screen's cursor."""

    __tablename__ = "queue_calls"
    __table_args__ = (
        Index("ix_queue_calls_center_id", "center_code", "id"),
        Index("ix_queue_calls_center_pos", "center_code", "pos"),
        Index(
            "ix_queue_calls_unplaced",
            "xid",
            "id",
            postgresql_where=text("pos IS NULL"),
            sqlite_where=text("pos IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    center_code: Mapped[str] = center_column()
    ticket_id: Mapped[str] = mapped_column(ForeignKey("queue_tickets.id"), index=True)
    number: Mapped[str] = mapped_column(String(8))
    window_code: Mapped[str] = mapped_column(ForeignKey("windows.code"))
    called_at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(8), default="call")  # call | recall
    #: Migration 0024: the call's place in the hall's calls feed (``GET /queue/calls``'
    #: cursor), given as ``CaseEvent.pos`` is (``records_service.feed``): SQLite ``id`` (a
    #: trigger), PostgreSQL None until ``queue_calls.place_calls`` gives it.
    pos: Mapped[int | None] = mapped_column(BigInteger, unique=True, index=True)
    #: PostgreSQL: the writer's transaction id; never loaded. SQLite: None.
    xid: Mapped[int | None] = mapped_column(
        BigInteger, server_default=FetchedValue(), deferred=True
    )


class WindowPause(Base):
    """A window's pause of service (暂停服务) with its reason; open while ``resumed_at`` is
    empty."""

    __tablename__ = "window_pauses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    window_code: Mapped[str] = mapped_column(ForeignKey("windows.code"), index=True)
    center_code: Mapped[str] = center_column()
    paused_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text)
    by_user: Mapped[str] = mapped_column(String(64))


class Appointment(Base):
    """An appointment (预约) for a category on a half-day; checked in at the kiosk it
    becomes a ticket (``ticket_id``)."""

    __tablename__ = "appointments"
    __table_args__ = (Index("ix_appointments_slot", "center_code", "category_code", "day", "half"),)

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    center_code: Mapped[str] = center_column()
    category_code: Mapped[str] = mapped_column(String(16))
    day: Mapped[date] = mapped_column(Date)
    half: Mapped[str] = mapped_column(String(2))  # am | pm
    #: HMAC-SHA256 of the holder's ID number; never the number.
    id_hash: Mapped[str] = mapped_column(String(64), index=True)
    #: Masked name and masked ID (core.masking).
    holder_masked: Mapped[str] = mapped_column(String(100))
    phone_masked: Mapped[str] = mapped_column(String(32), default="")
    source: Mapped[str] = mapped_column(String(16))  # website | 12345 | desk
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default="booked")
    ticket_id: Mapped[str | None] = mapped_column(String(36))
    #: Migration 0016: who booked it (an integration credential, a clerk or a desk; its
    #: ``Principal.actor``) — only that integration cancels it — and when it was cancelled.
    booked_by: Mapped[str | None] = mapped_column(String(64))
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# Issue 19 (migration 0015): complaints, supervision, the 12345 hotline, online
# pre-submission and the notification outbox. Personal data (a complainant's name and
# contact, a pre-submission's applicant, a notification's recipient) is kept as a case's
# applicant is: in its own column of the service's database (at rest: the operator's disk
# encryption, SECURITY.md), never in a log (``hide_parameters``, ``logs.ScrubFilter``) nor
# an audit record, masked in every list and view but the record's own.


class Complaint(Base):
    """A complaint (投诉) taken in at the complaints desk: ``TS-{center}-{yyyymmdd}-{seq}``;
    open → assigned → answered → called_back → closed (reopened once: back to assigned)."""

    __tablename__ = "complaints"
    __table_args__ = (
        Index("ix_complaints_center_status", "center_code", "status"),
        Index("ix_complaints_center_created_at", "center_code", "created_at"),
    )

    no: Mapped[str] = mapped_column(String(40), primary_key=True)
    center_code: Mapped[str] = center_column()
    #: in_person | phone | letter | website | hotline | rating
    channel: Mapped[str] = mapped_column(String(16))
    #: Personal data (see above); empty when anonymous.
    complainant_name: Mapped[str] = mapped_column(String(100), default="")
    complainant_contact: Mapped[str] = mapped_column(String(100), default="")
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    #: window | department | clerk | case | hall
    about_kind: Mapped[str] = mapped_column(String(16))
    about_window: Mapped[str | None] = mapped_column(String(16))
    about_department: Mapped[str | None] = mapped_column(String(32))
    about_clerk: Mapped[str | None] = mapped_column(String(64), index=True)
    about_case_no: Mapped[str | None] = mapped_column(String(40))
    #: attitude | delay | extra_materials | fees | misconduct | other
    category: Mapped[str] = mapped_column(String(24))
    account: Mapped[str] = mapped_column(Text)
    #: The department it is assigned to (answers it).
    department_code: Mapped[str | None] = mapped_column(String(32), index=True)
    #: The last working day of the department's answer (working days per category).
    due_date: Mapped[date | None] = mapped_column(Date)
    #: open | assigned | answered | called_back | closed | reopened
    status: Mapped[str] = mapped_column(String(16), default="open")
    reopened: Mapped[bool] = mapped_column(Boolean, default=False)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_by: Mapped[str | None] = mapped_column(String(64))
    #: 回访: satisfied | basically_satisfied | dissatisfied
    satisfaction: Mapped[str | None] = mapped_column(String(24))
    callback_note: Mapped[str | None] = mapped_column(Text)
    #: When it was first found overdue (escalated to the supervisor's list in red).
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Raised from a bad rating (``ratings.id``) or a 12345 work order.
    rating_id: Mapped[str | None] = mapped_column(String(36), index=True)
    hotline_order_no: Mapped[str | None] = mapped_column(String(64), index=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


class ComplaintEvent(Base):
    """One step of a complaint: taken | assigned | answered | called_back | closed |
    reopened | escalated."""

    __tablename__ = "complaint_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    complaint_no: Mapped[str] = mapped_column(ForeignKey("complaints.no"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by_user: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class SupervisionCard(Base):
    """A warning card (红牌/黄牌) to a window or department, with the cases, complaints and
    ratings behind it (``links``: ``{"cases": [...], "complaints": [...], "ratings":
    [...]}``); ``month`` (YYYY-MM, the center's local) for the bulletins."""

    __tablename__ = "supervision_cards"
    __table_args__ = (Index("ix_supervision_cards_center_month", "center_code", "month"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    center_code: Mapped[str] = center_column()
    colour: Mapped[str] = mapped_column(String(8))  # red | yellow
    target_kind: Mapped[str] = mapped_column(String(16))  # window | department
    target_code: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    links: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    by_user: Mapped[str] = mapped_column(String(64))
    month: Mapped[str] = mapped_column(String(7))


class ModelWindow(Base):
    """样板窗口: a window held up as an example for a month (YYYY-MM)."""

    __tablename__ = "model_windows"
    __table_args__ = (UniqueConstraint("center_code", "month", "window_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    center_code: Mapped[str] = center_column()
    month: Mapped[str] = mapped_column(String(7))
    window_code: Mapped[str] = mapped_column(ForeignKey("windows.code"))
    reason: Mapped[str] = mapped_column(Text)
    by_user: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class HotlineOrder(Base):
    """A 12345 work order (工单) posted by the hotline (``no``: the hotline's number);
    ``body`` as received and its hash (the same number with another body is refused)."""

    __tablename__ = "hotline_orders"
    __table_args__ = (
        Index("ix_hotline_orders_center_updated_at", "center_code", "updated_at"),
        Index("ix_hotline_orders_center_status", "center_code", "status"),
    )

    no: Mapped[str] = mapped_column(String(64), primary_key=True)
    center_code: Mapped[str] = center_column()
    kind: Mapped[str] = mapped_column(String(16))  # consultation | help | complaint | praise
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    body_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    caller_masked: Mapped[str] = mapped_column(String(100), default="")
    sign_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: received | signed | assigned | answered | returned | extended | redo
    status: Mapped[str] = mapped_column(String(16), default="received")
    department_code: Mapped[str | None] = mapped_column(String(32), index=True)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer: Mapped[str | None] = mapped_column(Text)
    return_reason: Mapped[str | None] = mapped_column(Text)
    extension: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    complaint_no: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


class HotlineEvent(Base):
    """One step of a work order (received, signed, assigned, answered, returned, ...)."""

    __tablename__ = "hotline_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    order_no: Mapped[str] = mapped_column(ForeignKey("hotline_orders.no"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by_user: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Presubmission(Base):
    """An online pre-submission (网上申报) posted by the website: ``YS-{center}-{yyyymmdd}-
    {seq:06d}``; ``external_id`` is the website's id (idempotency); ``applicant`` is kept as
    a case's."""

    __tablename__ = "presubmissions"
    __table_args__ = (
        UniqueConstraint("center_code", "external_id"),
        Index("ix_presubmissions_department_status", "center_code", "department_code", "status"),
    )

    no: Mapped[str] = mapped_column(String(40), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64))
    center_code: Mapped[str] = center_column()
    item_code: Mapped[str | None] = mapped_column(String(64))
    package_code: Mapped[str | None] = mapped_column(String(64))
    department_code: Mapped[str] = mapped_column(String(32))
    applicant: Mapped[dict[str, Any]] = mapped_column(JSON)
    form_data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: ``[{"name", "sha256", "size"}]``
    materials: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    body_hash: Mapped[str] = mapped_column(String(64), default="")
    #: submitted | accepted | online_accepted | supplement | taken_in | rejected
    status: Mapped[str] = mapped_column(String(16), default="submitted")
    review_note: Mapped[str | None] = mapped_column(Text)
    supplement_text: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str | None] = mapped_column(String(64))
    case_no: Mapped[str | None] = mapped_column(String(40), index=True)
    query_code: Mapped[str] = mapped_column(String(6))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Notification(Base):
    """A message to an applicant or complainant in the outbox (prereview | supplement |
    completed | complaint_answered); sent exactly once (``sent_at``)."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_center_sent_at", "center_code", "sent_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    center_code: Mapped[str] = center_column()
    kind: Mapped[str] = mapped_column(String(24))
    recipient_masked: Mapped[str] = mapped_column(String(100), default="")
    #: Personal data (see above): the phone number or address the sender uses.
    recipient: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    related_no: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: Migration 0017: when a failed notification is due again (backoff); None: now.
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Migration 0017: given up after ``notifications.MAX_ATTEMPTS`` failed attempts.
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


def writer_center(session: Session) -> str:
    """The center of whoever writes in ``session`` (see :data:`WRITER_CENTER`)."""
    code = session.info.get(WRITER_CENTER)
    if not code:
        raise MissingCenterError(
            "this session names no writer's center; open it through records_service.db"
        )
    return str(code)


def _window_center(session: Session, window_code: str | None) -> str | None:
    window = session.get(Window, window_code) if window_code else None
    return window.center_code if window is not None else None


def _case_center(session: Session, case: Case | None, case_id: str | None) -> str | None:
    if case is None and case_id:
        case = session.get(Case, case_id)
    if case is None:
        return None
    return case.center_code or _center_of(session, case)


def _center_of(session: Session, row: object) -> str:
    """The center a new ``row`` belongs to: its window's or case's, else the writer's."""
    found: str | None = None
    if isinstance(row, Case | Device | User | JointCase | PaymentNotice):
        found = _window_center(session, row.window_code)
    elif isinstance(row, CaseEvent):
        found = _case_center(session, row.case, row.case_id)
    elif isinstance(row, CaseDocument | Attachment):
        found = _case_center(session, None, row.case_id)
    elif isinstance(row, Rating):  # a ticket's rating with no case: its window's center
        found = _case_center(session, None, row.case_id) or _window_center(session, row.window_code)
    code = found or writer_center(session)
    row.center_code = code  # type: ignore[attr-defined]
    return code


_CENTER_OWNED = (
    Window,
    User,
    Device,
    CatalogVersion,
    Case,
    CaseEvent,
    CaseDocument,
    Attachment,
    Rating,
    Enrolment,
    JointCase,
    PaymentNotice,
    QueueCategory,
    QueueTicket,
    QueueCall,
    WindowPause,
    Appointment,
    Complaint,
    SupervisionCard,
    ModelWindow,
    HotlineOrder,
    Presubmission,
    Notification,
)


@event.listens_for(Session, "before_flush")
def stamp_centers(session: Session, _context: Any, _instances: Any) -> None:
    """Give every new record without a ``center_code`` its center (see the module doc)."""
    with session.no_autoflush:
        for row in list(session.new):
            if isinstance(row, _CENTER_OWNED) and row.center_code is None:
                _center_of(session, row)
