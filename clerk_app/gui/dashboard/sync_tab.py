"""The Sync supervision tab: every window's client, with silent and old ones highlighted."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from clerk_app.gui.dashboard.widgets import Freshness, cell, fit_columns, hhmm, table_view
from clerk_app.gui.ops import Op

SILENT = QBrush(QColor("#fde2e1"))
OLD = QBrush(QColor("#fff4d6"))
# Clock skew (seconds) from which a client's clock is shown as wrong.
SKEW_LIMIT_S = 120


def version_key(text: str | None) -> tuple[int, ...]:
    """``"1.10.2"`` → ``(1, 10, 2)``; anything unreadable sorts lowest."""
    parts = []
    for part in str(text or "").split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def _parse(moment: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(moment)) if moment else None
    except ValueError:
        return None


_UUID = re.compile(r"[0-9a-fA-F]{8}(-?[0-9a-fA-F]{4}){3}-?[0-9a-fA-F]{12}")


def device_rows(answer: dict[str, Any], silent_minutes: int) -> list[dict[str, Any]]:
    """One row per client (a window without any client gets one row too), with the flags
    ``silent`` (no contact for ``silent_minutes`` by the service's clock, or never) and
    ``old`` (a version older than the newest one in use, or than the service accepts)."""
    now = _parse(answer.get("as_of"))
    versions = [
        version_key(d.get("client_version"))
        for w in answer.get("items", [])
        for d in w.get("devices", [])
        if d.get("client_version") and not d.get("revoked")
    ]
    newest = max(versions, default=())
    minimum = version_key(answer.get("min_client_version"))
    rows = []
    for window in answer.get("items", []):
        devices = [d for d in window.get("devices", []) if not d.get("revoked")] or [{}]
        for number, device in enumerate(devices, start=1):
            seen = _parse(device.get("last_seen_at"))
            silence = (now - seen).total_seconds() / 60 if now and seen else None
            version = device.get("client_version")
            old = bool(version) and (
                version_key(version) < newest or version_key(version) < minimum
            )
            reasons = [str(r.get("reason", "")) for r in device.get("rejected_items") or []]
            rows.append(
                {
                    "window": window.get("code"),
                    "name": window.get("name"),
                    "device": device.get("device_id"),
                    # a window's clients by number: the lead reads "client 1", not a UUID
                    "number": number,
                    "last_seen": seen,
                    "silent_minutes": None if silence is None else int(silence),
                    "silent": silence is None or silence >= silent_minutes,
                    "waiting": device.get("waiting"),
                    "rejected": device.get("rejected"),
                    "reasons": "; ".join(reasons),
                    "version": version,
                    "old": old,
                    "skew": device.get("clock_skew_seconds"),
                }
            )
    return rows


class SyncTab(QWidget):
    """Last contact, items waiting, items rejected with reasons, client version, clock skew.

    A client is *silent* when the service has heard nothing from it for the chosen minutes
    (red); a client older than the newest version in use is *old* (amber).
    """

    refreshed = Signal(bool)

    def __init__(self, source: Any, clock: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncTab")
        self.source, self.clock = source, clock
        self.answer: dict[str, Any] | None = None
        self.rows: list[dict[str, Any]] = []
        self.silent_label = QLabel()
        self.silent_box = QSpinBox()
        self.silent_box.setObjectName("silentMinutes")
        self.silent_box.setRange(1, 24 * 60)
        self.silent_box.setValue(30)
        self.silent_label.setBuddy(self.silent_box)
        self.silent_box.valueChanged.connect(lambda _v: self._show())
        self.legend = QLabel()
        self.freshness = Freshness(self)
        self.model = QStandardItemModel(0, 10, self)
        self.table = table_view(self)
        self.table.setObjectName("syncTable")
        self.table.setAccessibleName(self.tr("Sync supervision"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(False)
        top = QHBoxLayout()
        top.addWidget(self.silent_label)
        top.addWidget(self.silent_box)
        top.addSpacing(16)
        top.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.freshness)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.silent_label.setText(self.tr("&Silent after (minutes):"))
        self.legend.setText(
            self.tr("Red: no contact for that long (or never). Amber: an old client version.")
        )
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Window"),
                self.tr("Name"),
                self.tr("Client"),
                self.tr("Last contact"),
                self.tr("Silent for"),
                self.tr("Waiting"),
                self.tr("Rejected"),
                self.tr("Rejection reasons"),
                self.tr("Version"),
                self.tr("Clock skew"),
            ]
        )
        self.freshness.render()
        self._show()

    def refresh(self) -> None:
        Op(self, self.source.windows).success(self._done).failure(self._failed).run()

    def _done(self, answer: dict[str, Any]) -> None:
        self.answer = answer
        self._show()
        self.freshness.fresh(self.clock.now())
        self.refreshed.emit(True)

    def _failed(self, exc: Exception) -> None:
        self.freshness.failed(exc)
        self.refreshed.emit(False)

    def _client_name(self, row: dict[str, Any]) -> str:
        """A client as the lead reads it: "Client 2" of its window for a desk's random id
        (a UUID), a name an admin gave it (``pc-w01-hall-left``) as it is."""
        device = row["device"]
        if not device:
            return self.tr("no client")
        if _UUID.fullmatch(str(device)):
            return self.tr("Client %1").replace("%1", str(row["number"]))
        return str(device)

    def _show(self) -> None:
        if self.answer is None:
            return
        self.rows = device_rows(self.answer, self.silent_box.value())
        self.model.removeRows(0, self.model.rowCount())
        for row in self.rows:
            silence = row["silent_minutes"]
            skew = row["skew"]
            cells = [
                QStandardItem(cell(row["window"])),
                QStandardItem(cell(row["name"])),
                QStandardItem(self._client_name(row)),
                QStandardItem(
                    row["last_seen"].strftime("%m-%d ") + hhmm(row["last_seen"])
                    if row["last_seen"]
                    else self.tr("never")
                ),
                QStandardItem(
                    self.tr("%1 min").replace("%1", str(silence)) if silence is not None else "—"
                ),
                QStandardItem(cell(row["waiting"])),
                QStandardItem(cell(row["rejected"])),
                QStandardItem(cell(row["reasons"])),
                QStandardItem(cell(row["version"])),
                QStandardItem(
                    self.tr("%1 s").replace("%1", f"{skew:+d}") if skew is not None else "—"
                ),
            ]
            for item in cells:
                item.setEditable(False)
            if row["device"]:
                cells[2].setToolTip(self.tr("Device %1").replace("%1", str(row["device"])))
            if row["silent"]:
                for item in cells:
                    item.setBackground(SILENT)
                cells[4].setToolTip(self.tr("Silent: this client has not been in touch"))
            if row["old"]:
                cells[8].setBackground(OLD)
                cells[8].setToolTip(self.tr("Old version: update this client"))
            if skew is not None and abs(skew) >= SKEW_LIMIT_S:
                cells[9].setBackground(OLD)
                cells[9].setToolTip(self.tr("This computer's clock is wrong"))
            for i in (4, 5, 6, 9):
                cells[i].setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.model.appendRow(cells)
        fit_columns(self.table, maximum=420)
