"""The documents panel of a case: the archive listed, reprinted from the keyboard (副本 /
REPRINT in the PDF, archived, journaled, counted), old rows opened but not rebuilt."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.app.documents import issue_document
from clerk_app.app.take_in import take_in_case
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.records import DocumentRecord
from clerk_app.gui import i18n_build
from clerk_app.gui.case_documents import CaseDocumentsPanel
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.ops import DbWriter
from clerk_app.remote.wire import document_to_wire
from clerk_app.store.documents import case_documents, file_sha256, record_document
from tests.helpers import document_samples as samples
from tests.helpers.documents import flat, pdf_text
from tests.helpers.printing import clerk_session, window_context
from tests.helpers.workload import demo_item, draft_for


@pytest.fixture
def taken(store, clock, tmp_path):
    context = window_context(store, clock, tmp_path)
    context.calendar = WorkCalendar.builtin()
    _, item = demo_item()
    session = clerk_session()
    case = take_in_case(context, session, draft_for(item, 1), item, catalog_version="v1")
    notice = samples.FORMAL["supplement"](case_no=case.case_no, query_code=case.query_code)
    supplement = issue_document(context, session, replace(notice, document_no=""))
    return context, case, supplement


def _panel(qtbot, context, case_no, writer=None):
    panel = CaseDocumentsPanel(context, clerk_session(), case_no, writer=writer or DbWriter())
    qtbot.addWidget(panel)
    panel.resize(720, 260)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    return panel


def _row(panel, row):
    return [panel.table.item(row, c).text() for c in range(panel.table.columnCount())]


def test_panel_lists_the_archive_and_reprints_from_the_keyboard(qtbot, taken, tmp_path):
    context, case, supplement = taken
    panel = _panel(qtbot, context, case.case_no)
    assert panel.table.rowCount() == 3
    kinds = [_row(panel, r)[0] for r in range(3)]
    assert kinds == ["Acceptance notice", "Receipt slip (80 mm)", "Supplement notice"]
    assert _row(panel, 2)[1] == supplement.document_no
    assert [_row(panel, r)[3] for r in range(3)] == ["0", "0", "0"]
    assert "Ctrl+R" in panel.reprint_button.toolTip()

    panel.table.setFocus()
    panel.table.selectRow(2)
    with qtbot.waitSignal(panel.reprinted, timeout=30_000) as signal:
        qtbot.keyClick(panel.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    issued = signal.args[0]
    assert issued.document_no == supplement.document_no and issued.kind == "supplement"
    text = flat(pdf_text(issued.path))
    assert "副本/REPRINT" in text and supplement.document_no in text
    assert _row(panel, 2)[3] == "1"
    assert panel.selected_document().kind == "supplement"
    assert panel.last_preview is not None and panel.last_preview.dialog.isVisible()
    assert panel.last_preview.pdf_path == issued.path
    panel.last_preview.dialog.reject()
    docs = case_documents(context.backend.store, case.case_no)
    assert [(d.kind, d.reprint) for d in docs][-1] == ("supplement", True)
    journal = [m for _, area, m in context.backend.store.journal_entries() if area == "print"]
    assert any("reprint" in m and supplement.document_no in m for m in journal)
    records = [r.body for r in context.backend.store.outbox_rows() if r.kind == "document_record"]
    assert records[-1]["reprint"] is True and records[-1]["document_no"] == supplement.document_no

    # Enter on the slip's row reprints the slip (80 mm, marked).
    panel.table.selectRow(1)
    with qtbot.waitSignal(panel.reprinted, timeout=30_000) as signal:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert signal.args[0].kind == "slip"
    assert "副本/REPRINT" in flat(pdf_text(signal.args[0].path))
    panel.last_preview.dialog.reject()
    assert [_row(panel, r)[3] for r in range(3)] == ["0", "1", "1"]


def test_a_document_archived_without_its_data_is_opened_not_rebuilt(qtbot, store, clock, tmp_path):
    context = window_context(store, clock, tmp_path)
    from tests.helpers.store import add_case, make_payload

    payload = make_payload(1)
    add_case(store, payload)
    pdf = tmp_path / "old.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    record = DocumentRecord(
        id=str(uuid.uuid4()), case_no=payload["case_no"], kind="acceptance",
        document_no="衡政服受〔2026〕W01-0001号", sha256=file_sha256(pdf),
        issued_at=clock.now(), clerk="demo-clerk",
    )  # fmt: skip
    record_document(store, record, path=pdf, body=document_to_wire(record))
    panel = _panel(qtbot, context, payload["case_no"])
    assert panel.table.rowCount() == 1
    assert not panel.reprint_action.isEnabled() and panel.open_action.isEnabled()
    assert "open its PDF" in panel.reprint_button.toolTip()


def test_a_case_without_documents_says_so(qtbot, store, clock, tmp_path):
    from tests.helpers.store import add_case, make_payload

    payload = make_payload(1)
    add_case(store, payload)
    panel = _panel(qtbot, window_context(store, clock, tmp_path), payload["case_no"])
    assert panel.table.isHidden() and panel.empty_label.isVisible()
    assert not panel.reprint_action.isEnabled()


def test_panel_reads_in_chinese(qtbot, taken, tmp_path):
    context, case, _ = taken
    qm = tmp_path / "qm"
    qm.mkdir()
    i18n_build.release(sorted(i18n_build.TRANSLATIONS_DIR.glob("clerk_*.ts")), qm)
    install_translations("zh_CN", qm)
    try:
        panel = _panel(qtbot, context, case.case_no)
        assert _row(panel, 0)[0] == "受理通知书"
        assert panel.reprint_button.text() == "重印(&R)…"
        assert panel.grab().save(str(tmp_path / "case-documents-zh.png"))
    finally:
        install_translations("en", qm)
    QApplication.processEvents()
