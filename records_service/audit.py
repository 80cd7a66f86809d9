"""Append-only audit trail: who, when, what, from where, result — hash-chained per center
and sealed with a key kept apart from the database.

Each record carries the SHA-256 of the record before it *of the same center*
(``prev_hash``) and its own ``hash`` over its fields and ``prev_hash``, so an edited or
deleted row breaks its center's chain; :func:`verify` walks every center's chain. One chain
per center (migration 0008): a province's centers do not queue behind one chain. Records
written before were one chain of the one center there was, which is the same thing.

Where the chain is given: on SQLite (writers serialized anyway) by :func:`record`, in the
writer's transaction. On PostgreSQL, since migration 0025, after the writer's commit by
``records_service.audit_chain`` (one chainer per center, in the writers' transaction
order), so the writers of a center take no lock and do not wait for each other's commits:
a record is unchained for at most the placer's interval (200 ms) while a service runs.
Chain order is then not id order: :func:`verify` follows each record's ``chain_seq``.

Since migration 0008 every record also carries its position in its center's chain
(``chain_seq``) and ``mac``, an HMAC of its ``hash`` under the audit key
(``audit_seal.AuditSeal``, a file named by the settings, never in the database); every
``audit_checkpoint_every`` records the chain's head goes to a signed checkpoint file after
the commit. :func:`verify` given the seal also checks the MACs (a rewrite by someone who
holds the database but not the key) and the checkpoints (a cut tail).

The hashed fields include the record's center (``center_code``) for every record written
since centers exist (migration 0007); the records written before were hashed without it and
still verify so, but only before the first record that covers its center (a record after it
hashed the old way is reported).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, event, func, insert, select
from sqlalchemy.orm import Session

from records_service import locks
from records_service.audit_seal import AUDIT_SEAL, AuditSeal, Checkpoint, SealError
from records_service.models import AuditRecord, writer_center
from records_service.prepared import Prepared, PreparedQuery

log = logging.getLogger("records.audit")

GENESIS = "0" * 64
#: Resident ID numbers (18 or 15 characters: 6 kept, 8 or 5 masked, 4 kept) and mobile
#: numbers inside free text. Only those two lengths: a run of 12 digits (the last group of
#: one UUID in 250, a case's or a file's id) is not an ID number and stays as it is.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8}|\d{5})(\d{3}[\dXx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])((?:\+?86)?1[3-9]\d)(\d{4})(\d{4})(?![0-9A-Za-z])")
#: First key of the per-center audit chain locks (the second is the center's CRC-32).
AUDIT_LOCK_KEY = int(locks.AUDIT_CHAIN)
_TAIL = "audit_tail"
_PENDING = "audit_checkpoints"
_RECORDS = cast(Table, AuditRecord.__table__)
# The statements of every record's path, built once (Core: no ORM compile, no autoflush).
_TAIL_QUERY = (
    select(_RECORDS.c.hash, _RECORDS.c.chain_seq)
    .where(_RECORDS.c.center_code == bindparam("center"), _RECORDS.c.hash.is_not(None))
    .order_by(_RECORDS.c.id.desc())
    .limit(1)
)
# Chained after commit (PostgreSQL), a chain's order is its positions' (ix_..._center_seq).
_TAIL_BY_SEQ = (
    select(_RECORDS.c.hash, _RECORDS.c.chain_seq)
    .where(_RECORDS.c.center_code == bindparam("center"), _RECORDS.c.chain_seq.is_not(None))
    .order_by(_RECORDS.c.chain_seq.desc())
    .limit(1)
)
_INSERT_UNCHAINED = insert(_RECORDS)
#: The fields a record's hash covers (its content), besides ``prev_hash``.
HASHED = (
    "at",
    "actor",
    "device_id",
    "action",
    "target",
    "client_ip",
    "result",
    "detail",
    "center_code",
)
# SQLite's path, on the driver's cursor (prepared.py): the tail and the chained record.
_TAIL_READ = PreparedQuery(_TAIL_QUERY)
_INSERT_CHAINED = Prepared(insert(_RECORDS), (*HASHED, "prev_hash", "hash", "chain_seq", "mac"))


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
    payload = {name: get(name) for name in HASHED if with_center or name != "center_code"}
    at = payload["at"]
    payload["at"] = at.astimezone(UTC).isoformat(timespec="microseconds") if at else None
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def chain_hash(
    prev_hash: str, row: AuditRecord | dict[str, Any], *, with_center: bool = True
) -> str:
    """The hash of ``row`` given the hash of the record before it.

    ``with_center=False`` is the form of the records written before centers existed.
    """
    canonical = _canonical(row, with_center=with_center)
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical).hexdigest()


def pending_mark(row: AuditRecord | dict[str, Any]) -> str:
    """What the ``mac`` of a record not chained yet seals: its content (with its center),
    apart from any chain hash (another prefix), see ``records_service.audit_chain``."""
    canonical = _canonical(row, with_center=True)
    return hashlib.sha256(b"unchained\n" + canonical).hexdigest()


def audit_lock(session: Session, center: str) -> None:
    """Serialize the writers of one center's chain until this transaction ends (SQLite:
    nothing; writers are serialized anyway). Writers no longer take it since migration
    0025 (PostgreSQL records are chained after commit); kept for tools and tests.
    """
    locks.hold(session, locks.AUDIT_CHAIN, center)


def _tail(session: Session, center: str) -> tuple[str, int]:
    """(hash, position) of the newest record of ``center``'s chain in this transaction
    (SQLite: writers serialized; chain order is id order)."""
    transaction = session.get_transaction()
    cached = session.info.get(_TAIL)
    if cached is not None and cached[0] is transaction and center in cached[1]:
        return cached[1][center]
    return _legacy_tail(session, center)


def chain_tail(session: Session, center: str) -> tuple[str, int]:
    """(hash, position) of the last record of ``center``'s chain, by position (PostgreSQL's
    chainer, under its lock)."""
    last = session.execute(_TAIL_BY_SEQ, {"center": center}).first()
    if last is not None:
        return last.hash, last.chain_seq
    return _legacy_tail(session, center)


def _legacy_tail(session: Session, center: str) -> tuple[str, int]:
    last = _TAIL_READ.first(session.connection(), {"center": center})
    if last is None:
        return GENESIS, 0
    if last.chain_seq is not None:
        return last.hash, last.chain_seq
    # The first record since migration 0008: count the chain so far once.
    count = session.scalar(
        select(func.count(AuditRecord.id)).where(
            AuditRecord.center_code == center, AuditRecord.hash.is_not(None)
        )
    )
    return last.hash, int(count or 0)


def _remember_tail(session: Session, center: str, tail: tuple[str, int]) -> None:
    transaction = session.get_transaction()
    cached = session.info.get(_TAIL)
    if cached is None or cached[0] is not transaction:
        tails: dict[str, tuple[str, int]] = {}
        cached = (transaction, tails)
        session.info[_TAIL] = cached
    cached[1][center] = tail


def forget_tail(session: Session) -> None:
    """Forget the chain's tail remembered for this transaction (after a savepoint that may
    hold a record was rolled back: the next record reads the tail again)."""
    session.info.pop(_TAIL, None)


def queue_checkpoint(session: Session, seal: AuditSeal, point: Checkpoint) -> None:
    """Write ``point`` to the checkpoint file once this transaction commits (never for a
    record that was rolled back)."""
    pending: list[Checkpoint] | None = session.info.get(_PENDING)
    if pending is None:
        pending = []
        session.info[_PENDING] = pending

        def written(done: Session) -> None:
            points = list(done.info.pop(_PENDING, []))
            try:
                seal.write(points)
            except (OSError, SealError) as exc:  # the records are committed: say it loudly
                log.error("audit checkpoint not written: %s", exc)

        def dropped(done: Session, _previous: Any = None) -> None:
            done.info.pop(_PENDING, None)

        event.listen(session, "after_commit", written, once=True)
        event.listen(session, "after_soft_rollback", dropped, once=True)
    pending.append(point)


def _sealed_before(session: Session) -> bool:
    """Whether any audit record is sealed already (then a missing key is not made anew)."""
    found = session.scalars(select(AuditRecord.id).where(AuditRecord.mac.is_not(None)).limit(1))
    return found.first() is not None


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

    ``center_code``: the center the record belongs to; default: the writer's center. The
    record is sealed with the session's audit key (see the module doc).

    Raises:
        audit_seal.SealError: the audit key can be neither read nor made (it is made only
            for a trail that nothing has sealed yet).
    """
    row = _content(
        at, action, result, actor, device_id, target, client_ip, detail, center_code, session
    )
    # What the session holds goes in first, as the ORM's autoflush ordered it before.
    session.flush()
    seal = _seal(session)
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # Chained after commit (audit_chain): no lock, no tail; its content sealed now.
        if seal is not None:
            row["mac"] = seal.mac(pending_mark(row))
        session.execute(_INSERT_UNCHAINED, row)
        return
    center = row["center_code"]
    prev, seq = _tail(session, center)
    row["prev_hash"] = prev
    row["hash"] = chain_hash(prev, row)
    row["chain_seq"] = seq + 1
    row["mac"] = seal.mac(row["hash"]) if seal is not None else None
    # One INSERT on the driver's cursor (prepared.py): an append-only row needs no unit
    # of work, nor SQLAlchemy's execution machinery.
    record_id = _INSERT_CHAINED.execute(conn, row)
    _remember_tail(session, center, (row["hash"], row["chain_seq"]))
    if seal is not None and seal.due(row["chain_seq"]):
        point = Checkpoint(seal.database, center, row["chain_seq"], record_id, row["hash"])
        queue_checkpoint(session, seal, point)


def unchained(
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
) -> dict[str, Any]:
    """PostgreSQL: what :func:`record` would insert (every name of :data:`UNCHAINED`),
    for a caller that inserts it in a statement of its own (``case_write``: the case, its
    event, its key and its audit record in one statement). Chained after commit like every
    record here (``audit_chain``); ``session``'s uncommitted objects are not flushed."""
    row = _content(
        at, action, result, actor, device_id, target, client_ip, detail, center_code, session
    )
    seal = _seal(session)
    row["mac"] = seal.mac(pending_mark(row)) if seal is not None else None
    return row


#: The columns of a record chained after commit (:func:`unchained`).
UNCHAINED = (*HASHED, "mac")


def _content(
    at: datetime,
    action: str,
    result: str,
    actor: str | None,
    device_id: str | None,
    target: str | None,
    client_ip: str | None,
    detail: dict[str, Any] | None,
    center_code: str | None,
    session: Session,
) -> dict[str, Any]:
    """A record's content (the :data:`HASHED` fields), cut to its columns and scrubbed."""
    return {
        "center_code": center_code or writer_center(session),
        "at": at.astimezone(UTC),
        "actor": actor[:64] if actor else None,
        "device_id": device_id[:64] if device_id else None,
        "action": action[:64],
        "target": scrub(target[:100]) if target else None,
        "client_ip": client_ip[:64] if client_ip else None,
        "result": result[:32],
        "detail": scrub(json.loads(json.dumps(detail, ensure_ascii=False))) if detail else None,
    }


def _seal(session: Session) -> AuditSeal | None:
    """The session's audit key (None: none configured).

    Raises:
        audit_seal.SealError: there is no key although records are sealed already.
    """
    seal: AuditSeal | None = session.info.get(AUDIT_SEAL)
    if seal is not None and not (seal.loaded or seal.key_exists()) and _sealed_before(session):
        # Never a second key: the records sealed so far would stop verifying.
        raise SealError(
            f"the audit trail is sealed, but there is no audit key at {seal.key_path}: "
            "give the service's key (CLERK_AUDIT_KEY_FILE)"
        )
    return seal


@dataclass(frozen=True)
class ChainReport:
    """What :func:`verify` found: ``problems`` is empty when the chain is intact."""

    checked: int
    unchained: int
    problems: list[str]
    #: Records hashed without their center (written before migration 0007).
    without_center: int = 0
    #: Records whose seal (MAC) was checked, and checkpoints compared (``seal`` given).
    sealed: int = 0
    checkpoints: int = 0
    #: What the check could not cover (no key, no checkpoint file ...); not problems.
    notes: list[str] = field(default_factory=list)
    #: Records not chained yet (PostgreSQL: their transaction was still open, or ended
    #: after the last chainer's pass); their content's seal is checked.
    pending: int = 0

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


#: How many positions of one chain :func:`verify` keeps waiting for an earlier position
#: seen later in id order (records chained after commit: a writer that took its
#: transaction id early and wrote its record late) before it reports the gap.
GAP_WINDOW = 200_000


@dataclass
class _Chain:
    """The walk's state of one center's chain: positions 1..``upto`` seen (``last``: the
    hash at ``upto``), later positions seen out of order in ``above``, and the records
    whose previous position has not been seen yet in ``waiting`` (position → id, prev)."""

    began: bool = False
    centered: bool = False
    sealed: bool = False
    upto: int = 0
    last: str = GENESIS
    top: int = 0
    above: dict[int, str] = field(default_factory=dict)
    waiting: dict[int, tuple[int, str | None]] = field(default_factory=dict)

    def before(self, position: int) -> str | None:
        """The hash at ``position - 1`` (GENESIS before the first), None if not seen yet."""
        if position - 1 == self.upto:
            return self.last
        return self.above.get(position - 1)

    def add(self, position: int, digest: str) -> tuple[int, str | None] | None:
        """Note ``digest`` at ``position``; the record waiting for it, if any."""
        self.above[position] = digest
        self.top = max(self.top, position)
        while self.upto + 1 in self.above:
            self.upto += 1
            self.last = self.above.pop(self.upto)
        return self.waiting.pop(position + 1, None)

    def skip_gap(self) -> None:
        """Move past the first missing position (reported by the record waiting for it)."""
        self.upto = min(self.above) - 1
        self.last = ""
        while self.upto + 1 in self.above:
            self.upto += 1
            self.last = self.above.pop(self.upto)


_BEFORE_CHANGED = "the record before it was changed or deleted"


def _link(
    chain: _Chain, row: AuditRecord, position: int, intact: bool, problems: list[str]
) -> None:
    """Check ``row``'s link to the position before it and note it at ``position``."""
    if position <= chain.upto or position in chain.above:
        problems.append(
            f"record {row.id}: a second record at position {position} of {row.center_code}'s chain"
        )
        return
    expected = chain.before(position)
    if intact and expected is not None and row.prev_hash != expected:
        problems.append(f"record {row.id}: {_BEFORE_CHANGED} (prev_hash does not match)")
    elif intact and expected is None:
        chain.waiting[position] = (row.id, row.prev_hash)
    waiting = chain.add(position, row.hash or "")
    if waiting is not None and waiting[1] != row.hash:
        problems.append(f"record {waiting[0]}: {_BEFORE_CHANGED} (prev_hash does not match)")
    if len(chain.above) > GAP_WINDOW:
        _report_gap(chain, row.center_code, problems)
        chain.skip_gap()


def _report_gap(chain: _Chain, center: str, problems: list[str]) -> None:
    first = min(chain.above)
    waiting = chain.waiting.pop(first, None)
    if waiting is not None:
        problems.append(
            f"record {waiting[0]}: {_BEFORE_CHANGED} (position {first - 1} of {center}'s "
            "chain is missing)"
        )


def _read_checkpoints(
    seal: AuditSeal, problems: list[str], notes: list[str]
) -> dict[int, tuple[int, Checkpoint]]:
    wanted: dict[int, tuple[int, Checkpoint]] = {}
    if not seal.checkpoint_path.exists():
        notes.append(f"no checkpoint file at {seal.checkpoint_path}: a cut tail is not checked")
        return wanted
    for line, point, problem in seal.read():
        if point is None:
            problems.append(problem)
        else:
            wanted[point.record_id] = (line, point)
    return wanted


def verify(records: Iterable[AuditRecord], seal: AuditSeal | None = None) -> ChainReport:
    """Walk every center's chain; report every break (edited, deleted or inserted rows). A
    record whose own hash does not match is reported as changed (its link to the record
    before is then not reported as well).

    Records come in id order; each links to the record at the position before its own
    (``chain_seq``; a record from before migration 0008 has none: the one after the last
    seen), which on PostgreSQL may come later in id order (chained after commit, in the
    writers' transaction order). Records written before the chain existed (no hash) may
    only come first; records hashed without their center may only come before the first
    one hashed with it. A record not chained yet (``xid`` set, no hash) is counted in
    ``pending``; given the seal, its content's seal is checked.

    Args:
        records: every audit record in id order (:func:`iter_records`).
        seal: also check each record's MAC (records sealed since migration 0008; none may
            follow unsealed) and this database's checkpoints: each checkpointed record must
            be there with the hash the checkpoint names. A missing key is a problem when
            records are sealed.
    """
    problems: list[str] = []
    notes: list[str] = []
    chains: dict[str, _Chain] = {}
    checked = unchained = without_center = sealed = pending = 0
    key_ok = False
    wanted: dict[int, tuple[int, Checkpoint]] = {}
    if seal is not None:
        try:
            seal.key(create=False)
            key_ok = True
            wanted = _read_checkpoints(seal, problems, notes)
            if seal.key_problem():
                notes.append(str(seal.key_problem()))
        except SealError as exc:
            notes.append(f"{exc}: seals and checkpoints not checked")
    compared = 0
    unchecked_seals = 0
    for row in records:
        chain = chains.setdefault(row.center_code, _Chain())
        if row.hash is None:
            if getattr(row, "xid", None) is not None:
                pending += 1
                if seal is not None and key_ok:
                    if not row.mac or not seal.mac_ok(pending_mark(row), row.mac):
                        problems.append(
                            f"record {row.id}: not chained yet, and its seal does not match "
                            "(not written by the service)"
                        )
                elif seal is not None and row.mac:
                    unchecked_seals += 1
            elif chain.began:
                problems.append(f"record {row.id}: no hash after the chain began")
            else:
                unchained += 1
            continue
        checked += 1
        chain.began = True
        if chain_hash(row.prev_hash or "", row) == row.hash:
            chain.centered = True
            intact = True
        elif chain_hash(row.prev_hash or "", row, with_center=False) == row.hash:
            without_center += 1
            intact = True
            if chain.centered:
                problems.append(
                    f"record {row.id}: hashed without its center after records that cover it"
                )
        else:
            intact = False
            problems.append(f"record {row.id}: its content was changed (hash does not match)")
        position = row.chain_seq if row.chain_seq is not None else chain.top + 1
        _link(chain, row, position, intact, problems)
        if row.mac is not None:
            chain.sealed = True
            if seal is not None and key_ok:
                sealed += 1
                if not seal.mac_ok(row.hash, row.mac):
                    problems.append(
                        f"record {row.id}: its seal does not match (rewritten without the "
                        "audit key)"
                    )
            else:
                unchecked_seals += 1
        elif chain.sealed:
            problems.append(f"record {row.id}: not sealed after sealed records")
        point = wanted.pop(row.id, None)
        if point is not None:
            compared += 1
            line, mark = point
            if (row.center_code, row.hash) != (mark.center, mark.hash):
                problems.append(
                    f"record {row.id}: differs from checkpoint line {line} (the trail was "
                    "rewritten)"
                )
    for center, chain in chains.items():
        for position, (record_id, _prev) in sorted(chain.waiting.items()):
            problems.append(
                f"record {record_id}: {_BEFORE_CHANGED} (position {position - 1} of "
                f"{center}'s chain is missing)"
            )
    for line, mark in sorted(wanted.values(), key=lambda item: item[0]):
        problems.append(
            f"record {mark.record_id} ({mark.center} #{mark.seq}) of checkpoint line {line} "
            "is missing (the trail was cut or rewritten)"
        )
    if seal is not None and unchecked_seals:
        problems.append(f"{unchecked_seals} sealed records could not be checked (no audit key)")
    if pending:
        notes.append(
            f"{pending} records not chained yet (written by transactions still open, or "
            "chained by the service within moments)"
        )
    return ChainReport(
        checked=checked,
        unchained=unchained,
        problems=problems,
        without_center=without_center,
        sealed=sealed,
        checkpoints=compared + len(wanted),
        notes=notes,
        pending=pending,
    )
