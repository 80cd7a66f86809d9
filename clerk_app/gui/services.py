"""The functions the GUI calls into the rest of the application, in one replaceable bundle.

The GUI never talks to the store, the service or the document writer directly: it calls
these hooks (on worker threads where they are slow). ``default_hooks()`` wires them to
``clerk_app.session`` and ``clerk_app.intake_service``; tests may pass their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Hooks:
    """What the GUI needs from the application.

    Attributes:
        sign_in: ``(context, username, password) -> Session`` (worker thread).
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


def _calendar(context: Any) -> Any:
    return context.calendar


def _make_draft(form: Any, item: Any, session: Any) -> Any:
    return form.draft()


def _take_in(context: Any, session: Any, draft: Any, item: Any) -> Any:
    from clerk_app.intake_service import take_in_case

    return take_in_case(context, session, draft, item)


def default_hooks() -> Hooks:
    """The application's own functions."""
    from clerk_app import session

    return Hooks(
        sign_in=session.sign_in,
        load_catalog=session.load_catalog,
        calendar=_calendar,
        make_draft=_make_draft,
        take_in=_take_in,
        sync_engine=session.sync_engine,
    )
