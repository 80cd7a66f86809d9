"""Help → Self-check…: the report of `clerk-app self-check`, one line per check.

The layout is the Designer form ``ui/selfcheck_dialog.ui``.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QWidget,
)

from clerk_app.core.provisioning import Provisioning
from clerk_app.gui.forms.ui_selfcheck_dialog import Ui_SelfCheckDialog
from clerk_app.gui.ops import Op
from clerk_app.gui.selfcheck_qt import qt_checks
from clerk_app.paths import Paths
from clerk_app.selfcheck import CheckResult, Level, format_report, run_checks


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

    def start(self) -> None:
        """Run the checks; the report appears when they are done."""
        self.again_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        paths, prov = self._paths, self._prov
        Op(self, lambda: run_checks(paths, prov)).success(self._done).failure(self._failed).run()

    def _done(self, results: list[CheckResult]) -> None:
        self.results = results + qt_checks(self._prov, self._printers)
        self.report.setPlainText(format_report(self.results, self._language))
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
        self.summary.setText(self.tr("The self-check itself failed: %1").replace("%1", str(exc)))
        self.again_button.setEnabled(True)

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.report.toPlainText())
