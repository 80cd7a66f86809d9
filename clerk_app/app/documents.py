"""Issuing the documents of a case: the decision's document, notices, slips and reprints.

Issuing a document (:func:`issue_document`): take a 文书编号 from the window's own
"document" sequence (its own commit, like case numbers), render, write the PDF into the
documents folder, then archive it (number, SHA-256) and queue its record for the service in
ONE transaction (``clerk_app.store.documents``). :func:`reprint_document` issues the same
number again, marked 副本 / REPRINT, archived and audited the same way. Printing on paper
comes after and never changes the case.

The PDFs are kept encrypted (``clerk_app.store.file_cipher``: AES-GCM, the key derived
from the database key): :func:`document_pdf` gives a document's bytes in memory for a
preview or a print, :func:`export_pdf` writes a plain copy where the clerk chose, and
``app.document_seal.seal_old_documents`` encrypts what an older version left plain (at the
start, without this module's PDF stack). The archived SHA-256 is the plain PDF's, as the
service has always been told.

The data of each document is made from the typed :class:`~clerk_app.core.records.Case`
(:func:`receipt_data`, :func:`case_facts`, :func:`decision_document`, :func:`slip_data`).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app.app.document_seal import document_cipher
from clerk_app.core.catalog import Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.event_data import (
    DeferredDecision,
    ForwardDecision,
    MaterialNeed,
    RefusalDecision,
    SupplementDecision,
)
from clerk_app.core.lifecycle import Disposition
from clerk_app.core.numbering import format_document_no
from clerk_app.core.records import Case, DocumentRecord
from clerk_app.documents import (
    DEFAULT_COPIES,
    DeferredNotice,
    DocumentTexts,
    ForwardedNotice,
    JointNoticeBase,
    MissingMaterial,
    NoticeBase,
    ReceiptData,
    ReceiptSlip,
    RefusalNotice,
    RenderedDocument,
    SupplementNotice,
    archive_data,
    build_document,
    build_joint_notice,
    build_notice,
    build_receipt,
    build_slip,
    template_dirs,
)
from clerk_app.documents import (
    MaterialLine as DocumentMaterial,
)
from clerk_app.documents.pdf import pdf_bytes, write_bytes, write_error
from clerk_app.logs import logger
from clerk_app.remote.wire import document_to_wire
from clerk_app.store.documents import (
    DOCUMENT_SEQUENCE,
    ArchivedDocument,
    case_documents,
    record_document,
    reprint_counts,
)
from clerk_app.store.file_cipher import SealedFileError

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

print_log = logger("print")

#: What :func:`issue_document` numbers and archives: a case's receipt or notice, or a joint
#: case's document (``clerk_app.app.joint_documents``).
Issuable = ReceiptData | NoticeBase | JointNoticeBase

#: A document file that cannot be read (``reason``: ``key``, ``damaged``, ``missing``).
DocumentUnreadable = SealedFileError


@dataclass(frozen=True)
class IssuedDocument:
    """A document issued (or reprinted): its PDF, archive row and what to print."""

    kind: str
    document_no: str
    path: Path
    sha256: str
    archived: ArchivedDocument
    rendered: RenderedDocument
    texts: DocumentTexts | None = None


def decision_document(
    context: AppContext, session: Session, case: Case, item: Item
) -> ReceiptData | NoticeBase:
    """The document a saved case's intake decision calls for (no number yet)."""
    if case.disposition in (Disposition.IMMEDIATE, Disposition.PROMISED):
        return receipt_data(context, session, case, item)
    facts = case_facts(context, session, case, item)
    first = case.first_event
    decision = first.data if first is not None else None

    def lines(needs: tuple[MaterialNeed, ...]) -> tuple[MissingMaterial, ...]:
        return tuple(MissingMaterial(n.name, n.requirement) for n in needs)

    if isinstance(decision, DeferredDecision) and decision.supply_by is not None:
        return DeferredNotice(
            **facts,
            deferred=lines(decision.deferred),
            supply_by=decision.supply_by,
            due_date=case.due_date,
            due_provisional=case.due_date_provisional,
            promised_days=item.time_limit.promised_days,
        )
    if isinstance(decision, SupplementDecision):
        return SupplementNotice(
            **facts, missing=lines(decision.missing), legal_basis=decision.legal_basis
        )
    if isinstance(decision, RefusalDecision):
        return RefusalNotice(**facts, reasons=decision.reasons, legal_basis=decision.legal_basis)
    if isinstance(decision, ForwardDecision):
        return ForwardedNotice(
            **facts,
            authority=decision.authority,
            forwarded_on=case.received_at.astimezone(CENTER_TZ).date(),
            expected_by=case.due_date,
            expected_provisional=case.due_date_provisional,
            note=decision.reason,
        )
    raise ValueError(
        f"case {case.case_no} ({case.disposition.value}) has no intake decision to issue"
    )


def case_facts(context: AppContext, session: Session, case: Case, item: Item) -> dict[str, Any]:
    """The fields every formal notice shares (``NoticeBase``), from a saved case.

    ``issued_at`` is now; ``document_no`` is left to :func:`issue_document`.
    """
    prov = context.provisioning
    return {
        "center_name": prov.center_name,
        "department_name": session.department or prov.department,
        "window_code": prov.window_code,
        "window_name": session.window_name or prov.window_name,
        "case_no": case.case_no,
        "query_code": case.query_code,
        "progress_url": prov.progress_url,
        "applicant_name": case.applicant.name,
        "applicant_id_type": case.applicant.id_type.value,
        "applicant_id_number": case.applicant.id_number,
        "item_code": item.code,
        "item_name": item.name,
        "received_at": case.received_at,
        "issued_at": context.clock.now().astimezone(CENTER_TZ),
        "clerk_name": session.display_name,
    }


def receipt_data(
    context: AppContext, session: Session, case: Case, item: Item, *, reprint: bool = False
) -> ReceiptData:
    """The 受理通知书 data of a saved case (no number yet: :func:`issue_document` gives one)."""
    prov = context.provisioning
    materials = {m.code: m for m in item.materials}
    received = [
        DocumentMaterial(materials[m.code].name, materials[m.code].form, m.copies)
        for m in case.materials
        if m.received and m.code in materials
    ]
    deferred = [
        materials[m.code].name for m in case.materials if m.deferred and m.code in materials
    ]
    return ReceiptData(
        center_name=prov.center_name,
        department_name=session.department or prov.department,
        window_code=prov.window_code,
        window_name=session.window_name or prov.window_name,
        case_no=case.case_no,
        query_code=case.query_code,
        progress_url=prov.progress_url,
        applicant_name=case.applicant.name,
        applicant_id_type=case.applicant.id_type.value,
        applicant_id_number=case.applicant.id_number,
        applicant_kind=case.applicant.kind.value,
        item_code=item.code,
        item_name=item.name,
        materials_received=tuple(received),
        materials_deferred=tuple(deferred),
        received_at=case.received_at,
        due_date=case.due_date,
        due_provisional=case.due_date_provisional,
        promised_days=item.time_limit.promised_days,
        clerk_name=session.display_name,
        reprint=reprint,
    )


def slip_data(context: AppContext, session: Session, case: Case, item: Item) -> ReceiptSlip:
    """The 80 mm roll slip of a saved case."""
    prov = context.provisioning
    return ReceiptSlip(
        center_name=prov.center_name,
        window_code=prov.window_code,
        window_name=session.window_name or prov.window_name,
        case_no=case.case_no,
        query_code=case.query_code,
        progress_url=prov.progress_url,
        item_name=item.name,
        received_at=case.received_at,
        due_date=case.due_date,
        due_provisional=case.due_date_provisional,
        clerk_name=session.display_name,
    )


def document_kind(data: Issuable) -> str:
    """The archive kind of a document's data (``acceptance`` for the receipt)."""
    if isinstance(data, ReceiptData):
        return "acceptance"
    kind = type(data).kind
    if not kind:
        raise TypeError(f"{type(data).__name__} is not an issuable document")
    return str(kind)


def _render(data: Issuable, texts: DocumentTexts, copies: Sequence[str]) -> RenderedDocument:
    if isinstance(data, ReceiptData):
        return build_receipt(data, texts, copies=copies)
    if isinstance(data, NoticeBase):
        return build_notice(data, texts, copies=copies)
    if isinstance(data, JointNoticeBase):
        return build_joint_notice(data, texts, copies=copies)
    return build_document(data, texts)


def allocate_document_no(context: AppContext, kind: str, year: int, texts: DocumentTexts) -> str:
    """The next 文书编号 of this window (its own commit: a crash skips, never reuses one)."""
    seq = context.backend.store.allocate_sequence(DOCUMENT_SEQUENCE)
    return format_document_no(
        texts.center.agency_abbreviation,
        texts.label("kind_codes", kind),
        year,
        context.provisioning.window_code,
        seq,
    )


def issue_document(
    context: AppContext,
    session: Session,
    data: Issuable,
    *,
    copies: Sequence[str] = DEFAULT_COPIES,
) -> IssuedDocument:
    """Number, render, save as PDF, archive and queue the record of one document.

    Raises:
        NoCjkFontError, DocumentWriteError, TemplateError: the PDF was not written; the
            number is skipped, nothing was archived.
        KeyError: the case is not in the local store.
    """
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    kind = document_kind(data)
    now = context.clock.now().astimezone(CENTER_TZ)
    document_no = allocate_document_no(context, kind, now.year, texts)
    numbered = replace(data, document_no=document_no, reprint=False)
    rendered = _render(numbered, texts, copies)
    target = _target(context, data.case_no, kind, document_no)
    path, digest = keep_pdf(context, rendered, target)
    archived = _archive(
        context,
        data.case_no,
        kind,
        document_no,
        path,
        digest,
        now,
        session.username,
        archive_data.encode(numbered),
        joint_no=_joint_no(data),
    )
    print_log.info("%s %s issued for %s (%s)", kind, document_no, data.case_no, path.name)
    return IssuedDocument(kind, document_no, path, archived.sha256, archived, rendered, texts)


def reprint_document(
    context: AppContext,
    session: Session,
    data: Issuable,
    *,
    copies: Sequence[str] = DEFAULT_COPIES,
) -> IssuedDocument:
    """Issue ``data`` (with its original ``document_no``) again, marked 副本 / REPRINT.

    Archived as a reprint, its record queued for the service, and written to the journal.
    """
    if not data.document_no:
        raise ValueError("a reprint repeats an issued document's number")
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    kind = document_kind(data)
    now = context.clock.now().astimezone(CENTER_TZ)
    rendered = _render(replace(data, reprint=True), texts, copies)
    stamp_part = now.strftime("%Y%m%d%H%M%S%f")
    target = _target(context, data.case_no, kind, data.document_no, f"-reprint-{stamp_part}")
    path, digest = keep_pdf(context, rendered, target)
    archived = _archive(
        context,
        data.case_no,
        kind,
        data.document_no,
        path,
        digest,
        now,
        session.username,
        archive_data.encode(replace(data, reprint=False)),
        reprint=True,
        joint_no=_joint_no(data),
    )
    print_log.info("%s %s reprinted for %s", kind, data.document_no, data.case_no)
    return IssuedDocument(kind, data.document_no, path, archived.sha256, archived, rendered, texts)


def issue_slip(
    context: AppContext, session: Session, data: ReceiptSlip, receipt: IssuedDocument
) -> IssuedDocument:
    """Render the 80 mm slip of a case, save its PDF and archive it under the receipt's number.

    Archive row (kind ``slip``) and outbox record in one transaction, like every document.
    """
    texts = receipt.texts or DocumentTexts.load(template_dirs(context.paths.config_dir))
    numbered = replace(data, document_no=receipt.document_no, reprint=False)
    rendered = build_slip(numbered, texts)
    target = _target(context, data.case_no, "slip", receipt.document_no)
    path, digest = keep_pdf(context, rendered, target)
    archived = _archive(
        context,
        data.case_no,
        "slip",
        receipt.document_no,
        path,
        digest,
        context.clock.now().astimezone(CENTER_TZ),
        session.username,
        archive_data.encode(numbered),
    )
    return IssuedDocument(
        "slip", receipt.document_no, path, archived.sha256, archived, rendered, texts
    )


def _archive(
    context: AppContext,
    case_no: str,
    kind: str,
    document_no: str,
    path: Path,
    sha256: str,
    issued_at: datetime,
    clerk: str,
    data_json: str,
    *,
    reprint: bool = False,
    joint_no: str = "",
) -> ArchivedDocument:
    """Archive a written PDF (``sha256``: of its plain bytes) and queue its record (a
    joint case's document with its joint number)."""
    record = DocumentRecord(
        id=str(uuid.uuid4()),
        case_no=case_no,
        kind=kind,
        document_no=document_no,
        sha256=sha256,
        issued_at=issued_at,
        clerk=clerk,
        reprint=reprint,
        joint_no=joint_no,
    )
    return record_document(
        context.backend.store,
        record,
        path=path,
        body=document_to_wire(record),
        data_json=data_json,
    )


def _joint_no(data: Issuable) -> str:
    """The joint number of a joint case's document ("" for a case's own)."""
    return data.joint_no if isinstance(data, JointNoticeBase) else ""


def _target(
    context: AppContext, case_no: str, kind: str, document_no: str, suffix: str = ""
) -> Path:
    seq = document_no.rsplit("-", 1)[-1].removesuffix("号")
    folder = context.paths.documents_dir
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{case_no}-{kind}-{seq}{suffix}.pdf"


@dataclass(frozen=True)
class CaseArchive:
    """The documents issued for a case: the originals, oldest first, and how often each
    (kind, document number) was reprinted."""

    originals: list[ArchivedDocument]
    reprints: dict[tuple[str, str], int]


def case_archive(context: AppContext, case_no: str) -> CaseArchive:
    """What the case's documents panel lists (read only)."""
    store = context.backend.store
    originals = [d for d in case_documents(store, case_no) if not d.reprint]
    return CaseArchive(originals, reprint_counts(store, case_no))


# -- the files, encrypted at rest ---------------------------------------------------------


def keep_pdf(context: AppContext, rendered: RenderedDocument, target: Path) -> tuple[Path, str]:
    """Render ``rendered`` to PDF and keep it encrypted at ``target``; the path and the
    SHA-256 of the plain PDF.

    Raises:
        NoCjkFontError, TemplateError: the PDF could not be made.
        DocumentWriteError: the file could not be saved (disk full, no permission, …).
    """
    plain = pdf_bytes(
        rendered.html, resources=rendered.resources, page=rendered.page, title=rendered.title
    )
    try:
        document_cipher(context).write(target, plain)
    except OSError as exc:
        raise write_error(target, exc) from exc
    return target, hashlib.sha256(plain).hexdigest()


def document_pdf(context: AppContext, path: Path) -> bytes:
    """The plain PDF of a document kept at ``path``, decrypted in memory.

    Raises:
        DocumentUnreadable: the file is missing, damaged, or was encrypted with a key this
            desk does not have (``reason``); the case and the other documents are untouched.
    """
    return document_cipher(context).read(Path(path))


def export_pdf(context: AppContext, path: Path, target: Path | str) -> Path:
    """Write a plain copy of the document at ``path`` to ``target`` (the clerk's "Save as
    PDF"; a plain file by the clerk's choice).

    Raises:
        DocumentUnreadable: the document cannot be read (see :func:`document_pdf`).
        DocumentWriteError: the copy could not be written.
    """
    out = Path(target)
    write_bytes(out, document_pdf(context, path))
    print_log.info("%s exported as a plain PDF by the clerk", Path(path).name)
    return out
