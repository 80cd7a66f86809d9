"""The conflict dialog: this desk's version of a case against the center's; the clerk decides.

Opened from the connection panel (``sync_status.ConnectionPanel``) for a case that the
center changed while this desk had events of it that did not get there
(``clerk_app.app.conflicts``). Left: the desk (status, its unsent or refused events with
the center's reason). Right: the center (status, what was done there). ID numbers masked.

- **Keep the center's** (Alt+C): the desk's events are voided (kept, audited), the case
  takes the center's status.
- **Resend mine** (Alt+R): only where the lifecycle allows the desk's events after the
  center's status; otherwise disabled, and its tooltip says why.
- **Decide later** (Esc).

The decision is written on the one database writer; ``resolved(case_no, choice)`` follows.
The layout is the Designer form ``ui/conflict_dialog.ui``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QTableWidget, QTableWidgetItem, QWidget

from clerk_app.app import conflicts
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_id
from clerk_app.gui.case_actions import event_label, status_label
from clerk_app.gui.forms.ui_conflict_dialog import Ui_ConflictDialog
from clerk_app.gui.ops import DbWriter, Op, show_error

WARN_COLOR = "#b3261e"


def _when(moment: datetime) -> str:
    return moment.astimezone(CENTER_TZ).strftime("%Y-%m-%d %H:%M")


class ConflictDialog(QDialog):
    """Local against center for one case, with the clerk's two choices.

    Args:
        context: the ``AppContext``.
        case_no: the case in conflict.
        clerk: who decides (the signed-in user).
        writer: the one ``DbWriter`` (None: a background ``Op``).
        parent: the parent widget.

    Signals:
        resolved(str, str): the case number and ``"center"`` or ``"mine"`` once written.
    """

    resolved = Signal(str, str)

    def __init__(
        self,
        context: Any,
        case_no: str,
        clerk: str,
        writer: DbWriter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.context = context
        self.case_no = case_no
        self.clerk = clerk
        self.writer = writer
        self.conflict = conflicts.conflict_of(context, case_no)
        # The layout is ui/conflict_dialog.ui; the code fills in the case.
        self.ui = u = Ui_ConflictDialog()
        u.setupUi(self)
        self.applicant_label = u.applicantLabel
        self.desk_box, self.desk_status, self.desk_events = u.deskBox, u.deskStatus, u.deskEvents
        self.center_box, self.center_status, self.center_events = (
            u.centerBox,
            u.centerStatus,
            u.centerEvents,
        )
        self.message = u.messageLabel
        self.center_button = u.centerButton
        self.mine_button = u.mineButton
        self.later_button = u.laterButton
        self.center_button.clicked.connect(self.keep_center)
        self.mine_button.clicked.connect(self.resend_mine)
        self.later_button.clicked.connect(self.reject)
        self.setWindowTitle(self.tr("Conflict with the center — case %1").replace("%1", case_no))
        self._fill()

    @staticmethod
    def _rows(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for i, cells in enumerate(rows):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(i, col, item)
        table.resizeColumnsToContents()

    def _fill(self) -> None:
        c = self.conflict
        if c is None:
            self.message.setText(self.tr("This conflict has been decided already."))
            self.center_button.setEnabled(False)
            self.mine_button.setEnabled(False)
            return
        self.applicant_label.setText(
            self.tr("Applicant: %1, %2")
            .replace("%1", c.applicant.name or "—")
            .replace("%2", mask_id(c.applicant.id_number))
        )  # fmt: skip
        self.desk_status.setText(status_label(c.local_status))
        self.center_status.setText(status_label(c.center_status))
        desk_rows = []
        for unsent in c.unsent_events:
            state = (
                self.tr("refused: %1").replace("%1", unsent.last_error or "")
                if unsent.state == "rejected"
                else self.tr("waiting to be sent")
            )
            desk_rows.append((event_label(unsent.event.type), _when(unsent.event.at), state))
        self._rows(self.desk_events, desk_rows)
        center_rows = [
            (event_label(e.type), _when(e.at), e.actor or "—") for e in c.center_only_events()
        ]
        self._rows(self.center_events, center_rows)
        after = c.resend_status()
        if after is None:
            self.mine_button.setEnabled(False)
            self.mine_button.setToolTip(
                self.tr("Not possible: after “%1” at the center the lifecycle no longer allows "
                        "this desk's events.").replace("%1", status_label(c.center_status))
            )  # fmt: skip
        else:
            self.mine_button.setEnabled(True)
            self.mine_button.setToolTip(
                self.tr("Send this desk's events again on top of the center's version; the "
                        "case becomes “%1” (Alt+R)").replace("%1", status_label(after))
            )  # fmt: skip

    # -- decisions ------------------------------------------------------------------------

    def _run(self, fn: Any, choice: str) -> None:
        self.center_button.setEnabled(False)
        self.mine_button.setEnabled(False)
        self.message.setText(self.tr("Saving…"))
        op = self.writer.submit(fn, self) if self.writer is not None else Op(self, fn).run()
        op.success(lambda _result: self._done(choice)).failure(self._failed)

    def keep_center(self) -> None:
        """Keep the center's version (see the module docstring)."""
        context, case_no, clerk = self.context, self.case_no, self.clerk
        self._run(
            lambda: conflicts.keep_center(context, case_no, clerk=clerk), conflicts.KEEP_CENTER
        )

    def resend_mine(self) -> None:
        """Send the desk's events again on top of the center's version."""
        if self.conflict is None or self.conflict.resend_status() is None:
            return
        context, case_no, clerk = self.context, self.case_no, self.clerk
        self._run(
            lambda: conflicts.resend_mine(context, case_no, clerk=clerk), conflicts.RESEND_MINE
        )

    def _done(self, choice: str) -> None:
        self.resolved.emit(self.case_no, choice)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.message.setStyleSheet(f"color: {WARN_COLOR};")
        self.message.setText(self.tr("Not saved."))
        self._fill()
        show_error(self, exc)
