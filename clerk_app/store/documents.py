"""The archive of documents issued at the window: number, PDF path, SHA-256, outbox record.

Each issued (or reprinted) document is one row of ``documents`` and one outbox row of kind
``document_record`` (``POST /cases/{case_no}/documents``, Idempotency-Key = the record's
id), written in ONE transaction; a reprint also leaves a line in the journal. The PDF is
written before this is called: the archive row points at a file that exists.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from clerk_app.core.records import DocumentRecord
from clerk_app.store.local import LocalStore, stamp
from clerk_app.store.writer import writes

KIND_DOCUMENT_RECORD = "document_record"
#: The local sequence 文书编号 are taken from (the login raises its floor).
DOCUMENT_SEQUENCE = "document"


@dataclass(frozen=True)
class ArchivedDocument:
    """One row of the archive."""

    id: str
    case_id: str
    case_no: str
    kind: str
    document_no: str
    path: Path
    sha256: str
    issued_at: datetime
    clerk: str
    reprint: bool
    outbox_id: int | None = None
    #: The document's data as issued (``clerk_app.documents.archive_data``), for reprints;
    #: None for documents archived before the data was kept.
    data_json: str | None = None


def file_sha256(path: Path | str) -> str:
    """The SHA-256 of a file, hex."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


@writes
def record_document(
    store: LocalStore,
    record: DocumentRecord,
    *,
    path: Path | str,
    body: dict[str, Any],
    data_json: str | None = None,
) -> ArchivedDocument:
    """Archive an issued document and queue its record for the service (one transaction).

    Args:
        record: the document's record (its id is the Idempotency-Key).
        path: the PDF written for it.
        body: what to send (``remote.wire.document_to_wire(record)``; kept as given).
        data_json: what the document was rendered from (``archive_data.encode``), so that a
            reprint shows exactly what was issued.

    Raises:
        KeyError: no such case here.
        sqlite3.IntegrityError: ``document_no`` was already issued as this kind (not a
            reprint). The 80 mm slip is archived under its receipt's number as kind ``slip``.
    """
    if record.issued_at.tzinfo is None:
        raise ValueError("issued_at must be timezone-aware")
    record_id, case_no, kind, document_no = (
        record.id,
        record.case_no,
        record.kind,
        record.document_no,
    )
    digest, issued_at, clerk, reprint = (
        record.sha256,
        record.issued_at,
        record.clerk,
        record.reprint,
    )
    with store.db.transaction() as conn:
        row = conn.execute("SELECT id FROM cases WHERE case_no = ?", (case_no,)).fetchone()
        if row is None:
            raise KeyError(f"no local case {case_no}")
        case_id = str(row[0])
        conn.execute(
            "INSERT INTO documents (id, case_id, case_no, kind, document_no, path, sha256,"
            " issued_at, clerk, reprint, created_at, data_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record_id,
                case_id,
                case_no,
                kind,
                document_no,
                str(path),
                digest,
                issued_at.isoformat(),
                clerk,
                int(reprint),
                stamp(store.clock.now()),
                data_json,
            ),
        )
        outbox_id = store.enqueue(
            kind=KIND_DOCUMENT_RECORD,
            method="POST",
            path=f"/api/v1/cases/{quote(case_no, safe='')}/documents",
            idempotency_key=record_id,
            body=body,
            case_id=case_id,
        )
        if reprint:
            store.journal("print", f"reprint {kind} {document_no} of {case_no} by {clerk}")
    return ArchivedDocument(
        id=record_id,
        case_id=case_id,
        case_no=case_no,
        kind=kind,
        document_no=document_no,
        path=Path(path),
        sha256=digest,
        issued_at=issued_at,
        clerk=clerk,
        reprint=reprint,
        outbox_id=outbox_id,
        data_json=data_json,
    )


def _from_row(row: Any) -> ArchivedDocument:
    return ArchivedDocument(
        id=row["id"],
        case_id=row["case_id"],
        case_no=row["case_no"],
        kind=row["kind"],
        document_no=row["document_no"],
        path=Path(row["path"]),
        sha256=row["sha256"],
        issued_at=datetime.fromisoformat(row["issued_at"]),
        clerk=row["clerk"],
        reprint=bool(row["reprint"]),
        data_json=row["data_json"],
    )


_SELECT = (
    "SELECT id, case_id, case_no, kind, document_no, path, sha256, issued_at, clerk, reprint,"
    " data_json FROM documents"
)


def case_documents(store: LocalStore, case_no: str) -> list[ArchivedDocument]:
    """Every document issued for a case, oldest first (reprints included)."""
    rows = store.db.query(
        _SELECT + " WHERE case_no = ? ORDER BY issued_at, rowid",
        (case_no,),
    )
    return [_from_row(r) for r in rows]


def joint_documents(
    store: LocalStore, joint_no: str, kinds: Iterable[str]
) -> list[ArchivedDocument]:
    """The documents of ``kinds`` archived for any part of the joint case ``joint_no``
    (issue 16: its joint documents, archived under a part), oldest first, reprints
    included."""
    wanted = set(kinds)
    parts = store.db.query("SELECT case_no FROM cases WHERE joint_case_no = ?", (joint_no,))
    found = [d for row in parts for d in case_documents(store, row[0])]
    found.sort(key=lambda d: d.issued_at)
    return [d for d in found if d.kind in wanted]


def latest_original(store: LocalStore, case_no: str, kind: str) -> ArchivedDocument | None:
    """The newest original (not a reprint) of ``kind`` for a case, or None."""
    row = store.db.query_one(
        _SELECT + " WHERE case_no = ? AND kind = ? AND reprint = 0"
        " ORDER BY issued_at DESC, rowid DESC LIMIT 1",
        (case_no, kind),
    )
    return None if row is None else _from_row(row)


def reprint_counts(store: LocalStore, case_no: str) -> dict[tuple[str, str], int]:
    """How often each (kind, document number) of a case was reprinted."""
    rows = store.db.query(
        "SELECT kind, document_no, count(*) FROM documents WHERE case_no = ? AND reprint = 1"
        " GROUP BY kind, document_no",
        (case_no,),
    )
    return {(r[0], r[1]): int(r[2]) for r in rows}
