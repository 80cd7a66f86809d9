"""The first-run wizard: set up a window when no provisioning file exists.

The same fields as the provisioning file, checked live before saving: every field by the
loader (each mistake shown under its field), then the service (``app.enrolment
.probe_service``: an answer at that address, a trusted certificate, the window known at
this center; then version and clock). The service's name of the window wins over the one
typed (the field is set to it, and the report says so). Every problem is said in plain
words; the technical words go behind the 详细信息 / Details button and into the log.
The language box switches the wizard's words at once (``i18n.install_translations``),
the report and the field errors included.

An optional enrolment code (``clerk-records enrol``) is redeemed when saving
(``app.enrolment.enrol_machine``): a desk's code keeps this PC's device token, a display's
code makes this PC a hall screen that starts into the board with no one signing in.
Saving writes the user's ``provisioning.toml`` (the per-machine file needs an
administrator: ``clerk-app provision``). The layout is the Designer form
``ui/first_run_wizard.ui``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from clerk_app.app.enrolment import (
    Enrolled,
    EnrolmentProblem,
    ServiceProbe,
    enrol_machine,
    probe_service,
)
from clerk_app.core import errors
from clerk_app.core.clock import Clock, SystemClock
from clerk_app.core.provisioning import (
    PROVISIONING_NAME,
    Provisioning,
    ProvisioningError,
    ProvisioningProblem,
    load_provisioning,
    parse_provisioning,
)
from clerk_app.gui.errors import error_message
from clerk_app.gui.forms.ui_first_run_wizard import Ui_FirstRunWizard
from clerk_app.gui.i18n import current_language, install_translations
from clerk_app.gui.ops import Op
from clerk_app.gui.selfcheck_dialog import report_line
from clerk_app.paths import Paths, default_paths
from clerk_app.selfcheck import CheckResult, Level, check_service

#: Something that says a message in the UI's language (called again when it changes).
Words = Callable[[], str]

log = logging.getLogger("clerk.gui")

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


@dataclasses.dataclass(frozen=True)
class WizardCheck:
    """What the background check found: the probe, then (if it answered) the self-checks."""

    probe: ServiceProbe
    results: list[CheckResult]


def check_with_service(prov: Provisioning, clock: Clock | None = None) -> WizardCheck:
    """The wizard's check, off the GUI thread: the address and window, then version and
    clock (only when the service answered)."""
    probe = probe_service(prov)
    results = check_service(prov, clock) if probe.problem is None else []
    return WizardCheck(probe, results)


class FirstRunWizard(QDialog):
    """Asks for the window's set-up, checks it live, writes the provisioning file.

    Args:
        config_dir: where the user's provisioning file goes.
        parent: the parent widget.
        paths: the app's folders (an enrolment keeps its credential there); by default
            ``paths.default_paths()``.
        clock: the clock a credential's time is taken from.
    """

    def __init__(
        self,
        config_dir: Path,
        parent: QWidget | None = None,
        *,
        paths: Paths | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.config_dir = config_dir
        self.paths = paths
        self.clock = clock or SystemClock()
        self.provisioning: Provisioning | None = None
        self.enrolled: Enrolled | None = None
        self.results: list[CheckResult] = []
        self._checked: Provisioning | None = None
        # What the report and the error lines say, kept to be said again in a new language.
        self._report_words: Words | None = None
        self._error_words: dict[str, Words] = {}
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
        self.enrolment_code = u.enrolment_code
        self.enrolment_error = u.enrolment_code_error
        self.enrolment_error.hide()
        self.enrolment_code.textChanged.connect(self.enrolment_error.hide)
        u.browseButton.clicked.connect(self._browse)
        self.language = u.languageCombo
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        # The language the app opened in; choosing another switches the words at once.
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.currentIndexChanged.connect(self._language_chosen)

        self.report = u.wizardReport
        # The technical words of a problem, for IT: behind the details button.
        self.details = u.detailsText
        self.details_button = u.detailsButton
        self.details.hide()
        self.details_button.hide()
        self.details_button.toggled.connect(self.details.setVisible)
        # Designer cannot put a button of its own into a QDialogButtonBox.
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check)
        u.buttonBox.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = u.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        self._retranslate_code()
        # Wide enough for an https address and a CA path to show whole, in either language.
        self.setMinimumWidth(560)

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items()}

    def _lang(self) -> str:
        return str(self.language.currentData())

    # -- language ------------------------------------------------------------------------

    def _language_chosen(self, _index: int) -> None:
        """Switch the whole UI to the chosen language (the wizard follows at once)."""
        install_translations(self._lang())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate_code()
            # The button box gives Save the platform's text (no mnemonic) on its own
            # LanguageChange, which may come after this one: say ours again after it.
            QTimer.singleShot(0, self, self._retranslate_code)
        super().changeEvent(event)

    def _retranslate_code(self) -> None:
        """The words made in code: the buttons, the report and the error lines."""
        self.check_button.setText(self.tr("&Check"))
        self.save_button.setText(self.tr("&Save"))  # the platform's text may have no mnemonic
        if self._report_words is not None:
            self.report.setPlainText(self._report_words())
        for name, words in self._error_words.items():
            label = self.enrolment_error if name == "enrolment" else self.errors[name]
            label.setText(words())

    def _problem_words(self, problem: ProvisioningProblem) -> str:
        return problem.en if self._lang() == "en" else problem.zh

    def _say(self, words: Words) -> None:
        """Show ``words()`` as the report, and again in a new language when it changes."""
        self._report_words = words
        self.report.setPlainText(words())

    def _mark(self, name: str, words: Words) -> None:
        """Show ``words()`` under field ``name`` ("enrolment": the enrolment code)."""
        label = self.enrolment_error if name == "enrolment" else self.errors[name]
        self._error_words[name] = words
        label.setText(words())
        label.show()

    def _changed(self) -> None:
        self._checked = None
        self.save_button.setEnabled(False)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Center CA certificate"), "", self.tr("PEM certificates (*.pem *.crt)")
        )
        if path:
            self.edits["service.ca_bundle"].setText(path)

    def _show_details(self, text: str) -> None:
        """Keep ``text`` (technical words) behind the details button; none: hide it."""
        self.details.setPlainText(text)
        self.details_button.setVisible(bool(text))
        if not text:
            self.details_button.setChecked(False)

    def check(self) -> None:
        """Check every field, then (if they are right) the service, off the GUI thread."""
        for label in self.errors.values():
            label.hide()
        self._error_words = {k: v for k, v in self._error_words.items() if k == "enrolment"}
        self._changed()
        self._show_details("")
        try:
            prov = parse_provisioning(render_provisioning(self.values(), self._lang()))
        except ProvisioningError as exc:
            for problem in exc.problems:
                if problem.field in self.errors:
                    self._mark(problem.field, lambda p=problem: self._problem_words(p))
            self._say(lambda: self.tr("Correct the fields marked in red."))
            return
        self.check_button.setEnabled(False)
        self._say(lambda: self.tr("Checking the records service…"))
        Op(self, lambda: check_with_service(prov, self.clock)).success(
            lambda found: self._checked_service(prov, found)
        ).failure(self._check_failed).run()

    def _problem_text(self, probe: ServiceProbe, url: str) -> str:
        texts = {
            "offline": self.tr(
                "No answer at %1. Check the address, the network cable, and that the records "
                "service is running."
            ),
            "tls": self.tr(
                "The records service at %1 answered, but its certificate is not trusted. "
                "Choose the center's CA certificate (ask IT for it)."
            ),
            "not-records": self.tr(
                "Something answered at %1, but it is not the records service. Check the address."
            ),
            "refused": self.tr("The records service at %1 asks to wait: try again in a minute."),
        }
        return texts.get(probe.problem or "", texts["not-records"]).replace("%1", url)

    def _checked_service(self, prov: Provisioning, found: WizardCheck) -> None:
        self.check_button.setEnabled(True)
        probe = found.probe
        if probe.problem is not None:
            self._say(lambda: self._problem_text(probe, prov.service_url))
            self._show_details(probe.detail)
            return
        if probe.window is None:

            def unknown() -> str:
                text = self.tr(
                    "Center %1 has no window %2 at this records service. Check the center "
                    "and window codes with IT."
                )
                return text.replace("%1", prov.center_code).replace("%2", prov.window_code)

            self._mark("window.code", unknown)
            self._say(unknown)
            return
        name = str(probe.window.get("name") or "")
        renamed = bool(name) and name != prov.window_name
        if renamed:
            # The service's name of the window wins (the same window had two names).
            with QSignalBlocker(self.edits["window.name"]):
                self.edits["window.name"].setText(name)
        department = str(probe.window.get("department") or "")
        if department and not self.edits["window.department"].text().strip():
            with QSignalBlocker(self.edits["window.department"]):
                self.edits["window.department"].setText(department)
        self.results = results = found.results

        def report() -> str:
            lines = [
                self.tr("Window %1 is known at center %2.")
                .replace("%1", prov.window_code)
                .replace("%2", prov.center_code)
            ]
            if renamed:
                lines.append(
                    self.tr("Window %1 is called “%2” at the records service; that name is used.")
                    .replace("%1", prov.window_code)
                    .replace("%2", name)
                )
            # Each check as the self-check dialog says it: "[警告] 证书：…" / "[Warning] …".
            lines += [report_line(result, self._lang()) for result in results]
            return "\n".join(lines)

        self._show_details("\n".join(f"{r.name}: {r.detail}" for r in results if r.detail))
        self._say(report)
        if not any(r.level is Level.FAIL for r in found.results):
            self._checked = parse_provisioning(render_provisioning(self.values(), self._lang()))
            self.save_button.setEnabled(True)

    def _check_failed(self, exc: Exception) -> None:
        """A bug in the check (the network's problems come back as a probe): plain words,
        the exception in the details and the log."""
        log.error("first-run check failed", exc_info=exc)
        self.check_button.setEnabled(True)
        self._say(lambda: self.tr("The check could not be finished. Show the details to IT."))
        self._show_details(f"{type(exc).__name__}: {exc}")

    def save(self) -> None:
        """Redeem the enrolment code if one was typed, then write the checked set-up to the
        user's provisioning file and close."""
        prov = self._checked
        if prov is None:
            return
        code = self.enrolment_code.text().strip()
        if not code:
            self._write_and_close()
            return
        self.save_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self._say(lambda: self.tr("Redeeming the enrolment code…"))
        paths = self.paths or default_paths()
        Op(self, lambda: enrol_machine(prov, paths, code, self.clock)).success(
            self._enrolled
        ).failure(self._enrolment_failed).run()

    def _enrolled(self, enrolled: Enrolled) -> None:
        self.enrolled = enrolled
        self._write_and_close()

    def _enrolment_failed(self, exc: Exception) -> None:
        self.check_button.setEnabled(True)
        self.save_button.setEnabled(self._checked is not None)
        self._mark("enrolment", lambda: self._enrolment_text(exc))
        self._say(lambda: self._enrolment_text(exc))
        if isinstance(exc, errors.UserError):
            log.warning("enrolment refused: %s", exc)
        else:
            log.error("enrolment failed", exc_info=exc)
        self._show_details(f"{type(exc).__name__}: {exc}")

    def _enrolment_text(self, exc: Exception) -> str:
        if isinstance(exc, EnrolmentProblem):
            texts = {
                "unknown-code": self.tr(
                    "This enrolment code is unknown, used or expired. Ask IT for a new one."
                ),
                "device-limit": self.tr(
                    "This window has as many desks as it may. An admin revokes an old desk "
                    "first, then makes a new code."
                ),
                "rate-limited": self.tr("Too many tries: wait a minute, then save again."),
                "wrong-window": self.tr(
                    "This code was made for window %1, not for this window. It is used up: "
                    "ask IT for a new code for this window."
                ).replace("%1", exc.window or "?"),
                "unsupported": self.tr(
                    "This code is for a kiosk or another system, not for a window PC. It is "
                    "used up: ask IT for a desk or display code."
                ),
            }
            return texts.get(exc.reason, texts["unknown-code"])
        if isinstance(exc, errors.UserError):
            return error_message(exc)
        return self.tr("The enrolment code could not be redeemed. Show the details to IT.")

    def _write_and_close(self) -> None:
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
