"""The acceptance receipt (受理通知书): ReceiptData → HTML for QTextDocument.

All fixed wording lives in ``resources/templates`` (``acceptance_receipt.html`` and
``texts.toml``); this module only fills it in. Everything that comes from a person or a
catalog is escaped, so a name like ``<b>李&四</b>`` prints literally.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from string import Template
from types import MappingProxyType

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_id
from clerk_app.documents.kinds import DocumentKind, RenderedDocument, register_kind
from clerk_app.documents.model import ReceiptData
from clerk_app.documents.qr import qr_image, qr_payload
from clerk_app.documents.texts import DocumentTexts, TemplateError

ACCEPTANCE = "acceptance"
ACCEPTANCE_TEMPLATE = "acceptance_receipt.html"
ACCEPTANCE_TITLE = "受理通知书"
#: Name under which the QR image is added to the QTextDocument (``<img src=...>``).
QR_RESOURCE = "receipt-qr.png"


def format_date_zh(d: date) -> str:
    """``2026年12月7日`` (no leading zeros, as notices write dates)."""
    return f"{d.year}年{d.month}月{d.day}日"


def format_datetime_zh(dt: datetime) -> str:
    """``2026年11月28日 09:30`` in the center's time zone."""
    local = dt.astimezone(CENTER_TZ)
    return f"{format_date_zh(local.date())} {local:%H:%M}"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _fill(template: Template, values: Mapping[str, str], source: str) -> str:
    try:
        return template.substitute(values)
    except (KeyError, ValueError) as exc:
        raise TemplateError(f"{source}: unknown or malformed placeholder {exc}") from exc


def _materials_rows(data: ReceiptData, texts: DocumentTexts) -> str:
    if not data.materials_received:
        none = _e(texts.label("receipt", "no_materials"))
        return f'  <tr><td colspan="4" align="center">{none}</td></tr>'
    rows = []
    for number, line in enumerate(data.materials_received, start=1):
        form = texts.label("material_forms", line.form, default=line.form)
        rows.append(
            f'  <tr><td align="center">{number}</td><td>{_e(line.name)}</td>'
            f'<td align="center">{_e(form)}</td><td align="center">{line.copies}</td></tr>'
        )
    return "\n".join(rows)


def _time_limit(data: ReceiptData, texts: DocumentTexts) -> tuple[str, str]:
    """The time-limit sentence and the provisional-date note (both escaped)."""
    if data.due_date is None or data.promised_days == 0:
        return _e(texts.label("receipt", "time_limit_on_the_spot")), ""
    mark = texts.label("receipt", "provisional_mark") if data.due_provisional else ""
    sentence = _fill(
        Template(texts.label("receipt", "time_limit_promised")),
        {
            "days": _e(data.promised_days),
            "due_date": _e(format_date_zh(data.due_date)),
            "provisional_mark": _e(mark),
        },
        "texts.toml [receipt] time_limit_promised",
    )
    note = _e(texts.label("receipt", "provisional_note")) if data.due_provisional else ""
    return sentence, note


def _progress_text(data: ReceiptData, texts: DocumentTexts) -> str:
    key = "progress_online" if data.progress_url else "progress_phone"
    return _fill(
        Template(texts.label("receipt", key)),
        {
            "progress_url": _e(data.progress_url),
            "consultation_phone": _e(texts.center.consultation_phone),
        },
        f"texts.toml [receipt] {key}",
    )


def render_receipt_html(
    data: ReceiptData,
    texts: DocumentTexts,
    *,
    qr_name: str = QR_RESOURCE,
    copies: Sequence[str] = ("",),
) -> str:
    """The receipt as HTML; its QR image is referenced as ``qr_name``.

    Add the image from ``receipt_qr_image(data)`` under that name (``build_receipt`` does
    both). The ID number is masked here.
    """
    id_label = texts.label("id_types", data.applicant_id_type, default="")
    if not id_label:
        id_label = texts.label("id_types", "other")
    time_limit, provisional_note = _time_limit(data, texts)
    received_local = data.received_at.astimezone(CENTER_TZ)
    values = {
        "reprint_mark": _e(texts.label("receipt", "reprint_mark")) if data.reprint else "",
        "center_name": _e(data.center_name or texts.center.name),
        "department_name": _e(data.department_name),
        "document_no": _e(data.document_no),
        "applicant_name": _e(data.applicant_name),
        "id_label": _e(id_label),
        "applicant_id": _e(
            mask_id(data.applicant_id_number)
            if texts.center.mask_id_numbers
            else data.applicant_id_number
        ),
        "received_date": _e(format_date_zh(received_local.date())),
        "item_name": _e(data.item_name),
        "item_code": _e(data.item_code),
        "time_limit": time_limit,
        "provisional_note": provisional_note,
        "materials_rows": _materials_rows(data, texts),
        "case_no": _e(data.case_no),
        "query_code": _e(data.query_code),
        "received_time": _e(format_datetime_zh(data.received_at)),
        "window": _e(f"{data.window_code} {data.window_name}".strip()),
        "clerk_name": _e(data.clerk_name),
        "qr_name": _e(qr_name),
        "progress_text": _progress_text(data, texts),
        "consultation_phone": _e(texts.center.consultation_phone),
        "complaint_phone": _e(texts.center.complaint_phone),
        "seal_text": _e(texts.center.seal_text),
        "issued_date": _e(format_date_zh(received_local.date())),
    }
    template = texts.template(ACCEPTANCE_TEMPLATE)
    pages = []
    for index, copy in enumerate(copies):
        marks = {
            "copy_mark": _e(texts.label("copies", copy, default=copy)) if copy else "",
            "page_break": "page-break-before: always;" if index else "",
        }
        pages.append(_fill(template, {**values, **marks}, ACCEPTANCE_TEMPLATE))
    if len(pages) == 1:
        return pages[0]
    head = pages[0].partition("<body>")[0]
    bodies = "".join(p.partition("<body>")[2].rpartition("</body>")[0] for p in pages)
    return f"{head}<body>{bodies}</body>\n</html>\n"


def receipt_qr_payload(data: ReceiptData) -> str:
    """What the receipt's QR code carries (see ``qr.qr_payload``)."""
    return qr_payload(data.progress_url, data.case_no, data.query_code)


def build_receipt(
    data: ReceiptData, texts: DocumentTexts, *, copies: Sequence[str] = ("",)
) -> RenderedDocument:
    """The receipt ready for ``write_pdf``: HTML, QR image and title.

    The window issues it with ``copies=("applicant", "department")``.
    """
    return RenderedDocument(
        kind=ACCEPTANCE,
        title=f"{ACCEPTANCE_TITLE} {data.case_no}",
        html=render_receipt_html(data, texts, qr_name=QR_RESOURCE, copies=copies),
        resources=MappingProxyType({QR_RESOURCE: qr_image(receipt_qr_payload(data))}),
    )


register_kind(
    DocumentKind(
        code=ACCEPTANCE,
        title=ACCEPTANCE_TITLE,
        template=ACCEPTANCE_TEMPLATE,
        data_type=ReceiptData,
        build=build_receipt,
    )
)
