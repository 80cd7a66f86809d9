"""Printing through QPrinter to a real CUPS queue (cups-pdf), and what the clerk is told
when the queue is missing or refuses the job."""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QThread
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from clerk_app.app.documents import issue_document
from clerk_app.documents import DocumentTexts, build_notice
from clerk_app.gui.ops import DbWriter
from clerk_app.gui.printing import (
    PreviewSession,
    PrinterChoices,
    PrintFailed,
    open_printer,
    print_document,
    printer_names,
)
from clerk_app.store.documents import case_documents
from tests.helpers import document_samples as samples
from tests.helpers.documents import decode_qr, flat, pdf_text
from tests.helpers.printing import clerk_session, provisioning, window_context
from tests.helpers.store import add_case, make_payload

QR = "https://zwfw.example.gov.cn/progress?case=HS-W01-20261128-000001&code=482913"


@pytest.fixture(scope="module")
def texts() -> DocumentTexts:
    return DocumentTexts.load()


def _png(pdf, tmp_path):
    base = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(base)],
        check=True,
        capture_output=True,
    )
    return base.with_suffix(".png")


def test_notice_printed_through_qprinter_lands_in_the_queue_as_that_document(
    qapp, cups_queue, texts, tmp_path
):
    assert cups_queue.name in printer_names()
    printer = open_printer(cups_queue.name)
    assert printer.printerName() == cups_queue.name
    assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat

    before = cups_queue.job_ids()
    result = print_document(build_notice(samples.refusal(), texts), cups_queue.name)
    assert result.printer == cups_queue.name
    [job_id] = cups_queue.job_ids() - before
    output = cups_queue.output_of(job_id)

    # Qt's print engine writes shared glyphs with their Kangxi-radical code points (人 as
    # U+2F08; ``textmap`` repairs only the PDFs we write ourselves): NFKC folds most of them
    # back (not the radical-supplement ones such as 门 as U+2ED4, avoided below).
    text = unicodedata.normalize("NFKC", flat(pdf_text(output)))
    for phrase in (
        "不予受理通知书",
        "申请人:张三",  # NFKC: the full-width colon becomes ":"
        "第一联申请人留存",
        "第二联",
        "行政复议",
    ):
        assert phrase in text, phrase
    # The digits went through ghostscript as Type 3 glyphs: read the QR code instead.
    assert decode_qr(_png(output, tmp_path)) == [QR]


def test_a_missing_queue_tells_the_clerk_keeps_the_pdf_and_leaves_the_case_alone(
    qapp, store, clock, tmp_path, texts
):
    payload = make_payload(1)
    add_case(store, payload)
    context = window_context(store, clock, tmp_path)
    data = replace(samples.void(case_no=payload["case_no"]), document_no="")
    issued = issue_document(context, clerk_session(), data)
    case_before = store.get_case(payload["case_no"])
    outbox_before = store.outbox_rows()

    with pytest.raises(PrintFailed) as info:
        print_document(issued.rendered, "no-such-queue")

    assert "no-such-queue" in str(info.value) and "PDF" in str(info.value)
    assert issued.path.exists()
    assert store.get_case(payload["case_no"]) == case_before
    assert store.outbox_rows() == outbox_before
    assert len(case_documents(store, payload["case_no"])) == 1


def test_no_printer_configured_is_said_plainly(qapp):
    with pytest.raises(PrintFailed, match="No printer"):
        open_printer("")


def test_a_queue_that_refuses_jobs_tells_the_clerk_and_prints_nothing(qapp, cups_queue, texts):
    subprocess.run(["cupsreject", cups_queue.name], check=True, capture_output=True)
    try:
        before = cups_queue.job_ids()
        with pytest.raises(PrintFailed, match="refuses new jobs"):
            print_document(build_notice(samples.fee(), texts), cups_queue.name)
        assert cups_queue.job_ids() == before
    finally:
        subprocess.run(["cupsaccept", cups_queue.name], check=True, capture_output=True)


def _context(store, prov) -> SimpleNamespace:
    """What ``PrinterChoices`` reads of an ``AppContext``."""
    return SimpleNamespace(backend=SimpleNamespace(store=store), provisioning=prov)


def test_printer_per_kind_defaults_from_provisioning_and_remembers_the_choice(
    qapp, store, cups_queue
):
    prov = provisioning({"default": "hall-laser", "slip": "receipt-roll"})
    choices = PrinterChoices(_context(store, prov))
    assert choices.printer_for("slip") == "receipt-roll"
    assert choices.printer_for("refusal") == "hall-laser"
    choices.remember("refusal", cups_queue.name)
    assert PrinterChoices(_context(store, prov)).printer_for("refusal") == cups_queue.name
    assert choices.printer_for("slip") == "receipt-roll"


def test_print_preview_opens_on_the_printer_of_the_kind(qapp, qtbot, store, cups_queue, texts):
    prov = provisioning({"supplement": cups_queue.name})
    preview = PreviewSession(
        build_notice(samples.supplement(), texts), PrinterChoices(_context(store, prov))
    )
    qtbot.addWidget(preview.dialog)
    preview.open()
    assert preview.printer_name() == cups_queue.name
    assert preview.error is None
    preview.dialog.reject()


def test_the_printer_used_is_remembered_on_the_windows_writer_not_the_gui_thread(
    qapp, qtbot, store, cups_queue, texts
):
    prov = provisioning({"default": "hall-laser"})
    window = QWidget()
    window.writer = DbWriter(window)
    qtbot.addWidget(window)
    choices = PrinterChoices(_context(store, prov))
    threads: list[bool] = []
    remember = choices.remember

    def spy(kind: str, printer: str) -> None:
        threads.append(QThread.currentThread() is qapp.thread())
        remember(kind, printer)

    choices.remember = spy
    preview = PreviewSession(build_notice(samples.supplement(), texts), choices, window)
    preview.printer.setPrinterName(cups_queue.name)
    preview._printed()  # what the dialog's "accepted" (printed) calls
    qtbot.waitUntil(lambda: bool(threads), timeout=5000)
    assert window.writer.wait_idle(5000)
    assert threads == [False]
    assert PrinterChoices(_context(store, prov)).printer_for("supplement") == cups_queue.name
    preview.dialog.reject()
