"""The shift lead's window: Workload, Sync supervision, People, Joint approval and Queue tabs.

Opened instead of the clerk's desk when the signed-in user is a lead or an admin
(:func:`may_open`). Every query runs in the background (``Op``); each tab says when its
figures were fetched and, when the service cannot be reached, keeps the last ones marked
stale. Keyboard: F5 refresh, Ctrl+1…5 tabs, Ctrl+O a window's cases, Ctrl+E / Ctrl+Shift+E
export, Ctrl+W close the dashboard, Ctrl+Q quit, Ctrl+Shift+L switch language, F1 the list of
keys (as on the desk); every menu item shows its keys in its tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from clerk_app.app.dashboard import DashboardSource, dashboard_source
from clerk_app.gui import desk_dialogs, shortcuts
from clerk_app.gui.dashboard import export
from clerk_app.gui.dashboard.cases_dialog import CasesDialog
from clerk_app.gui.dashboard.joint_tab import JointTab
from clerk_app.gui.dashboard.models import Period
from clerk_app.gui.dashboard.people_tab import PeopleTab
from clerk_app.gui.dashboard.queue_tab import QueueTab
from clerk_app.gui.dashboard.sync_tab import SyncTab
from clerk_app.gui.dashboard.widgets import failure_text
from clerk_app.gui.dashboard.workload_tab import WorkloadTab
from clerk_app.gui.errors import is_refused
from clerk_app.gui.ops import Op

# Roles that may open the dashboard.
DASHBOARD_ROLES = frozenset({"lead", "admin"})
# Refusal boxes shown without a parent window, kept referenced while open.
_REFUSALS: set[QMessageBox] = set()
# How often the shown tab refreshes on its own.
AUTO_REFRESH_MS = 60_000


def may_open(roles: Iterable[str]) -> bool:
    """Whether a user with ``roles`` gets the dashboard (leads and admins)."""
    return bool(DASHBOARD_ROLES.intersection(roles))


class DashboardWindow(QMainWindow):
    """The dashboard. ``user`` is a dict or object with ``display_name`` and ``department``.

    Signals:
        cases_shown(CasesDialog): a window's cases were fetched and shown.
        quit_requested(): File ▸ Quit (Ctrl+Q): the window closed, the app should end.
    """

    cases_shown = Signal(object)
    quit_requested = Signal()

    def __init__(
        self,
        source: DashboardSource | Any,
        clock: Any,
        *,
        user_name: str = "",
        department: str = "",
        auto_refresh_ms: int = AUTO_REFRESH_MS,
        context: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardWindow")
        # The app's context, when there is one: the language switch is kept in its settings.
        self.context = context
        # The signed-in lead or admin (open_dashboard): File ▸ Change password… is theirs.
        self.session: Any = None
        # The dialog opened last from the Help menu (the shortcuts list).
        self.last_tool: QWidget | None = None
        self.source, self.clock = source, clock
        self.user_name, self.department = user_name, department
        self.cases_dialog: CasesDialog | None = None
        # The desk's own link (attach_sync: a lead signed in at a window PC), if any.
        self.sync_worker: Any = None
        self.writer: Any = None
        self.connection_indicator: Any = None
        self.connection_action: QAction | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.setAccessibleName(self.tr("Dashboard"))
        self.workload = WorkloadTab(source, clock, self)
        self.sync = SyncTab(source, clock, self)
        self.people = PeopleTab(source, clock, self)
        self.joint = JointTab(source, clock, self)
        self.queue = QueueTab(source, clock, self)  # the hall's queue (issue 18)
        for tab in (self.workload, self.sync, self.people, self.joint, self.queue):
            self.tabs.addTab(tab, "")
        self.setCentralWidget(self.tabs)
        self.workload.window_chosen.connect(self.show_cases)
        self.people.acted.connect(self._acted)
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        self.timer = QTimer(self)
        self.timer.setInterval(auto_refresh_ms)
        self.timer.timeout.connect(self.refresh)
        if auto_refresh_ms > 0:
            self.timer.start()
        self.retranslate()
        self.resize(1360, 860)

    # -- menus ------------------------------------------------------------------------------

    def _action(self, menu: QMenu, name: str, slot: Callable[[], Any], *keys: str) -> QAction:
        return shortcuts.menu_action(self, menu, name, slot, *keys)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.csv_action = self._action(self.file_menu, "exportCsv", self.ask_csv, "Ctrl+E")
        self.xlsx_action = self._action(self.file_menu, "exportXlsx", self.ask_xlsx, "Ctrl+Shift+E")
        self.password_action = self._action(
            self.file_menu, "changePasswordAction", self.change_password
        )
        self.refund_action = self._action(  # a lead's refund request (issue 17)
            self.file_menu, "requestRefund", self.request_refund, "Ctrl+Shift+R"
        )
        self.file_menu.addSeparator()
        self.close_action = self._action(self.file_menu, "closeDashboard", self.close, "Ctrl+W")
        self.quit_action = self._action(self.file_menu, "quitDashboard", self.quit, "Ctrl+Q")
        self.view_menu = bar.addMenu("")
        self.refresh_action = self._action(self.view_menu, "refresh", self.refresh, "F5")
        self.cases_action = self._action(
            self.view_menu, "windowCases", self.show_current_cases, "Ctrl+O"
        )
        self.language_action = self._action(
            self.view_menu, "languageAction", self.toggle_language, "Ctrl+Shift+L"
        )
        self.view_menu.addSeparator()
        self.tab_actions = [
            self._action(self.view_menu, f"tab{i}", lambda _c=False, i=i: self.show_tab(i), k)
            for i, k in enumerate(("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5"))
        ]
        self.period_menu = bar.addMenu("")
        self.period_actions = {
            period: self._action(
                self.period_menu,
                f"period_{period.value}",
                lambda _c=False, p=period: self.choose_period(p),
                key,
            )
            for period, key in (
                (Period.TODAY, "Alt+1"),
                (Period.WEEK, "Alt+2"),
                (Period.MONTH, "Alt+3"),
                (Period.RANGE, "Alt+4"),
            )
        }
        self.period_menu.addSeparator()
        self.by_window_action = self._action(
            self.period_menu, "byWindow", lambda: self.workload.set_group("window"), "Alt+W"
        )
        self.by_department_action = self._action(
            self.period_menu,
            "byDepartment",
            lambda: self.workload.set_group("department"),
            "Alt+D",
        )
        self.help_menu = bar.addMenu("")
        self.shortcuts_action = self._action(
            self.help_menu, "shortcutsAction", self.show_shortcuts, "F1"
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shift lead dashboard — Window Clerk"))
        # Tabs switch with Ctrl+1…5 (View menu); no Alt+letter, which the menus use.
        self.tabs.setTabText(0, self.tr("Workload"))
        self.tabs.setTabText(1, self.tr("Sync supervision"))
        self.tabs.setTabText(2, self.tr("People"))
        self.tabs.setTabText(3, self.tr("Joint approval"))
        self.tabs.setTabText(4, self.tr("Queue"))
        for i, keys in enumerate(("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5")):
            self.tabs.setTabToolTip(i, f"{self.tabs.tabText(i)} ({keys})")
        self.file_menu.setTitle(self.tr("&File"))
        self.csv_action.setText(self.tr("Export to &CSV…"))
        self.xlsx_action.setText(self.tr("Export to &Excel (XLSX)…"))
        self.password_action.setText(self.tr("Change &password…"))
        self.refund_action.setText(self.tr("Request a &refund…"))
        self.close_action.setText(self.tr("&Close"))
        self.quit_action.setText(self.tr("&Quit"))
        self.language_action.setText(self.tr("Switch lan&guage (中文 / English)"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.view_menu.setTitle(self.tr("&View"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.cases_action.setText(self.tr("Cases of the selected &window"))
        for action, text in zip(
            self.tab_actions,
            (
                self.tr("&Workload"),
                self.tr("&Sync supervision"),
                self.tr("&People"),
                self.tr("&Joint approval"),
                self.tr("&Queue"),
            ),
            strict=True,
        ):
            action.setText(text)
        self.period_menu.setTitle(self.tr("&Period"))
        texts = {
            Period.TODAY: self.tr("&Today"),
            Period.WEEK: self.tr("This &week"),
            Period.MONTH: self.tr("This &month"),
            Period.RANGE: self.tr("Date &range"),
        }
        for period, action in self.period_actions.items():
            action.setText(texts[period])
        self.by_window_action.setText(self.tr("Per wi&ndow"))
        self.by_department_action.setText(self.tr("Per &department"))
        who = self.user_name + (f" · {self.department}" if self.department else "")
        self.user_label.setText(who)
        for tab in (self.workload, self.sync, self.people, self.joint, self.queue):
            tab.retranslate()
        if self.connection_action is not None:
            self.connection_action.setText(self.tr("&Connection details…"))
            self.connection_indicator.show_details(self.connection_indicator.details)
        shortcuts.describe_menus(self.menuBar())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the desk's own link -----------------------------------------------------------------

    def attach_sync(self, worker: Any, writer: Any) -> None:
        """Show the desk's link to the center in the status bar, F8 its panel (waiting
        items, Retry now): at a window PC the desk's outbox goes on its device token while
        a lead or an admin is signed in here (``Desk.open_desk``)."""
        from clerk_app.gui.sync_status import ConnectionIndicator

        self.sync_worker, self.writer = worker, writer
        self.connection_indicator = ConnectionIndicator(self)
        self.statusBar().addPermanentWidget(self.connection_indicator)
        worker.details_changed.connect(self.connection_indicator.show_details)
        self.connection_action = self._action(
            self.view_menu, "connectionAction", self.connection_indicator.open_panel, "F8"
        )
        self.retranslate()

    # -- help, language, quitting ------------------------------------------------------------

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts (F1): the desk's list, with the dashboard's menus."""
        self.last_tool = desk_dialogs.open_shortcuts(self)

    def toggle_language(self) -> None:
        """View ▸ Switch language: 简体中文 ↔ English, live, kept in the settings."""
        from clerk_app.gui.i18n import current_language, install_translations

        language = "en" if current_language() != "en" else "zh_CN"
        install_translations(language)
        if self.context is not None:
            desk_dialogs.save_setting(self, "ui.language", language)

    def request_refund(self) -> None:
        """File ▸ Request a refund… (a lead of the collecting department, issue 17)."""
        if self.context is not None and self.session is not None:
            from clerk_app.gui.refund_request import open_refund_request

            self.last_tool = open_refund_request(self.context, self.session, parent=self)

    def change_password(self) -> None:
        """File ▸ Change password… (issue 14): the signed-in user's own password."""
        if self.context is None or self.session is None:
            return
        from clerk_app.gui.password_dialog import open_password_change

        self.last_tool = open_password_change(self, self.context, self.session)

    def quit(self) -> None:
        """File ▸ Quit (Ctrl+Q): close the dashboard and end the app."""
        if self.close():
            self.quit_requested.emit()

    # -- refreshing -------------------------------------------------------------------------

    def start(self) -> None:
        """First load of every tab (in the background)."""
        self.sync.refresh()
        self.people.refresh()

    def refresh(self) -> None:
        """Refresh the tab shown."""
        current = self.tabs.currentWidget()
        if current is self.workload:
            self.workload.refresh()
        elif current is self.sync:
            self.sync.refresh()
        elif current is self.joint:
            self.joint.refresh()
        elif current is self.queue:
            self.queue.refresh()
        else:
            self.people.refresh()

    def _tab_shown(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.sync and self.sync.answer is None:
            self.sync.refresh()
        elif current is self.people and not self.people.users:
            self.people.refresh()
        elif current is self.joint and self.joint.answer is None and not self.joint.busy:
            self.joint.refresh()
        elif current is self.queue and self.queue.figures is None and not self.queue.busy:
            self.queue.refresh()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus()

    def choose_period(self, period: Period) -> None:
        self.tabs.setCurrentWidget(self.workload)
        self.workload.set_period(period)
        if period is Period.RANGE:
            self.workload.from_edit.setFocus()

    # -- a window's cases -------------------------------------------------------------------

    def show_current_cases(self) -> None:
        code = self.workload.current_window()
        if code is None:
            self.statusBar().showMessage(self.tr("Choose a window in the table first."), 5000)
            return
        self.show_cases(code)

    def show_cases(self, window: str) -> None:
        start, end = self.workload.shown_period or self.workload.period()
        self.statusBar().showMessage(self.tr("Loading the cases of %1…").replace("%1", window))
        Op(self, lambda: self.source.cases(window, start, end)).success(
            lambda answer: self._cases_loaded(window, start, end, answer)
        ).failure(self._cases_failed).run()

    def _cases_loaded(self, window: str, start: date, end: date, answer: dict[str, Any]) -> None:
        self.statusBar().clearMessage()
        self.cases_dialog = CasesDialog(window, start, end, answer, self)
        self.cases_dialog.open()
        self.cases_shown.emit(self.cases_dialog)

    def _cases_failed(self, exc: Exception) -> None:
        if is_refused(exc, 404):  # outside the lead's department answers as unknown
            text = self.tr(
                "No such window among yours: shift leads see their own department's windows."
            )
        else:
            text = failure_text(exc)
        self.statusBar().showMessage(text, 10000)

    # -- export -----------------------------------------------------------------------------

    def _default_name(self, suffix: str) -> str:
        if self.tabs.currentWidget() is self.queue:
            return self.queue.default_name(suffix)
        start, end = self.workload.shown_period or self.workload.period()
        return f"workload-{start.isoformat()}-{end.isoformat()}.{suffix}"

    def ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to CSV"), self._default_name("csv"), self.tr("CSV (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def ask_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to Excel"),
            self._default_name("xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.export_xlsx(Path(path))

    def export_csv(self, path: Path) -> Path | None:
        """Write the workload table as shown to ``path`` (UTF-8 with BOM); on the Queue
        tab, its tables."""
        if self.tabs.currentWidget() is self.queue:
            return self._export_queue(path, self.queue.write_csv)
        return self._export(path, export.write_csv)

    def export_xlsx(self, path: Path) -> Path | None:
        """Write the workload table as shown to ``path`` (XLSX); on the Queue tab, its
        tables, a sheet each."""
        if self.tabs.currentWidget() is self.queue:
            return self._export_queue(path, self.queue.write_xlsx)
        return self._export(
            path, lambda p, t, title: export.write_xlsx(p, t, title, sheet=self.tr("Workload"))
        )

    def _export_queue(self, path: Path, write: Callable[[Path], Path]) -> Path | None:
        if self.queue.figures is None:
            self.statusBar().showMessage(self.tr("No figures to export yet."), 5000)
            return None
        return self._written(path, lambda: write(path))

    def _export(self, path: Path, write: Callable[..., Path]) -> Path | None:
        if self.workload.figures is None:
            self.statusBar().showMessage(self.tr("No figures to export yet."), 5000)
            return None
        return self._written(
            path, lambda: write(path, self.workload.snapshot(), self.workload.title())
        )

    def _written(self, path: Path, write: Callable[[], Path]) -> Path | None:
        try:
            written = write()
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export failed"),
                self.tr("Could not write %1: %2").replace("%1", str(path)).replace("%2", str(exc)),
            )
            return None
        self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(written)), 8000)
        return written

    def _acted(self, ok: bool, message: str) -> None:
        self.statusBar().showMessage(message, 8000 if ok else 15000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        super().closeEvent(event)


def refuse(parent: QWidget | None = None) -> QMessageBox:
    """Tell a user without the lead or admin role that the dashboard is not for them."""
    box = QMessageBox(parent)
    box.setObjectName("dashboardRefused")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dashboard", "Shift lead dashboard"))
    box.setText(
        QCoreApplication.translate(
            "Dashboard",
            "This account cannot open the shift lead dashboard: it is for shift leads and "
            "admins only. Sign in with a lead account, or ask an admin for the lead role.",
        )
    )
    if parent is None:  # a window of its own: keep it alive until it is closed
        _REFUSALS.add(box)
        box.finished.connect(lambda _r: _REFUSALS.discard(box))
    box.open()
    return box


def open_dashboard(context: Any, session: Any, *, start: bool = True) -> DashboardWindow | None:
    """Open the dashboard for a signed-in lead or admin; anyone else gets :func:`refuse`."""
    if not may_open(session.roles):
        refuse()
        return None
    window = DashboardWindow(
        dashboard_source(context, session),
        context.clock,
        user_name=session.display_name,
        department=session.department,
        context=context,
    )
    window.session = session
    from clerk_app.gui.case_materials import install_case_view

    install_case_view(window)  # Enter on a case of a window's list: its scans (issue 22)
    if "lead" in session.roles:  # the department's complaints and 12345 orders (issue 19)
        from clerk_app.gui.department_inbox import install_department_inbox

        window.department_inbox = install_department_inbox(window)  # type: ignore[attr-defined]
    window.quit_requested.connect(QCoreApplication.quit)
    window.show()
    if start:
        window.start()
    return window
