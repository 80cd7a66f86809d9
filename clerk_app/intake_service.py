"""Taking in one application, and issuing the documents of a case.

Runs on the GUI's database-writer thread. The order is the rule of ARCHITECTURE.md: the
case, its first event and its outbox row are committed in ONE transaction; only after that
commit is the receipt written. A receipt that cannot be written (no CJK font, disk full)
never undoes the case: the clerk is told and can print it again.

Issuing a document (``issue_document``): take a 文书编号 from the window's own "document"
sequence (its own commit, like case numbers), render, write the PDF into the documents
folder, then archive it (number, SHA-256) and queue its record for the service in ONE
transaction (``clerk_app.store.documents``). ``reprint_document`` issues the same number
again, marked 副本 / REPRINT, archived and audited the same way. Printing on paper comes
after and never changes the case.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.core import intake
from clerk_app.core.catalog import Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.lifecycle import Disposition
from clerk_app.core.numbering import format_case_no, format_document_no, new_query_code
from clerk_app.documents import (
    DEFAULT_COPIES,
    DeferredNotice,
    DocumentTexts,
    DocumentWriteError,
    ForwardedNotice,
    MissingMaterial,
    NoCjkFontError,
    NoticeBase,
    ReceiptData,
    ReceiptSlip,
    RefusalNotice,
    RenderedDocument,
    SupplementNotice,
    TemplateError,
    archive_data,
    build_document,
    build_notice,
    build_receipt,
    build_slip,
    template_dirs,
)
from clerk_app.logs import logger
from clerk_app.app.session import CASE_SEQUENCE, DOCUMENT_SEQUENCE, Session
from clerk_app.store.documents import ArchivedDocument, file_sha256, record_document
from clerk_app.store.local import CaseRecord

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

log = logger("app")
print_log = logger("print")


@dataclass(frozen=True)
class TakenCase:
    """A case saved at the window, and where its receipt went."""

    case: CaseRecord
    case_no: str
    query_code: str
    due_date: date | None
    due_date_provisional: bool
    receipt_path: Path | None
    #: Why the receipt could not be written (the case is saved all the same).
    receipt_error: str | None = None
    #: The issued receipt (number, archive row, what to print); None when not written.
    receipt: IssuedDocument | None = None
    #: The 80 mm roll slip ready to print.
    slip: RenderedDocument | None = None
    #: The slip as archived (kind ``slip``, under the receipt's number); None when not written.
    slip_issued: IssuedDocument | None = None
    #: The intake decision (``Disposition`` value) and the kind of document it issued
    #: (acceptance, deferred, supplement, refusal, forwarded).
    disposition: str = "promised"
    document_kind: str = "acceptance"


def take_in_case(
    context: AppContext,
    session: Session,
    draft: intake.IntakeDraft,
    item: Item,
    *,
    catalog_version: str | None = None,
) -> TakenCase:
    """Validate, number, save (one transaction) and issue the decision's document.

    The document follows the decision (``decision_document``): 即办/承诺 the acceptance
    receipt (and the 80 mm slip), 容缺 the deferred notice, 补正 the one-time notice of
    everything missing, 不予受理 the refusal notice, 上报 the forwarded notice. A draft
    resumed from the parked list (``draft.parked_id``) leaves that list in the case's
    own transaction.

    Raises:
        InvalidDraft: the draft has errors; nothing was saved and no number was used.
        StoreError: disk full, locked or damaged database; nothing was saved.
    """
    now = context.clock.now().astimezone(CENTER_TZ)
    checked = intake.validate(draft, item, today=now.date(), calendar=context.calendar)
    if checked.errors:
        raise intake.InvalidDraft(checked.errors)
    if catalog_version is None:
        cached = context.backend.store.load_catalog()
        catalog_version = (cached.version if cached else None) or "unknown"

    prov = context.provisioning
    # Committed on its own before the case: a crash in between skips a number, never reuses one.
    seq = context.backend.store.allocate_sequence(CASE_SEQUENCE)
    case_no = format_case_no(prov.center_code, prov.window_code, now.date(), seq)
    case_id = str(uuid.uuid4())
    payload = intake.build_case_payload(
        draft,
        item,
        case_id=case_id,
        case_no=case_no,
        query_code=new_query_code(),
        window_code=prov.window_code,
        catalog_version=catalog_version,
        clerk=session.username,
        received_at=now,
        calendar=context.calendar,
    )
    if draft.parked_id:
        from clerk_app.store.parked import ParkedIntakes

        with context.backend.store.db.transaction():
            record = context.backend.store.create_case(payload)
            ParkedIntakes(context.backend.store.db, context.clock).remove(draft.parked_id)
    else:
        record = context.backend.store.create_case(payload)
    log.info("case %s taken in (%s, item %s)", case_no, payload["disposition"], item.code)

    due = date.fromisoformat(payload["due_date"]) if payload["due_date"] else None
    receipt_path: Path | None = None
    receipt_error: str | None = None
    issued: IssuedDocument | None = None
    slip: RenderedDocument | None = None
    slip_issued: IssuedDocument | None = None
    document = decision_document(context, session, payload, item)
    try:
        issued = issue_document(context, session, document)
        receipt_path = issued.path
        if isinstance(document, ReceiptData):
            slip_issued = issue_slip(
                context, session, slip_data(context, session, payload, item), issued
            )
            slip = slip_issued.rendered
    except (NoCjkFontError, DocumentWriteError, TemplateError, OSError) as exc:
        receipt_error = str(exc)
        print_log.error("receipt for %s not written: %s", case_no, exc)
        context.backend.store.journal("print", f"receipt for {case_no} not written: {exc}")
    return TakenCase(
        case=record,
        case_no=case_no,
        query_code=payload["query_code"],
        due_date=due,
        due_date_provisional=bool(payload["due_date_provisional"]),
        receipt_path=receipt_path,
        receipt_error=receipt_error,
        receipt=issued,
        slip=slip,
        slip_issued=slip_issued,
        disposition=payload["disposition"],
        document_kind=_kind_of(document),
    )


def decision_document(
    context: AppContext, session: Session, payload: dict, item: Item
) -> ReceiptData | NoticeBase:
    """The document a saved case's intake decision calls for (no number yet)."""
    disposition = Disposition(payload["disposition"])
    if disposition in (Disposition.IMMEDIATE, Disposition.PROMISED):
        return receipt_data(context, session, payload, item)
    facts = case_facts(context, session, payload, item)
    data = payload["first_event"].get("data") or {}
    due = date.fromisoformat(payload["due_date"]) if payload["due_date"] else None
    provisional = bool(payload["due_date_provisional"])

    def lines(key: str) -> tuple[MissingMaterial, ...]:
        return tuple(MissingMaterial(m["name"], m["requirement"]) for m in data.get(key, ()))

    if disposition is Disposition.DEFERRED_MATERIALS:
        return DeferredNotice(
            **facts,
            deferred=lines("deferred"),
            supply_by=date.fromisoformat(data["supply_by"]),
            due_date=due,
            due_provisional=provisional,
            promised_days=item.time_limit.promised_days,
        )
    if disposition is Disposition.SUPPLEMENT:
        return SupplementNotice(
            **facts, missing=lines("missing"), legal_basis=tuple(data.get("legal_basis", ()))
        )
    if disposition is Disposition.REFUSED:
        return RefusalNotice(
            **facts,
            reasons=tuple(data.get("reasons", ())),
            legal_basis=tuple(data.get("legal_basis", ())),
        )
    return ForwardedNotice(
        **facts,
        authority=data.get("authority", ""),
        forwarded_on=datetime.fromisoformat(payload["received_at"]).date(),
        expected_by=due,
        expected_provisional=provisional,
        note=data.get("reason", ""),
    )


def case_facts(context: AppContext, session: Session, payload: dict, item: Item) -> dict:
    """The fields every formal notice shares (``NoticeBase``), from a saved case's payload.

    ``issued_at`` is now; ``document_no`` is left to ``issue_document``.
    """
    prov = context.provisioning
    applicant = payload["applicant"]
    return {
        "center_name": prov.center_name,
        "department_name": session.department or prov.department,
        "window_code": prov.window_code,
        "window_name": session.window_name or prov.window_name,
        "case_no": payload["case_no"],
        "query_code": payload["query_code"],
        "progress_url": prov.progress_url,
        "applicant_name": applicant["name"],
        "applicant_id_type": applicant["id_type"],
        "applicant_id_number": applicant["id_number"],
        "item_code": item.code,
        "item_name": item.name,
        "received_at": datetime.fromisoformat(payload["received_at"]),
        "issued_at": context.clock.now().astimezone(CENTER_TZ),
        "clerk_name": session.display_name,
    }


def receipt_data(
    context: AppContext, session: Session, payload: dict, item: Item, *, reprint: bool = False
) -> ReceiptData:
    """The 受理通知书 data of a saved case (no number yet: ``issue_document`` gives one)."""
    prov = context.provisioning
    applicant = payload["applicant"]
    materials = {m.code: m for m in item.materials}
    received = [
        (materials[m["code"]].name, materials[m["code"]].form, m.get("copies", 1))
        for m in payload["materials"]
        if m.get("received") and m["code"] in materials
    ]
    deferred = [
        materials[m["code"]].name
        for m in payload["materials"]
        if m.get("deferred") and m["code"] in materials
    ]
    return ReceiptData(
        center_name=prov.center_name,
        department_name=session.department or prov.department,
        window_code=prov.window_code,
        window_name=session.window_name or prov.window_name,
        case_no=payload["case_no"],
        query_code=payload["query_code"],
        progress_url=prov.progress_url,
        applicant_name=applicant["name"],
        applicant_id_type=applicant["id_type"],
        applicant_id_number=applicant["id_number"],
        applicant_kind=applicant["kind"],
        item_code=item.code,
        item_name=item.name,
        materials_received=tuple(received),
        materials_deferred=tuple(deferred),
        received_at=datetime.fromisoformat(payload["received_at"]),
        due_date=date.fromisoformat(payload["due_date"]) if payload["due_date"] else None,
        due_provisional=bool(payload["due_date_provisional"]),
        promised_days=item.time_limit.promised_days,
        clerk_name=session.display_name,
        reprint=reprint,
    )


def slip_data(context: AppContext, session: Session, payload: dict, item: Item) -> ReceiptSlip:
    """The 80 mm roll slip of a saved case."""
    prov = context.provisioning
    return ReceiptSlip(
        center_name=prov.center_name,
        window_code=prov.window_code,
        window_name=session.window_name or prov.window_name,
        case_no=payload["case_no"],
        query_code=payload["query_code"],
        progress_url=prov.progress_url,
        item_name=item.name,
        received_at=datetime.fromisoformat(payload["received_at"]),
        due_date=date.fromisoformat(payload["due_date"]) if payload["due_date"] else None,
        due_provisional=bool(payload["due_date_provisional"]),
        clerk_name=session.display_name,
    )


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


def _kind_of(data: object) -> str:
    if isinstance(data, ReceiptData):
        return "acceptance"
    kind = getattr(type(data), "kind", "")
    if not kind:
        raise TypeError(f"{type(data).__name__} is not an issuable document")
    return str(kind)


def _render(data: ReceiptData | NoticeBase, texts: DocumentTexts, copies: Sequence[str]):
    if isinstance(data, ReceiptData):
        return build_receipt(data, texts, copies=copies)
    if isinstance(data, NoticeBase):
        return build_notice(data, texts, copies=copies)
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
    data: ReceiptData | NoticeBase,
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
    kind = _kind_of(data)
    now = context.clock.now().astimezone(CENTER_TZ)
    document_no = allocate_document_no(context, kind, now.year, texts)
    numbered = replace(data, document_no=document_no, reprint=False)
    rendered = _render(numbered, texts, copies)
    target = _target(context, data.case_no, kind, document_no)
    path = Path(rendered.write_pdf(target))
    archived = record_document(
        context.backend.store,
        case_no=data.case_no,
        kind=kind,
        document_no=document_no,
        path=path,
        issued_at=now,
        clerk=session.username,
        sha256=file_sha256(path),
        data_json=archive_data.encode(numbered),
    )
    print_log.info("%s %s issued for %s (%s)", kind, document_no, data.case_no, path.name)
    return IssuedDocument(kind, document_no, path, archived.sha256, archived, rendered, texts)


def reprint_document(
    context: AppContext,
    session: Session,
    data: ReceiptData | NoticeBase,
    *,
    copies: Sequence[str] = DEFAULT_COPIES,
) -> IssuedDocument:
    """Issue ``data`` (with its original ``document_no``) again, marked 副本 / REPRINT.

    Archived as a reprint, its record queued for the service, and written to the journal.
    """
    if not data.document_no:
        raise ValueError("a reprint repeats an issued document's number")
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    kind = _kind_of(data)
    now = context.clock.now().astimezone(CENTER_TZ)
    rendered = _render(replace(data, reprint=True), texts, copies)
    stamp_part = now.strftime("%Y%m%d%H%M%S%f")
    target = _target(context, data.case_no, kind, data.document_no, f"-reprint-{stamp_part}")
    path = Path(rendered.write_pdf(target))
    archived = record_document(
        context.backend.store,
        case_no=data.case_no,
        kind=kind,
        document_no=data.document_no,
        path=path,
        issued_at=now,
        clerk=session.username,
        reprint=True,
        sha256=file_sha256(path),
        data_json=archive_data.encode(replace(data, reprint=False)),
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
    path = Path(rendered.write_pdf(_target(context, data.case_no, "slip", receipt.document_no)))
    archived = record_document(
        context.backend.store,
        case_no=data.case_no,
        kind="slip",
        document_no=receipt.document_no,
        path=path,
        issued_at=context.clock.now().astimezone(CENTER_TZ),
        clerk=session.username,
        sha256=file_sha256(path),
        data_json=archive_data.encode(numbered),
    )
    return IssuedDocument(
        "slip", receipt.document_no, path, archived.sha256, archived, rendered, texts
    )


def _target(
    context: AppContext, case_no: str, kind: str, document_no: str, suffix: str = ""
) -> Path:
    seq = document_no.rsplit("-", 1)[-1].removesuffix("号")
    folder = context.paths.documents_dir
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{case_no}-{kind}-{seq}{suffix}.pdf"


def write_acceptance_receipt(
    context: AppContext, session: Session, payload: dict, item: Item, *, reprint: bool = False
) -> Path:
    """Write the 受理通知书 of a saved case as an unnumbered PDF (no archive row).

    Kept for callers that only want the file; the window issues receipts through
    ``issue_document(context, session, receipt_data(...))``.
    """
    data = receipt_data(context, session, payload, item, reprint=reprint)
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    document = build_receipt(data, texts)
    target = context.paths.documents_dir / f"{payload['case_no']}-acceptance.pdf"
    path = document.write_pdf(target)
    print_log.info("receipt %s written", target.name)
    return Path(path)
