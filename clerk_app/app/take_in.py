"""Taking in one application at the window (the Accept key).

Runs on the desk's database writer. The order is the rule of ARCHITECTURE.md: the case,
its first event and its outbox row are committed in ONE transaction; only after that commit
is the decision's document written. A document that cannot be written (no CJK font, disk
full) never undoes the case: the clerk is told and can print it again.

The steps are separate functions so that the offline soak and kill -9 tests take cases in
through exactly this code: :func:`save_intake` (validate; :func:`number_case`, the 办件编号
in its own commit; :func:`build_case`; :func:`save_case`, the typed case and its wire body
in one transaction), then :func:`issue_decision_document`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.app.commitment import issue_commitment_letter
from clerk_app.app.documents import (
    IssuedDocument,
    decision_document,
    document_kind,
    issue_document,
    issue_slip,
    slip_data,
)
from clerk_app.app.session import CASE_SEQUENCE
from clerk_app.core import intake
from clerk_app.core.catalog import Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.lifecycle import Disposition
from clerk_app.core.numbering import format_case_no, new_query_code
from clerk_app.core.records import Case
from clerk_app.documents import (
    DocumentWriteError,
    NoCjkFontError,
    ReceiptData,
    RenderedDocument,
    TemplateError,
)
from clerk_app.logs import logger
from clerk_app.remote.wire import case_to_wire
from clerk_app.store.parked import ParkedIntakes

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

log = logger("app")
print_log = logger("print")


@dataclass(frozen=True)
class TakenCase:
    """A case saved at the window, and what was issued for it."""

    case: Case
    #: Where the decision's document (the receipt or notice) was saved; None when it could
    #: not be written.
    receipt_path: Path | None = None
    #: Why the document could not be written (the case is saved all the same).
    receipt_error: str | None = None
    #: The issued document (number, archive row, what to print).
    receipt: IssuedDocument | None = None
    #: The 80 mm roll slip ready to print, and its archive row (accepted cases only).
    slip: RenderedDocument | None = None
    slip_issued: IssuedDocument | None = None
    #: The kind of document the decision issued (acceptance, deferred, supplement, refusal,
    #: forwarded).
    document_kind: str = "acceptance"
    #: 告知承诺: the commitment letter issued for signing (None: no commitment, or it could
    #: not be written — then ``receipt_error`` says why).
    commitment_letter: IssuedDocument | None = None

    @property
    def case_no(self) -> str:
        return self.case.case_no

    @property
    def query_code(self) -> str:
        return self.case.query_code

    @property
    def disposition(self) -> Disposition:
        return self.case.disposition

    @property
    def due_date(self) -> date | None:
        return self.case.due_date

    @property
    def due_date_provisional(self) -> bool:
        return self.case.due_date_provisional


def number_case(context: AppContext, on: date) -> str:
    """The next 办件编号 of this window, committed on its own before the case is written:
    a crash in between skips a number, never reuses one."""
    prov = context.provisioning
    seq = context.backend.store.allocate_sequence(CASE_SEQUENCE)
    return format_case_no(prov.center_code, prov.window_code, on, seq)


def build_case(
    context: AppContext,
    draft: intake.IntakeDraft,
    item: Item,
    *,
    clerk: str,
    case_no: str,
    received_at: datetime,
    catalog_version: str,
) -> Case:
    """The typed case of a valid draft (``core.intake.build_case`` with this window's facts).

    Raises:
        InvalidDraft: the draft has errors.
    """
    return intake.build_case(
        draft,
        item,
        case_id=str(uuid.uuid4()),
        case_no=case_no,
        query_code=new_query_code(),
        window_code=context.provisioning.window_code,
        catalog_version=catalog_version,
        clerk=clerk,
        received_at=received_at,
        calendar=context.calendar,
    )


def save_case(context: AppContext, case: Case, *, parked_id: str = "") -> Case:
    """Write the case, its first event and its ``POST /cases`` outbox row in ONE transaction.

    A draft resumed from the parked list (``parked_id``) leaves that list in the same
    transaction. Returns the case as stored.
    """
    store = context.backend.store
    body = case_to_wire(case)
    if not parked_id:
        return store.create_case(case, outbox_body=body)
    with store.db.transaction():
        stored = store.create_case(case, outbox_body=body)
        ParkedIntakes(store.db, context.clock).remove(parked_id)
    return stored


def catalog_version_of(context: AppContext) -> str:
    """The version of the cached catalog the case is taken in under."""
    cached = context.backend.store.load_catalog()
    return (cached.version if cached else None) or "unknown"


def save_intake(
    context: AppContext,
    draft: intake.IntakeDraft,
    item: Item,
    *,
    clerk: str,
    catalog_version: str | None = None,
) -> Case:
    """Validate, number and save a draft (everything of an intake but its document).

    Raises:
        InvalidDraft: the draft has errors; nothing was saved and no number was used.
        StoreError: disk full, locked or damaged database; nothing was saved.
    """
    now = context.clock.now().astimezone(CENTER_TZ)
    checked = intake.validate(draft, item, today=now.date(), calendar=context.calendar)
    if checked.errors:
        raise intake.InvalidDraft(checked.errors)
    version = catalog_version or catalog_version_of(context)
    case_no = number_case(context, now.date())
    case = build_case(
        context, draft, item, clerk=clerk, case_no=case_no, received_at=now, catalog_version=version
    )
    stored = save_case(context, case, parked_id=draft.parked_id)
    log.info("case %s taken in (%s, item %s)", case_no, case.disposition.value, item.code)
    return stored


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
    everything missing, 不予受理 the refusal notice, 上报 the forwarded notice.

    Raises:
        InvalidDraft: the draft has errors; nothing was saved and no number was used.
        StoreError: disk full, locked or damaged database; nothing was saved.
    """
    case = save_intake(
        context, draft, item, clerk=session.username, catalog_version=catalog_version
    )
    return issue_decision_document(context, session, case, item)


def issue_decision_document(
    context: AppContext, session: Session, case: Case, item: Item
) -> TakenCase:
    """Issue the document of a saved case's decision (and the slip of an accepted one, and
    the 告知承诺书 of a case taken in on a written commitment).

    A document that cannot be written is journalled and reported in ``receipt_error``.
    """
    document = decision_document(context, session, case, item)
    issued: IssuedDocument | None = None
    slip_issued: IssuedDocument | None = None
    letter: IssuedDocument | None = None
    error: str | None = None
    try:
        issued = issue_document(context, session, document)
        if isinstance(document, ReceiptData):
            slip_issued = issue_slip(
                context, session, slip_data(context, session, case, item), issued
            )
        letter = issue_commitment_letter(context, session, case, item)
    except (NoCjkFontError, DocumentWriteError, TemplateError, OSError) as exc:
        error = str(exc)
        print_log.error("receipt for %s not written: %s", case.case_no, exc)
        context.backend.store.journal("print", f"receipt for {case.case_no} not written: {exc}")
    return TakenCase(
        case=case,
        receipt_path=issued.path if issued is not None else None,
        receipt=issued,
        receipt_error=error,
        slip=slip_issued.rendered if slip_issued is not None else None,
        slip_issued=slip_issued,
        document_kind=document_kind(document),
        commitment_letter=letter,
    )
