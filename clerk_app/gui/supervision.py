"""The supervisor's screen (督查, issue 19), opened when a ``supervisor`` signs in; keyboard
first. Four tabs (Ctrl+1/2/3/4):

* Complaints (投诉) — the list, overdue ones first in red (F5 reloads); the complainant's
  contact masked in the list, in full below for the selected one. Ctrl+N goes to the intake
  form, Ctrl+Return takes the complaint in; for the selected complaint Alt+A assigns it to
  the department typed, Alt+B records the call-back with the satisfaction chosen, Alt+C
  closes it and Alt+R reopens it (once, the note saying why). Ctrl+B goes to the center's
  bad ratings (``gui.supervision_ratings``); Alt+G fills the form from the selected one.
* Bulletin (通报) — a week or a month; Ctrl+E writes its PDF and XLSX to the folder.
* Cards and model windows (红黄牌/样板窗口) — Alt+I issues a card, Alt+M designates the
  month's model window.
* 12345 (Ctrl+4, ``gui.supervision_hotline``) — the work orders not yet finished: Alt+S
  signs, Alt+A assigns, Alt+R returns, Alt+E extends.

Refusals are said in words (``supervision_dialogs.refusal_text``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import supervision
from clerk_app.gui.supervision_dialogs import (
    Calls,
    CardsTab,
    ComplaintForm,
    about_names,
    category_names,
    combo,
    fill,
    line,
    satisfaction_names,
    status_names,
)
from clerk_app.gui.supervision_hotline import HotlineTab
from clerk_app.gui.supervision_ratings import BadRatingsBox

# The red of an overdue complaint's row (7:1 on white).
OVERDUE_RED = QColor("#b00020")


class SupervisionScreen(QWidget):
    """Complaints, the bulletin, cards and model windows of the supervisor's center."""

    def __init__(self, context: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.items: list[supervision.Complaint] = []
        self.selected: supervision.Complaint | None = None
        self.exported: tuple[Path, Path] | None = None
        self.setWindowTitle(
            self.tr("Supervision — %1").replace("%1", session.display_name or session.username)
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Supervision"))
        #: The screen's calls to the service, off the GUI thread (the 12345 tab has its own).
        self.calls = Calls(self, self._say)
        self.cards = CardsTab(context, session, self._say, self.calls)
        self.tabs.addTab(self._complaint_tab(), self.tr("Complaints"))
        self.tabs.addTab(self._bulletin_tab(), self.tr("Bulletin"))
        self.tabs.addTab(self.cards, self.tr("Cards and model windows"))
        self.hotline = HotlineTab(context, session, self._say)
        self.tabs.addTab(self.hotline, self.tr("12345 work orders"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        for key, slot in (
            ("Ctrl+1", lambda: self.show_tab(0)),
            ("Ctrl+2", lambda: self.show_tab(1)),
            ("Ctrl+3", lambda: self.show_tab(2)),
            ("Ctrl+4", lambda: self.show_tab(3)),
            ("F5", self.reload),
            ("Ctrl+N", self.new_complaint),
            ("Ctrl+B", self.show_bad_ratings),
            ("Alt+G", self.raise_from_rating),
            ("Ctrl+Return", self.take_in),
            ("Alt+A", self.assign),
            ("Alt+B", self.call_back),
            ("Alt+C", self.close_complaint),
            ("Alt+R", self.reopen),
            ("Ctrl+E", self.export),
            ("Alt+O", self.ask_folder),
            ("Alt+I", self.cards.issue),
            ("Alt+M", self.cards.designate),
            ("Alt+S", self._on_hotline(self.hotline.sign)),
            ("Alt+E", self._on_hotline(self.hotline.extend)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.load_complaints()
        self.ratings.load()
        self.cards.load()
        self.hotline.load()

    # -- tabs ----------------------------------------------------------------------------------

    def _complaint_tab(self) -> QWidget:
        tab = QWidget()
        self.table = QTableWidget(0, 8)
        self.table.setAccessibleName(self.tr("Complaints"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Status"),
                self.tr("About"),
                self.tr("Category"),
                self.tr("Complainant"),
                self.tr("Contact"),
                self.tr("Department"),
                self.tr("Due"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, the arrows move in it
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.detail.setAccessibleName(self.tr("The complaint"))
        self.department = line(self.tr("Department to answer"), self.tr("e.g. GA"))
        self.satisfaction = combo(satisfaction_names(), self.tr("Satisfaction"))
        self.note = line(self.tr("Note"), self.tr("note on the step; a reopen says why"))
        steps = QFormLayout()
        steps.addRow(self.tr("Department"), self.department)
        steps.addRow(self.tr("Satisfaction"), self.satisfaction)
        steps.addRow(self.tr("Note"), self.note)
        self.form = ComplaintForm()
        self.ratings = BadRatingsBox(self.context, self.session, self._say, self.calls)
        upper = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.table)
        left.addWidget(self.detail)
        left.addLayout(steps)
        left.addWidget(
            QLabel(
                self.tr(
                    "Alt+A: assign   Alt+B: call-back recorded   Alt+C: close   "
                    "Alt+R: reopen   F5: reload"
                )
            )
        )
        upper.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.ratings)
        upper.addLayout(right, 2)
        layout = QVBoxLayout(tab)
        layout.addLayout(upper)
        return tab

    def _bulletin_tab(self) -> QWidget:
        tab = QWidget()
        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.setAccessibleName(self.tr("Period"))
        self.period.addItems(supervision.periods(self.context))
        edit = self.period.lineEdit()
        if edit is not None:
            edit.setAccessibleName(self.tr("Period"))
        self.folder = line(self.tr("Folder"))
        self.folder.setText(str(Path(self.context.paths.documents_dir) / "bulletins"))
        self.written = QLabel()
        self.written.setWordWrap(True)
        self.written.setAccessibleName(self.tr("Files written"))
        form = QFormLayout()
        form.addRow(self.tr("Week or month"), self.period)
        form.addRow(self.tr("Folder"), self.folder)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.written)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Ctrl+E: export the bulletin as PDF and XLSX   Alt+O: choose the folder   "
                    "(a month 2026-11, a week 2026-W49)"
                )
            )
        )
        layout.addStretch(1)
        return tab

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        focus = (self.table, self.period, self.cards.colour, self.hotline.table)[index]
        focus.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def working(self) -> bool:
        """A call to the service is running (any tab)."""
        return self.calls.busy or self.hotline.busy

    def _on_hotline(self, slot: Any) -> Any:
        """A key of the 12345 tab: only while it is shown."""
        return lambda: slot() if self.tabs.currentIndex() == 3 else None

    def reload(self) -> None:
        """F5: the list of the tab shown."""
        if self.tabs.currentIndex() == 2:
            self.cards.load()
        elif self.tabs.currentIndex() == 3:
            self.hotline.load()
        else:
            self.load_complaints(keep=self.selected.no if self.selected else None)
            self.ratings.load()

    # -- complaints -----------------------------------------------------------------------------

    def load_complaints(self, keep: str | None = None) -> None:
        """The complaints, overdue ones first in red; ``keep`` stays selected."""
        context, session = self.context, self.session
        self.calls.run(
            lambda: supervision.complaints(context, session),
            lambda found: self._show_complaints(found, keep),
            gate=False,
        )

    def _show_complaints(self, found: list[supervision.Complaint], keep: str | None) -> None:
        self.items = found
        statuses, abouts, categories = status_names(), about_names(), category_names()
        overdue = self.tr("Overdue")
        rows = []
        for c in self.items:
            status = statuses.get(c.status, c.status)
            rows.append(
                [
                    c.no,
                    f"{overdue} · {status}" if c.red else status,
                    f"{abouts.get(c.about_kind, c.about_kind)} {c.about}".strip(),
                    categories.get(c.category, c.category),
                    self.tr("Anonymous") if c.anonymous else c.complainant_name,
                    c.complainant_contact,
                    c.department_code,
                    c.due_date.isoformat() if c.due_date else "",
                ]
            )
        self.table.blockSignals(True)
        fill(self.table, rows)
        for r, c in enumerate(self.items):
            if c.red:
                for col in range(self.table.columnCount()):
                    item = self.table.item(r, col)
                    if item is not None:
                        item.setForeground(OVERDUE_RED)
        self.table.blockSignals(False)
        numbers = [c.no for c in self.items]
        row = numbers.index(keep) if keep in numbers else 0
        if self.items:
            self.table.setCurrentCell(row, 0)
            self._select(row)
        else:
            self.selected = None
            self.detail.clear()
            self._say(self.tr("No complaint."))

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        chosen = self.items[row]
        self.selected = chosen
        self._detail(chosen)
        context, session = self.context, self.session

        def read() -> supervision.Complaint:  # alone: the contact in full, to call back
            try:
                return supervision.read_complaint(context, session, chosen.no)
            except Exception:
                return chosen

        def shown(full: supervision.Complaint) -> None:
            if self.selected is chosen:  # not moved on meanwhile
                self._detail(full)

        self.calls.run(read, shown, gate=False)

    def _detail(self, full: supervision.Complaint) -> None:
        lines = [
            f"{full.no} · {full.complainant_name or self.tr('Anonymous')} "
            f"{full.complainant_contact}".rstrip(),
            self.tr("Account: %1").replace("%1", full.account),
        ]
        if full.answer:
            lines.append(self.tr("Answer: %1").replace("%1", full.answer))
        if full.satisfaction:
            words = satisfaction_names().get(full.satisfaction, full.satisfaction)
            lines.append(self.tr("Call-back: %1").replace("%1", words))
        self.detail.setText("\n".join(lines))

    def new_complaint(self) -> None:
        """Ctrl+N: to the intake form's first field."""
        self.show_tab(0)
        self.form.channel.setFocus()

    def show_bad_ratings(self) -> None:
        """Ctrl+B: to the list of bad ratings."""
        self.show_tab(0)
        self.ratings.table.setFocus()

    def raise_from_rating(self) -> None:
        """Alt+G: the intake form filled from the selected bad rating, the account to
        complete; Ctrl+Return takes it in."""
        if self.tabs.currentIndex() != 0:
            return
        rating = self.ratings.selected
        if rating is None:
            self._say(self.tr("Choose a bad rating first."))
            return
        self.form.raise_from(rating)
        self.form.account.setFocus()
        self._say(self.tr("The form is filled from the bad rating: complete it, then Ctrl+Return."))

    def take_in(self) -> None:
        """Ctrl+Return: take in the complaint filled in."""
        if self.tabs.currentIndex() != 0:
            return
        new, context, session = self.form.value(), self.context, self.session

        def taken_in(taken: supervision.Complaint) -> None:
            self.form.clear()
            self.table.setFocus()
            self._say(self.tr("Complaint %1 taken in.").replace("%1", taken.no))
            self.load_complaints(keep=taken.no)

        self.calls.run(lambda: supervision.take_complaint(context, session, new), taken_in)

    def _step(self, run: Any, done: str) -> None:
        if self.tabs.currentIndex() != 0:
            return
        chosen = self.selected
        if chosen is None:
            self._say(self.tr("Choose a complaint first."))
            return

        def finished(after: supervision.Complaint) -> None:
            self.note.clear()
            self._say(done.replace("%1", after.no))
            self.load_complaints(keep=after.no)

        no = chosen.no
        self.calls.run(lambda: run(no), finished)

    def assign(self) -> None:
        """Alt+A: to the department typed; its deadline counts from today (on the 12345
        tab: the selected work order)."""
        if self.tabs.currentIndex() == 3:
            self.hotline.assign()
            return
        self._step(
            partial(
                supervision.assign,
                self.context,
                self.session,
                department_code=self.department.text(),
                note=self.note.text(),
            ),
            self.tr("Complaint %1 assigned."),
        )

    def call_back(self) -> None:
        """Alt+B: the call-back recorded with the satisfaction chosen."""
        self._step(
            partial(
                supervision.call_back,
                self.context,
                self.session,
                satisfaction=str(self.satisfaction.currentData()),
                note=self.note.text(),
            ),
            self.tr("Call-back of %1 recorded."),
        )

    def close_complaint(self) -> None:
        """Alt+C: closed."""
        self._step(
            partial(supervision.close, self.context, self.session, note=self.note.text()),
            self.tr("Complaint %1 closed."),
        )

    def reopen(self) -> None:
        """Alt+R: reopened (once), the note saying why (on the 12345 tab: the selected work
        order returned to the hotline)."""
        if self.tabs.currentIndex() == 3:
            self.hotline.return_order()
            return
        self._step(
            partial(supervision.reopen, self.context, self.session, note=self.note.text()),
            self.tr("Complaint %1 reopened."),
        )

    # -- the bulletin ---------------------------------------------------------------------------

    def export(self) -> None:
        """Ctrl+E: the period's bulletin as PDF and XLSX in the folder (:attr:`exported`
        once written)."""
        if self.tabs.currentIndex() != 1:
            self.show_tab(1)
        period = self.period.currentText().strip()
        folder = Path(self.folder.text().strip())
        context, session = self.context, self.session

        def exported(written: tuple[Path, Path]) -> None:
            self.exported = written
            self.written.setText("\n".join(str(p) for p in written))
            self._say(self.tr("Bulletin %1 exported as PDF and XLSX.").replace("%1", period))

        self.calls.run(
            lambda: supervision.export_bulletin(context, session, period, folder), exported
        )

    def ask_folder(self) -> None:
        """Alt+O: choose the folder the bulletin goes to."""
        self.show_tab(1)
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder of the bulletin"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)


def is_supervisor(session: Any) -> bool:
    """The signed-in user is a supervisor (督查)."""
    return "supervisor" in tuple(getattr(session, "roles", ()) or ())


def open_supervision_screen(context: Any, session: Any, *, show: bool = True) -> Any:
    """The supervisor's screen of ``session`` (shown unless ``show`` is False)."""
    screen = SupervisionScreen(context, session)
    if show:
        screen.resize(1280, 800)
        screen.show()
    return screen
