"""The applicant of a joint intake, entered once: a person (the single intake's
``PersonFields``) or an organization (name, unified social credit code, legal
representative, contact and phone), and an optional agent (代办人).

The widgets are the joint intake's Designer form (``ui/joint_intake_form.ui``); the agent's
fields are made in code, as on the single intake (``build_person_grid``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QWidget

from clerk_app.core import intake
from clerk_app.core.identity import check_credit_code
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


class JointParty(QObject):
    """The applicant and agent boxes of the joint intake.

    Args:
        ui: the set-up ``Ui_JointIntakeForm``.
        today: ``() -> date``.
        changed: called after every change.
        person_ok, org_ok: which applicant kinds every part's item serves.
    """

    def __init__(
        self,
        ui: Any,
        *,
        today: Any,
        changed: Any,
        person_ok: bool = True,
        org_ok: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._changed = changed
        self._restoring = False
        self.box = ui.jointApplicantBox
        self.person_radio = ui.jointPersonRadio
        self.org_radio = ui.jointOrgRadio
        group = QButtonGroup(self)
        group.addButton(self.person_radio)
        group.addButton(self.org_radio)
        self.stack = ui.jointApplicantStack
        self._person = {
            "name_edit": ui.jointApplicantNameEdit,
            "type_combo": ui.jointApplicantTypeCombo,
            "id_edit": ui.jointApplicantIdEdit,
            "id_caption": ui.jointApplicantIdCaption,
            "id_message": ui.jointApplicantIdMessage,
            "derived_label": ui.jointApplicantDerivedLabel,
            "phone_edit": ui.jointApplicantPhoneEdit,
            "phone_message": ui.jointApplicantPhoneMessage,
            "captions": (
                ui.jointApplicantNameCaption,
                ui.jointApplicantTypeCaption,
                ui.jointApplicantPhoneCaption,
            ),
        }
        widgets = {k: v for k, v in self._person.items() if k != "captions"}
        self.person = PersonFields(
            **widgets, today=today, changed=changed, mnemonics=False, parent=self
        )
        self._org_page(ui)

        self.agent_box = ui.jointAgentBox
        agent_grid, self._agent = build_person_grid(self.agent_box, "jointAgent")
        ui.agentLayout.addLayout(agent_grid)
        widgets = {k: v for k, v in self._agent.items() if k != "captions"}
        self.agent = PersonFields(
            **widgets, today=today, changed=changed, mnemonics=False, parent=self
        )
        self.agent_box.toggled.connect(self._agent_toggled)

        self.person_radio.setEnabled(person_ok)
        self.org_radio.setEnabled(org_ok)
        (self.org_radio if org_ok else self.person_radio).setChecked(True)
        self.person_radio.toggled.connect(self._kind_changed)
        self._kind_changed()
        self._agent_toggled(False)
        self.retranslate()

    def _org_page(self, ui: Any) -> None:
        self.org_name = ui.jointOrgName
        self.credit_code = ui.jointCreditCode
        self.credit_message = ui.jointCreditMessage
        self.credit_confirm = ui.jointCreditConfirm
        self.legal_rep = ui.jointLegalRep
        self.contact_name = ui.jointContactName
        self.contact_phone = ui.jointContactPhone
        self.phone_message = ui.jointPhoneMessage
        self.org_captions = [ui.orgNameCaption, ui.creditCodeCaption, ui.legalRepCaption,
                             ui.contactNameCaption, ui.contactPhoneCaption]  # fmt: skip
        for label in (self.credit_message, self.phone_message):
            label.hide()
        self.credit_confirm.hide()
        for edit in self.org_edits():
            edit.textChanged.connect(lambda _t: self._changed())
            edit.editingFinished.connect(self._changed)
        self.credit_confirm.toggled.connect(lambda _on: self._changed())

    def tab_chain(self) -> list[QWidget]:
        """The party's fields in the order Tab walks them (hidden ones are skipped)."""
        person = [self._person[k] for k in ("name_edit", "type_combo", "id_edit", "phone_edit")]
        agent = [self._agent[k] for k in ("name_edit", "type_combo", "id_edit", "phone_edit")]
        return [self.person_radio, self.org_radio, *person, self.org_name, self.credit_code,
                self.credit_confirm, self.legal_rep, self.contact_name, self.contact_phone,
                self.agent_box, *agent]  # fmt: skip

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Applicant"))
        self.person_radio.setText(self.tr("&Person"))
        self.org_radio.setText(self.tr("&Organization"))
        for caption, text in zip(
            self.org_captions,
            (
                self.tr("Organization name:"),
                self.tr("Credit code:"),
                self.tr("Legal representative:"),
                self.tr("Contact person:"),
                self.tr("Contact phone:"),
            ),
            strict=True,
        ):
            caption.setText(text)
        self.credit_confirm.setText(self.tr("Checked against the business licence"))
        self.agent_box.setTitle(self.tr("A&gent (代办人)"))
        self.person.fill_types()
        self.agent.fill_types()
        self.person.retranslate_captions(self._person["captions"])
        self.agent.retranslate_captions(self._agent["captions"])

    def org_edits(self) -> list[QLineEdit]:
        return [self.org_name, self.credit_code, self.legal_rep, self.contact_name,
                self.contact_phone]  # fmt: skip

    def is_person(self) -> bool:
        return self.person_radio.isChecked()

    def has_agent(self) -> bool:
        return self.agent_box.isChecked()

    def first_field(self) -> QWidget:
        return self.person.name_edit if self.is_person() else self.org_name

    def _kind_changed(self) -> None:
        self.stack.setCurrentIndex(0 if self.is_person() else 1)
        self._changed()

    def _agent_toggled(self, on: bool) -> None:
        show_agent_fields(self.agent_box, self._agent, on)
        if on and not self._restoring:
            QTimer.singleShot(0, self._agent["name_edit"].setFocus)
        self._changed()

    # -- park and resume -----------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The parties as a parked form keeps them (the single intake's keys)."""
        return {
            "kind": "person" if self.is_person() else "organization",
            "person": self.person.snapshot(),
            "organization": {
                "name": self.org_name.text(),
                "credit_code": self.credit_code.text(),
                "credit_confirmed": self.credit_confirm.isChecked(),
                "legal_representative": self.legal_rep.text(),
                "contact_name": self.contact_name.text(),
                "phone": self.contact_phone.text(),
            },
            "agent": self.agent.snapshot() if self.has_agent() else None,
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Fill the parties from a ``snapshot`` (a kind no part serves stays unchosen)."""
        self._restoring = True
        try:
            radio = self.org_radio if state.get("kind") == "organization" else self.person_radio
            if radio.isEnabled():
                radio.setChecked(True)
            self.person.restore(state.get("person") or {})
            org = state.get("organization") or {}
            self.org_name.setText(org.get("name", ""))
            self.credit_code.setText(org.get("credit_code", ""))
            self.credit_confirm.setChecked(bool(org.get("credit_confirmed")))
            self.legal_rep.setText(org.get("legal_representative", ""))
            self.contact_name.setText(org.get("contact_name", ""))
            self.contact_phone.setText(org.get("phone", ""))
            agent = state.get("agent")
            self.agent_box.setChecked(agent is not None)
            if agent:
                self.agent.restore(agent)
        finally:
            self._restoring = False

    # -- values ------------------------------------------------------------------------

    def applicant(self) -> intake.Applicant:
        if self.is_person():
            return intake.Applicant(**self.person.values())
        return intake.Applicant(
            kind="organization",
            name=self.org_name.text().strip(),
            id_type="credit_code",
            id_number=check_credit_code(self.credit_code.text()).value,
            legal_representative=self.legal_rep.text().strip(),
            contact_name=self.contact_name.text().strip(),
            phone=self.contact_phone.text().strip(),
        )

    def agent_value(self) -> intake.Applicant | None:
        return intake.Applicant(**self.agent.values()) if self.has_agent() else None

    # -- checks ------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """What is missing or wrong in the parties, each with its widget."""
        who = self.tr("Applicant")
        if self.is_person():
            out = self.person.problems(who=who, phone_required=True)
        else:
            out = self._org_problems()
        if self.has_agent():
            out += self.agent.problems(who=self.tr("Agent"), phone_required=False)
        return out

    def _org_problems(self) -> list[Problem]:
        out: list[Problem] = []
        if not self.org_name.text().strip():
            out.append((self.tr("Organization name"), self.org_name))
        code = self.credit_code.text()
        ccheck = check_credit_code(code)
        if not code.strip():
            show_issues(self.credit_message, [], [])
            self.credit_confirm.hide()
            out.append((self.tr("Unified social credit code"), self.credit_code))
        else:
            typing = focused(self.credit_code) and len(ccheck.value) < 18
            show_issues(self.credit_message, [] if typing else ccheck.errors, ccheck.warnings)
            self.credit_confirm.setVisible(bool(ccheck.warnings) and not ccheck.errors)
            if ccheck.errors:
                out.append((self.tr("A valid unified social credit code"), self.credit_code))
            elif ccheck.warnings and not self.credit_confirm.isChecked():
                out.append(
                    (self.tr("Confirm the credit code against the business licence"),
                     self.credit_confirm)
                )  # fmt: skip
        if not self.legal_rep.text().strip():
            out.append((self.tr("Legal representative"), self.legal_rep))
        if not self.contact_name.text().strip():
            out.append((self.tr("Contact person"), self.contact_name))
        phone = self.contact_phone.text().strip()
        if not phone:
            show_issues(self.phone_message, [], [])
            out.append((self.tr("Contact phone"), self.contact_phone))
        else:
            errors = contact_phone_errors(phone)
            show_issues(self.phone_message, errors, [])
            if errors:
                out.append((self.tr("A valid contact phone"), self.contact_phone))
        return out


def error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
