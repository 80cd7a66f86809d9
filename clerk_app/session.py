"""Signing in and what a signed-in window needs: catalog, sync engine.

These run on worker threads (the GUI calls them through its background helper); none of
them touches a widget.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from clerk_app import __version__
from clerk_app.core.catalog import Catalog
from clerk_app.logs import logger
from clerk_app.remote.api import RemoteError
from clerk_app.remote.sync import Backoff, SyncEngine

if TYPE_CHECKING:
    from clerk_app.context import AppContext

log = logger("app")

#: The local sequences, by the names the service reports its high-water marks under.
CASE_SEQUENCE = "case"
DOCUMENT_SEQUENCE = "document"


class NoCatalogError(RuntimeError):
    """Signed in, but there is no catalog: never fetched, and the service is unreachable."""


@dataclass(frozen=True)
class Session:
    """A clerk signed in at this window."""

    username: str
    display_name: str
    roles: tuple[str, ...]
    window_code: str
    window_name: str
    department: str
    access_token: str | None
    expires_at: datetime | None
    offline: bool = False


def sign_in(context: AppContext, username: str, password: str) -> Session:
    """Sign in online: keep the tokens, raise the numbering floors to the service's marks.

    Raises:
        ApiError: wrong credentials (401), locked out (429), client too old (426), …
        NetworkError / TlsError: the service cannot be reached, or its certificate is not
            trusted.
    """
    prov = context.provisioning
    result = context.api.login(username, password, prov.window_code, context.device_id, __version__)
    context.tokens.set_user_token(prov.window_code, username, result.access_token)
    if result.device_token:
        context.tokens.set_device_token(prov.window_code, context.device_id, result.device_token)
    for name, value in result.sequence_high_water.items():
        # A reinstalled client never hands out a number the service has already seen.
        context.store.raise_floor(name, int(value))
    window = result.window or {}
    user = result.user or {}
    session = Session(
        username=str(user.get("username") or username),
        display_name=str(user.get("display_name") or username),
        roles=tuple(user.get("roles") or ()),
        window_code=str(window.get("code") or prov.window_code),
        window_name=str(window.get("name") or prov.window_name),
        department=str(window.get("department") or prov.department),
        access_token=result.access_token,
        expires_at=result.expires_at,
    )
    log.info("signed in as %s at window %s", session.username, session.window_code)
    return session


def load_catalog(context: AppContext, session: Session) -> Catalog:
    """The catalog: refreshed with If-None-Match into the local cache; the cache offline."""
    cached = context.store.load_catalog()
    if session.access_token:
        try:
            answer = context.api.catalog(session.access_token, cached.etag if cached else None)
        except RemoteError as exc:
            if cached is None:
                raise
            log.warning("catalog refresh failed, using the cached copy: %s", exc)
        else:
            if not answer.not_modified and answer.data is not None:
                catalog = Catalog.from_dict(answer.data)
                context.store.save_catalog(
                    json.dumps(answer.data, ensure_ascii=False),
                    catalog.version,
                    answer.etag,
                    context.clock.now(),
                )
                log.info("catalog %s fetched (%d items)", catalog.version, len(catalog.items))
                return catalog
    if cached is None:
        raise NoCatalogError("no catalog yet: the service must be reached once")
    return Catalog.from_dict(json.loads(cached.json_text))


def sync_engine(context: AppContext, session: Session) -> SyncEngine:
    """The outbox sender for this window (runs on the sync worker thread)."""
    return SyncEngine(
        context.store,
        context.api,
        context.tokens,
        context.clock,
        Backoff(cap=float(context.settings["sync.max_backoff_seconds"])),
        window_code=context.provisioning.window_code,
        device_id=context.device_id,
        username=session.username,
    )
