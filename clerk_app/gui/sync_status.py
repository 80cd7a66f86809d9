"""The connection state: a status-bar button and the panel it opens.

The button says online / offline / syncing, the last successful contact, and warns when the
local clock is more than 5 minutes off the service's. The panel adds the number waiting and
the rejected items with the service's reasons. Both are fed by ``SyncWorker.details_changed``
(a :class:`~clerk_app.gui.sync_worker.LinkDetails` made on the worker thread): nothing here
reads the database or the network.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.sync_worker import LinkDetails

# A clock further off than this (seconds) is shown as a warning.
SKEW_WARNING_SECONDS = 300.0

OK_COLOR = "#1b6e20"
WARN_COLOR = "#b3261e"


def _time(dt: datetime | None) -> str:
    return "—" if dt is None else dt.astimezone(CENTER_TZ).strftime("%Y-%m-%d %H:%M:%S")


class ConnectionPanel(QDialog):
    """State, waiting, last contact, clock skew, rejected items with reasons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connection to the records service"))
        self.setObjectName("connectionPanel")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.state_label = QLabel(self)
        self.waiting_label = QLabel(self)
        self.contact_label = QLabel(self)
        self.skew_label = QLabel(self)
        self.skew_label.setWordWrap(True)
        form.addRow(self.tr("State:"), self.state_label)
        form.addRow(self.tr("Waiting to be sent:"), self.waiting_label)
        form.addRow(self.tr("Last contact:"), self.contact_label)
        form.addRow(self.tr("Clock:"), self.skew_label)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Rejected by the service (not sent again):"), self))
        self.rejected_table = QTableWidget(0, 3, self)
        self.rejected_table.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("What"), self.tr("Reason")]
        )
        self.rejected_table.horizontalHeader().setStretchLastSection(True)
        self.rejected_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.rejected_table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)
        self.show_details(LinkDetails("offline", 0))

    def state_text(self, details: LinkDetails) -> str:
        if details.state == "syncing":
            return self.tr("Syncing…")
        if details.state == "online":
            return self.tr("Online")
        return self.tr("Offline")

    def skew_text(self, skew: float | None) -> str:
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
        self.state_label.setText(self.state_text(details))
        self.waiting_label.setText(str(details.waiting))
        self.contact_label.setText(_time(details.last_contact))
        self.skew_label.setText(self.skew_text(details.clock_skew_seconds))
        warn = (
            details.clock_skew_seconds is not None
            and abs(details.clock_skew_seconds) > SKEW_WARNING_SECONDS
        )
        self.skew_label.setStyleSheet(f"color: {WARN_COLOR};" if warn else "")
        table = self.rejected_table
        table.setRowCount(len(details.rejected))
        for i, item in enumerate(details.rejected):
            for col, text in enumerate((item.case_no or "—", item.kind, item.reason)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                table.setItem(i, col, cell)
        table.resizeColumnsToContents()


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
        parts = [self.panel.state_text(details)]
        if details.last_contact is not None:
            parts.append(
                self.tr("last contact %1").replace(
                    "%1", details.last_contact.astimezone(CENTER_TZ).strftime("%H:%M")
                )
            )
        skew = details.clock_skew_seconds
        warn = skew is not None and abs(skew) > SKEW_WARNING_SECONDS
        if warn:
            parts.append(self.tr("clock off by %1 min").replace("%1", str(round(abs(skew) / 60))))
        if details.rejected:
            parts.append(self.tr("%n rejected", "", len(details.rejected)))
        self.setText(" · ".join(parts))
        bad = warn or bool(details.rejected) or details.state == "offline"
        self.setStyleSheet(f"color: {WARN_COLOR if bad else OK_COLOR};")
        self.setToolTip(self.tr("Show the connection to the records service"))
        if self.panel.isVisible():
            self.panel.show_details(details)
