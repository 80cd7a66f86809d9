"""REST client for the records service, the outbox sync engine and token storage."""

from clerk_app.remote.api import (
    ApiClient,
    ApiError,
    BadResponseError,
    CatalogResponse,
    Health,
    LoginResult,
    NetworkError,
    RemoteError,
    TlsError,
)
from clerk_app.remote.sync import Backoff, PushResult, SyncEngine
from clerk_app.remote.tokens import TokenStore

__all__ = [
    "ApiClient",
    "ApiError",
    "Backoff",
    "BadResponseError",
    "CatalogResponse",
    "Health",
    "LoginResult",
    "NetworkError",
    "PushResult",
    "RemoteError",
    "SyncEngine",
    "TlsError",
    "TokenStore",
]
