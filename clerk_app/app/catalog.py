"""The service catalog of a signed-in window: refreshed from the service, cached locally.

Runs on a worker thread; touches no widget.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from clerk_app.core.catalog import Catalog
from clerk_app.core.errors import NoCatalog
from clerk_app.logs import logger
from clerk_app.remote.api import RemoteError

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

log = logger("app")


class NoCatalogError(NoCatalog, RuntimeError):
    """Signed in, but there is no catalog: never fetched, and the service is unreachable."""


def load_catalog(context: AppContext, session: Session) -> Catalog:
    """The catalog: refreshed with If-None-Match into the local cache; the cache offline."""
    cached = context.backend.store.load_catalog()
    if session.access_token:
        try:
            answer = context.backend.api.catalog(
                session.access_token, cached.etag if cached else None
            )
        except RemoteError as exc:
            if cached is None:
                raise
            log.warning("catalog refresh failed, using the cached copy: %s", exc)
        else:
            if not answer.not_modified and answer.data is not None:
                catalog = Catalog.from_dict(answer.data)
                context.backend.store.save_catalog(
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
