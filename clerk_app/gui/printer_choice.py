"""What the clerk is offered when the printer of a document is not available.

Qt prints to a PDF file, silently, when it is given a printer name the system does not
know (TESTING-RECIPES.md), and the clerk believed the notice was on paper. Instead the
clerk is told plainly that printer 「X」 is not available and nothing was printed, and
chooses: print on another printer this computer has (listed), save as PDF, or cancel.
Keyboard: the list has the focus, Enter prints on the selected printer, Alt+S saves as
PDF, Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def unavailable_text(printer: str, reason: str) -> str:
    """The plain sentence for the clerk (context "Printing")."""
    if not printer:
        return QCoreApplication.translate(
            "Printing", "No printer is set for this document. Nothing has been printed."
        )
    if reason == "refuses":
        text = QCoreApplication.translate(
            "Printing",
            "The printer “%1” refuses new jobs. Nothing has been printed; ask IT to check it.",
        )
    else:
        text = QCoreApplication.translate(
            "Printing", "The printer “%1” is not available. Nothing has been printed."
        )
    return text.replace("%1", printer)


class PrinterUnavailableDialog(QDialog):
    """Printer 「X」 is not available: print on another printer, save as PDF, or cancel.

    Args:
        printer: the printer that was wanted ("" when none is set).
        reason: ``"missing"`` (the system has no such queue), ``"refuses"`` (the queue
            refuses jobs), ``"failed"`` (the job was refused) or ``"none"``.
        available: the printers the clerk may print on instead.
        parent: the preview (or viewer) it belongs to.

    Signals:
        printer_chosen(str): print on this printer.
        pdf_chosen(): save the document as a PDF file.
    """

    printer_chosen = Signal(str)
    pdf_chosen = Signal()

    def __init__(
        self, printer: str, reason: str, available: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printerUnavailableDialog")
        self.setWindowTitle(self.tr("Printer not available"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.printer = printer
        layout = QVBoxLayout(self)
        self.message = QLabel(unavailable_text(printer, reason), self)
        self.message.setObjectName("printerUnavailableMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        others = [p for p in available if p != printer]
        self.printers = QListWidget(self)
        self.printers.setObjectName("availablePrinters")
        self.printers.addItems(others)
        if others:
            prompt = QLabel(self.tr("Print on another printer of this computer:"), self)
            prompt.setBuddy(self.printers)
            layout.addWidget(prompt)
            self.printers.setCurrentRow(0)
        else:
            layout.addWidget(QLabel(self.tr("This computer has no other printer."), self))
        self.printers.setVisible(bool(others))
        layout.addWidget(self.printers)

        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("&Print on the selected printer"), self)
        self.print_button.setObjectName("printElsewhereButton")
        self.print_button.setEnabled(bool(others))
        self.pdf_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.pdf_button.setObjectName("saveAsPdfButton")
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        (self.print_button if others else self.pdf_button).setDefault(True)
        layout.addWidget(buttons)
        self.print_button.clicked.connect(self._print_elsewhere)
        self.printers.itemActivated.connect(lambda _item: self._print_elsewhere())
        self.pdf_button.clicked.connect(self._save_pdf)
        self.cancel_button.clicked.connect(self.reject)
        self._first = self.printers if others else self.pdf_button

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self._first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def selected_printer(self) -> str:
        item = self.printers.currentItem()
        return item.text() if item is not None else ""

    def _print_elsewhere(self) -> None:
        name = self.selected_printer()
        if not name:
            return
        self.accept()
        self.printer_chosen.emit(name)

    def _save_pdf(self) -> None:
        self.accept()
        self.pdf_chosen.emit()


def ask_pdf_path(parent: QWidget | None, suggested: str, on_chosen: object) -> QFileDialog:
    """A "Save as PDF" file dialog (window-modal, returns at once); ``on_chosen(path)``."""
    dialog = QFileDialog(parent, QCoreApplication.translate("Printing", "Save as PDF"))
    dialog.setObjectName("saveAsPdfDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(QCoreApplication.translate("Printing", "PDF files (*.pdf)"))
    dialog.setDefaultSuffix("pdf")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.selectFile(suggested)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(on_chosen)  # type: ignore[arg-type]
    dialog.open()
    return dialog
