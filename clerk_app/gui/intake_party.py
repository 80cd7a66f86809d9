"""A person's fields on the intake form (the applicant, or the agent 代办人).

Name, document type, document number (checked only as far as its type defines a format),
the birth date and sex read from a resident ID shown next to it for the clerk to compare,
and a phone. An ID card reader that types like a keyboard works: the number field selects
its old content when it gets the focus (the burst replaces it, no character is lost), stays
quiet while fewer than 18 characters are in, and Enter moves on to the next field.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from clerk_app.core.identity import IdType, check_document, check_mobile
from clerk_app.gui.intake_texts import id_type_names, intake_issue_text

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
DERIVED_STYLE = "color: #1b4f8a; font-weight: bold;"

# A problem of the form: the sentence and the widget to put the focus on.
Problem = tuple[str, QWidget]

# A contact phone that is not a mobile number: digits and a few separators.
_PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")


def contact_phone_errors(phone: str) -> list[Any]:
    """An organization's contact phone: a mobile number is checked as one, a landline
    only for its characters."""
    if (phone.startswith("1") and len(phone) >= 11) or not _PHONE.match(phone):
        return check_mobile(phone).errors
    return []


def show_agent_fields(box: QGroupBox, widgets: dict[str, Any], on: bool) -> None:
    """The agent's box ticked or not (``widgets`` as ``build_person_grid`` made them):
    unticked, the box is a single line, no empty frame under its title."""
    box.setFlat(not on)
    box.setMaximumHeight(16_777_215 if on else box.fontMetrics().height() + 6)
    for key, widget in widgets.items():
        if key == "captions":
            for caption in widget:
                caption.setVisible(on)
        elif key not in ("id_message", "phone_message"):
            widget.setVisible(on)
        elif not on:
            widget.hide()


def show_issues(label: QLabel, errors: list[Any], warnings: list[Any]) -> None:
    """Show the errors (red) or else the warnings (amber) under a field; hide when none."""
    issues = errors or warnings
    label.setStyleSheet(ERROR_STYLE if errors else WARNING_STYLE)
    label.setText("\n".join(intake_issue_text(i) for i in issues))
    label.setVisible(bool(issues))


def focused(widget: QWidget) -> bool:
    """The widget has the keyboard focus of its window (active or not)."""
    return widget.hasFocus() or widget.window().focusWidget() is widget


class _ReaderFriendly(QObject):
    """Select all on focus (a card reader's burst replaces old text); Enter moves on."""

    def __init__(self, edit: QLineEdit, after_enter: Any) -> None:
        super().__init__(edit)
        self._edit = edit
        self._after_enter = after_enter
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and self._edit.text():
            # After the focus event the line edit would move the cursor: select afterwards.
            QTimer.singleShot(0, self._edit.selectAll)
        elif (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._after_enter()
            return True
        return False


class PersonFields(QObject):
    """Checks and values of one person's widgets (made by Designer, or by ``build``).

    Args:
        name_edit, type_combo, id_edit, id_caption, id_message, derived_label, phone_edit,
        phone_message: the widgets.
        today: ``() -> date`` (birth dates may not be later).
        changed: called after every change (the form revalidates).
    """

    def __init__(
        self,
        *,
        name_edit: QLineEdit,
        type_combo: QComboBox,
        id_edit: QLineEdit,
        id_caption: QLabel,
        id_message: QLabel,
        derived_label: QLabel,
        phone_edit: QLineEdit,
        phone_message: QLabel,
        today: Any,
        changed: Any,
        mnemonics: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._mnemonics = mnemonics
        self.name_edit = name_edit
        self.type_combo = type_combo
        self.id_edit = id_edit
        self.id_caption = id_caption
        self.id_message = id_message
        self.derived_label = derived_label
        self.phone_edit = phone_edit
        self.phone_message = phone_message
        self._today = today
        self._changed = changed
        id_edit.setMaxLength(40)
        phone_edit.setMaxLength(20)
        derived_label.setStyleSheet(DERIVED_STYLE)
        # Room for "出生 1990-03-07 · 男" / "Born 1990-03-07 · male" next to the number.
        id_edit.setMaximumWidth(id_edit.fontMetrics().horizontalAdvance("M" * 22))
        derived_label.setMinimumWidth(
            derived_label.fontMetrics().horizontalAdvance("Born 0000-00-00 · female")
        )
        derived_label.setObjectName(derived_label.objectName() or "derivedLabel")
        for label in (id_message, phone_message):
            label.setWordWrap(True)
            label.hide()
        self.fill_types()
        type_combo.currentIndexChanged.connect(self._type_changed)
        for edit in (name_edit, id_edit, phone_edit):
            edit.textChanged.connect(lambda _t: self._changed())
            edit.editingFinished.connect(self._changed)
        self._reader = _ReaderFriendly(id_edit, self._after_id_enter)
        self._type_changed()

    def fill_types(self) -> None:
        """(Re)fill the document types in the current language, keeping the choice."""
        current = self.id_type()
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        for value, name in id_type_names():
            self.type_combo.addItem(name, value)
        self.set_id_type(current or IdType.RESIDENT_ID.value)
        self.type_combo.blockSignals(False)

    @staticmethod
    def retranslate_captions(captions: tuple[QLabel, QLabel, QLabel]) -> None:
        """The captions ``build_person_grid`` made (name, document type, mobile)."""
        name, kind, mobile = captions
        name.setText(QCoreApplication.translate("PersonFields", "Name:"))
        kind.setText(QCoreApplication.translate("PersonFields", "Document type:"))
        mobile.setText(QCoreApplication.translate("PersonFields", "Mobile:"))

    def _after_id_enter(self) -> None:
        self._changed()
        self.phone_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def _type_changed(self, _index: int = 0) -> None:
        tooltip = QCoreApplication.translate(
            "PersonFields", "Resident ID: 18 characters; a card reader may type it in"
        )
        self.id_edit.setToolTip(tooltip if self.is_resident_id() else "")
        self.id_edit.setMaxLength(18 if self.is_resident_id() else 40)
        self._changed()

    # -- values ------------------------------------------------------------------------

    def id_type(self) -> str:
        return str(self.type_combo.currentData() or "")

    def set_id_type(self, value: str) -> None:
        index = self.type_combo.findData(value)
        self.type_combo.setCurrentIndex(max(index, 0))

    def is_resident_id(self) -> bool:
        return self.id_type() == IdType.RESIDENT_ID.value

    def check(self) -> Any:
        return check_document(self.id_type(), self.id_edit.text(), self._today())

    def values(self) -> dict[str, Any]:
        """``{kind, name, id_type, id_number, phone}`` as the case body wants it."""
        phone = self.phone_edit.text()
        mobile = check_mobile(phone)
        return {
            "kind": "person",
            "name": self.name_edit.text().strip(),
            "id_type": self.id_type(),
            "id_number": self.check().value,
            "phone": mobile.value if mobile.ok else phone.strip(),
        }

    def is_empty(self) -> bool:
        return not any(e.text().strip() for e in (self.name_edit, self.id_edit, self.phone_edit))

    def snapshot(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text(),
            "id_type": self.id_type(),
            "id_number": self.id_edit.text(),
            "phone": self.phone_edit.text(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        self.set_id_type(state.get("id_type") or IdType.RESIDENT_ID.value)
        self.name_edit.setText(state.get("name", ""))
        self.id_edit.setText(state.get("id_number", ""))
        self.phone_edit.setText(state.get("phone", ""))

    def clear(self) -> None:
        for edit in (self.name_edit, self.id_edit, self.phone_edit):
            edit.clear()
        self.set_id_type(IdType.RESIDENT_ID.value)

    # -- checks ------------------------------------------------------------------------

    def problems(self, *, who: str, phone_required: bool) -> list[Problem]:
        """What is missing or wrong, each with its widget; updates the messages shown."""
        out: list[Problem] = []
        if not self.name_edit.text().strip():
            out.append(
                (
                    QCoreApplication.translate("PersonFields", "%1: name").replace("%1", who),
                    self.name_edit,
                )
            )
        text = self.id_edit.text()
        check = self.check()
        self.derived_label.setText("")
        caption = (
            QCoreApplication.translate("PersonFields", "Resident ID n&umber:")
            if self.is_resident_id()
            else QCoreApplication.translate("PersonFields", "Document n&umber:")
        )
        if not self._mnemonics:  # "证件号码(&U)：" → "证件号码：", "Document n&umber:" → "…number:"
            caption = re.sub(r"\(&\w\)", "", caption).replace("&", "")
        self.id_caption.setText(caption)
        typing = focused(self.id_edit) and (
            len(check.value) < 18 if self.is_resident_id() else True
        )
        if not text.strip():
            show_issues(self.id_message, [], [])
            out.append(
                (
                    QCoreApplication.translate("PersonFields", "%1: document number").replace(
                        "%1", who
                    ),
                    self.id_edit,
                )
            )
        elif typing and check.errors:
            show_issues(self.id_message, [], [])
            out.append(
                (
                    QCoreApplication.translate(
                        "PersonFields", "%1: document number (incomplete)"
                    ).replace("%1", who),
                    self.id_edit,
                )
            )
        else:
            show_issues(self.id_message, check.errors, check.warnings)
            if check.errors:
                out.append(
                    (
                        QCoreApplication.translate(
                            "PersonFields", "%1: a valid document number"
                        ).replace("%1", who),
                        self.id_edit,
                    )
                )
        if check.birth_date is not None and check.sex is not None and not check.errors:
            sex = (
                QCoreApplication.translate("PersonFields", "male")
                if check.sex == "male"
                else QCoreApplication.translate("PersonFields", "female")
            )
            self.derived_label.setText(
                QCoreApplication.translate("PersonFields", "Born %1 · %2")
                .replace("%1", check.birth_date.isoformat())
                .replace("%2", sex)
            )
        phone = self.phone_edit.text()
        if not phone.strip():
            show_issues(self.phone_message, [], [])
            if phone_required:
                out.append(
                    (
                        QCoreApplication.translate("PersonFields", "%1: mobile number").replace(
                            "%1", who
                        ),
                        self.phone_edit,
                    )
                )
        else:
            mobile = check_mobile(phone)
            done = len(mobile.value) >= 11 or not focused(self.phone_edit)
            show_issues(self.phone_message, mobile.errors if done else [], [])
            if mobile.errors:
                out.append(
                    (
                        QCoreApplication.translate(
                            "PersonFields", "%1: a valid mobile number"
                        ).replace("%1", who),
                        self.phone_edit,
                    )
                )
        return out


def build_person_grid(parent: QWidget, prefix: str) -> tuple[QGridLayout, dict[str, Any]]:
    """The same fields as the applicant's person page, made in code (for the agent)."""
    grid = QGridLayout()
    grid.setColumnStretch(0, 0)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(2, 0)
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(4)
    w: dict[str, Any] = {
        "name_edit": QLineEdit(parent),
        "type_combo": QComboBox(parent),
        "id_edit": QLineEdit(parent),
        "id_caption": QLabel(parent),
        "id_message": QLabel(parent),
        "derived_label": QLabel(parent),
        "phone_edit": QLineEdit(parent),
        "phone_message": QLabel(parent),
    }
    for key, widget in w.items():
        widget.setObjectName(prefix + key.title().replace("_", ""))
    w["name_edit"].setMaxLength(50)
    # No mnemonics: Alt+G reaches the agent's box, Tab its fields (the applicant's own
    # fields keep the Alt keys).
    name_caption = QLabel(QCoreApplication.translate("PersonFields", "Name:"), parent)
    name_caption.setBuddy(w["name_edit"])
    type_caption = QLabel(QCoreApplication.translate("PersonFields", "Document type:"), parent)
    type_caption.setBuddy(w["type_combo"])
    w["id_caption"].setBuddy(w["id_edit"])
    phone_caption = QLabel(QCoreApplication.translate("PersonFields", "Mobile:"), parent)
    phone_caption.setBuddy(w["phone_edit"])
    grid.addWidget(name_caption, 0, 0)
    grid.addWidget(w["name_edit"], 0, 1, 1, 2)
    grid.addWidget(type_caption, 1, 0)
    grid.addWidget(w["type_combo"], 1, 1, 1, 2)
    grid.addWidget(w["id_caption"], 2, 0)
    id_row = QHBoxLayout()
    id_row.addWidget(w["id_edit"])
    id_row.addWidget(w["derived_label"], 1)
    grid.addLayout(id_row, 2, 1, 1, 2)
    grid.addWidget(w["id_message"], 3, 1, 1, 2)
    grid.addWidget(phone_caption, 4, 0)
    grid.addWidget(w["phone_edit"], 4, 1, 1, 2)
    grid.addWidget(w["phone_message"], 5, 1, 1, 2)
    w["captions"] = (name_caption, type_caption, phone_caption)
    return grid, w
