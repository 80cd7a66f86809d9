"""The audit chain given after commit on PostgreSQL (migration 0025): no writer waits for
another writer of its center.

Until migration 0025 every writer of an audit record took its center's advisory lock, read
the chain's tail and hashed its record after it, so the writers of a center committed one
at a time (each commit's WAL flush inside the lock). Now, on PostgreSQL:

- :func:`records_service.audit.record` inserts the record with its chain fields
  (``prev_hash``, ``hash``, ``chain_seq``) NULL, its transaction id in ``xid`` (the
  column's default) and, when the service seals its trail, ``mac`` = the seal of the
  record's *content* (:func:`records_service.audit.pending_mark`): a record that a writer
  without the audit key slipped into the table is never chained (and ``verify`` names it);
- :func:`chain_center` (one chainer per center at a time: a transaction-scoped advisory
  lock it only tries for, unless asked to wait) chains the records of the center whose
  transactions have ended (``xid`` below ``pg_snapshot_xmin(pg_current_snapshot())``), in
  (``xid``, ``id``) order after the chain's tail: ``prev_hash``, ``hash``, ``chain_seq``
  and ``mac`` = the seal of ``hash``, the same fields a record chained at write time has;
  the checkpoints that fall due are written after the chainer's commit;
- each service process's placer thread (``read_replica.Placer``) calls :func:`chain_pending`
  every ``PLACE_EVERY_S`` (200 ms) and once more when the service stops; the readers that
  need the chain call it first and wait for a chainer at work (``GET /audit``,
  ``clerk-records audit verify`` and ``audit checkpoint``).

Why nothing is chained twice or skipped: a record is chained by an UPDATE of a row whose
``hash`` is NULL (the append-only trigger lets only that through, once), under the
center's chainer lock; the tail is read after the lock is taken, in a statement of its
own, so it includes the chain committed by the chainer before. A transaction whose id is
below the bound has ended, so every record it committed is visible to the chainer; a
record of a transaction still open is chained by a later pass, after all of these. An
open transaction never makes the chain skip a record; it only leaves its own records
unchained until it ends. The chain's order is therefore not the records' id order:
:func:`records_service.audit.verify` follows ``chain_seq``.

The window: a committed record stays unchained until the next pass of a placer, at most
``PLACE_EVERY_S`` (200 ms) while a service runs, plus the chaining's own time; readers that
need the chain chain first. SQLite serializes its writers (``BEGIN IMMEDIATE``): records
are chained at write time there, as before, and nothing is pending.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import CursorResult, Table, bindparam, literal_column, select, text, update
from sqlalchemy.orm import Session

from records_service import audit, locks
from records_service.audit_seal import AuditSeal, Checkpoint, SealError
from records_service.models import AuditRecord

if TYPE_CHECKING:
    from records_service.db import Database

log = logging.getLogger("records.audit")

#: First key of the per-center chainer locks (the second is the center's CRC-32).
CHAIN_LOCK_KEY = 7_311_025
#: Records chained per statement round.
BATCH = 2000

_RECORDS = cast(Table, AuditRecord.__table__)
_ENDED = _RECORDS.c.xid < literal_column("pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
_UNCHAINED = (_RECORDS.c.hash.is_(None), _RECORDS.c.xid.is_not(None))
_CONTENT = [_RECORDS.c[name] for name in (*audit.HASHED, "id", "mac", "xid")]
_PENDING_CENTERS = select(_RECORDS.c.center_code).where(*_UNCHAINED, _ENDED).distinct()
_PENDING = (
    select(*_CONTENT)
    .where(_RECORDS.c.center_code == bindparam("center"), *_UNCHAINED, _ENDED)
    .order_by(_RECORDS.c.xid, _RECORDS.c.id)
    .limit(BATCH)
)
_ANY_PENDING = select(_RECORDS.c.id).where(*_UNCHAINED).limit(1)
# ``at`` too: the partition key, so each UPDATE reads one month's partition.
_CHAIN = (
    update(_RECORDS)
    .where(
        _RECORDS.c.id == bindparam("record_id"),
        _RECORDS.c.at == bindparam("record_at"),
        _RECORDS.c.hash.is_(None),
    )
    .values(
        prev_hash=bindparam("prev_hash"),
        hash=bindparam("hash"),
        chain_seq=bindparam("chain_seq"),
        mac=bindparam("mac"),
    )
)
_LOCK = text("SELECT pg_advisory_xact_lock(:a, :b)")
_TRY_LOCK = text("SELECT pg_try_advisory_xact_lock(:a, :b)")
#: Records already reported as not chainable (forged: no valid seal), per process.
_REFUSED: set[int] = set()


def deferred(session: Session) -> bool:
    """Whether ``session``'s audit records are chained after commit (PostgreSQL)."""
    return session.get_bind().dialect.name == "postgresql"


def _lock(session: Session, center: str, *, wait: bool) -> bool:
    params = {"a": CHAIN_LOCK_KEY, "b": locks.scope_key(center)}
    if wait:
        session.execute(_LOCK, params)
        return True
    return bool(session.scalar(_TRY_LOCK, params))


def _sealable(seal: AuditSeal | None, row: dict[str, Any]) -> bool:
    """Whether ``row`` carries the seal of its content (written by a holder of the key)."""
    if seal is None:
        return True
    mac = row.get("mac")
    return isinstance(mac, str) and seal.mac_ok(audit.pending_mark(row), mac)


def chain_center(
    session: Session, center: str, seal: AuditSeal | None, *, wait: bool = False
) -> int | None:
    """Chain ``center``'s records of ended transactions (PostgreSQL), in the caller's
    transaction, which must commit soon (the lock is held until then; checkpoints are
    written after it commits).

    Returns how many were chained, or None when another chainer of the center holds the
    lock (with ``wait``: waits for it instead) or the audit key cannot be read (logged; a
    key is never made here: records sealed so far would stop verifying).
    """
    if not _lock(session, center, wait=wait):
        return None
    if seal is not None:
        try:
            seal.key(create=False)
        except SealError as exc:
            log.error("audit records of %s not chained: %s", center, exc)
            return None
    chained = 0
    tail: tuple[str, int] | None = None
    while True:
        # Statements of their own, after the lock: they see the chain committed before.
        rows = [dict(r._mapping) for r in session.execute(_PENDING, {"center": center})]
        if not rows:
            return chained
        if tail is None:
            tail = audit.chain_tail(session, center)
        prev, seq = tail
        links: list[dict[str, Any]] = []
        points: list[Checkpoint] = []
        for row in rows:
            if not _sealable(seal, row):
                if row["id"] not in _REFUSED:
                    _REFUSED.add(row["id"])
                    log.error(
                        "audit record %s of %s not chained: its seal does not match (not "
                        "written by this service)",
                        row["id"],
                        center,
                    )
                continue
            seq += 1
            digest = audit.chain_hash(prev, row)
            link = {"record_id": row["id"], "record_at": row["at"], "prev_hash": prev}
            link.update(hash=digest, chain_seq=seq, mac=seal.mac(digest) if seal else None)
            links.append(link)
            if seal is not None and seal.due(seq):
                points.append(Checkpoint(seal.database, center, seq, row["id"], digest))
            prev = digest
        if links:
            done = cast(CursorResult[Any], session.execute(_CHAIN, links)).rowcount
            if done != len(links):  # never: the lock and ``hash IS NULL`` say so
                raise RuntimeError(f"audit chain of {center}: {done} of {len(links)} chained")
        for point in points:
            audit.queue_checkpoint(session, cast(AuditSeal, seal), point)
        chained += len(links)
        tail = (prev, seq)
        if len(rows) < BATCH:
            return chained


def chain_pending(database: Database, *, wait: bool = False) -> int:
    """Chain every center's records of ended transactions, a transaction per center
    (PostgreSQL; 0 on SQLite). With ``wait``, waits for a chainer at work, so that every
    record committed before this call is chained when it returns. How many were chained
    here."""
    if database.engine.dialect.name != "postgresql":
        return 0
    with database.read() as session:
        centers = list(session.scalars(_PENDING_CENTERS))
    total = 0
    for center in sorted(centers):
        with database.write() as session:
            total += chain_center(session, center, database.seal, wait=wait) or 0
    return total


def unchained(session: Session) -> bool:
    """Whether any record waits for its chain (PostgreSQL; its transaction may be open)."""
    return deferred(session) and session.execute(_ANY_PENDING).first() is not None
