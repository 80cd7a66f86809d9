"""Keyboard-only driving of the desk: every key goes to the widget that has the focus.

No mouse event is ever sent: ``press`` and ``type_keys`` deliver keys to the focused widget
of the active modal dialog, else of the main window, as a real keyboard would.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.core.identity import mask_id
from clerk_app.gui.app import Desk
from clerk_app.paths import Paths
from tests.helpers.documents import pdf_text as read_pdf
from tests.helpers.gui import REPO, VALID_ID

DEMO_PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"
NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def make_context(service_url: str, home: Path, clock: FixedClock | None = None):
    paths = Paths(
        data_dir=home / "data",
        config_dir=home / "config",
        log_dir=home / "log",
        documents_dir=home / "documents",
    )
    provisioning = demo_provisioning(DEMO_PROVISIONING, service_url)
    clock = clock or FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))
    return build_context(provisioning, paths, clock=clock)


def target(window: QWidget) -> QWidget:
    """Where a key goes now: the focused widget of the modal dialog, else of the window."""
    modal = QApplication.activeModalWidget()
    if modal is not None and modal.isVisible():
        return modal.focusWidget() or modal
    return window.focusWidget() or window


def press(qtbot, window: QWidget, key: Qt.Key, modifier=NO_MOD) -> None:
    qtbot.keyClick(target(window), key, modifier)


def type_keys(qtbot, window: QWidget, text: str) -> None:
    qtbot.keyClicks(target(window), text)


def sign_in(qtbot, desk: Desk, user: str = "demo-clerk", password: str = "demo-pass-2026"):
    """Sign in by keyboard and wait for the catalog; returns the main window."""
    login = desk.make_login()
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.ui.userEdit, user)
    qtbot.keyClicks(login.ui.passwordEdit, password)
    qtbot.keyClick(login.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: desk.window is not None and desk.window.catalog_pane.model.rowCount() > 0,
        timeout=20_000,
    )
    window = desk.window
    qtbot.addWidget(window)
    window.activateWindow()
    return window


def find_item(qtbot, window, code: str) -> None:
    """Ctrl+F, type the code, Enter: the item's intake starts with the name field focused."""
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    assert target(window) is window.catalog_pane.search
    type_keys(qtbot, window, code)
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.current_item is not None and window.current_item.code == code
    assert target(window) is window.intake.ui.personNameEdit


def choose_in_combo(qtbot, window, combo, value: str) -> None:
    """Move through a focused combo box with the arrow keys until ``value`` is current."""
    assert target(window) is combo
    press(qtbot, window, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        press(qtbot, window, Qt.Key.Key_Down)
    assert combo.currentData() == value


def pdf_text(path: Path) -> str:
    """The PDF's text in layout order (a desk's PDF is encrypted: read with its key)."""
    return read_pdf(path, "-layout")


def applicant(qtbot, window, name: str = "Li Lei", id_number: str = VALID_ID) -> None:
    """Name, Tab, Tab (document type stays resident ID), the reader's burst + Enter, mobile."""
    form = window.intake
    type_keys(qtbot, window, name)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is form.ui.personIdTypeCombo
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is form.ui.personIdEdit
    type_keys(qtbot, window, id_number)  # the card reader types 18 characters at once …
    press(qtbot, window, Qt.Key.Key_Return)  # … then Enter: on to the mobile
    assert form.ui.personIdEdit.text() == id_number
    assert target(window) is form.ui.personMobileEdit
    type_keys(qtbot, window, "13800138000")


def to_materials(qtbot, window) -> None:
    """Tab past the agent box into the checklist."""
    form = window.intake
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is form.ui.agentBox
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is form.ui.materialsTable


def mark(qtbot, window, marks: str) -> None:
    """One letter per material row: r received (Space), l to follow later (L), - leave."""
    table = window.intake.ui.materialsTable
    assert table.currentRow() == 0
    for n, m in enumerate(marks):
        if m == "r":
            press(qtbot, window, Qt.Key.Key_Space)
        elif m == "l":
            press(qtbot, window, Qt.Key.Key_L)
        if n < len(marks) - 1:
            press(qtbot, window, Qt.Key.Key_Down)


def decide(qtbot, window, disposition: str) -> None:
    press(qtbot, window, Qt.Key.Key_D, ALT)
    choose_in_combo(qtbot, window, window.intake.ui.decisionCombo, disposition)


def accept(qtbot, window, context, id_number: str = VALID_ID) -> tuple:
    """Ctrl+Return; wait for the confirmation; the saved case and its document's text."""
    assert window.intake.ui.acceptButton.isEnabled(), window.intake.ui.missingLabel.text()
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=20_000)
    dialog = window.last_dialog
    case_no = dialog.case_no_label.text()
    case = context.backend.store.get_case(case_no)
    assert case is not None
    assert dialog.receipt_path is not None and dialog.receipt_path.exists()
    text = pdf_text(dialog.receipt_path)
    assert case_no in text
    # The ID number is masked on paper.
    assert id_number not in text and mask_id(id_number) in text
    # The confirmation offers to print the document, by keyboard too.
    assert dialog.print_button is not None and "&" in dialog.print_button.text()
    press(qtbot, window, Qt.Key.Key_Escape)
    return case, text, dialog
