"""Shown after a joint intake was saved: the joint number and query code, each part's
number, item, department, stage and due date, and the 联合受理通知书 (issued on the
writer as the dialog opens; Alt+P previews it for printing). The layout is the Designer
form ``ui/joint_accepted_dialog.ui``."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from clerk_app.gui.forms.ui_joint_accepted_dialog import Ui_JointAcceptedDialog
from clerk_app.gui.intake_texts import decision_names
from clerk_app.gui.joint_texts import department_name

log = logging.getLogger("clerk.gui")


class JointAcceptedDialog(QDialog):
    """The joint case is saved.

    Args:
        context: the ``AppContext``; session: the clerk's session.
        taken: the ``TakenJoint`` (``taken.joint``).
        writer: the desk's writer the receipt is issued on (None: not issued).
        catalog: for the items' and departments' names.
    """

    def __init__(
        self,
        context: Any,
        session: Any,
        taken: Any,
        *,
        writer: Any = None,
        catalog: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("jointAcceptedDialog")
        self.context = context
        self.session = session
        self.joint = joint = taken.joint
        self.catalog = catalog
        self.receipt: Any = None
        self.preview: Any = None
        # The layout is ui/joint_accepted_dialog.ui; the code sets its texts (retranslate).
        self.ui = u = Ui_JointAcceptedDialog()
        u.setupUi(self)
        self.headline = u.headline
        self.joint_no_label = u.jointNoLabel
        self.joint_no_label.setText(joint.joint_no)
        self.query_code_label = u.jointQueryCodeLabel
        self.query_code_label.setText(joint.query_code)
        for label in (self.joint_no_label, self.query_code_label):
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            label.setFont(font)
        self.joint_caption = u.jointCaption
        self.code_caption = u.codeCaption
        self.table = u.jointPartsTable
        self.table.setRowCount(len(joint.parts))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.receipt_label = u.jointReceiptLabel
        self.print_button = u.jointPrintButton
        self.print_button.clicked.connect(self.print_receipt)
        self.close_button = u.closeButton
        self.close_button.clicked.connect(self.accept)
        self._receipt_state = "issuing"
        self.retranslate()
        if writer is not None:
            self._issue(writer)
        self.close_button.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Joint application accepted"))
        self.headline.setText(
            self.tr(
                "The joint application is saved on this computer with %n part(s); it goes "
                "to the center as a whole when the link is up.",
                "",
                len(self.joint.parts),
            )
        )
        self.joint_caption.setText(self.tr("Joint number:"))
        self.table.setAccessibleName(self.tr("The joint case's parts"))
        self.code_caption.setText(self.tr("Query code:"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Case number"),
                self.tr("Item"),
                self.tr("Department"),
                self.tr("Decision"),
                self.tr("Due date"),
            ]
        )
        self._fill()
        self.print_button.setText(self.tr("&Print the joint receipt (联合受理通知书)"))
        self.close_button.setText(self.tr("Close"))
        self._show_receipt_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "print_button"):
            self.retranslate()
        super().changeEvent(event)

    def _fill(self) -> None:
        names = decision_names()
        for row, part in enumerate(self.joint.parts):
            item = self.catalog.get_item(part.item_code) if self.catalog is not None else None
            if part.events and part.events[0].type == "receive":
                decision = self.tr("received, decided when the stage opens")
            else:
                decision = names.get(str(part.disposition), str(part.disposition))
            due = part.due_date.isoformat() if part.due_date else "—"
            cells = [
                part.stage,
                part.case_no,
                item.name if item is not None else part.item_code,
                department_name(self.catalog, part.department_code),
                decision,
                due,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    # -- the 联合受理通知书 ---------------------------------------------------------------

    def _issue(self, writer: Any) -> None:
        try:
            from clerk_app.app import joint_documents
        except ImportError:
            self._receipt_state = "unavailable"
            self._show_receipt_state()
            return

        def work() -> Any:
            return joint_documents.issue_joint_receipt(
                self.context, self.session, self.joint, catalog=self.catalog
            )

        writer.submit(work, self).success(self._issued).failure(self._issue_failed)

    def _issued(self, receipt: Any) -> None:
        self.receipt = receipt
        self._receipt_state = "issued"
        self._show_receipt_state()
        self.print_button.setEnabled(True)

    def _issue_failed(self, exc: Exception) -> None:
        log.error("joint receipt of %s not issued: %s", self.joint.joint_no, exc)
        self._receipt_state = "failed"
        self._show_receipt_state()

    def _show_receipt_state(self) -> None:
        state = self._receipt_state
        if state == "issuing":
            text = self.tr("Making the joint receipt…")
        elif state == "unavailable":
            text = self.tr(
                "Printing the joint receipt is not available in this version; the parts are "
                "saved and their numbers are above."
            )
        elif state == "failed":
            text = self.tr(
                "The joint receipt could not be made; the parts are saved. Try again from "
                "the case's documents, or ask IT (the log says why)."
            )
        else:
            path = getattr(self.receipt, "path", None)
            text = self.tr("The joint receipt is ready (Alt+P prints it).")
            if path is not None:
                text += " " + str(path)
        self.receipt_label.setText(text)

    def print_receipt(self) -> None:
        """Open the print preview of the 联合受理通知书."""
        rendered = getattr(self.receipt, "rendered", self.receipt)
        if rendered is None:
            return
        from clerk_app.gui.printing import PreviewSession, PrinterChoices

        self.preview = PreviewSession(rendered, PrinterChoices(self.context), self)
        self.preview.open()
