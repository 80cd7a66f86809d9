"""Help ▸ Log (F12): the recent log in the window, filtered by level and area, and
"Export logs…" — a zip of the log files and the self-check report for IT.

ID and mobile numbers are masked when written (``logs.setup_logging``) and masked again
here, on screen and in the zip, so a file written before masking existed cannot leak them.
The dialog's layout is the Designer form ``ui/log_view.ui``.
"""

from __future__ import annotations

import errno
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QWidget,
)

from clerk_app.core.identity import mask_text
from clerk_app.gui.forms.ui_log_view import Ui_LogView
from clerk_app.gui.ops import Op
from clerk_app.logs import AREAS, LOG_FILE

log = logging.getLogger("clerk.gui")

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_LEVEL_COLORS = {"WARNING": "#8a5a00", "ERROR": "#b3261e", "CRITICAL": "#b3261e", "DEBUG": "#666"}
_LINE = re.compile(
    r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:,\d+)? (?P<level>[A-Z]+)\s+"
    r"(?P<logger>[\w.]+): (?P<text>.*)$"
)


@dataclass
class LogEntry:
    """One log record; ``text`` may span lines (a traceback)."""

    time: str
    level: str
    area: str
    text: str

    def line(self) -> str:
        return f"{self.time} {self.level:<7} {self.area}: {self.text}"


def log_files(log_dir: Path) -> list[Path]:
    """The rotating log files, oldest first (``clerk.log.5`` … ``clerk.log``)."""
    rotated = sorted(
        log_dir.glob(LOG_FILE + ".*"),
        key=lambda p: int(p.suffix[1:]) if p.suffix[1:].isdigit() else 0,
        reverse=True,
    )
    current = log_dir / LOG_FILE
    return [p for p in rotated if p.is_file()] + ([current] if current.is_file() else [])


def read_log(log_dir: Path, limit: int = 5000) -> list[LogEntry]:
    """The last ``limit`` records of the log files, masked."""
    entries: list[LogEntry] = []
    for path in log_files(log_dir):
        try:
            text = path.read_text("utf-8", errors="replace")
        except OSError as exc:
            log.warning("log file %s not readable: %s", path, exc)
            continue
        for raw in text.splitlines():
            match = _LINE.match(raw)
            if match:
                name = match["logger"]
                area = name.split(".", 2)[1] if name.startswith("clerk.") else name
                entries.append(
                    LogEntry(match["time"], match["level"], area, mask_text(match["text"]))
                )
            elif entries and raw.strip():
                entries[-1].text += "\n" + mask_text(raw)
    return entries[-limit:]


def export_logs(log_dir: Path, target: Path, report: str, about: str = "") -> Path:
    """Write ``target`` (a zip): the log files (masked), ``self-check.txt`` and ``about.txt``.

    Raises:
        OSError: the file could not be written (``errno`` says why); a half-written file
            that this call created is removed.
    """
    existed = target.exists()
    try:
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in log_files(log_dir):
                content = mask_text(path.read_text("utf-8", errors="replace"))
                archive.writestr(f"logs/{path.name}", content)
            archive.writestr("self-check.txt", report)
            if about:
                archive.writestr("about.txt", about)
    except OSError:
        if not existed and target.is_file():
            target.unlink(missing_ok=True)
        raise
    return target


def export_error_message(exc: BaseException) -> str:
    """What went wrong with an export, and what to do, in the clerk's language."""
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return QCoreApplication.translate(
            "LogView",
            "The disk is full: the logs were not exported. Free some space or choose another "
            "place (for example a USB stick).",
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return QCoreApplication.translate(
            "LogView",
            "This folder cannot be written to (read-only or no permission): the logs were not "
            "exported. Choose another place.",
        )
    detail = getattr(exc, "strerror", None) or str(exc)
    return QCoreApplication.translate("LogView", "The logs were not exported: %1").replace(
        "%1", detail
    )


class LogView(QDialog):
    """The recent log with filters, and the export for IT.

    Args:
        context: the ``AppContext`` (``paths.log_dir``; ``provisioning`` for the report).

    Signals:
        exported(str): the path of the zip written.
        export_failed(str): the message shown when it was not.
    """

    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logView")
        self.context = context
        self.log_dir = Path(context.paths.log_dir)
        self.entries: list[LogEntry] = []
        # The layout is ui/log_view.ui; the code adds the filter choices, the buttons of its
        # own and the log itself.
        self.ui = u = Ui_LogView()
        u.setupUi(self)
        self.level = u.logLevelFilter
        self.area = u.logAreaFilter
        self.area.addItem("", "")
        for area in AREAS:
            self.area.addItem(area, area)
        self.text_filter = u.logTextFilter
        self.level_label = u.levelLabel
        self.area_label = u.areaLabel
        self.text_label = u.textLabel
        self.view = u.logText
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.count_label = u.countLabel
        self.status_label = u.logStatus
        # Designer cannot put buttons of its own into a QDialogButtonBox.
        self.refresh_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportLogsButton")
        u.buttonBox.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        u.buttonBox.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        u.buttonBox.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.retranslate()
        self.level.setCurrentIndex(1)  # information and above
        self.level.currentIndexChanged.connect(self.apply_filter)
        self.area.currentIndexChanged.connect(self.apply_filter)
        self.text_filter.textChanged.connect(self.apply_filter)
        self.refresh()

    def retranslate(self) -> None:
        """Set the texts made in code (the form's own are set by its retranslateUi)."""
        levels = [
            (self.tr("Everything (debug)"), "DEBUG"),
            (self.tr("Information and above"), "INFO"),
            (self.tr("Warnings and errors"), "WARNING"),
            (self.tr("Errors only"), "ERROR"),
        ]
        current = max(0, self.level.currentIndex())
        self.level.blockSignals(True)
        self.level.clear()
        for text, value in levels:
            self.level.addItem(text, value)
        self.level.setCurrentIndex(current)
        self.level.blockSignals(False)
        self.area.setItemText(0, self.tr("All areas"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the log files again (F5)"))
        self.export_button.setText(self.tr("&Export logs…"))
        self.export_button.setToolTip(
            self.tr("Save the log files and the self-check report as a zip for IT")
        )
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "ui"):
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    # -- view ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.entries = read_log(self.log_dir)
        self.apply_filter()

    def visible_entries(self) -> list[LogEntry]:
        minimum = LEVELS.index(str(self.level.currentData() or "DEBUG"))
        area = str(self.area.currentData() or "")
        needle = self.text_filter.text().strip().casefold()
        return [
            e
            for e in self.entries
            if (LEVELS.index(e.level) if e.level in LEVELS else 0) >= minimum
            and (not area or e.area == area)
            and (not needle or needle in e.text.casefold())
        ]

    def apply_filter(self) -> None:
        """Show the entries the filters let through; warnings amber, errors red."""
        shown = self.visible_entries()
        self.view.clear()
        cursor = QTextCursor(self.view.document())
        cursor.beginEditBlock()
        plain = QTextCharFormat()
        for n, entry in enumerate(shown):
            color = _LEVEL_COLORS.get(entry.level)
            fmt = plain
            if color is not None:
                fmt = QTextCharFormat()
                fmt.setForeground(QColor(color))
            cursor.insertText(("\n" if n else "") + entry.line(), fmt)
        cursor.endEditBlock()
        self.view.moveCursor(QTextCursor.MoveOperation.End)
        self._update_count(len(shown))

    def _update_count(self, shown: int | None = None) -> None:
        if shown is None:
            shown = len(self.visible_entries()) if self.entries else 0
        total = str(len(self.entries))
        text = self.tr("%1 of %2 records").replace("%1", str(shown)).replace("%2", total)
        self.count_label.setText(text)

    # -- export --------------------------------------------------------------------------

    def default_export_name(self) -> str:
        now = self.context.clock.now()
        window = self.context.provisioning.window_code
        return f"window-clerk-logs-{window}-{now:%Y%m%d-%H%M}.zip"

    def ask_export(self) -> None:
        """Ask where to save the zip, then export."""
        start = str(Path.home() / self.default_export_name())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export logs"), start, self.tr("Zip archives (*.zip)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, target: Path) -> None:
        """Run the self-check and write the zip off the GUI thread; tell the outcome below."""
        from clerk_app.gui.desk_dialogs import about_lines
        from clerk_app.gui.i18n import current_language
        from clerk_app.gui.selfcheck_qt import qt_checks
        from clerk_app.selfcheck import format_report, run_checks

        paths, prov = self.context.paths, self.context.provisioning
        language = current_language()
        about = "\n".join(f"{k}: {v}" for k, v in about_lines(self.context))
        self.export_button.setEnabled(False)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Exporting the logs…"))
        gui_checks = qt_checks(prov)  # printers, font, translations: GUI thread only
        log_dir = self.log_dir

        def work() -> Path:
            try:
                results = run_checks(paths, prov)
                report = format_report(results + gui_checks, language)
            except Exception as exc:  # the report is a help, never a reason not to export
                report = f"self-check failed: {exc}"
            return export_logs(log_dir, target, report, about)

        Op(self, work).success(self._exported).failure(self._export_failed).run()

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setStyleSheet("color: #1b6e20;")
        self.status_label.setText(
            self.tr("Saved to %1 — send this file to IT.").replace("%1", str(path))
        )
        log.info("logs exported to %s", path)
        self.exported.emit(str(path))

    def _export_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        message = export_error_message(exc)
        self.status_label.setStyleSheet("color: #b3261e;")
        self.status_label.setText(message)
        log.warning("logs not exported: %s", exc)
        self.export_failed.emit(message)
