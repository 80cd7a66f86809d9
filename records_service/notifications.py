"""The notification outbox (issue 19): what the center tells applicants and complainants
(the pre-review result, a supplement needed, a case completed, a complaint answered).

A notification is written by :func:`enqueue` in the same transaction as its cause (the
case's completing event, the complaint's answer, the pre-review), so one exists exactly
when its cause committed. :func:`deliver` (``clerk-records notify``, run from cron or a
systemd timer like ``clerk-records audit checkpoint``) hands each unsent notification to a
:class:`Sender` and records the outcome:

- success: ``sent_at`` (never sent again);
- failure (the sender raises): ``attempts`` + 1, ``last_error`` and ``next_attempt_at``:
  the notification is due again after :func:`backoff` (1, 2, 4 … minutes after the failed
  attempt, at most an hour, on the injected clock); runs before then pass it over;
- the :data:`MAX_ATTEMPTS`-th failure gives it up: ``failed_at`` is set, it is never tried
  again, and ``clerk-records notify`` names it and exits 2 (every run, while any given-up
  notification is in the outbox, so cron's mail keeps saying so). It stays in the table
  with its last error: nothing is lost; :func:`retry_failed` (``notify --retry-failed``)
  makes them due again once the gateway is mended.

Each notification is sent inside its own write transaction that holds its row (PostgreSQL:
``FOR UPDATE SKIP LOCKED``; SQLite: the one writer), so two ``notify`` runs at once never
send one twice. Only a service that dies between the sender's success and that commit
sends a notification again: the sender must then be idempotent by the notification's
``id`` (the default :class:`FolderSender` is: it writes the file named by the id again,
the SMS gateway sends an id once — see records_service/README.md "SMS gateway folder").

The recipient (a phone number) is personal data: kept as a case's applicant is, never in a
log or an audit record (``recipient_masked`` is what lists and audit show).
"""

from __future__ import annotations

import argparse
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_phone
from records_service import audit
from records_service.db import Database
from records_service.models import Case, Notification, writer_center

#: The kinds of notification.
KINDS = ("prereview", "supplement", "completed", "complaint_answered")
#: The file format version of :class:`FolderSender`.
FILE_FORMAT = 1
#: The longest error text kept in ``last_error``.
ERROR_CHARS = 500
#: Failed attempts after which a notification is given up (``failed_at``): about four
#: hours of trying with :func:`backoff`.
MAX_ATTEMPTS = 10
#: The wait after the first failed attempt (doubled after each next one) and its cap.
FIRST_WAIT = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)


def backoff(attempts: int) -> timedelta:
    """How long after its ``attempts``-th failed attempt a notification is due again."""
    return min(FIRST_WAIT * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


@dataclass(frozen=True)
class Message:
    """What a sender sends: one notification."""

    id: str
    kind: str
    recipient: str
    text: str
    related_no: str | None
    created_at: datetime


class Sender(Protocol):
    """Delivers one message; raises any exception when it could not (tried again later).
    Must be idempotent by ``message.id`` (see the module doc)."""

    def send(self, message: Message) -> None: ...


class FolderSender:
    """The default sender: one JSON file per notification in the folder the center's SMS
    gateway picks up (``{id}.json``, written to a hidden temporary name and renamed, so the
    gateway never reads half a file). Format: records_service/README.md."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: Message) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        document = {
            "format": FILE_FORMAT,
            "id": message.id,
            "kind": message.kind,
            "to": message.recipient,
            "text": message.text,
            "related_no": message.related_no,
            "created_at": message.created_at.astimezone(CENTER_TZ).isoformat(),
        }
        target = self.folder / f"{message.id}.json"
        temporary = self.folder / f".{message.id}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)


def enqueue(
    session: Session,
    *,
    kind: str,
    recipient: str,
    text: str,
    related_no: str | None,
    now: datetime,
    center_code: str | None = None,
) -> Notification | None:
    """Add a notification to ``session`` (committed with its cause). None when there is
    nobody to tell (no phone number given)."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}")
    recipient = recipient.strip()
    if not recipient:
        return None
    notification = Notification(
        id=str(uuid.uuid4()),
        center_code=center_code or writer_center(session),
        kind=kind,
        recipient_masked=mask_phone(recipient)[:100],
        recipient=recipient[:200],
        text=text,
        related_no=related_no,
        created_at=now,
        attempts=0,
    )
    session.add(notification)
    return notification


def case_completed(session: Session, case: Case, now: datetime) -> Notification | None:
    """ "Your case is completed" to the applicant's phone (none without a phone)."""
    phone = str((case.applicant or {}).get("phone") or "")
    result = "已办结" if case.status == "completed_approved" else "已办结（不予许可）"
    text = f"【政务服务中心】您的办件{case.case_no}{result}，请凭受理回执到窗口领取结果。"
    return enqueue(
        session,
        kind="completed",
        recipient=phone,
        text=text,
        related_no=case.case_no,
        now=now,
        center_code=case.center_code,
    )


def complaint_answered(
    session: Session, complaint_no: str, contact: str, center_code: str, now: datetime
) -> Notification | None:
    """ "Your complaint has been answered" to the complainant's contact (none without)."""
    text = f"【政务服务中心】您的投诉{complaint_no}已有处理结果，我们将电话回访，感谢监督。"
    return enqueue(
        session,
        kind="complaint_answered",
        recipient=contact,
        text=text,
        related_no=complaint_no,
        now=now,
        center_code=center_code,
    )


@dataclass
class Delivery:
    """What one :func:`deliver` run did."""

    sent: int = 0
    #: Failed this run, to be tried again after their backoff.
    failed: int = 0
    #: Given up this run (their :data:`MAX_ATTEMPTS`-th failure).
    given_up: int = 0


@dataclass(frozen=True)
class GivenUp:
    """A notification given up: what ``clerk-records notify`` shows (no phone number)."""

    id: str
    kind: str
    recipient_masked: str
    related_no: str | None
    attempts: int
    last_error: str
    failed_at: datetime


def _next_unsent(session: Session, after: set[str], now: datetime) -> Notification | None:
    query = select(Notification).where(
        Notification.sent_at.is_(None),
        Notification.failed_at.is_(None),
        or_(Notification.next_attempt_at.is_(None), Notification.next_attempt_at <= now),
    )
    if after:
        query = query.where(Notification.id.not_in(after))
    query = query.order_by(Notification.created_at, Notification.id).limit(1)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return session.scalars(query).first()


def deliver(
    db: Database,
    sender: Sender,
    clock: Callable[[], datetime],
    *,
    limit: int = 500,
    max_attempts: int = MAX_ATTEMPTS,
) -> Delivery:
    """Send up to ``limit`` due notifications, oldest first, each at most once per run
    (see the module doc). Returns how many were sent, failed and were given up."""
    done = Delivery()
    tried: set[str] = set()
    while len(tried) < limit:
        with db.write() as session:
            notification = _next_unsent(session, tried, clock())
            if notification is None:
                break
            tried.add(notification.id)
            message = Message(
                id=notification.id,
                kind=notification.kind,
                recipient=notification.recipient,
                text=notification.text,
                related_no=notification.related_no,
                created_at=notification.created_at,
            )
            notification.attempts = (notification.attempts or 0) + 1
            now = clock()
            try:
                sender.send(message)
            except Exception as exc:  # any sender failure: tried again later, or given up
                notification.last_error = f"{type(exc).__name__}: {exc}"[:ERROR_CHARS]
                if notification.attempts >= max_attempts:
                    notification.failed_at = now
                    notification.next_attempt_at = None
                    done.given_up += 1
                    result = "given_up"
                else:
                    notification.next_attempt_at = now + backoff(notification.attempts)
                    done.failed += 1
                    result = "failed"
            else:
                notification.sent_at = now
                notification.last_error = None
                notification.next_attempt_at = None
                done.sent += 1
                result = "ok"
            audit.record(
                session,
                at=now,
                action="notification.send",
                result=result,
                actor="service",
                target=notification.id,
                detail={
                    "kind": notification.kind,
                    "to": notification.recipient_masked,
                    "attempt": notification.attempts,
                },
                center_code=notification.center_code,
            )
    return done


def given_up(db: Database) -> list[GivenUp]:
    """Every notification given up and still unsent, oldest failure first."""
    with db.read() as session:
        rows = session.scalars(
            select(Notification)
            .where(Notification.failed_at.is_not(None), Notification.sent_at.is_(None))
            .order_by(Notification.failed_at, Notification.id)
        ).all()
        return [
            GivenUp(
                id=row.id,
                kind=row.kind,
                recipient_masked=row.recipient_masked,
                related_no=row.related_no,
                attempts=row.attempts,
                last_error=row.last_error or "",
                failed_at=row.failed_at,  # type: ignore[arg-type]
            )
            for row in rows
        ]


def retry_failed(db: Database) -> int:
    """Make every given-up notification due again (its attempts start over); how many."""
    with db.write() as session:
        result = session.execute(
            update(Notification)
            .where(Notification.failed_at.is_not(None), Notification.sent_at.is_(None))
            .values(failed_at=None, next_attempt_at=None, attempts=0)
        )
        session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


# --- clerk-records notify ------------------------------------------------------------------


def cmd_notify(args: argparse.Namespace) -> int:
    """Send the outbox's due notifications to the SMS gateway's folder once. Exit 0: none
    failed; 1: some failed (each tried again after its backoff); 2: some are given up
    (named, one a line: id, kind, masked recipient, related number, attempts, last error)."""
    from records_service.cli_common import settings_from

    settings = settings_from(args)
    db = Database(settings.database_url, settings.center_code)
    try:
        if args.retry_failed:
            print(f"{retry_failed(db)} given-up notifications due again")
        done = deliver(db, FolderSender(Path(args.folder)), lambda: datetime.now(UTC))
        lost = given_up(db)
    finally:
        db.dispose()
    print(
        f"{done.sent} sent, {done.failed} failed (tried again later), "
        f"{len(lost)} given up after {MAX_ATTEMPTS} attempts"
    )
    for item in lost:
        print(
            f"given up: {item.id} {item.kind} to {item.recipient_masked} "
            f"about {item.related_no or '-'} after {item.attempts} attempts "
            f"({item.failed_at.astimezone(CENTER_TZ):%Y-%m-%d %H:%M}): {item.last_error}"
        )
    if lost:
        return 2
    return 1 if done.failed else 0


def add_commands(sub: Any) -> None:
    """Register ``notify`` on ``clerk-records``' sub-parsers."""
    p = sub.add_parser(
        "notify", help="send unsent notifications to the SMS gateway's folder (from cron)"
    )
    p.add_argument("--folder", required=True, help="the folder the SMS gateway picks up")
    p.add_argument(
        "--retry-failed",
        action="store_true",
        help="first make the given-up notifications due again (after mending the gateway)",
    )
    p.set_defaults(func=cmd_notify)
