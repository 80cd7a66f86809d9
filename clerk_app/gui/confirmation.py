"""Shown after a case was accepted: its number, query code, due date and the receipt PDF.

The layout is the Designer form ``ui/accepted_dialog.ui``; the buttons depend on the decision.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QWidget,
)

from clerk_app.gui.forms.ui_accepted_dialog import Ui_AcceptedDialog


class AcceptedDialog(QDialog):
    """The case is saved: tell the clerk what to write on the receipt and where the PDF is.

    Args:
        case_no: 办件编号.
        query_code: the 6-digit query code.
        due_date: the due date (ISO text) and whether it is provisional.
        receipt_path: the acceptance receipt PDF, or None when it could not be written.
        receipt_error: why it could not be written (already in Chinese and English).
        print_receipt, print_slip: open the print preview of the receipt (A4) or the
            80 mm slip; no button when None.
        print_letter: open the print preview of the 告知承诺书 for the applicant to
            sign (a case taken in on a written commitment); no button when None.
        ask_rating: ask the applicant (again) for a rating on the applicant screen; no
            button when None.
        open_pdf: open the (encrypted) receipt PDF in the desk's own viewer; without it the
            system's viewer is asked.
    """

    def __init__(
        self,
        *,
        case_no: str,
        query_code: str,
        due_date: str,
        provisional: bool,
        receipt_path: Path | None,
        receipt_error: str | None = None,
        print_receipt: Callable[[], Any] | None = None,
        print_slip: Callable[[], Any] | None = None,
        print_letter: Callable[[], Any] | None = None,
        ask_rating: Callable[[], Any] | None = None,
        open_pdf: Callable[[Path], Any] | None = None,
        disposition: str = "promised",
        document_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("acceptedDialog")
        # Whether this decision issued the acceptance receipt (即办 / 承诺) or a notice.
        self.is_receipt = disposition in ("immediate", "promised")
        self.disposition = disposition
        if disposition in ("supplement", "refused"):
            self.setWindowTitle(self.tr("Decision saved"))
            headline = self.tr("The decision is saved on this computer: %1.")
        else:
            self.setWindowTitle(self.tr("Case accepted"))
            headline = self.tr("The case is saved on this computer.")
        if document_name:
            headline = headline.replace("%1", document_name)
        self.receipt_path = receipt_path
        self._open_pdf = open_pdf
        # The layout is ui/accepted_dialog.ui; the code fills it in and adds the buttons
        # this decision offers.
        self.ui = u = Ui_AcceptedDialog()
        u.setupUi(self)
        title = u.headlineLabel
        title.setText(headline)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)

        self.case_no_label = u.caseNoLabel
        self.case_no_label.setText(case_no)
        self.case_no_label.setFont(font)
        self.query_code_label = u.queryCodeLabel
        self.query_code_label.setText(query_code)
        self.query_code_label.setFont(font)
        due = (due_date or "—") + ("  " + self.tr("(provisional)") if provisional else "")
        self.due_label = u.dueLabel
        self.due_label.setText(due)

        if receipt_path is not None and not self.is_receipt:
            where = self.tr("Notice: %1").replace(
                "%1",
                f"<a href='{QUrl.fromLocalFile(str(receipt_path)).toString()}'>"
                f"{html.escape(str(receipt_path))}</a>",
            )
        elif receipt_path is not None:
            where = self.tr("Receipt: %1").replace(
                "%1",
                f"<a href='{QUrl.fromLocalFile(str(receipt_path)).toString()}'>"
                f"{html.escape(str(receipt_path))}</a>",
            )
        else:
            where = html.escape(self.tr("The receipt could not be written; reprint it later."))
            if receipt_error:
                where += "<br>" + html.escape(receipt_error)
        self.path_label = u.receiptPathLabel
        self.path_label.setText(where)
        self.path_label.linkActivated.connect(lambda _link: self.open_receipt())

        buttons = u.buttonBox
        self.open_button = QPushButton(
            self.tr("&Open receipt") if self.is_receipt else self.tr("&Open notice"), self
        )
        self.open_button.setObjectName("openReceiptButton")
        self.open_button.setEnabled(receipt_path is not None)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._print_receipt = print_receipt
        self._print_slip = print_slip
        self.print_button: QPushButton | None = None
        self.slip_button: QPushButton | None = None
        if print_receipt is not None:
            self.print_button = QPushButton(
                self.tr("&Print receipt…") if self.is_receipt else self.tr("&Print notice…"),
                self,
            )
            self.print_button.setObjectName("printReceiptButton")
            self.print_button.clicked.connect(self.print_receipt)
            buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        if print_slip is not None:
            self.slip_button = QPushButton(self.tr("Print &slip…"), self)
            self.slip_button.setObjectName("printSlipButton")
            self.slip_button.clicked.connect(self.print_slip)
            buttons.addButton(self.slip_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.letter_button: QPushButton | None = None
        if print_letter is not None:
            self.letter_button = QPushButton(self.tr("Print commitment &letter…"), self)
            self.letter_button.setObjectName("printLetterButton")
            self.letter_button.setToolTip(
                self.tr("The applicant signs the written commitment (告知承诺书)")
            )
            self.letter_button.clicked.connect(print_letter)
            buttons.addButton(self.letter_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.rating_button: QPushButton | None = None
        if ask_rating is not None:
            self.rating_button = QPushButton(self.tr("Ask for &rating"), self)
            self.rating_button.setObjectName("askRatingButton")
            self.rating_button.setToolTip(self.tr("Ask the applicant to rate the service"))
            self.rating_button.clicked.connect(ask_rating)
            buttons.addButton(self.rating_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(
            self.tr("&Next applicant"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        close.setDefault(True)
        self.open_button.clicked.connect(self.open_receipt)
        buttons.accepted.connect(self.accept)

    def open_receipt(self) -> bool:
        """Open the receipt PDF in the system's viewer."""
        if self.receipt_path is None:
            return False
        if self._open_pdf is not None:
            return self._open_pdf(self.receipt_path) is not None
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.receipt_path)))

    def print_receipt(self) -> None:
        """Open the receipt's print preview."""
        if self._print_receipt is not None:
            self._print_receipt()

    def print_slip(self) -> None:
        """Open the 80 mm slip's print preview."""
        if self._print_slip is not None:
            self._print_slip()
