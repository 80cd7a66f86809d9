"""Intake > Print service guide: the current item's 办事指南 saved as PDF, then previewed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from clerk_app.core.calendar import WorkCalendar
from clerk_app.gui import i18n_build
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.main_window import MainWindow
from clerk_app.gui.ops import DbWriter
from tests.helpers.documents import flat, pdf_text
from tests.helpers.gui import demo_catalog
from tests.helpers.printing import clerk_session, window_context


def _window(qtbot, context):
    window = MainWindow(
        context,
        clerk_session(),
        calendar=WorkCalendar.builtin(),
        take_in=lambda *a: None,
        writer=DbWriter(),
    )
    qtbot.addWidget(window)
    window.set_catalog(demo_catalog())
    return window


def test_print_service_guide_saves_the_pdf_and_opens_the_preview(qtbot, store, clock, tmp_path):
    context = window_context(store, clock, tmp_path)
    window = _window(qtbot, context)
    assert not window.guide_action.isEnabled()  # no item chosen yet
    window.choose_item(demo_catalog().item("DEMO-GA-001"))
    assert window.guide_action.isEnabled()
    assert window.guide_action.shortcut().toString() == "Ctrl+P"

    window.guide_action.trigger()

    preview = window.last_preview
    assert preview is not None and preview.dialog.isVisible()
    assert preview.pdf_path == tmp_path / "documents" / "guides" / "DEMO-GA-001-guide.pdf"
    text = flat(pdf_text(preview.pdf_path))
    assert "办事指南" in text and "居民身份证首次申领" in text and "六、政策依据" in text
    assert preview.dialog.windowTitle() == "办事指南 居民身份证首次申领"
    preview.dialog.reject()
    # Printing a guide numbers and archives nothing: it belongs to no case.
    assert store.outbox_rows() == []


def test_a_guide_that_cannot_be_saved_is_explained_to_the_clerk(qtbot, store, clock, tmp_path):
    context = window_context(store, clock, tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the documents folder should be")
    context.paths.documents_dir = blocked
    window = _window(qtbot, context)
    window.choose_item(demo_catalog().item("DEMO-GA-001"))
    window.guide_action.trigger()
    assert window.last_preview is None
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any(b.isVisible() and b.objectName() == "errorBox" for b in boxes)
    for box in boxes:
        box.close()


def test_the_action_reads_in_chinese(qtbot, store, clock, tmp_path):
    qm = tmp_path / "qm"
    qm.mkdir()
    i18n_build.release(sorted(i18n_build.TRANSLATIONS_DIR.glob("clerk_*.ts")), qm)
    install_translations("zh_CN", qm)
    try:
        window = _window(qtbot, window_context(store, clock, tmp_path))
        assert window.guide_action.text() == "打印办事指南(&G)…"
    finally:
        install_translations("en", qm)


def test_confirmation_prints_the_issued_receipt_and_the_slip_on_their_printers(
    qtbot, store, clock, tmp_path, cups_queue
):

    from PySide6.QtCore import Qt

    from clerk_app.app.documents import issue_document, receipt_data, slip_data
    from clerk_app.app.take_in import TakenCase
    from clerk_app.documents import DocumentTexts, build_slip
    from tests.helpers.document_samples import demo_item
    from tests.helpers.store import add_case, make_payload

    payload = make_payload(1)
    case = add_case(store, payload)
    context = window_context(store, clock, tmp_path, printers={"acceptance": cups_queue.name})
    session = clerk_session()
    item = demo_item(payload["item_code"])
    issued = issue_document(context, session, receipt_data(context, session, case, item))
    slip = build_slip(slip_data(context, session, case, item), DocumentTexts.load())
    window = _window(qtbot, context)
    window._accepted(
        TakenCase(
            case=store.get_case(payload["case_no"]),
            receipt_path=issued.path,
            receipt=issued,
            slip=slip,
        )
    )
    dialog = window.last_dialog
    assert dialog.print_button is not None and dialog.slip_button is not None
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    preview = window.last_preview
    assert preview.dialog.isVisible()
    assert preview.printer_name() == cups_queue.name
    assert preview.document.kind == "acceptance"
    preview.dialog.reject()
    qtbot.mouseClick(dialog.slip_button, Qt.MouseButton.LeftButton)
    assert window.last_preview.document.page == "roll80"
    window.last_preview.dialog.reject()
    dialog.close()
