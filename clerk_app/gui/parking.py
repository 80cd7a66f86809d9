"""Park an unfinished intake (暂存, Ctrl+S) and resume it from a list (Ctrl+R).

The form's state goes into the local database (``clerk_app.app.parking``) through the one
writer, so it survives a restart. The list shows the item, the applicant's name, the ID
number masked, and when it was parked; Enter resumes, Delete discards (after a question).
A resumed intake that is then taken in leaves the list in the case's own transaction.
The list's layout is the Designer form ``ui/parked_list_dialog.ui``. Quitting parks a
half-filled intake by itself and the next start says so; quitting with cases not yet sent
asks first ("Quit anyway" is the default: they stay on this computer and go later).
A joint intake is parked from its own dialog (Ctrl+S) and resumed from the same list
(``clerk_app.gui.joint_parking``).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from clerk_app.app.context import has_local_store
from clerk_app.app.parking import (
    ParkedIntake,
    discard,
    forget_quit_note,
    park,
    park_at_quit,
    parked_at_quit,
    parked_intakes,
    unsent_counts,
)
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_id
from clerk_app.gui import shortcuts
from clerk_app.gui.forms.ui_parked_list_dialog import Ui_ParkedListDialog
from clerk_app.gui.joint_parking import is_joint, open_joint, package_title, resume_joint

log = logging.getLogger("clerk.gui")


def applicant_summary(state: dict[str, Any]) -> tuple[str, str]:
    """The applicant's name and masked document number of a parked form state."""
    if state.get("kind") == "organization":
        org = state.get("organization") or {}
        return org.get("name", ""), mask_id(org.get("credit_code", "").strip())
    person = state.get("person") or {}
    return person.get("name", ""), mask_id(person.get("id_number", "").strip())


class ParkedListDialog(QDialog):
    """The parked intakes of this window; ``chosen`` is the one to resume after accept()."""

    def __init__(
        self,
        parked: list[ParkedIntake],
        item_name: Any,
        discard: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.parked = list(parked)
        self.chosen: ParkedIntake | None = None
        self._discard = discard
        # The layout is ui/parked_list_dialog.ui; the code fills in the parked intakes.
        self.ui = u = Ui_ParkedListDialog()
        u.setupUi(self)
        u.emptyLabel.setVisible(not self.parked)
        self.table = u.parkedTable
        self.table.setRowCount(len(self.parked))
        self._fill(item_name)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.table.installEventFilter(self)
        u.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Parking", "&Resume")
        )
        u.buttonBox.accepted.connect(self.accept)
        u.buttonBox.rejected.connect(self.reject)
        if self.parked:
            self.table.selectRow(0)
        self.table.setFocus()

    def _fill(self, item_name: Any) -> None:
        for row, p in enumerate(self.parked):
            name, number = applicant_summary(p.state)
            when = p.parked_at.astimezone(CENTER_TZ).strftime("%Y-%m-%d %H:%M")
            cells = (when, item_name(p.item_code), name, number)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete:
            self.discard_current()
            return True
        return False

    def discard_current(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.parked):
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("Parking", "Discard parked intake"),
            QCoreApplication.translate(
                "Parking", "Discard this parked intake? What was typed is lost."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._discard(self.parked.pop(row))
            self.table.removeRow(row)

    def accept(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.parked):
            self.chosen = self.parked[row]
        super().accept()


class ParkingController(QObject):
    """The Park / Resume actions of the main window's Intake menu.

    Args:
        window: the ``MainWindow`` (its ``intake`` form, ``context``, ``session``,
            ``writer``, ``catalog_pane`` and ``intake_menu``).
    """

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        # False when the window has no local store (then both actions are disabled).
        self.available = has_local_store(self.context)
        self.last_dialog: ParkedListDialog | None = None
        menu = window.intake_menu
        menu.addSeparator()
        self.park_action = self._action("parkAction", self.park, "Ctrl+S")
        self.resume_action = self._action("resumeAction", self.show_list, "Ctrl+R")
        for action in (self.park_action, self.resume_action):
            action.setEnabled(self.available)
        window.installEventFilter(self)
        self.retranslate()
        #: Whether the next catalog should bring the note of an intake parked at quit.
        self._quit_note_due = self.available

    def _action(self, name: str, slot: Any, key: str) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        self.window.intake_menu.addAction(action)
        return action

    def retranslate(self) -> None:
        self.park_action.setText(QCoreApplication.translate("Parking", "&Park intake (暂存)"))
        self.resume_action.setText(QCoreApplication.translate("Parking", "&Resume parked intake…"))
        for action in (self.park_action, self.resume_action):
            shortcuts.describe(action, self.window.intake_menu)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Type first, then getattr: the filter still sees the window's last events while
        # this object's Python side is being torn down.
        if event.type() == QEvent.Type.LanguageChange:
            window = getattr(self, "window", None)
            if window is not None and watched is window:
                self.retranslate()
        return False

    # -- park --------------------------------------------------------------------------

    def park(self) -> None:
        """Save the form as it is and clear it for the next applicant."""
        form = self.window.intake
        if not self.available or form.item is None or form.is_blank():
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Parking", "Nothing to park."), 5000
            )
            return
        context, clerk, item_code = self.context, self.window.session.username, form.item.code
        state, parked_id = form.snapshot(), form.parked_id or None

        def work() -> str:
            return park(context, clerk=clerk, item_code=item_code, state=state, parked_id=parked_id)

        self.window.writer.submit(work, self.window).success(self._parked).failure(self._failed)

    def _parked(self, _parked_id: str) -> None:
        self.window.intake.clear()
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Parking", "Intake parked. Resume it with Ctrl+R."), 8000
        )
        self.window.focus_search()

    def _failed(self, exc: Exception) -> None:
        from clerk_app.gui.ops import show_error

        log.error("parking failed: %s", exc)
        show_error(self.window, exc)

    # -- quitting ----------------------------------------------------------------------

    def unsent_text(self, cases: int, documents: int, other: int) -> str:
        """What waits, as the status bar counts it: "1 件办件、2 份文书" / "1 case, 2 documents"."""
        parts = []
        if cases:
            parts.append(self.tr("%n case(s)", "", cases))
        if documents:
            parts.append(self.tr("%n document(s)", "", documents))
        if other:
            parts.append(self.tr("%n other record(s)", "", other))
        #: Separator between the counts of what waits to be sent.
        return self.tr(", ").join(parts)

    def confirm_quit(self) -> bool:
        """Before quitting: when cases, documents or other records still wait to be sent,
        say how many (as the status bar counts them) and ask; a half-filled intake is said
        to be parked.

        "Quit anyway" is the default (everything stays on this computer and is sent after
        the next sign-in); True means quit.
        """
        if not self.available:
            return True
        try:
            cases, documents, other = unsent_counts(self.context)
        except Exception as exc:  # a question must never keep the clerk from quitting
            log.warning("counting unsent records at quit: %s", exc)
            return True
        if not (cases or documents or other):
            return True
        text = self.tr(
            "Not sent to the center yet: %1. They stay on this computer and are sent after "
            "the next sign-in."
        ).replace("%1", self.unsent_text(cases, documents, other))
        form = self.window.intake
        if form.item is not None and not form.is_blank():
            text += "\n\n" + self.tr(
                "The intake being filled in will be parked: Ctrl+R resumes it after the next "
                "sign-in."
            )
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Not sent yet"))
        box.setText(text)
        quit_button = box.addButton(
            QCoreApplication.translate("Parking", "&Quit anyway"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        stay = box.addButton(
            QCoreApplication.translate("Parking", "&Stay"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(quit_button)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is not stay

    def park_at_quit(self) -> bool:
        """The window closes: park a half-filled intake (and wait for it), and an open
        joint intake (``joint_parking``). True if one was parked."""
        form = self.window.intake
        joint = open_joint(self.window) if self.available else None
        joint_parked = joint is not None and joint.parking.park_at_quit()
        if not self.available or form.item is None or form.is_blank():
            return joint_parked
        context, clerk, item_code = self.context, self.window.session.username, form.item.code
        state, parked_id = form.snapshot(), form.parked_id or None

        def work() -> str:
            return park_at_quit(
                context, clerk=clerk, item_code=item_code, state=state, parked_id=parked_id
            )

        self.window.writer.submit(work, self.window).failure(self._failed)
        if not self.window.writer.wait_idle(10_000):
            log.error("the intake open at quit could not be parked in time")
            return False
        log.info("parked the intake open at quit (%s)", item_code)
        return True

    def tell_parked_at_quit(self) -> None:
        """Once the catalog is there (to name the item): say, once, that the intake left
        open at the last close was parked."""
        if not self._quit_note_due:
            return
        self._quit_note_due = False
        try:
            parked = parked_at_quit(self.context)
        except Exception as exc:
            log.warning("reading the intake parked at quit: %s", exc)
            return
        if parked is None:
            return
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "Parking",
                "The intake left open when the desk was closed (%1) was parked. "
                "Resume it with Ctrl+R.",
            ).replace("%1", self._item_name(parked.item_code)),
            30_000,
        )
        context = self.context
        self.window.writer.submit(lambda: forget_quit_note(context), self.window).failure(
            self._failed
        )

    # -- resume ------------------------------------------------------------------------

    def _item_name(self, code: str | None) -> str:
        item = self._item(code)
        if item is not None:
            return item.name
        return package_title(self.window.catalog_pane.model.catalog, code) or (code or "")

    def _item(self, code: str | None) -> Any:
        model = self.window.catalog_pane.model
        catalog = getattr(model, "_catalog", None) or getattr(model, "catalog", None)
        if catalog is None or not code:
            return None
        try:
            return catalog.item(code)
        except KeyError:
            return None

    def show_list(self) -> ParkedListDialog | None:
        if not self.available:
            return None
        dialog = ParkedListDialog(
            parked_intakes(self.context), self._item_name, self._discard, self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.resume(dialog.chosen))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _discard(self, parked: ParkedIntake) -> None:
        context = self.context
        self.window.writer.submit(lambda: discard(context, parked.id), self.window).failure(
            self._failed
        )

    def resume(self, parked: ParkedIntake | None) -> bool:
        """Put a parked intake back on the form (it stays parked until taken in)."""
        if parked is None:
            return False
        if is_joint(parked.state):
            return resume_joint(self.window, parked)
        item = self._item(parked.item_code)
        if item is None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Parking", "The item of this parked intake is not in the catalog any more."
                ),
                8000,
            )
            return False
        self.window.choose_item(item)
        self.window.intake.restore(parked.state, item, parked.id)
        self.window.intake.focus_first_problem()
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Parking", "Parked intake resumed."), 5000
        )
        return True


def install_parking(window: Any) -> ParkingController:
    """Add Park (Ctrl+S) and Resume (Ctrl+R) to the window's Intake menu."""
    return ParkingController(window)
