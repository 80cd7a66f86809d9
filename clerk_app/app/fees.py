"""Payment notices at the department window (缴款通知书, issue 17).

:func:`issue_payment_notice`: the lines assessed from the case's catalog item
(``core.fees.assess``), an optional waiver (``core.fees.check_waiver``), the center's own
notice number from this window's ``"payment_notice"`` sequence (its own commit, like case
numbers: ``JK-W01-20261206-000001``), the notice and ONE outbox row
(``POST /payment-notices``, Idempotency-Key = the notice id) in ONE write transaction
(``store.fees``), then the 缴款通知书 PDF kept encrypted and archived with its record
queued like every document (``app.documents.keep_pdf``, ``store.documents``). All of it
works with the link down; the sync engine sends the row after the case's creation.

The payment code (缴款码) comes from the province's fiscal platform through the center:
the center's answer to the pushed outbox row carries it (``store.fees`` reads it from there),
and :func:`refresh_notice` pulls the notice (``GET /payment-notices/{no}``) and keeps its
code and status (paid, cancelled). :func:`cancel_payment_notice` (作废) is refused here
once the center said paid; else queued (``POST /payment-notices/{no}/cancel``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.app.case_actions import case_item
from clerk_app.app.documents import IssuedDocument, allocate_document_no, keep_pdf
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.fees import (
    FeeRuleError,
    PaymentNotice,
    Waiver,
    assess,
    check_waiver,
    format_notice_no,
    notice_total,
)
from clerk_app.core.money import capitals, yuan
from clerk_app.core.records import DocumentRecord
from clerk_app.documents import DocumentTexts, template_dirs
from clerk_app.documents.fee_documents import payment_notice_doc
from clerk_app.documents.fee_render import build_payment_notice
from clerk_app.logs import logger
from clerk_app.remote.api import ApiError
from clerk_app.remote.wire import (
    document_to_wire,
    notice_cancel_to_wire,
    notice_from_wire,
    notice_to_wire,
)
from clerk_app.store import fees as fee_store
from clerk_app.store.documents import record_document

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session
    from clerk_app.core.catalog import Item

log = logger("gui")
print_log = logger("print")

#: The window's own sequence of notice numbers.
NOTICE_SEQUENCE = "payment_notice"
#: The archive kind of the notice's PDF.
NOTICE_KIND = "payment_notice"
#: The kind code (``texts.toml`` ``[kind_codes]``: 费) of its 文书编号.
FEE_DOCUMENT_KIND = "fee"
#: A waiver above this many fen names the lead who approved it (the center's default
#: ``waiver_approval_above_fen``; the center checks it again).
WAIVER_APPROVAL_ABOVE_FEN = 10_000


@dataclass(frozen=True)
class Assessment:
    """What the notice of a case would charge, before it is issued (for the dialog)."""

    item: Item
    gross_fen: int
    total_fen: int

    @property
    def figures(self) -> str:
        """The total in figures: ``12,345.67``."""
        return yuan(self.total_fen)

    @property
    def capitals(self) -> str:
        """The total in Chinese capitals (大写)."""
        return capitals(self.total_fen)


@dataclass(frozen=True)
class IssuedNotice:
    """A notice issued: the record as kept here and its PDF."""

    notice: PaymentNotice
    document: IssuedDocument


def _item_of(context: AppContext, case_no: str) -> tuple[Item, str]:
    case = context.backend.store.get_case(case_no)
    if case is None:
        raise KeyError(f"case {case_no} is not kept at this desk")
    return case_item(context, case.item_code), case.item_code


def assess_case(context: AppContext, case_no: str, waiver: Waiver | None = None) -> Assessment:
    """The fees of a case's item and the total after ``waiver`` (nothing is written).

    Raises:
        KeyError: no such case here.
        FeeRuleError: ``no_fees`` or a waiver rule.
    """
    item, _code = _item_of(context, case_no)
    lines = assess(item)
    if waiver is not None:
        check_waiver(lines, waiver, approval_above_fen=WAIVER_APPROVAL_ABOVE_FEN)
    gross = notice_total(lines)
    return Assessment(item, gross, notice_total(lines, waiver))


def has_fees(context: AppContext, case_no: str) -> bool:
    """Whether the case's item carries a fee (the action is offered only then)."""
    try:
        item, _code = _item_of(context, case_no)
    except KeyError:
        return False
    return any(fee.amount_fen > 0 for fee in item.fees)


def issue_payment_notice(
    context: AppContext, session: Session, case_no: str, waiver: Waiver | None = None
) -> IssuedNotice:
    """Issue the case's payment notice: numbered here, saved with its outbox row in one
    transaction, its PDF kept and archived. Works offline.

    Raises:
        KeyError: no such case here.
        FeeRuleError: ``no_fees`` or a waiver rule; nothing written, no number used.
        NoCjkFontError, DocumentWriteError, TemplateError: the notice is saved (and will
            be sent) but its PDF was not written; a reprint makes it.
    """
    store = context.backend.store
    case = store.get_case(case_no)
    if case is None:
        raise KeyError(f"case {case_no} is not kept at this desk")
    item = case_item(context, case.item_code)
    lines = assess(item, case)
    if waiver is not None:
        check_waiver(lines, waiver, approval_above_fen=WAIVER_APPROVAL_ABOVE_FEN)
    prov = context.provisioning
    now = context.clock.now().astimezone(CENTER_TZ)
    seq = store.allocate_sequence(NOTICE_SEQUENCE)
    payer = case.applicant
    notice = PaymentNotice(
        id=str(uuid.uuid4()),
        notice_no=format_notice_no(prov.window_code, now.date(), seq),
        case_no=case.case_no,
        window_code=prov.window_code,
        department_code=item.department,
        payer_name=payer.name,
        payer_id_type=payer.id_type.value,
        payer_id_number=payer.id_number,
        lines=lines,
        waiver=waiver,
        total_fen=notice_total(lines, waiver),
        issued_at=now,
        clerk=session.username,
    )
    fee_store.save_notice(store, notice, outbox_body=notice_to_wire(notice))
    document = _issue_pdf(context, session, notice, item)
    return IssuedNotice(notice, document)


def _issue_pdf(
    context: AppContext, session: Session, notice: PaymentNotice, item: Item
) -> IssuedDocument:
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    prov = context.provisioning
    data = payment_notice_doc(
        notice,
        center_name=prov.center_name,
        department_name=session.department or prov.department,
        window_name=session.window_name or prov.window_name,
        item_name=item.name,
        clerk_name=session.display_name,
    )
    rendered = build_payment_notice(data, texts)
    folder = context.paths.documents_dir
    folder.mkdir(parents=True, exist_ok=True)
    target = Path(folder) / f"{notice.case_no}-{NOTICE_KIND}-{notice.notice_no}.pdf"
    path, digest = keep_pdf(context, rendered, target)
    issued_at = context.clock.now().astimezone(CENTER_TZ)
    # Archived like every notice of the case, under a 文书编号 of the fee kind (费); the
    # notice number is on the paper.
    document_no = allocate_document_no(context, FEE_DOCUMENT_KIND, issued_at.year, texts)
    record = DocumentRecord(
        id=str(uuid.uuid4()),
        case_no=notice.case_no,
        kind=NOTICE_KIND,
        document_no=document_no,
        sha256=digest,
        issued_at=issued_at,
        clerk=session.username,
        reprint=False,
    )
    archived = record_document(
        context.backend.store, record, path=path, body=document_to_wire(record)
    )
    print_log.info("payment notice %s issued for %s", notice.notice_no, notice.case_no)
    return IssuedDocument(NOTICE_KIND, document_no, path, digest, archived, rendered, texts)


def case_notices(context: AppContext, case_no: str) -> list[PaymentNotice]:
    """The case's notices issued here (read only)."""
    return fee_store.case_notices(context.backend.store, case_no)


def load_notice(context: AppContext, notice_no: str) -> PaymentNotice | None:
    """A notice issued here, or None."""
    return fee_store.get_notice(context.backend.store, notice_no)


def refresh_notice(context: AppContext, session: Session, notice_no: str) -> PaymentNotice | None:
    """Pull the notice from the center and keep its payment code and status (on a worker
    thread); None when the center does not have it yet (its row still waiting).

    Raises:
        ConnectionProblem: the center cannot be reached.
        Refused: another refusal.
        WireError: an answer that is not a notice.
    """
    token = session.access_token or context.backend.tokens.get_device_token(
        context.provisioning.window_code, context.device_id
    )
    try:
        answer = context.backend.api.get_payment_notice(token or "", notice_no)
    except ApiError as exc:
        if exc.status == 404:
            return None
        raise
    center = notice_from_wire(answer)
    fee_store.take_center_state(
        context.backend.store, notice_no, center.status, center.payment_code
    )
    local = fee_store.get_notice(context.backend.store, notice_no)
    return local if local is not None else center


def cancel_payment_notice(
    context: AppContext, session: Session, notice_no: str, reason: str
) -> PaymentNotice:
    """作废 a notice issued here: refused once the center said it is paid; else marked
    cancelled and its cancellation queued (works offline).

    Raises:
        KeyError: no such notice here.
        FeeRuleError: ``not_issued`` (paid, refunded or cancelled already) or
            ``empty_note`` (no reason); nothing written.
    """
    if not reason.strip():
        raise FeeRuleError("empty_note", "a cancellation gives its reason")
    cancel_id = str(uuid.uuid4())
    cancelled = fee_store.cancel_notice(
        context.backend.store,
        notice_no,
        cancel_id=cancel_id,
        outbox_body=notice_cancel_to_wire(cancel_id, reason.strip()),
    )
    log.info("payment notice %s cancelled by %s", notice_no, session.username)
    return cancelled
