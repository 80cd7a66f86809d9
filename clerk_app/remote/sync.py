"""The sync engine: sends the outbox to the records service, one round at a time.

:meth:`SyncEngine.push_once` never sleeps and never runs on the GUI thread: a worker loop
(``clerk_app.gui.sync_worker``) calls it, reads :class:`PushResult`, and calls again when
``next_due`` comes. Every row goes with its own Idempotency-Key, byte for byte the body that
was stored, so a retry after a lost answer is answered from the service's stored response
and never makes a second record.

What happens to a row:

=============================================== =============================================
answer                                          row
=============================================== =============================================
2xx                                             sent (a created case becomes ``synced``)
no answer, TLS failure, timeout, 5xx, 408       retried after :class:`Backoff`; round stops
429                                             retried after ``Retry-After``; round stops
409 ``…/in-flight``                             retried after :class:`Backoff`
404 to a cashier's paper payment                retried after :class:`Backoff` (the notice
                                                has not reached the center yet)
(not sent) another cashier's paper payment,     waits (after :class:`Backoff`) for its own
the desk holding no device token                cashier's sign-in or the device token
401                                             untouched; round stops (sign in again)
426                                             untouched; round stops (client too old)
other 4xx (400, 403, 404, 409, 422, …)           rejected, the problem kept for the clerk
=============================================== =============================================

A row of kind ``attachment`` (a scanned page, issue 22) is declared and its bytes sent in
resumable chunks by ``uploads`` (``remote.attachments``): the answers above apply to each
of its requests; the center throwing the bytes away (their hash did not match) retries the
row after :class:`Backoff` from byte 0; a page this desk cannot read is rejected.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from clerk_app.remote.api import ApiClient, ApiError, BadResponseError, NetworkError, TlsError
from clerk_app.remote.attachments import (
    KIND_ATTACHMENT,
    AttachmentUploader,
    PageUnreadable,
    UploadRestart,
)
from clerk_app.remote.link import LinkKeeper
from clerk_app.remote.tokens import TokenStore
from clerk_app.store.local import LocalStore, OutboxRow

log = logging.getLogger("clerk.sync")

STOP_NO_TOKEN = "no-token"  # noqa: S105 (a reason, not a secret)
STOP_UNAUTHORIZED = "unauthorized"
STOP_UPGRADE = "upgrade-required"
STOP_OFFLINE = "offline"
STOP_TLS = "tls"
STOP_SERVER = "server-error"
STOP_RATE_LIMITED = "rate-limited"
#: Reasons that need a person (sign in again, update the client, fix the certificate): the
#: engine sends nothing until then, and the desk shows it in red with what to do.
NEEDS_ACTION = frozenset({STOP_NO_TOKEN, STOP_UNAUTHORIZED, STOP_UPGRADE, STOP_TLS})
#: Outbox kinds whose 404 means "not yet", not "never": cash taken on paper with the link
#: down for a notice the department window has not sent yet (``store.cashier``).
WAIT_FOR_NOTICE = frozenset({"cashier_payment"})
#: Outbox kinds the service takes on a user's token only from the user their body names
#: (kind → that field): a paper payment is the named cashier's own. Without the desk's
#: device token such a row goes only while its own author is signed in here, and waits
#: otherwise (on another cashier's token the service would refuse it for good, 422).
SENT_AS_AUTHOR = {"cashier_payment": "cashier"}
#: The start of a row's ``last_error`` while it waits for its author's sign-in.
WAITS_FOR_AUTHOR = "waits for its own user's sign-in at this desk (no device token): "
#: The ``last_error`` of a page's row held by an engine that cannot read pages.
NO_UPLOADS = "waits for the desk's own sync (this sender cannot read scanned pages)"
#: ``(connect, read)`` seconds of a heartbeat's ``GET /health``: a tiny answer; a service
#: that takes longer is as good as gone, and the sync thread (which quitting waits for)
#: is never held long by a service that does not answer.
PROBE_TIMEOUT = (2.0, 2.0)


class _Clock(Protocol):
    def now(self) -> datetime: ...


class TokenRenewal(Protocol):
    """Renews the desk's device token when due (``clerk_app.app.renewal``); never raises
    for the network."""

    def renew_if_due(self, *, online: bool = True) -> bool: ...

    def expires_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class Backoff:
    """Exponential back-off with jitter ("equal jitter": half fixed, half random).

    The delay after the *n*-th failed attempt (``attempts`` = n - 1 before it) is between
    half and all of ``min(cap, base ** (attempts + 1))`` seconds.

    Args:
        base: growth factor and first delay, in seconds.
        cap: the longest delay, in seconds.
        random: returns a float in [0, 1); inject a fixed one in tests.
    """

    base: float = 2.0
    cap: float = 300.0
    random: Callable[[], float] = field(default=random.random)

    def delay(self, attempts: int) -> timedelta:
        """The wait before the next try of a row that has failed ``attempts`` times before."""
        raw = min(self.cap, self.base ** (min(max(attempts, 0), 64) + 1))
        return timedelta(seconds=raw / 2 + self.random() * raw / 2)


@dataclass(frozen=True)
class PushResult:
    """What one round did, and what the status bar should show after it.

    Attributes:
        sent, retried, rejected: rows of this round by outcome.
        online: False when the service could not be reached (or failed) this round.
        waiting: rows still pending in the outbox.
        rejected_total: rows the service refused, waiting for the clerk.
        next_due: when the next pending row is due (None: nothing pending, or stopped).
        stopped: why the round ended early (``STOP_*``), or None.
    """

    sent: int = 0
    retried: int = 0
    rejected: int = 0
    online: bool = True
    waiting: int = 0
    rejected_total: int = 0
    next_due: datetime | None = None
    stopped: str | None = None
    #: When the service last answered, and how far the local clock is from its Date
    #: (seconds, local minus service); None when unknown (no LinkKeeper, never online).
    last_contact: datetime | None = None
    clock_skew_seconds: float | None = None
    #: The cases this round brought in from the center (``GET /changes``), by number.
    changed_cases: tuple[str, ...] = ()
    #: ``waiting`` as a clerk counts it: cases (once each), documents, other records.
    waiting_cases: int = 0
    waiting_documents: int = 0
    waiting_other: int = 0
    #: Whether the desk holds its device token (False: nothing goes without a clerk of
    #: the window signed in online, whose sign-in then sends; ``stopped`` says no-token
    #: when there is no such clerk either).
    device_token: bool = True
    #: When the desk's device token expires (None: no token, or not known yet).
    device_token_expires_at: datetime | None = None


@dataclass
class _Tally:
    sent: int = 0
    retried: int = 0
    rejected: int = 0
    online: bool = True
    stopped: str | None = None
    #: Rows the service accepted, marked sent together at the end of each batch.
    accepted: list[tuple[int, int, object]] = field(default_factory=list)


class SyncEngine:
    """Sends due outbox rows with the device token (or, without one, the user token).

    Args:
        store: the local store (used from the calling thread only).
        api: the service client.
        tokens: where the tokens are.
        clock: the application's clock.
        backoff: the retry delays.
        window_code: this desk's window.
        device_id: this installation's id (for the device token).
        username: the signed-in clerk or cashier of this window, whose user token sends
            the outbox while the desk holds no device token; None (a lead, an admin, an
            auditor signed in at this desk, or nobody): the device token only — the desk
            syncs on its own token whoever is signed in.
        batch_size: rows read from the outbox at a time.
        max_rows: rows sent at most per round, so a huge backlog still yields regularly.
        link: pulls changes, refreshes caches, reports status and records the last contact
            and clock skew after a round that reached the service (optional).
        heartbeat: when nothing was sent or learnt for this long, a round asks ``GET
            /health`` (no token, tiny) so a service that went away shows within seconds;
            None: never.
        probe_timeout: ``(connect, read)`` seconds of that ``GET /health``.
        renewal: renews the device token when due, at the start of each round (optional).
        uploads: sends the pages of ``attachment`` rows in resumable chunks
            (``remote.attachments``); None: such rows wait (this engine cannot read pages).
    """

    def __init__(
        self,
        store: LocalStore,
        api: ApiClient,
        tokens: TokenStore,
        clock: _Clock,
        backoff: Backoff | None = None,
        *,
        window_code: str,
        device_id: str,
        username: str | None = None,
        batch_size: int = 50,
        max_rows: int = 500,
        link: LinkKeeper | None = None,
        heartbeat: timedelta | None = None,
        probe_timeout: tuple[float, float] = PROBE_TIMEOUT,
        renewal: TokenRenewal | None = None,
        uploads: AttachmentUploader | None = None,
    ) -> None:
        self.store = store
        self.api = api
        self.tokens = tokens
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.window_code = window_code
        self.device_id = device_id
        self.username = username
        self.batch_size = batch_size
        self.max_rows = max_rows
        self.link = link
        self.heartbeat = heartbeat
        self.probe_timeout = probe_timeout
        self.renewal = renewal
        self.uploads = uploads
        self._last_online = True
        self._last_heard: datetime | None = None

    def token(self) -> str | None:
        """The token the outbox goes with: the device token, else the clerk's user token."""
        return self._tokens()[1]

    def _tokens(self) -> tuple[bool, str | None]:
        """(whether the desk holds its device token, the token the outbox goes with)."""
        device = self.tokens.get_device_token(self.window_code, self.device_id)
        if device:
            return True, device
        if self.username:
            return False, self.tokens.get_user_token(self.window_code, self.username)
        return False, None

    def push_once(self) -> PushResult:
        """Send what is due now, once; never sleeps. See the module docstring."""
        tally = _Tally()
        if self.renewal is not None:
            self.renewal.renew_if_due(online=self._last_online)
        has_device_token, token = self._tokens()
        if token is None:
            tally.stopped = STOP_NO_TOKEN
        processed = 0
        while tally.stopped is None and processed < self.max_rows:
            rows = self.store.outbox_pending(
                self.clock.now(), limit=min(self.batch_size, self.max_rows - processed)
            )
            if not rows:
                break
            try:
                for row in rows:
                    processed += 1
                    assert token is not None
                    author = None if has_device_token else self._author(row)
                    if author is not None and author != self.username:
                        self._wait_for_author(row, author)
                        continue
                    self._push_row(row, token, tally)
                    if tally.stopped is not None:
                        break
            finally:
                # One durable commit per batch; a case's next row is offered only after it.
                self.store.mark_sent_many(tally.accepted)
                tally.accepted.clear()
        last_contact, skew = self._keep_link(token, tally)
        counts = self.store.outbox_counts()
        kinds = self.store.outbox_waiting_counts()
        next_due = None
        if tally.stopped in (None, STOP_OFFLINE, STOP_TLS, STOP_SERVER, STOP_RATE_LIMITED):
            next_due = self.store.outbox_next_due()
        result = PushResult(
            sent=tally.sent,
            retried=tally.retried,
            rejected=tally.rejected,
            online=tally.online,
            waiting=counts["pending"],
            rejected_total=counts["rejected"],
            next_due=next_due,
            stopped=tally.stopped,
            last_contact=last_contact,
            clock_skew_seconds=skew,
            changed_cases=self.link.take_pulled() if self.link is not None else (),
            waiting_cases=kinds.cases,
            waiting_documents=kinds.documents,
            waiting_other=kinds.other,
            device_token=has_device_token,
            device_token_expires_at=self.renewal.expires_at() if self.renewal else None,
        )
        if result.sent or result.retried or result.rejected or result.stopped:
            log.info(
                "push: sent %d, retried %d, rejected %d, waiting %d%s",
                result.sent,
                result.retried,
                result.rejected,
                result.waiting,
                f", stopped: {result.stopped}" if result.stopped else "",
            )
        return result

    def _keep_link(self, token: str | None, tally: _Tally) -> tuple[datetime | None, float | None]:
        tried = bool(tally.sent or tally.retried or tally.rejected)
        if tally.online and tally.stopped is None and (tally.sent or tally.rejected):
            self._last_heard = self.clock.now()
        if self.link is None:
            if tally.stopped is None and not tried:
                self._heartbeat(tally)
            self._last_online = tally.online
            return None, None
        if token is not None and tally.online and tally.stopped is None:
            if tally.sent or tally.rejected:
                self.link.note_contact()
            reached = self.link.after_push(token)
            if reached is False:
                tally.online, tally.stopped = False, STOP_OFFLINE
            elif reached is True:
                self._last_heard = self.clock.now()
            elif not tried:
                # Nothing was tried this round: the link is as it was last seen, unless a
                # heartbeat is due.
                tally.online = self._last_online
                self._heartbeat(tally)
        went_down = self._last_online or tried  # not at every heartbeat while offline
        self._last_online = tally.online
        if not tally.online and went_down:
            self.link.state.record_failure(tally.stopped or "offline")
        state = self.link.state.load()
        return state.last_contact_at, state.clock_skew_seconds

    def _heartbeat(self, tally: _Tally) -> None:
        """``GET /health`` when nothing was heard for ``heartbeat`` (or after a failure)."""
        if self.heartbeat is None:
            return
        now = self.clock.now()
        quiet = None if self._last_heard is None else now - self._last_heard
        if self._last_online and quiet is not None and quiet < self.heartbeat:
            return
        try:
            self.api.health(timeout=self.probe_timeout)
        except TlsError:
            tally.online, tally.stopped = False, STOP_TLS
        except (NetworkError, BadResponseError):
            tally.online, tally.stopped = False, STOP_OFFLINE
        except ApiError:
            tally.online, tally.stopped = False, STOP_SERVER
        else:
            tally.online = True
            self._last_heard = now
            if self.link is not None and not self._last_online:
                self.link.note_contact()  # back: record it (not every heartbeat: no write)
            return
        if self._last_online:  # said once when the link goes, not at every probe
            log.info("heartbeat: the records service does not answer (%s)", tally.stopped)

    # -- one row ----------------------------------------------------------------------------

    @staticmethod
    def _author(row: OutboxRow) -> str | None:
        """The user a row must be sent as on a user's token (:data:`SENT_AS_AUTHOR`)."""
        field_name = SENT_AS_AUTHOR.get(row.kind)
        if field_name is None:
            return None
        body = row.body
        return str(body.get(field_name) or "") if isinstance(body, dict) else ""

    def _wait_for_author(self, row: OutboxRow, author: str) -> None:
        """Not sent: another user's row waits for that user (nothing was tried)."""
        due = self.clock.now() + self.backoff.delay(row.attempts)
        self.store.mark_retry(row.id, WAITS_FOR_AUTHOR + author, due)

    def _push_row(self, row: OutboxRow, token: str, tally: _Tally) -> None:
        try:
            if row.kind == KIND_ATTACHMENT:  # a scanned page: declared, then its bytes
                if self.uploads is None:
                    self.store.mark_retry(
                        row.id, NO_UPLOADS, self.clock.now() + self.backoff.delay(row.attempts)
                    )
                    return
                status, answer = self.uploads.send(row, token)
            else:
                status, answer = self.api.send(
                    row.method, row.path, token, row.body_json, row.idempotency_key
                )
        except UploadRestart as exc:
            self._retry(row, str(exc), tally)
        except PageUnreadable as exc:
            self.store.mark_rejected(row.id, 0, exc.problem)
            self.store.journal("sync", f"{row.kind} {row.path} refused on this desk: {exc}"[:1000])
            tally.rejected += 1
        except TlsError as exc:
            self._retry(row, str(exc), tally)
            tally.online, tally.stopped = False, STOP_TLS
        except NetworkError as exc:
            self._retry(row, str(exc), tally)
            tally.online, tally.stopped = False, STOP_OFFLINE
        except BadResponseError as exc:
            # The service probably stored it; the same key will fetch the stored answer.
            self._retry(row, str(exc), tally)
        except ApiError as exc:
            self._classify(row, exc, tally)
        else:
            tally.accepted.append((row.id, status, answer))
            tally.sent += 1

    def _classify(self, row: OutboxRow, exc: ApiError, tally: _Tally) -> None:
        status = exc.status
        if status == 401:
            tally.stopped = STOP_UNAUTHORIZED
        elif status == 426:
            tally.stopped = STOP_UPGRADE
        elif status == 429:
            self._retry(row, str(exc), tally, retry_after=exc.retry_after)
            tally.stopped = STOP_RATE_LIMITED
        elif status >= 500 or status == 408 or status < 400:
            self._retry(row, str(exc), tally, retry_after=exc.retry_after)
            tally.online, tally.stopped = False, STOP_SERVER
        elif (status == 409 and exc.type.rstrip("/").endswith("/in-flight")) or (
            status == 404 and row.kind in WAIT_FOR_NOTICE
        ):
            self._retry(row, str(exc), tally)
        else:
            self.store.mark_rejected(row.id, status, exc.problem)
            self.store.journal("sync", f"{row.kind} {row.method} {row.path} rejected: {exc}"[:1000])
            log.warning("outbox row %d (%s) rejected: %s", row.id, row.kind, exc)
            tally.rejected += 1

    def _retry(
        self, row: OutboxRow, error: str, tally: _Tally, *, retry_after: float | None = None
    ) -> None:
        if retry_after is not None:
            delay = timedelta(seconds=max(0.0, retry_after))
        else:
            delay = self.backoff.delay(row.attempts)
        self.store.mark_retry(row.id, error[:1000], self.clock.now() + delay)
        tally.retried += 1
