"""Help → Self-check…: the report of `clerk-app self-check`, one line per check.

Each line is a plain sentence in the UI's language with what to do; the technical detail
(an exception's words, a parser's) is behind the Details button and in the log, never in
the report itself. The layout is the Designer form ``ui/selfcheck_dialog.ui``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from clerk_app.core.provisioning import Provisioning
from clerk_app.gui.forms.ui_selfcheck_dialog import Ui_SelfCheckDialog
from clerk_app.gui.ops import Op
from clerk_app.gui.selfcheck_qt import qt_checks
from clerk_app.paths import Paths
from clerk_app.selfcheck import CheckResult, Level, run_checks

log = logging.getLogger("clerk.gui")


def level_label(level: Level) -> str:
    """How a check went, in the UI's language."""
    return {
        Level.OK: QCoreApplication.translate("SelfCheckDialog", "OK"),
        Level.WARN: QCoreApplication.translate("SelfCheckDialog", "Warning"),
        Level.FAIL: QCoreApplication.translate("SelfCheckDialog", "Failed"),
    }[level]


def check_label(name: str) -> str:
    """What a check is about, in the UI's language (``name`` is the command's key)."""
    labels = {
        "provisioning": QCoreApplication.translate("SelfCheckDialog", "Provisioning file"),
        "service": QCoreApplication.translate("SelfCheckDialog", "Records service"),
        "tls": QCoreApplication.translate("SelfCheckDialog", "Certificate"),
        "clock": QCoreApplication.translate("SelfCheckDialog", "Clock"),
        "window": QCoreApplication.translate("SelfCheckDialog", "Window"),
        "keyring": QCoreApplication.translate("SelfCheckDialog", "Key storage"),
        "database": QCoreApplication.translate("SelfCheckDialog", "Local database"),
        "outbox": QCoreApplication.translate("SelfCheckDialog", "Waiting to send"),
        "files": QCoreApplication.translate("SelfCheckDialog", "File permissions"),
        "disk": QCoreApplication.translate("SelfCheckDialog", "Disk"),
        "printers": QCoreApplication.translate("SelfCheckDialog", "Printers"),
        "font": QCoreApplication.translate("SelfCheckDialog", "Chinese font"),
        "translations": QCoreApplication.translate("SelfCheckDialog", "Translations"),
    }
    return labels.get(name, name)


def report_line(result: CheckResult, language: str) -> str:
    """One line of the dialog's report: how it went, what was checked, the sentence."""
    sentence = result.en if language == "en" else result.zh
    colon = ": " if language == "en" else "："
    return f"[{level_label(result.level)}] {check_label(result.name)}{colon}{sentence}"


class SelfCheckDialog(QDialog):
    """Runs the checks (network and disk off the GUI thread) and shows the report.

    Args:
        paths: the client's folders.
        provisioning: the window's provisioning as the app loaded it.
        language: "zh_CN" or "en", for the report's lines.
        printers: printer names to use instead of asking Qt (tests).
    """

    def __init__(
        self,
        paths: Paths,
        provisioning: Provisioning,
        language: str = "zh_CN",
        parent: QWidget | None = None,
        *,
        printers: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths, self._prov, self._language, self._printers = (
            paths,
            provisioning,
            language,
            printers,
        )
        self.results: list[CheckResult] = []
        # The layout is ui/selfcheck_dialog.ui; the code adds the buttons of its own.
        self.ui = u = Ui_SelfCheckDialog()
        u.setupUi(self)
        self.summary = u.selfCheckSummary
        self.report = u.selfCheckReport
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        u.buttonBox.rejected.connect(self.reject)
        # Designer cannot put buttons of its own into a QDialogButtonBox.
        self.copy_button = QPushButton(self.tr("Copy report"), self)
        self.copy_button.clicked.connect(self._copy)
        self.again_button = QPushButton(self.tr("Check again"), self)
        self.again_button.clicked.connect(self.start)
        u.buttonBox.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        u.buttonBox.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        # The technical detail of the checks that have one: for IT, hidden until asked for.
        self.details_button = QPushButton(self.tr("&Details"), self)
        self.details_button.setCheckable(True)
        self.details_button.setEnabled(False)
        u.buttonBox.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("selfCheckDetails")
        self.details.setReadOnly(True)
        self.details.setFont(self.report.font())
        self.details.hide()
        u.mainLayout.insertWidget(u.mainLayout.indexOf(u.buttonBox), self.details)
        self.details_button.toggled.connect(self.details.setVisible)

    def start(self) -> None:
        """Run the checks; the report appears when they are done."""
        self.again_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        paths, prov = self._paths, self._prov
        Op(self, lambda: run_checks(paths, prov)).success(self._done).failure(self._failed).run()

    def _done(self, results: list[CheckResult]) -> None:
        self.results = results + qt_checks(self._prov, self._printers)
        self.report.setPlainText("\n".join(report_line(r, self._language) for r in self.results))
        self._show_details([f"{r.name}: {r.detail}" for r in self.results if r.detail])
        fails = sum(r.level is Level.FAIL for r in self.results)
        warns = sum(r.level is Level.WARN for r in self.results)
        if fails:
            text = self.tr(
                "%n check(s) failed: this window cannot work properly. Ask IT.", "", fails
            )
        elif warns:
            text = self.tr("Works, with %n warning(s).", "", warns)
        else:
            text = self.tr("Everything is fine.")
        font = QFont(self.summary.font())
        font.setBold(bool(fails))
        self.summary.setFont(font)
        self.summary.setText(text)
        self.again_button.setEnabled(True)

    def _failed(self, exc: Exception) -> None:
        log.error("self-check did not finish: %s: %s", type(exc).__name__, exc)
        self.summary.setText(
            self.tr(
                "The self-check could not run to the end. Press Check again; if it happens "
                "again, ask IT and give them the details."
            )
        )
        self._show_details([f"{type(exc).__name__}: {exc}"])
        self.again_button.setEnabled(True)

    def _show_details(self, lines: list[str]) -> None:
        self.details.setPlainText("\n".join(lines))
        self.details_button.setEnabled(bool(lines))
        if not lines:
            self.details_button.setChecked(False)

    def _copy(self) -> None:
        """The report and its details, for a message to IT."""
        details = self.details.toPlainText()
        text = self.report.toPlainText() + (f"\n\n{details}" if details else "")
        QApplication.clipboard().setText(text)
