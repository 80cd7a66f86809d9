"""Local SQLite store: cases, outbox, sequences, catalog cache, journal; migrations."""

from clerk_app.store.db import (
    CannotOpenError,
    CorruptDatabaseError,
    Database,
    DatabaseLockedError,
    DiskFullError,
    StoreError,
)
from clerk_app.store.local import CachedCatalog, CaseEvent, CaseRecord, LocalStore, OutboxRow

__all__ = [
    "CachedCatalog",
    "CannotOpenError",
    "CaseEvent",
    "CaseRecord",
    "CorruptDatabaseError",
    "Database",
    "DatabaseLockedError",
    "DiskFullError",
    "LocalStore",
    "OutboxRow",
    "StoreError",
]
