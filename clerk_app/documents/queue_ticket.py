"""The queue ticket (排队凭条, kind ``queue_ticket``): printed by the hall's kiosk on the
80 mm roll.

The number large, the category, how many people are ahead (an offline ticket, issued while
the kiosk could not reach the service, says 人数待定: its place is known only when the link
returns), the time, and a QR code to follow the queue on a phone: the public route
``GET …/queue/tickets/{number}?code={query_code}`` (:func:`queue_ticket_url`). A ticket
with no query code yet (offline) prints no QR code and says it can be looked up later.
Wording lives in ``resources/templates/queue_ticket.html``; a center overrides it file by
file like every template.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from urllib.parse import quote, urlencode

from clerk_app.documents.kinds import DocumentKind, RenderedDocument, register_kind
from clerk_app.documents.qr import qr_image
from clerk_app.documents.render import _e, _fill, format_datetime_zh
from clerk_app.documents.texts import DocumentTexts

TEMPLATE = "queue_ticket.html"
QR_NAME = "queue-ticket-qr.png"
#: What an offline ticket says instead of the people ahead.
PEOPLE_UNKNOWN = "人数待定"


def queue_ticket_url(base_url: str, number: str, query_code: str) -> str:
    """The public address of a ticket: ``{base_url}/queue/tickets/{number}?code={code}``.

    ``base_url`` is the service's public API address (``https://…/api/v1``)."""
    path = f"{base_url.rstrip('/')}/queue/tickets/{quote(number.strip().upper(), safe='')}"
    return f"{path}?{urlencode({'code': query_code})}"


@dataclass(frozen=True, kw_only=True)
class QueueTicketDoc:
    """One queue ticket as printed.

    Attributes:
        center_name: the hall.
        number: the ticket (``A012``).
        category_name: the business category (综合业务).
        people_ahead: tickets waiting before this one; None for an offline ticket.
        issued_at: when the kiosk printed it (aware).
        public_url: the service's public API address for the QR code ("" = no QR).
        query_code: the ticket's query code ("" while offline = no QR).
        priority_label: a priority shown under the category (老年人优先), or "".
        appointment_code: the appointment the ticket checks in, or "".
        reprint: a second print of the same ticket (the paper ran out).
    """

    center_name: str
    number: str
    category_name: str
    people_ahead: int | None
    issued_at: datetime
    public_url: str = ""
    query_code: str = ""
    priority_label: str = ""
    appointment_code: str = ""
    reprint: bool = False

    @property
    def offline(self) -> bool:
        return self.people_ahead is None

    def qr_payload(self) -> str:
        """The QR code's address, "" when the ticket has none."""
        if not (self.public_url and self.query_code):
            return ""
        return queue_ticket_url(self.public_url, self.number, self.query_code)


def people_ahead_text(people_ahead: int | None) -> str:
    """``前面还有 3 人`` / ``前面没有人`` / :data:`PEOPLE_UNKNOWN` for an offline ticket."""
    if people_ahead is None:
        return PEOPLE_UNKNOWN
    if people_ahead <= 0:
        return "前面没有人等候"
    return f"前面还有 {people_ahead} 人等候"


def render_queue_ticket_html(d: QueueTicketDoc, texts: DocumentTexts) -> str:
    payload = d.qr_payload()
    if payload:
        qr_block = (
            f'<p align="center" style="margin-top: 3px;"><img src="{QR_NAME}" width="120" '
            'height="120"/></p><p align="center" class="small">扫码查看排队进度</p>'
            f'<p align="center" class="small">查询码：{_e(d.query_code)}</p>'
        )
    else:
        qr_block = '<p align="center" class="small">联网后可凭号码查询排队进度</p>'
    extra = []
    if d.priority_label:
        extra.append(f'<p align="center" class="big">{_e(d.priority_label)}</p>')
    if d.appointment_code:
        extra.append(f'<p align="center">预约号：{_e(d.appointment_code)}</p>')
    values = {
        "reprint_mark": "补打" if d.reprint else "",
        "title": _e(texts.label("titles", "queue_ticket", default="排队凭条")),
        "center_name": _e(d.center_name),
        "number": _e(d.number.strip().upper()),
        "category_name": _e(d.category_name),
        "extra_lines": "\n".join(extra),
        "people_ahead": _e(people_ahead_text(d.people_ahead)),
        "issued_time": _e(format_datetime_zh(d.issued_at)),
        "qr_block": qr_block,
    }
    return _fill(texts.template(TEMPLATE), values, TEMPLATE)


def build_queue_ticket(d: QueueTicketDoc, texts: DocumentTexts) -> RenderedDocument:
    """The ticket on the 80 mm roll (page ``roll80``)."""
    payload = d.qr_payload()
    resources = MappingProxyType({QR_NAME: qr_image(payload)} if payload else {})
    return RenderedDocument(
        kind="queue_ticket",
        title=f"{texts.label('titles', 'queue_ticket', default='排队凭条')} {d.number}",
        html=render_queue_ticket_html(d, texts),
        resources=resources,
        page="roll80",
    )


register_kind(
    DocumentKind("queue_ticket", "排队凭条", TEMPLATE, QueueTicketDoc, build_queue_ticket)
)
