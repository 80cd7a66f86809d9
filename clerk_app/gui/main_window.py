"""The main window — the clerk's desk: catalog | six disclosures | intake form on the
"Intake" tab, the window's worklist on the "Worklist" tab, and the status bar (clerk,
window, department, connection and items waiting).

Keyboard first: every action is in a menu with a shortcut or a mnemonic, shown in the menu
and in its tooltip (``shortcuts.describe``). Texts are set in :meth:`MainWindow.retranslate`,
which runs again on ``QEvent.LanguageChange``: the language switches live.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from clerk_app.app.context import has_local_store
from clerk_app.app.scans import attach_scans
from clerk_app.core.lifecycle import Disposition
from clerk_app.gui import desk_dialogs, shortcuts
from clerk_app.gui.applicant_screen import attach_applicant_screen
from clerk_app.gui.card_reader import install_card_reader
from clerk_app.gui.catalog_pane import CatalogPane
from clerk_app.gui.confirmation import AcceptedDialog
from clerk_app.gui.disclosure import DisclosurePanel
from clerk_app.gui.hub import case_hub
from clerk_app.gui.intake_form import IntakeForm
from clerk_app.gui.intake_texts import document_names
from clerk_app.gui.joint_intake import install_joint_intake
from clerk_app.gui.ops import DbWriter, Op, show_error
from clerk_app.gui.parking import install_parking
from clerk_app.gui.presubmissions import install_presubmissions
from clerk_app.gui.scan_panel import ScanPanel
from clerk_app.gui.sync_status import ConnectionIndicator

if TYPE_CHECKING:
    from clerk_app.app.session import Session
    from clerk_app.app.take_in import TakenCase
    from clerk_app.documents import RenderedDocument

log = logging.getLogger("clerk.gui")


class MainWindow(QMainWindow):
    """The desk of one signed-in clerk.

    Args:
        context: the ``AppContext`` (provisioning, clock, store, settings, paths ...).
        session: the signed-in session (``username``, ``display_name``, ``window_name``,
            ``department``).
        calendar: the ``WorkCalendar`` due dates are counted with.
        take_in: ``take_in(context, session, draft, item) -> TakenCase``; runs on the writer.
        writer: the one database writer.

    Signals:
        case_accepted(object): the ``TakenCase`` after its transaction committed.
        reload_catalog_requested(): View ▸ Reload catalog (F5); the ``Desk`` loads it.
        lock_requested(): File ▸ Lock (Ctrl+L); the ``Desk``'s idle lock locks at once.
        sign_out_requested(): File ▸ Sign out (Ctrl+Shift+Q); the ``Desk`` signs out.
    """

    case_accepted = Signal(object)
    reload_catalog_requested = Signal()
    lock_requested = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        context: Any,
        session: Session,
        *,
        calendar: Any,
        take_in: Callable[[Any, Any, Any, Any], Any],
        writer: DbWriter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.calendar = calendar
        self._take_in = take_in
        self.writer = writer
        self.sync_worker: Any = None
        self.last_dialog: AcceptedDialog | None = None
        self.last_preview: Any = None
        #: The dialog opened last from a menu (settings, log view, shortcuts, about ...).
        self.last_tool: Any = None
        self._accepting = False
        #: Set by gui.presubmissions: for a pre-submission's take-in, the service call to
        #: run on a worker before the writer's short job (None: the usual take-in).
        self.take_in_first: Callable[[Any, Any], Callable[[], Any] | None] | None = None
        self._sync_state: tuple[bool, int, int] | None = None
        self._catalog_problem = ""
        self._details_seen = False
        self.setObjectName("mainWindow")

        self.catalog_pane = CatalogPane(self)
        self.disclosure = DisclosurePanel(self)
        self.intake = IntakeForm(context.clock, calendar, self)
        prov = context.provisioning  # 上报 to the center above (issue 20)
        self.intake.decision.set_upper_center(
            getattr(prov, "center_parent", ""), getattr(prov, "center_parent_name", "")
        )
        self.scans = ScanPanel(context, self.intake)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.intake)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.catalog_pane)
        self.splitter.addWidget(self.disclosure)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([330, 540, 610])
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setContentsMargins(6, 6, 6, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("deskTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, "")
        self.worklist: QWidget = QLabel(self)
        self.worklist.setObjectName("worklistPlaceholder")
        self.worklist.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.worklist, "")
        self.setCentralWidget(self.tabs)

        self._build_status_bar()
        self._build_menus()
        self.catalog_pane.item_chosen.connect(self.choose_item)
        self.intake.accept_requested.connect(self.accept_case)
        self.intake.readiness_changed.connect(self.accept_action.setEnabled)
        # Tab order: search → item list → disclosures → the intake form.
        QWidget.setTabOrder(self.catalog_pane.search, self.catalog_pane.list)
        QWidget.setTabOrder(self.catalog_pane.list, self.disclosure)
        QWidget.setTabOrder(self.disclosure, self.intake)
        # The applicant screen (setting applicant_screen.enabled): F9, indicator, ratings.
        self.applicant = attach_applicant_screen(self)
        self.retranslate()
        self.resize(1480, 860)
        self._restore_layout()
        # Park (Ctrl+S) and resume (Ctrl+R) unfinished intakes, in the Intake menu.
        self.parking = install_parking(self)
        # 网上待接件 (Ctrl+Shift+O): pre-review, and take in through the intake form.
        self.presubmissions = install_presubmissions(self)
        # The department's complaints and 12345 orders to answer (Ctrl+Shift+I, issue 19).
        from clerk_app.gui.department_inbox import install_department_inbox

        self.department_inbox = install_department_inbox(self)
        # The SDK ID card reader beside the form (F4 / Shift+F4; [idcard], issue 22).
        self.card_reader = install_card_reader(self)
        # The window's cases on the Worklist tab (Ctrl+2); Enter opens a case.
        self._install_worklist()
        # Enter on a package (一件事 or a project) opens its joint intake (issue 16).
        install_joint_intake(self)
        # The calling bar (issue 18, setting queue.calling_bar): the window's queue calls.
        from clerk_app.gui.calling_bar import install_calling_bar

        self.calling_bar = install_calling_bar(self)
        # Appointments booked and cancelled at the desk (Ctrl+Shift+Y, issue 18).
        from clerk_app.gui.appointments import install_appointments

        self.appointments = install_appointments(self)

    # -- chrome ------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.clerk_label = QLabel(self)
        self.clerk_label.setObjectName("clerkLabel")
        self.window_label = QLabel(self)
        self.window_label.setObjectName("windowLabel")
        self.department_label = QLabel(self)
        self.department_label.setObjectName("departmentLabel")
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionLabel")
        for n, label in enumerate((self.clerk_label, self.window_label, self.department_label)):
            if n:
                bar.addWidget(_separator(self))
            label.setContentsMargins(4, 0, 4, 0)
            bar.addWidget(label)
        self.offline_label: QLabel | None = None
        if self.session.offline:
            self.offline_label = QLabel(self)
            self.offline_label.setObjectName("offlineSignInLabel")
            self.offline_label.setStyleSheet("color: #8a5a00; font-weight: bold;")
            bar.addWidget(self.offline_label)
        self.connection_label.hide()  # the connection indicator says it, once (issue 15)
        self.connection_indicator = ConnectionIndicator(self)
        bar.addPermanentWidget(self.connection_indicator)

    def _action(self, menu: QMenu, name: str, slot: Callable[[], Any], *keys: Any) -> QAction:
        return shortcuts.menu_action(self, menu, name, slot, *keys)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.settings_action = self._action(
            self.file_menu, "settingsAction", self.show_settings, "Ctrl+,"
        )
        self.export_logs_action = self._action(
            self.file_menu, "exportLogsAction", self.export_logs, "Ctrl+Shift+E"
        )
        self.password_action = self._action(
            self.file_menu, "changePasswordAction", self.change_password
        )
        self.file_menu.addSeparator()
        self.lock_action = self._action(
            self.file_menu, "lockAction", self.lock_requested.emit, "Ctrl+L"
        )
        self.sign_out_action = self._action(
            self.file_menu, "signOutAction", self.sign_out_requested.emit, "Ctrl+Shift+Q"
        )
        self.quit_action = self._action(self.file_menu, "quitAction", self.request_quit, "Ctrl+Q")

        self.view_menu = bar.addMenu("")
        self.intake_tab_action = self._action(
            self.view_menu, "intakeTabAction", self.show_intake_tab, "Ctrl+1"
        )
        self.worklist_tab_action = self._action(
            self.view_menu, "worklistTabAction", self.show_worklist_tab, "Ctrl+2"
        )
        self.lookup_action = self._action(
            self.view_menu, "lookupAction", self.show_lookup, "Ctrl+3"
        )
        self.view_menu.addSeparator()
        self.reload_catalog_action = self._action(
            self.view_menu, "reloadCatalogAction", self.reload_catalog_requested.emit, "F5"
        )
        self.connection_action = self._action(
            self.view_menu, "connectionAction", self.connection_indicator.open_panel, "F8"
        )
        self.language_action = self._action(
            self.view_menu, "languageAction", self.toggle_language, "Ctrl+Shift+L"
        )

        self.intake_menu = bar.addMenu("")
        self.find_action = self._action(self.intake_menu, "findAction", self.focus_search, "Ctrl+F")
        self.accept_action = self._action(
            self.intake_menu,
            "acceptAction",
            self.intake.request_accept,
            "Ctrl+Return",
            "Ctrl+Enter",
        )
        self.accept_action.setEnabled(False)
        self.guide_action = self._action(
            self.intake_menu, "guideAction", self.print_guide, "Ctrl+P"
        )
        self.guide_action.setEnabled(False)

        self.help_menu = bar.addMenu("")
        self.shortcuts_action = self._action(
            self.help_menu, "shortcutsAction", self.show_shortcuts, "F1"
        )
        self.log_action = self._action(self.help_menu, "logViewAction", self.show_log, "F12")
        self.self_check_action = self._action(
            self.help_menu, "selfCheckAction", self.show_self_check
        )
        self.help_menu.addSeparator()
        self.about_action = self._action(self.help_menu, "aboutAction", self.show_about)

    def retranslate(self) -> None:
        """Set every text of the window in the current language (again)."""
        prov = self.context.provisioning
        self.setWindowTitle(
            self.tr("Window Clerk — %1, window %2")
            .replace("%1", prov.center_name)
            .replace("%2", prov.window_code)
        )
        # The tabs leave Alt+I / Alt+W to the Intake menu and the forms; Ctrl+1/2 switch them.
        self.tabs.setTabText(0, shortcuts.plain(self.tr("&Intake")))
        self.tabs.setTabToolTip(0, self.tr("Catalog, disclosures and the intake form (Ctrl+1)"))
        self.tabs.setTabText(1, shortcuts.plain(self.tr("&Worklist")))
        self.tabs.setTabToolTip(1, self.tr("This window's cases (Ctrl+2)"))
        if isinstance(self.worklist, QLabel):
            self.worklist.setText(self.tr("The worklist is not available in this build."))
        elif not _handles_language_change(self.worklist):
            retranslate = getattr(self.worklist, "retranslate", None)
            if callable(retranslate):
                retranslate()

        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.export_logs_action.setText(self.tr("&Export logs…"))
        self.password_action.setText(self.tr("Change &password…"))
        self.lock_action.setText(self.tr("&Lock the desk"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.tabs.setAccessibleName(self.tr("Desk"))
        self.splitter.widget(2).setAccessibleName(self.tr("Intake form"))
        self.intake_tab_action.setText(self.tr("&Intake"))
        self.worklist_tab_action.setText(self.tr("&Worklist"))
        self.lookup_action.setText(self.tr("&Look up a case…"))
        self.reload_catalog_action.setText(self.tr("&Reload catalog"))
        self.connection_action.setText(self.tr("&Connection details…"))
        #: Switches the interface between 简体中文 and English, live.
        self.language_action.setText(self.tr("Switch lan&guage (中文 / English)"))
        self.intake_menu.setTitle(self.tr("&Intake"))
        self.find_action.setText(self.tr("&Find item"))
        self.accept_action.setText(self.tr("&Accept case"))
        self.guide_action.setText(self.tr("Print service &guide…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.log_action.setText(self.tr("&Log…"))
        self.self_check_action.setText(self.tr("&Self-check…"))
        self.about_action.setText(self.tr("&About Window Clerk"))
        shortcuts.describe_menus(self.menuBar())
        self.catalog_pane.search.setToolTip(self.tr("Search the catalog (Ctrl+F)"))

        name = self.session.display_name or self.session.username
        self.clerk_label.setText(self.tr("Clerk: %1").replace("%1", str(name)))
        window = f"{prov.window_code} {self.session.window_name or prov.window_name}".strip()
        self.window_label.setText(self.tr("Window: %1").replace("%1", window))
        dept = self.session.department or prov.department
        self.department_label.setText(self.tr("Department: %1").replace("%1", dept))
        if self.offline_label is not None:
            self.offline_label.setText(self.tr("Signed in offline"))
        self._show_connection()
        indicator = self.connection_indicator
        if self._details_seen:
            indicator.show_details(indicator.details)
        else:
            indicator.setText(QCoreApplication.translate("ConnectionIndicator", "Connection…"))
        indicator.setToolTip(self.tr("Show the connection to the records service (F8)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- tabs and tools ----------------------------------------------------------------

    def show_intake_tab(self) -> None:
        self.tabs.setCurrentIndex(0)
        if self.current_item is None:
            self.focus_search()
        else:
            self.intake.setFocus()

    def show_worklist_tab(self) -> None:
        """View ▸ Worklist (Ctrl+2): the tab, with the focus in the worklist's search."""
        self.tabs.setCurrentIndex(1)
        focus = getattr(self.worklist, "focus_search", None)
        if callable(focus):
            focus()
        else:
            self.worklist.setFocus()

    def set_worklist(self, widget: QWidget) -> None:
        """Put the window's worklist (e.g. ``WorklistPane``) on the Worklist tab."""
        old = self.worklist
        self.tabs.removeTab(1)
        old.deleteLater()
        self.worklist = widget
        self.tabs.insertTab(1, widget, "")
        self.retranslate()

    def show_lookup(self) -> None:
        """View ▸ Look up a case (Ctrl+3): case number + query code, as an applicant."""
        self.last_tool = desk_dialogs.open_lookup(self)

    def show_settings(self) -> None:
        self.last_tool = desk_dialogs.open_settings(self)

    def show_log(self) -> None:
        self.last_tool = desk_dialogs.open_log_view(self)

    def change_password(self) -> None:
        """File ▸ Change password… (issue 14)."""
        from clerk_app.gui.password_dialog import open_password_change

        self.last_tool = open_password_change(self, self.context, self.session)

    def export_logs(self) -> None:
        self.last_tool = desk_dialogs.open_log_view(self, export=True)

    def show_shortcuts(self) -> None:
        self.last_tool = desk_dialogs.open_shortcuts(self)

    def show_self_check(self) -> None:
        """Help → Self-check…: the same report as `clerk-app self-check`."""
        self.last_tool = desk_dialogs.open_self_check(self)

    def show_about(self) -> None:
        self.last_tool = desk_dialogs.open_about(self)

    def toggle_language(self) -> None:
        """View ▸ Switch language: 简体中文 ↔ English, live, remembered in the settings."""
        from clerk_app.gui.i18n import current_language

        self.apply_language("en" if current_language() != "en" else "zh_CN")

    def apply_language(self, language: str) -> None:
        """Install ``language`` now (every widget retranslates) and keep it in the settings."""
        from clerk_app.gui.i18n import install_translations

        install_translations(language)
        desk_dialogs.save_setting(self, "ui.language", language)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.catalog_pane.search.setFocus()
        self.catalog_pane.search.selectAll()

    # -- catalog -----------------------------------------------------------------------

    def set_catalog(self, catalog: Any) -> None:
        self._catalog_problem = ""
        self.catalog_pane.set_catalog(catalog)
        self.parking.tell_parked_at_quit()

    def catalog_unavailable(self, message: str) -> None:
        """The catalog could not be loaded: say so in the status bar, never in a dialog."""
        self._catalog_problem = message
        self.catalog_pane.show_problem(message)
        self.statusBar().showMessage(message)

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

    def _install_worklist(self) -> None:
        """The ``WorklistPane`` on its tab, refreshed after each accepted case."""
        # A window without a local store has no worklist.
        if not has_local_store(self.context):
            return
        from clerk_app.gui.worklist import WorklistPane

        pane = WorklistPane(self.context, self.session, self.calendar, self.writer, self)
        self.set_worklist(pane)
        self.case_accepted.connect(pane.schedule_refresh)

    def attach_sync(self, worker: Any) -> None:
        """Show the worker's status in the status bar (pulled changes reach the worklist
        through the case hub; a new case wakes the worker through it too)."""
        self.sync_worker = worker
        worker.status_changed.connect(self.show_sync_status)
        if hasattr(worker, "details_changed"):
            worker.details_changed.connect(self._saw_details)
            worker.details_changed.connect(self.connection_indicator.show_details)

    def _saw_details(self, _details: Any) -> None:
        self._details_seen = True

    def show_sync_status(self, online: bool, waiting: int, rejected: int) -> None:
        """Status bar: online/offline · N waiting (· N rejected). Never a dialog."""
        self._sync_state = (online, waiting, rejected)
        self._show_connection()

    def _show_connection(self) -> None:
        if self._sync_state is None:
            self.connection_label.setText(self.tr("Connecting…"))
            return
        online, waiting, rejected = self._sync_state
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
        if self.applicant is not None and not self.applicant.may_accept():
            return
        item = self.current_item
        draft = self.intake.draft()
        pages = self.scans.pages()
        self._accepting = True
        self.intake.setEnabled(False)
        self.statusBar().showMessage(self.tr("Saving the case…"))
        self._saving(True)

        first = self.take_in_first(draft, item) if self.take_in_first else None

        def work(store: Callable[[], Any] | None = None) -> Any:
            taken = store() if store else self._take_in(self.context, self.session, draft, item)
            if pages:  # the scanned pages stay with the case (already sealed on disk)
                try:
                    attach_scans(self.context, taken.case_no, pages)
                except Exception:  # the case is saved: say it in the log, not as a failure
                    log.exception("scanned pages of %s not kept with it", taken.case_no)
            return taken

        def then_store(store: Callable[[], Any]) -> None:
            writing = self.writer.submit(lambda: work(store), self)
            writing.success(self._accepted).failure(self._accept_failed)

        if first is not None:  # the service first, on a worker: a slow link holds no writer
            Op(self, first).success(then_store).failure(self._accept_failed).run()
            return
        self.writer.submit(work, self).success(self._accepted).failure(self._accept_failed)

    def _saving(self, on: bool) -> None:
        """A busy bar in the status bar while the writer saves the case and writes its
        documents (the receipt PDF takes a few hundred ms on a slow PC; issue 21)."""
        bar = getattr(self, "saving_bar", None)
        if bar is None:
            if not on:
                return
            bar = self.saving_bar = QProgressBar(self)
            bar.setObjectName("savingBar")
            bar.setRange(0, 0)  # busy: no end known
            bar.setMaximumWidth(120)
            bar.setTextVisible(False)
            self.statusBar().addPermanentWidget(bar)
        bar.setAccessibleName(self.tr("Saving the case…"))
        bar.setVisible(on)

    def _accept_failed(self, exc: Exception) -> None:
        self._accepting = False
        self.intake.setEnabled(True)
        self.statusBar().clearMessage()
        self._saving(False)
        show_error(self, exc)

    def _accepted(self, taken: TakenCase) -> None:
        self._accepting = False
        self.intake.setEnabled(True)
        self.statusBar().clearMessage()
        self._saving(False)
        case_hub().announce_write(taken.case_no)  # the sync worker wakes, screens reload
        self.case_accepted.emit(taken)
        due = self.intake.due_date()
        disposition = taken.disposition
        due_text = taken.due_date or (
            due.date
            if due and disposition not in (Disposition.SUPPLEMENT, Disposition.REFUSED)
            else ""
        )
        provisional = taken.due_date_provisional
        self.intake.clear()
        from clerk_app.gui.pdf_viewer import opener  # QtPdf loads with the first case

        dialog = AcceptedDialog(
            case_no=taken.case_no,
            query_code=taken.query_code,
            due_date=str(due_text),
            provisional=provisional,
            receipt_path=taken.receipt_path,
            receipt_error=taken.receipt_error,
            print_receipt=self._previewer(taken.receipt.rendered if taken.receipt else None),
            print_slip=self._previewer(taken.slip),
            print_letter=self._previewer(
                taken.commitment_letter.rendered if taken.commitment_letter else None
            ),
            disposition=disposition.value,
            document_name=document_names().get(taken.document_kind, ""),
            ask_rating=(
                self.applicant.rating_asker(taken.case_no)
                if self.applicant and not self.applicant.visit_holds_rating()
                else None
            ),
            open_pdf=opener(self, self.context, taken.document_kind or "acceptance"),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()

    def _previewer(self, rendered: RenderedDocument | None) -> Callable[[], Any] | None:
        """Open the print preview of a rendered document; None if there is none."""
        if rendered is None:
            return None

        def preview() -> Any:
            from clerk_app.gui.printing import PreviewSession, PrinterChoices

            choices = PrinterChoices(self.context)
            self.last_preview = PreviewSession(rendered, choices, self)
            return self.last_preview.open()

        return preview

    # -- layout and close --------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings["ui.window_geometry"]
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        state = settings["ui.splitter_state"]
        if state:
            self.splitter.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    def save_layout(self) -> None:
        """Keep the window's size and place and the splitter widths in the settings."""
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        state = bytes(self.splitter.saveState().toBase64().data()).decode("ascii")
        desk_dialogs.save_setting(self, "ui.window_geometry", geometry, quiet=True)
        desk_dialogs.save_setting(self, "ui.splitter_state", state, quiet=True)

    def request_quit(self) -> None:
        """File ▸ Quit (Ctrl+Q): asks first when cases are still unsent, then closes."""
        if self.parking.confirm_quit():
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window manager's close button asks like Ctrl+Q; a half-filled intake is
        # parked whoever closes the window (quit, sign-out), and the next start says so.
        if event.spontaneous() and not self.parking.confirm_quit():
            event.ignore()
            return
        self.parking.park_at_quit()
        if self.applicant is not None:
            self.applicant.close()
        bar = getattr(self, "calling_bar", None)
        if bar is not None:
            bar.close_window_screen()
        self.save_layout()
        if self.sync_worker is not None:
            self.sync_worker.stop()
        self.writer.wait_idle(10_000)
        super().closeEvent(event)


def _separator(parent: QWidget) -> QFrame:
    """A thin vertical line between two status-bar fields."""
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def _handles_language_change(widget: QWidget) -> bool:
    """Whether ``widget``'s class retranslates itself in its own ``changeEvent``."""
    return "changeEvent" in type(widget).__dict__
