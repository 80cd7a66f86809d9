"""The decision part of the intake form: which decision, its details, the due date, the fee.

The decision list offers only what the rules allow for the materials as marked
(``core.intake.allowed_dispositions``): 即办 / 承诺 / 上报 with everything in hand, 容缺
when only deferrable materials are to follow, 补正 when anything is missing, and 不予受理
always. Each decision shows what it needs: 容缺 the day the materials must come (never
after the due date), 补正 every missing material with what it must be, 不予受理 the reason
and the legal basis, 上报 the authority and why.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from clerk_app.core import intake
from clerk_app.core.lifecycle import Disposition
from clerk_app.gui.forms.ui_intake_form import Ui_IntakeForm
from clerk_app.gui.intake_texts import (
    case_kind_names,
    decision_names,
    fee_state_names,
    refusal_reason_names,
)

WARNING_STYLE = "color: #8a5a00;"
PAGES = ("info", "deferred", "supplement", "refused", "forwarded")


def fit_stack(stack: QStackedWidget, index: int) -> None:
    """Show page ``index`` at its own height (a stack is otherwise as tall as its tallest)."""
    for n in range(stack.count()):
        policy = QSizePolicy.Policy.Preferred if n == index else QSizePolicy.Policy.Ignored
        stack.widget(n).setSizePolicy(policy, policy)
    stack.setCurrentIndex(index)
    # The pages' labels do not wrap (a stack would not ask for their height at its width).
    stack.updateGeometry()


def money(fen: int) -> str:
    return f"¥{fen // 100}.{fen % 100:02d}"


class DecisionPanel(QObject):
    """Drives the decision box of ``Ui_IntakeForm``.

    Args:
        ui: the form's generated UI.
        clock, calendar: the application clock and ``WorkCalendar``.
        changed: called after every change.
    """

    def __init__(self, ui: Ui_IntakeForm, clock: Any, calendar: Any, changed: Any) -> None:
        super().__init__(ui.decisionBox)
        self.ui = ui
        self._clock = clock
        self._calendar = calendar
        self._changed = changed
        self.item: Any = None
        self._allowed: list[Disposition] = []
        #: 上报: the center above on the records service (code, name; issue 20), if any.
        self._upper: tuple[str, str] | None = None
        stack = ui.decisionStack
        parent = ui.decisionBox
        self._caption_labels: list[QLabel] = []

        # 即办 / 承诺: a line saying what happens.
        self.info_label = QLabel(parent)
        self.info_label.setWordWrap(False)
        stack.addWidget(self._page(parent, [(None, self.info_label)]))

        # 容缺
        self.deferred_label = QLabel(parent)
        # A material's requirements can be long: wrapped, never wider than the form.
        self.deferred_label.setWordWrap(True)
        self.supply_by_edit = QDateEdit(parent)
        self.supply_by_edit.setObjectName("supplyByEdit")
        self.supply_by_edit.setCalendarPopup(True)
        self.supply_by_edit.setDisplayFormat("yyyy-MM-dd")
        self.deferred_consequence = QLabel(parent)
        self.deferred_consequence.setWordWrap(False)
        self.deferred_consequence.setStyleSheet(WARNING_STYLE)
        stack.addWidget(
            self._page(
                parent,
                [
                    (
                        "",
                        self.deferred_label,
                    ),
                    (
                        "",
                        self.supply_by_edit,
                    ),
                    (None, self.deferred_consequence),
                ],
            )
        )

        # 补正
        self.missing_label = QLabel(parent)
        self.missing_label.setObjectName("missingMaterialsLabel")
        self.missing_label.setWordWrap(True)
        stack.addWidget(
            self._page(
                parent,
                [("", self.missing_label)],
            )
        )

        # 不予受理
        self.reason_combo = QComboBox(parent)
        self.reason_combo.setObjectName("refusalReasonCombo")
        self.reason_edit = QLineEdit(parent)
        self.reason_edit.setObjectName("refusalReasonEdit")
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(
            QCoreApplication.translate("DecisionPanel", "Details for the applicant")
        )
        self.basis_edit = QPlainTextEdit(parent)
        self.basis_edit.setObjectName("legalBasisEdit")
        self.basis_edit.setTabChangesFocus(True)
        self.basis_edit.setFixedHeight(60)
        stack.addWidget(
            self._page(
                parent,
                [
                    ("", self.reason_combo),
                    ("", self.reason_edit),
                    ("", self.basis_edit),
                ],
            )
        )

        # 上报
        self.authority_combo = QComboBox(parent)
        self.authority_combo.setObjectName("authorityCombo")
        self.authority_combo.setEditable(True)
        self.authority_combo.addItems(list(intake.FORWARD_AUTHORITIES))
        self.forward_reason_edit = QLineEdit(parent)
        self.forward_reason_edit.setObjectName("forwardReasonEdit")
        self.forward_reason_edit.setMaxLength(200)
        stack.addWidget(
            self._page(
                parent,
                [
                    (
                        "",
                        self.authority_combo,
                    ),
                    (
                        "",
                        self.forward_reason_edit,
                    ),
                ],
            )
        )

        self._set_captions()
        self.fill_lists()
        ui.decisionCombo.currentIndexChanged.connect(self._decision_changed)
        ui.feeStateCombo.currentIndexChanged.connect(lambda _i: self._changed())
        self._supply_set_by_clerk = False
        self._setting_supply = False
        self.supply_by_edit.dateChanged.connect(self._supply_changed)
        self.reason_combo.currentIndexChanged.connect(lambda _i: self._changed())
        for edit in (self.reason_edit, self.forward_reason_edit):
            edit.textChanged.connect(lambda _t: self._changed())
        self.basis_edit.textChanged.connect(self._changed)
        self.authority_combo.currentTextChanged.connect(lambda _t: self._changed())

    # -- 上报 to the center above (issue 20) ------------------------------------------------

    def set_upper_center(self, code: str, name: str) -> None:
        """Offer the center above this window's (provisioning ``[center] parent``) first
        among the authorities: a case forwarded to it carries its code (``data.center``)
        and becomes a linked case there. Empty ``code``: nothing offered."""
        if self._upper is not None:
            self.authority_combo.removeItem(0)
        self._upper = (code, name or code) if code else None
        if self._upper is not None:
            self.authority_combo.insertItem(0, self._upper_text(), code)
            self.authority_combo.setCurrentIndex(0)

    def _upper_text(self) -> str:
        assert self._upper is not None
        code, name = self._upper
        return (
            QCoreApplication.translate("DecisionPanel", "Center above: %1 (%2)")
            .replace("%1", name)
            .replace("%2", code)
        )

    def forward_center(self) -> str:
        """The code of the center above when the chosen authority is it, else ""."""
        if self._upper is None:
            return ""
        return self._upper[0] if self.authority_combo.currentText() == self._upper_text() else ""

    def _supply_changed(self, _date: Any) -> None:
        if not self._setting_supply:
            self._supply_set_by_clerk = True
        self._changed()

    def _set_supply(self, value: date) -> None:
        self._setting_supply = True
        try:
            self.supply_by_edit.setDate(QDate(value.year, value.month, value.day))
        finally:
            self._setting_supply = False

    def _page(self, parent: QWidget, rows: list[tuple[str | None, QWidget]]) -> QWidget:
        page = QWidget(parent)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 4, 0, 4)
        for caption, widget in rows:
            if caption is None:
                form.addRow(widget)
            else:
                label = QLabel(caption, page)
                label.setBuddy(widget)
                self._caption_labels.append(label)
                form.addRow(label, widget)
        return page

    def _set_captions(self) -> None:
        """The pages' captions, in the order the pages made them."""
        texts = [
            QCoreApplication.translate("DecisionPanel", "To follow:"),
            QCoreApplication.translate("DecisionPanel", "&Supply by:"),
            QCoreApplication.translate("DecisionPanel", "Missing:"),
            QCoreApplication.translate("DecisionPanel", "&Reason:"),
            QCoreApplication.translate("DecisionPanel", "Detail&s:"),
            QCoreApplication.translate("DecisionPanel", "Legal &basis:"),
            QCoreApplication.translate("DecisionPanel", "Authorit&y:"),
            QCoreApplication.translate("DecisionPanel", "&Reason for forwarding:"),
        ]
        for label, text in zip(self._caption_labels, texts, strict=True):
            label.setText(text)

    def retranslate(self) -> None:
        """Lists, captions and the shown decision in the current language."""
        reason, fee = self.reason_combo.currentIndex(), self.ui.feeStateCombo.currentIndex()
        self.fill_lists()
        self.reason_combo.setCurrentIndex(reason)
        self.ui.feeStateCombo.setCurrentIndex(fee)
        self._set_captions()
        if self._upper is not None:
            self.authority_combo.setItemText(0, self._upper_text())
        self.reason_edit.setPlaceholderText(
            QCoreApplication.translate("DecisionPanel", "Details for the applicant")
        )
        self._allowed = []  # refill the decision names
        self.update_allowed(self._receipts)

    def fill_lists(self) -> None:
        self.reason_combo.blockSignals(True)
        self.reason_combo.clear()
        for code, name in refusal_reason_names():
            self.reason_combo.addItem(name, code)
        self.reason_combo.blockSignals(False)
        combo = self.ui.feeStateCombo
        combo.blockSignals(True)
        combo.clear()
        for code, name in fee_state_names().items():
            combo.addItem(name, code)
        combo.blockSignals(False)

    # -- item and materials --------------------------------------------------------------

    def set_item(self, item: Any) -> None:
        self.item = item
        self.basis_edit.setPlainText(
            "\n".join([intake.LICENSING_LAW_ART_32, *(item.legal_basis if item else ())])
        )
        self.reason_combo.setCurrentIndex(0)
        self.reason_edit.clear()
        self.authority_combo.setCurrentIndex(0)
        self.forward_reason_edit.clear()
        self.ui.feeStateCombo.setCurrentIndex(0)
        self._supply_set_by_clerk = False
        self._allowed = []
        self.ui.decisionCombo.clear()

    def update_allowed(self, receipts: list[intake.MaterialReceipt]) -> None:
        """Offer the decisions the materials allow; keep the clerk's choice if still allowed."""
        combo = self.ui.decisionCombo
        allowed = intake.allowed_dispositions(self.item, receipts) if self.item else []
        current = self.disposition()
        if allowed != self._allowed:
            self._allowed = allowed
            combo.blockSignals(True)
            combo.clear()
            names = decision_names()
            if allowed and allowed[0] not in (Disposition.IMMEDIATE, Disposition.PROMISED):
                # Materials are missing: the clerk decides (补正, 容缺 or 不予受理); no default.
                combo.addItem(
                    QCoreApplication.translate(
                        "DecisionPanel", "— choose: materials are missing —"
                    ),
                    None,
                )
            for d in allowed:
                combo.addItem(names[d.value], d.value)
            keep = combo.findData(current.value) if current else -1
            combo.setCurrentIndex(keep if keep >= 0 else 0)
            combo.blockSignals(False)
        self._decision_changed()

    def disposition(self) -> Disposition | None:
        value = self.ui.decisionCombo.currentData()
        return Disposition(value) if value else None

    def set_disposition(self, value: str) -> bool:
        index = self.ui.decisionCombo.findData(value)
        if index >= 0:
            self.ui.decisionCombo.setCurrentIndex(index)
        return index >= 0

    def due(self) -> Any:
        """The due date of the chosen decision (of a normal acceptance while none is chosen)."""
        d = self.disposition()
        if self.item is None:
            return None
        if d is None:
            d = Disposition.IMMEDIATE if self.item.time_limit.on_the_spot else Disposition.PROMISED
        return intake.due_date_for(d, self.item, self._clock.today(), self._calendar)

    # -- showing -----------------------------------------------------------------------

    def _decision_changed(self, _index: int = 0) -> None:
        d = self.disposition()
        ui = self.ui
        if self.item is None:
            ui.dispositionLabel.setText("—")
        else:
            kind = "immediate" if self.item.time_limit.on_the_spot else "promised"
            ui.dispositionLabel.setText(case_kind_names()[kind])
        page = {
            Disposition.DEFERRED_MATERIALS: 1,
            Disposition.SUPPLEMENT: 2,
            Disposition.REFUSED: 3,
            Disposition.FORWARDED: 4,
        }.get(d, 0)
        self._show_due(d)
        self._show_fee(d)
        self._show_details(d)
        fit_stack(ui.decisionStack, page)
        self._changed()

    def _show_due(self, d: Disposition | None) -> None:
        label = self.ui.dueDateLabel
        due = self.due()
        if due is None:
            label.setText(
                QCoreApplication.translate("DecisionPanel", "none (nothing is accepted yet)")
                if d
                else "—"
            )
            label.setStyleSheet("")
            return
        if (d is None and self.item.time_limit.on_the_spot) or d is Disposition.IMMEDIATE:
            text = QCoreApplication.translate("DecisionPanel", "%1 (today, on the spot)").replace(
                "%1", due.date.isoformat()
            )
        else:
            days = self.item.time_limit.promised_days or self.item.time_limit.statutory_days
            text = (
                QCoreApplication.translate("DecisionPanel", "%1 (%2 working days from today)")
                .replace("%2", str(days))
                .replace("%1", due.date.isoformat())
            )
        if due.provisional:
            text += "\n" + QCoreApplication.translate(
                "DecisionPanel",
                "Provisional: that year's holiday schedule is not published yet; the "
                "statutory holidays are counted, make-up working days are not known yet.",
            )
            label.setStyleSheet(WARNING_STYLE)
        else:
            label.setStyleSheet("font-weight: bold;")
        label.setText(text)

    def _show_fee(self, d: Disposition | None) -> None:
        ui = self.ui
        fees = self.item.fees if self.item is not None else ()
        charged = d not in (Disposition.SUPPLEMENT, Disposition.REFUSED, None)
        if not fees:
            ui.feeLabel.setText(
                QCoreApplication.translate("DecisionPanel", "No fee for this item.")
            )
        else:
            parts = [f"{f.name} {money(f.amount_fen)}" for f in fees]
            text = "；".join(parts)
            if len(fees) > 1:
                text += "  " + QCoreApplication.translate("DecisionPanel", "total %1").replace(
                    "%1", money(self.item.fee_total_fen)
                )
            if all(f.waivable for f in fees):
                text += "  " + QCoreApplication.translate("DecisionPanel", "(may be waived)")
            if not charged:
                text += "  " + QCoreApplication.translate(
                    "DecisionPanel", "— not charged: the application is not accepted"
                )
            ui.feeLabel.setText(text)
        combo = ui.feeStateCombo
        waivable = bool(fees) and all(f.waivable for f in fees)
        model = combo.model()
        waived_row = combo.findData(intake.FEE_WAIVED)
        if waived_row >= 0:
            model.item(waived_row).setEnabled(waivable)
            if not waivable and combo.currentIndex() == waived_row:
                combo.setCurrentIndex(0)
        combo.setEnabled(bool(fees) and charged)

    def _show_details(self, d: Disposition | None) -> None:
        if self.item is None:
            self.info_label.setText("")
            return
        today = self._clock.today()
        due = self.due()
        if d not in (Disposition.IMMEDIATE, Disposition.PROMISED):
            self.info_label.setText("")  # no sentence of an earlier case's decision stays
        if d is Disposition.IMMEDIATE:
            self.info_label.setText(
                QCoreApplication.translate(
                    "DecisionPanel", "Done today at the window; the acceptance receipt is printed."
                )
            )
        elif d is Disposition.PROMISED:
            self.info_label.setText(
                QCoreApplication.translate(
                    "DecisionPanel", "Accepted; the acceptance receipt states the due date."
                )
            )
        elif d is Disposition.DEFERRED_MATERIALS and due is not None:
            lines = self._lines("deferred")
            self.deferred_label.setText(lines)
            self._setting_supply = True
            try:
                self.supply_by_edit.setMinimumDate(QDate(today.year, today.month, today.day))
                self.supply_by_edit.setMaximumDate(
                    QDate(due.date.year, due.date.month, due.date.day)
                )
            finally:
                self._setting_supply = False
            if not self._supply_set_by_clerk:
                self._set_supply(due.date)
            self.deferred_consequence.setText(
                QCoreApplication.translate(
                    "DecisionPanel",
                    "The applicant signs the promise.\nIf the materials do not come by then, "
                    "the case ends without approval.",
                )
            )
        elif d is Disposition.SUPPLEMENT:
            self.missing_label.setText(self._lines("missing"))

    def _lines(self, which: str) -> str:
        """The materials missing (or to follow), each with what it must be, as HTML."""
        receipts = {r.code: r for r in self._receipts}
        out = []
        for m in self.item.materials:
            r = receipts.get(m.code)
            deferred = r is not None and r.deferred
            missing = m.required and (r is None or not r.received) and not deferred
            if (which == "deferred" and deferred) or (which == "missing" and (missing or deferred)):
                out.append(
                    f"<li><b>{html.escape(m.name)}</b> — "
                    f"{html.escape(intake.requirement_text(m))}</li>"
                )
        return "<ol style='margin:0'>" + "".join(out) + "</ol>" if out else "—"

    _receipts: list[intake.MaterialReceipt] = []  # noqa: RUF012 - replaced per instance

    def set_receipts(self, receipts: list[intake.MaterialReceipt]) -> None:
        self._receipts = list(receipts)
        self.update_allowed(self._receipts)

    # -- values ------------------------------------------------------------------------

    def fee_state(self) -> str:
        return str(self.ui.feeStateCombo.currentData() or intake.FEE_UNPAID)

    def supply_by(self) -> date:
        return self.supply_by_edit.date().toPython()

    def reasons(self) -> list[str]:
        """The refusal reasons as stored: the list's reason by its code (worded on paper from
        ``core.intake.REFUSAL_REASONS``, on screen by ``intake_texts.refusal_reason_names``),
        then the clerk's details as typed; "other" is the typed reason alone."""
        code = str(self.reason_combo.currentData() or "other")
        details = self.reason_edit.text().strip()
        if code == "other" or code not in intake.REFUSAL_REASONS:
            return [details] if details else []
        return [code, details] if details else [code]

    def draft_fields(self) -> dict[str, Any]:
        d = self.disposition()
        fields: dict[str, Any] = {
            "disposition": d.value if d else Disposition.PROMISED.value,
            "fee_waived": self.fee_state() == intake.FEE_WAIVED,
            "fee_paid": self.fee_state() == intake.FEE_PAID,
        }
        if d is Disposition.DEFERRED_MATERIALS:
            fields["supply_by"] = self.supply_by()
        elif d is Disposition.REFUSED:
            fields["refusal_reasons"] = tuple(self.reasons())
            # the decision's note is the reason's code: the center counts refusals by it
            fields["note"] = next(iter(self.reasons()), "")[:100]
            fields["legal_basis"] = tuple(
                line.strip() for line in self.basis_edit.toPlainText().splitlines() if line.strip()
            )
        elif d is Disposition.SUPPLEMENT:
            fields["legal_basis"] = (intake.LICENSING_LAW_ART_32,)
        elif d is Disposition.FORWARDED:
            fields["forward_authority"] = self.authority_combo.currentText().strip()
            fields["forward_reason"] = self.forward_reason_edit.text().strip()
            fields["forward_center"] = self.forward_center()
        return fields

    def widget_for(self, field: str) -> QWidget:
        """The widget to focus for an issue of ``core.intake`` in the decision part."""
        return {
            "supply_by": self.supply_by_edit,
            "refusal_reasons": self.reason_edit,
            "legal_basis": self.basis_edit,
            "forward_authority": self.authority_combo,
            "forward_reason": self.forward_reason_edit,
            "fee_waived": self.ui.feeStateCombo,
        }.get(field, self.ui.decisionCombo)

    def snapshot(self) -> dict[str, Any]:
        d = self.disposition()
        return {
            "disposition": d.value if d else None,
            "fee_state": self.fee_state(),
            "supply_by": self.supply_by().isoformat(),
            "supply_by_set": self._supply_set_by_clerk,
            "reason_code": self.reason_combo.currentData(),
            "reason_text": self.reason_edit.text(),
            "legal_basis": self.basis_edit.toPlainText(),
            "authority": self.authority_combo.currentText(),
            "forward_reason": self.forward_reason_edit.text(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        if state.get("disposition"):
            self.set_disposition(state["disposition"])
        index = self.ui.feeStateCombo.findData(state.get("fee_state"))
        if index >= 0:
            self.ui.feeStateCombo.setCurrentIndex(index)
        if state.get("supply_by") and state.get("supply_by_set"):
            self.supply_by_edit.setDate(QDate.fromString(state["supply_by"], "yyyy-MM-dd"))
        index = self.reason_combo.findData(state.get("reason_code"))
        if index >= 0:
            self.reason_combo.setCurrentIndex(index)
        self.reason_edit.setText(state.get("reason_text", ""))
        if state.get("legal_basis"):
            self.basis_edit.setPlainText(state["legal_basis"])
        if state.get("authority"):
            self.authority_combo.setCurrentText(state["authority"])
        self.forward_reason_edit.setText(state.get("forward_reason", ""))
