"""The intake form: applicant, materials received, decision (承诺件 with its due date), Accept.

Every field is checked as the clerk types (``clerk_app.core.identity``); the message under a
field says exactly what is wrong. Accept is enabled only when nothing blocks; the label next
to it lists what is still missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableWidgetItem, QWidget

from clerk_app.core import intake
from clerk_app.core.identity import check_credit_code, check_mobile, check_resident_id
from clerk_app.gui.forms.ui_intake_form import Ui_IntakeForm
from clerk_app.gui.issues import issue_text
from clerk_app.gui.item_text import ItemText

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
_PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")


@dataclass
class ApplicantInput:
    """The applicant as entered, in the shape of the case body's ``applicant``."""

    fields: dict[str, Any] = field(default_factory=dict)


class IntakeForm(QWidget):
    """Applicant, materials and decision for one item.

    Args:
        clock: the application clock (``today()`` is the day the due date counts from).
        calendar: a ``core.calendar.WorkCalendar``.

    Signals:
        accept_requested(): the clerk pressed Accept (or Ctrl+Return) and the form is ready.
        readiness_changed(bool): whether the form can be accepted now.
    """

    accept_requested = Signal()
    readiness_changed = Signal(bool)

    def __init__(self, clock: Any, calendar: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._calendar = calendar
        self.item: Any = None
        self._text: ItemText | None = None
        self._ready = False
        self.ui = Ui_IntakeForm()
        self.ui.setupUi(self)
        self.ui.dispositionLabel.setText(self.tr("Promised case"))
        self.ui.acceptButton.setToolTip(self.tr("Accept the case (Ctrl+Return)"))
        self.ui.acceptButton.setText(self.tr("&Accept") + "  (Ctrl+Return)")
        self.ui.creditConfirmCheck.hide()
        # Extra height goes below the fields, never between a field and its message, and
        # between the decision and the Accept row, so that row stays at the bottom.
        self.ui.intakeLayout.insertStretch(self.ui.intakeLayout.count() - 1, 1)
        self.ui.personGrid.setRowStretch(self.ui.personGrid.rowCount(), 1)
        self.ui.orgGrid.setRowStretch(self.ui.orgGrid.rowCount(), 1)
        for label in self._message_labels():
            label.hide()
        self.ui.missingLabel.setStyleSheet(ERROR_STYLE)
        header = self.ui.materialsTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.ui.personRadio.toggled.connect(self._kind_changed)
        for edit in self._all_edits():
            edit.textChanged.connect(self.revalidate)
        self.ui.personIdEdit.editingFinished.connect(self.revalidate)
        self.ui.creditConfirmCheck.toggled.connect(self.revalidate)
        self.ui.materialsTable.itemChanged.connect(lambda _item: self.revalidate())
        self.ui.allMaterialsButton.clicked.connect(self.tick_all)
        self.ui.acceptButton.clicked.connect(self.request_accept)
        self.set_item(None)

    # -- widgets -----------------------------------------------------------------------

    def _message_labels(self) -> list[QLabel]:
        u = self.ui
        return [u.personIdMessage, u.personMobileMessage, u.creditCodeMessage,
                u.contactPhoneMessage]  # fmt: skip

    def _all_edits(self) -> list[QLineEdit]:
        u = self.ui
        return [
            u.personNameEdit,
            u.personIdEdit,
            u.personMobileEdit,
            u.orgNameEdit,
            u.creditCodeEdit,
            u.legalRepEdit,
            u.contactNameEdit,
            u.contactPhoneEdit,
        ]

    def is_person(self) -> bool:
        return self.ui.personRadio.isChecked()

    def _kind_changed(self) -> None:
        self.ui.applicantStack.setCurrentIndex(0 if self.is_person() else 1)
        self.revalidate()

    # -- item --------------------------------------------------------------------------

    def set_item(self, item: Any) -> None:
        """Show the materials of ``item`` and its due date; clear the ticks."""
        self.item = item
        self._text = ItemText(item) if item is not None else None
        table = self.ui.materialsTable
        table.blockSignals(True)
        table.setRowCount(0)
        for m in self._text.materials if self._text else []:
            row = table.rowCount()
            table.insertRow(row)
            name = QTableWidgetItem(m.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked)
            name.setData(Qt.ItemDataRole.UserRole, m.code)
            if m.notes:
                name.setToolTip(m.notes)
            #: A material handed in as the original document (原件).
            original = self.tr("original")
            #: A material handed in as a photocopy (复印件), not a number of copies.
            copy = self.tr("copy")
            form = QTableWidgetItem(original if m.original else copy)
            copies = QTableWidgetItem(str(m.copies))
            copies.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            need = QTableWidgetItem(self.tr("required") if m.required else self.tr("optional"))
            if m.required:
                font = need.font()
                font.setBold(True)
                need.setFont(font)
            for column, cell in enumerate((name, form, copies, need)):
                if column:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                table.setItem(row, column, cell)
        table.blockSignals(False)
        table.resizeRowsToContents()
        self._fit_table_height()
        self.setEnabled(item is not None)
        self._allow_kinds()
        self._show_due_date()
        self.revalidate()

    def _allow_kinds(self) -> None:
        """Offer only the applicant kinds the item serves (natural / legal person)."""
        subjects = set(self.item.subjects) if self.item is not None else set()
        person_ok = not subjects or "natural_person" in subjects
        org_ok = not subjects or "legal_person" in subjects
        self.ui.personRadio.setEnabled(person_ok)
        self.ui.orgRadio.setEnabled(org_ok)
        if self.is_person() and not person_ok:
            self.ui.orgRadio.setChecked(True)
        elif not self.is_person() and not org_ok:
            self.ui.personRadio.setChecked(True)

    def _fit_table_height(self) -> None:
        """Make the materials table as tall as its rows (up to a limit): no empty area."""
        table = self.ui.materialsTable
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height = table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 4
        table.setFixedHeight(max(80, min(height, 320)))

    def _show_due_date(self) -> None:
        due = self.due_date()
        if due is None:
            self.ui.dueDateLabel.setText("—")
            self.ui.dueDateLabel.setStyleSheet("")
            return
        days = self._text.promised_days if self._text else 0
        text = self.tr("%1 (%n working day(s) from today)", "", days or 0).replace(
            "%1", due.date.isoformat()
        )
        if due.provisional:
            text += "\n" + self.tr(
                "Provisional: the holiday calendar for that year is not published yet; "
                "weekends only were counted."
            )
            self.ui.dueDateLabel.setStyleSheet(WARNING_STYLE)
        else:
            self.ui.dueDateLabel.setStyleSheet("font-weight: bold;")
        self.ui.dueDateLabel.setText(text)

    def due_date(self) -> Any:
        """The ``DueDate`` for a promised case taken in today, or None without an item."""
        if self._text is None:
            return None
        days = self._text.promised_days or 0
        return self._calendar.add_working_days(self._clock.today(), days)

    # -- values ------------------------------------------------------------------------

    def applicant(self) -> dict[str, Any]:
        """The applicant as the case body wants it (normalised numbers)."""
        u = self.ui
        if self.is_person():
            return {
                "kind": "person",
                "name": u.personNameEdit.text().strip(),
                "id_type": "resident_id",
                "id_number": check_resident_id(u.personIdEdit.text()).value,
                "phone": check_mobile(u.personMobileEdit.text()).value,
            }
        return {
            "kind": "organization",
            "name": u.orgNameEdit.text().strip(),
            "id_type": "credit_code",
            "id_number": check_credit_code(u.creditCodeEdit.text()).value,
            "legal_representative": u.legalRepEdit.text().strip(),
            "contact_name": u.contactNameEdit.text().strip(),
            "phone": u.contactPhoneEdit.text().strip(),
        }

    def materials(self) -> list[dict[str, Any]]:
        """``[{code, received, deferred, copies}]`` in the item's order."""
        out = []
        texts = self._text.materials if self._text else []
        for row, m in enumerate(texts):
            cell = self.ui.materialsTable.item(row, 0)
            received = cell.checkState() == Qt.CheckState.Checked
            out.append(
                {"code": m.code, "received": received, "deferred": False, "copies": m.copies}
            )
        return out

    def draft(self) -> intake.IntakeDraft:
        """The ``core.intake.IntakeDraft`` of what the form holds (a promised case)."""
        if self.item is None:
            raise ValueError("no item picked")
        return intake.IntakeDraft(
            item_code=self.item.code,
            applicant=intake.Applicant(**self.applicant()),
            materials=tuple(intake.MaterialReceipt(**m) for m in self.materials()),
            disposition="promised",
        )

    def tick_all(self) -> None:
        table = self.ui.materialsTable
        for row in range(table.rowCount()):
            table.item(row, 0).setCheckState(Qt.CheckState.Checked)

    def set_material(self, row: int, received: bool) -> None:
        state = Qt.CheckState.Checked if received else Qt.CheckState.Unchecked
        self.ui.materialsTable.item(row, 0).setCheckState(state)

    # -- validation --------------------------------------------------------------------

    def _show(self, label: QLabel, errors: list[Any], warnings: list[Any]) -> None:
        issues = errors or warnings
        label.setStyleSheet(ERROR_STYLE if errors else WARNING_STYLE)
        label.setText("\n".join(issue_text(i) for i in issues))
        label.setVisible(bool(issues))

    def missing(self) -> list[str]:
        """Everything that keeps Accept disabled, as sentences; also updates field messages."""
        u = self.ui
        out: list[str] = []
        if self.item is None:
            return [self.tr("Pick a service item first.")]
        if self.is_person():
            if not u.personNameEdit.text().strip():
                out.append(self.tr("Applicant name"))
            id_text = u.personIdEdit.text()
            check = check_resident_id(id_text)
            typing = u.personIdEdit.hasFocus() and len(check.value) < 18
            if not id_text.strip():
                self._show(u.personIdMessage, [], [])
                out.append(self.tr("Resident ID number"))
            elif typing:
                self._show(u.personIdMessage, [], [])
                out.append(self.tr("Resident ID number (incomplete)"))
            else:
                self._show(u.personIdMessage, check.errors, check.warnings)
                if check.errors:
                    out.append(self.tr("A valid resident ID number"))
            mobile = u.personMobileEdit.text()
            mcheck = check_mobile(mobile)
            if not mobile.strip():
                self._show(u.personMobileMessage, [], [])
                out.append(self.tr("Mobile number"))
            else:
                done = len(mcheck.value) >= 11 or not u.personMobileEdit.hasFocus()
                self._show(u.personMobileMessage, mcheck.errors if done else [], [])
                if mcheck.errors:
                    out.append(self.tr("A valid mobile number"))
        else:
            if not u.orgNameEdit.text().strip():
                out.append(self.tr("Organization name"))
            code = u.creditCodeEdit.text()
            ccheck = check_credit_code(code)
            if not code.strip():
                self._show(u.creditCodeMessage, [], [])
                u.creditConfirmCheck.hide()
                out.append(self.tr("Unified social credit code"))
            else:
                typing = u.creditCodeEdit.hasFocus() and len(ccheck.value) < 18
                self._show(u.creditCodeMessage, [] if typing else ccheck.errors, ccheck.warnings)
                u.creditConfirmCheck.setVisible(bool(ccheck.warnings) and not ccheck.errors)
                if ccheck.errors:
                    out.append(self.tr("A valid unified social credit code"))
                elif ccheck.warnings and not u.creditConfirmCheck.isChecked():
                    out.append(self.tr("Confirm the credit code against the business licence"))
            if not u.legalRepEdit.text().strip():
                out.append(self.tr("Legal representative"))
            if not u.contactNameEdit.text().strip():
                out.append(self.tr("Contact person"))
            phone = u.contactPhoneEdit.text().strip()
            if not phone:
                self._show(u.contactPhoneMessage, [], [])
                out.append(self.tr("Contact phone"))
            else:
                errors = []
                if (phone.startswith("1") and len(phone) >= 11) or not _PHONE.match(phone):
                    errors = check_mobile(phone).errors
                self._show(u.contactPhoneMessage, errors, [])
                if errors:
                    out.append(self.tr("A valid contact phone"))
        texts = self._text.materials if self._text else []
        for m, got in zip(texts, self.materials(), strict=True):
            if m.required and not got["received"]:
                #: %1 is the name of a required material that is not ticked as received.
                out.append(self.tr("Material: %1").replace("%1", m.name))
        if not out:
            # The fields look right: the core's rules have the last word (the same rules the
            # records service applies), e.g. whether the item serves this kind of applicant.
            result = intake.validate(self.draft(), self.item, self._clock.today(), self._calendar)
            out.extend(issue_text(issue) for issue in result.errors)
        return out

    def revalidate(self) -> None:
        missing = self.missing()
        ready = not missing
        if missing and self.item is not None:
            #: Separator between the entries of the "Still needed" list.
            separator = self.tr("; ")
            self.ui.missingLabel.setText(
                self.tr("Still needed: %1").replace("%1", separator.join(missing))
            )
        elif missing:
            self.ui.missingLabel.setText(missing[0])
        else:
            self.ui.missingLabel.setText("")
        self.ui.acceptButton.setEnabled(ready)
        if ready != self._ready:
            self._ready = ready
            self.readiness_changed.emit(ready)

    def is_ready(self) -> bool:
        return not self.missing()

    def request_accept(self) -> None:
        """Accept if the form is complete (Accept button, Ctrl+Return)."""
        self.revalidate()
        if self.is_ready():
            self.accept_requested.emit()

    def clear(self) -> None:
        """Empty the applicant and the ticks, for the next applicant."""
        for edit in self._all_edits():
            edit.clear()
        self.ui.creditConfirmCheck.setChecked(False)
        self.ui.personRadio.setChecked(True)
        self.set_item(self.item)
