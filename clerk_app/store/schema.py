"""The local database schema as an ordered list of migrations.

Migration *i* (0-based) takes ``PRAGMA user_version`` from *i* to *i + 1*. Never edit a
migration that has shipped: append a new one.

Machine timestamps (``created_at``, ``next_try_at``, ``sent_at``, …) are stored as UTC ISO 8601
strings with microseconds (``2026-11-28T01:30:00.000000+00:00``), so they compare correctly
as text. Times that belong to the case itself (``received_at``) keep the offset the client
gave them.
"""

from __future__ import annotations

MIGRATION_1 = """
CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE sequences (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

CREATE TABLE catalog_cache (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    TEXT,
    etag       TEXT,
    json       TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);

CREATE TABLE cases (
    id              TEXT PRIMARY KEY,
    case_no         TEXT NOT NULL UNIQUE,
    query_code      TEXT,
    item_code       TEXT NOT NULL,
    window_code     TEXT NOT NULL,
    status          TEXT NOT NULL,
    disposition     TEXT NOT NULL,
    applicant_json  TEXT NOT NULL,
    payload_json    TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    due_date        TEXT,
    due_provisional INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    server_state    TEXT NOT NULL DEFAULT 'pending'
        CHECK (server_state IN ('pending', 'synced', 'rejected'))
);
CREATE INDEX cases_window ON cases (window_code, received_at);

CREATE TABLE case_events (
    id        TEXT PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    type      TEXT NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT,
    note      TEXT,
    data_json TEXT
);
CREATE INDEX case_events_case ON case_events (case_id, at);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         TEXT REFERENCES cases (id),
    kind            TEXT NOT NULL,
    method          TEXT NOT NULL,
    path            TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    body_json       TEXT,
    body_hash       TEXT,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_try_at     TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sent', 'rejected')),
    sent_at         TEXT,
    response_status INTEGER,
    response_json   TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_try_at);
CREATE INDEX outbox_case ON outbox (case_id, state, id);

CREATE TABLE journal (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    area    TEXT NOT NULL,
    message TEXT NOT NULL
);
"""

MIGRATION_2 = """
CREATE TABLE calendar_cache (
    year       INTEGER PRIMARY KEY,
    etag       TEXT,
    json       TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);

CREATE TABLE sync_state (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    changes_cursor      TEXT,
    last_contact_at     TEXT,
    last_server_date    TEXT,
    clock_skew_seconds  REAL,
    last_report_at      TEXT,
    last_error          TEXT
);
INSERT INTO sync_state (id) VALUES (1);

CREATE TABLE local_credentials (
    window_code   TEXT NOT NULL,
    username      TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    session_json  TEXT NOT NULL,
    verified_at   TEXT NOT NULL,
    PRIMARY KEY (window_code, username)
);

ALTER TABLE journal ADD COLUMN kind TEXT NOT NULL DEFAULT 'note';
ALTER TABLE journal ADD COLUMN data_json TEXT;
ALTER TABLE journal ADD COLUMN prev_hash TEXT;
ALTER TABLE journal ADD COLUMN hash TEXT;
"""
"""Calendar cache with ETags, sync state (cursor, last contact, clock skew), offline
sign-in hashes, and the journal's hash chain (``kind`` 'note' or 'write')."""

MIGRATION_3 = """
CREATE TABLE ratings (
    id        TEXT PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES cases (id),
    score     INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment   TEXT NOT NULL DEFAULT '',
    rated_at  TEXT NOT NULL,
    clerk     TEXT NOT NULL
);
CREATE INDEX ratings_case ON ratings (case_id);
"""
"""好差评 given at the window, kept locally beside their outbox rows."""

MIGRATION_4 = """
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases (id),
    case_no     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    document_no TEXT NOT NULL,
    path        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    issued_at   TEXT NOT NULL,
    clerk       TEXT NOT NULL,
    reprint     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
CREATE INDEX documents_case ON documents (case_id, issued_at);
CREATE UNIQUE INDEX documents_original ON documents (document_no) WHERE reprint = 0;
"""
"""Every document issued or reprinted at the window: its number, archived PDF and SHA-256."""

MIGRATION_5 = """
ALTER TABLE cases ADD COLUMN applicant_name TEXT
    GENERATED ALWAYS AS (coalesce(json_extract(applicant_json, '$.name'), '')) VIRTUAL;
ALTER TABLE cases ADD COLUMN id_last4 TEXT
    GENERATED ALWAYS AS (
        upper(substr(coalesce(json_extract(applicant_json, '$.id_number'), ''), -4))
    ) VIRTUAL;
ALTER TABLE cases ADD COLUMN phone TEXT
    GENERATED ALWAYS AS (coalesce(json_extract(applicant_json, '$.phone'), '')) VIRTUAL;
CREATE INDEX cases_window_due ON cases (window_code, due_date, case_no);
CREATE INDEX cases_window_status ON cases (window_code, status, due_date);
CREATE INDEX cases_window_name ON cases (window_code, applicant_name);
CREATE INDEX cases_window_id4 ON cases (window_code, id_last4);
CREATE INDEX cases_window_phone ON cases (window_code, phone);
CREATE INDEX cases_window_received ON cases (window_code, received_at DESC, case_no DESC);

CREATE TABLE outbox_v5 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         TEXT REFERENCES cases (id),
    kind            TEXT NOT NULL,
    method          TEXT NOT NULL,
    path            TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    body_json       TEXT,
    body_hash       TEXT,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_try_at     TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sent', 'rejected', 'voided')),
    sent_at         TEXT,
    response_status INTEGER,
    response_json   TEXT,
    resolved_at     TEXT,
    resolved_by     TEXT,
    resolution_note TEXT
);
INSERT INTO outbox_v5 (id, case_id, kind, method, path, idempotency_key, body_json, body_hash,
    created_at, attempts, last_error, next_try_at, state, sent_at, response_status,
    response_json)
SELECT id, case_id, kind, method, path, idempotency_key, body_json, body_hash, created_at,
    attempts, last_error, next_try_at, state, sent_at, response_status, response_json
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v5 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (state, next_try_at);
CREATE INDEX outbox_case ON outbox (case_id, state, id);
"""
"""The worklist: applicant name, ID last 4 and phone as indexed generated columns (computed
for existing rows too, never out of step with the applicant), due-date and status indexes;
the outbox gains the state ``voided`` (a rejected item the clerk gave up, with who, when and
why: ``resolved_*``)."""

MIGRATION_6 = """
ALTER TABLE documents ADD COLUMN data_json TEXT;
DROP INDEX documents_original;
CREATE UNIQUE INDEX documents_original ON documents (document_no, kind) WHERE reprint = 0;
"""
"""Archived documents keep the data they were rendered from (``data_json``), so a reprint
shows what was issued; an original number is unique per kind (the 80 mm slip is archived
under its receipt's number)."""

MIGRATION_7 = """
CREATE TABLE parked_intakes (
    id          TEXT PRIMARY KEY,
    window_code TEXT NOT NULL,
    clerk       TEXT NOT NULL,
    item_code   TEXT,
    state_json  TEXT NOT NULL,
    parked_at   TEXT NOT NULL
);
CREATE INDEX parked_window ON parked_intakes (window_code, parked_at);
"""
"""Unfinished intakes parked (暂存) at the window, resumable after a restart
(``clerk_app.store.parked``)."""

MIGRATION_8 = """
CREATE TABLE conflicts (
    case_id      TEXT PRIMARY KEY REFERENCES cases (id),
    case_no      TEXT NOT NULL,
    detected_at  TEXT NOT NULL,
    center_json  TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
    resolution   TEXT,
    resolved_by  TEXT,
    resolved_at  TEXT
);
CREATE INDEX conflicts_open ON conflicts (state, detected_at);
"""
"""Cases whose version from the center (``GET /changes``) disagrees with this desk's unsent
or refused events: the center's version is kept here until the clerk decides."""

MIGRATION_9 = """
ALTER TABLE cases ADD COLUMN joint_case_no TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN stage TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN department_code TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_joint ON cases (joint_case_no, case_no) WHERE joint_case_no <> '';
CREATE INDEX cases_department ON cases (department_code, status, due_date)
    WHERE department_code <> '';

CREATE TABLE joint_cases (
    id             TEXT PRIMARY KEY,
    joint_no       TEXT NOT NULL UNIQUE,
    query_code     TEXT,
    package_code   TEXT NOT NULL,
    window_code    TEXT NOT NULL,
    applicant_json TEXT NOT NULL,
    payload_json   TEXT NOT NULL,
    received_at    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    server_state   TEXT NOT NULL DEFAULT 'pending'
        CHECK (server_state IN ('pending', 'synced', 'rejected')),
    status         TEXT NOT NULL DEFAULT 'in_progress'
);
CREATE INDEX joint_cases_window ON joint_cases (window_code, received_at);
"""
"""Joint cases (联合审批 / 一件事, issue 16): a case names its joint case, stage and assigned
department ('' for an ordinary case); ``joint_cases`` keeps the joint record taken in here
(its parts are ordinary ``cases`` rows; its one outbox row, kind ``create_joint_case``, has
the joint id as its Idempotency-Key and no ``case_id``). ``status`` is ``in_progress``,
``completed`` or ``voided``."""

MIGRATION_10 = """
CREATE TABLE payment_notices (
    id            TEXT PRIMARY KEY,
    notice_no     TEXT NOT NULL UNIQUE,
    case_no       TEXT NOT NULL,
    window_code   TEXT NOT NULL,
    total_fen     INTEGER NOT NULL CHECK (total_fen >= 0),
    status        TEXT NOT NULL DEFAULT 'issued'
        CHECK (status IN ('issued', 'paid', 'cancelled', 'refunded')),
    payment_code  TEXT NOT NULL DEFAULT '',
    payload_json  TEXT NOT NULL,
    issued_at     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX payment_notices_case ON payment_notices (case_no, notice_no);
"""
"""Payment notices (缴款通知书, issue 17) issued at this window (``store.fees``): the notice
as issued (``payload_json``: payer, lines, waiver, clerk), its status and the payment code
(缴款码) once the center's answer or a pull brought it. Money is integer fen."""

MIGRATION_11 = """
CREATE TABLE cashier_notices (
    notice_no    TEXT PRIMARY KEY,
    payment_code TEXT NOT NULL DEFAULT '',
    total_fen    INTEGER NOT NULL CHECK (total_fen >= 0),
    notice_json  TEXT NOT NULL,
    pulled_at    TEXT NOT NULL
);
CREATE INDEX cashier_notices_code ON cashier_notices (payment_code) WHERE payment_code <> '';

CREATE TABLE receipt_stock (
    code        TEXT NOT NULL,
    first       INTEGER NOT NULL,
    last        INTEGER NOT NULL,
    cashier     TEXT NOT NULL,
    next_number INTEGER NOT NULL,
    pulled_at   TEXT NOT NULL,
    PRIMARY KEY (code, first),
    CHECK (first <= last AND first <= next_number AND next_number <= last + 1)
);

CREATE TABLE cashier_payments (
    id             TEXT PRIMARY KEY,
    notice_no      TEXT NOT NULL UNIQUE,
    cashier        TEXT NOT NULL,
    method         TEXT NOT NULL CHECK (method = 'cash'),
    amount_fen     INTEGER NOT NULL CHECK (amount_fen >= 0),
    received_fen   INTEGER NOT NULL CHECK (received_fen >= amount_fen),
    change_fen     INTEGER NOT NULL CHECK (change_fen = received_fen - amount_fen),
    paid_at        TEXT NOT NULL,
    receipt_code   TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    to_confirm     INTEGER NOT NULL DEFAULT 0 CHECK (to_confirm IN (0, 1)),
    notice_json    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    UNIQUE (receipt_code, receipt_number)
);
CREATE INDEX cashier_payments_day ON cashier_payments (cashier, paid_at);
"""
"""The offline cashier (issue 17, ``store.cashier``): the center's unpaid notices pulled
while online (``notice_json`` as the service answered), the paper receipt stock allotted to
this desk's cashiers (``next_number``: the next blank form, taken in the payment's own
transaction), and the cash payments taken on paper with the link down (each with ONE outbox
row, kind ``cashier_payment``, Idempotency-Key = the payment id; ``to_confirm``: the notice
was not pulled, entered by its number and checked against the catalog). A receipt number
is used once (UNIQUE), a notice paid once here (UNIQUE). Money is integer fen."""

MIGRATION_12 = """
CREATE TABLE kiosk_tickets (
    id               TEXT PRIMARY KEY,
    day              TEXT NOT NULL,
    category         TEXT NOT NULL,
    category_name    TEXT NOT NULL,
    number           TEXT NOT NULL,
    seq              INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999),
    offline          INTEGER NOT NULL CHECK (offline IN (0, 1)),
    priority_class   TEXT NOT NULL DEFAULT '',
    appointment_code TEXT NOT NULL DEFAULT '',
    people_ahead     INTEGER,
    query_code       TEXT NOT NULL DEFAULT '',
    issued_at        TEXT NOT NULL,
    printed_at       TEXT,
    prints           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (day, number)
);
CREATE INDEX kiosk_tickets_offline ON kiosk_tickets (day, category, seq) WHERE offline = 1;
CREATE INDEX kiosk_tickets_unprinted ON kiosk_tickets (issued_at) WHERE printed_at IS NULL;
"""
"""The ticket kiosk's tickets (issue 18, ``store.kiosk``): every ticket this kiosk issued,
online (numbered by the service, ``people_ahead`` known) or printed from its offline block
while cut off (``offline`` = 1, ``people_ahead`` NULL: 人数待定; each with ONE outbox row,
kind ``queue_ticket``, Idempotency-Key = the ticket id). ``printed_at`` stays NULL until the
ticket is on paper, so a ticket whose printer ran out of paper is kept for its reprint."""

MIGRATION_13 = """
CREATE TABLE case_scans (
    id             TEXT PRIMARY KEY,
    case_no        TEXT NOT NULL,
    material_code  TEXT NOT NULL,
    page           INTEGER NOT NULL CHECK (page >= 1),
    path           TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    size           INTEGER NOT NULL,
    media_type     TEXT NOT NULL,
    scanned_at     TEXT NOT NULL,
    UNIQUE (case_no, material_code, page)
);
CREATE INDEX case_scans_case ON case_scans (case_no, material_code, page);
"""
"""The pages scanned at the counter for a case's materials (issue 22, ``store.scans``): each
a file sealed in the documents folder (``path``, relative to it); ``sha256`` and ``size``
are the plain image's. Sending them to the service is a later step (no outbox row yet)."""

MIGRATION_14 = """
ALTER TABLE case_scans ADD COLUMN sent_bytes INTEGER NOT NULL DEFAULT 0;
"""
"""Attachments reach the center exactly once (issue 22): ``sent_bytes`` is how many bytes
of the page the service has acknowledged (its upload id is the page's id), so a dropped
link or a restarted desk goes on from the last acknowledged chunk; ``size`` means sent."""

MIGRATION_15 = """
CREATE INDEX cases_expiry ON cases (status, updated_at) WHERE server_state = 'synced';
"""
"""The retention purge at every start (``store.retention``) reads the synced cases of the
closed statuses changed before its cutoff as a range of this index instead of scanning every
case (a desk keeps 100,000); a case the center has not confirmed is not in it."""

MIGRATIONS: tuple[str, ...] = (
    MIGRATION_1,
    MIGRATION_2,
    MIGRATION_3,
    MIGRATION_4,
    MIGRATION_5,
    MIGRATION_6,
    MIGRATION_7,
    MIGRATION_8,
    MIGRATION_9,
    MIGRATION_10,
    MIGRATION_11,
    MIGRATION_12,
    MIGRATION_13,
    MIGRATION_14,
    MIGRATION_15,
)
"""All migrations, oldest first; ``len(MIGRATIONS)`` is the current schema version."""

SCHEMA_VERSION = len(MIGRATIONS)
