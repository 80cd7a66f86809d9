"""Issuing documents: 文书编号 from the window's sequence, the PDF archived with its SHA-256,
its record in the outbox in the same transaction, reprints marked and audited, and the
records reaching the real service."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from clerk_app.app.documents import issue_document, receipt_data, reprint_document
from clerk_app.app.session import DOCUMENT_SEQUENCE
from clerk_app.store.documents import case_documents, latest_original
from tests.helpers import document_samples as samples
from tests.helpers.documents import flat, pdf_text, plain_bytes
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.store import add_case, make_payload

pytestmark = pytest.mark.usefixtures("qapp")


def _case(store, seq: int = 1) -> dict:
    payload = make_payload(seq)
    add_case(store, payload)
    return payload


def _notice(kind: str, payload: dict, **changes):
    data = samples.FORMAL[kind](case_no=payload["case_no"], query_code=payload["query_code"])
    return replace(data, **{"document_no": "", **changes})


def test_issued_notice_is_numbered_archived_hashed_and_queued_for_the_service(
    store, clock, tmp_path
):
    payload = _case(store)
    context = window_context(store, clock, tmp_path)
    issued = issue_document(context, clerk_session(), _notice("supplement", payload))

    assert issued.document_no == "衡政服补〔2026〕W01-0001号"
    assert issued.path.parent == context.paths.documents_dir and issued.path.exists()
    assert issued.sha256 == hashlib.sha256(plain_bytes(issued.path)).hexdigest()
    text = flat(pdf_text(issued.path))
    assert "衡政服补〔2026〕W01-0001号" in text and "补正材料通知书" in text

    [archived] = case_documents(store, payload["case_no"])
    assert (archived.kind, archived.document_no, archived.reprint) == (
        "supplement",
        issued.document_no,
        False,
    )
    assert (archived.path, archived.sha256, archived.clerk) == (
        issued.path,
        issued.sha256,
        "demo-clerk",
    )
    rows = [r for r in store.outbox_rows() if r.kind == "document_record"]
    assert len(rows) == 1
    row = rows[0]
    assert row.path == f"/api/v1/cases/{payload['case_no']}/documents"
    assert row.method == "POST"
    assert row.idempotency_key == archived.id == row.body["id"]
    assert row.body == {
        "id": archived.id,
        "kind": "supplement",
        "document_no": issued.document_no,
        "sha256": issued.sha256,
        "issued_at": archived.issued_at.isoformat(),
        "reprint": False,
        "clerk": "demo-clerk",
    }
    assert row.case_id == store.get_case(payload["case_no"]).id


def test_numbers_follow_the_window_sequence_above_the_login_floor(store, clock, tmp_path):
    payload = _case(store)
    context = window_context(store, clock, tmp_path)
    session = clerk_session()
    store.raise_floor(DOCUMENT_SEQUENCE, 41)  # what the service said at sign-in
    first = issue_document(context, session, _notice("fee", payload))
    second = issue_document(context, session, _notice("void", payload))
    assert first.document_no == "衡政服费〔2026〕W01-0042号"
    assert second.document_no == "衡政服废〔2026〕W01-0043号"
    assert first.path != second.path and first.path.exists() and second.path.exists()


def test_reprint_says_so_keeps_the_number_and_is_audited(store, clock, tmp_path):
    payload = _case(store)
    context = window_context(store, clock, tmp_path)
    session = clerk_session()
    issued = issue_document(context, session, _notice("refusal", payload))
    original = latest_original(store, payload["case_no"], "refusal")
    assert original is not None and original.document_no == issued.document_no

    data = _notice("refusal", payload, document_no=issued.document_no)
    again = reprint_document(context, session, data)

    assert again.document_no == issued.document_no
    assert again.path != issued.path and issued.path.exists()
    assert "副本/REPRINT" in flat(pdf_text(again.path))
    assert "副本/REPRINT" not in flat(pdf_text(issued.path))
    docs = case_documents(store, payload["case_no"])
    assert [d.reprint for d in docs] == [False, True]
    assert latest_original(store, payload["case_no"], "refusal").id == original.id
    records = [r for r in store.outbox_rows() if r.kind == "document_record"]
    assert [r.body["reprint"] for r in records] == [False, True]
    journal = [message for _, area, message in store.journal_entries() if area == "print"]
    assert any(issued.document_no in m and "reprint" in m for m in journal)
    # No new number was used.
    assert store.sequence_value(DOCUMENT_SEQUENCE) == 1


def test_acceptance_receipt_is_issued_with_both_copies(store, clock, tmp_path):
    payload = _case(store)
    context = window_context(store, clock, tmp_path)
    item = samples.demo_item(payload["item_code"])
    issued = issue_document(
        context,
        clerk_session(),
        receipt_data(context, clerk_session(), store.get_case(payload["case_no"]), item),
    )
    assert issued.document_no == "衡政服受〔2026〕W01-0001号"
    text = flat(pdf_text(issued.path))
    assert text.count("受理通知书") == 2 and "第二联部门存档" in text
    assert case_documents(store, payload["case_no"])[0].kind == "acceptance"


def test_a_document_that_cannot_be_written_archives_and_queues_nothing(store, clock, tmp_path):
    payload = _case(store)
    context = window_context(store, clock, tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the documents folder should be")
    context.paths.documents_dir = blocked
    before = store.get_case(payload["case_no"])
    with pytest.raises(OSError):
        issue_document(context, clerk_session(), _notice("void", payload))
    assert case_documents(store, payload["case_no"]) == []
    assert [r.kind for r in store.outbox_rows()] == ["create_case"]
    assert store.get_case(payload["case_no"]) == before


def test_document_records_reach_the_service_once_with_the_reprint_audited(desk, tmp_path):
    payload = _case(desk.store)
    context = window_context(desk.store, desk.clock, tmp_path)
    session = clerk_session()
    issued = issue_document(context, session, _notice("completion", payload))
    reprint_document(
        context, session, _notice("completion", payload, document_no=issued.document_no)
    )

    result = desk.engine.push_once()
    assert (result.sent, result.rejected, result.waiting) == (3, 0, 0)
    assert desk.engine.push_once().sent == 0  # nothing twice

    conn = sqlite3.connect(Path(desk.service.database_path))
    try:
        rows = conn.execute(
            "SELECT document_no, kind, sha256, reprint FROM case_documents ORDER BY reprint"
        ).fetchall()
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_records").fetchall()]
    finally:
        conn.close()
    assert rows[0] == (issued.document_no, "completion", issued.sha256, 0)
    assert rows[1][0] == issued.document_no and rows[1][3] == 1
    assert len(rows) == 2
    assert "document.issue" in actions and "document.reprint" in actions
