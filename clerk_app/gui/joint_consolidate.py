"""The intake window's consolidation of supplements (联合审批, issue 16).

Per joint case taken in here and open stage: what each department filed against its part,
whether the stage's review window has closed, and the parts waiting on the applicant. The
clerk issues the stage's ONE consolidated 一次性告知 (Alt+I; every open part of the stage
is then asked, naming it) and, when the applicant brings the papers, records them received
for every waiting part at once (Alt+R). Ctrl+P opens the notice's print preview; Esc closes.
Every write goes through ``app.joint_work`` on the database writer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app.joint_work import (
    ConsolidationOutcome,
    StageReview,
    department_names,
    send_consolidated_notice,
    stage_reviews,
    supplement_received,
)
from clerk_app.gui.errors import error_message
from clerk_app.gui.hub import case_hub


class JointConsolidateDialog(QDialog):
    """The open stages of this window's joint cases and their filings.

    Signals:
        written(str): a notice was issued or papers received for a joint case (its number).
    """

    written = Signal(str)

    def __init__(self, context: Any, session: Any, writer: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.session = session
        self.writer = writer
        self.reviews: list[StageReview] = []
        self.departments: dict[str, str] = {}
        self.last_outcome: ConsolidationOutcome | None = None
        self.last_preview: Any = None
        self._busy = False
        self.setObjectName("jointConsolidate")
        self.resize(980, 520)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("consolidationTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((220, 160, 170, 150)):
            self.table.setColumnWidth(column, width)
        self.table.currentCellChanged.connect(lambda *_a: self._show_current())
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("filingsText")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(150)
        self.message = QLabel(self)
        self.message.setObjectName("consolidationMessage")
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("issueNoticeButton")
        self.issue_button.clicked.connect(self.issue_notice)
        self.received_button = QPushButton(self)
        self.received_button.setObjectName("receivedButton")
        self.received_button.clicked.connect(self.papers_received)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printNoticeButton")
        self.print_button.clicked.connect(self.print_notice)
        self.print_button.setEnabled(False)
        for button in (self.issue_button, self.received_button, self.print_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence("Ctrl+P"))
        self.print_action.triggered.connect(self.print_notice)
        self.addAction(self.print_action)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Consolidate supplements of joint cases"))
        self.intro.setText(
            self.tr(
                "Departments file what their parts still need. When a stage's review window "
                "has closed, or every department has filed, issue ONE notice for the stage: "
                "every open part of it then waits for the applicant, and resumes together "
                "when the papers are brought."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Joint case"),
                self.tr("Applicant"),
                self.tr("Stage"),
                self.tr("Filed"),
                self.tr("State"),
            ]
        )
        self.issue_button.setText(self.tr("&Issue consolidated notice"))
        self.received_button.setText(self.tr("Papers &received"))
        self.print_button.setText(self.tr("&Print notice"))
        self.print_action.setText(self.tr("Print the notice"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the open stages again (after a write or a pulled change)."""
        self.reviews = stage_reviews(self.context)
        self.departments = department_names(self.context)
        self._fill()

    def _fill(self) -> None:
        row = max(self.table.currentRow(), 0)
        self.table.setRowCount(len(self.reviews))
        for n, review in enumerate(self.reviews):
            cells = (
                review.joint_no,
                review.applicant,
                f"{review.stage} {review.stage_name}",
                f"{len(review.filed)} / {len(review.departments)}",
                self.state_text(review),
            )
            for column, text in enumerate(cells):
                self.table.setItem(n, column, QTableWidgetItem(text))
        if self.reviews:
            self.table.setCurrentCell(min(row, len(self.reviews) - 1), 0)
        self._show_current()

    def state_text(self, review: StageReview) -> str:
        """Where the stage is, in words."""
        if review.waiting:
            return self.tr("Waiting for the applicant (notice %1)").replace(
                "%1", review.notice_no or "—"
            )
        if review.due:
            return self.tr("Ready: issue the notice")
        if not review.filings:
            return self.tr("Nothing filed")
        if review.closes is None:
            return self.tr("Waiting for every department to file")
        return self.tr("Review open until %1").replace("%1", review.closes.isoformat())

    def current(self) -> StageReview | None:
        row = self.table.currentRow()
        return self.reviews[row] if 0 <= row < len(self.reviews) else None

    def _show_current(self) -> None:
        review = self.current()
        self.issue_button.setEnabled(review is not None and review.due and not review.waiting)
        self.received_button.setEnabled(review is not None and bool(review.waiting))
        if review is None:
            self.details.setPlainText(self.tr("No joint case taken in here has a stage open."))
            return
        lines = []
        for filing in review.filings:
            names = "、".join(m.name for m in filing.materials)
            department = self.departments.get(filing.department, filing.department)
            text = f"{filing.case_no} · {department}：{names}"
            lines.append(text + (f"（{filing.note}）" if filing.note else ""))
        missing = [self.departments.get(d, d) for d in review.departments if d not in review.filed]
        if missing:
            lines.append(self.tr("Not filed: %1").replace("%1", "、".join(missing)))
        self.details.setPlainText("\n".join(lines))

    # -- writes ----------------------------------------------------------------------------

    def _run(self, work: Any, done: Any, joint_no: str) -> None:
        self._busy = True

        def failed(exc: Exception) -> None:
            self._busy = False
            self.message.setText(error_message(exc))

        def succeeded(result: Any) -> None:
            self._busy = False
            done(result)
            self.reload()
            self.written.emit(joint_no)

        self.writer.submit(work, self).success(succeeded).failure(failed)

    def issue_notice(self) -> None:
        """Issue the selected stage's consolidated notice and ask every open part (Alt+I)."""
        review = self.current()
        if self._busy or review is None or not review.due or review.waiting:
            return
        ctx, session = self.context, self.session
        self.message.setText(self.tr("Saving…"))

        def work() -> ConsolidationOutcome:
            return send_consolidated_notice(ctx, session, review.joint_no, review.stage)

        def done(outcome: ConsolidationOutcome) -> None:
            self.last_outcome = outcome
            self.print_button.setEnabled(True)
            text = self.tr(
                "Notice %1 issued; %n part(s) wait for the applicant.", "", len(outcome.asked)
            )
            self.message.setText(text.replace("%1", outcome.notice.document_no))
            for case_no in outcome.asked:
                case_hub().announce_write(case_no)

        self._run(work, done, review.joint_no)

    def papers_received(self) -> None:
        """The applicant brought the papers: every waiting part resumes (Alt+R)."""
        review = self.current()
        if self._busy or review is None or not review.waiting:
            return
        ctx, session = self.context, self.session

        def work() -> tuple[str, ...]:
            return supplement_received(ctx, session, review.joint_no, review.stage)

        def done(resumed: tuple[str, ...]) -> None:
            self.message.setText(self.tr("Papers received: %n part(s) resume.", "", len(resumed)))
            for case_no in resumed:
                case_hub().announce_write(case_no)

        self._run(work, done, review.joint_no)

    def print_notice(self) -> Any:
        """The print preview of the notice just issued (Ctrl+P)."""
        outcome = self.last_outcome
        if outcome is None:
            return None
        from clerk_app.gui.printing import PreviewSession, PrinterChoices

        self.last_preview = PreviewSession(
            outcome.notice.rendered, PrinterChoices(self.context), self
        )
        return self.last_preview.open()

    def keyPressEvent(self, event: Any) -> None:
        """Alt+I / Alt+R also when no shortcut took the key (no active window)."""
        if event.modifiers() == Qt.KeyboardModifier.AltModifier:
            button = {Qt.Key.Key_I: self.issue_button, Qt.Key.Key_R: self.received_button}.get(
                Qt.Key(event.key())
            )
            if button is not None and button.isEnabled():
                button.click()
                event.accept()
                return
        super().keyPressEvent(event)
