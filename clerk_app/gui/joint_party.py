"""The applicant of a joint intake, entered once: a person (the single intake's
``PersonFields``) or an organization (name, unified social credit code, legal
representative, contact and phone), and an optional agent (代办人)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core import intake
from clerk_app.core.identity import check_credit_code, check_mobile
from clerk_app.gui.intake_party import (
    ERROR_STYLE,
    PersonFields,
    Problem,
    build_person_grid,
    focused,
    show_issues,
)

_PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")


class JointParty(QObject):
    """The applicant and agent boxes of the joint intake.

    Args:
        parent: the widget the boxes are made in.
        today: ``() -> date``.
        changed: called after every change.
        person_ok, org_ok: which applicant kinds every part's item serves.
    """

    def __init__(
        self,
        parent: QWidget,
        *,
        today: Any,
        changed: Any,
        person_ok: bool = True,
        org_ok: bool = True,
    ) -> None:
        super().__init__(parent)
        self._changed = changed
        self.box = QGroupBox(parent)
        self.box.setObjectName("jointApplicantBox")
        layout = QVBoxLayout(self.box)
        kinds = QHBoxLayout()
        self.person_radio = QRadioButton(self.box)
        self.person_radio.setObjectName("jointPersonRadio")
        self.org_radio = QRadioButton(self.box)
        self.org_radio.setObjectName("jointOrgRadio")
        group = QButtonGroup(self)
        group.addButton(self.person_radio)
        group.addButton(self.org_radio)
        kinds.addWidget(self.person_radio)
        kinds.addWidget(self.org_radio)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        self.stack = QStackedWidget(self.box)
        person_page = QWidget(self.stack)
        grid, self._person = build_person_grid(person_page, "jointApplicant")
        person_page.setLayout(grid)
        widgets = {k: v for k, v in self._person.items() if k != "captions"}
        self.person = PersonFields(
            **widgets, today=today, changed=changed, mnemonics=False, parent=self
        )
        self.stack.addWidget(person_page)
        self.stack.addWidget(self._org_page())
        layout.addWidget(self.stack)

        self.agent_box = QGroupBox(parent)
        self.agent_box.setObjectName("jointAgentBox")
        self.agent_box.setCheckable(True)
        self.agent_box.setChecked(False)
        agent_grid, self._agent = build_person_grid(self.agent_box, "jointAgent")
        self.agent_box.setLayout(agent_grid)
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

    def _org_page(self) -> QWidget:
        page = QWidget(self.stack)
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        self.org_name = QLineEdit(page)
        self.org_name.setObjectName("jointOrgName")
        self.credit_code = QLineEdit(page)
        self.credit_code.setObjectName("jointCreditCode")
        self.credit_code.setMaxLength(18)
        self.credit_message = QLabel(page)
        self.credit_message.setWordWrap(True)
        self.credit_confirm = QCheckBox(page)
        self.credit_confirm.setObjectName("jointCreditConfirm")
        self.legal_rep = QLineEdit(page)
        self.legal_rep.setObjectName("jointLegalRep")
        self.contact_name = QLineEdit(page)
        self.contact_name.setObjectName("jointContactName")
        self.contact_phone = QLineEdit(page)
        self.contact_phone.setObjectName("jointContactPhone")
        self.phone_message = QLabel(page)
        self.org_captions = [QLabel(page) for _ in range(5)]
        rows = [
            (self.org_captions[0], self.org_name),
            (self.org_captions[1], self.credit_code),
            (None, self.credit_message),
            (None, self.credit_confirm),
            (self.org_captions[2], self.legal_rep),
            (self.org_captions[3], self.contact_name),
            (self.org_captions[4], self.contact_phone),
            (None, self.phone_message),
        ]
        for row, (caption, widget) in enumerate(rows):
            if caption is not None:
                caption.setBuddy(widget)
                grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1)
        for label in (self.credit_message, self.phone_message):
            label.hide()
        self.credit_confirm.hide()
        for edit in self.org_edits():
            edit.textChanged.connect(lambda _t: self._changed())
            edit.editingFinished.connect(self._changed)
        self.credit_confirm.toggled.connect(lambda _on: self._changed())
        return page

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
        # Unticked, the box is a single line: no empty frame under its title.
        box = self.agent_box
        box.setFlat(not on)
        box.setMaximumHeight(16_777_215 if on else box.fontMetrics().height() + 6)
        for key, widget in self._agent.items():
            if key == "captions":
                for caption in widget:
                    caption.setVisible(on)
            elif key not in ("id_message", "phone_message"):
                widget.setVisible(on)
            elif not on:
                widget.hide()
        if on:
            QTimer.singleShot(0, self._agent["name_edit"].setFocus)
        self._changed()

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
            errors = []
            if (phone.startswith("1") and len(phone) >= 11) or not _PHONE.match(phone):
                errors = check_mobile(phone).errors
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
