"""Every notice but the acceptance receipt: data (``notices``) → HTML → RenderedDocument.

Formal notices fill ``notice.html`` (the shared frame: issuer, title, 文书编号, applicant,
case number, query code, QR code, clerk, signature and seal) with the kind's own part from
``<kind>_notice.html``, once per copy (applicant copy, department copy), each copy on a new
page. The service guide and the 80 mm roll slip have templates of their own. Wording lives
in ``resources/templates``; everything from a person or the catalog is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from string import Template
from types import MappingProxyType
from typing import Any

from clerk_app.core.identity import mask_id
from clerk_app.core.intake import REFUSAL_REASONS
from clerk_app.core.money import capitals
from clerk_app.documents.kinds import DocumentKind, RenderedDocument, register_kind
from clerk_app.documents.notices import (
    CompletionNotice,
    CorrectionNotice,
    DeferredLapsedNotice,
    DeferredNotice,
    DeferredSuppliedReceipt,
    FeeNotice,
    ForwardedNotice,
    NoticeBase,
    ReceiptSlip,
    RefusalNotice,
    ServiceGuide,
    SupplementNotice,
    VoidNotice,
)
from clerk_app.documents.qr import qr_image, qr_payload
from clerk_app.documents.render import _e, _fill, format_date_zh, format_datetime_zh
from clerk_app.documents.texts import DocumentTexts

FRAME_TEMPLATE = "notice.html"
GUIDE_TEMPLATE = "service_guide.html"
SLIP_TEMPLATE = "receipt_slip.html"
QR_RESOURCE = "notice-qr.png"
#: The copies of a formal notice, in print order (keys of ``[copies]`` in texts.toml).
DEFAULT_COPIES = ("applicant", "department")
_PAGE_BREAK = "page-break-before: always;"
_PRE_INDENT = '<span style="white-space: pre;">　　</span>'


def yuan(fen: int) -> str:
    """``2000`` → ``"20.00"``."""
    return f"{fen // 100}.{fen % 100:02d}"


def yuan_in_words(fen: int) -> str:
    """The amount in capital numerals as on a Chinese invoice: ``2050`` → ``贰拾元伍角整``
    (``clerk_app.core.money.capitals``, the one function for capital amounts)."""
    return capitals(fen)


def _paragraphs(lines: Iterable[str], empty: str, *, numbered: bool = True) -> str:
    items = [line for line in lines if line.strip()]
    if not items:
        return f'<p class="text">{_PRE_INDENT}{_e(empty)}</p>'
    out = []
    for number, line in enumerate(items, start=1):
        prefix = f"{number}. " if numbered and len(items) > 1 else ""
        out.append(f'<p class="text">{_PRE_INDENT}{prefix}{_e(line)}</p>')
    return "\n".join(out)


def _rows(rows: Sequence[Sequence[str]], aligns: Sequence[str]) -> str:
    out = []
    for number, row in enumerate(rows, start=1):
        cells = [f'<td align="center">{number}</td>']
        cells += [f'<td align="{a}">{_e(v)}</td>' for v, a in zip(row, aligns, strict=True)]
        out.append("  <tr>" + "".join(cells) + "</tr>")
    return "\n".join(out)


def _due_sentence(texts: DocumentTexts, days: int, due: Any, provisional: bool) -> str:
    if due is None or days == 0:
        return _e(texts.label("receipt", "time_limit_on_the_spot"))
    mark = texts.label("receipt", "provisional_mark") if provisional else ""
    return _fill(
        Template(texts.label("receipt", "time_limit_promised")),
        {"days": _e(days), "due_date": _e(format_date_zh(due)), "provisional_mark": _e(mark)},
        "texts.toml [receipt] time_limit_promised",
    )


def _provisional_note(texts: DocumentTexts, provisional: bool) -> str:
    return _e(texts.label("receipt", "provisional_note")) if provisional else ""


def _body_supplement(d: SupplementNotice, texts: DocumentTexts) -> dict[str, str]:
    basis = d.legal_basis or (texts.label("legal", "licensing_art32"),)
    return {
        "legal_basis": _e("、".join(basis)),
        "missing_rows": _rows([(m.name, m.requirement) for m in d.missing], ("left", "left")),
        "deadline_text": _e(texts.label("legal", "supplement_deadline")),
    }


def _body_deferred(d: DeferredNotice, texts: DocumentTexts) -> dict[str, str]:
    return {
        "time_limit": _due_sentence(texts, d.promised_days, d.due_date, d.due_provisional),
        "provisional_note": _provisional_note(texts, d.due_provisional),
        "deferred_rows": _rows([(m.name, m.requirement) for m in d.deferred], ("left", "left")),
        "supply_by": _e(format_date_zh(d.supply_by)),
        "consequence": _e(texts.label("legal", "deferred_consequence")),
    }


def _review_rights(texts: DocumentTexts) -> str:
    """The sentence on the rights of review and litigation every adverse decision carries."""
    return _fill(
        Template(texts.label("legal", "review_rights")),
        {"review_body": _e(texts.center.review_body), "court": _e(texts.center.court)},
        "texts.toml [legal] review_rights",
    )


def _body_supplied(d: DeferredSuppliedReceipt, texts: DocumentTexts) -> dict[str, str]:
    return {
        "supplied_on": _e(format_date_zh(d.supplied_on)),
        "supplied_rows": _rows([(m.name, m.requirement) for m in d.supplied], ("left", "left")),
        "due_text": _e(
            f"本件继续办理，预计办结日期：{format_date_zh(d.due_date)}"
            + (texts.label("receipt", "provisional_mark") if d.due_provisional else "")
            + "。"
            if d.due_date is not None
            else "本件继续办理。"
        ),
        "provisional_note": _provisional_note(texts, d.due_provisional),
    }


def _body_lapsed(d: DeferredLapsedNotice, texts: DocumentTexts) -> dict[str, str]:
    return {
        "supply_by": _e(format_date_zh(d.supply_by) if d.supply_by else "承诺期限"),
        "ended_on": _e(format_date_zh(d.ended_on)),
        "missing_rows": _rows([(m.name, m.requirement) for m in d.missing], ("left", "left")),
        "reason": _e(d.reason or "—"),
        "consequence": _e(texts.label("legal", "deferred_lapsed")),
        "rights": _review_rights(texts),
    }


def refusal_sentences(reasons: Sequence[str]) -> list[str]:
    """The reasons as the notice words them: a code of the desk's list
    (``core.intake.REFUSAL_REASONS``) becomes its legal wording, the clerk's details typed
    after it follow it (``wording：details``); other text stays as typed."""
    out: list[str] = []
    open_code = False
    for reason in reasons:
        wording = REFUSAL_REASONS.get(reason)
        if wording:
            out.append(wording)
            open_code = True
        elif open_code and out:
            out[-1] = f"{out[-1]}：{reason}"
            open_code = False
        else:
            out.append(reason)
            open_code = False
    return out


def _body_refusal(d: RefusalNotice, texts: DocumentTexts) -> dict[str, str]:
    rights = _review_rights(texts)
    return {
        "reason_items": _paragraphs(refusal_sentences(d.reasons), "—"),
        "basis_items": _paragraphs(d.legal_basis, "—"),
        "rights": rights,
    }


def _body_forwarded(d: ForwardedNotice, texts: DocumentTexts) -> dict[str, str]:
    if d.expected_by is None:
        expected = "上级机关作出决定后，本机关将及时通知你（单位）。"
    else:
        mark = texts.label("receipt", "provisional_mark") if d.expected_provisional else ""
        expected = (
            f"预计于{format_date_zh(d.expected_by)}{mark}前作出决定，"
            "届时本机关将及时通知你（单位）。"
        )
    return {
        "authority": _e(d.authority),
        "forwarded_on": _e(format_date_zh(d.forwarded_on)),
        "expected_text": _e(expected),
        "provisional_note": _provisional_note(texts, d.expected_provisional),
        "note": _e(d.note),
    }


def _body_completion(d: CompletionNotice, texts: DocumentTexts) -> dict[str, str]:
    return {
        "result": _e(d.result),
        "completed_on": _e(format_date_zh(d.completed_on)),
        "pickup_list": _paragraphs(d.pickup_items, "办理结果文书"),
        "bring_list": _paragraphs(d.bring, "本通知书及申请人有效身份证件"),
        "pickup_place": _e(d.pickup_place or texts.center.pickup_place),
        "pickup_hours": _e(d.pickup_hours or texts.center.hours),
    }


def _body_fee(d: FeeNotice, texts: DocumentTexts) -> dict[str, str]:
    rows = [(f.name, f.basis, yuan(f.amount_fen)) for f in d.fees]
    return {
        "pay_place": _e(d.pay_place or texts.center.fee_counter or "收费窗口"),
        "fee_rows": _rows(rows, ("left", "left", "right")),
        "total": _e(yuan(d.total_fen)),
        "total_words": _e(yuan_in_words(d.total_fen)),
    }


def _body_void(d: VoidNotice, texts: DocumentTexts) -> dict[str, str]:
    return {
        "voided_at": _e(format_datetime_zh(d.voided_at)),
        "reason": _e(d.reason),
        "voided_list": _paragraphs(d.voided_documents, "（无）"),
    }


def _body_correction(d: CorrectionNotice, texts: DocumentTexts) -> dict[str, str]:
    rows = [(c.field, c.old, c.new) for c in d.corrections]
    return {
        "corrected_document_no": _e(d.corrected_document_no),
        "correction_rows": _rows(rows, ("left", "left", "left")),
        "reason": _e(d.reason or "—"),
    }


@dataclass(frozen=True)
class _Formal:
    code: str
    data_type: type
    body: Callable[[Any, DocumentTexts], dict[str, str]]

    @property
    def template(self) -> str:
        return f"{self.code}_notice.html"


FORMAL_KINDS: tuple[_Formal, ...] = (
    _Formal("supplement", SupplementNotice, _body_supplement),
    _Formal("deferred", DeferredNotice, _body_deferred),
    _Formal("supplied", DeferredSuppliedReceipt, _body_supplied),
    _Formal("lapsed", DeferredLapsedNotice, _body_lapsed),
    _Formal("refusal", RefusalNotice, _body_refusal),
    _Formal("forwarded", ForwardedNotice, _body_forwarded),
    _Formal("completion", CompletionNotice, _body_completion),
    _Formal("fee", FeeNotice, _body_fee),
    _Formal("void", VoidNotice, _body_void),
    _Formal("correction", CorrectionNotice, _body_correction),
)


def combine_copies(pages: Sequence[str]) -> str:
    """One HTML document from several complete ones: the first's head, every body."""
    if not pages:
        raise ValueError("no copies to combine")
    head, _, _ = pages[0].partition("<body>")
    bodies = [page.partition("<body>")[2].rpartition("</body>")[0] for page in pages]
    return f"{head}<body>{''.join(bodies)}</body>\n</html>\n"


def copy_values(texts: DocumentTexts, copy: str, index: int) -> dict[str, str]:
    """The copy mark and page break of copy number ``index`` (0-based)."""
    return {
        "copy_mark": _e(texts.label("copies", copy, default=copy)) if copy else "",
        "page_break": _PAGE_BREAK if index else "",
    }


def _id_text(d: NoticeBase, texts: DocumentTexts) -> tuple[str, str]:
    label = texts.label("id_types", d.applicant_id_type, default="") or texts.label(
        "id_types", "other"
    )
    number = d.applicant_id_number
    shown = mask_id(number) if texts.center.mask_id_numbers else number
    return label, shown


def render_notice_html(
    data: NoticeBase,
    texts: DocumentTexts,
    *,
    copies: Sequence[str] = DEFAULT_COPIES,
    qr_name: str = QR_RESOURCE,
) -> str:
    """A formal notice as HTML, one copy after the other (``copies=("",)``: unmarked)."""
    kind = _formal(type(data))
    title = texts.label("titles", kind.code)
    received = format_date_zh(data.received_at.astimezone(data.issued_at.tzinfo).date())
    body_values = {
        "received_date": _e(received),
        "item_name": _e(data.item_name),
        "case_no": _e(data.case_no),
        **kind.body(data, texts),
    }
    body = _fill(texts.template(kind.template), body_values, kind.template)
    id_label, id_shown = _id_text(data, texts)
    key = "progress_online" if data.progress_url else "progress_phone"
    progress = _fill(
        Template(texts.label("receipt", key)),
        {
            "progress_url": _e(data.progress_url),
            "consultation_phone": _e(texts.center.consultation_phone),
        },
        f"texts.toml [receipt] {key}",
    )
    values = {
        "reprint_mark": _e(texts.label("receipt", "reprint_mark")) if data.reprint else "",
        "center_name": _e(data.center_name or texts.center.name),
        "department_name": _e(data.department_name),
        "title": _e(title),
        "document_no": _e(data.document_no),
        "applicant_name": _e(data.applicant_name),
        "id_label": _e(id_label),
        "applicant_id": _e(id_shown),
        "item_name": _e(data.item_name),
        "item_code": _e(data.item_code),
        "body": body,
        "case_no": _e(data.case_no),
        "query_code": _e(data.query_code),
        "received_time": _e(format_datetime_zh(data.received_at)),
        "window": _e(f"{data.window_code} {data.window_name}".strip()),
        "clerk_name": _e(data.clerk_name),
        "qr_name": _e(qr_name),
        "progress_text": progress,
        "consultation_phone": _e(texts.center.consultation_phone),
        "complaint_phone": _e(texts.center.complaint_phone),
        "seal_text": _e(texts.center.seal_text),
        "issued_date": _e(format_date_zh(data.issued_at.date())),
    }
    frame = texts.template(FRAME_TEMPLATE)
    pages = [
        _fill(frame, {**values, **copy_values(texts, copy, i)}, FRAME_TEMPLATE)
        for i, copy in enumerate(copies)
    ]
    return combine_copies(pages)


def _formal(data_type: type) -> _Formal:
    for kind in FORMAL_KINDS:
        if issubclass(data_type, kind.data_type):
            return kind
    raise TypeError(f"{data_type.__name__} is not a formal notice")


def build_notice(
    data: NoticeBase, texts: DocumentTexts, *, copies: Sequence[str] = DEFAULT_COPIES
) -> RenderedDocument:
    """A formal notice ready for ``write_pdf`` or a printer (A4, both copies)."""
    kind = _formal(type(data))
    payload = qr_payload(data.progress_url, data.case_no, data.query_code)
    return RenderedDocument(
        kind=kind.code,
        title=f"{texts.label('titles', kind.code)} {data.case_no}",
        html=render_notice_html(data, texts, copies=copies),
        resources=MappingProxyType({QR_RESOURCE: qr_image(payload)}),
    )


_SUBJECTS = {"natural_person": "自然人", "legal_person": "法人及其他组织"}
_CASE_KINDS = {"immediate": "即办件", "promised": "承诺件"}
_REQUIRED = {True: "必要", False: "非必要"}


def render_guide_html(guide: ServiceGuide, texts: DocumentTexts) -> str:
    """The 办事指南 of ``guide.item`` as HTML (no images)."""
    item = guide.item
    materials = []
    for m in item.materials:
        need = _REQUIRED[m.required] + ("（可容缺）" if m.deferrable else "")
        form = texts.label("material_forms", m.form, default=m.form)
        if m.medium == "electronic":
            form += "（电子）"
        materials.append((m.name, need, form, str(m.copies), m.notes or "—"))
    limit = item.time_limit
    statutory = f"{limit.statutory_days}个工作日" if limit.statutory_days else "即时办结"
    promised = "即时办结" if limit.on_the_spot else f"{limit.promised_days}个工作日"
    if item.fees:
        fee_rows = [
            (f.name, f"{yuan(f.amount_fen)}元", f.basis or "—", "可减免" if f.waivable else "—")
            for f in item.fees
        ]
        fee_block = (
            '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
            'style="border-collapse: collapse; border-color: #000000; border-style: solid;">'
            '<tr><th width="7%" align="center">序号</th><th width="25%" align="left">收费项目'
            '</th><th width="14%" align="right">标准</th><th width="42%" align="left">依据</th>'
            '<th width="12%" align="center">减免</th></tr>\n'
            + _rows(fee_rows, ("left", "right", "left", "center"))
            + "\n</table>"
        )
    else:
        fee_block = f'<p class="text">{_PRE_INDENT}不收费。</p>'
    printed = (
        f"打印时间：{format_datetime_zh(guide.printed_at)}"
        + (f"　打印窗口：{guide.window_code} {guide.window_name}" if guide.window_code else "")
        + (f"　办理进度查询：{guide.progress_url}" if guide.progress_url else "")
    )
    values = {
        "demo_mark": "示例数据 / DEMO" if item.demo else "",
        "center_name": _e(guide.center_name or texts.center.name),
        "item_name": _e(item.name),
        "item_code": _e(item.code),
        "item_type": _e(item.type),
        "department_name": _e(guide.department_name or item.department),
        "case_kind": _e(_CASE_KINDS.get(item.case_kind, item.case_kind)),
        "subjects": _e("、".join(_SUBJECTS.get(s, s) for s in item.subjects) or "—"),
        "visits": _e(f"{item.visits}次"),
        "scope": _e(item.scope or "—"),
        "conditions": _e(f"受理条件：{item.conditions}" if item.conditions else ""),
        "procedure_items": _paragraphs(item.procedure, "—"),
        "material_rows": _rows(materials, ("left", "center", "center", "center", "left"))
        or '<tr><td colspan="6" align="center">（无）</td></tr>',
        "statutory": _e(statutory),
        "promised": _e(promised),
        "fee_block": fee_block,
        "basis_items": _paragraphs(item.legal_basis, "—"),
        "place": _e(item.place or "—"),
        "hours": _e(item.hours or texts.center.hours or "—"),
        "phone": _e(item.phone or texts.center.consultation_phone),
        "complaint_phone": _e(item.complaint_phone or texts.center.complaint_phone),
        "printed_line": _e(printed),
    }
    return _fill(texts.template(GUIDE_TEMPLATE), values, GUIDE_TEMPLATE)


def build_guide(guide: ServiceGuide, texts: DocumentTexts) -> RenderedDocument:
    """The 办事指南 ready for ``write_pdf`` or a printer (A4, one copy, no number)."""
    return RenderedDocument(
        kind="guide",
        title=f"{texts.label('titles', 'guide')} {guide.item.name}",
        html=render_guide_html(guide, texts),
    )


#: The QR code on the roll: 36 mm wide on the 72 mm printable width.
SLIP_QR_PIXELS = 136


def render_slip_html(slip: ReceiptSlip, texts: DocumentTexts) -> str:
    """The 80 mm roll slip as HTML; its QR image is ``QR_RESOURCE``."""
    if slip.due_date is None:
        due = "办结时限：即时办结"
    else:
        mark = texts.label("receipt", "provisional_mark") if slip.due_provisional else ""
        due = f"预计办结：{format_date_zh(slip.due_date)}{mark}"
    values = {
        "reprint_mark": _e(texts.label("receipt", "reprint_mark")) if slip.reprint else "",
        "center_name": _e(slip.center_name or texts.center.name),
        "case_no": _e(slip.case_no),
        "query_code": _e(slip.query_code),
        "item_name": _e(slip.item_name),
        "received_time": _e(format_datetime_zh(slip.received_at)),
        "due_text": _e(due),
        "window": _e(f"{slip.window_code} {slip.window_name}".strip()),
        "clerk_name": _e(slip.clerk_name),
        "qr_name": QR_RESOURCE,
        "qr_size": str(SLIP_QR_PIXELS),
        "note": _e(texts.label("slip", "note")),
        "progress_url": _e(slip.progress_url),
    }
    return _fill(texts.template(SLIP_TEMPLATE), values, SLIP_TEMPLATE)


def build_slip(slip: ReceiptSlip, texts: DocumentTexts) -> RenderedDocument:
    """The roll slip ready for ``write_pdf`` (page ``roll80``) or a receipt printer."""
    payload = qr_payload(slip.progress_url, slip.case_no, slip.query_code)
    return RenderedDocument(
        kind="slip",
        title=f"{texts.label('titles', 'slip')} {slip.case_no}",
        html=render_slip_html(slip, texts),
        resources=MappingProxyType({QR_RESOURCE: qr_image(payload)}),
        page="roll80",
    )


_TITLES = {
    "supplement": "补正材料通知书",
    "deferred": "容缺受理通知书",
    "supplied": "容缺材料补齐回执",
    "lapsed": "容缺受理终止通知书",
    "refusal": "不予受理通知书",
    "forwarded": "上报通知书",
    "completion": "办结通知书",
    "fee": "收费通知书",
    "void": "作废通知书",
    "correction": "更正通知书",
}
for _kind in FORMAL_KINDS:
    register_kind(
        DocumentKind(
            code=_kind.code,
            title=_TITLES[_kind.code],
            template=_kind.template,
            data_type=_kind.data_type,
            build=build_notice,
        )
    )
register_kind(DocumentKind("guide", "办事指南", GUIDE_TEMPLATE, ServiceGuide, build_guide))
register_kind(DocumentKind("slip", "受理回执", SLIP_TEMPLATE, ReceiptSlip, build_slip))


# -- 告知承诺书 (issue 15) -----------------------------------------------------------------
from clerk_app.documents.notices import CommitmentLetter  # noqa: E402

_COMMITMENT_TABLE = (
    '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
    'style="border-collapse: collapse; border-color: #000000; border-style: solid;">'
    '<tr><th width="8%" align="center">序号</th>'
    '<th width="40%" align="left">以承诺替代的证明事项</th>'
    '<th width="52%" align="left">原应提交的材料</th></tr>{rows}</table>'
)


def _body_commitment(d: CommitmentLetter, texts: DocumentTexts) -> dict[str, str]:
    if d.whole_item:
        scope = "本人（单位）申请以告知承诺方式办理本事项，承诺符合下列条件：" + (
            d.conditions or "本事项办事指南告知的全部条件"
        )
    else:
        scope = "本人（单位）申请以书面承诺替代下列证明材料："
    if d.verify_by is None:
        verify = "行政机关将在法定期限内核查承诺内容。"
    else:
        mark = texts.label("receipt", "provisional_mark") if d.verify_provisional else ""
        verify = f"行政机关将于{format_date_zh(d.verify_by)}{mark}前核查承诺内容。"
    credit = (
        "经查询，申请人未被列入严重失信主体名单。"
        if d.credit_checked
        else "窗口尚未查询申请人信用状况。"
    )
    return {
        "scope": _e(scope),
        "material_table": _COMMITMENT_TABLE.format(
            rows=_rows([(m.name, m.requirement) for m in d.materials], ("left", "left"))
        )
        if d.materials
        else "",
        "promise": _e(d.promise),
        "consequence": _e(d.consequence),
        "verify_text": _e(verify),
        "provisional_note": _provisional_note(texts, d.verify_provisional),
        "credit_text": _e(credit),
    }


FORMAL_KINDS = (*FORMAL_KINDS, _Formal("commitment", CommitmentLetter, _body_commitment))
register_kind(
    DocumentKind(
        code="commitment",
        title="告知承诺书",
        template="commitment_notice.html",
        data_type=CommitmentLetter,
        build=build_notice,
    )
)
