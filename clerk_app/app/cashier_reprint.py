"""Duplicates (副本) of the settlement center's documents from the desk's own archive
(issue 17): the cashier's fiscal receipt (A4 or the 80 mm roll), the refund voucher and the
daily-close sheet.

When one of them is issued (``app.cashier.issue_receipt``, ``app.finance.refund_voucher``,
``app.cashier_close.close_document``) :func:`keep_for_duplicate` keeps the data it was
rendered from, sealed with the documents' key, under ``documents/fee_archive/<day>/`` (the
business day of its payment, decision or close). :func:`archived` lists what a range of days
holds; :func:`print_duplicate` renders one again marked 副本 / DUPLICATE — its number and
date the original's — keeps the PDF beside it and records who printed it when (a journal
line and a ``POST /audit/client-events`` outbox row, action ``fee.duplicate``). Everything
is read from the desk: a duplicate needs no link.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from clerk_app.app.document_seal import document_cipher
from clerk_app.app.documents import DocumentUnreadable, keep_pdf
from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import DocumentTexts, RenderedDocument, template_dirs
from clerk_app.documents.fee_archive import FeeArchiveError, FeeDocument, decode, encode
from clerk_app.documents.fee_documents import (
    DailyCloseDoc,
    FiscalReceiptDoc,
    FiscalReceiptRoll,
    RefundVoucherDoc,
)
from clerk_app.documents.fee_render import (
    build_daily_close,
    build_fiscal_receipt,
    build_fiscal_receipt_roll,
    build_refund_voucher,
)
from clerk_app.documents.pdf import write_error
from clerk_app.logs import logger
from clerk_app.remote.wire import client_events_to_wire
from clerk_app.store.writes import add_client_event, client_event

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

print_log = logger("print")

#: What a duplicate can be made of: a fiscal receipt, a refund voucher, a daily-close sheet.
DuplicateKind = Literal["receipt", "refund", "close"]
KINDS: tuple[DuplicateKind, ...] = ("receipt", "refund", "close")
#: The client event of a duplicate printed (the service's audit action ``client.fee.duplicate``).
DUPLICATE_EVENT = "fee.duplicate"
#: The longest range of days listed at once.
MAX_DAYS = 400
FOLDER = "fee_archive"
_DUPLICATE = "-duplicate-"


class DuplicateRefused(Exception):
    """No duplicate (``code``: ``unreadable`` — the kept data cannot be read with this
    desk's key or is damaged; ``range`` — the days are reversed or too many)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class ArchivedFeeDocument:
    """A document kept at this desk for its duplicate."""

    kind: DuplicateKind
    number: str  # the receipt's "code number", the voucher number, "cashier day"
    issued_at: datetime  # paid, approved or closed: printed on it
    day: date
    subject: str  # the payer (receipt, refund) or the cashier (close)
    amount_fen: int
    path: Path  # its sealed data
    duplicates: int  # how many were printed here so far


@dataclass(frozen=True)
class Duplicate:
    """A duplicate written as an (encrypted) PDF beside its original, ready to print."""

    document: ArchivedFeeDocument
    path: Path
    sha256: str
    rendered: RenderedDocument
    audit_id: str


def _describe(doc: FeeDocument) -> tuple[DuplicateKind, str, datetime, date, str, int]:
    if isinstance(doc, FiscalReceiptDoc):
        at = doc.paid_at
        number = f"{doc.receipt_code} {doc.receipt_number}"
        return "receipt", number, at, at.astimezone(CENTER_TZ).date(), doc.payer_name, doc.total_fen
    if isinstance(doc, RefundVoucherDoc):
        at = doc.approved_at
        return (
            "refund",
            doc.refund_no,
            at,
            at.astimezone(CENTER_TZ).date(),
            doc.payer_name,
            (doc.refund_fen),
        )
    number = f"{doc.cashier_name} {doc.day.isoformat()}"
    return "close", number, doc.closed_at, doc.day, doc.cashier_name, doc.total_fen


def _folder(context: AppContext, day: date) -> Path:
    return context.paths.documents_dir / FOLDER / day.isoformat()


def _data_path(context: AppContext, doc: FeeDocument) -> Path:
    kind, number, _at, day, _subject, _fen = _describe(doc)
    if isinstance(doc, DailyCloseDoc):
        number = f"{doc.window_code} {number}"
    digest = hashlib.sha256(number.encode("utf-8")).hexdigest()[:20]
    return _folder(context, day) / f"{kind}-{digest}.json"


def keep_for_duplicate(context: AppContext, doc: FeeDocument, *, paper: str = "") -> Path:
    """Keep ``doc`` (sealed) so that a duplicate can be printed later, offline too; the
    same document kept again replaces its data.

    Raises:
        DocumentWriteError: the file could not be written.
    """
    target = _data_path(context, doc)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        document_cipher(context).write(target, encode(doc, paper=paper).encode("utf-8"))
    except OSError as exc:
        raise write_error(target, exc) from exc
    return target


def _read(context: AppContext, path: Path) -> tuple[FeeDocument, str]:
    """The kept document and its paper.

    Raises:
        DuplicateRefused: ``unreadable``.
    """
    try:
        return decode(document_cipher(context).read(path).decode("utf-8"))
    except (DocumentUnreadable, FeeArchiveError, UnicodeDecodeError) as exc:
        print_log.error("kept fee document %s unreadable: %s", path.name, exc)
        raise DuplicateRefused("unreadable", f"{path.name}: {exc}") from None


def _entry(path: Path, doc: FeeDocument) -> ArchivedFeeDocument:
    kind, number, at, day, subject, fen = _describe(doc)
    copies = sum(1 for _ in path.parent.glob(f"{path.stem}{_DUPLICATE}*.pdf"))
    return ArchivedFeeDocument(kind, number, at, day, subject, fen, path, copies)


def archived(
    context: AppContext,
    first: date,
    last: date,
    kinds: tuple[DuplicateKind, ...] = KINDS,
) -> tuple[list[ArchivedFeeDocument], int]:
    """The documents of ``kinds`` kept here for the business days ``first``..``last``,
    newest first, and how many kept files could not be read (left out, logged).

    Raises:
        DuplicateRefused: ``range`` — ``last`` before ``first``, or more than 400 days.
    """
    if last < first or (last - first).days >= MAX_DAYS:
        raise DuplicateRefused("range", f"{first}..{last}")
    found: list[ArchivedFeeDocument] = []
    unreadable = 0
    day = first
    while day <= last:
        folder = _folder(context, day)
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                if path.stem.split("-", 1)[0] not in kinds:
                    continue
                try:
                    doc, _paper = _read(context, path)
                except DuplicateRefused:
                    unreadable += 1
                    continue
                found.append(_entry(path, doc))
        day += timedelta(days=1)
    found.sort(key=lambda d: (d.issued_at, d.number), reverse=True)
    return found, unreadable


def _render(doc: FeeDocument, paper: str, texts: DocumentTexts) -> RenderedDocument:
    if isinstance(doc, FiscalReceiptDoc):
        if paper == "roll80":
            return build_fiscal_receipt_roll(FiscalReceiptRoll(doc), texts)
        return build_fiscal_receipt(doc, texts)
    if isinstance(doc, RefundVoucherDoc):
        return build_refund_voucher(doc, texts)
    return build_daily_close(doc, texts)


def print_duplicate(
    context: AppContext, session: Session, document: ArchivedFeeDocument
) -> Duplicate:
    """Render ``document`` again from its kept data, marked 副本 / DUPLICATE (its number and
    date unchanged), keep the PDF beside it and record who printed it when (journal and
    audit event, sent to the service through the outbox). Needs no link.

    Raises:
        DuplicateRefused: ``unreadable`` (the kept data cannot be read).
        NoCjkFontError, DocumentWriteError, TemplateError: no PDF was written (nothing
            recorded).
    """
    doc, paper = _read(context, document.path)
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    rendered = _render(replace(doc, reprint=True), paper, texts)
    now = context.clock.now()
    stamp = now.astimezone(CENTER_TZ).strftime("%Y%m%d%H%M%S%f")
    target = document.path.with_name(f"{document.path.stem}{_DUPLICATE}{stamp}.pdf")
    path, digest = keep_pdf(context, rendered, target)
    event = client_event(
        DUPLICATE_EVENT,
        actor=session.username,
        at=now,
        target=f"{document.kind} {document.number}"[:100],
        detail={
            "kind": document.kind,
            "number": document.number,
            "issued_at": document.issued_at.isoformat(),
            "device_id": context.device_id,
        },
    )
    message = f"duplicate of {document.kind} {document.number} printed by {session.username}"
    audit_id = add_client_event(
        context.backend.store, event, body=client_events_to_wire(event), message=message
    ).id
    print_log.info("%s (%s)", message, path.name)
    kept = replace(document, duplicates=document.duplicates + 1)
    return Duplicate(kept, path, digest, rendered, audit_id)
