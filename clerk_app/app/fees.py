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
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app.app.case_actions import case_item
from clerk_app.app.documents import (
    IssuedDocument,
    allocate_document_no,
    case_archive,
    keep_pdf,
)
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.fees import (
    WAIVER_REASONS,
    FeeRuleError,
    Payment,
    PaymentNotice,
    Receipt,
    Waiver,
    assess,
    check_waiver,
    format_notice_no,
    notice_total,
)
from clerk_app.core.money import capitals, yuan
from clerk_app.core.records import DocumentRecord
from clerk_app.documents import DocumentTexts, template_dirs
from clerk_app.documents.fee_documents import fiscal_receipt_doc, payment_notice_doc
from clerk_app.documents.fee_render import build_fiscal_receipt, build_payment_notice
from clerk_app.logs import logger
from clerk_app.remote.api import ApiError
from clerk_app.remote.notice_follow import keep_payment
from clerk_app.remote.wire import (
    document_to_wire,
    notice_cancel_to_wire,
    notice_from_wire,
    notice_to_wire,
)
from clerk_app.store import fees as fee_store
from clerk_app.store.documents import ArchivedDocument, record_document

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
    context: AppContext,
    session: Session,
    notice: PaymentNotice,
    item: Item,
    *,
    reprint_of: str = "",
) -> IssuedDocument:
    """The notice's PDF kept and archived: a new 文书编号, or ``reprint_of``'s (副本)."""
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    prov = context.provisioning
    data = payment_notice_doc(
        notice,
        center_name=prov.center_name,
        department_name=session.department or prov.department,
        window_name=session.window_name or prov.window_name,
        item_name=item.name,
        clerk_name=session.display_name,
        reprint=bool(reprint_of),
    )
    rendered = build_payment_notice(data, texts)
    issued_at = context.clock.now().astimezone(CENTER_TZ)
    tail = f"-reprint-{issued_at:%Y%m%d%H%M%S%f}" if reprint_of else ""
    target = _case_pdf(context, notice.case_no, NOTICE_KIND, notice.notice_no + tail)
    path, digest = keep_pdf(context, rendered, target)
    # Archived like every notice of the case, under a 文书编号 of the fee kind (费); the
    # notice number is on the paper.
    document_no = reprint_of or allocate_document_no(
        context, FEE_DOCUMENT_KIND, issued_at.year, texts
    )
    archived = _archive(context, session, notice.case_no, NOTICE_KIND, document_no, path, digest)
    what = "reprinted" if reprint_of else "issued"
    print_log.info("payment notice %s %s for %s", notice.notice_no, what, notice.case_no)
    return IssuedDocument(NOTICE_KIND, document_no, path, digest, archived, rendered, texts)


def _case_pdf(context: AppContext, case_no: str, kind: str, name: str) -> Path:
    folder = Path(context.paths.documents_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{case_no}-{kind}-{name}.pdf"


def _archive(
    context: AppContext,
    session: Session,
    case_no: str,
    kind: str,
    document_no: str,
    path: Path,
    digest: str,
) -> ArchivedDocument:
    """The archive row and its outbox record (a reprint when the number was archived)."""
    reprint = any(
        d.kind == kind and d.document_no == document_no
        for d in case_archive(context, case_no).originals
    )
    record = DocumentRecord(
        id=str(uuid.uuid4()),
        case_no=case_no,
        kind=kind,
        document_no=document_no,
        sha256=digest,
        issued_at=context.clock.now().astimezone(CENTER_TZ),
        clerk=session.username,
        reprint=reprint,
    )
    return record_document(context.backend.store, record, path=path, body=document_to_wire(record))


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
    if center.status in ("paid", "refunded"):  # its payment and receipt come along
        keep_payment(context.backend.store, context.backend.api, token or "", notice_no)
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


# -- waivers (减免) ----------------------------------------------------------------------------


def waiver_reasons(context: AppContext, case_no: str) -> list[tuple[str, str]]:
    """The waiver reasons the case's item allows (code, words): the listed reasons when one
    of its fees may be waived, else none."""
    return list(WAIVER_REASONS.items()) if waivable_fen(context, case_no) else []


def waivable_fen(context: AppContext, case_no: str) -> int:
    """How much of the case's fees may be waived (the waivable lines' sum)."""
    item, _code = _item_of(context, case_no)
    try:
        lines = assess(item)
    except FeeRuleError:
        return 0
    return sum(line.amount_fen for line in lines if line.waivable)


def needs_approval(waiver: Waiver) -> bool:
    """Whether ``waiver`` waits for a lead's approval (above the provisioned amount)."""
    return waiver.amount_fen > WAIVER_APPROVAL_ABOVE_FEN and not waiver.approved_by.strip()


@dataclass(frozen=True)
class LeadApproval:
    """A lead of the department approved a waiver at this window (their sign-in checked)."""

    username: str
    display_name: str
    offline: bool = False


def approve_waiver(
    context: AppContext, session: Session, username: str, password: str, waiver: Waiver
) -> LeadApproval:
    """A lead approves ``waiver`` at the window by signing in on the spot (a worker thread).

    Online the service checks the password (``POST /auth/login`` at this window; the
    token it answers is ended at once, this desk's session stays the clerk's); with the
    link down, the lead's offline credential kept at this window does (the offline rules).
    The center checks again that ``approved_by`` is a lead of this window's department
    when the notice arrives.

    Raises:
        FeeRuleError: ``not_a_lead`` — the account has no lead role; ``empty_note`` — no
            user name.
        ApiError, TlsError, OfflineSignInError: the password was not accepted (or could not
            be checked).
    """
    from clerk_app import __version__
    from clerk_app.app.session import SIGN_OUT_TIMEOUT, has_device_token
    from clerk_app.core.provisioning import MAX_OFFLINE_SIGNIN_HOURS
    from clerk_app.remote.api import NetworkError

    username = username.strip()
    if not username:
        raise FeeRuleError("empty_note", "the approving lead gives their user name")
    prov = context.provisioning
    api = context.backend.api
    try:
        result = api.login(
            username,
            password,
            prov.window_code,
            context.device_id,
            __version__,
            has_device_token=has_device_token(context),
        )
    except NetworkError:
        from datetime import timedelta

        stored = context.backend.credentials.verify(
            prov.window_code,
            username,
            password,
            timedelta(hours=min(int(prov.offline_signin_hours), MAX_OFFLINE_SIGNIN_HOURS)),
            not_before=context.backend.sync_state.load().last_server_date,
        )
        facts = stored.session
        roles = tuple(facts.get("roles") or ())
        approval = LeadApproval(username, str(facts.get("display_name") or username), True)
    else:
        if result.device_token:  # a clerk of the window at a desk that held none (as unlock)
            context.backend.tokens.set_device_token(
                prov.window_code, context.device_id, result.device_token
            )
        try:
            api.logout(result.access_token, timeout=SIGN_OUT_TIMEOUT)
        except (NetworkError, ApiError) as exc:
            log.info("waiver approval: the check's token was not ended (%s)", exc)
        user = result.user or {}
        roles = tuple(user.get("roles") or ())
        approval = LeadApproval(username, str(user.get("display_name") or username))
    if "lead" not in roles:
        raise FeeRuleError("not_a_lead", f"{username} is not a lead")
    log.info(
        "waiver of %d fen (%s) approved by lead %s at %s for %s%s",
        waiver.amount_fen,
        waiver.reason_code,
        username,
        prov.window_code,
        session.username,
        " (checked offline)" if approval.offline else "",
    )
    return approval


# -- the case's fee state, reprints and the cashier's receipt ---------------------------------

#: What the case's fees stand at, from its notices: ``paid`` (已缴费), ``unpaid`` (a notice
#: waits for payment), ``waived`` (减免 to nothing), ``refunded`` (退付); None when no live
#: notice (the intake decision's state holds).
FEE_STATES = ("unpaid", "paid", "waived", "refunded")


def fee_state(context: AppContext, case_no: str) -> str | None:
    """The case's fee state by its latest notice not cancelled (see :data:`FEE_STATES`);
    the intake decision's when it has none; None for a case kept nowhere here."""
    live = [n for n in case_notices(context, case_no) if n.status != "cancelled"]
    if live:
        latest = live[-1]
        if latest.status in ("paid", "refunded"):
            return latest.status
        return "waived" if latest.total_fen == 0 else "unpaid"
    case = context.backend.store.get_case(case_no)
    first = case.first_event if case is not None else None
    state = getattr(first.data, "fee_state", None) if first is not None else None
    return str(state.value) if state is not None else None


def reprint_notice(context: AppContext, session: Session, notice_no: str) -> IssuedDocument:
    """Print the notice again marked 副本 / REPRINT under its 文书编号 (archived as a reprint,
    its record queued); on the writer.

    Raises:
        KeyError: no such notice here.
        NoCjkFontError, DocumentWriteError, TemplateError: no PDF was written.
    """
    notice = load_notice(context, notice_no)
    if notice is None:
        raise KeyError(f"payment notice {notice_no} is not kept at this desk")
    item, _code = _item_of(context, notice.case_no)
    original = f"{notice.case_no}-{NOTICE_KIND}-{notice.notice_no}.pdf"
    numbers = [
        d.document_no
        for d in case_archive(context, notice.case_no).originals
        if d.kind == NOTICE_KIND and d.path.name == original
    ]
    if not numbers:  # its first PDF was never written: this one is the original
        return _issue_pdf(context, session, notice, item)
    return _issue_pdf(context, session, notice, item, reprint_of=numbers[0])


#: The archive kind of the cashier's receipt as the department window prints it (副本).
RECEIPT_KIND = "fiscal_receipt"


def case_payment(context: AppContext, notice_no: str) -> Payment | None:
    """The center's payment of a notice with its fiscal receipt, as pulled (or None)."""
    data = fee_store.kept_payment(context.backend.store, notice_no)
    if data is None:
        return None
    try:
        return payment_from_wire(data)
    except (KeyError, TypeError, ValueError) as exc:
        log.error("payment of %s kept here is unreadable: %s", notice_no, exc)
        return None


def payment_from_wire(data: dict[str, Any]) -> Payment:
    """A payment as the service answers it (``PaymentPublic``), as the core's record.

    Raises:
        KeyError, TypeError, ValueError: not a payment.
    """
    receipt = data.get("receipt")
    return Payment(
        id=str(data["id"]),
        notice_no=str(data["notice_no"]),
        method=data["method"],
        amount_fen=int(data["amount_fen"]),
        received_fen=int(data["received_fen"]),
        change_fen=int(data["change_fen"]),
        reference=str(data.get("reference") or ""),
        cashier=str(data["cashier"]),
        paid_at=datetime.fromisoformat(str(data["paid_at"]).replace("Z", "+00:00")),
        receipt=None
        if not receipt
        else Receipt(
            receipt["kind"],
            str(receipt["code"]),
            str(receipt["number"]),
            str(receipt.get("check_code") or ""),
            str(receipt.get("verify_url") or ""),
        ),
    )


def print_receipt_copy(context: AppContext, session: Session, notice_no: str) -> IssuedDocument:
    """The fiscal receipt of a paid notice printed at the department window from the
    receipt's electronic data pulled from the center, marked 副本 (the original is the
    cashier's): kept with the case and archived under a 文书编号 of the fee kind (the first
    copy a new number, later ones reprints of it); on the writer.

    Raises:
        KeyError: no such notice here, or its payment (with a receipt) not pulled yet.
        NoCjkFontError, DocumentWriteError, TemplateError: no PDF was written.
    """
    notice = load_notice(context, notice_no)
    payment = case_payment(context, notice_no)
    if notice is None or payment is None or payment.receipt is None:
        raise KeyError(f"no receipt of {notice_no} at this desk yet")
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    prov = context.provisioning
    data = fiscal_receipt_doc(
        notice,
        payment,
        center_name=texts.center.name or prov.center_name,
        department_name=session.department or prov.department,
        cashier_name=payment.cashier,
        reprint=True,
    )
    rendered = build_fiscal_receipt(data, texts)
    now = context.clock.now().astimezone(CENTER_TZ)
    receipt = payment.receipt
    name = f"{receipt.code}-{receipt.number}-{now:%Y%m%d%H%M%S%f}"
    path, digest = keep_pdf(
        context, rendered, _case_pdf(context, notice.case_no, RECEIPT_KIND, name)
    )
    numbers = [
        d.document_no
        for d in case_archive(context, notice.case_no).originals
        if d.kind == RECEIPT_KIND
        and d.path.name.startswith(
            f"{notice.case_no}-{RECEIPT_KIND}-{receipt.code}-{receipt.number}-"
        )
    ]
    document_no = (
        numbers[0] if numbers else allocate_document_no(context, FEE_DOCUMENT_KIND, now.year, texts)
    )
    archived = _archive(context, session, notice.case_no, RECEIPT_KIND, document_no, path, digest)
    print_log.info("receipt %s/%s copied for %s", receipt.code, receipt.number, notice.case_no)
    return IssuedDocument(RECEIPT_KIND, document_no, path, digest, archived, rendered, texts)


#: Archive kinds of the fee documents a case keeps, reprinted here (not from archive data).
FEE_DOCUMENT_KINDS = frozenset({NOTICE_KIND, RECEIPT_KIND})


def reprint_fee_document(
    context: AppContext, session: Session, document: ArchivedDocument
) -> IssuedDocument:
    """Reprint a fee document of the case's archive (the case documents panel): a payment
    notice (副本 under its 文书编号) or the copy of the cashier's receipt; on the writer.

    Raises:
        KeyError: not a fee document, or its notice (or payment) is not kept here.
    """
    prefix = f"{document.case_no}-{document.kind}-"
    name = document.path.name.removeprefix(prefix).removesuffix(".pdf")
    if document.kind == NOTICE_KIND:
        return reprint_notice(context, session, name.split("-reprint-")[0])
    if document.kind == RECEIPT_KIND:
        for notice in case_notices(context, document.case_no):
            payment = case_payment(context, notice.notice_no)
            receipt = payment.receipt if payment is not None else None
            if receipt is not None and name.startswith(f"{receipt.code}-{receipt.number}-"):
                return print_receipt_copy(context, session, notice.notice_no)
    raise KeyError(f"{document.kind} {document.document_no} cannot be reprinted here")
