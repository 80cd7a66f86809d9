"""The first-run wizard: set up a window when no provisioning file exists.

The same fields as the provisioning file, checked live before saving: every field by the
loader (each mistake shown under its field), then the service (reachable, version
compatible, TLS valid, clock). Whether the window code is known to the service is checked
at the first sign-in, which also registers this device: no service route lists windows to
an anonymous caller. Saving writes the user's ``provisioning.toml`` (the per-machine file
needs an administrator: ``clerk-app provision``). The layout is the Designer form
``ui/first_run_wizard.ui``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from clerk_app.core.provisioning import (
    PROVISIONING_NAME,
    Provisioning,
    ProvisioningError,
    load_provisioning,
    parse_provisioning,
)
from clerk_app.gui.forms.ui_first_run_wizard import Ui_FirstRunWizard
from clerk_app.gui.ops import Op
from clerk_app.selfcheck import CheckResult, Level, check_service

# The (section, key) of each field, in the order shown; ui/first_run_wizard.ui has a
# ``<section>_<key>`` line edit and a ``<section>_<key>_error`` label for each.
FIELDS = (
    ("service", "url"),
    ("service", "ca_bundle"),
    ("center", "code"),
    ("center", "name"),
    ("window", "code"),
    ("window", "name"),
    ("window", "department"),
)


def render_provisioning(values: dict[str, str], language: str) -> str:
    """The provisioning file for these field values (``"service.url"`` → text)."""
    lines = ["# Written by the Window Clerk first-run wizard.", "schema = 1"]
    for section in ("service", "center", "window"):
        lines.append(f"[{section}]")
        for sec, key in FIELDS:
            value = values.get(f"{sec}.{key}", "").strip()
            if sec == section and value:
                lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    lines += ["[ui]", f"language = {json.dumps(language)}", ""]
    return "\n".join(lines)


def save_provisioning(text: str, config_dir: Path) -> Path:
    """Write the file atomically into the user's config folder; return its path."""
    config_dir.mkdir(parents=True, exist_ok=True)
    target = config_dir / PROVISIONING_NAME
    fd, tmp = tempfile.mkstemp(prefix=".wizard-", dir=config_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, target)
    return target


class FirstRunWizard(QDialog):
    """Asks for the window's set-up, checks it live, writes the provisioning file."""

    def __init__(self, config_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config_dir = config_dir
        self.provisioning: Provisioning | None = None
        self.results: list[CheckResult] = []
        self._checked: Provisioning | None = None
        # The layout is ui/first_run_wizard.ui: a field and an error line per FIELDS entry.
        self.ui = u = Ui_FirstRunWizard()
        u.setupUi(self)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for section, key in FIELDS:
            name = f"{section}.{key}"
            edit = getattr(u, f"{section}_{key}")
            edit.textChanged.connect(self._changed)
            self.edits[name] = edit
            error = getattr(u, f"{section}_{key}_error")
            error.hide()
            self.errors[name] = error
        u.browseButton.clicked.connect(self._browse)
        self.language = u.languageCombo
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")

        self.report = u.wizardReport
        # Designer cannot put a button of its own into a QDialogButtonBox.
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.clicked.connect(self.check)
        u.buttonBox.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = u.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items()}

    def _lang(self) -> str:
        return str(self.language.currentData())

    def _changed(self) -> None:
        self._checked = None
        self.save_button.setEnabled(False)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Center CA certificate"), "", self.tr("PEM certificates (*.pem *.crt)")
        )
        if path:
            self.edits["service.ca_bundle"].setText(path)

    def check(self) -> None:
        """Check every field, then (if they are right) the service, off the GUI thread."""
        for label in self.errors.values():
            label.hide()
        self._changed()
        try:
            prov = parse_provisioning(render_provisioning(self.values(), self._lang()))
        except ProvisioningError as exc:
            for problem in exc.problems:
                label = self.errors.get(problem.field)
                text = problem.en if self._lang() == "en" else problem.zh
                if label is not None:
                    label.setText(text)
                    label.show()
            self.report.setPlainText(self.tr("Correct the fields marked in red."))
            return
        self.check_button.setEnabled(False)
        self.report.setPlainText(self.tr("Checking the records service…"))
        Op(self, lambda: check_service(prov)).success(
            lambda results: self._checked_service(prov, results)
        ).failure(self._check_failed).run()

    def _checked_service(self, prov: Provisioning, results: list[CheckResult]) -> None:
        self.check_button.setEnabled(True)
        self.results = results
        lines = [r.text(self._lang()) for r in results]
        lines.append(
            self.tr(
                "window: checked at the first sign-in, which also registers this computer "
                "with the service."
            )
        )
        self.report.setPlainText("\n".join(lines))
        if not any(r.level is Level.FAIL for r in results):
            self._checked = prov
            self.save_button.setEnabled(True)

    def _check_failed(self, exc: Exception) -> None:
        self.check_button.setEnabled(True)
        self.report.setPlainText(str(exc))

    def save(self) -> None:
        """Write the checked set-up to the user's provisioning file and close."""
        if self._checked is None:
            return
        path = save_provisioning(render_provisioning(self.values(), self._lang()), self.config_dir)
        self.provisioning = load_provisioning(path)
        self.accept()


def run_first_run_wizard(config_dir: Path) -> Provisioning | None:
    """Show the wizard (making the QApplication if needed); the saved provisioning or None."""
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - kept alive
    wizard = FirstRunWizard(config_dir)
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return None
    return wizard.provisioning
