"""The 80 mm slip is archived like the A4 notices: its PDF with SHA-256 in the documents
table, under the receipt's number, and its record sent to the service exactly once."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from clerk_app.app.documents import reprint_document
from clerk_app.app.take_in import take_in_case
from clerk_app.core.calendar import WorkCalendar
from clerk_app.documents import ReceiptSlip, archive_data
from clerk_app.store.documents import case_documents
from tests.helpers.documents import flat, pdf_info, pdf_text, plain_bytes
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.workload import demo_item, draft_for

pytestmark = pytest.mark.usefixtures("qapp")


def _take_in(store, clock, tmp_path):
    context = window_context(store, clock, tmp_path)
    context.calendar = WorkCalendar.builtin()
    _, item = demo_item()
    taken = take_in_case(context, clerk_session(), draft_for(item, 1), item, catalog_version="v1")
    return context, taken


def test_take_in_archives_the_slip_under_the_receipt_number(store, clock, tmp_path):
    _, taken = _take_in(store, clock, tmp_path)
    assert taken.receipt_error is None and taken.slip_issued is not None
    slip = taken.slip_issued
    assert slip.kind == "slip" and slip.document_no == taken.receipt.document_no
    assert slip.path.exists() and slip.path != taken.receipt.path
    assert slip.sha256 == hashlib.sha256(plain_bytes(slip.path)).hexdigest()
    info, _ = pdf_info(slip.path)
    width_pt = float(info["Page size"].split("x")[0])
    assert round(width_pt / 72 * 25.4) == 80
    text = flat(pdf_text(slip.path))
    assert "受理回执" in text and taken.case_no in text and taken.query_code in text

    docs = case_documents(store, taken.case_no)
    assert [(d.kind, d.reprint) for d in docs] == [("acceptance", False), ("slip", False)]
    assert docs[1].sha256 == slip.sha256 and docs[1].path == slip.path
    stored = archive_data.decode(docs[1].data_json)
    assert isinstance(stored, ReceiptSlip) and stored.case_no == taken.case_no
    assert stored.document_no == taken.receipt.document_no
    records = [r.body for r in store.outbox_rows() if r.kind == "document_record"]
    assert [(b["kind"], b["document_no"]) for b in records] == [
        ("acceptance", taken.receipt.document_no),
        ("slip", taken.receipt.document_no),
    ]


def test_slip_reprint_from_the_archive_says_so(store, clock, tmp_path):
    context, taken = _take_in(store, clock, tmp_path)
    stored = archive_data.decode(case_documents(store, taken.case_no)[1].data_json)
    again = reprint_document(context, clerk_session(), stored)
    assert again.kind == "slip" and again.document_no == taken.receipt.document_no
    assert "副本/REPRINT" in flat(pdf_text(again.path))
    assert [d.reprint for d in case_documents(store, taken.case_no)] == [False, False, True]


def test_slip_record_reaches_the_service_once(desk, tmp_path):
    _, taken = _take_in(desk.store, desk.clock, tmp_path)
    first = desk.engine.push_once()
    assert (first.sent, first.rejected, first.waiting) == (3, 0, 0)
    assert desk.engine.push_once().sent == 0
    conn = sqlite3.connect(Path(desk.service.database_path))
    try:
        rows = conn.execute(
            "SELECT kind, document_no, sha256 FROM case_documents ORDER BY kind"
        ).fetchall()
    finally:
        conn.close()
    assert rows == [
        ("acceptance", taken.receipt.document_no, taken.receipt.sha256),
        ("slip", taken.receipt.document_no, taken.slip_issued.sha256),
    ]
