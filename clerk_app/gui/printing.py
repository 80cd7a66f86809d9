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
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from clerk_app.app import printers
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


_LIVE: set[PreviewSession] = set()


class PreviewSession:
    """A print preview of one document on the printer chosen for its kind.

    ``dialog`` is a ``QPrintPreviewDialog``: the clerk pages through the document, may pick
    another printer in its print dialog, and prints. The printer used is then remembered
    for the kind (when it is a real queue, not a file).

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
        wanted = choices.printer_for(document.kind)
        if wanted and wanted in printer_names():
            self.printer.setPrinterName(wanted)
        self.printer.setDocName(document.title)
        self.error: str | None = None
        #: The PDF the document was saved as (set by whoever saved it).
        self.pdf_path: Path | None = None
        self.dialog = QPrintPreviewDialog(self.printer, parent)
        self.dialog.setWindowTitle(document.title)
        self.dialog.paintRequested.connect(self._paint)
        self.dialog.accepted.connect(self._printed)
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
        """Show the dialog (window-modal, returns at once)."""
        self.dialog.open()
        return self.dialog


def guide_pdf_path(documents_dir: Path, item_code: str) -> Path:
    """Where the service guide of an item is saved (``<documents>/guides/<code>-guide.pdf``)."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in item_code) or "item"
    folder = Path(documents_dir) / "guides"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{safe}-guide.pdf"


def print_service_guide(
    parent: QWidget | None, context: Any, session: Any, item: Any, department_name: str = ""
) -> PreviewSession:
    """Save the 办事指南 of ``item`` as PDF and open its print preview.

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
    path = document.write_pdf(guide_pdf_path(context.paths.documents_dir, item.code))
    preview = PreviewSession(document, PrinterChoices(context), parent)
    preview.pdf_path = Path(path)
    log.info("service guide of %s saved to %s", item.code, Path(path).name)
    preview.open()
    return preview
