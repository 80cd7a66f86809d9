"""Locks on what a writer numbers or closes, never on the whole province (issue 20).

Until issue 20 the writers below all took one global PostgreSQL advisory lock (the
"journal lock", key 7311001), so a complaint taken in at one center waited for a payment
at another. The change feed (``records_service.feed``) and the audit chain
(``records_service.audit_chain``) are now placed after commit and need no writer lock, and
a case's events keep their order by the case's row lock (``FOR UPDATE``). What remains
serialized is each number space or ledger, each by its own key:

- :data:`CASHIER`, per cashier: their payments, voids and the closing of their day (日结)
  — no payment of a day slips in while it closes; their paper stock's numbers;
- :data:`RECEIPT_CODE`, per paper receipt code: two admins cannot allot overlapping ranges;
- :data:`COMPLAINT_NO`, per complaint number prefix (center and day): the day's next number;
- :data:`PRESUBMISSION`, per center: the day's next number and one pre-submission per
  website id;
- :data:`HOTLINE`, per center: the orders' ``updated_at`` (the hotline's pull cursor),
  strictly increasing in commit order over the center's orders;
- :data:`CATALOG`, per center: its catalog adoptions; :data:`AUDIT_CHAIN`, per center: its
  audit chain's writers (``audit.audit_lock``, tools and tests).

:func:`hold` takes ``pg_advisory_xact_lock(kind, crc32(scope))``: writers of the same
scope wait for each other until their transactions end, others do not (two scopes whose
CRC-32s collide wait for each other too, which is slower but never wrong). On SQLite every
write transaction is serialized anyway (``BEGIN IMMEDIATE``): nothing to do.
"""

from __future__ import annotations

import zlib
from enum import IntEnum

from sqlalchemy import text
from sqlalchemy.orm import Session

_LOCK = text("SELECT pg_advisory_xact_lock(:kind, :scope)")


class Kind(IntEnum):
    """The first key of each lock (the two-key advisory locks: apart from any one-key
    lock such as the feed's placer)."""

    #: Per center: the writers of its audit chain (tools and tests since migration 0025,
    #: see ``audit.audit_lock``; the chainer's own lock is ``audit_chain.CHAIN_LOCK_KEY``).
    AUDIT_CHAIN = 7_311_002
    #: Per center: its catalog adoptions (the next catalog version is read, then written).
    CATALOG = 7_311_020
    CASHIER = 7_311_031
    RECEIPT_CODE = 7_311_032
    COMPLAINT_NO = 7_311_033
    PRESUBMISSION = 7_311_034
    HOTLINE = 7_311_035


AUDIT_CHAIN = Kind.AUDIT_CHAIN
CATALOG = Kind.CATALOG
CASHIER = Kind.CASHIER
RECEIPT_CODE = Kind.RECEIPT_CODE
COMPLAINT_NO = Kind.COMPLAINT_NO
PRESUBMISSION = Kind.PRESUBMISSION
HOTLINE = Kind.HOTLINE


def scope_key(scope: str) -> int:
    """The second key of ``scope``'s lock: its CRC-32 as a non-negative int4."""
    return zlib.crc32(scope.encode()) & 0x7FFFFFFF


def hold(session: Session, kind: Kind, scope: str) -> None:
    """Wait for, then hold until this transaction ends, the lock of ``scope`` (a cashier's
    name, a receipt code, a number's prefix, a center's code) for ``kind``.

    Re-entrant within a transaction. A writer that also locks rows (``SELECT … FOR
    UPDATE``) takes them and this lock in the order every writer of the same kind does (a
    notice's row, then its cashier's till; an order's row, then its center's stamps), so
    two writers never wait for each other the other way round. SQLite: nothing.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_LOCK, {"kind": int(kind), "scope": scope_key(scope)})
