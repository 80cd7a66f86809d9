"""Local SQLite store: cases, outbox, sequences, catalog cache, journal; migrations."""

from clerk_app.store.db import (
    CannotOpenError,
    CorruptDatabaseError,
    Database,
    DatabaseLockedError,
    DiskFullError,
    StoreError,
)
from clerk_app.store.local import CachedCatalog, LocalStore, OutboxRow

__all__ = [
    "CachedCatalog",
    "CannotOpenError",
    "CorruptDatabaseError",
    "Database",
    "DatabaseLockedError",
    "DiskFullError",
    "LocalStore",
    "OutboxRow",
    "StoreError",
]
