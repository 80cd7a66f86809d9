"""An archived document opened inside the desk: its PDF decrypted in memory, never on disk.

The desk keeps its PDFs encrypted (``clerk_app.app.documents``), so a system viewer cannot
open them. ``PdfViewer`` shows the plain bytes with QtPdf from a memory buffer; Ctrl+P
prints them on the printer of the document's kind (piped to the spooler's ``lp``; where
there is none, each page is drawn on the printer), Ctrl+S saves a plain copy where the
clerk chooses ("Save as PDF", by the clerk's choice), Esc closes. A printer that is not
available is said plainly, with the same choices as the print preview. A document that
cannot be decrypted (another desk's key, damage) is a plain message, nothing more.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from clerk_app.app.documents import DocumentUnreadable, document_pdf, export_pdf
from clerk_app.gui.printer_choice import PrinterUnavailableDialog, ask_pdf_path
from clerk_app.gui.printing import (
    PrinterChoices,
    PrintFailed,
    PrintResult,
    open_printer,
    printer_names,
    printer_problem,
    tell_status,
)

log = logging.getLogger("clerk.print")

#: Pages drawn as images (where there is no ``lp``) are rendered at this resolution.
RASTER_DPI = 300
_REQUEST_ID = re.compile(r"request id is (\S+)-(\d+)")


def unreadable_text(reason: str) -> str:
    """What the clerk is told about a document that cannot be opened (context "PdfViewer")."""
    if reason == "key":
        return QCoreApplication.translate(
            "PdfViewer",
            "This PDF was encrypted with a key this computer does not have (another computer, "
            "or a reinstall). It cannot be opened here. The case and its other documents are "
            "not affected; reprint the document to get a new copy.",
        )
    if reason == "missing":
        return QCoreApplication.translate(
            "PdfViewer", "The PDF of this document is no longer on this computer."
        )
    return QCoreApplication.translate(
        "PdfViewer",
        "The PDF of this document is damaged and cannot be opened. The case is not affected; "
        "reprint the document to get a new copy.",
    )


def print_pdf(data: bytes, printer: str, title: str, kind: str = "") -> PrintResult:
    """Print the PDF ``data`` on ``printer`` without writing it to a file.

    Where CUPS's ``lp`` exists the bytes go to it through a pipe (the queue gets the PDF as
    it is); elsewhere each page is drawn on a ``QPrinter`` checked to be that queue.

    Raises:
        PrintFailed: the printer is not available or refused the job.
    """
    lp = shutil.which("lp")
    if lp is None:
        return _paint_pdf(data, printer, title, kind)
    open_printer(printer)  # the same checks as every print: a real queue accepting jobs
    done = subprocess.run(  # noqa: S603 - fixed tool, the queue and title as arguments
        [lp, "-d", printer, "-t", title or "document", "-"],
        input=data,
        capture_output=True,
        timeout=30,
        check=False,
        env={**os.environ, "LC_ALL": "C", "LANG": "C"},
    )
    if done.returncode != 0:
        log.error("lp on %s failed: %s", printer, done.stderr.decode(errors="replace").strip())
        raise PrintFailed(
            QCoreApplication.translate(
                "Printing", "Printer “%1” refused the document. Nothing has been printed."
            ).replace("%1", printer),
            printer=printer,
        )
    job = _REQUEST_ID.search(done.stdout.decode(errors="replace"))
    log.info("printed %s on %s (job %s)", title, printer, job.group(2) if job else "?")
    return PrintResult(printer, kind, title)


def _paint_pdf(data: bytes, name: str, title: str, kind: str) -> PrintResult:
    printer = open_printer(name)
    printer.setDocName(title)
    printer.setResolution(RASTER_DPI)  # a page image: 300 dpi, not the printer's 1200
    holder = QByteArray(data)
    buffer = QBuffer(holder)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(
            QCoreApplication.translate(
                "Printing", "Printer “%1” refused the document. Nothing has been printed."
            ).replace("%1", name),
            printer=name,
        )
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            target = painter.viewport()
            image = document.render(index, QSize(target.width(), target.height()))
            painter.drawImage(target, image)
    finally:
        painter.end()
    return PrintResult(name, kind, title)


class PdfViewer(QDialog):
    """One archived PDF, decrypted in memory: Ctrl+P prints, Ctrl+S saves, Esc closes.

    Args:
        context: the ``AppContext`` (its printers, its documents' key).
        data: the plain PDF bytes.
        title: the window title and print job name.
        kind: the document kind (its printer).
        source: the archived file (for "Save as PDF").
        parent: the parent widget.
    """

    def __init__(
        self,
        context: Any,
        data: bytes,
        title: str,
        kind: str,
        source: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfViewer")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.title = title
        self.kind = kind
        self.source = source
        self.data = data
        self.choices = PrinterChoices(context)
        self.result: PrintResult | None = None
        self.saved_pdf: Path | None = None
        self.chooser: PrinterUnavailableDialog | None = None
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        layout = QVBoxLayout(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName(self.tr("Pages of “%1”").replace("%1", title))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        hint = self.tr("Ctrl+P print · Ctrl+S save as PDF · Esc close")
        layout.addWidget(QLabel(hint, self))
        self.print_action = self._action(QKeySequence.StandardKey.Print, self.print_now)
        self.save_action = self._action(QKeySequence.StandardKey.Save, self.ask_save)
        self.resize(760, 900)
        self.view.setFocus()

    def _action(self, keys: QKeySequence.StandardKey, slot: Any) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def print_now(self, printer: str = "") -> PrintResult | None:
        """Print on ``printer``, else the printer of the document's kind; when it is not
        available, say so and offer the choices."""
        name = printer or self.choices.printer_for(self.kind)
        problem = printer_problem(name)
        if problem is not None:
            self.offer_choices(name, problem)
            return None
        try:
            result = print_pdf(self.data, name, self.title, self.kind)
        except PrintFailed as exc:
            log.error("printing %s on %s failed: %s", self.title, name, exc)
            self.offer_choices(name, printer_problem(name) or "failed")
            return None
        self.result = result
        tell_status(
            self.parentWidget(),
            QCoreApplication.translate("Printing", "“%1” printed on %2.")
            .replace("%1", self.title)
            .replace("%2", name),
        )
        self.accept()
        return result

    def offer_choices(self, printer: str, reason: str) -> PrinterUnavailableDialog:
        chooser = PrinterUnavailableDialog(printer, reason, printer_names(), self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.printer_chosen.connect(self.print_now)
        chooser.pdf_chosen.connect(self.ask_save)
        self.chooser = chooser
        chooser.open()
        return chooser

    def ask_save(self) -> None:
        """Ask where to save a plain copy (Ctrl+S)."""
        ask_pdf_path(self, self.source.name, self.save_pdf)

    def save_pdf(self, path: str | Path) -> Path | None:
        """Write a plain copy of the document to ``path`` (the clerk's choice)."""
        try:
            saved = export_pdf(self.context, self.source, path)
        except DocumentUnreadable as exc:
            QMessageBox.warning(self, self.windowTitle(), unreadable_text(exc.reason))
            return None
        except OSError as exc:  # DocumentWriteError: its text is for the clerk
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None
        self.saved_pdf = saved
        tell_status(
            self.parentWidget(),
            QCoreApplication.translate("Printing", "Saved as %1 (not printed).").replace(
                "%1", str(saved)
            ),
        )
        return saved


def open_document(
    parent: QWidget | None, context: Any, path: Path, title: str, kind: str
) -> PdfViewer | None:
    """Open the archived PDF at ``path`` in a ``PdfViewer``; a document that cannot be
    decrypted is a plain message box instead (returns None)."""
    try:
        data = document_pdf(context, path)
    except DocumentUnreadable as exc:
        log.error("document %s cannot be opened: %s", Path(path).name, exc)
        box = QMessageBox(QMessageBox.Icon.Warning, title, unreadable_text(exc.reason))
        box.setParent(parent, box.windowFlags())
        box.setObjectName("documentUnreadableBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None
    viewer = PdfViewer(context, data, title, kind, Path(path), parent)
    viewer.open()
    return viewer


def opener(parent: QWidget | None, context: Any, kind: str) -> Callable[[Path], PdfViewer | None]:
    """``open(path)`` for a dialog that offers to open a document of ``kind``."""

    def open_path(path: Path) -> PdfViewer | None:
        return open_document(parent, context, path, Path(path).name, kind)

    return open_path
