"""The calling bar's two small dialogs: where to transfer a ticket (a category of the hall,
or a window by its code) and why the window pauses (暂停服务). Keyboard first: the first
field has the focus, Enter confirms, Esc cancels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class TransferDialog(QDialog):
    """Transfer ticket ``number`` to a category (listed), to a window (typed code), or to
    a window for a category: Tab goes from the category to the window.

    Args:
        number: the ticket at the window.
        categories: the hall's categories (``code``, ``prefix``, ``name``).
    """

    def __init__(self, number: str, categories: Sequence[Any], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.number = number
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.category_box = QComboBox(self)
        self.category_box.setObjectName("transferCategory")
        self.category_box.addItem("", None)  # the window's choice: its own category
        for category in categories:
            self.category_box.addItem(f"{category.prefix} {category.name}", category.code)
        self.category_label = QLabel(self)
        self.category_label.setBuddy(self.category_box)
        self.window_edit = QLineEdit(self)
        self.window_edit.setObjectName("transferWindow")
        self.window_edit.setMaxLength(16)
        self.window_label = QLabel(self)
        self.window_label.setBuddy(self.window_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout()
        form.addRow(self.category_label, self.category_box)
        form.addRow(self.window_label, self.window_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.window_edit.textChanged.connect(self._check)
        self.category_box.currentIndexChanged.connect(self._check)
        self.retranslate()
        self._check()
        self.category_box.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Transfer ticket %1").replace("%1", self.number))
        self.note.setText(
            self.tr(
                "Choose a category, or type a window's code (or both). The ticket keeps its "
                "place in the queue it joins."
            )
        )
        self.category_label.setText(self.tr("&Category:"))
        self.window_label.setText(self.tr("&Window (code):"))
        self.category_box.setItemText(0, self.tr("(the window's own)"))
        self.category_box.setAccessibleName(self.tr("Category to transfer to"))
        self.window_edit.setAccessibleName(self.tr("Window to transfer to"))
        self.window_edit.setPlaceholderText(self.tr("e.g. W02"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _check(self, *_args: Any) -> None:
        category, window = self.target()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(category or window))

    def target(self) -> tuple[str | None, str | None]:
        """``(category, window)``; None for what was not chosen."""
        category = self.category_box.currentData()
        window = self.window_edit.text().strip().upper()
        return (str(category) if category else None), (window or None)


class PauseDialog(QDialog):
    """Why the window pauses: one of the usual reasons, or the clerk's own words."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("pauseDialog")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.reason_box = QComboBox(self)
        self.reason_box.setObjectName("pauseReason")
        self.reason_box.setEditable(True)
        self.reason_label = QLabel(self)
        self.reason_label.setBuddy(self.reason_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_box.editTextChanged.connect(self._check)
        self.retranslate()
        self.reason_box.setCurrentIndex(-1)
        self.reason_box.setEditText("")
        self._check()
        self.reason_box.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Pause the service"))
        self.note.setText(
            self.tr(
                "The window calls no ticket until you resume. The reason is shown on the "
                "window's own screen."
            )
        )
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason_box.setAccessibleName(self.tr("Reason for the pause"))
        self.reason_box.lineEdit().setAccessibleName(self.tr("Reason for the pause"))
        text = self.reason_box.currentText()
        self.reason_box.clear()
        self.reason_box.addItems(
            [
                self.tr("Lunch break"),
                self.tr("Consulting the back office"),
                self.tr("System fault"),
                self.tr("Meeting"),
            ]
        )
        self.reason_box.setEditText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _check(self, *_args: Any) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()))

    def reason(self) -> str:
        return " ".join(self.reason_box.currentText().split())
