"""The kiosk's queue ticket (issue 18) written as a real PDF on the 80 mm roll and read back
with poppler (text) and zbar (the QR code a phone scans to follow the queue)."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import datetime

import pytest

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.provisioning import DOCUMENT_KINDS
from clerk_app.documents import (
    DocumentTexts,
    QueueTicketDoc,
    build_document,
    document_kind,
    queue_ticket_url,
)
from tests.helpers.documents import decode_qr, flat, pdf_info, pdf_text
from tests.helpers.documents import render_page as png_of

pytestmark = pytest.mark.usefixtures("qapp")

ISSUED = datetime(2026, 12, 7, 9, 41, tzinfo=CENTER_TZ)
PUBLIC = "https://zwfw.example.gov.cn/api/v1"
needs_zbar = pytest.mark.skipif(
    shutil.which("zbarimg") is None, reason="zbarimg is not installed (zbar-tools)"
)


@pytest.fixture(scope="module")
def texts() -> DocumentTexts:
    return DocumentTexts.load()


def _ticket(**changes) -> QueueTicketDoc:
    doc = QueueTicketDoc(
        center_name="衡水市政务服务中心（示例）",
        number="A012",
        category_name="综合业务",
        people_ahead=7,
        issued_at=ISSUED,
        public_url=PUBLIC,
        query_code="K7P2QX",
    )
    return replace(doc, **changes)


def _write(doc: QueueTicketDoc, texts: DocumentTexts, path):
    build_document(doc, texts).write_pdf(path)
    return path


def test_the_public_address_of_a_ticket():
    assert queue_ticket_url(PUBLIC, "a012", "K7P2QX") == f"{PUBLIC}/queue/tickets/A012?code=K7P2QX"
    assert queue_ticket_url(PUBLIC + "/", "A012", "K7 2") == (
        f"{PUBLIC}/queue/tickets/A012?code=K7+2"
    )


@needs_zbar
def test_a_ticket_on_the_80_mm_roll_with_number_people_ahead_time_and_qr(texts, tmp_path):
    path = _write(_ticket(), texts, tmp_path / "ticket.pdf")
    info, complaints = pdf_info(path)
    width = float(re.findall(r"[\d.]+", info["Page size"])[0])
    assert info["Pages"] == "1" and complaints == ""
    assert abs(width - 80 / 25.4 * 72) < 0.5  # 226.77 pt
    text = flat(pdf_text(path))
    for phrase in (
        "衡水市政务服务中心（示例）",
        "排队凭条",
        "A012",
        "综合业务",
        "前面还有7人等候",
        "取号时间：2026年12月7日09:41",
        "查询码：K7P2QX",
        "当日有效",
    ):
        assert phrase in text, phrase
    assert "人数待定" not in text and "补打" not in text
    assert decode_qr(png_of(path, tmp_path / "ticket", dpi=150)) == [
        f"{PUBLIC}/queue/tickets/A012?code=K7P2QX"
    ]


def test_the_number_is_printed_largest(texts, tmp_path):
    path = _write(_ticket(), texts, tmp_path / "ticket.pdf")
    # pdftotext -bbox gives each word's box: the number's is the tallest on the ticket.
    html = pdf_text(path, "-bbox")
    heights = {
        m.group(3): float(m.group(2)) - float(m.group(1))
        for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', html)
    }
    assert max(heights, key=lambda w: heights[w]) == "A012", heights


@needs_zbar
def test_an_offline_ticket_says_people_unknown_and_has_no_qr(texts, tmp_path):
    doc = _ticket(number="A812", people_ahead=None, query_code="")
    path = _write(doc, texts, tmp_path / "offline.pdf")
    text = flat(pdf_text(path))
    assert "A812" in text and "人数待定" in text
    assert "前面" not in text and "查询码" not in text
    assert "联网后可凭号码查询排队进度" in text
    assert decode_qr(png_of(path, tmp_path / "offline", dpi=150)) == []


def test_a_priority_appointment_ticket_reprinted_says_so(texts, tmp_path):
    doc = _ticket(
        people_ahead=0, priority_label="老年人优先", appointment_code="YY7Q2M8K3D", reprint=True
    )
    text = flat(pdf_text(_write(doc, texts, tmp_path / "reprint.pdf")))
    for phrase in ("补打", "老年人优先", "预约号：YY7Q2M8K3D", "前面没有人等候"):
        assert phrase in text, phrase


def test_the_queue_ticket_is_a_registered_kind_with_a_printer_setting():
    assert document_kind("queue_ticket").data_type is QueueTicketDoc
    assert "queue_ticket" in DOCUMENT_KINDS
