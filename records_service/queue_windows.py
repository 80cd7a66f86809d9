"""A window's pauses of service (暂停服务, issue 18): while a pause is open the window gets
no ticket from ``POST /queue/next`` and its own screen shows the reason.

One open pause per window at a time (``resumed_at`` empty); the pauses stay as the lead's
record of why a window stopped (``GET /workload/queue``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from records_service import reach
from records_service.case_views import iso
from records_service.deps import Principal
from records_service.models import Window, WindowPause
from records_service.problems import ProblemError


def open_pause(session: Session, window_code: str) -> WindowPause | None:
    """The window's pause still open, if any (the latest one)."""
    return session.scalars(
        select(WindowPause)
        .where(WindowPause.window_code == window_code, WindowPause.resumed_at.is_(None))
        .order_by(WindowPause.id.desc())
    ).first()


def is_paused(session: Session, window_code: str) -> bool:
    """Whether the window has stopped calling (a pause is open)."""
    return open_pause(session, window_code) is not None


def own_window(session: Session, principal: Principal, window_code: str) -> Window:
    """The window ``window_code`` if ``principal`` works at it (a clerk signed in there or
    its desk); any other window answers 404 like an unknown one (``reach``)."""
    window = session.get(Window, window_code)
    if window is None or principal.window_code != window_code:
        raise reach.not_found(f"window {window_code}")
    return window


def by_whom(principal: Principal) -> str:
    """Who paused or resumed: the clerk, or the desk credential."""
    return principal.actor[:64]


def pause(session: Session, window_code: str, reason: str, by: str, now: datetime) -> WindowPause:
    """Open a pause of ``window_code``; 409 ``already-paused`` if one is open."""
    if is_paused(session, window_code):
        raise ProblemError(
            409,
            "already-paused",
            f"Window {window_code} is paused already; resume it first.",
            title="Paused already",
        )
    row = WindowPause(window_code=window_code, paused_at=now, reason=reason, by_user=by)
    session.add(row)
    session.flush()
    return row


def resume(session: Session, window_code: str, now: datetime) -> WindowPause:
    """Close the window's open pause; 409 ``not-paused`` without one."""
    row = open_pause(session, window_code)
    if row is None:
        raise ProblemError(
            409, "not-paused", f"Window {window_code} is not paused.", title="Not paused"
        )
    row.resumed_at = max(now, row.paused_at)
    session.flush()
    return row


def pause_public(row: WindowPause) -> dict[str, Any]:
    return {
        "id": row.id,
        "window_code": row.window_code,
        "paused_at": iso(row.paused_at),
        "resumed_at": iso(row.resumed_at),
        "reason": row.reason,
        "by": row.by_user,
    }


def pauses_between(
    session: Session, windows: list[str], start: datetime, end: datetime
) -> list[WindowPause]:
    """The pauses of ``windows`` that overlap ``start``–``end`` (open ones included),
    earliest first."""
    return list(
        session.scalars(
            select(WindowPause)
            .where(
                WindowPause.window_code.in_(windows),
                WindowPause.paused_at < end,
                (WindowPause.resumed_at.is_(None)) | (WindowPause.resumed_at > start),
            )
            .order_by(WindowPause.paused_at, WindowPause.id)
        )
    )
