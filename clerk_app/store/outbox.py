"""The outbox: writes waiting for the service, sent in order per case, each exactly once.

Every row keeps its Idempotency-Key, the canonical body and its hash, the attempts, the
last error and the next try. :class:`OutboxMixin` gives :class:`~clerk_app.store.local.
LocalStore` its outbox methods; the helpers here (:func:`canonical_json`, :func:`stamp`)
are the one spelling of bodies and timestamps in the store.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from clerk_app.store import journal as journal_chain
from clerk_app.store.writer import writes

if TYPE_CHECKING:  # sqlite3: rows of either driver (a keyed desk loads sqlcipher3 only)
    import sqlite3

    from clerk_app.store.db import Database

CASES_PATH = "/api/v1/cases"
KIND_CREATE_CASE = "create_case"
#: A joint case with all its parts (issue 16): one row, no ``case_id``, the joint id as key.
JOINT_CASES_PATH = "/api/v1/joint-cases"
KIND_CREATE_JOINT = "create_joint_case"
#: The rows that create a record with a local server state (case, joint case).
_CREATIONS = (KIND_CREATE_CASE, KIND_CREATE_JOINT)

#: Offered only when a case's earlier rows are done (a later event must not overtake the
#: creation it belongs to) and, for a part of a joint case taken in here, when the joint
#: case's creation is neither waiting nor refused: the center has no part without it.
_OFFERABLE = (
    " AND (o.case_id IS NULL OR (o.id = (SELECT min(p.id) FROM outbox AS p"
    "      WHERE p.case_id = o.case_id AND p.state = 'pending')"
    "  AND NOT EXISTS (SELECT 1 FROM cases AS pc"
    "      JOIN joint_cases AS j ON j.joint_no = pc.joint_case_no"
    "      JOIN outbox AS jo ON jo.idempotency_key = j.id"
    "      WHERE pc.id = o.case_id AND pc.joint_case_no <> ''"
    "      AND jo.state IN ('pending', 'rejected'))))"
)


class _Clock(Protocol):
    def now(self) -> datetime: ...


def canonical_json(data: Any) -> str:
    """The one JSON spelling of a body: sorted keys, no spaces, UTF-8 kept as is.

    The same record therefore always hashes (and is sent) byte for byte the same, which is
    what the service's idempotency check compares.
    """
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def body_hash(body_json: str) -> str:
    """SHA-256 (hex) of a canonical body."""
    return hashlib.sha256(body_json.encode("utf-8")).hexdigest()


def stamp(dt: datetime) -> str:
    """A machine timestamp: UTC, microseconds, so that text order is time order."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"timestamps must be timezone-aware, got {dt!r}")
    return dt.astimezone(UTC).isoformat(timespec="microseconds")


def parse_stamp(text: str | None) -> datetime | None:
    """Inverse of :func:`stamp`."""
    return None if text is None else datetime.fromisoformat(text)


@dataclass(frozen=True)
class OutboxRow:
    """One write waiting for (or done with) the service."""

    id: int
    case_id: str | None
    kind: str
    method: str
    path: str
    idempotency_key: str
    body_json: str | None
    body_hash: str | None
    created_at: datetime
    attempts: int
    last_error: str | None
    next_try_at: datetime
    state: str
    sent_at: datetime | None
    response_status: int | None
    response: Any

    @property
    def body(self) -> Any:
        """The body as data (None for body-less requests)."""
        return None if self.body_json is None else json.loads(self.body_json)


#: Kinds a clerk counts as cases (creation, events, a joint case) and as documents, for the
#: status bar.
_CASE_KINDS = (KIND_CREATE_CASE, "case_event", KIND_CREATE_JOINT)
_DOCUMENT_KIND = "document_record"
#: The waiting rows counted that way: (cases, documents, other); ``store.unsent_check``
#: runs it too.
WAITING_COUNTS_SQL = (
    "SELECT count(DISTINCT CASE WHEN kind IN (?, ?, ?) THEN coalesce(case_id, id) END),"
    " sum(kind = ?), sum(kind NOT IN (?, ?, ?, ?))"
    " FROM outbox WHERE state = 'pending'"
)
WAITING_COUNTS_PARAMS = (*_CASE_KINDS, _DOCUMENT_KIND, *_CASE_KINDS, _DOCUMENT_KIND)


@dataclass(frozen=True)
class WaitingCounts:
    """Outbox rows waiting to be sent, counted as a clerk counts them."""

    cases: int
    documents: int
    other: int

    @property
    def total(self) -> int:
        return self.cases + self.documents + self.other


@dataclass(frozen=True)
class WaitingRow:
    """A waiting outbox row as the connection panel lists it."""

    row_id: int
    kind: str
    case_no: str | None
    attempts: int
    last_error: str
    next_try_at: datetime | None
    created_at: datetime | None


class OutboxMixin:
    """The outbox methods of :class:`~clerk_app.store.local.LocalStore` (uses its db, clock)."""

    db: Database
    clock: _Clock

    @writes
    def enqueue(
        self,
        *,
        kind: str,
        method: str,
        path: str,
        idempotency_key: str,
        body: Any = None,
        case_id: str | None = None,
    ) -> int:
        """Add a write for the service to the outbox (joins the caller's transaction).

        Returns the outbox row id. Rows of one case are sent in id order.
        """
        body_json = None if body is None else canonical_json(body)
        with self.db.transaction() as conn:
            return self._enqueue(
                conn,
                case_id=case_id,
                kind=kind,
                method=method.upper(),
                path=path,
                idempotency_key=idempotency_key,
                body_json=body_json,
                now=stamp(self.clock.now()),
            )

    @staticmethod
    def _enqueue(
        conn: sqlite3.Connection,
        *,
        case_id: str | None,
        kind: str,
        method: str,
        path: str,
        idempotency_key: str,
        body_json: str | None,
        now: str,
    ) -> int:
        cur = conn.execute(
            "INSERT INTO outbox (case_id, kind, method, path, idempotency_key, body_json,"
            " body_hash, created_at, attempts, next_try_at, state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'pending')",
            (
                case_id,
                kind,
                method,
                path,
                idempotency_key,
                body_json,
                None if body_json is None else body_hash(body_json),
                now,
                now,
            ),
        )
        assert cur.lastrowid is not None
        # The same transaction mirrors the request into the hash-chained journal.
        journal_chain.append(
            conn,
            at=now,
            area="outbox",
            message=f"{kind} {method} {path}",
            kind=journal_chain.KIND_WRITE,
            data={
                "method": method,
                "path": path,
                "idempotency_key": idempotency_key,
                "case_id": case_id,
                "body": None if body_json is None else json.loads(body_json),
            },
        )
        return int(cur.lastrowid)

    # -- sending ----------------------------------------------------------------------------

    def outbox_pending(self, now: datetime, limit: int = 50) -> list[OutboxRow]:
        """Rows due for sending, oldest first.

        Only the first pending row of each case is offered (a later event must not overtake
        the creation it belongs to); rows without a case are independent.
        """
        rows = self.db.query(
            "SELECT * FROM outbox AS o WHERE o.state = 'pending' AND o.next_try_at <= ?"  # noqa: S608
            + _OFFERABLE
            + " ORDER BY o.id LIMIT ?",
            (stamp(now), limit),
        )
        return [_outbox_from_row(r) for r in rows]

    def outbox_next_due(self) -> datetime | None:
        """When the earliest pending row is due (None when nothing is pending)."""
        # Only rows that could be offered: a case's later rows wait for its first one.
        row = self.db.query_one(
            "SELECT min(o.next_try_at) FROM outbox AS o WHERE o.state = 'pending'"  # noqa: S608
            + _OFFERABLE
        )
        return None if row is None else parse_stamp(row[0])

    def outbox_row(self, row_id: int) -> OutboxRow | None:
        """One outbox row by id."""
        row = self.db.query_one("SELECT * FROM outbox WHERE id = ?", (row_id,))
        return None if row is None else _outbox_from_row(row)

    def outbox_rows(self, state: str | None = None) -> list[OutboxRow]:
        """All outbox rows (optionally in one state), oldest first."""
        if state is None:
            rows = self.db.query("SELECT * FROM outbox ORDER BY id")
        else:
            rows = self.db.query("SELECT * FROM outbox WHERE state = ? ORDER BY id", (state,))
        return [_outbox_from_row(r) for r in rows]

    @writes
    def mark_sent(self, row_id: int, status: int, response: Any) -> None:
        """The service accepted the row; a created case is then ``synced``."""
        self.mark_sent_many([(row_id, status, response)])

    @writes
    def mark_sent_many(self, answers: Sequence[tuple[int, int, Any]]) -> None:
        """Several accepted rows ``(row_id, status, response)`` in ONE transaction.

        The sync engine marks a round's rows together: one durable commit instead of one per
        row. A crash before the commit only means those rows go again, and the service
        answers them from its stored responses (same Idempotency-Key): nothing doubles.
        """
        if not answers:
            return
        now = stamp(self.clock.now())
        with self.db.transaction() as conn:
            for row_id, status, response in answers:
                row = self._require_row(conn, row_id)
                conn.execute(
                    "UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1,"
                    " response_status = ?, response_json = ?, last_error = NULL WHERE id = ?",
                    (now, status, _dump_response(response), row_id),
                )
                if row["kind"] in _CREATIONS:
                    _set_created_state(conn, row, "synced", now)

    @writes
    def mark_retry(self, row_id: int, error: str, next_try_at: datetime) -> None:
        """The row could not be delivered this time; try again at ``next_try_at``."""
        with self.db.transaction() as conn:
            self._require_row(conn, row_id)
            conn.execute(
                "UPDATE outbox SET state = 'pending', attempts = attempts + 1, last_error = ?,"
                " next_try_at = ? WHERE id = ?",
                (error, stamp(next_try_at), row_id),
            )

    @writes
    def mark_rejected(self, row_id: int, status: int, problem: Any) -> None:
        """The service refused the row for good; it is kept, with the reason, for the clerk."""
        now = stamp(self.clock.now())
        with self.db.transaction() as conn:
            row = self._require_row(conn, row_id)
            conn.execute(
                "UPDATE outbox SET state = 'rejected', attempts = attempts + 1,"
                " response_status = ?, response_json = ?, last_error = ? WHERE id = ?",
                (status, _dump_response(problem), _refusal_reason(row, status, problem), row_id),
            )
            if row["kind"] in _CREATIONS:
                _set_created_state(conn, row, "rejected", now)

    def outbox_counts(self) -> dict[str, int]:
        """``{"pending": n, "rejected": m}`` for the status bar ("offline · N waiting")."""
        counts = {"pending": 0, "rejected": 0}
        for row in self.db.query(
            "SELECT state, count(*) FROM outbox WHERE state IN ('pending', 'rejected')"
            " GROUP BY state"
        ):
            counts[row[0]] = int(row[1])
        return counts

    def outbox_waiting_counts(self) -> WaitingCounts:
        """What is waiting to be sent, by what a clerk calls it: cases (a case's creation
        and its later events count once per case), documents, other records (ratings,
        audit records)."""
        row = self.db.query_one(WAITING_COUNTS_SQL, WAITING_COUNTS_PARAMS)
        if row is None:
            return WaitingCounts(0, 0, 0)
        return WaitingCounts(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))

    def outbox_waiting(self, limit: int = 200) -> tuple[WaitingRow, ...]:
        """The waiting rows, oldest first, with their case number and why the last try
        failed (empty when none failed yet)."""
        rows = self.db.query(
            "SELECT o.id, o.kind, coalesce(c.case_no, j.joint_no), o.attempts, o.last_error,"
            " o.next_try_at, o.created_at FROM outbox o LEFT JOIN cases c ON c.id = o.case_id"
            " LEFT JOIN joint_cases j ON o.case_id IS NULL AND j.id = o.idempotency_key"
            " WHERE o.state = 'pending' ORDER BY o.id LIMIT ?",
            (limit,),
        )
        return tuple(
            WaitingRow(
                row_id=int(r[0]),
                kind=r[1],
                case_no=r[2],
                attempts=int(r[3] or 0),
                last_error=r[4] or "",
                next_try_at=parse_stamp(r[5]),
                created_at=parse_stamp(r[6]),
            )
            for r in rows
        )

    @writes
    def retry_now(self, *, refused: bool = True) -> int:
        """Make every waiting row due now and (with ``refused``) put the refused rows back
        in line, unchanged and with their Idempotency-Keys; returns how many rows."""
        now = stamp(self.clock.now())
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE outbox SET state = 'pending', next_try_at = ?"
                " WHERE state = 'pending' OR (state = 'rejected' AND ?)",
                (now, int(refused)),
            )
            return int(cur.rowcount)

    @staticmethod
    def _require_row(conn: sqlite3.Connection, row_id: int) -> sqlite3.Row:
        row = conn.execute("SELECT * FROM outbox WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise KeyError(f"no outbox row {row_id}")
        return row


def _set_created_state(conn: sqlite3.Connection, row: sqlite3.Row, state: str, now: str) -> None:
    """The server state of what a creation row made: its case, or a joint case and every
    part of it."""
    if row["kind"] == KIND_CREATE_CASE:
        if row["case_id"] is not None:
            conn.execute(
                "UPDATE cases SET server_state = ?, updated_at = ? WHERE id = ?",
                (state, now, row["case_id"]),
            )
        return
    joint = conn.execute(
        "SELECT joint_no FROM joint_cases WHERE id = ?", (row["idempotency_key"],)
    ).fetchone()
    if joint is None:
        return
    conn.execute(
        "UPDATE joint_cases SET server_state = ?, updated_at = ? WHERE id = ?",
        (state, now, row["idempotency_key"]),
    )
    conn.execute(
        "UPDATE cases SET server_state = ?, updated_at = ? WHERE joint_case_no = ?"
        " AND server_state <> 'synced'",
        (state, now, joint[0]),
    )


def _dump_response(response: Any) -> str | None:
    if response is None:
        return None
    if isinstance(response, str):
        return response
    return canonical_json(response)


def _problem_summary(status: int, problem: Any) -> str:
    if isinstance(problem, dict):
        parts = [str(problem.get(k)) for k in ("title", "detail") if problem.get(k)]
        if parts:
            return f"{status}: " + " — ".join(parts)
    return f"HTTP {status}"


def _refusal_reason(row: sqlite3.Row, status: int, problem: Any) -> str:
    """The reason a refused row is listed with; a joint case's names each refused part by
    its case number and item (the service names them by position: ``parts[2].…``)."""
    summary = _problem_summary(status, problem)
    if row["kind"] != KIND_CREATE_JOINT or not isinstance(problem, dict) or not row["body_json"]:
        return summary
    parts = (json.loads(row["body_json"]) or {}).get("parts") or []
    named = []
    for error in problem.get("errors") or []:
        found = (
            re.match(r"parts\[(\d+)\]", str(error.get("field") or ""))
            if isinstance(error, dict)
            else None
        )
        if found and int(found[1]) < len(parts) and isinstance(parts[int(found[1])], dict):
            part = parts[int(found[1])]
            named.append(f"{part.get('case_no')} ({part.get('item_code')}): {error.get('message')}")
    return (summary + " — " + "; ".join(named))[:1000] if named else summary


def _outbox_from_row(row: sqlite3.Row) -> OutboxRow:
    created = parse_stamp(row["created_at"])
    next_try = parse_stamp(row["next_try_at"])
    assert created is not None and next_try is not None
    response_json = row["response_json"]
    try:
        response = None if response_json is None else json.loads(response_json)
    except ValueError:
        response = response_json
    return OutboxRow(
        id=int(row["id"]),
        case_id=row["case_id"],
        kind=row["kind"],
        method=row["method"],
        path=row["path"],
        idempotency_key=row["idempotency_key"],
        body_json=row["body_json"],
        body_hash=row["body_hash"],
        created_at=created,
        attempts=int(row["attempts"]),
        last_error=row["last_error"],
        next_try_at=next_try,
        state=row["state"],
        sent_at=parse_stamp(row["sent_at"]),
        response_status=row["response_status"],
        response=response,
    )
