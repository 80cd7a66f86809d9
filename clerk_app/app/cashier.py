"""The cashier window of the settlement center (issue 17), online: find a payment notice by
its payment code or notice number, take the payment (``POST /payments``, Idempotency-Key
= the payment id), print the fiscal receipt the service answered with, and read the
cashier's day (``GET /cashier/day``).

Money is int fen throughout; the change for cash is computed by ``core.fees`` before the
payment is sent, and the service checks it again. Cash on paper with the link down:
``app.cashier_offline``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from clerk_app.app.cashier_reprint import keep_for_duplicate
from clerk_app.app.documents import keep_pdf
from clerk_app.core import fees
from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import DocumentTexts, RenderedDocument, template_dirs
from clerk_app.documents.fee_documents import FiscalReceiptRoll, fiscal_receipt_doc
from clerk_app.documents.fee_render import build_fiscal_receipt, build_fiscal_receipt_roll
from clerk_app.remote.api import ApiError

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

#: The receipt's paper: A4 in three parts, or the payer's part on the 80 mm roll.
ReceiptPaper = Literal["a4", "roll80"]


class CashierRefused(Exception):
    """The service refused (``code``: ``not_found``, ``already_paid``, ``cancelled``,
    ``amount_mismatch``, ``partial_payment``, ``fiscal_unavailable``, ``other``); the GUI
    words the code, ``str()`` is the service's detail for the log."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class TakenPayment:
    """A payment the service recorded: the paid notice and the payment with its receipt."""

    notice: fees.PaymentNotice
    payment: fees.Payment


@dataclass(frozen=True)
class IssuedReceipt:
    """A receipt written as an (encrypted) PDF in the documents folder, ready to print."""

    path: Path
    sha256: str
    rendered: RenderedDocument


@dataclass(frozen=True)
class DayTotals:
    """The cashier's day: payments, total and the totals by method (fen)."""

    day: date
    payments: int
    total_fen: int
    by_method: dict[str, int]
    closed: bool
    receipts_used: tuple[str, ...]


def _token(context: AppContext, session: Session) -> str:
    token = session.access_token or context.backend.tokens.get_device_token(
        context.provisioning.window_code, context.device_id
    )
    return token or ""


def _refused(error: ApiError) -> CashierRefused:
    slug = error.slug
    detail = str(error.problem.get("detail") or error)
    if error.status == 404:
        return CashierRefused("not_found", detail)
    code = {
        "already-paid": "already_paid",
        "cancelled": "cancelled",
        "amount-mismatch": "amount_mismatch",
        "fiscal-unavailable": "fiscal_unavailable",
    }.get(slug, "other")
    return CashierRefused(code, detail)


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def notice_from_wire(data: dict[str, Any]) -> fees.PaymentNotice:
    """A notice as ``GET /payment-notices/{…}`` answers it, as the core's record."""
    payer = data.get("payer") or {}
    waiver = data.get("waiver")
    return fees.PaymentNotice(
        id=str(data["id"]),
        notice_no=str(data["notice_no"]),
        case_no=str(data.get("case_no") or ""),
        window_code=str(data["window_code"]),
        department_code=str(data["department_code"]),
        payer_name=str(payer.get("name", "")),
        payer_id_type=str(payer.get("id_type", "")),
        payer_id_number=str(payer.get("id_number", "")),
        lines=tuple(
            fees.NoticeLine(
                str(x["item_code"]),
                str(x["fee_name"]),
                int(x["amount_fen"]),
                str(x.get("basis", "")),
                bool(x.get("waivable", False)),
            )
            for x in data["lines"]
        ),
        waiver=None
        if not waiver
        else fees.Waiver(
            str(waiver["reason_code"]),
            int(waiver["amount_fen"]),
            str(waiver.get("note", "")),
            str(waiver.get("approved_by", "")),
        ),
        total_fen=int(data["total_fen"]),
        status=data["status"],
        payment_code=str(data.get("payment_code") or ""),
        issued_at=_moment(str(data["issued_at"])),
        clerk=str(data.get("clerk", "")),
    )


def _payment_from_wire(data: dict[str, Any]) -> fees.Payment:
    receipt = data.get("receipt")
    return fees.Payment(
        id=str(data["id"]),
        notice_no=str(data["notice_no"]),
        method=data["method"],
        amount_fen=int(data["amount_fen"]),
        received_fen=int(data["received_fen"]),
        change_fen=int(data["change_fen"]),
        reference=str(data.get("reference", "")),
        cashier=str(data["cashier"]),
        paid_at=_moment(str(data["paid_at"])),
        receipt=None
        if not receipt
        else fees.Receipt(
            receipt["kind"],
            str(receipt["code"]),
            str(receipt["number"]),
            str(receipt.get("check_code", "")),
            str(receipt.get("verify_url", "")),
        ),
    )


def find_notice(context: AppContext, session: Session, code_or_number: str) -> fees.PaymentNotice:
    """The notice by its payment code (what the cashier scans) or its notice number.

    Raises:
        CashierRefused: ``not_found`` (unknown, or not of this center).
        NetworkError: the service cannot be reached.
    """
    ref = code_or_number.strip().upper()
    if not ref:
        raise CashierRefused("not_found", "empty code")
    try:
        data = context.backend.api.get_payment_notice(_token(context, session), ref)
    except ApiError as error:
        raise _refused(error) from None
    return notice_from_wire(data)


def take_payment(
    context: AppContext,
    session: Session,
    notice: fees.PaymentNotice,
    method: fees.PaymentMethod,
    received_fen: int,
    reference: str = "",
) -> TakenPayment:
    """Record the whole payment of ``notice`` online, with an electronic receipt.

    The rules are checked here first (``core.fees.take_payment``: in full, change for cash
    only, a reference for card and QR), then the service records it exactly once.

    Raises:
        FeeRuleError: a rule is broken (nothing sent).
        CashierRefused: the service refused (paid already, cancelled, amount, platform).
        NetworkError: the service cannot be reached (nothing recorded; try again: the
            same payment id is not reused, so a repeat is refused as ``already_paid``).
    """
    payment_id = str(uuid.uuid4())
    paid_at = context.clock.now().astimezone(CENTER_TZ).replace(microsecond=0)
    _paid, local = fees.take_payment(
        notice,
        payment_id=payment_id,
        method=method,
        received_fen=received_fen,
        reference=reference,
        cashier=session.username,
        paid_at=paid_at,
    )
    body = {
        "id": payment_id,
        "notice": notice.notice_no,
        "method": method,
        "amount_fen": local.amount_fen,
        "received_fen": local.received_fen,
        "reference": local.reference,
        "cashier": session.username,
        "paid_at": paid_at.isoformat(),
        "receipt": {"kind": "electronic"},
    }
    try:
        data = context.backend.api.create_payment(_token(context, session), body, payment_id)
    except ApiError as error:
        raise _refused(error) from None
    return TakenPayment(notice_from_wire(data["notice"]), _payment_from_wire(data["payment"]))


def issue_receipt(
    context: AppContext,
    session: Session,
    taken: TakenPayment,
    *,
    paper: ReceiptPaper = "a4",
    department_name: str = "",
) -> IssuedReceipt:
    """Render the fiscal receipt of ``taken`` and keep its PDF (encrypted, like every
    document) in the documents folder under ``receipts/``, and its data for a duplicate
    (``app.cashier_reprint``); the GUI prints it.

    Raises:
        NoCjkFontError, DocumentWriteError, TemplateError: no PDF was written.
    """
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    doc = fiscal_receipt_doc(
        taken.notice,
        taken.payment,
        center_name=texts.center.name or context.provisioning.center_name,
        department_name=department_name or taken.notice.department_code,
        cashier_name=session.display_name or session.username,
    )
    if paper == "roll80":
        rendered = build_fiscal_receipt_roll(FiscalReceiptRoll(doc), texts)
    else:
        rendered = build_fiscal_receipt(doc, texts)
    folder = context.paths.documents_dir / "receipts"
    folder.mkdir(parents=True, exist_ok=True)
    receipt = taken.payment.receipt
    assert receipt is not None  # fiscal_receipt_doc refused a payment without one
    target = folder / f"{receipt.code}-{receipt.number}-{paper}.pdf"
    keep_for_duplicate(context, doc, paper=paper)  # its 副本 from the desk's archive
    path, digest = keep_pdf(context, rendered, target)
    return IssuedReceipt(path, digest, rendered)


def cashier_day(context: AppContext, session: Session, day: date) -> DayTotals:
    """The signed-in cashier's day sheet from the service (``GET /cashier/day``).

    Raises:
        CashierRefused, NetworkError.
    """
    try:
        sheet = context.backend.api.cashier_day(_token(context, session), day)
    except ApiError as error:
        raise _refused(error) from None
    return DayTotals(
        day=date.fromisoformat(str(sheet["day"])),
        payments=int(sheet["payments"]),
        total_fen=int(sheet["total_fen"]),
        by_method={str(t["key"]): int(t["amount_fen"]) for t in sheet["by_method"]},
        closed=bool(sheet["closed"]),
        receipts_used=tuple(str(n) for n in sheet["receipts_used"]),
    )


def today(context: AppContext) -> date:
    """The business day at the center now."""
    now: datetime = context.clock.now()
    return now.astimezone(CENTER_TZ).date()
