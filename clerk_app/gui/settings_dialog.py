"""File ▸ Settings (Ctrl+,): language, the worklist's yellow card, a printer per document
kind. Saved in the typed settings (``core.settings``) and the window's printer choices
(``app.printers`` through ``gui.printing.PrinterChoices``, written on the one ``DbWriter``);
the language and the applicant screen apply at once, without a restart (the applicant
screen: ``desk_dialogs.settings_applied`` → ``applicant_screen.apply_applicant_setting``;
with only one monitor the dialog says in plain words that it will not show). The layout is
the Designer form ``ui/settings_dialog.ui``; the printer rows are added here, one per
document kind.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QWidget

from clerk_app.app import printers
from clerk_app.app.context import has_local_store
from clerk_app.core.provisioning import DOCUMENT_KINDS
from clerk_app.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from clerk_app.gui.i18n import current_language, normalise_language
from clerk_app.gui.ops import write_later

log = logging.getLogger("clerk.gui")

#: The languages offered, each named in itself (never translated).
LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))
YELLOW_DAYS = "worklist.due_soon_working_days"
APPLICANT_ON = "applicant_screen.enabled"
APPLICANT_CONFIRM = "applicant_screen.require_confirmation"


class SettingsDialog(QDialog):
    """The clerk's settings.

    Args:
        context: the ``AppContext`` (``settings``, ``store``, ``provisioning``).
        writer: the ``DbWriter`` the printer choices are written on (None: not saved).
        printers: the printer names to offer (tests); Qt's list by default.

    Signals:
        language_chosen(str): "zh_CN" or "en", when OK changed the language.
        saved(): after OK saved everything.
    """

    language_chosen = Signal(str)
    saved = Signal()

    def __init__(
        self,
        context: Any,
        writer: Any = None,
        parent: QWidget | None = None,
        *,
        printers: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.writer = writer
        settings = context.settings
        # The layout is ui/settings_dialog.ui; the code adds what is known only at run time:
        # the languages, the values, and a printer row per document kind.
        self.ui = u = Ui_SettingsDialog()
        u.setupUi(self)
        self.language = u.languageCombo
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            [c for c, _n in LANGUAGE_NAMES].index(normalise_language(current_language()))
        )
        self.yellow_days = u.yellowDaysSpin
        self.yellow_days.setValue(int(settings[YELLOW_DAYS]))
        self.applicant_on = u.applicantScreenCheck
        self.applicant_on.setChecked(bool(settings[APPLICANT_ON]))
        self.applicant_note = u.applicantScreenNote
        self.applicant_on.toggled.connect(self._show_applicant_note)
        self._show_applicant_note()
        self.applicant_confirm = u.applicantConfirmCheck
        self.applicant_confirm.setChecked(bool(settings[APPLICANT_CONFIRM]))

        self.choices = self._printer_choices()
        if printers is None:
            from clerk_app.gui.printing import printer_names

            printers = printer_names()
        self.printer_boxes: dict[str, QComboBox] = {}
        self.printer_labels: dict[str, QLabel] = {}
        tab_from: QWidget = u.applicantConfirmCheck
        for kind in DOCUMENT_KINDS:
            if kind == "default":
                continue
            box = QComboBox(self)
            box.setObjectName(f"printer_{kind}")
            box.addItem("", "")  # "as provisioned / system default", text set in retranslate
            current = self._current_printer(kind)
            for name in sorted(set(printers) | ({current} if current else set())):
                box.addItem(name, name)
            box.setCurrentIndex(max(0, box.findData(current)))
            label = QLabel(self)
            label.setBuddy(box)
            self.printer_labels[kind] = label
            self.printer_boxes[kind] = box
            u.printerForm.addRow(label, box)
            QWidget.setTabOrder(tab_from, box)
            tab_from = box

        self.error_label = u.settingsError
        self.error_label.hide()
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        self.retranslate()
        self.resize(520, self.sizeHint().height())

    # -- texts ---------------------------------------------------------------------------

    def kind_name(self, kind: str) -> str:
        names = {
            "acceptance": self.tr("Acceptance notice (受理通知书)"),
            "supplement": self.tr("Supplement notice (补正)"),
            "deferred": self.tr("Deferred acceptance (容缺)"),
            "supplied": self.tr("Deferred material received (容缺补齐)"),
            "lapsed": self.tr("Deferred acceptance ended (容缺终止)"),
            "refusal": self.tr("Refusal notice (不予受理)"),
            "forwarded": self.tr("Forwarding notice (上报)"),
            "completion": self.tr("Completion notice (办结)"),
            "fee": self.tr("Fee notice (收费)"),
            "void": self.tr("Void notice (作废)"),
            "correction": self.tr("Correction notice (更正)"),
            "commitment": self.tr("Commitment letter (告知承诺书)"),
            "joint_acceptance": self.tr("Joint acceptance notice (联合受理)"),
            "joint_supplement": self.tr("Joint supplement notice (联合补正)"),
            "stage_completion": self.tr("Stage completion notice (阶段办结)"),
            "joint_completion": self.tr("Joint completion notice (联合办结)"),
            "guide": self.tr("Service guide (办事指南)"),
            "slip": self.tr("Receipt slip, 80 mm roll"),
            "payment_notice": self.tr("Payment notice (缴款通知书)"),
            "fiscal_receipt": self.tr("Fiscal receipt, A4 three parts (非税收入票据)"),
            "fiscal_receipt_roll": self.tr("Fiscal receipt, 80 mm roll"),
            "refund_voucher": self.tr("Refund voucher (退付凭证)"),
            "daily_close": self.tr("Daily close sheet (日结单)"),
            "queue_ticket": self.tr("Queue ticket, 80 mm roll (排队票)"),
        }
        return names.get(kind, kind)

    def _show_applicant_note(self, *_args: Any) -> None:
        """Under the applicant-screen box: why it will not show (one monitor), if so."""
        from clerk_app.gui.applicant_screen import screen_note

        note = screen_note(self.parentWidget() or self) if self.applicant_on.isChecked() else ""
        self.applicant_note.setText(note)
        self.applicant_note.setVisible(bool(note))

    def retranslate(self) -> None:
        """Set the texts made in code: the printer rows (the form's are in retranslateUi)."""
        if hasattr(self, "applicant_note"):
            self._show_applicant_note()
        for kind, label in self.printer_labels.items():
            label.setText(self.kind_name(kind) + ":")
            box = self.printer_boxes[kind]
            provisioned = self._provisioned(kind)
            default = (
                self.tr("As provisioned (%1)").replace("%1", provisioned)
                if provisioned
                else self.tr("System default printer")
            )
            box.setItemText(0, default)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    # -- printers ------------------------------------------------------------------------

    def _printer_choices(self) -> Any:
        if not has_local_store(self.context):
            return None
        from clerk_app.gui.printing import PrinterChoices

        return PrinterChoices(self.context)

    def _current_printer(self, kind: str) -> str:
        if self.choices is None:
            return ""
        return printers.remembered_printer(self.context, kind)

    def _provisioned(self, kind: str) -> str:
        return self.context.provisioning.printer_for(kind) or ""

    # -- save ----------------------------------------------------------------------------

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def save(self) -> None:
        """Keep the values; on a settings file that cannot be written, say so and stay."""
        settings = self.context.settings
        language = self.chosen_language()
        old_language = normalise_language(current_language())
        settings.set("ui.language", language)
        settings.set(YELLOW_DAYS, int(self.yellow_days.value()))
        settings.set(APPLICANT_ON, self.applicant_on.isChecked())
        settings.set(APPLICANT_CONFIRM, self.applicant_confirm.isChecked())
        try:
            settings.save()
        except OSError as exc:
            log.warning("settings not saved to %s: %s", settings.path, exc)
            self.error_label.setText(
                self.tr(
                    "The settings could not be saved in %1 (%2). Ask IT to make that folder "
                    "writable; until then they apply only until you quit."
                )
                .replace("%1", str(settings.path))
                .replace("%2", exc.strerror or str(exc))
            )
            self.error_label.show()
            self._apply(language, old_language)
            return
        self._save_printers()
        self._apply(language, old_language)
        self.saved.emit()
        self.accept()

    def _apply(self, language: str, old_language: str) -> None:
        if language != old_language:
            self.language_chosen.emit(language)

    def _save_printers(self) -> None:
        if self.choices is None:
            return
        context = self.context
        changes = {
            kind: str(box.currentData() or "")
            for kind, box in self.printer_boxes.items()
            if str(box.currentData() or "") != self._current_printer(kind)
        }
        if not changes:
            return

        def work() -> None:
            for kind, name in changes.items():
                if name:
                    self.choices.remember(kind, name)
                else:  # back to the provisioned / system default
                    printers.forget_printer(context, kind)

        if self.writer is not None:
            self.writer.submit(work, self.parentWidget()).failure(
                lambda exc: log.error("printer choices not saved: %s", exc)
            )
        else:  # never on the GUI thread
            write_later(self.parentWidget(), work)
