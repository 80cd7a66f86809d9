"""The notification outbox (issue 19): what the center tells applicants and complainants
(the pre-review result, a supplement needed, a case completed, a complaint answered).

A notification is written by :func:`enqueue` in the same transaction as its cause (the
case's completing event, the complaint's answer, the pre-review), so one exists exactly
when its cause committed. :func:`deliver` (``clerk-records notify``, run from cron or a
systemd timer like ``clerk-records audit checkpoint``) hands each unsent notification to a
:class:`Sender` and records the outcome:

- success: ``sent_at`` (never sent again);
- failure (the sender raises): ``attempts`` + 1 and ``last_error``; the next run tries
  again, however often the sender failed. Nothing is lost.

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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
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
    failed: int = 0


def _next_unsent(session: Session, after: set[str]) -> Notification | None:
    query = select(Notification).where(Notification.sent_at.is_(None))
    if after:
        query = query.where(Notification.id.not_in(after))
    query = query.order_by(Notification.created_at, Notification.id).limit(1)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return session.scalars(query).first()


def deliver(
    db: Database, sender: Sender, clock: Callable[[], datetime], *, limit: int = 500
) -> Delivery:
    """Send up to ``limit`` unsent notifications, oldest first, each at most once per run
    (see the module doc). Returns how many were sent and how many failed."""
    done = Delivery()
    tried: set[str] = set()
    while len(tried) < limit:
        with db.write() as session:
            notification = _next_unsent(session, tried)
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
            except Exception as exc:  # any sender failure is tried again on the next run
                notification.last_error = f"{type(exc).__name__}: {exc}"[:ERROR_CHARS]
                done.failed += 1
                result = "failed"
            else:
                notification.sent_at = now
                notification.last_error = None
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


# --- clerk-records notify ------------------------------------------------------------------


def cmd_notify(args: argparse.Namespace) -> int:
    """Send the outbox's unsent notifications to the SMS gateway's folder once."""
    from records_service.cli_common import settings_from

    settings = settings_from(args)
    db = Database(settings.database_url, settings.center_code)
    try:
        done = deliver(db, FolderSender(Path(args.folder)), lambda: datetime.now(UTC))
    finally:
        db.dispose()
    print(f"{done.sent} sent, {done.failed} failed (tried again on the next run)")
    return 1 if done.failed else 0


def add_commands(sub: Any) -> None:
    """Register ``notify`` on ``clerk-records``' sub-parsers."""
    p = sub.add_parser(
        "notify", help="send unsent notifications to the SMS gateway's folder (from cron)"
    )
    p.add_argument("--folder", required=True, help="the folder the SMS gateway picks up")
    p.set_defaults(func=cmd_notify)
