"""Calling at the window (叫号, issue 18): the use cases of the desk's calling bar.

The window calls its next ticket (or a number typed at the counter, e.g. a ticket a kiosk
printed while cut off: ``A812``), calls it again, marks it a no-show (过号), transfers it
to another category or window (it keeps its place), pauses and resumes its service (暂停服务,
with a reason) and finishes the visit with the cases taken in meanwhile. Then the visit's
one rating (一次一评): :func:`rate_visit` queues ``POST /visits/ratings`` in the outbox in
one transaction (so it survives a dead link and is sent once, after the visit's cases).

Every refusal the clerk can act on is a :class:`QueueRefused` with a ``reason`` the GUI
words (a mistyped number, a category the window does not serve, a closed window ...).
Calls to the service run on a worker thread; :func:`rate_visit` on the database writer.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clerk_app.app.context import has_local_store
from clerk_app.core import queue as rules
from clerk_app.core.errors import CertificateNotTrusted, Offline, UserError
from clerk_app.core.queue_calls import IDLE, PAUSED, SERVING, WindowState, window_label
from clerk_app.remote import queue_window_api as api
from clerk_app.remote.api import ApiError
from clerk_app.remote.queue_window_api import HallCategory, WindowNow, WindowTicket

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

__all__ = [
    "HallCategory",
    "QueueRefused",
    "Visit",
    "WindowNow",
    "WindowTicket",
    "call_next",
    "categories",
    "finish",
    "may_resend",
    "new_step_key",
    "no_show",
    "pause",
    "rate_visit",
    "recall",
    "resume",
    "transfer",
    "typed_number",
    "window_now",
    "window_state",
]

#: The outbox kind of a visit's rating.
KIND_VISIT_RATING = "visit_rating"

#: Why the service (or the desk) refused, as :attr:`QueueRefused.reason`.
REASONS = frozenset(
    {
        "wrong-number",  # not a ticket number, or a letter no category has
        "none-waiting",  # nobody waits for the window's categories
        "still-serving",  # a ticket is still at the window (``number`` names it)
        "window-paused",  # the window paused its service
        "no-categories",  # the window serves no category
        "not-served",  # the typed ticket's category is not the window's
        "not-waiting",  # the typed ticket was called, served or is gone
        "not-found",  # no such ticket (or category, or window) today
        "not-at-window",  # the ticket is not at this window now
        "window-closed",  # the transfer's window is paused or serves nothing
        "already-paused",
        "not-paused",
        "wrong-window",  # signed in for another window
        "no-token",  # signed in offline: calling needs the service
        "other",
    }
)


class QueueRefused(UserError):
    """A call the window cannot make.

    Attributes:
        reason: one of :data:`REASONS`.
        number: the ticket concerned ("" when none; for ``still-serving`` the ticket still
            at the window).
        detail: the service's words (for the log; the GUI words ``reason``).
    """

    def __init__(self, reason: str, number: str = "", detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason if reason in REASONS else "other"
        self.number = number
        self.detail = detail


@dataclass
class Visit:
    """The window's state as the calling bar keeps it (GUI thread): the ticket at the
    counter, the cases taken in while it is served, and the pause."""

    ticket: WindowTicket | None = None
    case_nos: list[str] = field(default_factory=list)
    paused: bool = False
    pause_reason: str = ""
    #: A ticket the service says is at the window while this desk has no record of it
    #: (the desk restarted during a visit).
    number_only: str = ""

    @property
    def number(self) -> str:
        return self.ticket.number if self.ticket is not None else self.number_only

    def serve(self, ticket: WindowTicket) -> None:
        """``ticket`` is at the window (called, or called again: its cases stay)."""
        kept = self.case_nos if ticket.number == self.number else []
        self.ticket, self.number_only = ticket, ""
        self.case_nos = list(dict.fromkeys([*ticket.case_nos, *kept]))

    def restore(self, now: WindowNow) -> None:
        """Go on from the window as the service has it (after a restart): its ticket, with
        the cases it already holds, and its pause."""
        if now.serving is not None:
            self.serve(now.serving)
        else:
            self.end()
        self.paused, self.pause_reason = now.paused, now.pause_reason if now.paused else ""

    def adopt(self, number: str) -> None:
        """The service says ``number`` is still at the window: go on with it."""
        if self.number != number:
            self.ticket, self.number_only, self.case_nos = None, number, []

    def add_case(self, case_no: str) -> bool:
        """Link a case taken in during the visit; False when no ticket is served."""
        if not self.number:
            return False
        if case_no not in self.case_nos:
            self.case_nos.append(case_no)
        return True

    def end(self) -> None:
        self.ticket, self.number_only, self.case_nos = None, "", []


def typed_number(text: str) -> str:
    """A number typed at the window in its printed form (``a12`` → ``A012``).

    Raises:
        QueueRefused: ``wrong-number`` (``number`` is what was typed).
    """
    try:
        return str(rules.parse_ticket(text))
    except rules.TicketNumberError as exc:
        raise QueueRefused("wrong-number", (text or "").strip(), str(exc)) from None


def _token(context: AppContext, session: Session) -> str:
    token = session.access_token or context.backend.tokens.get_device_token(
        context.provisioning.window_code, context.device_id
    )
    if not token:
        raise QueueRefused("no-token", detail="signed in offline")
    return str(token)


def _refused(exc: ApiError, number: str = "") -> Exception:
    """The service's refusal as a :class:`QueueRefused` (401 and the like stay as they are)."""
    slug = exc.slug
    detail = str(exc.problem.get("detail") or exc)
    if exc.status == 404:
        return QueueRefused(
            "none-waiting" if slug == "none-waiting" else "not-found", number, detail
        )
    if exc.status == 422:
        return QueueRefused("wrong-number", number, detail)
    if exc.status == 409 and slug == "still-serving":
        return QueueRefused(slug, str(exc.problem.get("current") or ""), detail)
    if exc.status in (403, 409) and slug in REASONS:
        return QueueRefused(slug, number, detail)
    return exc


def _api(context: AppContext) -> Any:
    return context.backend.api


def call_next(context: AppContext, session: Session, typed: str | None = None) -> WindowTicket:
    """Call the window's next ticket by the priority rule, or the number ``typed``.

    Raises:
        QueueRefused: see :data:`REASONS`.
        ConnectionProblem: the service cannot be reached.
    """
    number = typed_number(typed) if typed is not None else None
    token = _token(context, session)
    try:
        return api.call_next(_api(context), token, number)
    except ApiError as exc:
        raise _refused(exc, number or "") from exc


def new_step_key() -> str:
    """A fresh Idempotency-Key for one step with the ticket (recall, no-show, transfer,
    finish). The calling bar keeps it until the step gets an answer, so a step sent again
    after a lost answer is applied once (:func:`may_resend`)."""
    return str(uuid.uuid4())


def may_resend(exc: BaseException) -> bool:
    """Whether a step that failed with ``exc`` may have reached the service without its
    answer reaching the desk (the link failed, or the first request is still in flight):
    then the step is sent again with the same key."""
    if isinstance(exc, Offline) and not isinstance(exc, CertificateNotTrusted):
        return True
    return isinstance(exc, ApiError) and exc.status == 409 and exc.slug == "in-flight"


def _at_window(
    context: AppContext, session: Session, number: str, act: Any, key: str | None, **kw: Any
) -> Any:
    token = _token(context, session)
    try:
        return act(_api(context), token, number, key=key or new_step_key(), **kw)
    except ApiError as exc:
        raise _refused(exc, number) from exc


def recall(
    context: AppContext, session: Session, number: str, *, key: str | None = None
) -> WindowTicket:
    """Call the ticket at the window again (the hall says it again); ``key`` the step's
    Idempotency-Key (a fresh one when None)."""
    return _at_window(context, session, number, api.recall, key)


def no_show(
    context: AppContext, session: Session, number: str, *, key: str | None = None
) -> WindowTicket:
    """The called applicant did not come (过号)."""
    return _at_window(context, session, number, api.no_show, key)


def transfer(
    context: AppContext,
    session: Session,
    number: str,
    *,
    category: str | None = None,
    window: str | None = None,
    key: str | None = None,
) -> WindowTicket:
    """Send the ticket on to ``category`` or ``window``; the new ticket (same place)."""
    if not category and not window:
        raise QueueRefused("not-found", number, "name a category or a window")
    return _at_window(
        context,
        session,
        number,
        api.transfer,
        key,
        category=category or None,
        window=window.strip().upper() if window else None,
    )


def finish(
    context: AppContext,
    session: Session,
    number: str,
    case_nos: list[str],
    *,
    key: str | None = None,
) -> WindowTicket:
    """The visit is over; ``case_nos`` are the cases taken in during it."""
    return _at_window(context, session, number, api.finish, key, case_nos=list(case_nos))


def window_now(context: AppContext, session: Session) -> WindowNow | None:
    """The window as the service has it: the ticket at it and its pause (a desk restarted
    during a visit goes on with them); None when the service does not say.

    Raises:
        QueueRefused: ``no-token`` (signed in offline).
        ConnectionProblem: the service cannot be reached.
    """
    return api.window_now(_api(context), _token(context, session))


def pause(context: AppContext, session: Session, reason: str) -> str:
    """Pause the window's service with ``reason``; the reason kept by the service.

    Raises:
        QueueRefused: ``already-paused`` (the window is paused already).
        ValueError: no reason given.
    """
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValueError("say why the window pauses")
    token = _token(context, session)
    try:
        state = api.pause_window(_api(context), token, context.provisioning.window_code, reason)
    except ApiError as exc:
        raise _refused(exc) from exc
    pause_row = state.get("pause")
    return str(pause_row.get("reason") or reason) if isinstance(pause_row, dict) else reason


def resume(context: AppContext, session: Session) -> None:
    """Resume the window's service (``not-paused`` when it was not paused)."""
    token = _token(context, session)
    try:
        api.resume_window(_api(context), token, context.provisioning.window_code)
    except ApiError as exc:
        raise _refused(exc) from exc


def categories(context: AppContext, session: Session) -> list[HallCategory]:
    """The hall's categories (to transfer a ticket to one of them)."""
    return api.hall_categories(_api(context), _token(context, session))


def rate_visit(
    context: AppContext,
    session: Session,
    *,
    ticket: str,
    case_nos: list[str],
    score: int,
    comment: str = "",
) -> str:
    """The applicant's one rating of the visit (1..5): ``POST /visits/ratings`` for the
    ticket and every case served. With a local store it is queued in the outbox (one
    transaction, after the visit's cases; run on the database writer), else sent now.
    Returns the rating's id.

    Raises:
        ValueError: the score is not 1..5, or neither ticket nor case.
    """
    if not 1 <= int(score) <= 5:
        raise ValueError("a rating is 1 to 5")
    if not ticket and not case_nos:
        raise ValueError("a visit rating needs the ticket or a case")
    rating_id = str(uuid.uuid4())
    body = api.visit_rating_body(
        rating_id,
        ticket=ticket or None,
        case_nos=list(case_nos),
        score=int(score),
        comment=comment,
        rated_at=context.clock.now(),
        clerk=session.username,
    )
    if not has_local_store(context):
        api.rate_visit(_api(context), _token(context, session), body)
        return rating_id
    store = context.backend.store
    # The rating follows its first case's rows (the case reaches the center first).
    case = store.get_case(case_nos[0]) if case_nos else None
    store.enqueue(
        kind=KIND_VISIT_RATING,
        method="POST",
        path=api.VISIT_RATINGS_PATH,
        idempotency_key=rating_id,
        body=body,
        case_id=case.id if case is not None else None,
    )
    return rating_id


def window_state(context: AppContext, session: Session, visit: Visit) -> WindowState:
    """What the window's own screen (窗口屏) shows for ``visit``."""
    prov = context.provisioning
    if visit.paused:
        status = PAUSED
    elif visit.number:
        status = SERVING
    else:
        status = IDLE
    return WindowState(
        window_code=prov.window_code,
        window_label=window_label(prov.window_code),
        window_name=session.window_name or prov.window_name,
        clerk_name=session.display_name or "",
        status=status,
        pause_reason=visit.pause_reason if visit.paused else "",
        ticket=visit.number,
    )
