"""The four joint-case documents (issue 16): data (``joint_notices``) → HTML → RenderedDocument.

Like the formal notices of ``notice_render``: a shared frame (``joint_notice.html``:
issuer, title, 文书编号, applicant, the package and the project's code and type, the joint
number, query code and one QR code, clerk, signature and seal) around the kind's own part
(``<kind>_notice.html``), once per copy (applicant copy, department copy), each copy on a
new page. The QR code carries the joint number and the query code in the receipt's scheme
(``qr.qr_payload``): the public progress query answers for joint numbers too. Wording lives
in ``resources/templates`` (``texts.toml [joint]``, ``[joint_states]``,
``[project_types]``); everything from a person or the catalog is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from string import Template
from types import MappingProxyType
from typing import Any

from clerk_app.core.identity import mask_id
from clerk_app.documents.joint_notices import (
    WAITING,
    ConsolidatedSupplementNotice,
    JointCompletionNotice,
    JointNoticeBase,
    JointPartLine,
    JointReceipt,
    StageCompletionNotice,
)
from clerk_app.documents.kinds import DocumentKind, RenderedDocument, register_kind
from clerk_app.documents.notice_render import (
    DEFAULT_COPIES,
    _paragraphs,
    _rows,
    combine_copies,
    copy_values,
)
from clerk_app.documents.qr import qr_image, qr_payload
from clerk_app.documents.render import _e, _fill, format_date_zh, format_datetime_zh
from clerk_app.documents.texts import DocumentTexts

JOINT_FRAME = "joint_notice.html"
JOINT_QR = "joint-qr.png"
_TABLE = (
    '<table width="100%" border="1" cellspacing="0" cellpadding="3" style="margin-top: 6px; '
    'border-collapse: collapse; border-color: #000000; border-style: solid;">'
)


def _state(texts: DocumentTexts, code: str) -> str:
    return texts.label("joint_states", code, default=code)


def _mark(texts: DocumentTexts, provisional: bool) -> str:
    return texts.label("receipt", "provisional_mark") if provisional else ""


def _due(texts: DocumentTexts, line: JointPartLine) -> str:
    if line.state == WAITING:
        return texts.label("joint", "due_waiting")
    if line.due_date is None:
        if line.state == "immediate":
            return texts.label("joint", "due_on_the_spot")
        return texts.label("joint", "due_none")
    return format_date_zh(line.due_date) + _mark(texts, line.due_provisional)


def _part_table(
    texts: DocumentTexts, parts: Sequence[JointPartLine], staged: bool, *, results: bool
) -> str:
    """The parts as a table: item and case number, department, state, due (or result)
    date; a staged project's parts under a row naming their stage."""
    last = ("办理结果", "办结日期") if results else ("受理情况", "预计办结日期")
    heads = (
        ("序号", 7, "center"),
        ("事项名称及办件编号", 29, "left"),
        ("办理部门", 22, "left"),
        (last[0], 16, "center"),
        (last[1], 26, "center"),
    )
    out = [
        _TABLE
        + "<tr>"
        + "".join(f'<th width="{w}%" align="{a}">{_e(h)}</th>' for h, w, a in heads)
        + "</tr>"
    ]
    stage = None
    for number, line in enumerate(parts, start=1):
        if staged and line.stage_name != stage:
            stage = line.stage_name
            out.append(f'  <tr><td colspan="5"><b>{_e(stage)}</b></td></tr>')
        state = _state(texts, line.state)
        if line.note.strip():
            state += f"（{line.note.strip()}）"
        if results and line.ended_on is not None:
            when = format_date_zh(line.ended_on)
        else:
            when = _due(texts, line)
        out.append(
            f'  <tr><td align="center">{number}</td><td>{_e(line.item_name)}<br/>'
            f'<span style="font-size: 9pt;">{_e(line.case_no)}</span></td>'
            f"<td>{_e(line.department_name)}</td>"
            f'<td align="center">{_e(state)}</td><td align="center">{_e(when)}</td></tr>'
        )
    out.append("</table>")
    return "\n".join(out)


def _body_receipt(d: JointReceipt, texts: DocumentTexts) -> dict[str, str]:
    received = [m for m in d.materials if not m.deferred]
    deferred = [m.name for m in d.materials if m.deferred]
    if received:
        materials_rows = _rows([(m.name, str(m.copies)) for m in received], ("left", "center"))
    else:
        none = _e(texts.label("receipt", "no_materials"))
        materials_rows = f'  <tr><td colspan="3" align="center">{none}</td></tr>'
    deferred_line = (
        f'<p class="note" style="margin-top: 4px;">{_e(texts.label("joint", "deferred"))}'
        f"{_e('、'.join(deferred))}</p>"
        if deferred
        else ""
    )
    provisional = any(p.due_provisional for p in d.parts if p.state != WAITING)
    return {
        "part_table": _part_table(texts, d.parts, d.staged, results=False),
        "stage_note": _e(texts.label("joint", "stage_note" if d.staged else "package_note")),
        "provisional_note": _e(texts.label("receipt", "provisional_note")) if provisional else "",
        "materials_rows": materials_rows,
        "deferred_line": deferred_line,
    }


_ORDINALS = "一二三四五六七八九十"


def _ordinal(number: int) -> str:
    if number <= 10:
        return _ORDINALS[number - 1]
    tens, ones = divmod(number, 10)
    return (_ORDINALS[tens - 1] if tens > 1 else "") + "十" + (_ORDINALS[ones - 1] if ones else "")


def _body_supplement(d: ConsolidatedSupplementNotice, texts: DocumentTexts) -> dict[str, str]:
    basis = d.legal_basis or (texts.label("legal", "licensing_art32"),)
    sections = []
    wanted: dict[tuple[str, str], list[str]] = {}
    for number, part in enumerate((f for f in d.filed if f.materials or f.note.strip()), 1):
        sections.append(
            f'<p class="section" style="margin-top: 8px;">{_ordinal(number)}、'
            f"{_e(part.department_name)}：{_e(part.item_name)}</p>"
            f'<p class="small">办件编号：{_e(part.case_no)}</p>'
        )
        if part.materials:
            sections.append(
                f'{_TABLE}<tr><th width="8%" align="center">序号</th>'
                '<th width="40%" align="left">需补正的材料</th>'
                '<th width="52%" align="left">补正要求</th></tr>\n'
                + _rows([(m.name, m.requirement) for m in part.materials], ("left", "left"))
                + "\n</table>"
            )
        if part.note.strip():
            sections.append(f'<p class="text"><b>部门意见：</b>{_e(part.note.strip())}</p>')
        for m in part.materials:
            who = wanted.setdefault((m.name, m.requirement), [])
            if part.department_name not in who:
                who.append(part.department_name)
    applicant_rows = _rows(
        [(name, requirement, "、".join(who)) for (name, requirement), who in wanted.items()],
        ("left", "left", "left"),
    ) or (f'  <tr><td colspan="4" align="center">{_e("见上述各部门意见")}</td></tr>')
    if d.supply_by is not None:
        deadline = _fill(
            Template(texts.label("joint", "supply_by")),
            {"date": _e(format_date_zh(d.supply_by))},
            "texts.toml [joint] supply_by",
        )
    else:
        deadline = _e(texts.label("legal", "supplement_deadline"))
    return {
        "stage_name": _e(d.stage_name),
        "legal_basis": _e("、".join(basis)),
        "filed_sections": "\n".join(sections),
        "applicant_rows": applicant_rows,
        "deadline_text": deadline,
    }


def _body_stage(d: StageCompletionNotice, texts: DocumentTexts) -> dict[str, str]:
    if d.next_stage_name:
        due = format_date_zh(d.next_due) if d.next_due else texts.label("joint", "due_none")
        next_text = _fill(
            Template(texts.label("joint", "next_stage")),
            {
                "stage": _e(d.next_stage_name),
                "lead": _e(d.next_lead_department),
                "days": _e(d.next_time_limit_days),
                "due_date": _e(due),
                "provisional_mark": _e(_mark(texts, d.next_due_provisional)),
            },
            "texts.toml [joint] next_stage",
        )
    else:
        next_text = _e(texts.label("joint", "last_stage"))
    provisional = d.next_due_provisional and bool(d.next_stage_name)
    return {
        "stage_name": _e(d.stage_name),
        "completed_on": _e(format_date_zh(d.completed_on)),
        "part_table": _part_table(texts, d.parts, d.staged, results=True),
        "next_text": next_text,
        "provisional_note": _e(texts.label("receipt", "provisional_note")) if provisional else "",
    }


def _body_completion(d: JointCompletionNotice, texts: DocumentTexts) -> dict[str, str]:
    return {
        "completed_on": _e(format_date_zh(d.completed_on)),
        "unit": "阶段、各事项" if d.staged else "事项",
        "part_table": _part_table(texts, d.parts, d.staged, results=True),
        "bring_list": _paragraphs(d.bring, "本通知书及申请人有效身份证件"),
        "pickup_place": _e(d.pickup_place or texts.center.pickup_place or "本中心受理窗口"),
        "pickup_hours": _e(d.pickup_hours or texts.center.hours or "工作日办公时间"),
    }


@dataclass(frozen=True)
class _JointKind:
    code: str
    data_type: type
    body: Callable[[Any, DocumentTexts], dict[str, str]]

    @property
    def template(self) -> str:
        return f"{self.code}_notice.html"


JOINT_DOCUMENT_KINDS: tuple[_JointKind, ...] = (
    _JointKind("joint_acceptance", JointReceipt, _body_receipt),
    _JointKind("joint_supplement", ConsolidatedSupplementNotice, _body_supplement),
    _JointKind("stage_completion", StageCompletionNotice, _body_stage),
    _JointKind("joint_completion", JointCompletionNotice, _body_completion),
)


def _kind(data_type: type) -> _JointKind:
    for kind in JOINT_DOCUMENT_KINDS:
        if issubclass(data_type, kind.data_type):
            return kind
    raise TypeError(f"{data_type.__name__} is not a joint-case document")


def _project_lines(d: JointNoticeBase, texts: DocumentTexts) -> str:
    lines = []
    if d.project_code:
        lines.append(f'<p class="info"><b>项目代码：</b>{_e(d.project_code)}</p>')
    if d.project_type:
        kind = texts.label("project_types", d.project_type, default=d.project_type)
        lines.append(f'<p class="info"><b>项目类型：</b>{_e(kind)}</p>')
    return "\n".join(lines)


def joint_qr_payload(data: JointNoticeBase) -> str:
    """What the QR code carries: the joint progress query (joint number and query code)."""
    return qr_payload(data.progress_url, data.joint_no, data.query_code)


def render_joint_html(
    data: JointNoticeBase,
    texts: DocumentTexts,
    *,
    copies: Sequence[str] = DEFAULT_COPIES,
    qr_name: str = JOINT_QR,
) -> str:
    """A joint document as HTML, one copy after the other (``copies=("",)``: unmarked)."""
    kind = _kind(type(data))
    received = format_date_zh(data.received_at.astimezone(data.issued_at.tzinfo).date())
    body_values = {
        "received_date": _e(received),
        "package_name": _e(data.package_name),
        "joint_no": _e(data.joint_no),
        **kind.body(data, texts),
    }
    body = _fill(texts.template(kind.template), body_values, kind.template)
    id_label = texts.label("id_types", data.applicant_id_type, default="") or texts.label(
        "id_types", "other"
    )
    number = data.applicant_id_number
    key = "progress_online" if data.progress_url else "progress_phone"
    progress = _fill(
        Template(texts.label("joint", key)),
        {
            "progress_url": _e(data.progress_url),
            "consultation_phone": _e(texts.center.consultation_phone),
        },
        f"texts.toml [joint] {key}",
    )
    values = {
        "reprint_mark": _e(texts.label("receipt", "reprint_mark")) if data.reprint else "",
        "center_name": _e(data.center_name or texts.center.name),
        "department_name": _e(data.department_name),
        "title": _e(texts.label("titles", kind.code)),
        "document_no": _e(data.document_no),
        "applicant_name": _e(data.applicant_name),
        "id_label": _e(id_label),
        "applicant_id": _e(mask_id(number) if texts.center.mask_id_numbers else number),
        "package_name": _e(data.package_name),
        "package_code": _e(data.package_code),
        "project_lines": _project_lines(data, texts),
        "body": body,
        "joint_no": _e(data.joint_no),
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
    frame = texts.template(JOINT_FRAME)
    pages = [
        _fill(frame, {**values, **copy_values(texts, copy, i)}, JOINT_FRAME)
        for i, copy in enumerate(copies)
    ]
    return combine_copies(pages)


def build_joint_notice(
    data: JointNoticeBase, texts: DocumentTexts, *, copies: Sequence[str] = DEFAULT_COPIES
) -> RenderedDocument:
    """A joint document ready for ``write_pdf`` or a printer (A4, both copies)."""
    kind = _kind(type(data))
    return RenderedDocument(
        kind=kind.code,
        title=f"{texts.label('titles', kind.code)} {data.joint_no}",
        html=render_joint_html(data, texts, copies=copies),
        resources=MappingProxyType({JOINT_QR: qr_image(joint_qr_payload(data))}),
    )


_TITLES = {
    "joint_acceptance": "联合受理通知书",
    "joint_supplement": "补正材料通知书（一次性告知书）",
    "stage_completion": "阶段办结通知书",
    "joint_completion": "联合办结通知书",
}
for _joint_kind in JOINT_DOCUMENT_KINDS:
    register_kind(
        DocumentKind(
            code=_joint_kind.code,
            title=_TITLES[_joint_kind.code],
            template=_joint_kind.template,
            data_type=_joint_kind.data_type,
            build=build_joint_notice,
        )
    )
