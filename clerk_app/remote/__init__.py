"""REST client for the records service, the outbox sync engine and token storage.

The names below are loaded at their first use (PEP 562), so importing one submodule (the
start imports ``remote.api`` and ``remote.tokens``) does not import the sync engine and its
link keeper before the sign-in window is shown (issue 21).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE = {
    **dict.fromkeys(
        (
            "ApiClient",
            "ApiError",
            "BadResponseError",
            "CatalogResponse",
            "Health",
            "LoginResult",
            "NetworkError",
            "RemoteError",
            "TlsError",
        ),
        "clerk_app.remote.api",
    ),
    **dict.fromkeys(("Backoff", "PushResult", "SyncEngine"), "clerk_app.remote.sync"),
    "TokenStore": "clerk_app.remote.tokens",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


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
