"""Printing documents: the printer per document kind, print preview, print, print to PDF.

A document is always saved as a PDF first (``clerk_app.app.documents.issue_document``);
paper comes after. A print that fails (the queue is missing, the spooler refuses the job)
raises ``PrintFailed`` with a message for the clerk; the PDF stays where it is and nothing
about the case changes.

Printers: the one remembered for a kind (the clerk's last choice at this window, kept in
the local store's state as ``printer.<kind>``), else the provisioning file's
``[printers]`` entry for the kind or its ``default``, else the system's default printer.

Trap (TESTING-RECIPES.md): ``QPrinter.setPrinterName()`` with a name the system does not
know silently switches to PDF output. ``open_printer`` checks the name took and the output
is native, and says so when it did not.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QGraphicsView, QLineEdit, QToolButton, QWidget

from clerk_app.app import printers
from clerk_app.app.documents import keep_pdf
from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import (
    PAGE_FORMATS,
    DocumentTexts,
    PaintError,
    RenderedDocument,
    ServiceGuide,
    build_guide,
    paint_document,
    pick_cjk_family,
    template_dirs,
)
from clerk_app.gui.ops import write_later
from clerk_app.gui.printer_choice import PrinterUnavailableDialog, ask_pdf_path

log = logging.getLogger("clerk.print")


class PrintFailed(Exception):
    """The document did not reach the printer; ``str()`` is the message for the clerk."""

    def __init__(self, message: str, *, printer: str = "") -> None:
        super().__init__(message)
        self.printer = printer


def printer_names() -> list[str]:
    """The print queues the system knows (CUPS on Linux, the spooler on Windows)."""
    return list(QPrinterInfo.availablePrinterNames())


def default_printer_name() -> str:
    """The system's default printer ("" when there is none)."""
    return QPrinterInfo.defaultPrinterName()


class PrinterChoices:
    """Which printer each document kind goes to, remembered per window.

    Args:
        context: the ``AppContext``: the clerk's choices are kept in its local state
            (``app.printers``), the defaults come from its provisioning (``printer_for``).
    """

    def __init__(self, context: Any) -> None:
        self.context = context
        self.provisioning = context.provisioning

    def printer_for(self, kind: str) -> str:
        """The printer for ``kind``: remembered, provisioned, or the system default."""
        remembered = printers.remembered_printer(self.context, kind)
        if remembered:
            return remembered
        return self.provisioning.printer_for(kind) or default_printer_name()

    def remember(self, kind: str, printer: str) -> None:
        """Keep ``printer`` as the choice for ``kind`` at this window."""
        if printers.remember_printer(self.context, kind, printer):
            log.info("printer for %s is now %s", kind, printer)


def queue_refusal(name: str) -> str | None:
    """Why the spooler refuses new jobs for ``name``, or None when it accepts them.

    Qt submits a job to CUPS without reporting a refusal (``cupsreject``), so the queue is
    asked first (``lpstat -a``, 5 s at most). Where there is no ``lpstat`` (Windows), the
    spooler's refusal surfaces as a failed paint instead.
    """
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    try:
        out = subprocess.run(  # noqa: S603 - fixed tool, the queue name as one argument
            [lpstat, "-a", name],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in out.stdout.splitlines():
        if line.startswith(f"{name} not accepting"):
            return line.strip()
    return None


def open_printer(name: str, document: RenderedDocument | None = None) -> QPrinter:
    """A QPrinter on the queue ``name``, checked to really print there.

    Raises:
        PrintFailed: no printer named, the system does not know the queue (Qt would
            silently write a PDF instead), or the spooler refuses new jobs for it.
    """
    if not name:
        raise PrintFailed(
            QCoreApplication.translate(
                "Printing", "No printer is set for this document. Choose one or print to PDF."
            )
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    if (
        printer.printerName() != name
        or printer.outputFormat() != QPrinter.OutputFormat.NativeFormat
    ):
        raise PrintFailed(
            QCoreApplication.translate(
                "Printing",
                "Printer “%1” is not available here. The PDF is saved; choose another printer.",
            ).replace("%1", name),
            printer=name,
        )
    refusal = queue_refusal(name)
    if refusal is not None:
        log.error("queue %s refuses jobs: %s", name, refusal)
        raise PrintFailed(
            QCoreApplication.translate(
                "Printing", "Printer “%1” refuses new jobs. The PDF is saved; ask IT to check it."
            ).replace("%1", name),
            printer=name,
        )
    if document is not None:
        printer.setDocName(document.title)
    return printer


def paint_on(printer: QPrinter, document: RenderedDocument, font_family: str | None = None) -> None:
    """Lay ``document`` out on its page format and paint it on ``printer``.

    Raises:
        PrintFailed: the printer refused the job.
    """
    fmt = PAGE_FORMATS[document.page]
    try:
        paint_document(
            document.html, printer, fmt, document.resources, font_family or pick_cjk_family()
        )
    except PaintError as exc:
        raise PrintFailed(
            QCoreApplication.translate(
                "Printing",
                "Printer “%1” refused the document. The PDF is saved; check the printer.",
            ).replace("%1", printer.printerName()),
            printer=printer.printerName(),
        ) from exc


@dataclass(frozen=True)
class PrintResult:
    """Where a document went."""

    printer: str
    kind: str
    title: str


def print_document(
    document: RenderedDocument, printer_name: str, *, font_family: str | None = None
) -> PrintResult:
    """Print ``document`` on ``printer_name`` (no dialog).

    Raises:
        PrintFailed: missing queue or refused job; the clerk is told, the PDF is kept.
    """
    printer = open_printer(printer_name, document)
    paint_on(printer, document, font_family)
    log.info("printed %s on %s", document.title, printer_name)
    return PrintResult(printer_name, document.kind, document.title)


def print_to_pdf(document: RenderedDocument, path: Path | str) -> Path:
    """Save ``document`` as a PDF file the clerk chose (``DocumentWriteError`` says why not)."""
    return document.write_pdf(path)


def printer_problem(name: str) -> str | None:
    """Why ``name`` cannot print now: ``"none"`` (no printer set), ``"missing"`` (the system
    has no such queue), ``"refuses"`` (the queue refuses jobs), or None when it can."""
    if not name:
        return "none"
    if name not in printer_names():
        return "missing"
    if queue_refusal(name) is not None:
        return "refuses"
    return None


def tell_status(widget: QWidget | None, text: str) -> None:
    """Say ``text`` in the status bar of the window ``widget`` belongs to, if it has one."""
    window = widget.window() if widget is not None else None
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(text, 15000)


_LIVE: set[PreviewSession] = set()


def name_preview_parts(dialog: QPrintPreviewDialog) -> None:
    """Names a screen reader reads for the parts of Qt's preview that have none (the
    page number, the zoom, the pages, the tool bar's "more" button), and a size that shows
    the whole tool bar (Print included) and a page one can read (issue 18)."""

    zoom = QCoreApplication.translate("Printing", "Zoom")
    pages = QCoreApplication.translate("Printing", "Pages of the document")
    for combo in dialog.findChildren(QComboBox):
        combo.setAccessibleName(zoom)
    for edit in dialog.findChildren(QLineEdit):
        in_combo = isinstance(edit.parentWidget(), QComboBox)
        edit.setAccessibleName(
            zoom if in_combo else QCoreApplication.translate("Printing", "Page number")
        )
    for view in dialog.findChildren(QGraphicsView):
        view.setAccessibleName(pages)
        view.viewport().setAccessibleName(pages)
    for more in dialog.findChildren(QToolButton, "qt_toolbar_ext_button"):
        more.setAccessibleName(QCoreApplication.translate("Printing", "More tools"))
    dialog.resize(900, 1000)


class PreviewSession:
    """A print preview of one document on the printer chosen for its kind.

    ``dialog`` is a ``QPrintPreviewDialog``: the clerk pages through the document and
    prints with Ctrl+P on the printer of its kind (Esc closes). When that printer is not
    available (missing, refusing jobs, or none set), the clerk is told so plainly when the
    preview opens and again at Ctrl+P, and chooses another printer of this computer, Save
    as PDF, or Cancel (``PrinterUnavailableDialog``) — never a silent PDF file. The printer
    used is then remembered for the kind.

    Args:
        document: what to preview.
        choices: the window's ``PrinterChoices``.
        parent: the dialog's parent widget.
    """

    def __init__(
        self, document: RenderedDocument, choices: PrinterChoices, parent: QWidget | None = None
    ) -> None:
        self.document = document
        self.choices = choices
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The printer the document should go to (its kind's); "" when none is set.
        self.wanted = choices.printer_for(document.kind)
        # Why ``wanted`` cannot print (``printer_problem``), None when it can.
        self.problem = printer_problem(self.wanted)
        # Where the document is printed by Ctrl+P ("" while no printer can take it).
        self.target = self.wanted if self.problem is None else ""
        if self.target:
            self.printer.setPrinterName(self.target)
        self.printer.setDocName(document.title)
        self.error: str | None = None
        # What Ctrl+P (or a choice of printer) printed, and a PDF saved instead.
        self.result: PrintResult | None = None
        self.saved_pdf: Path | None = None
        # The "printer not available" choice last shown (None when none was needed).
        self.chooser: PrinterUnavailableDialog | None = None
        # The PDF the document was saved as (set by whoever saved it).
        self.pdf_path: Path | None = None
        self.dialog = QPrintPreviewDialog(self.printer, parent)
        self.dialog.setWindowTitle(document.title)
        name_preview_parts(self.dialog)
        self.dialog.paintRequested.connect(self._paint)
        self.dialog.accepted.connect(self._printed)
        self.print_action = QAction(self.dialog)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)  # Ctrl+P
        self.print_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.print_action.triggered.connect(self.print_now)
        self.dialog.addAction(self.print_action)
        # The dialog paints on ``self.printer`` for as long as it lives: keep this session
        # (and so the QPrinter) until the dialog is gone, then let go of it on the next
        # turn of the event loop, never in the middle of the dialog's destruction.
        _LIVE.add(self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(lambda *_: QTimer.singleShot(0, self._release))

    def _release(self) -> None:
        _LIVE.discard(self)

    def _paint(self, printer: QPrinter) -> None:
        try:
            paint_on(printer, self.document)
        except PrintFailed as exc:
            self.error = str(exc)
            log.error("print preview of %s failed: %s", self.document.title, exc)

    def _printed(self) -> None:
        if self.printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            # A write: on the window's DbWriter, never on the GUI thread.
            kind, name = self.document.kind, self.printer.printerName()
            write_later(self.dialog.parentWidget(), lambda: self.choices.remember(kind, name))

    def printer_name(self) -> str:
        return self.printer.printerName()

    def open(self) -> QPrintPreviewDialog:
        """Show the dialog (window-modal, returns at once); when the document's printer is
        not available, say so and offer the choices at once."""
        self.dialog.open()
        if self.problem is not None:
            self.offer_choices(self.problem)
        return self.dialog

    def print_now(self) -> PrintResult | None:
        """Print on ``target`` (Ctrl+P), close the preview and say where it went; when no
        printer can take the document, offer the choices instead."""
        if not self.target:
            self.offer_choices(self.problem or "none")
            return None
        try:
            result = print_document(self.document, self.target)
        except PrintFailed as exc:
            self.error = str(exc)
            log.error("printing %s on %s failed: %s", self.document.title, self.target, exc)
            self.problem = printer_problem(self.target) or "failed"
            self.offer_choices(self.problem)
            return None
        self.result = result
        self.error = None
        self.printer.setPrinterName(self.target)
        parent = self.dialog.parentWidget()
        tell_status(
            parent,
            QCoreApplication.translate("Printing", "“%1” printed on %2.")
            .replace("%1", self.document.title)
            .replace("%2", self.target),
        )
        self.dialog.accept()  # remembers the printer for the kind (``_printed``)
        return result

    def offer_choices(self, reason: str) -> PrinterUnavailableDialog:
        """Tell the clerk the printer is not available; print elsewhere, save, or cancel."""
        missing = self.target or self.wanted
        log.warning("printer %r for %s: %s", missing, self.document.kind, reason)
        chooser = PrinterUnavailableDialog(missing, reason, printer_names(), self.dialog)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.printer_chosen.connect(self._print_elsewhere)
        chooser.pdf_chosen.connect(self._ask_pdf)
        self.chooser = chooser
        chooser.open()
        return chooser

    def _print_elsewhere(self, name: str) -> None:
        self.target = name
        self.problem = None
        self.printer.setPrinterName(name)
        self.print_now()

    def _ask_pdf(self) -> None:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.document.title)
        ask_pdf_path(self.dialog, f"{safe or 'document'}.pdf", self.save_pdf)

    def save_pdf(self, path: str | Path) -> Path | None:
        """Save the document as a plain PDF where the clerk chose, then close the preview."""
        try:
            saved = print_to_pdf(self.document, path)
        except OSError as exc:
            self.error = str(exc)
            tell_status(self.dialog.parentWidget(), str(exc))
            return None
        self.saved_pdf = Path(saved)
        log.info("%s saved as PDF by the clerk (not printed)", self.document.title)
        tell_status(
            self.dialog.parentWidget(),
            QCoreApplication.translate("Printing", "Saved as %1 (not printed).").replace(
                "%1", str(saved)
            ),
        )
        self.dialog.reject()
        return self.saved_pdf


def guide_pdf_path(documents_dir: Path, item_code: str) -> Path:
    """Where the service guide of an item is saved (``<documents>/guides/<code>-guide.pdf``)."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in item_code) or "item"
    folder = Path(documents_dir) / "guides"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{safe}-guide.pdf"


def print_service_guide(
    parent: QWidget | None, context: Any, session: Any, item: Any, department_name: str = ""
) -> PreviewSession:
    """Save the 办事指南 of ``item`` as PDF (encrypted like every document of the desk) and
    open its print preview.

    Nothing is numbered or archived: a guide belongs to no case.

    Raises:
        NoCjkFontError, DocumentWriteError, TemplateError: the guide could not be made.
    """
    prov = context.provisioning
    guide = ServiceGuide(
        center_name=prov.center_name,
        department_name=department_name or session.department or prov.department,
        item=item,
        printed_at=context.clock.now().astimezone(CENTER_TZ),
        window_code=prov.window_code,
        window_name=session.window_name or prov.window_name,
        progress_url=prov.progress_url,
    )
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    document = build_guide(guide, texts)
    path, _ = keep_pdf(context, document, guide_pdf_path(context.paths.documents_dir, item.code))
    preview = PreviewSession(document, PrinterChoices(context), parent)
    preview.pdf_path = Path(path)
    log.info("service guide of %s saved to %s", item.code, Path(path).name)
    preview.open()
    return preview
