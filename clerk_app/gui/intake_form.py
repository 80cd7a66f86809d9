"""The intake form: applicant (person or organization), an optional agent, the materials
checklist, the decision with its details and fee, and Accept.

Every field is checked as the clerk types (``clerk_app.core.identity`` and
``clerk_app.core.intake``); the message under a field says exactly what is wrong, and the
line next to Accept lists everything still needed. Accept (Ctrl+Return) on an incomplete
form, or Enter in a field, puts the focus on the first problem. The parts live in
``intake_party`` (a person's fields), ``intake_materials`` (the checklist) and
``intake_decision`` (decision, due date, fee).
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from clerk_app.core import intake
from clerk_app.core.identity import check_credit_code
from clerk_app.gui.commitment import CommitmentPanel
from clerk_app.gui.forms.ui_intake_form import Ui_IntakeForm
from clerk_app.gui.intake_decision import DecisionPanel, fit_stack
from clerk_app.gui.intake_materials import MaterialsTable
from clerk_app.gui.intake_party import (
    ERROR_STYLE,
    PersonFields,
    Problem,
    build_person_grid,
    contact_phone_errors,
    focused,
    show_agent_fields,
    show_issues,
)
from clerk_app.gui.intake_texts import intake_issue_text

# Issue fields of core.intake the applicant/agent widgets already word themselves.
_PARTY_FIELDS = ("applicant.", "agent.")


class _EnterToProblem(QObject):
    """Enter in a line edit: go to the first problem (or to Accept when there is none)."""

    def __init__(self, form: IntakeForm) -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._form.focus_first_problem()
            return True
        return False


class IntakeForm(QWidget):
    """Applicant, agent, materials and decision for one item.

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
        self._ready = False
        self._updating = False
        self._problems: list[Problem] = []
        # The parked intake this form was resumed from ("" for a fresh one).
        self.parked_id = ""
        #: The scanned pages' panel (``gui.scan_panel``; the main window adds it).
        self.scans: Any = None
        self.ui = u = Ui_IntakeForm()
        u.setupUi(self)
        u.creditConfirmCheck.hide()
        u.missingLabel.setStyleSheet(ERROR_STYLE)
        u.missingLabel.setObjectName("missingLabel")
        u.intakeLayout.insertStretch(u.intakeLayout.count() - 1, 1)
        fit_stack(u.applicantStack, 0)
        for label in (u.creditCodeMessage, u.contactPhoneMessage):
            label.hide()

        today = self._clock.today
        self.applicant_fields = PersonFields(
            name_edit=u.personNameEdit,
            type_combo=u.personIdTypeCombo,
            id_edit=u.personIdEdit,
            id_caption=u.personIdCaption,
            id_message=u.personIdMessage,
            derived_label=u.personIdDerived,
            phone_edit=u.personMobileEdit,
            phone_message=u.personMobileMessage,
            today=today,
            changed=self.revalidate,
            parent=self,
        )
        agent_grid, agent_widgets = build_person_grid(u.agentBox, "agent")
        u.agentLayout.addLayout(agent_grid)
        self._agent_widgets = agent_widgets
        widgets = {k: v for k, v in agent_widgets.items() if k != "captions"}
        self.agent_fields = PersonFields(
            **widgets, today=today, changed=self.revalidate, mnemonics=False, parent=self
        )
        u.agentBox.toggled.connect(self._agent_toggled)
        chain = [u.agentBox] + [
            agent_widgets[k] for k in ("name_edit", "type_combo", "id_edit", "phone_edit")
        ]
        chain.append(u.materialsTable)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._agent_toggled(False)

        self.materials_table = MaterialsTable(u.materialsTable, self.revalidate)
        u.materialsHint.setStyleSheet("color: #555555;")
        self.decision = DecisionPanel(u, clock, calendar, self.revalidate)
        # 告知承诺: below the checklist, before the decision (shown for items that allow it).
        self.commitment = CommitmentPanel(self.revalidate, self)
        u.intakeLayout.insertWidget(u.intakeLayout.indexOf(u.materialsBox) + 1, self.commitment)
        QWidget.setTabOrder(u.allMaterialsButton, self.commitment.whole_check)
        QWidget.setTabOrder(self.commitment.whole_check, self.commitment.list_combo)
        QWidget.setTabOrder(self.commitment.list_combo, u.decisionCombo)

        u.personRadio.toggled.connect(self._kind_changed)
        for edit in self._org_edits():
            edit.textChanged.connect(self.revalidate)
            edit.editingFinished.connect(self.revalidate)
        u.creditConfirmCheck.toggled.connect(self.revalidate)
        u.allMaterialsButton.clicked.connect(self.tick_all)
        u.acceptButton.clicked.connect(self.request_accept)
        self._enter = _EnterToProblem(self)
        for edit in (
            u.personNameEdit,
            u.personMobileEdit,
            *self._org_edits(),
            agent_widgets["name_edit"],
            agent_widgets["phone_edit"],
            self.decision.reason_edit,
            self.decision.forward_reason_edit,
        ):
            edit.installEventFilter(self._enter)
        self.retranslate()
        self.set_item(None)

    def retranslate(self) -> None:
        """Set the texts made in code (again, after a language switch)."""
        u = self.ui
        u.acceptButton.setToolTip(self.tr("Accept the case (Ctrl+Return)"))
        u.acceptButton.setText(self.tr("&Accept") + "  (Ctrl+Return)")
        u.agentBox.setToolTip(self.tr("Someone acting for the applicant (Alt+G)"))
        u.materialsHint.setText(MaterialsTable.keys_hint())
        u.allMaterialsButton.setToolTip(
            self.tr("Mark every required material received; optional ones stay for you")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "decision"):
            self.ui.retranslateUi(self)
            self.retranslate()
            self.applicant_fields.fill_types()
            self.agent_fields.fill_types()
            self.agent_fields.retranslate_captions(self._agent_widgets["captions"])
            self.materials_table.retranslate()
            self.decision.retranslate()
            self.revalidate()
        super().changeEvent(event)

    # -- widgets -----------------------------------------------------------------------

    def _org_edits(self) -> list[QLineEdit]:
        u = self.ui
        return [u.orgNameEdit, u.creditCodeEdit, u.legalRepEdit, u.contactNameEdit,
                u.contactPhoneEdit]  # fmt: skip

    def is_person(self) -> bool:
        return self.ui.personRadio.isChecked()

    def has_agent(self) -> bool:
        return self.ui.agentBox.isChecked()

    def _kind_changed(self) -> None:
        fit_stack(self.ui.applicantStack, 0 if self.is_person() else 1)
        self.revalidate()

    def _agent_toggled(self, on: bool) -> None:
        # Unticked, the box is a single line: no empty frame under its title.
        show_agent_fields(self.ui.agentBox, self._agent_widgets, on)
        if on and not self._updating:
            # After the group box's own handling of the key (it takes the focus itself).
            QTimer.singleShot(0, self._agent_widgets["name_edit"].setFocus)
        self.revalidate()

    # -- item --------------------------------------------------------------------------

    def set_item(self, item: Any) -> None:
        """Start the intake of ``item``: its materials, decisions, due date and fee."""
        self._updating = True
        try:
            self.item = item
            self.materials_table.set_item(item)
            if self.scans is not None:  # a new intake starts with no pages
                self.scans.forget()
            self.commitment.set_item(item)
            self.decision.set_item(item)
            self.setEnabled(item is not None)
            self._allow_kinds()
        finally:
            self._updating = False
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

    def due_date(self) -> Any:
        """The ``DueDate`` the chosen decision implies (None without one)."""
        return self.decision.due()

    # -- values ------------------------------------------------------------------------

    def applicant(self) -> dict[str, Any]:
        """The applicant as the case body wants it (normalised numbers)."""
        u = self.ui
        if self.is_person():
            return self.applicant_fields.values()
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
        return [
            {"code": r.code, "received": r.received, "deferred": r.deferred, "copies": r.copies}
            for r in self.materials_table.receipts()
        ]

    def draft(self) -> intake.IntakeDraft:
        """The ``core.intake.IntakeDraft`` of what the form holds."""
        if self.item is None:
            raise ValueError("no item picked")
        agent = intake.Applicant(**self.agent_fields.values()) if self.has_agent() else None
        return intake.IntakeDraft(
            item_code=self.item.code,
            applicant=intake.Applicant(**self.applicant()),
            agent=agent,
            materials=tuple(self.materials_table.receipts()),
            parked_id=self.parked_id,
            **self.decision.draft_fields(),
            **self.commitment.draft_fields(),
        )

    def tick_all(self) -> None:
        self.materials_table.tick_all()

    def set_material(self, row: int, received: bool) -> None:
        self.materials_table.set_state(row, "received" if received else "missing")

    # -- validation --------------------------------------------------------------------

    def _organization_problems(self) -> list[Problem]:
        u = self.ui
        out: list[Problem] = []
        if not u.orgNameEdit.text().strip():
            out.append((self.tr("Organization name"), u.orgNameEdit))
        code = u.creditCodeEdit.text()
        ccheck = check_credit_code(code)
        if not code.strip():
            show_issues(u.creditCodeMessage, [], [])
            u.creditConfirmCheck.hide()
            out.append((self.tr("Unified social credit code"), u.creditCodeEdit))
        else:
            typing = focused(u.creditCodeEdit) and len(ccheck.value) < 18
            show_issues(u.creditCodeMessage, [] if typing else ccheck.errors, ccheck.warnings)
            u.creditConfirmCheck.setVisible(bool(ccheck.warnings) and not ccheck.errors)
            if ccheck.errors:
                out.append((self.tr("A valid unified social credit code"), u.creditCodeEdit))
            elif ccheck.warnings and not u.creditConfirmCheck.isChecked():
                out.append(
                    (
                        self.tr("Confirm the credit code against the business licence"),
                        u.creditConfirmCheck,
                    )
                )
        if not u.legalRepEdit.text().strip():
            out.append((self.tr("Legal representative"), u.legalRepEdit))
        if not u.contactNameEdit.text().strip():
            out.append((self.tr("Contact person"), u.contactNameEdit))
        phone = u.contactPhoneEdit.text().strip()
        if not phone:
            show_issues(u.contactPhoneMessage, [], [])
            out.append((self.tr("Contact phone"), u.contactPhoneEdit))
        else:
            errors = contact_phone_errors(phone)
            show_issues(u.contactPhoneMessage, errors, [])
            if errors:
                out.append((self.tr("A valid contact phone"), u.contactPhoneEdit))
        return out

    def problems(self) -> list[Problem]:
        """Everything that keeps Accept disabled, each with the widget to fix it in."""
        if self.item is None:
            return [(self.tr("Pick a service item first."), self)]
        if self.is_person():
            out = self.applicant_fields.problems(who=self.tr("Applicant"), phone_required=True)
        else:
            out = self._organization_problems()
        if self.has_agent():
            out += self.agent_fields.problems(who=self.tr("Agent"), phone_required=False)
        # The core's rules have the last word (the same rules the service applies): the
        # materials against the decision, the decision's details, the fee.
        if self.decision.disposition() is None:
            for row in self.materials_table.rows:
                if row.required and row.state not in ("received", "by_commitment"):
                    #: %1 is the name of a required material that is not marked received.
                    text = self.tr("Material: %1").replace("%1", row.name)
                    out.append((text, self._widget_for(f"materials.{row.code}")))
            out.append(
                (self.tr("Choose the decision: materials are missing"), self.ui.decisionCombo)
            )
            return out
        result = intake.validate(self.draft(), self.item, self._clock.today(), self._calendar)
        for issue in result.errors:
            if issue.field.startswith(_PARTY_FIELDS) and out:
                continue  # already said under the field
            out.append((intake_issue_text(issue), self._widget_for(issue.field)))
        return out

    def _widget_for(self, field: str) -> QWidget:
        if field.startswith("materials."):
            return self.ui.materialsTable
        if field == "materials":
            return self.ui.materialsTable
        if field.startswith(("applicant.", "agent.")):
            return self.ui.personNameEdit if self.is_person() else self.ui.orgNameEdit
        return self.commitment.widget_for(field) or self.decision.widget_for(field)

    def missing(self) -> list[str]:
        """Everything that keeps Accept disabled, as sentences; also updates field messages."""
        return [text for text, _widget in self.problems()]

    def revalidate(self) -> None:
        if self._updating:
            return
        self._updating = True
        try:
            if self.item is not None:
                self.decision.set_receipts(self.materials_table.receipts())
            self._problems = self.problems()
        finally:
            self._updating = False
        missing = [text for text, _widget in self._problems]
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
        return not self.problems()

    def focus_first_problem(self) -> bool:
        """Put the focus on the first problem's field; on Accept when there is none.

        Returns whether there was a problem.
        """
        self.revalidate()
        if not self._problems:
            self.ui.acceptButton.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        text, widget = self._problems[0]
        if widget is self.ui.materialsTable:
            # Put the cursor on the first material the problem names.
            for row, material in enumerate(self.materials_table.rows):
                if material.name in text:
                    widget.setCurrentCell(row, 0)
                    break
        if widget is not self:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def request_accept(self) -> None:
        """Accept if the form is complete (Accept button, Ctrl+Return); else show the problem."""
        if not self.focus_first_problem():
            self.accept_requested.emit()

    # -- park and resume ---------------------------------------------------------------

    def is_blank(self) -> bool:
        """Nothing typed yet (nothing worth parking)."""
        return (
            self.applicant_fields.is_empty()
            and not any(e.text().strip() for e in self._org_edits())
            and not self.has_agent()
        )

    def snapshot(self) -> dict[str, Any]:
        """The form's state as JSON-able data (for parking)."""
        u = self.ui
        return {
            "version": 1,
            "item_code": self.item.code if self.item is not None else None,
            "kind": "person" if self.is_person() else "organization",
            "person": self.applicant_fields.snapshot(),
            "organization": {
                "name": u.orgNameEdit.text(),
                "credit_code": u.creditCodeEdit.text(),
                "credit_confirmed": u.creditConfirmCheck.isChecked(),
                "legal_representative": u.legalRepEdit.text(),
                "contact_name": u.contactNameEdit.text(),
                "phone": u.contactPhoneEdit.text(),
            },
            "agent": self.agent_fields.snapshot() if self.has_agent() else None,
            "materials": self.materials_table.snapshot(),
            "decision": self.decision.snapshot(),
            "commitment": self.commitment.snapshot(),
            "scans": self.scans.snapshot() if self.scans is not None else [],
        }

    def restore(self, state: dict[str, Any], item: Any, parked_id: str = "") -> None:
        """Fill the form from a ``snapshot`` for ``item``."""
        u = self.ui
        self.set_item(item)
        self._updating = True
        try:
            self.parked_id = parked_id
            (u.personRadio if state.get("kind") != "organization" else u.orgRadio).setChecked(True)
            fit_stack(u.applicantStack, 0 if self.is_person() else 1)
            self.applicant_fields.restore(state.get("person") or {})
            org = state.get("organization") or {}
            u.orgNameEdit.setText(org.get("name", ""))
            u.creditCodeEdit.setText(org.get("credit_code", ""))
            u.creditConfirmCheck.setChecked(bool(org.get("credit_confirmed")))
            u.legalRepEdit.setText(org.get("legal_representative", ""))
            u.contactNameEdit.setText(org.get("contact_name", ""))
            u.contactPhoneEdit.setText(org.get("phone", ""))
            agent = state.get("agent")
            u.agentBox.setChecked(agent is not None)
            if agent:
                self.agent_fields.restore(agent)
            self.materials_table.restore(state.get("materials") or [])
            self.decision.set_receipts(self.materials_table.receipts())
            self.decision.restore(state.get("decision") or {})
            self.commitment.restore(state.get("commitment") or {})
            if self.scans is not None:  # the pages scanned before it was parked
                self.scans.restore(state.get("scans") or [])
        finally:
            self._updating = False
        self._agent_toggled(agent is not None)
        self.revalidate()

    def clear(self) -> None:
        """Empty the applicant, agent and marks, for the next applicant."""
        self._updating = True
        try:
            self.applicant_fields.clear()
            self.agent_fields.clear()
            for edit in self._org_edits():
                edit.clear()
            self.ui.creditConfirmCheck.setChecked(False)
            self.ui.personRadio.setChecked(True)
            self.ui.agentBox.setChecked(False)
            self.parked_id = ""
        finally:
            self._updating = False
        self.set_item(self.item)
