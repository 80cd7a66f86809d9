"""The 12345 tab of the supervisor's screen (``gui.supervision``, Ctrl+4, issue 19): the
work orders received and not yet finished, late ones first in red and said in words
("Overdue 1 h 10 min"), then the nearest deadline with the time left; the content below
with ID and mobile numbers masked. Alt+S signs (签收), Alt+A assigns to the department
typed, Alt+R returns (退单) with the reason typed, Alt+E extends (延期) with the reason and
the new deadline typed; F5 reloads. The service is called off the GUI thread
(``gui.ops.Op``); while a call runs (:attr:`HotlineTab.busy`) another step is not started.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFormLayout, QLabel, QTableWidget, QVBoxLayout, QWidget

from clerk_app.app import supervision_hotline as hotline
from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.department_inbox import span_text
from clerk_app.gui.ops import Op
from clerk_app.gui.supervision_dialogs import fill, line, refusal_text

# The red of a late order's row (7:1 on white).
LATE_RED = QColor("#b00020")


def kind_names() -> dict[str, str]:
    return {
        "consultation": QCoreApplication.translate("SupervisionHotline", "Consultation"),
        "help": QCoreApplication.translate("SupervisionHotline", "Request for help"),
        "complaint": QCoreApplication.translate("SupervisionHotline", "Complaint"),
        "praise": QCoreApplication.translate("SupervisionHotline", "Praise"),
    }


def status_names() -> dict[str, str]:
    return {
        "received": QCoreApplication.translate("SupervisionHotline", "Received: to sign"),
        "signed": QCoreApplication.translate("SupervisionHotline", "Signed: to assign"),
        "assigned": QCoreApplication.translate("SupervisionHotline", "Assigned"),
        "extended": QCoreApplication.translate("SupervisionHotline", "Extended"),
        "redo": QCoreApplication.translate("SupervisionHotline", "Sent back: redo"),
    }


def _clock(moment: datetime | None) -> str:
    return moment.astimezone(CENTER_TZ).strftime("%m-%d %H:%M") if moment else ""


def left_text(order: hotline.WorkOrder, now: datetime) -> str:
    """ "Overdue 1 h 10 min", "3 h left" or "No deadline"; signing or answering."""
    left = order.time_left(now)
    signing = order.status == "received"
    if order.is_late(now):
        if left is not None and left.total_seconds() < 0:
            text = (
                QCoreApplication.translate("SupervisionHotline", "Sign overdue %1")
                if signing
                else QCoreApplication.translate("SupervisionHotline", "Answer overdue %1")
            )
            return text.replace("%1", span_text(left))
        return QCoreApplication.translate("SupervisionHotline", "Overdue")
    if left is None:
        return QCoreApplication.translate("SupervisionHotline", "No deadline")
    text = (
        QCoreApplication.translate("SupervisionHotline", "%1 left to sign")
        if signing
        else QCoreApplication.translate("SupervisionHotline", "%1 left to answer")
    )
    return text.replace("%1", span_text(left))


class HotlineTab(QWidget):
    """The open work orders and the center's steps on the selected one."""

    def __init__(self, context: Any, session: Any, say: Callable[[str], None]) -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.say = say
        self.items: list[hotline.WorkOrder] = []
        self.selected: hotline.WorkOrder | None = None
        #: A call to the service is running (the list or a step).
        self.busy = False
        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName(self.tr("12345 work orders"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Kind"),
                self.tr("Title"),
                self.tr("Status"),
                self.tr("Department"),
                self.tr("Sign by / answer by"),
                self.tr("Time left"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.detail.setAccessibleName(self.tr("The work order"))
        self.department = line(self.tr("Department to answer the order"), self.tr("e.g. GA"))
        self.reason = line(self.tr("Reason to return or extend"), self.tr("the hotline reads it"))
        self.deadline = line(
            self.tr("New answer deadline"), self.tr("YYYY-MM-DD HH:MM, or a day: its end")
        )
        form = QFormLayout()
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("New deadline"), self.deadline)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 1)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Alt+S: sign   Alt+A: assign   Alt+R: return (reason)   "
                    "Alt+E: extend (reason, new deadline)   F5: reload"
                )
            )
        )
        for first, then in pairwise((self.table, self.department, self.reason, self.deadline)):
            QWidget.setTabOrder(first, then)

    def now(self) -> datetime:
        moment: datetime = self.context.clock.now()
        return moment

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> bool:
        """``fn`` (a call to the service) off the GUI thread; ``done`` with its result, a
        refusal said in words (never a trace). False (nothing started) while busy."""
        if self.busy:
            self.say(self.tr("Wait: the last request is still being sent."))
            return False
        failed: Callable[[Exception], None] = lambda exc: self.say(refusal_text(exc))  # noqa: E731
        Op(self, fn).busy(self._set_busy).success(done).failure(failed).run()
        return True

    def load(self, keep: str | None = None) -> None:
        """The open orders, late ones first in red; ``keep`` stays selected."""
        keep = keep or (self.selected.no if self.selected else None)
        context, session = self.context, self.session
        self._run(
            lambda: hotline.open_orders(context, session), lambda found: self._show(found, keep)
        )

    def _show(self, found: list[hotline.WorkOrder], keep: str | None) -> None:
        self.items = found
        now, kinds, statuses = self.now(), kind_names(), status_names()
        rows = [
            [
                o.no,
                kinds.get(o.kind, o.kind),
                o.title,
                statuses.get(o.status, o.status),
                o.department_code,
                _clock(o.due),
                left_text(o, now),
            ]
            for o in self.items
        ]
        self.table.blockSignals(True)
        fill(self.table, rows)
        for r, o in enumerate(self.items):
            if o.is_late(now):
                for col in range(self.table.columnCount()):
                    item = self.table.item(r, col)
                    if item is not None:
                        item.setForeground(LATE_RED)
        self.table.blockSignals(False)
        numbers = [o.no for o in self.items]
        if self.items:
            row = numbers.index(keep) if keep in numbers else 0
            self.table.setCurrentCell(row, 0)
            self._select(row)
        else:
            self.selected = None
            self.detail.setText(self.tr("No work order waiting."))

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        order = self.items[row]
        self.selected = order
        lines = [
            f"{order.no} · {order.caller}".rstrip(" ·"),
            order.title,
            order.content,
            self.tr("Sign by %1, answer by %2")
            .replace("%1", _clock(order.sign_due_at) or "—")
            .replace("%2", _clock(order.answer_due_at) or "—"),
        ]
        if order.redo_reason:
            lines.append(
                self.tr("Sent back by the hotline to be redone: %1").replace(
                    "%1", order.redo_reason
                )
            )
        if order.extended_to is not None:
            lines.append(self.tr("Extended to %1").replace("%1", _clock(order.extended_to)))
        if order.complaint_no:
            lines.append(self.tr("Complaint %1").replace("%1", order.complaint_no))
        self.detail.setText("\n".join(lines))

    def _step(self, run: Callable[[str], hotline.WorkOrder], done: str) -> None:
        chosen = self.selected
        if chosen is None:
            self.say(self.tr("Choose a work order first."))
            return

        def finished(after: hotline.WorkOrder) -> None:
            self.reason.clear()
            self.deadline.clear()
            self.say(done.replace("%1", after.no))
            self.load(keep=after.no)

        no = chosen.no
        self._run(lambda: run(no), finished)

    def sign(self) -> None:
        """Alt+S: signed for (签收)."""
        self._step(
            partial(hotline.sign, self.context, self.session),
            self.tr("Work order %1 signed for."),
        )

    def assign(self) -> None:
        """Alt+A: to the department typed."""
        self._step(
            partial(
                hotline.assign, self.context, self.session, department_code=self.department.text()
            ),
            self.tr("Work order %1 assigned."),
        )

    def return_order(self) -> None:
        """Alt+R: returned to the hotline (退单) with the reason typed."""
        self._step(
            partial(hotline.return_order, self.context, self.session, reason=self.reason.text()),
            self.tr("Work order %1 returned to the hotline."),
        )

    def extend(self) -> None:
        """Alt+E: the answer deadline extended (延期) with the reason typed."""
        self._step(
            partial(
                hotline.extend,
                self.context,
                self.session,
                reason=self.reason.text(),
                deadline=self.deadline.text(),
            ),
            self.tr("Work order %1 extended."),
        )
