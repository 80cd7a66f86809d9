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

MIGRATIONS: tuple[str, ...] = (MIGRATION_1,)
"""All migrations, oldest first; ``len(MIGRATIONS)`` is the current schema version."""

SCHEMA_VERSION = len(MIGRATIONS)
