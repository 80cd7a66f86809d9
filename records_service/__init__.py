"""Window Clerk central records service (FastAPI)."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("window-clerk")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

API_PREFIX = "/api/v1"
