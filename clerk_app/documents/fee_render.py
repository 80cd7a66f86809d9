"""The fee documents (issue 17): data (``fee_documents``) → HTML → RenderedDocument.

- ``payment_notice``: 缴款通知书, A4, the payer's copy and the department's, each a page;
  the payment code's QR once the fiscal platform assigned it.
- ``fiscal_receipt``: the receipt on A4 in three parts, one page each (存根 / 收据 /
  记账); an electronic receipt carries its check code and a QR to its verify address.
- ``fiscal_receipt_roll``: the payer's part on the 80 mm roll.
- ``refund_voucher``: 退付凭证, A4, the payer's copy and finance's.
- ``daily_close``: 日结单, A4.

Amounts are shown in figures (``money.yuan``) and in capitals (``money.capitals``, the one
function for 大写). Wording lives in ``resources/templates`` (``<kind>.html``, ``texts.toml
[fees]``); everything from a person, the catalog or the platform is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from string import Template
from types import MappingProxyType

from PySide6.QtGui import QImage

from clerk_app.core.fees import NoticeLine, Waiver
from clerk_app.core.identity import mask_id
from clerk_app.core.money import capitals, yuan
from clerk_app.documents.fee_documents import (
    DailyCloseDoc,
    FiscalReceiptDoc,
    FiscalReceiptRoll,
    PaymentNoticeDoc,
    RefundVoucherDoc,
)
from clerk_app.documents.kinds import DocumentKind, RenderedDocument, register_kind
from clerk_app.documents.notice_render import combine_copies
from clerk_app.documents.qr import qr_image
from clerk_app.documents.render import _e, _fill, format_date_zh, format_datetime_zh
from clerk_app.documents.texts import DocumentTexts

NOTICE_TEMPLATE = "payment_notice.html"
RECEIPT_TEMPLATE = "fiscal_receipt.html"
ROLL_TEMPLATE = "fiscal_receipt_roll.html"
REFUND_TEMPLATE = "refund_voucher.html"
CLOSE_TEMPLATE = "daily_close.html"
CODE_QR = "payment-code-qr.png"
VERIFY_QR = "receipt-verify-qr.png"
#: The receipt's parts in print order (keys ``part_<name>`` in texts.toml [fees]).
RECEIPT_PARTS = ("stub", "receipt", "accounts")
NOTICE_COPIES = ("copy_payer", "copy_department")
REFUND_COPIES = ("copy_payer", "copy_finance")
_PAGE_BREAK = "page-break-before: always;"


def _label(texts: DocumentTexts, key: str) -> str:
    return texts.label("fees", key)


def _sub(texts: DocumentTexts, key: str, **values: str) -> str:
    """A ``texts.toml [fees]`` wording with its ``${...}`` filled (escaped)."""
    return _fill(
        Template(_label(texts, key)),
        {k: _e(v) for k, v in values.items()},
        f"texts.toml [fees] {key}",
    )


def _reprint(texts: DocumentTexts, reprint: bool) -> str:
    return _e(texts.label("receipt", "reprint_mark")) if reprint else ""


def _duplicate(texts: DocumentTexts, reprint: bool) -> str:
    """The 副本 mark of a settlement-center document printed again (receipt, refund
    voucher, daily-close sheet), large and bold; a desk's own texts.toml without
    ``[fees] duplicate_mark`` gets the general reprint mark."""
    if not reprint:
        return ""
    words = texts.label("fees", "duplicate_mark", default=texts.label("receipt", "reprint_mark"))
    return f'<span style="font-size: 15pt; font-weight: bold;">{_e(words)}</span>'


def _method(texts: DocumentTexts, method: str) -> str:
    return texts.label("fees", method, default=method)


def _fee_rows(lines: Sequence[NoticeLine], *, receipt: bool) -> str:
    """Table rows: number, fee name and legal basis (notice) or item code and fee name
    (receipt), amount."""
    out = []
    for number, line in enumerate(lines, start=1):
        if receipt:
            first, second = line.item_code, line.fee_name
        else:
            first, second = line.fee_name, line.basis or "—"
        out.append(
            f'  <tr><td align="center">{number}</td><td>{_e(first)}</td>'
            f'<td>{_e(second)}</td><td align="right">{yuan(line.amount_fen)}</td></tr>'
        )
    return "\n".join(out)


def _waiver_row(texts: DocumentTexts, waiver: Waiver | None) -> str:
    if waiver is None:
        return ""
    words = _sub(texts, "waiver", reason=waiver.reason_text)
    note = f"（{_e(waiver.note.strip())}）" if waiver.note.strip() else ""
    return (
        f'  <tr><td align="center">—</td><td colspan="2">{words}{note}</td>'
        f'<td align="right">-{yuan(waiver.amount_fen)}</td></tr>'
    )


def _method_detail(
    texts: DocumentTexts, method: str, received: int, change: int, reference: str
) -> str:
    if method == "cash":
        return _sub(texts, "cash_detail", received=yuan(received), change=yuan(change))
    return _sub(texts, "reference_detail", reference=reference) if reference else ""


# -- 缴款通知书 --------------------------------------------------------------------------------


def render_payment_notice_html(d: PaymentNoticeDoc, texts: DocumentTexts) -> str:
    """The notice as HTML, the payer's copy then the department's (a page each)."""
    id_label = texts.label("id_types", d.payer_id_type, default="") or texts.label(
        "id_types", "other"
    )
    number = d.payer_id_number
    if d.payment_code:
        code_block = (
            '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 10px;">'
            '<tr><td width="74%" valign="middle">'
            f'<p class="info">缴款码：<span class="code">{_e(d.payment_code)}</span></p>'
            "</td>"
            f'<td width="26%" align="center"><img src="{CODE_QR}" width="96" height="96"/>'
            f'<p align="center" class="small">{_e(_label(texts, "code_scan"))}</p></td>'
            "</tr></table>"
        )
    else:
        code_block = (
            f'<p class="info" style="margin-top: 10px;">{_e(_label(texts, "code_pending"))}</p>'
        )
    values = {
        "reprint_mark": _reprint(texts, d.reprint),
        "center_name": _e(d.center_name or texts.center.name),
        "department_name": _e(d.department_name),
        "notice_no": _e(d.notice_no),
        "payer_name": _e(d.payer_name),
        "id_label": _e(id_label),
        "payer_id": _e(mask_id(number) if texts.center.mask_id_numbers and number else number),
        "item_name": _e(d.item_name),
        "case_no": _e(d.case_no),
        "fee_rows": _fee_rows(d.lines, receipt=False),
        "waiver_row": _waiver_row(texts, d.waiver),
        "total": yuan(d.total_fen),
        "total_words": _e(capitals(d.total_fen)),
        "code_block": code_block,
        "pay_place": _e(d.pay_place or texts.center.fee_counter or texts.center.name),
        "complaint_phone": _e(texts.center.complaint_phone),
        "window": _e(f"{d.window_code} {d.window_name}".strip()),
        "clerk_name": _e(d.clerk_name),
        "issued_time": _e(format_datetime_zh(d.issued_at)),
        "seal_text": _e(texts.center.seal_text),
        "issued_date": _e(format_date_zh(d.issued_at.date())),
    }
    frame = texts.template(NOTICE_TEMPLATE)
    pages = [
        _fill(
            frame,
            {
                **values,
                "copy_mark": _e(_label(texts, copy)),
                "page_break": _PAGE_BREAK if i else "",
            },
            NOTICE_TEMPLATE,
        )
        for i, copy in enumerate(NOTICE_COPIES)
    ]
    return combine_copies(pages)


def build_payment_notice(d: PaymentNoticeDoc, texts: DocumentTexts) -> RenderedDocument:
    """The 缴款通知书 ready for ``write_pdf`` or a printer (A4, both copies)."""
    resources: dict[str, QImage] = {}
    if d.payment_code:
        resources[CODE_QR] = qr_image(d.payment_code)
    return RenderedDocument(
        kind="payment_notice",
        title=f"{texts.label('titles', 'payment_notice')} {d.notice_no}",
        html=render_payment_notice_html(d, texts),
        resources=MappingProxyType(resources),
    )


# -- the fiscal receipt -----------------------------------------------------------------------


def _receipt_values(d: FiscalReceiptDoc, texts: DocumentTexts) -> dict[str, str]:
    return {
        "reprint_mark": _duplicate(texts, d.reprint),
        "center_name": _e(d.center_name or texts.center.name),
        "title": _e(_label(texts, f"{d.kind}_title")),
        "receipt_code": _e(d.receipt_code),
        "receipt_number": _e(d.receipt_number),
        "payer_name": _e(d.payer_name),
        "paid_date": _e(format_date_zh(d.paid_at.date())),
        "paid_time": _e(format_datetime_zh(d.paid_at)),
        "notice_no": _e(d.notice_no),
        "payment_code": _e(d.payment_code or "—"),
        "total": yuan(d.total_fen),
        "total_words": _e(capitals(d.total_fen)),
        "method": _e(_method(texts, d.method)),
        "method_detail": _method_detail(texts, d.method, d.received_fen, d.change_fen, d.reference),
        "department_name": _e(d.department_name),
        "cashier_name": _e(d.cashier_name),
    }


def render_receipt_html(d: FiscalReceiptDoc, texts: DocumentTexts) -> str:
    """The receipt on A4: 存根, 收据 and 记账, a page each, the same content."""
    if d.kind == "electronic":
        verify_block = (
            '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 6px;">'
            f'<tr><td width="78%" valign="middle"><p class="info"><b>'
            f"{_e(_label(texts, 'check_code'))}</b>{_e(d.check_code)}</p>"
            f'<p class="small">{_e(_label(texts, "verify"))}{_e(d.verify_url)}</p></td>'
            f'<td width="22%" align="center"><img src="{VERIFY_QR}" width="112" height="112"/>'
            "</td></tr></table>"
        )
    else:
        verify_block = ""
    values = {
        **_receipt_values(d, texts),
        "fee_rows": _fee_rows(d.lines, receipt=True),
        "waiver_row": _waiver_row(texts, d.waiver),
        "verify_block": verify_block,
    }
    frame = texts.template(RECEIPT_TEMPLATE)
    pages = [
        _fill(
            frame,
            {
                **values,
                "part_mark": _e(_label(texts, f"part_{part}")),
                "part_note": _e(_label(texts, f"part_{part}_note")),
                "page_break": _PAGE_BREAK if i else "",
            },
            RECEIPT_TEMPLATE,
        )
        for i, part in enumerate(RECEIPT_PARTS)
    ]
    return combine_copies(pages)


def _verify_resources(d: FiscalReceiptDoc) -> MappingProxyType[str, QImage]:
    if d.kind == "electronic":
        return MappingProxyType({VERIFY_QR: qr_image(d.verify_url)})
    return MappingProxyType({})


def build_fiscal_receipt(d: FiscalReceiptDoc, texts: DocumentTexts) -> RenderedDocument:
    """The fiscal receipt on A4 in three parts."""
    return RenderedDocument(
        kind="fiscal_receipt",
        title=f"{texts.label('titles', 'fiscal_receipt')} {d.receipt_code} {d.receipt_number}",
        html=render_receipt_html(d, texts),
        resources=_verify_resources(d),
    )


def render_roll_html(d: FiscalReceiptDoc, texts: DocumentTexts) -> str:
    """The payer's part of the receipt on the 80 mm roll."""
    lines = [
        f'<p>{_e(line.fee_name)}</p><p align="right">¥{yuan(line.amount_fen)}</p>'
        for line in d.lines
    ]
    if d.waiver is not None:
        words = _sub(texts, "waiver", reason=d.waiver.reason_text)
        lines.append(f'<p>{words}</p><p align="right">-¥{yuan(d.waiver.amount_fen)}</p>')
    if d.kind == "electronic":
        verify_block = (
            f"<p>{_e(_label(texts, 'check_code'))}{_e(d.check_code)}</p>"
            f'<p align="center" style="margin-top: 3px;"><img src="{VERIFY_QR}" '
            'width="120" height="120"/></p>'
            f'<p align="center" class="small">{_e(_label(texts, "verify"))}</p>'
            f'<p align="center" class="small">{_e(d.verify_url)}</p>'
        )
    else:
        verify_block = ""
    values = {
        **_receipt_values(d, texts),
        "part_mark": _e(_label(texts, "part_receipt")),
        "fee_lines": "\n".join(lines),
        "verify_block": verify_block,
    }
    return _fill(texts.template(ROLL_TEMPLATE), values, ROLL_TEMPLATE)


def build_fiscal_receipt_roll(roll: FiscalReceiptRoll, texts: DocumentTexts) -> RenderedDocument:
    """The receipt on the 80 mm roll (page ``roll80``)."""
    d = roll.receipt
    return RenderedDocument(
        kind="fiscal_receipt_roll",
        title=f"{texts.label('titles', 'fiscal_receipt_roll')} {d.receipt_code} {d.receipt_number}",
        html=render_roll_html(d, texts),
        resources=_verify_resources(d),
        page="roll80",
    )


# -- 退付凭证 -----------------------------------------------------------------------------------


def render_refund_html(d: RefundVoucherDoc, texts: DocumentTexts) -> str:
    """The refund voucher, the payer's copy then finance's."""
    values = {
        "reprint_mark": _duplicate(texts, d.reprint),
        "center_name": _e(d.center_name or texts.center.name),
        "refund_no": _e(d.refund_no),
        "department_name": _e(d.department_name),
        "payer_name": _e(d.payer_name),
        "notice_no": _e(d.notice_no),
        "receipt_code": _e(d.receipt_code),
        "receipt_number": _e(d.receipt_number),
        "paid": yuan(d.paid_fen),
        "refund": yuan(d.refund_fen),
        "refund_words": _e(capitals(d.refund_fen)),
        "method": _e(_method(texts, d.method)),
        "reason": _e(d.reason),
        "requested_by": _e(d.requested_by),
        "requested_time": _e(format_datetime_zh(d.requested_at)),
        "approved_by": _e(d.approved_by),
        "approved_time": _e(format_datetime_zh(d.approved_at)),
        "cashier_name": _e(d.cashier_name or "—"),
        "seal_text": _e(texts.center.seal_text),
    }
    frame = texts.template(REFUND_TEMPLATE)
    pages = [
        _fill(
            frame,
            {
                **values,
                "copy_mark": _e(_label(texts, copy)),
                "page_break": _PAGE_BREAK if i else "",
            },
            REFUND_TEMPLATE,
        )
        for i, copy in enumerate(REFUND_COPIES)
    ]
    return combine_copies(pages)


def build_refund_voucher(d: RefundVoucherDoc, texts: DocumentTexts) -> RenderedDocument:
    """The 退付凭证 (A4, both copies)."""
    return RenderedDocument(
        kind="refund_voucher",
        title=f"{texts.label('titles', 'refund_voucher')} {d.refund_no}",
        html=render_refund_html(d, texts),
    )


# -- 日结单 -----------------------------------------------------------------------------------


def _numbers(texts: DocumentTexts, numbers: Sequence[str]) -> str:
    return _e("、".join(numbers)) if numbers else _e(_label(texts, "none"))


def render_close_html(d: DailyCloseDoc, texts: DocumentTexts) -> str:
    """A cashier's daily close as HTML (one A4 page as long as it needs)."""
    method_rows = "\n".join(
        f'  <tr><td>{_e(_method(texts, t.method))}</td><td align="right">{t.payments}</td>'
        f'<td align="right">{yuan(t.fen)}</td></tr>'
        for t in d.by_method
    )
    fee_rows = "\n".join(
        f"  <tr><td>{_e(t.department_name)}</td><td>{_e(t.fee_name)}</td>"
        f'<td align="right">{t.payments}</td><td align="right">{yuan(t.fen)}</td></tr>'
        for t in d.by_fee
    )
    difference = d.difference
    if difference.kind == "even":
        difference_text = _e(_label(texts, "even"))
    else:
        difference_text = _sub(texts, difference.kind, amount=yuan(difference.fen))
    values = {
        "reprint_mark": _duplicate(texts, d.reprint),
        "center_name": _e(d.center_name or texts.center.name),
        "day": _e(format_date_zh(d.day)),
        "window_code": _e(d.window_code),
        "cashier_name": _e(d.cashier_name),
        "method_rows": method_rows,
        "total_count": str(sum(t.payments for t in d.by_method)),
        "total": yuan(d.total_fen),
        "total_words": _e(capitals(d.total_fen)),
        "fee_rows": fee_rows,
        "used_count": str(len(d.receipts_used)),
        "receipts_used": _numbers(texts, d.receipts_used),
        "voided_count": str(len(d.receipts_voided)),
        "receipts_voided": _numbers(texts, d.receipts_voided),
        "refunds": yuan(d.refunds_fen),
        "expected_cash": yuan(d.expected_cash_fen),
        "counted_cash": yuan(d.counted_cash_fen),
        "difference": difference_text,
        "deposit": yuan(d.deposit_fen),
        "deposit_reference": _e(d.deposit_reference or "—"),
        "closed_time": _e(format_datetime_zh(d.closed_at)),
    }
    return _fill(texts.template(CLOSE_TEMPLATE), values, CLOSE_TEMPLATE)


def build_daily_close(d: DailyCloseDoc, texts: DocumentTexts) -> RenderedDocument:
    """The 日结单 (A4)."""
    return RenderedDocument(
        kind="daily_close",
        title=f"{texts.label('titles', 'daily_close')} {d.window_code} {d.day.isoformat()}",
        html=render_close_html(d, texts),
    )


_KINDS = (
    ("payment_notice", NOTICE_TEMPLATE, PaymentNoticeDoc, build_payment_notice),
    ("fiscal_receipt", RECEIPT_TEMPLATE, FiscalReceiptDoc, build_fiscal_receipt),
    ("fiscal_receipt_roll", ROLL_TEMPLATE, FiscalReceiptRoll, build_fiscal_receipt_roll),
    ("refund_voucher", REFUND_TEMPLATE, RefundVoucherDoc, build_refund_voucher),
    ("daily_close", CLOSE_TEMPLATE, DailyCloseDoc, build_daily_close),
)
_TITLES = {
    "payment_notice": "缴款通知书",
    "fiscal_receipt": "非税收入统一票据",
    "fiscal_receipt_roll": "非税收入统一票据（80 mm 卷纸）",
    "refund_voucher": "非税收入退付凭证",
    "daily_close": "收费日结单",
}
for _code, _template, _data_type, _build in _KINDS:
    register_kind(DocumentKind(_code, _TITLES[_code], _template, _data_type, _build))
