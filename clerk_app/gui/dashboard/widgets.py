"""Pieces the dashboard's tabs share: the "figures as of" line, error wording, tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.errors import error_message, is_refused
from clerk_app.gui.intake_texts import refusal_reason_names

STALE_STYLE = "color: #8a1c12; background: #fde2e1; padding: 3px 6px; font-weight: bold;"
FRESH_STYLE = "color: #335; padding: 3px 6px;"


def is_forbidden(exc: BaseException) -> bool:
    return is_refused(exc, 403)


def failure_text(exc: BaseException) -> str:
    """What to tell the lead about a failed query, in the lead's language."""
    if is_forbidden(exc):
        return QCoreApplication.translate(
            "Dashboard",
            "The records service does not let this account see these figures. Only shift "
            "leads (their own department) and admins may.",
        )
    return error_message(exc)


def hhmm(moment: datetime) -> str:
    return moment.astimezone(CENTER_TZ).strftime("%H:%M")


class Freshness(QLabel):
    """ "Figures as of 14:05", or in red "Offline: figures as of 14:05 are not current"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.as_of: datetime | None = None
        self.stale = False
        self.reason = ""
        self.setObjectName("freshness")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.render()

    def fresh(self, moment: datetime) -> None:
        self.as_of, self.stale, self.reason = moment, False, ""
        self.render()

    def failed(self, exc: BaseException) -> None:
        self.stale, self.reason = True, failure_text(exc)
        self.render()

    def render(self) -> None:
        if not self.stale:
            self.setStyleSheet(FRESH_STYLE)
            if self.as_of is None:
                self.setText(QCoreApplication.translate("Dashboard", "Loading figures…"))
            else:
                self.setText(
                    QCoreApplication.translate("Dashboard", "Figures as of %1").replace(
                        "%1", hhmm(self.as_of)
                    )
                )
            self.setToolTip("")
            return
        self.setStyleSheet(STALE_STYLE)
        if self.as_of is None:
            self.setText(
                QCoreApplication.translate("Dashboard", "No figures: %1").replace("%1", self.reason)
            )
        else:
            self.setText(
                QCoreApplication.translate(
                    "Dashboard", "STALE — figures as of %1, not refreshed: %2"
                )
                .replace("%1", hhmm(self.as_of))
                .replace("%2", self.reason)
            )
        self.setToolTip(self.reason)
        self.setWordWrap(True)


def table_view(parent: QWidget | None = None, *, sortable: bool = True) -> QTableView:
    return setup_table_view(QTableView(parent), sortable=sortable)


def setup_table_view(view: QTableView, *, sortable: bool = True) -> QTableView:
    """Give ``view`` (made here or by a Designer form) the dashboard tables' behaviour."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(sortable)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    return view


def fit_columns(view: QTableView, maximum: int = 260) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for c in range(header.count()):
        if header.sectionSize(c) > maximum:
            header.resizeSection(c, maximum)


def cell(text: Any) -> str:
    return "—" if text is None or text == "" else str(text)


def role_name(role: str) -> str:
    """A role as the lead reads it (``lead`` → 值班长); an unknown one as it is."""
    names = {
        "clerk": QCoreApplication.translate("Dashboard", "Window clerk"),
        "lead": QCoreApplication.translate("Dashboard", "Shift lead"),
        "admin": QCoreApplication.translate("Dashboard", "Administrator"),
        "auditor": QCoreApplication.translate("Dashboard", "Auditor"),
        "display": QCoreApplication.translate("Dashboard", "Hall screen"),
    }
    return names.get(role, role)


def role_names(roles: Any) -> str:
    """Several roles, translated, joined as the language writes lists."""
    separator = QCoreApplication.translate("Dashboard", ", ")
    return separator.join(role_name(str(r)) for r in roles or ())


def refusal_reason(reason: str) -> str:
    """A refusal reason stored as a code of the desk's list (``core.intake.REFUSAL_REASONS``:
    the demo data's) in the lead's language; a reason a clerk typed is shown as typed."""
    return dict(refusal_reason_names()).get(reason, reason)
