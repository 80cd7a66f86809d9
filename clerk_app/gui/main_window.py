"""The main window: catalog | six disclosures | intake form, and the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QWidget,
)

from clerk_app import __version__
from clerk_app.gui.catalog_pane import CatalogPane
from clerk_app.gui.confirmation import AcceptedDialog
from clerk_app.gui.disclosure import DisclosurePanel
from clerk_app.gui.intake_form import IntakeForm
from clerk_app.gui.ops import DbWriter, show_error
from clerk_app.gui.sync_status import ConnectionIndicator

if TYPE_CHECKING:
    from clerk_app.intake_service import TakenCase
    from clerk_app.session import Session

log = logging.getLogger("clerk.gui")


class MainWindow(QMainWindow):
    """The desk of one signed-in clerk.

    Args:
        context: the ``AppContext`` (provisioning, clock, store, ...).
        session: the signed-in session (``username``, ``display_name``, ``window_name``,
            ``department``).
        calendar: the ``WorkCalendar`` due dates are counted with.
        take_in: ``take_in(context, session, draft, item) -> TakenCase``; runs on the writer.
        make_draft: ``make_draft(form, item, session) -> IntakeDraft``; runs on the GUI thread.
        writer: the one database writer.

    Signals:
        case_accepted(object): the ``TakenCase`` after its transaction committed.
    """

    case_accepted = Signal(object)

    def __init__(
        self,
        context: Any,
        session: Session,
        *,
        calendar: Any,
        take_in: Callable[[Any, Any, Any, Any], Any],
        make_draft: Callable[[IntakeForm, Any, Any], Any],
        writer: DbWriter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self._take_in = take_in
        self._make_draft = make_draft
        self.writer = writer
        self.sync_worker: Any = None
        self.last_dialog: AcceptedDialog | None = None
        self._accepting = False
        self.setObjectName("mainWindow")
        prov = context.provisioning
        self.setWindowTitle(
            self.tr("Window Clerk — %1, window %2")
            .replace("%1", prov.center_name)
            .replace("%2", prov.window_code)
        )

        self.catalog_pane = CatalogPane(self)
        self.disclosure = DisclosurePanel(self)
        self.intake = IntakeForm(context.clock, calendar, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.intake)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.catalog_pane)
        splitter.addWidget(self.disclosure)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([320, 560, 600])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.centralWidget().setContentsMargins(6, 6, 6, 0)

        self._build_status_bar()
        self._build_menus()
        self.catalog_pane.item_chosen.connect(self.choose_item)
        self.intake.accept_requested.connect(self.accept_case)
        self.intake.readiness_changed.connect(self.accept_action.setEnabled)
        self.resize(1480, 860)

    # -- chrome ------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        prov = self.context.provisioning
        name = self.session.display_name or self.session.username
        self.clerk_label = QLabel(self.tr("Clerk: %1").replace("%1", str(name)), self)
        window = f"{prov.window_code} {self.session.window_name or prov.window_name}".strip()
        self.window_label = QLabel(self.tr("Window: %1").replace("%1", window), self)
        dept = self.session.department or prov.department
        self.department_label = QLabel(self.tr("Department: %1").replace("%1", dept), self)
        self.connection_label = QLabel(self.tr("Connecting…"), self)
        self.connection_label.setObjectName("connectionLabel")
        for label in (self.clerk_label, self.window_label, self.department_label):
            bar.addWidget(label)
        self.offline_label: QLabel | None = None
        if getattr(self.session, "offline", False):
            self.offline_label = QLabel(self.tr("Signed in offline"), self)
            self.offline_label.setObjectName("offlineSignInLabel")
            self.offline_label.setStyleSheet("color: #8a5a00; font-weight: bold;")
            bar.addWidget(self.offline_label)
        bar.addPermanentWidget(self.connection_label)
        self.connection_indicator = ConnectionIndicator(self)
        bar.addPermanentWidget(self.connection_indicator)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        intake_menu = self.menuBar().addMenu(self.tr("&Intake"))
        self.find_action = QAction(self.tr("&Find item"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)
        self.accept_action = QAction(self.tr("&Accept case"), self)
        self.accept_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.accept_action.setEnabled(False)
        self.accept_action.triggered.connect(self.intake.request_accept)
        intake_menu.addAction(self.find_action)
        intake_menu.addAction(self.accept_action)
        self.guide_action = QAction(self.tr("Print service &guide…"), self)
        self.guide_action.setShortcut(QKeySequence("Ctrl+P"))
        self.guide_action.setEnabled(False)
        self.guide_action.triggered.connect(self.print_guide)
        intake_menu.addAction(self.guide_action)
        self.addAction(self.guide_action)
        self.last_preview: Any = None
        for action in (quit_action, self.find_action, self.accept_action):
            # Also on the window itself, so the shortcuts work whatever has the focus.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self_check = QAction(self.tr("&Self-check…"), self)
        self_check.setObjectName("selfCheckAction")
        self_check.triggered.connect(self.show_self_check)
        help_menu.addAction(self_check)
        about = QAction(self.tr("&About Window Clerk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        self.catalog_pane.search.setToolTip(self.tr("Search the catalog (Ctrl+F)"))

    def show_self_check(self) -> None:
        """Help → Self-check…: the same report as `clerk-app self-check`."""
        from clerk_app.gui.selfcheck_dialog import SelfCheckDialog

        ctx = self.context
        language = ctx.settings["ui.language"] or ctx.provisioning.language
        dialog = SelfCheckDialog(ctx.paths, ctx.provisioning, language, self)
        dialog.open()
        dialog.start()

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Window Clerk"))
        box.setText(
            self.tr(
                "Window Clerk %1\nIntake client for the windows of a government service center."
            ).replace("%1", __version__)
        )
        box.setObjectName("aboutBox")
        box.open()

    def focus_search(self) -> None:
        self.catalog_pane.search.setFocus()
        self.catalog_pane.search.selectAll()

    # -- catalog -----------------------------------------------------------------------

    def set_catalog(self, catalog: Any) -> None:
        self.catalog_pane.set_catalog(catalog)

    def choose_item(self, item: Any) -> None:
        """Show the item's disclosures and start an intake for it."""
        self.disclosure.show_item(item, self.catalog_pane.model.department_name(item))
        self.intake.set_item(item)
        self.guide_action.setEnabled(True)
        self.intake.ui.personNameEdit.setFocus()

    def print_guide(self) -> None:
        """Save the current item's 办事指南 as PDF and open its print preview."""
        from clerk_app.documents import NoCjkFontError, TemplateError
        from clerk_app.gui.printing import print_service_guide

        item = self.current_item
        if item is None:
            return
        department = self.catalog_pane.model.department_name(item)
        try:
            self.last_preview = print_service_guide(
                self, self.context, self.session, item, department
            )
        except (NoCjkFontError, TemplateError, OSError) as exc:  # font, template or disk
            log.error("service guide of %s failed: %s", item.code, exc)
            show_error(self, exc)

    @property
    def current_item(self) -> Any:
        return self.intake.item

    # -- sync status -------------------------------------------------------------------

    def attach_sync(self, worker: Any) -> None:
        """Show the worker's status in the status bar; wake it after each new case."""
        self.sync_worker = worker
        worker.status_changed.connect(self.show_sync_status)
        if hasattr(worker, "details_changed"):
            worker.details_changed.connect(self.connection_indicator.show_details)

    def show_sync_status(self, online: bool, waiting: int, rejected: int) -> None:
        state = self.tr("Online") if online else self.tr("Offline")
        text = state + " · " + self.tr("%n waiting", "", waiting)
        if rejected:
            text += " · " + self.tr("%n rejected", "", rejected)
        self.connection_label.setText(text)
        color = "#1b6e20" if online and not rejected else "#b3261e"
        self.connection_label.setStyleSheet(f"color: {color}; font-weight: bold;")

    # -- accept ------------------------------------------------------------------------

    def accept_case(self) -> None:
        """Write the case (one transaction, on the writer), then show the confirmation."""
        if self._accepting or self.current_item is None or not self.intake.is_ready():
            return
        item = self.current_item
        draft = self._make_draft(self.intake, item, self.session)
        self._accepting = True
        self.intake.setEnabled(False)
        self.statusBar().showMessage(self.tr("Saving the case…"))

        def work() -> Any:
            return self._take_in(self.context, self.session, draft, item)

        self.writer.submit(work, self).success(self._accepted).failure(self._accept_failed)

    def _accept_failed(self, exc: Exception) -> None:
        self._accepting = False
        self.intake.setEnabled(True)
        self.statusBar().clearMessage()
        show_error(self, exc)

    def _accepted(self, taken: TakenCase) -> None:
        self._accepting = False
        self.intake.setEnabled(True)
        self.statusBar().clearMessage()
        if self.sync_worker is not None:
            self.sync_worker.wake()
        self.case_accepted.emit(taken)
        due = self.intake.due_date()
        due_text = taken.due_date or (due.date if due else "")
        provisional = taken.due_date_provisional
        self.intake.clear()
        dialog = AcceptedDialog(
            case_no=taken.case_no,
            query_code=taken.query_code,
            due_date=str(due_text),
            provisional=provisional,
            receipt_path=taken.receipt_path,
            receipt_error=taken.receipt_error,
            print_receipt=self._previewer(getattr(taken, "receipt", None)),
            print_slip=self._previewer(getattr(taken, "slip", None)),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()

    def _previewer(self, document: Any) -> Callable[[], Any] | None:
        """Open the print preview of an issued document (or a rendered one); None if none."""
        if document is None:
            return None
        rendered = getattr(document, "rendered", document)

        def preview() -> Any:
            from clerk_app.gui.printing import PreviewSession, PrinterChoices

            choices = PrinterChoices(self.context.store, self.context.provisioning)
            self.last_preview = PreviewSession(rendered, choices, self)
            return self.last_preview.open()

        return preview

    # -- close -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.sync_worker is not None:
            self.sync_worker.stop()
        self.writer.wait_idle(10_000)
        super().closeEvent(event)
