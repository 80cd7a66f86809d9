"""Scanning the materials of the intake form (issue 22): the S key and the pages' thumbnails.

S on a row of the materials checklist scans one page of that material from the desk's
scanner (``app.scanner``: SANE on Linux) off the GUI thread; Escape while it scans stops
it. Each page is sealed on disk at once (``app.scans.keep_scan``) and shown as a thumbnail
under the checklist; Delete on a thumbnail drops the page. When the case is taken in, the
main window keeps the pages with it (:meth:`ScanPanel.pages`, ``app.scans.attach_scans``).
A scanner that is missing, busy or stopped is said in plain words under the thumbnails.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clerk_app.app.scanner import Scanner, default_scanner
from clerk_app.app.scans import KeptScan, ScanUnreadable, discard_scan, keep_scan, scan_image
from clerk_app.core.errors import ScannerProblem
from clerk_app.gui.ops import Op

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.gui.intake_form import IntakeForm

log = logging.getLogger("clerk.gui")

THUMB = QSize(96, 128)
# The resolution and mode pages are scanned at (legible, a few hundred KB a page).
RESOLUTION = 150
MODE = "color"


@dataclass(frozen=True)
class _Scanned:
    kept: KeptScan
    png: bytes


def scanner_message(exc: ScannerProblem) -> str:
    """What the clerk reads when a scan gave no page."""
    texts = {
        "no-scanner": QCoreApplication.translate(
            "ScanPanel",
            "No scanner answers. Check that it is switched on and its cable (USB) is in, "
            "then press S again.",
        ),
        "busy": QCoreApplication.translate(
            "ScanPanel", "The scanner is busy with another scan. Wait a moment, then press S."
        ),
        "cancelled": QCoreApplication.translate("ScanPanel", "The scan was stopped."),
        "bad-image": QCoreApplication.translate(
            "ScanPanel", "The scanner sent no usable picture. Press S to scan again."
        ),
    }
    return texts.get(
        exc.reason,
        QCoreApplication.translate(
            "ScanPanel", "The page could not be scanned. Press S to try again."
        ),
    )


class ScanPanel(QWidget):
    """The pages scanned for the current intake, under its materials checklist.

    Args:
        context: the desk's context (its documents folder and key).
        form: the intake form; the panel puts itself under its checklist.
        scanner: the scanner adapter (the platform's by default).
    """

    def __init__(
        self, context: AppContext, form: IntakeForm, scanner: Scanner | None = None
    ) -> None:
        super().__init__(form)
        self.setObjectName("scanPanel")
        self.context = context
        self.form = form
        self.scanner = scanner if scanner is not None else default_scanner()
        self.device = ""
        self._kept: list[KeptScan] = []
        self._cancel: threading.Event | None = None
        self.op: Op | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.thumbs = QListWidget(self)
        self.thumbs.setObjectName("scanThumbnails")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(THUMB)
        self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setFixedHeight(THUMB.height() + 48)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.hide()
        self.status = QLabel(self)
        self.status.setObjectName("scanStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.thumbs)
        layout.addWidget(self.status)
        form.ui.materialsLayout.addWidget(self)
        form.ui.materialsTable.installEventFilter(self)
        self.thumbs.installEventFilter(self)
        form.scans = self
        self.retranslate()

    def retranslate(self) -> None:
        self.thumbs.setToolTip(self.tr("Delete: drop this page"))
        if not self.busy():
            self.status.setText(self.tr("S: scan a page of the material on the current row"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        key = event.key()
        if watched is self.form.ui.materialsTable:
            if key == Qt.Key.Key_S:
                self.scan_row(self.form.ui.materialsTable.currentRow())
                return True
            if key == Qt.Key.Key_Escape and self.busy():
                self.cancel()
                return True
        elif watched is self.thumbs and key == Qt.Key.Key_Delete:
            self.drop(self.thumbs.currentRow())
            return True
        return False

    # -- scanning ------------------------------------------------------------------------

    def busy(self) -> bool:
        return self._cancel is not None

    def scan_row(self, row: int) -> None:
        """Scan one page of the material on ``row`` (off the GUI thread)."""
        rows = self.form.materials_table.rows
        if self.busy() or not 0 <= row < len(rows):
            return
        material = rows[row]
        scanner, context, cancel = self.scanner, self.context, threading.Event()
        self._cancel = cancel
        self.status.setText(self.tr("Scanning %1… (Escape stops)").replace("%1", material.name))

        def work() -> _Scanned:
            if scanner is None:
                raise ScannerProblem("no-scanner", "no scanner adapter on this platform")
            device = self.device
            if not device:
                found = scanner.devices()
                if not found:
                    raise ScannerProblem("no-scanner", "no device listed")
                device = found[0].name
            page = scanner.scan(device, resolution=RESOLUTION, mode=MODE, cancel=cancel)
            kept = keep_scan(context, material.code, page.png)
            return _Scanned(kept, page.png)

        self.op = Op(self, work).success(self._scanned).failure(self._failed).run()

    def cancel(self) -> None:
        """Stop the scan that is running (its page is not kept)."""
        if self._cancel is not None:
            self._cancel.set()

    def _scanned(self, scanned: _Scanned) -> None:
        self._cancel = None
        self._kept.append(scanned.kept)
        self._add_thumb(scanned.kept, scanned.png)
        name = self._name_of(scanned.kept.material_code)
        count = sum(1 for k in self._kept if k.material_code == scanned.kept.material_code)
        self.status.setText(
            self.tr("Page %1 of %2 scanned.").replace("%1", str(count)).replace("%2", name)
        )

    def _failed(self, exc: Exception) -> None:
        self._cancel = None
        if isinstance(exc, ScannerProblem):
            self.status.setText(scanner_message(exc))
        elif isinstance(exc, OSError):
            self.status.setText(
                self.tr("The scanned page could not be saved (disk full or no permission).")
            )
        else:
            raise exc

    # -- the pages -------------------------------------------------------------------------

    def _name_of(self, code: str) -> str:
        for row in self.form.materials_table.rows:
            if row.code == code:
                return row.name
        return code

    def _add_thumb(self, kept: KeptScan, png: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        page = sum(1 for k in self._kept if k.material_code == kept.material_code)
        text = f"{self._name_of(kept.material_code)} · {page}"
        item = QListWidgetItem(
            QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)), text
        )
        item.setData(Qt.ItemDataRole.UserRole, kept.id)
        item.setToolTip(text)
        self.thumbs.addItem(item)
        self.thumbs.show()

    def drop(self, index: int) -> None:
        """Drop the page at ``index`` (its sealed file is removed)."""
        if not 0 <= index < len(self._kept):
            return
        kept = self._kept.pop(index)
        self.thumbs.takeItem(index)
        discard_scan(self.context, kept)
        self.thumbs.setVisible(bool(self._kept))

    def pages(self) -> list[KeptScan]:
        """The pages scanned for this intake, in the order scanned."""
        return list(self._kept)

    def forget(self) -> None:
        """A new intake: no pages (those taken in stay with their case)."""
        self.cancel()
        self._kept.clear()
        self.thumbs.clear()
        self.thumbs.hide()
        self.retranslate()

    def snapshot(self) -> list[dict[str, object]]:
        """The pages as JSON-able data (kept with a parked intake; the files stay sealed)."""
        return [
            {
                "id": k.id,
                "material_code": k.material_code,
                "path": k.path,
                "sha256": k.sha256,
                "size": k.size,
                "scanned_at": k.scanned_at.isoformat(),
            }
            for k in self._kept
        ]

    def restore(self, pages: list[dict[str, Any]]) -> None:
        """The pages of a resumed intake (a page whose file cannot be read is left out)."""
        self.forget()
        for page in pages:
            try:
                kept = KeptScan(
                    id=str(page["id"]),
                    material_code=str(page["material_code"]),
                    path=str(page["path"]),
                    sha256=str(page["sha256"]),
                    size=int(page["size"]),
                    scanned_at=datetime.fromisoformat(str(page["scanned_at"])),
                )
                png = scan_image(self.context, kept.path)
            except (KeyError, ValueError, ScanUnreadable) as exc:
                log.warning("a parked scanned page is left out: %s", exc)
                continue
            self._kept.append(kept)
            self._add_thumb(kept, png)

    def thumbnail_texts(self) -> list[str]:
        return [self.thumbs.item(i).text() for i in range(self.thumbs.count())]
