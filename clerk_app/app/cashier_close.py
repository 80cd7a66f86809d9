"""The cashier's end of day at the settlement window (issue 17), online: void a spoilt
paper receipt (票据作废: it keeps its number), read the whole day sheet, close the day
(日结: the cash counted, the difference 长款/短款, the deposit slip 解缴) and print the
daily-close sheet. After the close the service refuses every payment of that day.

Money is int fen; the difference is the service's (counted − expected), shown through
``core.fees.cash_difference``.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from clerk_app.app import cashier_offline
from clerk_app.app.cashier import IssuedReceipt
from clerk_app.app.cashier_reprint import keep_for_duplicate
from clerk_app.app.documents import keep_pdf
from clerk_app.core import fees
from clerk_app.core.catalog import Catalog
from clerk_app.core.money import check_fen
from clerk_app.documents import DocumentTexts, template_dirs
from clerk_app.documents.fee_documents import DailyCloseDoc, FeeTotal, MethodTotal
from clerk_app.documents.fee_render import build_daily_close
from clerk_app.remote import finance_api
from clerk_app.remote.api import ApiError
from clerk_app.remote.wire import optional_answer_time

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session


class CloseRefused(Exception):
    """The service refused (``code``: ``not_found``, ``voided``, ``electronic``,
    ``day_closed``, ``not_your_stock``, ``invalid``, ``other``); the GUI words the code,
    ``str()`` is the service's detail for the log."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class Total:
    """One line of a day's totals: a method, department or item; count and fen."""

    key: str
    count: int
    amount_fen: int


@dataclass(frozen=True)
class DaySheet:
    """A cashier's day as the service counts it (日结单)."""

    day: date
    cashier: str
    closed: bool
    closed_at: datetime | None
    payments: int
    total_fen: int
    by_method: tuple[Total, ...]
    by_department: tuple[Total, ...]
    by_item: tuple[Total, ...]
    receipts_used: tuple[str, ...]
    receipts_voided: tuple[str, ...]
    expected_cash_fen: int
    counted_fen: int | None
    difference_fen: int | None
    deposit_ref: str

    @property
    def difference(self) -> fees.CashDifference | None:
        """长款 / 短款 once closed (None before)."""
        if self.counted_fen is None:
            return None
        return fees.cash_difference(self.expected_cash_fen, self.counted_fen)


def token(context: AppContext, session: Session) -> str:
    """The signed-in user's token (else the desk's device token)."""
    found = session.access_token or context.backend.tokens.get_device_token(
        context.provisioning.window_code, context.device_id
    )
    return found or ""


def _refused(error: ApiError) -> CloseRefused:
    slug = error.slug
    detail = str(error.problem.get("detail") or error)
    if error.status == 404:
        return CloseRefused("not_found", detail)
    known = {"voided", "electronic", "day-closed", "not-your-stock"}
    if slug in known:
        return CloseRefused(slug.replace("-", "_"), detail)
    return CloseRefused("invalid" if error.status == 422 else "other", detail)


def _totals(rows: Any) -> tuple[Total, ...]:
    return tuple(Total(str(r["key"]), int(r["count"]), int(r["amount_fen"])) for r in rows)


def sheet_from_wire(data: dict[str, Any]) -> DaySheet:
    """``GET /cashier/day``'s ``day`` as a :class:`DaySheet`."""
    counted = data.get("counted_fen")
    difference = data.get("difference_fen")
    return DaySheet(
        day=date.fromisoformat(str(data["day"])),
        cashier=str(data["cashier"]),
        closed=bool(data["closed"]),
        closed_at=optional_answer_time(data.get("closed_at")),
        payments=int(data["payments"]),
        total_fen=int(data["total_fen"]),
        by_method=_totals(data["by_method"]),
        by_department=_totals(data["by_department"]),
        by_item=_totals(data["by_item"]),
        receipts_used=tuple(str(n) for n in data["receipts_used"]),
        receipts_voided=tuple(str(n) for n in data["receipts_voided"]),
        expected_cash_fen=int(data["expected_cash_fen"]),
        counted_fen=None if counted is None else int(counted),
        difference_fen=None if difference is None else int(difference),
        deposit_ref=str(data.get("deposit_ref") or ""),
    )


def day_sheet(context: AppContext, session: Session, day: date) -> DaySheet:
    """The signed-in cashier's whole day sheet.

    Raises:
        CloseRefused, NetworkError.
    """
    try:
        data = finance_api.day_sheet(context.backend.api, token(context, session), day)
    except ApiError as error:
        raise _refused(error) from None
    return sheet_from_wire(data)


def void_receipt(
    context: AppContext, session: Session, code: str, number: str, reason: str
) -> fees.Receipt:
    """Void a spoilt paper receipt (used, or a blank of the cashier's stock); it keeps its
    number and is counted as voided in the day.

    Raises:
        CloseRefused: ``not_found``, ``voided`` already, ``electronic`` (a refund reverses
            those), ``day_closed``, ``not_your_stock``, ``invalid`` (no reason; not digits).
        NetworkError.
    """
    code, number, reason = code.strip(), number.strip(), reason.strip()
    if not (code.isdigit() and number.isdigit()):
        raise CloseRefused("invalid", "a receipt code and number are digits")
    if not reason:
        raise CloseRefused("invalid", "a void states its reason")
    body: dict[str, Any] = {"id": str(uuid.uuid4()), "reason": reason}
    if not session.access_token:  # a settlement desk names whose stock
        body["cashier"] = session.username
    try:
        data = finance_api.void_receipt(
            context.backend.api, token(context, session), code, number, body
        )
    except ApiError as error:
        raise _refused(error) from None
    return fees.Receipt(
        data["kind"],
        str(data["code"]),
        str(data["number"]),
        str(data.get("check_code", "")),
        str(data.get("verify_url", "")),
    )


def close_day(
    context: AppContext, session: Session, day: date, counted_fen: int, deposit_ref: str
) -> DaySheet:
    """Close ``day`` (日结) with the cash counted and the deposit slip's reference; the
    answer is the closed sheet with the difference (长款 > 0, 短款 < 0).

    Raises:
        CloseRefused: ``day_closed`` already; ``invalid`` (no deposit reference);
            ``payments_waiting``: paper payments of the day taken offline are not at the
            center yet (closed now, it would refuse them as of a closed day).
        NetworkError.
    """
    check_fen(counted_fen, "counted cash")
    if not deposit_ref.strip():
        raise CloseRefused("invalid", "the deposit slip's reference is needed")
    waiting = cashier_offline.waiting_on_day(context, session, day)
    if waiting:
        raise CloseRefused("payments_waiting", f"{waiting} paper payment(s) of {day} not sent")
    body = {
        "id": str(uuid.uuid4()),
        "date": day.isoformat(),
        "counted_fen": counted_fen,
        "deposit_ref": deposit_ref.strip(),
    }
    try:
        data = finance_api.close_day(context.backend.api, token(context, session), body)
    except ApiError as error:
        raise _refused(error) from None
    return sheet_from_wire(data)


def close_document(
    context: AppContext,
    session: Session,
    sheet: DaySheet,
    *,
    item_names: dict[str, str] | None = None,
) -> IssuedReceipt:
    """The daily-close sheet (日结单) of a closed day as an encrypted PDF under
    ``documents/daily_close/``, ready to print; its data kept for a duplicate.

    Raises:
        ValueError: the day is not closed.
        NoCjkFontError, DocumentWriteError, TemplateError: no PDF was written.
    """
    if not sheet.closed or sheet.counted_fen is None or sheet.closed_at is None:
        raise ValueError("only a closed day has a daily-close sheet")
    names = dict(item_names or {})
    departments = _catalog_names(context, sheet, names)
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    doc = DailyCloseDoc(
        center_name=texts.center.name or context.provisioning.center_name,
        window_code=context.provisioning.window_code,
        cashier_name=session.display_name or session.username,
        day=sheet.day,
        by_method=tuple(MethodTotal(t.key, t.count, t.amount_fen) for t in sheet.by_method),
        by_fee=tuple(
            FeeTotal(departments.get(t.key, ""), names.get(t.key, t.key), t.count, t.amount_fen)
            for t in sheet.by_item
        ),
        receipts_used=sheet.receipts_used,
        receipts_voided=sheet.receipts_voided,
        expected_cash_fen=sheet.expected_cash_fen,
        counted_cash_fen=sheet.counted_fen,
        deposit_fen=sheet.counted_fen,
        deposit_reference=sheet.deposit_ref,
        closed_at=sheet.closed_at,
    )
    rendered = build_daily_close(doc, texts)
    folder = context.paths.documents_dir / "daily_close"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{sheet.cashier}-{sheet.day.isoformat()}.pdf"
    keep_for_duplicate(context, doc)  # its 副本 from the desk's archive
    path, digest = keep_pdf(context, rendered, target)
    return IssuedReceipt(path, digest, rendered)


def _catalog_names(context: AppContext, sheet: DaySheet, names: dict[str, str]) -> dict[str, str]:
    """Fill ``names`` (item code → item name) from the desk's cached catalog and return
    item code → department name; codes the catalog does not know stay as they are."""
    departments: dict[str, str] = {}
    try:
        cached = context.backend.store.load_catalog()
        catalog = Catalog.from_dict(json.loads(cached.json_text)) if cached else None
    except Exception:  # a sheet prints without names rather than not at all
        catalog = None
    if catalog is None:
        return departments
    for total in sheet.by_item:
        item = catalog.get_item(total.key)
        if item is None:
            continue
        names.setdefault(total.key, item.name)
        try:
            departments[total.key] = catalog.department(item.department).name
        except KeyError:
            departments[total.key] = item.department
    return departments
