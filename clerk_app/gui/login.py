"""The sign-in dialog: user name and password; window and server come from provisioning.

When the service asks for a new password first (set by someone else, or expired), the
sign-in opens :class:`~clerk_app.gui.password_dialog.PasswordDialog` with the password
just typed; after the change the sign-in completes, and a cancel comes back here, signed
out, with a plain message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from clerk_app.gui.forms.ui_login_dialog import Ui_LoginDialog

log = logging.getLogger("clerk.gui")

ERROR_STYLE = "color: #b3261e;"

# Qt's values, set through Qt's properties: the sign-in window is shown before PySide6
# builds its ``Qt`` namespace (~10 ms of Python enums at its first use, issue 21).
_ALIGN_RIGHT_VCENTER = 0x0002 | 0x0080  # Qt::AlignRight | Qt::AlignVCenter
_NO_FOCUS = 0  # Qt::NoFocus
_SELECTABLE_BY_MOUSE = 0x1  # Qt::TextSelectableByMouse


class LoginDialog(QDialog):
    """Asks for user name and password and signs in off the GUI thread.

    Args:
        sign_in: ``sign_in(username, password) -> session``; runs on a worker thread and
            raises ``ApiError``/``NetworkError``/``TlsError`` on failure.
        center_name: shown at the top.
        window_code: the window this client is provisioned for (read-only); None when the
            provisioning is read after the window is shown (``clerk-app``, issue 21): the
            window is then filled in by :meth:`show_provisioning`, and signing in waits
            for it.
        window_name: its name, shown next to the code.
        server: the records service URL (shown so IT can see where the client talks to).
        context: the ``AppContext``: with it, a sign-in whose session says
            ``password_change_required`` asks for a new password before it completes.

    Signals:
        signed_in(object): the session returned by ``sign_in``; the dialog then accepts.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        sign_in: Callable[[str, str], Any],
        *,
        center_name: str = "",
        window_code: str | None,
        window_name: str = "",
        server: str = "",
        context: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sign_in = sign_in
        self._context = context
        self.session: Any = None
        # The forced password change, while it is open.
        self.password_dialog: Any = None
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.ui.formLayout.setProperty("labelAlignment", _ALIGN_RIGHT_VCENTER)
        self.ui.windowEdit.setProperty("focusPolicy", _NO_FOCUS)  # read-only, not a stop
        self.ui.serverLabel.setProperty("textInteractionFlags", _SELECTABLE_BY_MOUSE)
        # The stretch above the buttons (Designer's spacer made PySide6 build its QSizePolicy
        # and QSpacerItem types, ~1 ms, before the window is shown; issue 21).
        self.ui.mainLayout.addStretch()
        # Made here, by keyword: uic's QDialogButtonBox(parent) makes PySide6 weigh the
        # (Qt.Orientation, parent) constructor, which builds the Qt namespace.
        self.ui.buttonBox = QDialogButtonBox(parent=self)
        self.ui.buttonBox.setObjectName("buttonBox")
        self.ui.buttonBox.setStandardButtons(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok
        )
        self.ui.mainLayout.addWidget(self.ui.buttonBox)
        self.setWindowTitle(self.tr("Sign in — Window Clerk"))
        # The center's name in bold, 1.25 times the dialog's size; set by a style sheet
        # (the size read through QFontInfo): a QFont here would build PySide6's QFont type
        # and its eight enums (~1 ms) before the window is shown (issue 21).
        size = self.ui.centerLabel.fontInfo().pointSizeF() * 1.25
        self.ui.centerLabel.setStyleSheet(f"font-weight: bold; font-size: {size:g}pt;")
        # Until the provisioning is read, a blank line of Han text (an ideographic space:
        # a center's name is Chinese, and Han lines are taller) holds the place of the
        # center's name, and the form's "https://" that of the server: filling them in
        # keeps the window's size.
        self._provisioned = window_code is not None
        if window_code is not None:
            self._show_facts(center_name, window_code, window_name, server)
        else:
            self.ui.centerLabel.setText("\u3000")
        # Read-only facts from provisioning look like text, not like an input.
        self.ui.windowEdit.setFrame(False)
        self.ui.windowEdit.setStyleSheet("background: transparent;")
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        self.ui.errorLabel.hide()
        self.ui.errorLabel.setProperty("textInteractionFlags", _SELECTABLE_BY_MOUSE)
        self._ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("&Sign in"))
        self._ok.setObjectName("signInButton")
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.userEdit.textChanged.connect(self._update_button)
        self.ui.passwordEdit.textChanged.connect(self._update_button)
        self.ui.userEdit.setFocus()
        self._busy = False
        self._update_button()
        self.setMinimumWidth(440)
        self.adjustSize()

    # -- state ------------------------------------------------------------------------

    def _show_facts(
        self, center_name: str, window_code: str, window_name: str, server: str
    ) -> None:
        self.ui.centerLabel.setText(center_name)
        self.ui.windowEdit.setText(f"{window_code}  {window_name}".strip())
        self.ui.serverLabel.setText(server)

    def show_provisioning(
        self,
        *,
        center_name: str,
        window_code: str,
        window_name: str = "",
        server: str,
        context: Any = None,
    ) -> None:
        """Fill in what the provisioning says (the window was shown before it was read):
        the center, the window, the service; signing in is possible from now on."""
        self._show_facts(center_name, window_code, window_name, server)
        self._context = context
        self._provisioned = True
        self._update_button()
        self.adjustSize()  # (the same size unless the center's name needs more lines)

    def retranslate(self) -> None:
        """Say everything again in the language installed since (``gui.i18n``): the
        provisioning, read after the window was shown, chose another language. Call it
        once Qt's language-change events are delivered (the button box then says its
        standard words again, "OK" on the sign-in button too)."""
        self.ui.retranslateUi(self)
        self.setWindowTitle(self.tr("Sign in — Window Clerk"))
        self._ok.setText(self.tr("Signing in…") if self._busy else self.tr("&Sign in"))
        self.adjustSize()

    def _update_button(self) -> None:
        ready = bool(self.ui.userEdit.text().strip() and self.ui.passwordEdit.text())
        self._ok.setEnabled(ready and self._provisioned and not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.userEdit.setEnabled(not busy)
        self.ui.passwordEdit.setEnabled(not busy)
        if busy:
            self.show_error("")
            self._ok.setText(self.tr("Signing in…"))
        else:
            self._ok.setText(self.tr("&Sign in"))
        self._update_button()

    def show_error(self, text: str) -> None:
        """Show ``text`` under the fields (hide the label when empty)."""
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    def error_text(self) -> str:
        return self.ui.errorLabel.text() if self.ui.errorLabel.isVisible() else ""

    # -- sign-in ----------------------------------------------------------------------

    def fill(self, username: str, password: str) -> None:
        """Put credentials in the fields (smoke mode)."""
        self.ui.userEdit.setText(username)
        self.ui.passwordEdit.setText(password)

    def submit(self) -> None:
        """Sign in with what is in the fields (the default button / Enter)."""
        if self._busy or not self._ok.isEnabled():
            return
        from clerk_app.gui.ops import Op  # (and its errors' words) after the window is shown

        username = self.ui.userEdit.text().strip()
        password = self.ui.passwordEdit.text()
        Op(self, lambda: self._sign_in(username, password)).busy(self._set_busy).success(
            lambda session: self._succeeded(session, password)
        ).failure(self._failed).run()

    def _succeeded(self, session: Any, password: str = "") -> None:
        if getattr(session, "password_change_required", False) and self._context is not None:
            self._ask_new_password(session, password)
            return
        self._complete(session)

    def _ask_new_password(self, session: Any, password: str) -> None:
        from clerk_app.gui.password_dialog import forced_change

        self._set_busy(True)
        dialog = forced_change(self, self._context, session, password)
        dialog.changed.connect(self._complete)
        dialog.rejected.connect(lambda: self._change_cancelled(session))
        self.password_dialog = dialog

    def _change_cancelled(self, session: Any) -> None:
        """The clerk did not choose a new password: the sign-in ends at the service."""
        from clerk_app.gui.ops import Op
        from clerk_app.gui.password_dialog import give_up

        self.password_dialog = None
        context = self._context
        Op(self, lambda: give_up(context, session)).failure(
            lambda exc: log.info("sign-out after a cancelled password change: %s", exc)
        ).run()
        self._set_busy(False)
        self.ui.passwordEdit.clear()
        self.show_error(
            self.tr(
                "Your password was not changed, so you are not signed in. Sign in again and "
                "choose a new password to continue."
            )
        )
        self.ui.passwordEdit.setFocus()

    def _complete(self, session: Any) -> None:
        self.password_dialog = None
        self._set_busy(False)
        self.session = session
        self.ui.passwordEdit.clear()
        self.signed_in.emit(session)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        from clerk_app.gui.errors import error_message

        self.show_error(error_message(exc))
        self.ui.passwordEdit.selectAll()
        self.ui.passwordEdit.setFocus()

    def show_damaged_database(self, moved_to: str) -> None:
        """Tell the clerk the local database was damaged and set aside (kept for IT)."""
        from PySide6.QtCore import Qt

        label = QLabel(self)
        label.setObjectName("damagedDatabaseLabel")
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setText(
            self.tr(
                "The local database was damaged. It has been set aside, not deleted, as %1, "
                "and a new, empty one was created. Cases not yet sent may still be in the old "
                "file: call IT support before taking in cases."
            ).replace("%1", moved_to)
        )
        self.ui.mainLayout.insertWidget(1, label)
        self.damaged_label = label
        self.adjustSize()
