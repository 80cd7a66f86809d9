"""Payment notices issued at this window (缴款通知书, issue 17).

A notice is written in ONE transaction on the store's writer: its ``payment_notices`` row
and ONE outbox row (kind ``payment_notice``, ``POST /api/v1/payment-notices``,
Idempotency-Key = the notice id). The row names the notice's case (``case_id``), so it is
sent after the case's creation: the center files a notice only against a case it has.

A cancellation (作废) is refused here once the notice is paid (as the center says on a
pull); otherwise the row becomes ``cancelled`` and ONE outbox row (kind
``payment_notice_cancel``, ``POST /api/v1/payment-notices/{notice_no}/cancel``,
Idempotency-Key = the cancellation's id) goes with it.

The store's own codec (it never imports :mod:`clerk_app.remote`): payer, lines, waiver,
department and clerk are ``payload_json``; money is integer fen.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import asdict, replace
from datetime import datetime
from typing import Any
from urllib.parse import quote

from clerk_app.core.fees import FeeRuleError, NoticeLine, PaymentNotice, Waiver
from clerk_app.store.local import LocalStore
from clerk_app.store.outbox import canonical_json, stamp
from clerk_app.store.writer import writes

log = logging.getLogger("clerk.store")

NOTICES_PATH = "/api/v1/payment-notices"
KIND_NOTICE = "payment_notice"
KIND_NOTICE_CANCEL = "payment_notice_cancel"


def cancel_path(notice_no: str) -> str:
    """The path of a notice's cancellation."""
    return f"{NOTICES_PATH}/{quote(notice_no, safe='')}/cancel"


def _payload(notice: PaymentNotice) -> dict[str, Any]:
    return {
        "department_code": notice.department_code,
        "payer": {
            "name": notice.payer_name,
            "id_type": notice.payer_id_type,
            "id_number": notice.payer_id_number,
        },
        "lines": [asdict(line) for line in notice.lines],
        "waiver": None if notice.waiver is None else asdict(notice.waiver),
        "clerk": notice.clerk,
    }


def _case_id(conn: sqlite3.Connection, case_no: str) -> str:
    row = conn.execute("SELECT id FROM cases WHERE case_no = ?", (case_no,)).fetchone()
    if row is None:
        raise KeyError(f"case {case_no} is not kept at this desk")
    return str(row[0])


@writes
def save_notice(
    store: LocalStore, notice: PaymentNotice, *, outbox_body: dict[str, Any]
) -> PaymentNotice:
    """Write the notice and its ``POST /payment-notices`` outbox row in ONE transaction.

    Raises:
        KeyError: the notice's case is not kept here; nothing was written.
        sqlite3.IntegrityError: the id or number exists already; nothing was written.
    """
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        case_id = _case_id(conn, notice.case_no)
        conn.execute(
            "INSERT INTO payment_notices (id, notice_no, case_no, window_code, total_fen,"
            " status, payment_code, payload_json, issued_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                notice.id,
                notice.notice_no,
                notice.case_no,
                notice.window_code,
                notice.total_fen,
                notice.status,
                notice.payment_code,
                canonical_json(_payload(notice)),
                notice.issued_at.isoformat(),
                now,
                now,
            ),
        )
        store._enqueue(
            conn,
            case_id=case_id,
            kind=KIND_NOTICE,
            method="POST",
            path=NOTICES_PATH,
            idempotency_key=notice.id,
            body_json=canonical_json(outbox_body),
            now=now,
        )
    log.info("payment notice %s stored for %s", notice.notice_no, notice.case_no)
    return notice


@writes
def cancel_notice(
    store: LocalStore, notice_no: str, *, cancel_id: str, outbox_body: dict[str, Any]
) -> PaymentNotice:
    """Mark the notice cancelled and queue its cancellation (ONE transaction).

    Raises:
        KeyError: no such notice here.
        FeeRuleError: ``not_issued`` — paid, refunded or cancelled already; nothing written.
    """
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        row = conn.execute(
            "SELECT * FROM payment_notices WHERE notice_no = ?", (notice_no,)
        ).fetchone()
        if row is None:
            raise KeyError(f"payment notice {notice_no} is not kept at this desk")
        notice = notice_from_row(row)
        if notice.status != "issued":
            raise FeeRuleError("not_issued", f"notice {notice_no} is {notice.status}")
        conn.execute(
            "UPDATE payment_notices SET status = 'cancelled', updated_at = ? WHERE id = ?",
            (now, notice.id),
        )
        store._enqueue(
            conn,
            case_id=_case_id(conn, notice.case_no),
            kind=KIND_NOTICE_CANCEL,
            method="POST",
            path=cancel_path(notice_no),
            idempotency_key=cancel_id,
            body_json=canonical_json(outbox_body),
            now=now,
        )
    log.info("payment notice %s cancelled", notice_no)
    return replace(notice, status="cancelled")


@writes
def take_center_state(store: LocalStore, notice_no: str, status: str, payment_code: str) -> bool:
    """Keep what the center says of a notice (its status, the payment code the fiscal
    platform assigned); False when this desk does not keep the notice.

    A notice cancelled here stays cancelled while the center still says ``issued`` (the
    cancellation may still be waiting in the outbox).
    """
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        cur = conn.execute(
            "UPDATE payment_notices SET payment_code = ?, updated_at = ?,"
            " status = CASE WHEN status = 'cancelled' AND ? = 'issued' THEN status ELSE ? END"
            " WHERE notice_no = ?",
            (payment_code, now, status, status, notice_no),
        )
        return cur.rowcount > 0


#: A notice's row with the payment code of the center's answer to its sent outbox row (the
#: fiscal platform assigns it when the notice reaches the center): the code is known after
#: the push without asking again.
_SELECT = (
    "SELECT n.*, (SELECT json_extract(o.response_json, '$.notice.payment_code') FROM outbox o"
    " WHERE o.idempotency_key = n.id AND o.state = 'sent') AS answered_code"
    " FROM payment_notices AS n"
)


def get_notice(store: LocalStore, notice_no: str) -> PaymentNotice | None:
    """The notice with this number, or None when this desk does not keep it."""
    row = store.db.query_one(_SELECT + " WHERE n.notice_no = ?", (notice_no,))
    return None if row is None else notice_from_row(row)


def case_notices(store: LocalStore, case_no: str) -> list[PaymentNotice]:
    """The notices of a case issued here, in number order."""
    rows = store.db.query(_SELECT + " WHERE n.case_no = ? ORDER BY n.notice_no", (case_no,))
    return [notice_from_row(r) for r in rows]


def notice_from_row(row: sqlite3.Row) -> PaymentNotice:
    payload = json.loads(row["payload_json"])
    payer = payload.get("payer") or {}
    waiver = payload.get("waiver")
    return PaymentNotice(
        id=row["id"],
        notice_no=row["notice_no"],
        case_no=row["case_no"],
        window_code=row["window_code"],
        department_code=str(payload.get("department_code") or ""),
        payer_name=str(payer.get("name") or ""),
        payer_id_type=str(payer.get("id_type") or ""),
        payer_id_number=str(payer.get("id_number") or ""),
        lines=tuple(NoticeLine(**line) for line in payload.get("lines") or ()),
        waiver=None if not waiver else Waiver(**waiver),
        total_fen=int(row["total_fen"]),
        status=row["status"],
        payment_code=row["payment_code"] or _answered_code(row),
        issued_at=datetime.fromisoformat(row["issued_at"]),
        clerk=str(payload.get("clerk") or ""),
    )


def _answered_code(row: sqlite3.Row) -> str:
    keys = row.keys()  # sqlite3.Row: "in" would look at the values
    code = row["answered_code"] if "answered_code" in keys else None
    return code if isinstance(code, str) else ""


@writes
def take_payment(store: LocalStore, notice_no: str, payment: dict[str, Any]) -> bool:
    """Keep the center's payment of a notice (as the service answers it: method, amounts,
    cashier, time and the fiscal receipt's electronic data) with the notice, so the case
    shows and reprints its receipt at this window; False when the notice is not kept here.
    """
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        cur = conn.execute(
            "UPDATE payment_notices SET payload_json = json_set(payload_json, '$.payment',"
            " json(?)), updated_at = ? WHERE notice_no = ?",
            (canonical_json(payment), now, notice_no),
        )
        return cur.rowcount > 0


def kept_payment(store: LocalStore, notice_no: str) -> dict[str, Any] | None:
    """The center's payment of a notice as kept by :func:`take_payment`, or None."""
    row = store.db.query_one(
        "SELECT json_extract(payload_json, '$.payment') FROM payment_notices WHERE notice_no = ?",
        (notice_no,),
    )
    if row is None or row[0] is None:
        return None
    value = json.loads(row[0])
    return value if isinstance(value, dict) else None


def notices_to_follow(store: LocalStore, case_nos: list[str] | tuple[str, ...]) -> list[str]:
    """The notices of ``case_nos`` kept here whose state the center may still change (issued,
    or paid: refunded later; or paid without the payment kept yet), by number."""
    if not case_nos:
        return []
    rows = store.db.query(
        "SELECT notice_no FROM payment_notices"
        " WHERE case_no IN (SELECT value FROM json_each(?))"
        " AND (status IN ('issued', 'paid')"
        " OR json_extract(payload_json, '$.payment') IS NULL AND status = 'refunded')"
        " ORDER BY notice_no",
        (json.dumps(list(case_nos)),),
    )
    return [str(r[0]) for r in rows]
