"""The department's inbox at the desk (issue 19): complaints (投诉) and 12345 work orders
(工单) assigned to the clerk's department, answered by keyboard.

View menu → "Complaints and 12345 orders…" (Ctrl+Shift+I) opens the list: overdue items
first, in red and said in words ("Overdue 2 h"), then the nearest deadline with the time
left. The selected item's account or content (ID and mobile numbers masked) and the masked
complainant or caller show below. Tab to the text field, type the answer, Ctrl+Return sends
it. The lead extends a work order (F4) with the reason typed in the same field and the new
deadline in the field beside it. F5 refreshes. Refusals are said in words. The number of
open items stays in the window's status bar after each load. One call to the service at a
time: a key pressed while one runs (:attr:`DepartmentInboxDialog.busy`) sends nothing and
is told to wait.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import department_inbox as inbox
from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui import shortcuts
from clerk_app.gui.ops import Op, show_error

# Red for overdue rows (dark enough on white: WCAG AA).
LATE_RED = QColor("#b00020")


def kind_text(item: inbox.InboxItem) -> str:
    """ "Complaint" or "12345 order"."""
    return (
        QCoreApplication.translate("DepartmentInbox", "Complaint")
        if item.kind == "complaint"
        else QCoreApplication.translate("DepartmentInbox", "12345 order")
    )


def span_text(span: timedelta) -> str:
    """A length of time as "2 d 3 h", "3 h 20 min" or "20 min"."""
    minutes = int(abs(span).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return (
            QCoreApplication.translate("DepartmentInbox", "%1 d %2 h")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
    if hours:
        return (
            QCoreApplication.translate("DepartmentInbox", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
        )
    return QCoreApplication.translate("DepartmentInbox", "%1 min").replace("%1", str(minutes))


def left_text(item: inbox.InboxItem, now: datetime) -> str:
    """ "Overdue 2 h", "5 h left" or "No deadline"."""
    left = item.time_left(now)
    if left is None:
        return (
            QCoreApplication.translate("DepartmentInbox", "Overdue")
            if item.overdue
            else QCoreApplication.translate("DepartmentInbox", "No deadline")
        )
    if item.is_late(now):
        return (
            QCoreApplication.translate("DepartmentInbox", "Overdue %1").replace(
                "%1", span_text(left)
            )
            if left.total_seconds() < 0
            else QCoreApplication.translate("DepartmentInbox", "Overdue")
        )
    return QCoreApplication.translate("DepartmentInbox", "%1 left").replace("%1", span_text(left))


def status_text(item: inbox.InboxItem) -> str:
    words = {
        "assigned": QCoreApplication.translate("DepartmentInbox", "To answer"),
        "reopened": QCoreApplication.translate("DepartmentInbox", "Reopened: answer again"),
        "extended": QCoreApplication.translate("DepartmentInbox", "Extended"),
        "redo": QCoreApplication.translate("DepartmentInbox", "Sent back: redo"),
        "answered": QCoreApplication.translate("DepartmentInbox", "Answered"),
    }
    return words.get(item.status, item.status)


def refusal_text(reason: str) -> str:
    """What the clerk is told when the answer or extension is refused."""
    words = {
        "answered": QCoreApplication.translate("DepartmentInbox", "This was answered already."),
        "closed": QCoreApplication.translate(
            "DepartmentInbox", "This complaint is closed: it cannot be answered."
        ),
        "not-open": QCoreApplication.translate(
            "DepartmentInbox", "This is not waiting for the department's answer."
        ),
        "not-found": QCoreApplication.translate(
            "DepartmentInbox", "This is not your department's, or is gone."
        ),
        "not-lead": QCoreApplication.translate(
            "DepartmentInbox", "Only the department's lead extends a 12345 order."
        ),
        "invalid": QCoreApplication.translate(
            "DepartmentInbox",
            "Type the answer (or the reason) first; a new deadline must be later.",
        ),
        "no-token": QCoreApplication.translate(
            "DepartmentInbox", "The inbox needs the connection to the center."
        ),
    }
    return words.get(
        reason, QCoreApplication.translate("DepartmentInbox", "The center refused this.")
    )


class DepartmentInboxDialog(QDialog):
    """The list, the answer field and its keys (see the module doc).

    Args:
        controller: the window's :class:`DepartmentInboxController`.
        lead: the clerk is the department's lead (the extension field shows).
    """

    def __init__(self, controller: DepartmentInboxController, parent: QWidget, lead: bool) -> None:
        super().__init__(parent)
        self.setObjectName("departmentInboxDialog")
        self.controller = controller
        self.lead = lead
        self.items: list[inbox.InboxItem] = []
        #: A call to the service is running (the list, an answer or an extension).
        self.busy = False
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("inboxTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the answer
        self.table.currentCellChanged.connect(lambda *_: self._show_detail())
        self.detail = QLabel(self)
        self.detail.setObjectName("inboxDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("inboxAnswer")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(100)
        form = QFormLayout()
        self.due_label = QLabel(self)
        self.due = QDateTimeEdit(self)
        self.due.setObjectName("inboxNewDeadline")
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setCalendarPopup(False)
        self.due_label.setBuddy(self.due)
        form.addRow(self.due_label, self.due)
        self.due_label.setVisible(lead)
        self.due.setVisible(lead)
        self.message = QLabel(self)
        self.message.setObjectName("inboxMessage")
        self.message.setWordWrap(True)
        self.keys = QLabel(self)
        self.keys.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.table)
        layout.addWidget(self.detail)
        layout.addWidget(self.text)
        layout.addLayout(form)
        for widget in (self.message, self.keys, buttons):
            layout.addWidget(widget)
        self.actions_by_name: dict[str, QAction] = {}
        for name, keys, slot in (
            ("answer", ("Ctrl+Return", "Ctrl+Enter"), self.answer),
            ("extend", ("F4",), self.extend),
            ("refresh", ("F5",), self.refresh),
        ):
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action
        self.retranslate()
        self.resize(900, 600)

    def retranslate(self) -> None:
        self.setWindowTitle(
            QCoreApplication.translate(
                "DepartmentInbox", "Complaints and 12345 orders of the department"
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("DepartmentInbox", "Kind"),
                QCoreApplication.translate("DepartmentInbox", "Number"),
                QCoreApplication.translate("DepartmentInbox", "Subject"),
                QCoreApplication.translate("DepartmentInbox", "Deadline"),
                QCoreApplication.translate("DepartmentInbox", "Time left"),
                QCoreApplication.translate("DepartmentInbox", "Status"),
            ]
        )
        self.table.setAccessibleName(
            QCoreApplication.translate("DepartmentInbox", "Complaints and 12345 orders to answer")
        )
        self.text.setAccessibleName(
            QCoreApplication.translate("DepartmentInbox", "Answer, or reason for an extension")
        )
        self.text.setPlaceholderText(
            QCoreApplication.translate(
                "DepartmentInbox", "The answer (Ctrl+Return), or the reason for an extension (F4)"
            )
            if self.lead
            else QCoreApplication.translate("DepartmentInbox", "The answer (Ctrl+Return)")
        )
        self.due_label.setText(QCoreApplication.translate("DepartmentInbox", "New &deadline:"))
        self.due.setAccessibleName(
            QCoreApplication.translate("DepartmentInbox", "New deadline of the 12345 order")
        )
        self.keys.setText(
            QCoreApplication.translate(
                "DepartmentInbox",
                "Tab answer · Ctrl+Return send the answer · F4 extend (lead) · F5 refresh",
            )
            if self.lead
            else QCoreApplication.translate(
                "DepartmentInbox", "Tab answer · Ctrl+Return send the answer · F5 refresh"
            )
        )

    def set_busy(self, busy: bool) -> None:
        """While a call runs, its keys send nothing more (see the module doc)."""
        self.busy = busy

    def wait(self) -> None:
        self.message.setText(
            QCoreApplication.translate(
                "DepartmentInbox", "Wait: the last request is still being sent."
            )
        )

    # -- the list ----------------------------------------------------------------------

    def current(self) -> inbox.InboxItem | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def show_items(self, items: list[inbox.InboxItem], keep: str = "") -> None:
        """Fill the table (``keep``: the number to stay on)."""
        now = self.controller.now()
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            due = item.due.astimezone(CENTER_TZ).strftime("%m-%d %H:%M") if item.due else ""
            cells = (
                kind_text(item),
                item.no,
                item.subject,
                due,
                left_text(item, now),
                status_text(item),
            )
            late = item.is_late(now)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if late:
                    cell.setForeground(QBrush(LATE_RED))
                self.table.setItem(row, column, cell)
        rows = [n for n, item in enumerate(self.items) if item.no == keep] or [0]
        if self.items:
            self.table.setCurrentCell(rows[0], 0)
        self.table.setFocus()
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.current()
        if item is None:
            self.detail.setText(
                QCoreApplication.translate(
                    "DepartmentInbox", "Nothing is waiting for the department's answer."
                )
            )
            return
        who = (
            QCoreApplication.translate("DepartmentInbox", "Complainant")
            if item.kind == "complaint"
            else QCoreApplication.translate("DepartmentInbox", "Caller")
        )
        lines = [f"{kind_text(item)} {item.no} · {who}：{item.party or '—'}", item.text]
        if item.redo_reason:
            lines.append(
                QCoreApplication.translate(
                    "DepartmentInbox", "Sent back by the hotline to be redone: %1"
                ).replace("%1", item.redo_reason)
            )
        if item.extended:
            lines.append(QCoreApplication.translate("DepartmentInbox", "Extended once already."))
        self.detail.setText("\n".join(lines))
        start = item.due or self.controller.now()
        start = start.astimezone(CENTER_TZ) + timedelta(days=1)
        self.due.setDateTime(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )

    def refresh(self) -> None:
        current = self.current()
        self.controller.load(self, current.no if current is not None else "")

    # -- the keys ------------------------------------------------------------------------

    def answer(self) -> None:
        item = self.current()
        if item is None:
            return
        text = self.text.toPlainText().strip()
        if not text:
            self.message.setText(refusal_text("invalid"))
            self.text.setFocus()
            return
        self.controller.answer(self, item, text)

    def extend(self) -> None:
        item = self.current()
        if item is None:
            return
        if not self.lead or item.kind != "order":
            self.message.setText(refusal_text("not-lead"))
            return
        reason = self.text.toPlainText().strip()
        if not reason:
            self.message.setText(refusal_text("invalid"))
            self.text.setFocus()
            return
        chosen = self.due.dateTime().toPython()
        assert isinstance(chosen, datetime)
        self.controller.extend(self, item, reason, chosen.replace(tzinfo=CENTER_TZ))

    def done_with(self, item: inbox.InboxItem, said: str) -> None:
        self.text.clear()
        self.message.setText(said.replace("%1", item.no))
        self.refresh()

    def refused(self, exc: Exception) -> None:
        if isinstance(exc, inbox.InboxRefused):
            self.message.setText(refusal_text(exc.reason))
            if exc.reason in ("answered", "closed", "not-open", "not-found"):
                self.refresh()
            return
        show_error(self, exc)


class _LanguageWatch(QObject):
    """Calls ``changed`` when ``watched`` gets a LanguageChange event."""

    def __init__(self, watched: QObject, changed: Callable[[], None]) -> None:
        super().__init__(watched)
        self.changed = changed
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.changed()
        return False


class DepartmentInboxController:
    """The View menu's "Complaints and 12345 orders…" and the status bar's count.

    Args:
        window: the ``MainWindow`` (``context``, ``session``, ``view_menu``).
    """

    def __init__(self, window: Any) -> None:
        self.window = window
        self.last_dialog: DepartmentInboxDialog | None = None
        self.action = QAction(window)
        self.action.setObjectName("departmentInboxAction")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.show_list)
        window.addAction(self.action)
        window.view_menu.addAction(self.action)
        self.count = QLabel(window)
        self.count.setObjectName("inboxCount")
        self.count.hide()
        window.statusBar().addPermanentWidget(self.count)
        self.retranslate()
        # The menu entry follows a switch of language (Qt sends LanguageChange to the window).
        self._language = _LanguageWatch(window, self.retranslate)

    def retranslate(self) -> None:
        self.action.setText(
            QCoreApplication.translate("DepartmentInbox", "Complaints and &12345 orders…")
        )
        shortcuts.describe(self.action, self.window.view_menu)

    def now(self) -> datetime:
        return self.window.context.clock.now()

    def show_list(self) -> DepartmentInboxDialog:
        lead = "lead" in self.window.session.roles
        dialog = DepartmentInboxDialog(self, self.window, lead)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        self.load(dialog)
        return dialog

    def show_count(self, items: list[inbox.InboxItem]) -> None:
        """ "Complaints/12345: 3 open, 1 overdue" in the status bar."""
        now = self.now()
        late = sum(1 for i in items if i.is_late(now))
        self.count.setText(
            QCoreApplication.translate("DepartmentInbox", "Complaints/12345: %1 open, %2 overdue")
            .replace("%1", str(len(items)))
            .replace("%2", str(late))
        )
        self.count.show()

    @staticmethod
    def _run(dialog: DepartmentInboxDialog, fn: Callable[[], Any], done: Any) -> bool:
        """``fn`` (one call to the service) off the GUI thread, ``done`` with its answer;
        False (nothing sent, the clerk told to wait) while another call runs."""
        if dialog.busy:
            dialog.wait()
            return False
        Op(dialog, fn).busy(dialog.set_busy).success(done).failure(dialog.refused).run()
        return True

    def load(self, dialog: DepartmentInboxDialog, keep: str = "") -> None:
        context, session = self.window.context, self.window.session

        def loaded(items: list[inbox.InboxItem]) -> None:
            self.show_count(items)
            dialog.show_items(items, keep)

        self._run(dialog, lambda: inbox.open_items(context, session), loaded)

    def answer(self, dialog: DepartmentInboxDialog, item: inbox.InboxItem, text: str) -> None:
        context, session = self.window.context, self.window.session
        self._run(
            dialog,
            lambda: inbox.answer(context, session, item, text),
            lambda done: dialog.done_with(
                done, QCoreApplication.translate("DepartmentInbox", "%1 answered.")
            ),
        )

    def extend(
        self, dialog: DepartmentInboxDialog, item: inbox.InboxItem, reason: str, due: datetime
    ) -> None:
        context, session = self.window.context, self.window.session
        self._run(
            dialog,
            lambda: inbox.extend(context, session, item, reason, due),
            lambda done: dialog.done_with(
                done,
                QCoreApplication.translate("DepartmentInbox", "%1: extension sent to the hotline."),
            ),
        )


def install_department_inbox(window: Any) -> DepartmentInboxController:
    """Add "Complaints and 12345 orders…" (Ctrl+Shift+I) to the window's View menu."""
    return DepartmentInboxController(window)
