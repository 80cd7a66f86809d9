"""Taking in one application: number it, save it with its outbox row, write the receipt.

Runs on the GUI's database-writer thread. The order is the rule of ARCHITECTURE.md: the
case, its first event and its outbox row are committed in ONE transaction; only after that
commit is the receipt written. A receipt that cannot be written (no CJK font, disk full)
never undoes the case: the clerk is told and can print it again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.core import intake
from clerk_app.core.catalog import Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.numbering import format_case_no, new_query_code
from clerk_app.documents import (
    DocumentTexts,
    DocumentWriteError,
    NoCjkFontError,
    ReceiptData,
    TemplateError,
    build_receipt,
    template_dirs,
)
from clerk_app.logs import logger
from clerk_app.session import CASE_SEQUENCE, Session
from clerk_app.store.local import CaseRecord

if TYPE_CHECKING:
    from clerk_app.context import AppContext

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


def take_in_case(
    context: AppContext,
    session: Session,
    draft: intake.IntakeDraft,
    item: Item,
    *,
    catalog_version: str | None = None,
) -> TakenCase:
    """Validate, number, save (one transaction) and write the acceptance receipt.

    Raises:
        InvalidDraft: the draft has errors; nothing was saved and no number was used.
        StoreError: disk full, locked or damaged database; nothing was saved.
    """
    now = context.clock.now().astimezone(CENTER_TZ)
    checked = intake.validate(draft, item, today=now.date(), calendar=context.calendar)
    if checked.errors:
        raise intake.InvalidDraft(checked.errors)
    if catalog_version is None:
        cached = context.store.load_catalog()
        catalog_version = (cached.version if cached else None) or "unknown"

    prov = context.provisioning
    # Committed on its own before the case: a crash in between skips a number, never reuses one.
    seq = context.store.allocate_sequence(CASE_SEQUENCE)
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
    record = context.store.create_case(payload)
    log.info("case %s taken in (%s, item %s)", case_no, payload["disposition"], item.code)

    due = date.fromisoformat(payload["due_date"]) if payload["due_date"] else None
    receipt_path: Path | None = None
    receipt_error: str | None = None
    try:
        receipt_path = write_acceptance_receipt(context, session, payload, item)
    except (NoCjkFontError, DocumentWriteError, TemplateError, OSError) as exc:
        receipt_error = str(exc)
        print_log.error("receipt for %s not written: %s", case_no, exc)
        context.store.journal("print", f"receipt for {case_no} not written: {exc}")
    return TakenCase(
        case=record,
        case_no=case_no,
        query_code=payload["query_code"],
        due_date=due,
        due_date_provisional=bool(payload["due_date_provisional"]),
        receipt_path=receipt_path,
        receipt_error=receipt_error,
    )


def write_acceptance_receipt(
    context: AppContext, session: Session, payload: dict, item: Item, *, reprint: bool = False
) -> Path:
    """Write the 受理通知书 of a saved case as a PDF in the documents folder."""
    from datetime import datetime

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
    data = ReceiptData(
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
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    document = build_receipt(data, texts)
    target = context.paths.documents_dir / f"{payload['case_no']}-acceptance.pdf"
    path = document.write_pdf(target)
    print_log.info("receipt %s written", target.name)
    return Path(path)
