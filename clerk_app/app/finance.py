"""The settlement center's finance work (issue 17), online: refunds (退付) — a lead of the
collecting department (执收单位) requests one for a paid notice, a ``finance`` user approves
or rejects it and prints the refund voucher (退付凭证) — the period report (department ×
item × method, exported to CSV and XLSX to the fen) and the bank reconciliation (the bank's
or POS's CSV: columns ``reference``, ``amount`` in yuan, ``date``).

Money is int fen; an exported amount is written from fen exactly (a ``Decimal`` in XLSX,
text in CSV), never through a float.
"""

from __future__ import annotations

import contextlib
import csv
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from clerk_app.app.cashier import IssuedReceipt, notice_from_wire
from clerk_app.app.cashier_close import token
from clerk_app.app.cashier_reprint import keep_for_duplicate
from clerk_app.app.documents import keep_pdf
from clerk_app.core import fees
from clerk_app.core.money import check_fen, yuan
from clerk_app.core.spreadsheet import safe_row
from clerk_app.documents import DocumentTexts, template_dirs
from clerk_app.documents.fee_documents import RefundVoucherDoc
from clerk_app.documents.fee_render import build_refund_voucher
from clerk_app.remote import finance_api
from clerk_app.remote.api import ApiError
from clerk_app.remote.wire import optional_answer_time

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

Group = Literal["department", "item", "method"]
#: Largest bank file sent (the service takes at most 80,000 characters: written as JSON
#: escapes it stays below the service's body limit).
MAX_BANK_FILE = 80_000


class FinanceRefused(Exception):
    """The service refused (``code``: ``not_found``, ``not_paid``, ``refund_too_large``,
    ``decided``, ``forbidden``, ``invalid``, ``other``); ``str()`` is its detail."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


def _refused(error: ApiError) -> FinanceRefused:
    slug = error.slug
    detail = str(error.problem.get("detail") or error)
    if error.status == 404:
        return FinanceRefused("not_found", detail)
    if error.status == 403:
        return FinanceRefused("forbidden", detail)
    if slug in ("refund-too-large", "decided"):
        return FinanceRefused(slug.replace("-", "_"), detail)
    return FinanceRefused("invalid" if error.status == 422 else "other", detail)


# -- refunds ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PaidNotice:
    """A paid notice with its payment, as the center has them."""

    notice: fees.PaymentNotice
    payment_id: str
    method: str
    amount_fen: int
    refunded_fen: int
    paid_at: datetime
    cashier: str
    receipt_code: str
    receipt_number: str

    @property
    def refundable_fen(self) -> int:
        """What is left to refund (requests still waiting not counted)."""
        return self.amount_fen - self.refunded_fen


@dataclass(frozen=True)
class Refund:
    """A refund request (退付) and its decision."""

    id: str
    payment_id: str
    notice_no: str
    department_code: str
    amount_fen: int
    reason: str
    status: str  # requested | approved | rejected
    requested_by: str
    requested_at: datetime
    decided_by: str
    decided_at: datetime | None
    note: str
    voucher_no: str


def _refund(data: dict[str, Any]) -> Refund:
    requested = optional_answer_time(data["requested_at"])
    assert requested is not None
    return Refund(
        id=str(data["id"]),
        payment_id=str(data["payment_id"]),
        notice_no=str(data["notice_no"]),
        department_code=str(data["department_code"]),
        amount_fen=int(data["amount_fen"]),
        reason=str(data["reason"]),
        status=str(data["status"]),
        requested_by=str(data["requested_by"]),
        requested_at=requested,
        decided_by=str(data.get("decided_by") or ""),
        decided_at=optional_answer_time(data.get("decided_at")),
        note=str(data.get("decision_note") or ""),
        voucher_no=str(data.get("voucher_no") or ""),
    )


def lead_sign_in(context: AppContext, username: str, password: str) -> Session:
    """A lead of the department signs in at this window only to request a refund from a
    case (online: the request needs the lead's own token). The desk's session stays the
    clerk's; end the lead's token with :func:`end_lead_session`.

    Raises:
        FinanceRefused: ``forbidden`` — not a lead, or the password must be changed first.
        ApiError: the password was not accepted (401; 429 locked out).
        NetworkError.
    """
    from clerk_app import __version__
    from clerk_app.app.session import Session as DeskSession
    from clerk_app.app.session import has_device_token

    prov = context.provisioning
    result = context.backend.api.login(
        username.strip(),
        password,
        prov.window_code,
        context.device_id,
        __version__,
        has_device_token=has_device_token(context),
    )
    user = result.user or {}
    roles = tuple(str(r) for r in user.get("roles") or ())
    lead = DeskSession(
        username=username.strip(),
        display_name=str(user.get("display_name") or username),
        roles=roles,
        window_code=prov.window_code,
        window_name=str((result.window or {}).get("name") or ""),
        department=str((result.window or {}).get("department") or prov.department),
        access_token=result.access_token,
        expires_at=result.expires_at,
    )
    if "lead" not in roles or result.password_change_required:
        end_lead_session(context, lead)
        raise FinanceRefused("forbidden", f"{username} may not request refunds here")
    return lead


def end_lead_session(context: AppContext, lead: Session) -> None:
    """End the token of :func:`lead_sign_in` (quickly; the service may be gone)."""
    from clerk_app.app.session import SIGN_OUT_TIMEOUT
    from clerk_app.remote.api import RemoteError

    if lead.access_token:
        with contextlib.suppress(RemoteError):  # else it expires by itself
            context.backend.api.logout(lead.access_token, timeout=SIGN_OUT_TIMEOUT)


def find_paid(context: AppContext, session: Session, notice_no: str) -> PaidNotice:
    """The paid notice numbered ``notice_no`` (or by its payment code) with its payment.

    Raises:
        FinanceRefused: ``not_paid`` (unknown, not in reach, or not paid), ``forbidden``.
        NetworkError.
    """
    ref = notice_no.strip().upper()
    if not ref:
        raise FinanceRefused("not_paid", "empty notice number")
    try:
        data = finance_api.notice_payment(context.backend.api, token(context, session), ref)
    except ApiError as error:
        refused = _refused(error)
        raise FinanceRefused(
            "not_paid" if refused.code == "not_found" else refused.code, str(refused)
        ) from None
    payment = data["payment"]
    receipt = payment.get("receipt") or {}
    paid_at = optional_answer_time(payment["paid_at"])
    assert paid_at is not None
    return PaidNotice(
        notice=notice_from_wire(data["notice"]),
        payment_id=str(payment["id"]),
        method=str(payment["method"]),
        amount_fen=int(payment["amount_fen"]),
        refunded_fen=int(payment.get("refunded_fen", 0)),
        paid_at=paid_at,
        cashier=str(payment.get("cashier", "")),
        receipt_code=str(receipt.get("code", "")),
        receipt_number=str(receipt.get("number", "")),
    )


def request_refund(
    context: AppContext, session: Session, paid: PaidNotice, amount_fen: int, reason: str
) -> Refund:
    """A lead of the collecting department requests a refund of ``paid`` (at most what is
    left of it) with its reason; finance decides.

    Raises:
        FinanceRefused: ``invalid`` (nothing, too much, no reason; nothing sent),
            ``refund_too_large`` (the service counts waiting requests too), ``forbidden``.
        NetworkError.
    """
    check_fen(amount_fen, "refund")
    if not 0 < amount_fen <= paid.refundable_fen:
        raise FinanceRefused("refund_too_large", f"at most {paid.refundable_fen} fen")
    if not reason.strip():
        raise FinanceRefused("invalid", "a refund states its reason")
    body = {"id": str(uuid.uuid4()), "amount_fen": amount_fen, "reason": reason.strip()}
    try:
        data = finance_api.request_refund(
            context.backend.api, token(context, session), paid.payment_id, body
        )
    except ApiError as error:
        raise _refused(error) from None
    return _refund(data)


def waiting_refunds(context: AppContext, session: Session) -> list[Refund]:
    """The refund requests waiting for finance, oldest first.

    Raises:
        FinanceRefused, NetworkError.
    """
    try:
        items = finance_api.refund_requests(context.backend.api, token(context, session))
    except ApiError as error:
        raise _refused(error) from None
    return [_refund(item) for item in items]


#: Most decided refunds listed at once (the service's limit).
HISTORY_LIMIT = 500


def decided_refunds(context: AppContext, session: Session, first: date, last: date) -> list[Refund]:
    """The refund requests approved or rejected in business days ``first``..``last``,
    oldest decision first (at most :data:`HISTORY_LIMIT`).

    Raises:
        FinanceRefused: ``invalid`` (the period is reversed or longer than 400 days).
        NetworkError.
    """
    if last < first:
        raise FinanceRefused("invalid", "the period ends before it starts")
    try:
        items = finance_api.refund_requests(
            context.backend.api,
            token(context, session),
            "decided",
            period=(first, last),
            limit=HISTORY_LIMIT,
        )
    except ApiError as error:
        raise _refused(error) from None
    return [_refund(item) for item in items]


def decide_refund(
    context: AppContext, session: Session, refund: Refund, *, approve: bool, note: str = ""
) -> Refund:
    """Finance approves (the answer carries the voucher number) or rejects ``refund``.

    Raises:
        FinanceRefused: ``decided`` already, ``refund_too_large``, ``not_found``.
        NetworkError.
    """
    key = str(uuid.uuid5(uuid.UUID(refund.id), "approve" if approve else "reject"))
    try:
        data = finance_api.decide_refund(
            context.backend.api, token(context, session), refund.id, approve, note.strip(), key
        )
    except ApiError as error:
        raise _refused(error) from None
    return _refund(data)


def refund_voucher(context: AppContext, session: Session, refund: Refund) -> IssuedReceipt:
    """The refund voucher (退付凭证) of an approved refund as an encrypted PDF under
    ``documents/refunds/``, ready to print; its data kept for a duplicate.

    Raises:
        ValueError: the refund is not approved.
        FinanceRefused, NetworkError: the paid notice could not be read.
        NoCjkFontError, DocumentWriteError, TemplateError: no PDF was written.
    """
    if refund.status != "approved" or refund.decided_at is None:
        raise ValueError("only an approved refund has a voucher")
    paid = find_paid(context, session, refund.notice_no)
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    doc = RefundVoucherDoc(
        center_name=texts.center.name or context.provisioning.center_name,
        refund_no=refund.voucher_no,
        department_name=refund.department_code,
        payer_name=paid.notice.payer_name,
        notice_no=refund.notice_no,
        receipt_code=paid.receipt_code,
        receipt_number=paid.receipt_number,
        paid_fen=paid.amount_fen,
        refund_fen=refund.amount_fen,
        method=paid.method,
        reason=refund.reason,
        requested_by=refund.requested_by,
        requested_at=refund.requested_at,
        approved_by=refund.decided_by,
        approved_at=refund.decided_at,
        cashier_name=paid.cashier,
    )
    rendered = build_refund_voucher(doc, texts)
    folder = context.paths.documents_dir / "refunds"
    folder.mkdir(parents=True, exist_ok=True)
    keep_for_duplicate(context, doc)  # its 副本 from the desk's archive
    path, digest = keep_pdf(context, rendered, folder / f"{refund.voucher_no}.pdf")
    return IssuedReceipt(path, digest, rendered)


# -- the period report ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    key: str
    name: str
    count: int
    amount_fen: int
    refunded_fen: int


@dataclass(frozen=True)
class Report:
    """Payments of a period by department, item or method, with the totals."""

    group: Group
    first: date
    last: date
    rows: tuple[ReportRow, ...]
    count: int
    amount_fen: int
    refunded_fen: int


def period_report(
    context: AppContext, session: Session, first: date, last: date, group: Group
) -> Report:
    """``GET /fees/report`` for ``first``..``last`` (business days) grouped by ``group``.

    Raises:
        FinanceRefused: ``invalid`` (the period is reversed or longer than 400 days).
        NetworkError.
    """
    try:
        data = finance_api.fees_report(
            context.backend.api, token(context, session), first, last, group
        )
    except ApiError as error:
        raise _refused(error) from None
    return Report(
        group=group,
        first=first,
        last=last,
        rows=tuple(
            ReportRow(
                str(r["key"]),
                str(r.get("name") or ""),
                int(r["count"]),
                int(r["amount_fen"]),
                int(r["refunded_fen"]),
            )
            for r in data["rows"]
        ),
        count=int(data["count"]),
        amount_fen=int(data["amount_fen"]),
        refunded_fen=int(data["refunded_fen"]),
    )


def report_table(report: Report, headers: tuple[str, ...], total: str) -> list[list[Any]]:
    """The report as rows of cells (the header row first, the total last); amounts as
    ``Decimal`` yuan, exact to the fen."""
    table: list[list[Any]] = [list(headers)]
    for row in report.rows:
        table.append(
            [row.key, row.name, row.count, _decimal(row.amount_fen), _decimal(row.refunded_fen)]
        )
    table.append(
        [total, "", report.count, _decimal(report.amount_fen), _decimal(report.refunded_fen)]
    )
    return table


def _decimal(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


def write_report_csv(path: Path, table: list[list[Any]]) -> Path:
    """CSV, UTF-8 with BOM (Excel reads the Chinese); amounts as ``12345.67``."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        for row in table:
            cells = [
                yuan(int(v.scaleb(2)), grouped=False) if isinstance(v, Decimal) else v for v in row
            ]
            writer.writerow(safe_row(cells))  # no cell is a formula
    return path


def write_report_xlsx(path: Path, table: list[list[Any]], title: str = "") -> Path:
    """XLSX with one sheet: a title row if given, bold headers, amounts as numbers with
    two decimals (written from ``Decimal``, exact)."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.cell(row=1, column=1).font = Font(bold=True)
    for index, row in enumerate(table):
        sheet.append(safe_row(row))
        for cell in sheet[sheet.max_row]:
            if index == 0:
                cell.font = Font(bold=True)
            elif isinstance(cell.value, (Decimal, float)):
                cell.number_format = "0.00"
    book.save(path)
    return path


# -- the bank reconciliation ----------------------------------------------------------------


@dataclass(frozen=True)
class BankLine:
    line: int
    reference: str
    amount_fen: int
    day: str


@dataclass(frozen=True)
class UnmatchedPayment:
    notice_no: str
    reference: str
    amount_fen: int
    method: str
    day: str


@dataclass(frozen=True)
class Reconciliation:
    matched: int
    unmatched_bank: tuple[BankLine, ...]
    unmatched_payments: tuple[UnmatchedPayment, ...]


def reconcile(
    context: AppContext, session: Session, first: date, last: date, bank_file: Path
) -> Reconciliation:
    """Match the bank's or POS's CSV (``reference``, ``amount`` in yuan, ``date``) with the
    card and QR payments of ``first``..``last``; nothing is written.

    Raises:
        FinanceRefused: ``invalid`` (no such columns, a bad amount, too large, not UTF-8).
        OSError: the file cannot be read.
        NetworkError.
    """
    raw = bank_file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")  # what a Chinese bank's export often is
        except UnicodeDecodeError:
            raise FinanceRefused("invalid", "the file is not text") from None
    if not text.strip() or len(text) > MAX_BANK_FILE:
        raise FinanceRefused("invalid", "the file is empty or too large")
    try:
        data = finance_api.reconcile(
            context.backend.api, token(context, session), first, last, text
        )
    except ApiError as error:
        raise _refused(error) from None
    return Reconciliation(
        matched=int(data["matched"]),
        unmatched_bank=tuple(
            BankLine(int(b["line"]), str(b["reference"]), int(b["amount_fen"]), str(b["date"]))
            for b in data["unmatched_bank"]
        ),
        unmatched_payments=tuple(
            UnmatchedPayment(
                str(p["notice_no"]),
                str(p["reference"]),
                int(p["amount_fen"]),
                str(p["method"]),
                str(p["day"]),
            )
            for p in data["unmatched_payments"]
        ),
    )
