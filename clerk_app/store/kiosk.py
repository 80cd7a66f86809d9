"""The ticket kiosk's local tickets (issue 18, schema step 12: ``kiosk_tickets``).

Every ticket the kiosk hands out is kept here before it is printed:

- an online ticket (numbered by the service) with its people ahead and query code
  (:func:`keep_online_ticket`);
- a ticket printed while the service could not be reached (:func:`take_offline_ticket`):
  numbered from the kiosk's own offline block (``clerk_app.core.queue``: 800–899 or
  900–999, per category and day, one past the highest used), written with ONE outbox row
  (kind ``queue_ticket``, ``POST /api/v1/queue/tickets``, Idempotency-Key = the ticket id)
  in ONE transaction: a number is never printed twice, and the ticket reaches the service
  exactly once when the link returns, whatever is retried or lost.

``printed_at`` stays empty until the ticket is on paper (:func:`mark_printed`): a ticket
whose printer ran out of paper is kept for its reprint (:func:`unprinted`).

The store never imports :mod:`clerk_app.remote`: the app hands in the request body.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from clerk_app.core.queue import format_ticket, next_offline_seq
from clerk_app.store.local import LocalStore
from clerk_app.store.outbox import canonical_json, stamp
from clerk_app.store.writer import writes

log = logging.getLogger("clerk.store")

TICKETS_PATH = "/api/v1/queue/tickets"
KIND_TICKET = "queue_ticket"


@dataclass(frozen=True)
class KioskTicket:
    """A ticket this kiosk issued.

    Attributes:
        people_ahead: None for a ticket printed offline (人数待定).
        printed_at: when it reached paper; None while it waits for a (re)print.
        center: for an offline ticket, where it stands at the service: ``waiting`` (in the
            outbox), ``sent`` or ``refused``; ``sent`` for an online one.
    """

    id: str
    day: date
    category: str
    category_name: str
    number: str
    offline: bool
    priority_class: str
    appointment_code: str
    people_ahead: int | None
    query_code: str
    issued_at: datetime
    printed_at: datetime | None
    prints: int
    center: str = "sent"


class OfflineBlockUsedUp(Exception):
    """The kiosk printed all 100 numbers of its block for this category today."""


_SELECT = (
    "SELECT t.*, o.state AS out_state FROM kiosk_tickets AS t"
    " LEFT JOIN outbox AS o ON o.idempotency_key = t.id AND o.kind = 'queue_ticket'"
)


def _ticket(row: Any) -> KioskTicket:
    state = row["out_state"]
    center = "sent" if state in (None, "sent") else "refused" if state == "rejected" else "waiting"
    printed = row["printed_at"]
    return KioskTicket(
        id=row["id"],
        day=date.fromisoformat(row["day"]),
        category=row["category"],
        category_name=row["category_name"],
        number=row["number"],
        offline=bool(row["offline"]),
        priority_class=row["priority_class"],
        appointment_code=row["appointment_code"],
        people_ahead=None if row["people_ahead"] is None else int(row["people_ahead"]),
        query_code=row["query_code"],
        issued_at=datetime.fromisoformat(row["issued_at"]),
        printed_at=None if printed is None else datetime.fromisoformat(printed),
        prints=int(row["prints"]),
        center=center if row["offline"] else "sent",
    )


def ticket(store: LocalStore, ticket_id: str) -> KioskTicket | None:
    row = store.db.query_one(_SELECT + " WHERE t.id = ?", (ticket_id,))
    return None if row is None else _ticket(row)


def tickets_of(store: LocalStore, day: date) -> list[KioskTicket]:
    """The tickets of ``day``, in the order they were issued."""
    rows = store.db.query(_SELECT + " WHERE t.day = ? ORDER BY t.issued_at, t.number", (str(day),))
    return [_ticket(r) for r in rows]


def unprinted(store: LocalStore) -> list[KioskTicket]:
    """Tickets issued but not on paper yet (the printer failed), oldest first."""
    rows = store.db.query(_SELECT + " WHERE t.printed_at IS NULL ORDER BY t.issued_at")
    return [_ticket(r) for r in rows]


def _insert(conn: sqlite3.Connection, t: KioskTicket, seq: int) -> None:
    conn.execute(
        "INSERT INTO kiosk_tickets (id, day, category, category_name, number, seq, offline,"
        " priority_class, appointment_code, people_ahead, query_code, issued_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            t.id,
            str(t.day),
            t.category,
            t.category_name,
            t.number,
            seq,
            int(t.offline),
            t.priority_class,
            t.appointment_code,
            t.people_ahead,
            t.query_code,
            t.issued_at.isoformat(),
        ),
    )


@writes
def keep_online_ticket(store: LocalStore, t: KioskTicket) -> KioskTicket:
    """Keep a ticket the service issued (the same id twice keeps the first)."""
    seq = int(t.number[1:]) if t.number[1:].isdigit() else 1
    with store.db.transaction() as conn:
        known = conn.execute("SELECT 1 FROM kiosk_tickets WHERE id = ?", (t.id,)).fetchone()
        if known is None:
            _insert(conn, t, seq)
    found = ticket(store, t.id)
    assert found is not None
    return found


@writes
def take_offline_ticket(
    store: LocalStore,
    *,
    ticket_id: str,
    day: date,
    category: str,
    category_name: str,
    prefix: str,
    block: int,
    issued_at: datetime,
    query_code: str,
    priority_class: str,
    outbox_body: dict[str, Any],
) -> KioskTicket:
    """Number a ticket from the kiosk's offline ``block`` and write it with its outbox row
    in ONE transaction; the body sent is ``outbox_body`` with the number taken.

    Raises:
        OfflineBlockUsedUp: the block's 100 numbers of this category are used today.
    """
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        used = [
            int(r[0])
            for r in conn.execute(
                "SELECT seq FROM kiosk_tickets WHERE day = ? AND category = ? AND offline = 1",
                (str(day), category),
            )
        ]
        try:
            seq = next_offline_seq(block, used)
        except ValueError as exc:
            raise OfflineBlockUsedUp(str(exc)) from None
        number = format_ticket(prefix, seq)
        t = KioskTicket(
            id=ticket_id,
            day=day,
            category=category,
            category_name=category_name,
            number=number,
            offline=True,
            priority_class=priority_class,
            appointment_code="",
            people_ahead=None,
            query_code=query_code,
            issued_at=issued_at,
            printed_at=None,
            prints=0,
            center="waiting",
        )
        _insert(conn, t, seq)
        body = {**outbox_body, "offline_number": number}
        store._enqueue(
            conn,
            case_id=None,
            kind=KIND_TICKET,
            method="POST",
            path=TICKETS_PATH,
            idempotency_key=ticket_id,
            body_json=canonical_json(body),
            now=now,
        )
    log.info("ticket %s printed offline from block %d", number, block)
    found = ticket(store, ticket_id)
    assert found is not None
    return found


@writes
def mark_printed(store: LocalStore, ticket_id: str, at: datetime) -> None:
    """The ticket reached paper (once more, for a reprint)."""
    with store.db.transaction() as conn:
        conn.execute(
            "UPDATE kiosk_tickets SET printed_at = ?, prints = prints + 1 WHERE id = ?",
            (at.isoformat(), ticket_id),
        )


def waiting_to_send(store: LocalStore) -> int:
    """Offline tickets not yet at the service."""
    row = store.db.query_one(
        "SELECT count(*) FROM outbox WHERE kind = ? AND state = 'pending'", (KIND_TICKET,)
    )
    return int(row[0]) if row is not None else 0
