"""Changing one's password: forced at sign-in, or File ▸ Change password… on the desk and
the dashboard.

:class:`PasswordDialog` asks for the current password (not when the sign-in just gave it),
the new one and the new one again, and says why the records service refused a password in
plain words next to the field concerned. Keyboard first: Enter changes, Esc cancels, Tab
goes current → new → repeat → the buttons, every label has its Alt+letter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op

log = logging.getLogger("clerk.gui")

ERROR_STYLE = "color: #b3261e;"
# How long the status bar says the password was changed (ms).
CHANGED_MESSAGE_MS = 15_000


class PasswordDialog(QDialog):
    """Current password, new password, new password again; the change runs off the GUI
    thread.

    Args:
        change: ``change(current, new) -> result``; runs on a worker thread and raises
            ``PasswordChangeRefused`` (or a connection error) when the password is not
            changed.
        username: whose password (shown).
        forced: the service asks for a new password before anything else (after a reset,
            ``create-user`` or expiry); the dialog says so.
        current_password: the current password when the clerk has just typed it at the
            sign-in (its field is then not shown); empty: asked.

    Signals:
        changed(object): what ``change`` returned; the dialog then accepts.
    """

    changed = Signal(object)

    def __init__(
        self,
        change: Callable[[str, str], Any],
        *,
        username: str,
        forced: bool = False,
        current_password: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self._change = change
        self._username = username
        self._forced = forced
        self._given_current = current_password
        self._busy = False
        self.result_value: Any = None

        self.intro = QLabel(self)
        self.intro.setObjectName("passwordIntro")
        self.intro.setWordWrap(True)
        self.rules = QLabel(self)
        self.rules.setObjectName("passwordRules")
        self.rules.setWordWrap(True)

        self.current_edit = self._password_edit("currentPasswordEdit")
        self.new_edit = self._password_edit("newPasswordEdit")
        self.repeat_edit = self._password_edit("repeatPasswordEdit")
        self.current_error = self._error_label("currentPasswordError")
        self.new_error = self._error_label("newPasswordError")
        self.repeat_error = self._error_label("repeatPasswordError")
        self.error_label = self._error_label("passwordError")

        self.current_label = QLabel(self)
        self.current_label.setBuddy(self.current_edit)
        self.new_label = QLabel(self)
        self.new_label.setBuddy(self.new_edit)
        self.repeat_label = QLabel(self)
        self.repeat_label.setBuddy(self.repeat_edit)

        form = QFormLayout()
        form.addRow(self.current_label, self.current_edit)
        form.addRow("", self.current_error)
        form.addRow(self.new_label, self.new_edit)
        form.addRow("", self.new_error)
        form.addRow(self.repeat_label, self.repeat_edit)
        form.addRow("", self.repeat_error)
        if current_password:
            form.setRowVisible(0, False)
            form.setRowVisible(1, False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("changePasswordButton")
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.rules)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        first = self.new_edit if current_password else self.current_edit
        if not current_password:
            QWidget.setTabOrder(self.current_edit, self.new_edit)
        QWidget.setTabOrder(self.new_edit, self.repeat_edit)
        QWidget.setTabOrder(self.repeat_edit, self.ok_button)
        QWidget.setTabOrder(self.ok_button, self.cancel_button)
        self.retranslate()
        self.setMinimumWidth(480)
        first.setFocus()

    def _password_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(256)
        edit.textEdited.connect(lambda _t: self._clear_errors())
        return edit

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language (again)."""
        self.setWindowTitle(self.tr("Change password — Window Clerk"))
        if self._forced:
            self.intro.setText(
                self.tr(
                    "The password of %1 was set by someone else or has expired. Choose a "
                    "new password of your own to continue."
                ).replace("%1", self._username)
            )
        else:
            self.intro.setText(self.tr("Change the password of %1.").replace("%1", self._username))
        self.rules.setText(
            self.tr(
                "A good password is long and hard to guess: at least 10 characters, not your "
                "user name, not a common word, name, date or keyboard pattern. Three or four "
                "unrelated words with a number are easy to remember."
            )
        )
        self.current_label.setText(self.tr("&Current password:"))
        self.new_label.setText(self.tr("&New password:"))
        self.repeat_label.setText(self.tr("&Repeat new password:"))
        self._set_ok_text()
        self.cancel_button.setText(self.tr("Cancel"))

    def _set_ok_text(self) -> None:
        if self._busy:
            self.ok_button.setText(self.tr("Changing…"))
        else:
            self.ok_button.setText(self.tr("C&hange password"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "ok_button"):
            self.retranslate()
        super().changeEvent(event)

    # -- errors -----------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        for label in (self.current_error, self.new_error, self.repeat_error, self.error_label):
            label.clear()
            label.hide()

    def _show(self, label: QLabel, edit: QLineEdit | None, text: str) -> None:
        self._clear_errors()
        label.setText(text)
        label.show()
        if edit is not None:
            edit.selectAll()
            edit.setFocus()

    def error_text(self) -> str:
        """Every error shown now, in one line (tests, smoke runs)."""
        labels = (self.current_error, self.new_error, self.repeat_error, self.error_label)
        return " ".join(label.text() for label in labels if not label.isHidden())

    # -- changing ---------------------------------------------------------------------------

    def submit(self) -> None:
        """Check what can be checked here (filled in, the same twice), then ask the service
        (the default button / Enter)."""
        if self._busy:
            return
        current = self._given_current or self.current_edit.text()
        new = self.new_edit.text()
        if not current:
            self._show(
                self.current_error, self.current_edit, self.tr("Type your current password.")
            )
            return
        if not new:
            self._show(self.new_error, self.new_edit, self.tr("Type a new password."))
            return
        if self.repeat_edit.text() != new:
            self._show(
                self.repeat_error,
                self.repeat_edit,
                self.tr("The two new passwords are not the same. Type the new one again."),
            )
            return
        Op(self, lambda: self._change(current, new)).busy(self._set_busy).success(
            self._succeeded
        ).failure(self._failed).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)
        if busy:
            self._clear_errors()
        self._set_ok_text()

    def _succeeded(self, result: Any) -> None:
        self.result_value = result
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self._given_current = ""
        self.changed.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from clerk_app.app.password import PasswordChangeRefused

        if not isinstance(exc, PasswordChangeRefused):
            log.info("password change failed: %s", exc)
            self._show(self.error_label, self.new_edit, error_message(exc))
            return
        log.info("password change refused: %s (%s)", exc.reason, exc)
        text = refusal_text(exc.reason, exc.limit)
        if exc.field == "current" and not self._given_current:
            self._show(self.current_error, self.current_edit, text)
        elif exc.field == "current":  # the sign-in's password no longer works: sign in again
            self._show(self.error_label, None, text)
        elif exc.field == "new":
            self.repeat_edit.clear()
            self._show(self.new_error, self.new_edit, text)
        else:
            self._show(self.error_label, None, text)

    def reject(self) -> None:
        if self._busy:  # the answer is on its way: it decides
            return
        self._given_current = ""
        super().reject()


def refusal_text(reason: str, limit: int | None = None) -> str:
    """A refused password change in plain words (``PasswordChangeRefused.reason``)."""
    translate = QCoreApplication.translate
    if reason == "too-short":
        return translate("PasswordDialog", "Too short: use at least %1 characters.").replace(
            "%1", str(limit or 10)
        )
    if reason == "too-long":
        return translate("PasswordDialog", "Too long: use at most %1 characters.").replace(
            "%1", str(limit or 128)
        )
    texts = {
        "wrong-current": translate("PasswordDialog", "The current password is not right."),
        "contains-username": translate(
            "PasswordDialog", "The password must not contain your user name."
        ),
        "repeated": translate(
            "PasswordDialog", "The password must not be one or two characters repeated."
        ),
        "guessable": translate(
            "PasswordDialog",
            "Too easy to guess: it is a common word, name, date or keyboard pattern, or "
            "close to one. Try three or four unrelated words with a number.",
        ),
        "same-as-current": translate(
            "PasswordDialog", "The new password must differ from the current one."
        ),
        "signed-in-offline": translate(
            "PasswordDialog",
            "You signed in offline: the password can only be changed while the records "
            "service can be reached. Sign out, and sign in again when it is back.",
        ),
        "session-ended": translate(
            "PasswordDialog",
            "Your sign-in has ended. Sign out and sign in again, then change the password.",
        ),
    }
    return texts.get(reason) or translate(
        "PasswordDialog", "The records service does not accept this password. Choose a longer one."
    )


def open_password_change(parent: QWidget, context: Any, session: Any) -> PasswordDialog:
    """File ▸ Change password…: the dialog for the signed-in user, opened window-modal;
    after a change the parent's status bar says so."""

    def change(current: str, new: str) -> Any:
        from clerk_app.app.password import change_password

        return change_password(context, session, current, new)

    dialog = PasswordDialog(change, username=session.username, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if isinstance(parent, QMainWindow):
        dialog.changed.connect(
            lambda _s: parent.statusBar().showMessage(
                QCoreApplication.translate(
                    "PasswordDialog",
                    "Your password was changed. Use the new one from now on, also to sign "
                    "in offline at this window.",
                ),
                CHANGED_MESSAGE_MS,
            )
        )
    dialog.open()
    return dialog


def forced_change(
    parent: QWidget, context: Any, session: Any, current_password: str
) -> PasswordDialog:
    """The change the service asks for at sign-in (``session.password_change_required``),
    with the password the clerk has just typed; opened window-modal over ``parent``."""

    def change(current: str, new: str) -> Any:
        from clerk_app.app.password import change_password

        return change_password(context, session, current, new)

    dialog = PasswordDialog(
        change,
        username=session.username,
        forced=True,
        current_password=current_password,
        parent=parent,
    )
    dialog.open()
    return dialog


def give_up(context: Any, session: Any) -> None:
    """The forced change was cancelled: end that sign-in (worker thread)."""
    from clerk_app.app.password import give_up_forced_change

    give_up_forced_change(context, session)
