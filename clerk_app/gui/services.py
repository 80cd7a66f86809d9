"""The functions the GUI calls into the rest of the application, in one replaceable bundle.

The GUI never talks to the store, the service or the document writer directly: it calls
these hooks (on worker threads where they are slow). ``default_hooks()`` wires them to the
application's modules; tests may pass their own.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("clerk.gui")


@dataclass(frozen=True)
class Hooks:
    """What the GUI needs from the application.

    Attributes:
        sign_in: ``(context, username, password) -> session`` (worker thread).
        load_catalog: ``(context, session) -> Catalog`` (worker thread).
        calendar: ``(context) -> WorkCalendar`` (GUI thread; must be quick).
        make_draft: ``(form, item, session) -> IntakeDraft`` (GUI thread).
        take_in: ``(context, session, draft, item) -> TakenCase`` (the DB writer thread).
        sync_engine: ``(context, session) -> engine with push_once()`` or None.
    """

    sign_in: Callable[[Any, str, str], Any]
    load_catalog: Callable[[Any, Any], Any]
    calendar: Callable[[Any], Any]
    make_draft: Callable[[Any, Any, Any], Any]
    take_in: Callable[[Any, Any, Any, Any], Any]
    sync_engine: Callable[[Any, Any], Any]


def _find(candidates: list[tuple[str, str]]) -> Callable[..., Any] | None:
    for module_name, attr in candidates:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        fn = getattr(module, attr, None)
        if fn is not None:
            return fn
    return None


def default_hooks() -> Hooks:
    """The application's own functions (``clerk_app.context``, ``clerk_app.intake_service``)."""
    from clerk_app.gui import wiring

    return Hooks(
        sign_in=_find([("clerk_app.context", "sign_in"), ("clerk_app.session", "sign_in")])
        or wiring.sign_in,
        load_catalog=_find([("clerk_app.context", "load_catalog")]) or wiring.load_catalog,
        calendar=_find([("clerk_app.context", "work_calendar")]) or wiring.work_calendar,
        make_draft=wiring.make_draft,
        take_in=_find([("clerk_app.intake_service", "take_in_case")]) or wiring.take_in_missing,
        sync_engine=_find([("clerk_app.context", "sync_engine")]) or wiring.sync_engine,
    )
