"""The connection state: a status-bar button and the panel it opens.

The button says online / offline / syncing, the last successful contact, warns when the
local clock is more than 5 minutes off the service's, and marks cases in conflict with the
center. The panel adds the number waiting, the rejected items with the service's reasons,
and the conflicts; Resolve (or Enter on a conflict) opens
:class:`~clerk_app.gui.conflicts.ConflictDialog`. Both are fed by
``SyncWorker.details_changed`` (a :class:`~clerk_app.gui.sync_worker.LinkDetails` made on
the worker thread): nothing here reads the network, and the database only when the clerk
opens a conflict. A scanned page waiting or refused is named by its material and page
number, and a refusal the desk knows (the center's limit per page or per case, a page this
desk cannot read) is said in words (``app.outbox_pages``, read by the worker). The panel's
layout is the Designer form ``ui/connection_panel.ui``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from clerk_app.app.outbox_pages import ON_DESK, PageFacts
from clerk_app.app.sync import WAITS_FOR_AUTHOR, retry_now
from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.case_actions import status_label
from clerk_app.gui.forms.ui_connection_panel import Ui_ConnectionPanel
from clerk_app.gui.sync_worker import LinkDetails

# A clock further off than this (seconds) is shown as a warning.
SKEW_WARNING_SECONDS = 300.0

OK_COLOR = "#1b6e20"
WARN_COLOR = "#b3261e"


def _time(dt: datetime | None) -> str:
    return "—" if dt is None else dt.astimezone(CENTER_TZ).strftime("%Y-%m-%d %H:%M:%S")


def _find(widget: QWidget | None, name: str) -> Any:
    """The nearest ``name`` attribute up the parent chain (the main window's context…)."""
    while widget is not None:
        value = getattr(widget, name, None)
        if value is not None:
            return value
        widget = widget.parentWidget()
    return None


def kind_label(kind: str) -> str:
    """What an outbox row is, in the clerk's words (a kind it does not know: "Other
    record", never the raw kind)."""
    texts = {
        "create_case": QCoreApplication.translate("ConnectionPanel", "New case"),
        "create_joint_case": QCoreApplication.translate("ConnectionPanel", "Joint case"),
        "case_event": QCoreApplication.translate("ConnectionPanel", "Case action"),
        "document_record": QCoreApplication.translate("ConnectionPanel", "Document"),
        "payment_notice": QCoreApplication.translate("ConnectionPanel", "Payment notice"),
        "payment_notice_cancel": QCoreApplication.translate(
            "ConnectionPanel", "Payment notice cancelled"
        ),
        "cashier_payment": QCoreApplication.translate(
            "ConnectionPanel", "Payment taken offline (paper receipt)"
        ),
        "rating": QCoreApplication.translate("ConnectionPanel", "Rating"),
        "client_event": QCoreApplication.translate("ConnectionPanel", "Audit record"),
        "attachment": QCoreApplication.translate("ConnectionPanel", "Scanned page"),
    }
    text = texts.get(kind)
    if text is None:  # a kind this desk does not name (a newer desk's row): never the code
        text = QCoreApplication.translate("ConnectionPanel", "Other record")
    return text


def _kb(size: int) -> str:
    return f"{max(1, round(size / 1024)):,}"


def page_label(page: PageFacts) -> str:
    """ "Scanned page 2 of “Copy of the ID card”": which material, which page."""
    return (
        QCoreApplication.translate("ConnectionPanel", "Scanned page %1 of “%2”")
        .replace("%1", str(page.page))
        .replace("%2", page.material_name)
    )


def page_refusal(page: PageFacts, reason: str) -> str:
    """Why a scanned page was refused, in words; ``reason`` (the raw one) when it is not
    one of the refusals the desk knows."""
    if page.problem == "attachment-too-large" and page.limit is not None:
        return (
            QCoreApplication.translate(
                "ConnectionPanel",
                "The page is too large for the center: %1 KB, and a page may have at most "
                "%2 KB. It stays on this desk; the case itself reached the center.",
            )
            .replace("%1", _kb(page.size))
            .replace("%2", _kb(page.limit))
        )
    if page.problem == "case-attachments-too-large" and page.limit is not None:
        return QCoreApplication.translate(
            "ConnectionPanel",
            "With this page the case's scans would pass the center's limit of %1 KB per "
            "case. It stays on this desk; the case itself reached the center.",
        ).replace("%1", _kb(page.limit))
    if page.problem == ON_DESK:
        return QCoreApplication.translate(
            "ConnectionPanel",
            "This desk cannot read the page (missing or damaged), so it cannot be sent. "
            "Call IT support.",
        )
    return QCoreApplication.translate("ConnectionPanel", "The center refused the page: %1").replace(
        "%1", page.detail or reason
    )


def page_progress(page: PageFacts) -> str:
    """How far a waiting page got: "" before its first byte reached the center."""
    if page.sent <= 0 or page.size <= 0:
        return ""
    return (
        QCoreApplication.translate(
            "ConnectionPanel", "%1 of %2 KB at the center; it goes on from there"
        )
        .replace("%1", _kb(page.sent))
        .replace("%2", _kb(page.size))
    )


def stop_reason(stopped: str | None) -> str:
    """Why the engine sends nothing, and what to do; "" when it is not stopped for good."""
    texts = {
        "no-token": QCoreApplication.translate(
            "ConnectionPanel",
            "Sending stopped: this desk has no device token, so nothing taken in here "
            "reaches the center. A clerk of this window signing in once while the records "
            "service can be reached restores sending; if it stays, call IT support.",
        ),
        "unauthorized": QCoreApplication.translate(
            "ConnectionPanel",
            "Sending stopped: the records service no longer accepts this desk's sign-in "
            "(401). Sign out and sign in again.",
        ),
        "upgrade-required": QCoreApplication.translate(
            "ConnectionPanel",
            "Sending stopped: the records service needs a newer version of this client "
            "(426). Call IT support to update it.",
        ),
        "tls": QCoreApplication.translate(
            "ConnectionPanel",
            "Sending stopped: the records service's certificate is not trusted. Call IT "
            "support (CA bundle in the provisioning file).",
        ),
    }
    return texts.get(stopped or "", "")


def no_device_token_note() -> str:
    """What to tell the clerk when the desk sends on the clerk's own sign-in because it
    holds no device token (the window has as many desks as it may, or the service did not
    issue one): it works only while that clerk is signed in online."""
    return QCoreApplication.translate(
        "ConnectionPanel",
        "This desk has no device token of its own: it sends only on a clerk's online "
        "sign-in, and cases taken in under an offline sign-in or after signing out wait. "
        "A clerk of this window signing in once while the records service can be reached "
        "restores it; if it stays, call IT support (the window may have as many desks as "
        "it is allowed).",
    )


def link_problem(details: LinkDetails) -> str:
    """The sentence in red under the state: why nothing is sent, or that the desk has no
    device token of its own; "" when all is well."""
    if details.state == "stopped":
        return stop_reason(details.stopped)
    if not details.device_token:
        return no_device_token_note()
    return ""


class ConnectionPanel(QDialog):
    """State, waiting, last contact, clock skew, rejected items with reasons, conflicts.

    Signals:
        conflict_resolved(str, str): a conflict was decided (case number, choice).
    """

    conflict_resolved = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The layout is ui/connection_panel.ui; the code fills in the details.
        self.ui = u = Ui_ConnectionPanel()
        u.setupUi(self)
        self.state_label = u.stateLabel
        self.waiting_label = u.waitingLabel
        self.contact_label = u.contactLabel
        self.skew_label = u.skewLabel
        self.rejected_table = u.rejectedItemsTable
        self.conflicts_label = u.conflictsLabel
        self.conflicts_table = u.conflictsTable
        self.conflicts_table.activated.connect(lambda _index: self.resolve_selected())
        self.resolve_button = u.resolveButton
        self.resolve_button.setShortcut(QKeySequence("Alt+S"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.conflict_cases: list[str] = []
        # Decided here (case → when its conflict was detected); a reopened one shows again.
        self._decided: dict[str, Any] = {}
        self._detected: dict[str, Any] = {}
        self.last_dialog: Any = None
        u.buttonBox.rejected.connect(self.reject)
        self._add_waiting_and_retry()
        self.details = LinkDetails("offline", 0)
        self.show_details(self.details)

    def _add_waiting_and_retry(self) -> None:
        """The device token's expiry, the stop reason, the waiting items and "Retry now"
        (not in the form: added here)."""
        u = self.ui
        self.token_caption = QLabel(self)
        self.token_label = QLabel(self)
        self.token_label.setObjectName("deviceTokenLabel")
        self.token_label.setWordWrap(True)
        u.factsForm.addRow(self.token_caption, self.token_label)
        layout = u.mainLayout
        self.stop_label = QLabel(self)
        self.stop_label.setObjectName("stopReasonLabel")
        self.stop_label.setWordWrap(True)
        self.stop_label.setStyleSheet(f"color: {WARN_COLOR}; font-weight: bold;")
        layout.insertWidget(layout.indexOf(u.rejectedLabel), self.stop_label)
        self.waiting_caption = QLabel(self)
        layout.insertWidget(layout.indexOf(u.rejectedLabel), self.waiting_caption)
        self.waiting_table = QTableWidget(0, 4, self)
        self.waiting_table.setObjectName("waitingItemsTable")
        self.waiting_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.waiting_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.waiting_table.verticalHeader().setVisible(False)
        self.waiting_table.horizontalHeader().setStretchLastSection(True)
        layout.insertWidget(layout.indexOf(u.rejectedLabel), self.waiting_table)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retryNowButton")
        u.buttonBox.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.retry_button.clicked.connect(self.retry_now)
        self.retried = 0
        self._retranslate_extra()

    def _retranslate_extra(self) -> None:
        self.token_caption.setText(self.tr("Device token:"))
        self.waiting_caption.setText(self.tr("Waiting to be sent (oldest first):"))
        self.waiting_table.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("What"), self.tr("Tries"), self.tr("Why not sent yet")]
        )
        self.retry_button.setText(self.tr("Retry &now"))
        self.retry_button.setToolTip(
            self.tr("Send everything waiting now, and put the rejected items back in line")
        )

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate_extra()
            self.show_details(self.details)

    def retry_now(self) -> None:
        """Every waiting and rejected item due now (on the desk's writer), then a push."""
        context = _find(self.parentWidget(), "context")
        writer = _find(self.parentWidget(), "writer")
        worker = _find(self.parentWidget(), "sync_worker")
        if context is None or writer is None:
            return

        def done(count: int) -> None:
            self.retried = count
            if worker is not None:
                worker.wake()

        writer.submit(lambda: retry_now(context), self).success(done)

    def waiting_text(self, details: LinkDetails) -> str:
        """ "2 cases, 1 document waiting": cases, documents and other records counted apart."""
        if details.waiting_kinds is None:
            return self.tr("%n waiting", "", details.waiting)
        cases, documents, other = details.waiting_kinds
        if not (cases or documents or other):
            return self.tr("nothing waiting")
        parts = []
        if cases:
            parts.append(self.tr("%n case(s)", "", cases))
        if documents:
            parts.append(self.tr("%n document(s)", "", documents))
        if other:
            parts.append(self.tr("%n other record(s)", "", other))
        return self.tr("%1 waiting").replace("%1", self.tr(", ").join(parts))

    def state_text(self, details: LinkDetails) -> str:
        if details.state == "stopped" and details.stopped == "no-token":
            return self.tr("No device token: sending stopped")
        if details.state == "stopped":
            return self.tr("Sending stopped")
        if details.state == "syncing":
            return self.tr("Syncing…")
        if details.state == "online":
            return self.tr("Online")
        return self.tr("Offline")

    def token_text(self, details: LinkDetails) -> str:
        """When the desk's device token expires (it renews itself a while before)."""
        if not details.device_token:
            return self.tr("none")
        if details.device_token_expires_at is None:
            return self.tr("expiry not known yet (learnt at its next renewal)")
        day = details.device_token_expires_at.astimezone(CENTER_TZ).strftime("%Y-%m-%d")
        return self.tr("valid until %1 (renewed by itself before then)").replace("%1", day)

    def skew_text(self, skew: float | None, *, online: bool = True) -> str:
        if not online:
            return self.tr("cannot be compared while the service is not answering")
        if skew is None:
            return self.tr("not compared yet")
        minutes = round(abs(skew) / 60)
        if abs(skew) > SKEW_WARNING_SECONDS:
            if skew > 0:
                return self.tr(
                    "This computer's clock is %1 minutes ahead of the service. "
                    "Ask IT to correct it."
                ).replace("%1", str(minutes))
            return self.tr(
                "This computer's clock is %1 minutes behind the service. Ask IT to correct it."
            ).replace("%1", str(minutes))
        return self.tr("in step with the service")

    def show_details(self, details: LinkDetails) -> None:
        self.details = details
        self.state_label.setText(self.state_text(details))
        self.waiting_label.setText(self.waiting_text(details))
        self.contact_label.setText(_time(details.last_contact))
        self.token_label.setText(self.token_text(details))
        online = details.state in ("online", "syncing")
        self.skew_label.setText(self.skew_text(details.clock_skew_seconds, online=online))
        warn = (
            online
            and details.clock_skew_seconds is not None
            and abs(details.clock_skew_seconds) > SKEW_WARNING_SECONDS
        )
        reason = link_problem(details)
        self.stop_label.setText(reason)
        self.stop_label.setVisible(bool(reason))
        self._show_waiting(details)
        self.skew_label.setStyleSheet(f"color: {WARN_COLOR};" if warn else "")
        table = self.rejected_table
        table.setRowCount(len(details.rejected))
        for i, item in enumerate(details.rejected):
            what, why = kind_label(item.kind), item.reason
            page = details.pages.get(item.row_id)
            if page is not None:
                what, why = page_label(page), page_refusal(page, item.reason)
            for col, text in enumerate((item.case_no or "—", what, why)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                table.setItem(i, col, cell)
        table.resizeColumnsToContents()
        self._show_conflicts(details)

    def _show_waiting(self, details: LinkDetails) -> None:
        table = self.waiting_table
        items = details.waiting_items
        table.setRowCount(len(items))
        for i, item in enumerate(items):
            why = item.last_error or self.tr("not tried yet")
            if why.startswith(WAITS_FOR_AUTHOR):  # another cashier's paper payment
                author = why[len(WAITS_FOR_AUTHOR) :]
                why = self.tr(
                    "Waits for %1 to sign in at this desk (the desk has no device token)"
                ).replace("%1", author)
            what = kind_label(item.kind)
            page = details.pages.get(item.row_id)
            if page is not None:
                what = page_label(page)
                progress = page_progress(page)
                why = f"{progress} · {why}" if progress and item.last_error else progress or why
            cells = (item.case_no or "—", what, str(item.attempts), why)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                table.setItem(i, col, cell)
        table.resizeColumnsToContents()
        for widget in (self.waiting_caption, table):
            widget.setVisible(bool(items))
        self.retry_button.setEnabled(bool(details.waiting or details.rejected))

    def _show_conflicts(self, details: LinkDetails) -> None:
        items = [
            c
            for c in details.conflicts
            if c.case_no not in self._decided or self._decided[c.case_no] != c.detected_at
        ]
        self._detected = {c.case_no: c.detected_at for c in items}
        table = self.conflicts_table
        self.conflict_cases = [c.case_no for c in items]
        table.setRowCount(len(items))
        for i, c in enumerate(items):
            cells = (c.case_no, status_label(c.desk_status), status_label(c.center_status))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if col == 0:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                table.setItem(i, col, cell)
        table.resizeColumnsToContents()
        if items and not table.selectionModel().hasSelection():
            table.selectRow(0)
        for widget in (self.conflicts_label, table, self.resolve_button):
            widget.setVisible(bool(items))

    def resolve_selected(self) -> Any:
        """Open the conflict dialog of the selected case (needs the main window's context)."""
        rows = self.conflicts_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.conflict_cases):
            return None
        from clerk_app.gui.conflicts import ConflictDialog

        case_no = self.conflict_cases[rows[0].row()]
        context = _find(self.parentWidget(), "context")
        session = _find(self.parentWidget(), "session")
        if context is None:
            return None
        dialog = ConflictDialog(
            context,
            case_no,
            session.username or "-",
            _find(self.parentWidget(), "writer"),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(self._resolved)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _resolved(self, case_no: str, choice: str) -> None:
        self._decided[case_no] = self._detected.get(case_no)
        self.conflict_resolved.emit(case_no, choice)
        table = self.conflicts_table
        if case_no in self.conflict_cases:
            row = self.conflict_cases.index(case_no)
            self.conflict_cases.pop(row)
            table.removeRow(row)
        if not self.conflict_cases:
            for widget in (self.conflicts_label, table, self.resolve_button):
                widget.setVisible(False)


class ConnectionIndicator(QToolButton):
    """The status-bar element: state, last contact, clock warning; opens the panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionIndicator")
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.panel = ConnectionPanel(self)
        self.details = LinkDetails("offline", 0)
        self.clicked.connect(self.open_panel)
        self.setText(self.tr("Connection…"))

    def open_panel(self) -> None:
        self.panel.show_details(self.details)
        self.panel.show()
        self.panel.raise_()

    def show_details(self, details: LinkDetails) -> None:
        """Slot for ``SyncWorker.details_changed``."""
        self.details = details
        parts = [self.panel.state_text(details), self.panel.waiting_text(details)]
        if details.last_contact is not None and details.state != "stopped":
            parts.append(
                self.tr("last contact %1").replace(
                    "%1", details.last_contact.astimezone(CENTER_TZ).strftime("%H:%M")
                )
            )
        skew = details.clock_skew_seconds
        online = details.state in ("online", "syncing")
        warn = online and skew is not None and abs(skew) > SKEW_WARNING_SECONDS
        if warn:
            parts.append(self.tr("clock off by %1 min").replace("%1", str(round(abs(skew) / 60))))
        if details.rejected:
            parts.append(self.tr("%n rejected", "", len(details.rejected)))
        if details.conflicts:
            parts.append(self.tr("%n conflict(s)", "", len(details.conflicts)))
        stopped_for_token = details.state == "stopped" and details.stopped == "no-token"
        if not details.device_token and not stopped_for_token:
            parts.append(self.tr("no device token"))  # sending on a clerk's sign-in, if any
        if stopped_for_token or not details.device_token:
            parts.append(self.tr("a clerk of this window signing in online restores it (F8)"))
        elif details.state == "stopped":
            parts.append(self.tr("press F8"))
        self.setText(" · ".join(parts))
        bad = (
            warn
            or bool(details.rejected)
            or bool(details.conflicts)
            or details.state in ("offline", "stopped")
            or not details.device_token
        )
        # Only the button itself: its panel and dialogs are its children and keep their colors.
        color = WARN_COLOR if bad else OK_COLOR
        self.setStyleSheet(f"QToolButton#connectionIndicator {{ color: {color}; }}")
        reason = link_problem(details)
        self.setToolTip(reason or self.tr("Show the connection to the records service"))
        if self.panel.isVisible():
            self.panel.show_details(details)
