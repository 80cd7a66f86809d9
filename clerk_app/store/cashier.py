"""The offline cashier's local records (issue 17, schema step 11).

- ``cashier_notices``: the center's unpaid notices pulled while online (``notice_json`` as
  the service answered it); a pull replaces them all, so a notice paid or cancelled
  elsewhere leaves the list.
- ``receipt_stock``: the paper receipt ranges allotted to this desk's cashiers
  (``POST /receipt-ranges`` by an admin), each with its next blank form.
- ``cashier_payments``: cash taken on paper with the link down. :func:`take_paper_payment`
  writes the payment, takes the next blank form of the cashier's stock and writes ONE outbox
  row (kind ``cashier_payment``, ``POST /api/v1/payments``, Idempotency-Key = the payment
  id, no ``case_id``: a cashier holds no cases) in ONE transaction: a number is never used
  twice (UNIQUE) and never skipped (it is taken only when the payment is written).

The store never imports :mod:`clerk_app.remote`: the app hands in the ``POST /payments``
body and the store adds the paper receipt it took (``{"kind": "paper", "code", "number"}``).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from clerk_app.store.local import LocalStore
from clerk_app.store.outbox import canonical_json, stamp
from clerk_app.store.writer import writes

log = logging.getLogger("clerk.store")

PAYMENTS_PATH = "/api/v1/payments"
KIND_PAYMENT = "cashier_payment"
#: Paper receipt numbers are printed with this many digits (as the service keeps them).
PAPER_DIGITS = 8


class NoPaperStock(Exception):
    """The cashier has no blank paper receipt left in the stock this desk knows."""


class PaidHereAlready(Exception):
    """This desk took a payment of the notice already (it is not paid twice)."""


@dataclass(frozen=True)
class StockRange:
    """A paper receipt range of a cashier, with the first number not yet used or voided as
    far as the center or this desk knows."""

    code: str
    first: int
    last: int
    cashier: str
    next_number: int

    @property
    def left(self) -> int:
        """Blank forms left."""
        return self.last - self.next_number + 1


@dataclass(frozen=True)
class PulledNotice:
    """A notice as pulled from the center (``data``: the service's ``notice`` object)."""

    notice_no: str
    payment_code: str
    total_fen: int
    data: dict[str, Any]


@dataclass(frozen=True)
class PaperPayment:
    """A cash payment taken here on a paper receipt, with where it stands at the center.

    ``center``: ``waiting`` (in the outbox), ``sent`` (the center took it) or ``refused``;
    ``answer`` is the center's answer once sent (the payment code of the notice, …).
    """

    id: str
    notice_no: str
    cashier: str
    amount_fen: int
    received_fen: int
    change_fen: int
    paid_at: datetime
    receipt_code: str
    receipt_number: str
    to_confirm: bool
    notice: dict[str, Any]
    center: str
    answer: dict[str, Any] | None
    error: str


def paper_number(number: int) -> str:
    return f"{number:0{PAPER_DIGITS}d}"


# -- pulled data -------------------------------------------------------------------------------


@writes
def keep_notices(store: LocalStore, notices: Sequence[PulledNotice]) -> int:
    """Replace the pulled notices with ``notices`` (one transaction); how many are kept."""
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM cashier_notices")
        conn.executemany(
            "INSERT OR REPLACE INTO cashier_notices"
            " (notice_no, payment_code, total_fen, notice_json, pulled_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (n.notice_no, n.payment_code, n.total_fen, canonical_json(n.data), now)
                for n in notices
            ],
        )
    return len(notices)


def pulled_notice(store: LocalStore, ref: str) -> PulledNotice | None:
    """The pulled notice with this notice number or payment code, or None."""
    row = store.db.query_one(
        "SELECT * FROM cashier_notices WHERE notice_no = ? OR (payment_code <> ''"
        " AND payment_code = ?)",
        (ref, ref),
    )
    if row is None:
        return None
    return PulledNotice(
        row["notice_no"], row["payment_code"], int(row["total_fen"]), json.loads(row["notice_json"])
    )


def pulled_at(store: LocalStore) -> datetime | None:
    """When the notices were last pulled (None: never)."""
    row = store.db.query_one("SELECT max(pulled_at) AS at FROM cashier_notices")
    text = None if row is None else row["at"]
    return None if text is None else datetime.fromisoformat(text)


@writes
def keep_stock(store: LocalStore, ranges: Sequence[StockRange]) -> None:
    """Keep the ranges the center allots (one transaction). A range known already keeps the
    higher of its next number here and the one the center gives: a form this desk used is
    never offered again, nor one the center has seen used or voided."""
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        for r in ranges:
            conn.execute(
                "INSERT INTO receipt_stock (code, first, last, cashier, next_number, pulled_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code, first) DO UPDATE SET"
                " last = excluded.last, cashier = excluded.cashier, pulled_at = excluded.pulled_at,"
                " next_number = max(receipt_stock.next_number, excluded.next_number)",
                (r.code, r.first, r.last, r.cashier, min(r.next_number, r.last + 1), now),
            )


def stock(store: LocalStore, cashier: str) -> list[StockRange]:
    """The cashier's ranges known here, in the order their forms are used."""
    rows = store.db.query(
        "SELECT * FROM receipt_stock WHERE cashier = ? ORDER BY code, first", (cashier,)
    )
    return [
        StockRange(r["code"], int(r["first"]), int(r["last"]), r["cashier"], int(r["next_number"]))
        for r in rows
    ]


# -- payments ----------------------------------------------------------------------------------


def _next_form(conn: sqlite3.Connection, cashier: str) -> tuple[str, str]:
    row = conn.execute(
        "SELECT code, first, next_number FROM receipt_stock"
        " WHERE cashier = ? AND next_number <= last ORDER BY code, first LIMIT 1",
        (cashier,),
    ).fetchone()
    if row is None:
        raise NoPaperStock(f"no blank paper receipt left for {cashier}")
    conn.execute(
        "UPDATE receipt_stock SET next_number = next_number + 1 WHERE code = ? AND first = ?",
        (row["code"], row["first"]),
    )
    return str(row["code"]), paper_number(int(row["next_number"]))


@writes
def take_paper_payment(
    store: LocalStore,
    *,
    payment_id: str,
    notice_no: str,
    cashier: str,
    amount_fen: int,
    received_fen: int,
    paid_at: datetime,
    to_confirm: bool,
    notice: dict[str, Any],
    outbox_body: dict[str, Any],
) -> PaperPayment:
    """Write a cash payment on paper, its receipt number and its outbox row in ONE
    transaction; the body sent is ``outbox_body`` with the receipt taken.

    Raises:
        NoPaperStock: no blank form left (nothing written).
        PaidHereAlready: this desk took this notice's payment already (nothing written).
    """
    now = stamp(store.clock.now())
    try:
        with store.db.transaction() as conn:
            code, number = _next_form(conn, cashier)
            conn.execute(
                "INSERT INTO cashier_payments (id, notice_no, cashier, method, amount_fen,"
                " received_fen, change_fen, paid_at, receipt_code, receipt_number, to_confirm,"
                " notice_json, created_at) VALUES (?, ?, ?, 'cash', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    payment_id,
                    notice_no,
                    cashier,
                    amount_fen,
                    received_fen,
                    received_fen - amount_fen,
                    paid_at.isoformat(),
                    code,
                    number,
                    int(to_confirm),
                    canonical_json(notice),
                    now,
                ),
            )
            body = {**outbox_body, "receipt": {"kind": "paper", "code": code, "number": number}}
            store._enqueue(
                conn,
                case_id=None,
                kind=KIND_PAYMENT,
                method="POST",
                path=PAYMENTS_PATH,
                idempotency_key=payment_id,
                body_json=canonical_json(body),
                now=now,
            )
    except store.db.integrity_error as error:  # the keyed driver's too
        if "cashier_payments.notice_no" in str(error):
            raise PaidHereAlready(f"notice {notice_no} was paid at this desk") from None
        raise
    log.info("cash for %s taken offline on paper %s/%s", notice_no, code, number)
    found = paper_payment(store, payment_id)
    assert found is not None
    return found


_SELECT = (
    "SELECT p.*, o.state AS out_state, o.response_json AS out_answer, o.last_error AS out_error"
    " FROM cashier_payments AS p LEFT JOIN outbox AS o ON o.idempotency_key = p.id"
)


def paper_payment(store: LocalStore, payment_id: str) -> PaperPayment | None:
    row = store.db.query_one(_SELECT + " WHERE p.id = ?", (payment_id,))
    return None if row is None else _payment(row)


def paper_payments(store: LocalStore, cashier: str | None = None) -> list[PaperPayment]:
    """The payments taken on paper here (a cashier's, or all), in receipt order."""
    where, params = ("", ()) if cashier is None else (" WHERE p.cashier = ?", (cashier,))
    rows = store.db.query(_SELECT + where + " ORDER BY p.receipt_code, p.receipt_number", params)
    return [_payment(r) for r in rows]


def paid_here(store: LocalStore, notice_no: str) -> bool:
    """Whether this desk took a payment of the notice."""
    row = store.db.query_one("SELECT 1 FROM cashier_payments WHERE notice_no = ?", (notice_no,))
    return row is not None


def _payment(row: sqlite3.Row) -> PaperPayment:
    state = row["out_state"]
    center = {"sent": "sent", "rejected": "refused", "voided": "refused"}.get(state, "waiting")
    answer = json.loads(row["out_answer"]) if state == "sent" and row["out_answer"] else None
    error = ""
    if state == "rejected" and row["out_answer"]:
        problem = json.loads(row["out_answer"])
        error = str(problem.get("detail") or problem.get("title") or "") if problem else ""
    return PaperPayment(
        id=row["id"],
        notice_no=row["notice_no"],
        cashier=row["cashier"],
        amount_fen=int(row["amount_fen"]),
        received_fen=int(row["received_fen"]),
        change_fen=int(row["change_fen"]),
        paid_at=datetime.fromisoformat(row["paid_at"]),
        receipt_code=row["receipt_code"],
        receipt_number=row["receipt_number"],
        to_confirm=bool(row["to_confirm"]),
        notice=json.loads(row["notice_json"]),
        center=center,
        answer=answer if isinstance(answer, dict) else None,
        error=error or (row["out_error"] or "" if center == "waiting" else ""),
    )
