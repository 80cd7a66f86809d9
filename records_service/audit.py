"""Append-only audit trail: who, when, what, from where, result — hash-chained.

Each record carries the SHA-256 of the record before it (``prev_hash``) and its own
``hash`` over its fields and ``prev_hash``, so an edited or deleted row breaks the chain;
:func:`verify` walks it. The hashed fields include the record's center (``center_code``)
for every record written since centers exist (migration 0007); the records written before
were hashed without it and still verify so, but only before the first record that covers
its center (a record after it hashed the old way is reported). Writers take the journal
lock (:func:`journal_lock`) so that the chain, and the change feed's sequence numbers,
follow commit order on PostgreSQL too.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from records_service.models import AuditRecord, writer_center

GENESIS = "0" * 64
#: Resident ID numbers (18 or 15 characters) and mobile numbers inside free text.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8}|\d{5})(\d{3}[\dXx]|\d)(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
#: pg_advisory_xact_lock key of the journal (case events and audit records).
JOURNAL_LOCK_KEY = 7_311_001
_TAIL = "audit_tail"


def journal_lock(session: Session) -> None:
    """Serialize journal writers until this transaction ends.

    On PostgreSQL a transaction-scoped advisory lock: whoever holds it assigns the next
    event sequence number and the next audit hash, and commits before the next writer
    starts, so sequence order is commit order and the change feed never skips a row that
    commits late. On SQLite every write transaction is already serialized
    (``BEGIN IMMEDIATE``). Re-entrant within a transaction. Take it after any row locks.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": JOURNAL_LOCK_KEY})


def scrub(value: Any) -> Any:
    """``value`` with ID numbers (110105********0123) and mobiles (138****8000) masked."""
    if isinstance(value, str):
        value = _ID_NUMBER.sub(lambda m: m[1] + "*" * len(m[2]) + m[3], value)
        return _MOBILE.sub(lambda m: m[1] + "****" + m[3], value)
    if isinstance(value, dict):
        return {k: scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


def _canonical(row: AuditRecord | dict[str, Any], *, with_center: bool) -> bytes:
    get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
    at = get("at")
    payload: dict[str, Any] = {
        "at": at.astimezone(UTC).isoformat(timespec="microseconds") if at else None,
        "actor": get("actor"),
        "device_id": get("device_id"),
        "action": get("action"),
        "target": get("target"),
        "client_ip": get("client_ip"),
        "result": get("result"),
        "detail": get("detail"),
    }
    if with_center:
        payload["center_code"] = get("center_code")
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def chain_hash(
    prev_hash: str, row: AuditRecord | dict[str, Any], *, with_center: bool = True
) -> str:
    """The hash of ``row`` given the hash of the record before it.

    ``with_center=False`` is the form of the records written before centers existed.
    """
    canonical = _canonical(row, with_center=with_center)
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical).hexdigest()


def _tail(session: Session) -> str:
    transaction = session.get_transaction()
    cached = session.info.get(_TAIL)
    if cached is not None and cached[0] is transaction:
        return cached[1]
    journal_lock(session)
    last = session.scalars(
        select(AuditRecord.hash)
        .where(AuditRecord.hash.is_not(None))
        .order_by(AuditRecord.id.desc())
        .limit(1)
    ).first()
    return last or GENESIS


def record(
    session: Session,
    *,
    at: datetime,
    action: str,
    result: str,
    actor: str | None = None,
    device_id: str | None = None,
    target: str | None = None,
    client_ip: str | None = None,
    detail: dict[str, Any] | None = None,
    center_code: str | None = None,
) -> None:
    """Add one audit record to ``session`` (committed with the write it describes).

    ``center_code``: the center the record belongs to; default: the writer's center.
    """
    row = AuditRecord(
        center_code=center_code or writer_center(session),
        at=at.astimezone(UTC),
        actor=actor[:64] if actor else None,
        device_id=device_id[:64] if device_id else None,
        action=action[:64],
        target=scrub(target[:100]) if target else None,
        client_ip=client_ip[:64] if client_ip else None,
        result=result[:32],
        detail=scrub(json.loads(json.dumps(detail, ensure_ascii=False))) if detail else None,
    )
    prev = _tail(session)
    row.prev_hash = prev
    row.hash = chain_hash(prev, row)
    session.add(row)
    session.flush()
    session.info[_TAIL] = (session.get_transaction(), row.hash)


@dataclass(frozen=True)
class ChainReport:
    """What :func:`verify` found: ``problems`` is empty when the chain is intact."""

    checked: int
    unchained: int
    problems: list[str]
    #: Records hashed without their center (written before migration 0007).
    without_center: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def iter_records(session: Session, batch: int = 2000) -> Iterator[AuditRecord]:
    """Every audit record in id order, read in batches."""
    last = 0
    while True:
        rows = session.scalars(
            select(AuditRecord).where(AuditRecord.id > last).order_by(AuditRecord.id).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id
        session.expunge_all()


def verify(records: Iterable[AuditRecord]) -> ChainReport:
    """Walk the chain in id order; report every break (edited, deleted or inserted rows).

    Records written before the chain existed (no hash) may only come first; records
    hashed without their center may only come before the first one hashed with it.
    """
    problems: list[str] = []
    prev: str | None = None
    checked = unchained = without_center = 0
    centered = False
    for row in records:
        if row.hash is None:
            if prev is not None:
                problems.append(f"record {row.id}: no hash after the chain began")
            else:
                unchained += 1
            continue
        checked += 1
        expected_prev = GENESIS if prev is None else prev
        if row.prev_hash != expected_prev:
            problems.append(
                f"record {row.id}: the record before it was changed or deleted "
                "(prev_hash does not match)"
            )
        if chain_hash(row.prev_hash or "", row) == row.hash:
            centered = True
        elif chain_hash(row.prev_hash or "", row, with_center=False) == row.hash:
            without_center += 1
            if centered:
                problems.append(
                    f"record {row.id}: hashed without its center after records that cover it"
                )
        else:
            problems.append(f"record {row.id}: its content was changed (hash does not match)")
        prev = row.hash
    return ChainReport(
        checked=checked, unchained=unchained, problems=problems, without_center=without_center
    )
