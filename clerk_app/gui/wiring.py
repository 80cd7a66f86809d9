"""Plain implementations of the GUI hooks over the context's parts.

Used by ``services.default_hooks()`` where ``clerk_app.context`` offers no function of its
own. None of these touch widgets except ``make_draft``, which reads the form on the GUI
thread.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from clerk_app import __version__

log = logging.getLogger("clerk.gui")


@dataclass(frozen=True)
class Session:
    """A signed-in clerk at this window."""

    username: str
    display_name: str
    roles: tuple[str, ...]
    window_code: str
    window_name: str
    department: str
    access_token: str | None
    expires_at: datetime | None
    offline: bool = False


def sign_in(context: Any, username: str, password: str) -> Session:
    """Sign in online (worker thread): store the tokens, raise the number floors."""
    prov = context.provisioning
    result = context.api.login(username, password, prov.window_code, context.device_id, __version__)
    context.tokens.set_user_token(prov.window_code, username, result.access_token)
    if result.device_token:
        context.tokens.set_device_token(prov.window_code, context.device_id, result.device_token)
    for name, value in result.sequence_high_water.items():
        # Never reuse a number the service has already seen from this window.
        context.store.raise_floor(name, int(value))
    window = result.window or {}
    user = result.user or {}
    return Session(
        username=str(user.get("username") or username),
        display_name=str(user.get("display_name") or username),
        roles=tuple(user.get("roles") or ()),
        window_code=str(window.get("code") or prov.window_code),
        window_name=str(window.get("name") or getattr(prov, "window_name", "")),
        department=str(window.get("department") or prov.department),
        access_token=result.access_token,
        expires_at=result.expires_at,
    )


def load_catalog(context: Any, session: Any) -> Any:
    """The catalog: fetched with ETag into the local cache; the cache when offline."""
    from clerk_app.core.catalog import Catalog

    cached = context.store.load_catalog()
    token = getattr(session, "access_token", None)
    if token:
        try:
            answer = context.api.catalog(token, cached.etag if cached else None)
        except Exception as exc:
            if cached is None:
                raise
            log.warning("catalog refresh failed, using the cached copy: %s", exc)
        else:
            if not answer.not_modified and answer.data is not None:
                text = json.dumps(answer.data, ensure_ascii=False)
                context.store.save_catalog(
                    text, answer.data.get("version"), answer.etag, context.clock.now()
                )
                return Catalog.from_dict(answer.data)
    if cached is None:
        raise RuntimeError("no catalog: sign in online once to fetch it")
    return Catalog.from_dict(json.loads(cached.json_text))


def work_calendar(context: Any) -> Any:
    from clerk_app.core.calendar import WorkCalendar

    return getattr(context, "calendar", None) or WorkCalendar.builtin()


def make_draft(form: Any, item: Any, session: Any) -> Any:
    """The ``core.intake.IntakeDraft`` of what the form holds (GUI thread)."""
    return form.draft()


def take_in_missing(context: Any, session: Any, draft: Any, item: Any) -> Any:
    raise RuntimeError("clerk_app.intake_service.take_in_case is not available")


def sync_engine(context: Any, session: Any) -> Any:
    from clerk_app.remote.sync import SyncEngine

    return SyncEngine(
        context.store,
        context.api,
        context.tokens,
        context.clock,
        window_code=context.provisioning.window_code,
        device_id=context.device_id,
        username=getattr(session, "username", None),
    )
