"""The application functions the desk's ``Desk`` calls at sign-in, in one replaceable bundle.

``default_hooks()`` wires them to the application layer (``clerk_app.app``); tests replace
one of them (``dataclasses.replace(default_hooks(), sync_engine=...)``) to watch or stub it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session
    from clerk_app.app.sync import SyncEngine
    from clerk_app.app.take_in import TakenCase
    from clerk_app.core.calendar import WorkCalendar
    from clerk_app.core.catalog import Catalog, Item
    from clerk_app.core.intake import IntakeDraft


def _calendar(context: AppContext) -> WorkCalendar:
    return context.calendar


def _sign_in(context: AppContext, username: str, password: str) -> Session:
    from clerk_app.app.session import sign_in

    return sign_in(context, username, password)


def _sign_out(context: AppContext, session: Session) -> None:
    from clerk_app.app.session import sign_out

    sign_out(context, session)


def _unlock(context: AppContext, session: Session, password: str) -> None:
    from clerk_app.app.session import unlock

    unlock(context, session, password)


def _load_catalog(context: AppContext, session: Session) -> Catalog:
    from clerk_app.app.catalog import load_catalog

    return load_catalog(context, session)


def _take_in(context: AppContext, session: Session, draft: IntakeDraft, item: Item) -> TakenCase:
    from clerk_app.app.take_in import take_in_case

    return take_in_case(context, session, draft, item)


def _sync_engine(context: AppContext, session: Session) -> SyncEngine | None:
    from clerk_app.app.sync import sync_engine

    return sync_engine(context, session)


@dataclass(frozen=True)
class Hooks:
    """What the desk calls into the application layer.

    Attributes:
        sign_in: online or offline sign-in (worker thread).
        load_catalog: the catalog, refreshed or cached (worker thread).
        calendar: the work calendar due dates are counted with (GUI thread; quick).
        take_in: take one case in; returns the ``TakenCase`` (the database writer thread).
        sync_engine: the outbox sender of the signed-in window, or None for none.
        sign_out: end the session at the service and forget its token (worker thread).
        unlock: check the clerk's password to lift the idle lock (worker thread; raises).
    """

    sign_in: Callable[[AppContext, str, str], Session] = _sign_in
    load_catalog: Callable[[AppContext, Session], Catalog] = _load_catalog
    calendar: Callable[[AppContext], WorkCalendar] = _calendar
    take_in: Callable[[AppContext, Session, IntakeDraft, Item], TakenCase] = _take_in
    sync_engine: Callable[[AppContext, Session], SyncEngine | None] = _sync_engine
    sign_out: Callable[[AppContext, Session], None] = _sign_out
    unlock: Callable[[AppContext, Session, str], None] = _unlock


def default_hooks() -> Hooks:
    """The application's own functions."""
    return Hooks()
