"""The case detail: one case's data, its events, the actions allowed now, refused items.

Opened with Enter from the worklist. Everything is reachable from the keyboard: Alt+A picks
the action, Alt+P the opinion (审批意见), Ctrl+Return records it; the notice the action
issued is offered at once (Ctrl+P opens its print preview). An action is written on the
database writer (event + outbox row in one transaction, then the numbered notice); the
detail reads the case again when it is done.

The ID number is shown masked; "Show full ID" (Alt+I) shows it whole and is audited
(``id.unmask`` to ``POST /audit/client-events``). Items the center refused are listed with
its reason: the clerk corrects the fields it named and resends (Alt+S) or voids the item
with a reason (Alt+V). The case's documents (``CaseDocumentsPanel``) can be reprinted. A
case already taken in may be forwarded to the center above (上报, ``gui.case_forward``).
The layout is the Designer form ``ui/case_detail.ui``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from clerk_app.app.case_actions import (
    CORRECTABLE,
    ActionInput,
    ActionOutcome,
    case_actions,
    case_item,
    perform_action,
)
from clerk_app.app.joint_work import part_waiting, stage_names
from clerk_app.core import lifecycle
from clerk_app.core.event_data import (
    CorrectionData,
    DeferredDecision,
    ForwardData,
    ForwardDecision,
    MaterialNeed,
    RefusalDecision,
    ResumeData,
    SupplementFiling,
    SuspendData,
    WaiverApproval,
)
from clerk_app.core.identity import mask_id, mask_phone
from clerk_app.core.intake import requirement_text
from clerk_app.core.records import Case, CaseEvent
from clerk_app.gui.case_actions import (
    RejectedPanel,
    event_label,
    field_label,
    refusal_reason,
    status_label,
    suspend_kind_label,
    waiver_approval_text,
)
from clerk_app.gui.case_forward import (
    add_forward_page,
    confirm_forward,
    forward_action_label,
    forwarded_center,
)
from clerk_app.gui.commitment import VerificationPanel
from clerk_app.gui.errors import error_message
from clerk_app.gui.forms.ui_case_detail import Ui_CaseDetail
from clerk_app.gui.hub import case_hub
from clerk_app.gui.suspend_kind import action_label, fill_suspend_kinds, status_text
from clerk_app.logs import logger

log = logger("gui")
E = lifecycle.EventType
#: The item's material code of a checklist entry.
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole  # what a screen reader says of a cell


class CaseDetail(QDialog):
    """One case: data, events, actions, refused items.

    Args:
        context: the ``AppContext``; session: the signed-in clerk; case_no: the case;
        writer: the one database writer.

    Signals:
        case_changed(str): an action or a resolution was written for the case.
    """

    case_changed = Signal(str)

    def __init__(
        self, context: Any, session: Any, case_no: str, writer: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.case_no = case_no
        self.writer = writer
        self.case: Case | None = None
        self.full_id_shown = False
        self.last_outcome: ActionOutcome | None = None
        self.last_preview: Any = None
        self._busy = False
        self.setObjectName("caseDetail")
        case_hub().case_changed.connect(self._hub_changed)

        # The layout is ui/case_detail.ui; the code adds the documents and refused-items
        # panels, the choices of the combo boxes and the case itself.
        self.ui = u = Ui_CaseDetail()
        u.setupUi(self)
        self.title_label = u.caseTitle
        self.facts = u.factsForm
        self.fact_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("applicant", "id", "phone", "item", "query", "received", "due", "sync"):
            value = getattr(u, "fact" + key.capitalize())
            value.setObjectName("fact:" + key)
            self.fact_labels[key] = (getattr(u, key + "Caption"), value)
        self.show_id_button = u.showIdButton
        self.show_id_button.clicked.connect(self.show_full_id)
        self.facts_box = u.factsBox
        self._add_forwarded_row()

        self.events = u.eventsTable
        self.events.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Tab leaves the history for the next control (it moved from cell to cell, a trap).
        self.events.setTabKeyNavigation(False)
        for column, width in enumerate((140, 170, 90)):
            self.events.setColumnWidth(column, width)
        self.events_box = u.eventsBox

        # -- the action form --
        self.action_box = u.actionBox
        self.action_label = u.actionLabel
        self.extra = u.extraStack
        self.suspend_kind = u.suspendKindBox  # its kinds: the case's (gui.suspend_kind)
        self.suspend_page, self.suspend_label = u.suspendPage, u.suspendLabel
        self.missing_edit = u.missingEdit
        self.missing_page, self.missing_label = u.missingPage, u.missingLabel
        # 补正: the missing materials are ticked on the item's checklist (Space); the text
        # box below it stays for anything the checklist does not name.
        self.missing_list = QListWidget(self.missing_page)
        self.missing_list.setObjectName("missingList")
        self.missing_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.missing_list.setMaximumHeight(120)
        self.missing_list_label = QLabel(self.missing_page)
        self.missing_list_label.setBuddy(self.missing_list)
        u.missingForm.insertRow(0, self.missing_list_label, self.missing_list)
        self.field_box = u.fieldBox
        for name in CORRECTABLE:
            self.field_box.addItem("", name)
        self.new_value = u.newValueEdit
        self.correct_page, self.field_label = u.correctPage, u.fieldLabel
        self.new_value_label = u.newValueLabel
        # 上报 of a case already taken in (gui.case_forward): when there is a center above.
        self.forward_page = add_forward_page(self, self.extra)
        self.forward_box: Any = None  # the question before a forward, while it is open
        self.opinion = u.opinionEdit
        self.opinion_label = u.opinionLabel
        self.record_button = u.recordButton
        self.record_button.clicked.connect(self.record)
        self.action_message = u.actionMessage
        self.print_button = u.printNoticeButton
        self.print_button.clicked.connect(self.print_notice)
        self.actions_group = u.actionsGroup

        from clerk_app.gui.case_documents import CaseDocumentsPanel

        self.documents_box = u.documentsBox
        self.documents = CaseDocumentsPanel(context, session, case_no, self, writer=writer)
        u.documentsLayout.addWidget(self.documents)

        self.rejected = RejectedPanel(self)
        self.rejected.setObjectName("rejectedPanel")
        self.rejected.resolved.connect(self._after_write)
        u.rightLayout.addWidget(self.rejected)
        # 告知承诺核查: shown while the case's written commitment waits for it.
        self.verification = VerificationPanel(self)
        self.verification.recorded.connect(self._recorded)
        u.rightLayout.addWidget(self.verification)
        from clerk_app.gui.fee_notice import FeeNoticePanel  # issue 17: 缴款通知书

        self.fees = FeeNoticePanel(self)
        u.rightLayout.addWidget(self.fees)
        from clerk_app.gui.case_materials import materials_panel  # issue 22: the scans

        self.materials = materials_panel(self, u.rightLayout)
        self.close_button = u.closeButton
        self.close_button.clicked.connect(self.accept)
        # The panels made here joined the tab order at its end, after Close: Close goes last.
        last = self.previousInFocusChain()
        while not last.focusPolicy() & Qt.FocusPolicy.TabFocus:
            last = last.previousInFocusChain()
        QWidget.setTabOrder(last, self.close_button)

        self.record_action = QAction(self)
        self.record_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.record_action.triggered.connect(self.record)
        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence("Ctrl+P"))
        self.print_action.triggered.connect(self.print_notice)
        for action in (self.record_action, self.print_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.action_box.currentIndexChanged.connect(lambda _i: self._show_extra())
        # No button answers Enter: a field's Enter never unmasks the ID or records by chance
        # (Ctrl+Return records); QDialog would make the first auto-default button the default.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        QWidget.setTabOrder(self.action_box, self.missing_list)
        QWidget.setTabOrder(self.missing_list, self.missing_edit)
        self.retranslate()
        self.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Return, Ctrl+P, Alt+I and Alt+S also when no shortcut took the key."""
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.record()
            event.accept()
            return
        if ctrl and event.key() == Qt.Key.Key_P:
            self.print_notice()
            event.accept()
            return
        # The Alt mnemonics of the buttons, when no shortcut took the key (no active window).
        alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
        buttons = {
            Qt.Key.Key_I: self.show_id_button,
            Qt.Key.Key_S: self.rejected.resend_button,
            Qt.Key.Key_Y: self.fees.issue_button,
            Qt.Key.Key_G: self.fees.refresh_button,
            Qt.Key.Key_T: self.fees.cancel_button,
        }
        button = buttons.get(Qt.Key(event.key())) if alt else None
        if button is not None and button.isVisible() and button.isEnabled():
            button.click()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- text ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set the texts made in code (the form's own are set by its retranslateUi)."""
        fill_suspend_kinds(self.suspend_kind, self.case)
        for i, name in enumerate(CORRECTABLE):
            self.field_box.setItemText(i, field_label(name))
        self.record_action.setText(self.tr("Record the action"))
        self.print_action.setText(self.tr("Print the notice"))
        self.events.setAccessibleName(self.tr("The case's history"))
        self.rejected.retranslate()
        if self.forward_page is not None:
            self.forward_page.retranslate()
        self.missing_list_label.setText(self.tr("Chec&klist:"))
        self.missing_label.setText(self.tr("E&xtras:"))
        self.missing_list.setToolTip(
            self.tr("Tick each missing material with Space; the notice lists them all")
        )
        self.missing_edit.setPlaceholderText(
            self.tr("What the checklist does not name: one a line, what it must be after a colon")
        )
        # The labels of the action form and of its extra fields line up in one column.
        labels = (
            self.action_label,
            self.suspend_label,
            self.missing_list_label,
            self.missing_label,
            self.field_label,
            self.new_value_label,
            self.opinion_label,
        )
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    # -- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the case again and show it (after an action or a resolution)."""
        from clerk_app.app.rejections import rejected_items
        from clerk_app.app.worklist import case_on_desk

        self.case = case_on_desk(self.context, self.case_no)
        if self.case is None:
            self.title_label.setText(self.tr("No case %1 on this desk").replace("%1", self.case_no))
            self.actions_group.setEnabled(False)
            self.rejected.set_items([])
            self.verification.set_case(None)
            return
        case = self.case
        self.setWindowTitle(self.tr("Case %1").replace("%1", case.case_no))
        self.title_label.setText(f"{case.case_no} · {status_text(case)}" + self._part_text(case))
        applicant = case.applicant
        id_number = applicant.id_number
        self._fact("applicant", applicant.name)
        self._fact("id", id_number if self.full_id_shown else mask_id(id_number))
        self._fact("phone", mask_phone(applicant.phone))
        self._fact("item", f"{case.item_code} {self._item_name(case.item_code)}".strip())
        self._fact("query", case.query_code)
        self._fact("received", _minute(case.received_at))
        self._fact("due", self._due_text(case))
        self._fact(
            "sync",
            {
                "pending": self.tr("waiting to be sent"),
                "synced": self.tr("recorded at the center"),
                "rejected": self.tr("refused by the center"),
            }.get(case.server_state, case.server_state),
        )
        self.show_id_button.setEnabled(bool(id_number) and not self.full_id_shown)
        self._show_forwarded(case)
        self.events.setRowCount(len(case.events))
        for row, event in enumerate(case.events):
            cells = (
                _minute(event.at),
                action_label(case, event.type) + self._event_extra(event),
                self._person(event.actor),
                refusal_reason(event.note)
                if event.type is E.REFUSE
                else ""  # the service's Chinese note says what the worded approval says
                if isinstance(event.data, WaiverApproval)
                else (event.note or ""),
            )
            for column, text in enumerate(cells):
                self.events.setItem(row, column, QTableWidgetItem(text))
                self.events.item(row, column).setData(ACCESSIBLE, text or self.tr("none"))
        self.events.setColumnWidth(1, max(170, min(self.events.sizeHintForColumn(1) + 8, 340)))
        current = self.action_box.currentData()
        self.action_box.blockSignals(True)
        self.action_box.clear()
        upper = self.forward_page.code if self.forward_page is not None else ""
        for action in case_actions(case, upper_center=upper):
            label = forward_action_label() if action is E.FORWARD else action_label(case, action)
            self.action_box.addItem(label, action.value)
        index = self.action_box.findData(current)
        if current is not None and index < 0 and self.action_box.count():
            # The action just recorded is no longer offered: choose none rather than
            # whichever comes first (it used to jump to 要求补正).
            self.action_box.insertItem(0, self.tr("— choose the next action —"), None)
            index = 0
        self.action_box.setCurrentIndex(max(index, 0))
        self.action_box.blockSignals(False)
        self.actions_group.setEnabled(self.action_box.count() > 0)
        waiting = self.tr("This part's stage has not opened yet: it is worked once it opens.")
        if part_waiting(case):
            self.action_message.setText(waiting)
        elif self.action_message.text() == waiting:  # the stage opened meanwhile
            self.action_message.clear()
        fill_suspend_kinds(self.suspend_kind, case)
        self._show_extra()
        self.rejected.set_items(rejected_items(self.context, self.case_no))
        self.verification.set_case(case)
        self.fees.reload()
        self.materials.show_case(case)
        self._fill_checklist(case)

    # -- 上报 to the center above (issue 20) --------------------------------------------------

    def _add_forwarded_row(self) -> None:
        """The facts' row of the case at the center above (shown for a case forwarded up)."""
        self.forwarded_caption = QLabel(self.facts_box)
        self.forwarded_value = QLabel(self.facts_box)
        self.forwarded_value.setObjectName("fact:forwarded")
        self.forwarded_value.setWordWrap(True)
        self.forwarded_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.addRow(self.forwarded_caption, self.forwarded_value)
        self.facts.setRowVisible(self.forwarded_value, False)

    def forwarded_text(self, case: Case) -> str:
        """The upper center's progress in the clerk's words: its case number, status and
        办结 date, as the center last said; before that, where the case went ("" when it
        was not forwarded to a center above on the service)."""
        linked = case.forwarded_to
        if linked is not None:
            text = (
                self.tr("Case %1 at center %2: %3")
                .replace("%1", linked.case_no)
                .replace("%2", linked.center_code)
                .replace("%3", status_label(linked.status))
            )
            if linked.completed_at is not None:
                day = linked.completed_at.astimezone(_tz()).date().isoformat()
                text += self.tr(", completed on %1").replace("%1", day)
            return text
        center = forwarded_center(case)
        if not center:
            return ""
        return self.tr("Forwarded to center %1; its case number shows after the next sync").replace(
            "%1", center
        )

    def _show_forwarded(self, case: Case) -> None:
        self.forwarded_caption.setText(self.tr("Center above:"))
        text = self.forwarded_text(case)
        self.forwarded_value.setText(text)
        self.forwarded_value.setAccessibleName(self.tr("Center above") + ": " + text)
        self.facts.setRowVisible(self.forwarded_value, bool(text))

    def _fill_checklist(self, case: Case) -> None:
        """The item's materials, unticked, for a 补正 request (what it must be beside each)."""
        self.missing_list.clear()
        for material in case_item(self.context, case.item_code).materials:
            need = requirement_text(material)
            entry = QListWidgetItem(f"{material.name}（{need}）", self.missing_list)
            entry.setData(Qt.ItemDataRole.UserRole, (material.name, need))
            entry.setData(CODE_ROLE, material.code)
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        if self.missing_list.count():
            self.missing_list.setCurrentRow(0)

    def checked_materials(self) -> list[tuple[str, str]]:
        """(name, what it must be) of the materials ticked on the checklist."""
        out = []
        for row in range(self.missing_list.count()):
            entry = self.missing_list.item(row)
            if entry.checkState() == Qt.CheckState.Checked:
                name, need = entry.data(Qt.ItemDataRole.UserRole)
                out.append((str(name), str(need)))
        return out

    def checked_needs(self) -> list[MaterialNeed]:
        """The ticked materials with the item's material codes (a part's filing)."""
        out = []
        for row in range(self.missing_list.count()):
            entry = self.missing_list.item(row)
            if entry.checkState() == Qt.CheckState.Checked:
                name, need = entry.data(Qt.ItemDataRole.UserRole)
                out.append(MaterialNeed(str(name), str(need), str(entry.data(CODE_ROLE) or "")))
        return out

    def _part_text(self, case: Case) -> str:
        """ " · 联合 <joint no> · <stage>" for a part of a joint case ("" otherwise)."""
        if not case.joint_case_no:
            return ""
        stage = stage_names(self.context).get((case.item_code, case.stage), case.stage)
        text = self.tr("joint case %1, stage %2").replace("%1", case.joint_case_no)
        text = text.replace("%2", stage)
        if part_waiting(case):
            text += " · " + self.tr("waiting for its stage")
        return " · " + text

    def _person(self, username: str | None) -> str:
        """Who did it, by the name a person reads (the signed-in clerk's display name)."""
        if username and username == self.session.username and self.session.display_name:
            return self.session.display_name
        return username or ""

    def _fact(self, key: str, text: str) -> None:
        self.fact_labels[key][1].setText(text)

    def _item_name(self, code: str) -> str:
        return case_item(self.context, code).name or code

    def _due_text(self, case: Case) -> str:
        due = case.due_date
        if due is None:
            return "—"
        text = due.isoformat() + (
            " " + self.tr("(provisional)") if case.due_date_provisional else ""
        )
        if lifecycle.is_terminal(case.status):
            return text
        today = self.context.clock.now().astimezone(_tz()).date()
        left = self.context.calendar.working_days_between(today, due)
        if left < 0:
            return text + " · " + self.tr("%n working day(s) overdue", "", -left)
        return text + " · " + self.tr("%n working day(s) left", "", left)

    def _event_extra(self, event: CaseEvent) -> str:
        data = event.data
        if isinstance(data, SuspendData) and data.kind:
            return f"（{suspend_kind_label(data.kind)}）"
        if isinstance(data, ResumeData) and data.due_date is not None:
            return "（" + self.tr("due %1").replace("%1", data.due_date.isoformat()) + "）"
        if isinstance(data, CorrectionData) and data.field:
            return f"（{field_label(data.field.removeprefix('applicant.'))}）"
        if isinstance(data, RefusalDecision) and data.reasons:
            return "（" + "；".join(refusal_reason(r) for r in data.reasons) + "）"
        if isinstance(data, SupplementFiling) and data.materials:
            return "（" + "、".join(m.name for m in data.materials) + "）"
        if isinstance(data, WaiverApproval):
            return "（" + waiver_approval_text(data, self._person(data.lead)) + "）"
        if isinstance(data, ForwardData | ForwardDecision) and data.center:
            return "（" + self.tr("to center %1").replace("%1", data.center) + "）"
        if isinstance(data, DeferredDecision) and data.supply_by is not None:
            return "（" + self.tr("by %1").replace("%1", data.supply_by.isoformat()) + "）"
        return ""

    def _show_extra(self) -> None:
        action = self.action_box.currentData()
        page = {
            E.SUSPEND.value: self.suspend_page,
            E.REQUEST_SUPPLEMENT.value: self.missing_page,
            E.FILE_SUPPLEMENT.value: self.missing_page,
            E.CORRECT.value: self.correct_page,
            E.FORWARD.value: self.forward_page,
        }.get(action)
        self.extra.setCurrentIndex(0 if page is None else self.extra.indexOf(page))

    # -- actions ---------------------------------------------------------------------------

    def entry(self) -> ActionInput | str:
        """What the clerk entered, or what is missing (a sentence for the clerk)."""
        value = self.action_box.currentData()
        if not value and self.action_box.count() > 1:
            return self.tr("Choose the action to record.")
        if not value:
            return self.tr("No action is possible for this case now.")
        event = E(value)
        opinion = self.opinion.toPlainText().strip()
        if lifecycle.needs_reason(event) and not opinion:
            return self.tr("Write the opinion: this action needs a reason.")
        missing: list[tuple[str, str]] = []
        if event is E.REQUEST_SUPPLEMENT:
            missing.extend(self.checked_materials())
            missing.extend(self._typed_extras())
            if not missing:
                return self.tr(
                    "Tick every missing material on the checklist (Space), or type it under Extras."
                )
        filed: list[MaterialNeed] = []
        if event is E.FILE_SUPPLEMENT:
            filed.extend(self.checked_needs())
            filed.extend(MaterialNeed(name, need) for name, need in self._typed_extras())
            if not filed:
                return self.tr(
                    "Tick every material the part still needs on the checklist (Space), "
                    "or type it under Extras."
                )
        new_value = self.new_value.text().strip()
        if event is E.CORRECT and not new_value:
            return self.tr("Enter the corrected value.")
        page = self.forward_page
        if event is E.FORWARD and (page is None or not opinion):
            return self.tr("Write the reason for forwarding the case under Opinion.")
        return ActionInput(
            event=event,
            opinion=opinion,
            missing=tuple(missing),
            suspend_kind=str(self.suspend_kind.currentData() or ""),
            field=str(self.field_box.currentData() or ""),
            new_value=new_value,
            filed=tuple(filed),
            forward_center=page.code if event is E.FORWARD and page is not None else "",
            forward_authority=page.name if event is E.FORWARD and page is not None else "",
        )

    def _typed_extras(self) -> list[tuple[str, str]]:
        """(name, what it must be) typed under Extras, one a line."""
        out = []
        for line in self.missing_edit.toPlainText().splitlines():
            name, _sep, requirement = line.replace("：", ":").partition(":")
            if name.strip():
                out.append((name.strip(), requirement.strip()))
        return out

    def record(self) -> None:
        """Record the chosen action (Ctrl+Return)."""
        if self._busy or self.case is None:
            return
        entry = self.entry()
        if isinstance(entry, str):
            self.action_message.setText(entry)
            return
        if entry.event is E.FORWARD and not confirm_forward(
            self, self.case_no, entry.forward_center, entry.forward_authority
        ):
            self.action_message.setText(self.tr("Not forwarded."))
            return
        ctx, session, case_no = self.context, self.session, self.case_no
        self.action_message.setText(self.tr("Saving…"))

        def work() -> ActionOutcome:
            return perform_action(ctx, session, case_no, entry)

        self.run_write(work, self._recorded)

    def run_write(self, work: Any, done: Any) -> None:
        self._busy = True
        self.setCursor(Qt.CursorShape.BusyCursor)

        def failed(exc: Exception) -> None:
            self._busy = False
            self.unsetCursor()
            self.action_message.setText(self._failure_text(exc))
            self.rejected.message.setText(self._failure_text(exc))

        def succeeded(result: Any) -> None:
            self._busy = False
            self.unsetCursor()
            done(result)

        self.writer.submit(work, self).success(succeeded).failure(failed)

    def _failure_text(self, exc: Exception) -> str:
        if isinstance(exc, lifecycle.IllegalTransition):
            return self.tr("The case changed meanwhile; this action is no longer possible.")
        return error_message(exc)

    def _recorded(self, outcome: ActionOutcome) -> None:
        self.last_outcome = outcome
        self.opinion.clear()
        self.missing_edit.clear()
        self.new_value.clear()
        text = self.tr("Recorded: %1. Status now: %2.")
        text = text.replace("%1", event_label(outcome.event)).replace(
            "%2", status_label(outcome.status)
        )
        gap = "" if text.endswith("。") else " "  # Chinese sentences join without a space
        if outcome.notice is not None:
            text += gap + self.tr("Notice %1 saved; Ctrl+P prints it.").replace(
                "%1", outcome.notice.document_no
            )
        elif outcome.notice_error:
            text += gap + self.tr("The notice could not be written: %1").replace(
                "%1", outcome.notice_error
            )
        self.print_button.setEnabled(outcome.notice is not None)
        if self.ask_rating(outcome):
            text += " " + self.tr("The applicant is asked to rate this visit.")
        self.action_message.setText(text)
        self._after_write()
        self.action_box.setFocus()

    def ask_rating(self, outcome: ActionOutcome) -> bool:
        """After a visit the applicant is at the window for (the material brought, the result
        collected), ask them to rate it on the applicant screen, when the desk has one."""
        from clerk_app.app.ratings import RATED_VISITS

        if outcome.event not in RATED_VISITS:
            return False
        owner = self.parent()
        while owner is not None and getattr(owner, "applicant", None) is None:
            owner = owner.parent()
        if owner is None:
            return False
        owner.applicant.ask_rating(outcome.case_no)
        return True

    def _after_write(self, *_args: Any) -> None:
        self.case_changed.emit(self.case_no)
        case_hub().announce_write(self.case_no)  # reloads this detail too (_hub_changed)

    def _hub_changed(self, case_no: str) -> None:
        """The case changed (a write here or elsewhere on the desk, a pulled change)."""
        if case_no == self.case_no:
            self.reload()
            self.documents.reload()

    def print_notice(self) -> Any:
        """Open the print preview of the last notice (Ctrl+P)."""
        outcome = self.last_outcome
        if outcome is None or outcome.notice is None:
            return None
        from clerk_app.gui.printing import PreviewSession, PrinterChoices

        choices = PrinterChoices(self.context)
        self.last_preview = PreviewSession(outcome.notice.rendered, choices, self)
        return self.last_preview.open()

    def show_full_id(self) -> None:
        """Show the whole ID number, after writing the audit record (Alt+I)."""
        from clerk_app.app.audit import record_id_unmasked

        if self.case is None or self.full_id_shown:
            return
        context, clerk, case_no = self.context, self.session.username, self.case_no

        def work() -> str:
            return record_id_unmasked(context, case_no, clerk=clerk)

        def shown(_result: Any) -> None:
            self.full_id_shown = True
            self.reload()

        self.run_write(work, shown)


def _tz() -> Any:
    from clerk_app.core.clock import CENTER_TZ

    return CENTER_TZ


def _minute(moment: datetime) -> str:
    """A moment as the clerk reads it: the center's date and time to the minute."""
    return moment.astimezone(_tz()).strftime("%Y-%m-%d %H:%M")
