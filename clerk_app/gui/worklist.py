"""The window's worklist: its cases with status, due date and a working-day countdown.

The list's model is :class:`~clerk_app.gui.worklist_model.WorklistModel`: lazy, one page of
:data:`~clerk_app.app.worklist.PAGE_SIZE` rows at a time by keyset from the local store, so
100,000 cases open as fast as 100. Yellow rows are due within
``worklist.due_soon_working_days`` working days, red rows are overdue; "today" comes from
the injected clock. A 容缺 case whose promised material is due (or overdue) and has not come
has its status cell in violet with the words "material due" / "material overdue" after the
status (a colour and a word, never the colour alone), so the clerk follows it up from the
case detail.

:class:`WorklistPane` adds the filters (status, due soon / overdue, received today) and the
search (case number, applicant name, ID last 4 digits, phone). Enter opens the case detail.
"Show" switches between this window's cases and 待本部门办理: the parts of joint cases
assigned to the desk's department, whichever window took them in, with their joint number
and stage (a part whose stage has not opened is grey, "waiting for its stage"). At the
window that takes joint cases in, Ctrl+Shift+J opens the consolidation of supplements
(``gui.joint_consolidate``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app.worklist import (
    DUE_ANY,
    DUE_OVERDUE,
    DUE_SOON,
    PAGE_SIZE,
    WorklistFilter,
    WorklistQuery,
    item_names,
    store_closed,
    takes_joint_cases,
    verifications_due,
    worklist_query,
)
from clerk_app.core import lifecycle
from clerk_app.gui.commitment import VerificationsDue
from clerk_app.gui.hub import case_hub
from clerk_app.gui.status_words import status_label
from clerk_app.gui.worklist_model import (
    CASE_NO_ROLE,
    GREY_TEXT,
    MATERIAL_DUE_ROLE,
    OPEN_STATUSES,
    RED,
    RED_TEXT,
    URGENCY_ROLE,
    VIOLET,
    YELLOW,
    WorklistModel,
)
from clerk_app.logs import logger

log = logger("gui")

__all__ = [
    "CASE_NO_ROLE",
    "GREY_TEXT",
    "MATERIAL_DUE_ROLE",
    "OPEN_STATUSES",
    "RED",
    "RED_TEXT",
    "SCOPE_DEPARTMENT",
    "SCOPE_WINDOW",
    "URGENCY_ROLE",
    "VIOLET",
    "YELLOW",
    "WorklistModel",
    "WorklistPane",
]

SCOPE_WINDOW = "window"
SCOPE_DEPARTMENT = "department"


class WorklistPane(QWidget):
    """Filters, search and the list of this window's cases.

    Args:
        context: the ``AppContext`` (store, settings, clock, provisioning, catalog cache).
        session: the signed-in clerk.
        calendar: the ``WorkCalendar`` countdowns are counted with.
        writer: the one database writer (case actions are written through it).

    Signals:
        case_opened(str): the clerk opened a case (Enter or double click).
    """

    case_opened = Signal(str)

    def __init__(
        self, context: Any, session: Any, calendar: Any, writer: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.calendar = calendar
        self.writer = writer
        self.detail: Any = None
        self.consolidation: Any = None
        self.setObjectName("worklistPane")

        self.search = QLineEdit(self)
        self.search.setObjectName("worklistSearch")
        self.search.setClearButtonEnabled(True)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("worklistStatus")
        self.due_box = QComboBox(self)
        self.due_box.setObjectName("worklistDue")
        self.today_box = QCheckBox(self)
        self.today_box.setObjectName("worklistToday")
        # 本窗口办件 / 待本部门办理 (the parts of joint cases for this desk's department).
        self.scope_box = QComboBox(self)
        self.scope_box.setObjectName("worklistScope")
        self.scope_box.addItem("", SCOPE_WINDOW)
        self.scope_box.addItem("", SCOPE_DEPARTMENT)
        self.scope_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope_box.setMinimumContentsLength(10)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("worklistCount")

        self.model = WorklistModel(self._query, self._item_names(), self)
        self.view = QTableView(self)
        self.view.setObjectName("worklistView")
        self.view.setAccessibleName(self.tr("Cases"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the item's name
        header.setStretchLastSection(False)
        for column, width in enumerate((200, 90, 170, 240, 175, 150, 150)):
            self.view.setColumnWidth(column, width)
        self.view.activated.connect(self._activated)
        # The dates are fitted to the rows on screen (and widened as the clerk scrolls): a
        # size hint over the first 1,000 rows would read back pages the model let go of.
        header.setResizeContentsPrecision(0)
        self.model.modelReset.connect(self._fit_dates)
        self.model.rowsInserted.connect(self._fit_dates)
        self._fit_timer = QTimer(self)  # once the scrolling stops, not at every page
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(200)
        self._fit_timer.timeout.connect(self._fit_dates)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self._fit_timer.start())
        self.view.doubleClicked.connect(self._activated)

        # Two rows, so the desk's window may stay narrow (a 1024-pixel screen, the splitter).
        scope_row = QHBoxLayout()
        self.scope_label = QLabel(self)
        self.scope_label.setBuddy(self.scope_box)
        scope_row.addWidget(self.scope_label)
        scope_row.addWidget(self.scope_box, 1)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        scope_row.addWidget(self.search_label)
        scope_row.addWidget(self.search, 3)
        filters = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setBuddy(self.status_box)
        filters.addWidget(self.status_label)
        filters.addWidget(self.status_box, 1)
        self.due_label = QLabel(self)
        self.due_label.setBuddy(self.due_box)
        filters.addWidget(self.due_label)
        filters.addWidget(self.due_box, 1)
        filters.addWidget(self.today_box)
        filters.addStretch(0)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(scope_row)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        # 告知承诺: the commitments still to verify, above the list.
        self.verifications = VerificationsDue(self)
        layout.insertWidget(2, self.verifications)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.status_box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.due_box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.today_box.toggled.connect(lambda _b: self.apply_filter())
        self.scope_box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.view.setColumnHidden(len(WorklistModel.COLUMNS) - 1, True)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self.refresh)
        # Desk writes and sync rounds (pulled changes, sent or refused items) show here.
        case_hub().case_changed.connect(self.schedule_refresh)
        case_hub().cases_changed.connect(self.schedule_refresh)

        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.search_action.triggered.connect(self.focus_search)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence("Shift+F5"))
        self.refresh_action.triggered.connect(self.refresh)
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_current)
        self.consolidate_action = QAction(self)
        self.consolidate_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.consolidate_action.triggered.connect(self.open_consolidation)
        self.consolidate_button = QPushButton(self)
        self.consolidate_button.setObjectName("consolidateButton")
        self.consolidate_button.clicked.connect(self.open_consolidation)
        filters.insertWidget(filters.count() - 1, self.consolidate_button)
        for action in (self.search_action, self.refresh_action, self.consolidate_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self._fill_boxes()
        self.retranslate()
        self._show_count()

    # -- text ------------------------------------------------------------------------------

    def _fill_boxes(self) -> None:
        self.status_box.blockSignals(True)
        self.status_box.clear()
        self.status_box.addItem("", None)
        self.status_box.addItem("", "open")
        for status in lifecycle.Status:
            self.status_box.addItem("", status.value)
        self.status_box.blockSignals(False)
        self.due_box.blockSignals(True)
        self.due_box.clear()
        for value in (DUE_ANY, DUE_SOON, DUE_OVERDUE):
            self.due_box.addItem("", value)
        self.due_box.blockSignals(False)

    def retranslate(self) -> None:
        """Every visible text again (after a language switch)."""
        self.scope_label.setText(self.tr("Sho&w:"))
        self.scope_box.setItemText(0, self.tr("This window's cases"))
        self.scope_box.setItemText(1, self.tr("For my department (joint cases)"))
        self.scope_box.setToolTip(
            self.tr(
                "The parts of joint cases assigned to your department, whichever window "
                "took them in"
            )
        )
        self.consolidate_action.setText(self.tr("Consolidate supplements of joint cases"))
        self.consolidate_button.setText(self.tr("Consolidate supplements…"))
        self.consolidate_button.setToolTip(
            self.tr("What each department filed, one notice per stage (%1)").replace(
                "%1", self.consolidate_action.shortcut().toString(QKeySequence.NativeText)
            )
        )
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Case no., applicant name, ID last 4 or phone"))
        self.search.setToolTip(
            self.tr(
                "Search the worklist by case number, name, ID last 4 digits or phone (%1)"
            ).replace("%1", self.search_action.shortcut().toString(QKeySequence.NativeText))
        )
        self.status_label.setText(self.tr("S&tatus:"))
        self.status_box.setItemText(0, self.tr("All statuses"))
        self.status_box.setItemText(1, self.tr("Open cases"))
        for i, status in enumerate(lifecycle.Status, start=2):
            self.status_box.setItemText(i, status_label(status.value))
        self.due_label.setText(self.tr("D&ue:"))
        self.due_box.setItemText(0, self.tr("Any due date"))
        soon = int(self.context.settings["worklist.due_soon_working_days"])
        self.due_box.setItemText(1, self.tr("Due within %n working day(s)", "", soon))
        self.due_box.setItemText(2, self.tr("Overdue"))
        self.today_box.setText(self.tr("Received to&day"))
        self.search_action.setText(self.tr("Search the worklist"))
        self.refresh_action.setText(self.tr("Refresh the worklist"))
        self.open_action.setText(self.tr("Open case"))
        self.view.setToolTip(self.tr("Enter opens the selected case; Shift+F5 refreshes the list"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)
        self.model.refresh_texts()
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n case(s)", "", self.model.total))
        if not store_closed(self.context):
            self.verifications.show_tasks(verifications_due(self.context))
            self.consolidate_button.setVisible(takes_joint_cases(self.context))

    # -- data ------------------------------------------------------------------------------

    def _query(self) -> WorklistQuery:
        return worklist_query(self.context, self.calendar)

    def _item_names(self) -> dict[str, str]:
        return item_names(self.context)

    def _stage_names(self) -> dict[tuple[str, str], str]:
        # The joint cases' catalog is read (and its module loaded) only for 待本部门办理.
        from clerk_app.app.joint_work import stage_names

        return stage_names(self.context)

    def current_filter(self) -> WorklistFilter:
        status = self.status_box.currentData()
        if status is None:
            statuses: frozenset[str] = frozenset()
        elif status == "open":
            statuses = OPEN_STATUSES
        else:
            statuses = frozenset({status})
        department = ""
        if self.scope_box.currentData() == SCOPE_DEPARTMENT:
            from clerk_app.app.joint_work import desk_department

            # No department known (no catalog yet): a code no part has, so nothing shows.
            department = desk_department(self.context, self.session) or "-"
        return WorklistFilter(
            statuses=statuses,
            due=self.due_box.currentData() or DUE_ANY,
            received_today=self.today_box.isChecked(),
            search=self.search.text(),
            department=department,
        )

    def show_department(self, on: bool = True) -> None:
        """Show 待本部门办理 (``on``) or this window's cases."""
        self.scope_box.setCurrentIndex(1 if on else 0)

    def open_consolidation(self) -> Any:
        """The intake window's consolidation of supplements (Ctrl+Shift+J)."""
        from clerk_app.gui.joint_consolidate import JointConsolidateDialog

        dialog = JointConsolidateDialog(self.context, self.session, self.writer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.consolidation = dialog
        dialog.open()
        return dialog

    def apply_filter(self) -> None:
        """Show the cases that match the filters and search now."""
        self._search_timer.stop()
        flt = self.current_filter()
        self.model.stage_names = self._stage_names() if flt.department else {}
        self.view.setColumnHidden(len(WorklistModel.COLUMNS) - 1, not flt.department)
        self.model.reload(flt)
        self._show_count()
        if self.model.rowCount():
            self.view.selectRow(0)

    def refresh(self) -> None:
        """Read the list again, keeping the clerk's place (after a save or a pulled change)."""
        if store_closed(self.context):  # the desk is shutting down
            return
        current = self.current_case_no()
        # At most 10 pages again, so a refresh stays quick however far the clerk scrolled.
        keep = min(self.model.rowCount(), 10 * PAGE_SIZE)
        self.model.item_names = self._item_names()
        if self.model.filter.department:
            self.model.stage_names = self._stage_names()
        self.model.reload(keep=keep)
        self._show_count()
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            self.view.selectRow(row)

    def schedule_refresh(self, *_args: Any) -> None:
        """Refresh soon (several saves or pulls in a row make one refresh)."""
        self._refresh_timer.start()

    # -- keyboard --------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_entered(self) -> None:
        self.apply_filter()
        self.view.setFocus()

    def current_case_no(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.data(index, CASE_NO_ROLE)

    def _fit_dates(self, *_args: Any) -> None:
        """Widen the due date and countdown columns to their text ("(provisional)" was cut)."""
        for column in (5, 6):
            wanted = max(
                self.view.sizeHintForColumn(column),
                self.view.horizontalHeader().sectionSizeHint(column),
            )
            if wanted > self.view.columnWidth(column):
                self.view.setColumnWidth(column, wanted)

    def _activated(self, index: QModelIndex) -> None:
        case_no = self.model.data(index, CASE_NO_ROLE)
        if case_no:
            self.open_case(case_no)

    def open_current(self) -> None:
        case_no = self.current_case_no()
        if case_no:
            self.open_case(case_no)

    def open_case(self, case_no: str) -> Any:
        """Open the case detail of ``case_no`` (and tell whoever listens)."""
        from clerk_app.gui.case_detail import CaseDetail

        self.case_opened.emit(case_no)
        detail = CaseDetail(self.context, self.session, case_no, self.writer, self)
        detail.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.detail = detail
        detail.open()
        return detail
