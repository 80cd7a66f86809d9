"""Scanning the materials of the intake form (issue 22): the S and O keys and the pages.

On a row of the materials checklist, S scans one page of that material from the desk's
scanner or document camera (``app.scanner``; ``scan.source`` in the settings) off the GUI
thread, Escape while it scans stops it, and F takes the material's pages from a file (a
PNG, JPEG or PDF: ``app.scan_files``; the file dialog is Qt's own, keyboard reachable).
Each page is sealed on disk at once (``app.scans.keep_scan``) and shown as a thumbnail
under the checklist. On a thumbnail: Delete drops the page, R / Shift+R turns it a quarter
clockwise / back, Ctrl+Left / Ctrl+Right moves it (the mouse may drag it too); the pages of
a material are numbered in the order shown, which is the order they go with the case
(:meth:`ScanPanel.pages`, ``app.scans.attach_scans``). A page over the size limit of a page,
or one that would take the intake's pages over the limit of a case (``scan.max_page_bytes``,
``scan.max_case_bytes``), is refused, and so is a file that is not a picture or PDF: the
reason is said in plain words under the thumbnails, nothing of the file is kept.

The files of an intake abandoned without parking (another item chosen, the form cleared)
are removed (``app.scans.release_scans``, on the writer after the take-in or park that may
have kept them); at start the panel sweeps the files nothing keeps (``sweep_scans``).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app.scan_files import (
    FILE_PATTERNS,
    FilePage,
    compact_scan,
    pages_from_file,
    turn_page,
)
from clerk_app.app.scanner import Scanner, default_scanner
from clerk_app.app.scans import (
    MEDIA_TYPE,
    KeptScan,
    ScanUnreadable,
    discard_scan,
    keep_scan,
    release_scans,
    replace_scan,
    scan_image,
    sweep_scans,
)
from clerk_app.core.errors import ScannerProblem
from clerk_app.gui.ops import Op, write_later

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.gui.intake_form import IntakeForm

log = logging.getLogger("clerk.gui")

THUMB = QSize(96, 128)
# The resolution and mode pages are scanned at (legible, a few hundred KB a page).
RESOLUTION = 150
MODE = "color"
_ID = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class _Scanned:
    kept: KeptScan
    data: bytes  # the page as kept (a PNG or a JPEG)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f}" if size >= 10_000_000 else f"{size / 1_000_000:.1f}"


def scanner_message(
    exc: ScannerProblem, *, page_limit: int = 0, case_limit: int = 0, file_name: str = ""
) -> str:
    """What the clerk reads when a scan or a file gave no page."""
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
        "bad-file": QCoreApplication.translate(
            "ScanPanel",
            "%1 is not a picture (PNG, JPEG) or PDF this desk can read, or it is damaged. "
            "Nothing of it was kept.",
        ).replace("%1", file_name or QCoreApplication.translate("ScanPanel", "The file")),
        "too-large": QCoreApplication.translate(
            "ScanPanel",
            "The page is too large (more than %1 MB, or more than 60 million pixels: scan it "
            "at a lower resolution). Nothing of it was kept.",
        ).replace("%1", _megabytes(page_limit)),
        "case-full": QCoreApplication.translate(
            "ScanPanel",
            "The pages of this intake would pass %1 MB, the most one case may hold. Drop a "
            "page or scan at a lower resolution. Nothing more was kept.",
        ).replace("%1", _megabytes(case_limit)),
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
        context: the desk's context (its documents folder and key, its settings).
        form: the intake form; the panel puts itself under its checklist.
        scanner: the scanner adapter (by default the settings' ``scan.source``).
    """

    def __init__(
        self, context: AppContext, form: IntakeForm, scanner: Scanner | None = None
    ) -> None:
        super().__init__(form)
        self.setObjectName("scanPanel")
        self.context = context
        self.form = form
        settings = context.settings
        self.scanner = (
            scanner if scanner is not None else default_scanner(str(settings["scan.source"]))
        )
        self.device = ""
        self._kept: list[KeptScan] = []
        self._cancel: threading.Event | None = None
        self._reading = False
        self.op: Op | None = None
        self.file_dialog: QFileDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.thumbs = QListWidget(self)
        self.thumbs.setObjectName("scanThumbnails")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(THUMB)
        self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setFixedHeight(THUMB.height() + 48)
        self.thumbs.setMovement(QListWidget.Movement.Snap)
        self.thumbs.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.thumbs.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.thumbs.model().rowsMoved.connect(self._dragged)
        self.thumbs.hide()
        self.status = QLabel(self)
        self.status.setObjectName("scanStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.thumbs)
        layout.addWidget(self.status)
        form.ui.materialsLayout.addWidget(self)
        form.ui.materialsTable.installEventFilter(self)
        self.thumbs.installEventFilter(self)
        # Tab from the checklist reaches the pages (when there are any), Shift+Tab goes back.
        QWidget.setTabOrder(form.ui.materialsTable, self.thumbs)
        form.scans = self
        self.retranslate()
        # Files no case and no parked intake keeps (an intake abandoned at the last close);
        # not a page scanned since (the writer may reach this late).
        started = time.time()
        write_later(self, lambda: sweep_scans(context, before=started))

    @property
    def page_limit(self) -> int:
        """The largest page kept, in bytes (the setting, read at each use)."""
        return int(self.context.settings["scan.max_page_bytes"])

    @property
    def case_limit(self) -> int:
        """The most bytes of pages one intake keeps."""
        return int(self.context.settings["scan.max_case_bytes"])

    def retranslate(self) -> None:
        self.thumbs.setToolTip(
            self.tr(
                "Delete: drop this page · R / Shift+R: turn it · Ctrl+Left / Ctrl+Right: move it"
            )
        )
        self.thumbs.setAccessibleName(self.tr("Scanned pages"))
        if not self.busy():
            self.status.setText(
                self.tr("S: scan a page of the material on the current row · F: from a file")
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        plain = mods == Qt.KeyboardModifier.NoModifier
        if watched is self.form.ui.materialsTable and plain:
            if key == Qt.Key.Key_S:
                self.scan_row(self.form.ui.materialsTable.currentRow())
                return True
            if key == Qt.Key.Key_F:  # (O is the checklist's original / copy)
                self.open_file(self.form.ui.materialsTable.currentRow())
                return True
            if key == Qt.Key.Key_Escape and self.busy():
                self.cancel()
                return True
        elif watched is self.thumbs:
            return self._thumb_key(key, mods)
        return False

    def _thumb_key(self, key: int, mods: Qt.KeyboardModifier) -> bool:
        row = self.thumbs.currentRow()
        if mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_Delete:
            self.drop(row)
        elif mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            # the icon view's own Home/End follow the grid, not the pages' order
            self.thumbs.setCurrentRow(0 if key == Qt.Key.Key_Home else self.thumbs.count() - 1)
        elif key == Qt.Key.Key_R and mods in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            self.turn(row, clockwise=mods == Qt.KeyboardModifier.NoModifier)
        elif mods == Qt.KeyboardModifier.ControlModifier and key in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
        ):
            self.move_page(row, -1 if key == Qt.Key.Key_Left else 1)
        else:
            return False
        return True

    # -- scanning ------------------------------------------------------------------------

    def busy(self) -> bool:
        return self._cancel is not None or self._reading

    def _kept_bytes(self) -> int:
        return sum(k.size for k in self._kept)

    def _check_sizes(self, sizes: list[int], kept_bytes: int) -> None:
        """Refuse pages over the page limit, or that would pass the case's (off the GUI
        thread; ``kept_bytes`` read before)."""
        for size in sizes:
            if size > self.page_limit:
                raise ScannerProblem("too-large", f"a page of {size} bytes > {self.page_limit}")
        if kept_bytes + sum(sizes) > self.case_limit:
            raise ScannerProblem(
                "case-full", f"{kept_bytes} + {sum(sizes)} bytes > {self.case_limit}"
            )

    def scan_row(self, row: int) -> None:
        """Scan one page of the material on ``row`` (off the GUI thread)."""
        rows = self.form.materials_table.rows
        if self.busy() or not 0 <= row < len(rows):
            return
        material = rows[row]
        scanner, context, cancel = self.scanner, self.context, threading.Event()
        kept_bytes = self._kept_bytes()
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
            data, media_type = compact_scan(page.png)  # a JPEG where that is much smaller
            self._check_sizes([len(data)], kept_bytes)
            kept = keep_scan(context, material.code, data, media_type=media_type)
            return _Scanned(kept, data)

        self.op = Op(self, work).success(self._scanned).failure(self._failed).run()

    def cancel(self) -> None:
        """Stop the scan that is running (its page is not kept)."""
        if self._cancel is not None:
            self._cancel.set()

    def _scanned(self, scanned: _Scanned) -> None:
        self._cancel = None
        self._add(scanned.kept, scanned.data)
        code = scanned.kept.material_code
        count = sum(1 for k in self._kept if k.material_code == code)
        self.status.setText(
            self.tr("Page %1 of %2 scanned.")
            .replace("%1", str(count))
            .replace("%2", self._name_of(code))
        )

    def _failed(self, exc: Exception, file_name: str = "") -> None:
        self._cancel = None
        self._reading = False
        if isinstance(exc, ScannerProblem):
            self.status.setText(
                scanner_message(
                    exc,
                    page_limit=self.page_limit,
                    case_limit=self.case_limit,
                    file_name=file_name,
                )
            )
        elif isinstance(exc, OSError):
            self.status.setText(
                self.tr("The scanned page could not be saved (disk full or no permission).")
            )
        else:
            raise exc

    # -- pages from a file ------------------------------------------------------------------

    def open_file(self, row: int) -> QFileDialog | None:
        """Ask for a file whose pages go to the material on ``row`` (Qt's own dialog, so the
        keyboard reaches every part of it); None when nothing can be added now."""
        rows = self.form.materials_table.rows
        if self.busy() or not 0 <= row < len(rows):
            return None
        dialog = QFileDialog(self, self.tr("Pages of %1 from a file").replace("%1", rows[row].name))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(
            self.tr("Pictures and PDF (%1)").replace("%1", " ".join(FILE_PATTERNS))
        )
        dialog.fileSelected.connect(lambda name: self.add_file(row, Path(name)))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QFileDialog) -> None:
        # The name field's completion list pops up when the folder has been listed, which
        # can be after the dialog closed, and then keeps the keys: the dialog goes for good.
        for completer in dialog.findChildren(QCompleter):
            completer.popup().hide()
            completer.setModel(None)
        dialog.deleteLater()
        self.file_dialog = None
        self.window().activateWindow()  # its shortcuts (Ctrl+Return) work again at once
        self.form.ui.materialsTable.setFocus()

    def add_file(self, row: int, path: Path) -> Op | None:
        """Keep the pages of ``path`` for the material on ``row`` (off the GUI thread): all
        of them, or — refused — none."""
        rows = self.form.materials_table.rows
        if self.busy() or not 0 <= row < len(rows):
            return None
        material, context = rows[row], self.context
        kept_bytes = self._kept_bytes()
        self._reading = True
        self.status.setText(self.tr("Reading %1…").replace("%1", path.name))

        def work() -> list[tuple[KeptScan, bytes]]:
            pages: list[FilePage] = pages_from_file(path)
            self._check_sizes([len(p.data) for p in pages], kept_bytes)
            kept: list[tuple[KeptScan, bytes]] = []
            try:
                for page in pages:
                    scan = keep_scan(context, material.code, page.data, media_type=page.media_type)
                    kept.append((scan, page.data))
            except OSError:
                for scan, _data in kept:  # nothing partial: the pages kept so far go
                    discard_scan(context, scan)
                raise
            return kept

        def done(kept: list[tuple[KeptScan, bytes]]) -> None:
            self._reading = False
            for scan, data in kept:
                self._add(scan, data)
            self.status.setText(
                self.tr("%1: %n page(s) added to %2.", "", len(kept))
                .replace("%1", path.name)
                .replace("%2", material.name)
            )

        self.op = (
            Op(self, work)
            .success(done)
            .failure(lambda exc: self._failed(exc, file_name=path.name))
            .run()
        )
        return self.op

    # -- the pages -------------------------------------------------------------------------

    def _name_of(self, code: str) -> str:
        for row in self.form.materials_table.rows:
            if row.code == code:
                return row.name
        return code

    def _icon(self, data: bytes) -> QIcon:
        """The page on a grey card of one size, framed: white paper shows, and every
        thumbnail lines up whatever the page's shape."""
        page = QPixmap()
        page.loadFromData(data)
        card = QPixmap(THUMB)
        card.fill(QColor("#d6d6d6"))
        if not page.isNull():
            scaled = page.scaled(
                THUMB - QSize(6, 6),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = (THUMB.width() - scaled.width()) // 2
            y = (THUMB.height() - scaled.height()) // 2
            painter = QPainter(card)
            painter.drawPixmap(x, y, scaled)
            painter.setPen(QColor("#5f5f5f"))
            painter.drawRect(x - 1, y - 1, scaled.width() + 1, scaled.height() + 1)
            painter.end()
        return QIcon(card)

    def _add(self, kept: KeptScan, data: bytes) -> None:
        self._kept.append(kept)
        item = QListWidgetItem(self._icon(data), "")
        item.setData(_ID, kept.id)
        self.thumbs.addItem(item)
        self.thumbs.show()
        self._relabel()

    def _relabel(self) -> None:
        """Number each material's pages in the order shown."""
        counts: dict[str, int] = {}
        for index, kept in enumerate(self._kept):
            counts[kept.material_code] = counts.get(kept.material_code, 0) + 1
            text = f"{self._name_of(kept.material_code)} · {counts[kept.material_code]}"
            item = self.thumbs.item(index)
            item.setText(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)

    def drop(self, index: int) -> None:
        """Drop the page at ``index`` (its sealed file is removed)."""
        if not 0 <= index < len(self._kept) or self.busy():
            return
        kept = self._kept.pop(index)
        self.thumbs.takeItem(index)
        discard_scan(self.context, kept)
        self.thumbs.setVisible(bool(self._kept))
        self._relabel()

    def move_page(self, index: int, step: int) -> None:
        """Move the page at ``index`` one place left (``step`` −1) or right (+1)."""
        to = index + step
        if not (0 <= index < len(self._kept) and 0 <= to < len(self._kept)) or self.busy():
            return
        self._kept.insert(to, self._kept.pop(index))
        item = self.thumbs.takeItem(index)
        self.thumbs.insertItem(to, item)
        self.thumbs.setCurrentRow(to)
        self._relabel()

    def _dragged(self, *_args: Any) -> None:
        """A page dragged to another place: the pages follow the thumbnails' order."""
        by_id = {k.id: k for k in self._kept}
        order = [self.thumbs.item(i).data(_ID) for i in range(self.thumbs.count())]
        if sorted(order) == sorted(by_id):
            self._kept = [by_id[i] for i in order]
        self._relabel()

    def turn(self, index: int, *, clockwise: bool = True) -> None:
        """Turn the page at ``index`` a quarter (sealed again over its file)."""
        if not 0 <= index < len(self._kept) or self.busy():
            return
        kept = self._kept[index]
        try:
            turned = turn_page(
                scan_image(self.context, kept.path), kept.media_type, clockwise=clockwise
            )
            self._kept[index] = replace_scan(self.context, kept, turned)
        except (ScanUnreadable, ScannerProblem, OSError) as exc:
            log.warning("page %s not turned: %s", kept.id, exc)
            self.status.setText(self.tr("The page could not be turned."))
            return
        self.thumbs.item(index).setIcon(self._icon(turned))
        self.status.setText(self.tr("Page turned."))

    def pages(self) -> list[KeptScan]:
        """The pages of this intake, in the order shown."""
        return list(self._kept)

    def forget(self) -> None:
        """A new intake: no pages. Those taken in stay with their case and those parked with
        the parked intake; the files of the others (abandoned) are removed."""
        self.cancel()
        pages, self._kept = self._kept, []
        self.thumbs.clear()
        self.thumbs.hide()
        self.retranslate()
        if pages:
            context = self.context
            write_later(self, lambda: release_scans(context, pages))

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
                "media_type": k.media_type,
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
                    media_type=str(page.get("media_type") or MEDIA_TYPE),
                )
                data = scan_image(self.context, kept.path)
            except (KeyError, ValueError, ScanUnreadable) as exc:
                log.warning("a parked scanned page is left out: %s", exc)
                continue
            self._add(kept, data)

    def thumbnail_texts(self) -> list[str]:
        return [self.thumbs.item(i).text() for i in range(self.thumbs.count())]
