"""The joint intake at the 综合窗口 (issue 16): one application for a package.

The clerk picks a package in the catalog (Enter): its six disclosures show and this form
opens. A project's type and its national project code (项目代码) first; the applicant once
(a person or an organization, an optional agent); the combined materials once (Space marks
received, the button every required one); then each part of the first stage with the
materials of its own item and its decision (即办 / 承诺, or 补正 when a required material
is missing); the parts of later stages are listed, received now and decided by their
department when their stage opens. Every problem is named in plain words, per part, as the
clerk types (the core's rules, ``core.joint_intake.check_joint``). Ctrl+Return takes the
whole application in (``app.joint.take_in_joint``, one local transaction, numbers from the
window's own sequence: it works offline); the confirmation shows the joint number and each
part's number, department and due date, and prints the 联合受理通知书. Ctrl+S parks the
unfinished intake (``joint_parking``). The layout is the Designer form
``ui/joint_intake_form.ui``.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QMessageBox, QWidget

from clerk_app.core.identity import Issue
from clerk_app.core.joint import check_project_code, plan_parts
from clerk_app.core.joint_intake import JointDraft, check_joint
from clerk_app.gui.forms.ui_joint_intake_form import Ui_JointIntakeForm
from clerk_app.gui.hub import case_hub
from clerk_app.gui.intake_party import ERROR_STYLE, Problem
from clerk_app.gui.intake_texts import intake_issue_text
from clerk_app.gui.joint_parking import JointParking
from clerk_app.gui.joint_parts import LaterStages, PartBox, checklist, combined_rows
from clerk_app.gui.joint_party import JointParty
from clerk_app.gui.joint_texts import kind_mark, project_type_names
from clerk_app.gui.ops import DbWriter, show_error

log = logging.getLogger("clerk.gui")


class JointIntakeDialog(QDialog):
    """The joint intake of one package.

    Args:
        context: the ``AppContext``; session: the signed-in clerk's session.
        catalog: the loaded catalog; package: the ``core.packages.Package`` picked.
        calendar: the ``WorkCalendar``; writer: the desk's one database writer.

    Signals:
        taken(object): the ``TakenJoint`` after its transaction committed.
    """

    taken = Signal(object)

    def __init__(
        self,
        context: Any,
        session: Any,
        catalog: Any,
        package: Any,
        *,
        calendar: Any,
        writer: DbWriter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("jointIntakeDialog")
        self.context = context
        self.session = session
        self.catalog = catalog
        self.package = package
        self.calendar = calendar
        self.writer = writer
        self.parts: list[PartBox] = []
        self.later: LaterStages | None = None
        self._problems: list[Problem] = []
        self._updating = True
        self._saving = False
        # The question Esc asks when something was entered (while it is open; tests).
        self.discard_box: QMessageBox | None = None
        #: Takes the checked draft in instead of the desk's own transaction (a package's
        #: pre-submission: ``gui.presubmissions``); it ends with ``_taken`` or ``_failed``.
        self.take_in_hook: Any = None

        # The layout is ui/joint_intake_form.ui; the code sets its texts (retranslate)
        # and makes a box per first-stage part (PartBox) in the parts host.
        self.ui = u = Ui_JointIntakeForm()
        u.setupUi(self)
        self.header = u.jointHeader
        self.body = u.jointBody
        self.body_layout = u.bodyLayout
        self._build_project()
        items = [catalog.get_item(code) for code in package.item_codes()]
        subjects = [set(i.subjects) for i in items if i is not None and i.subjects]
        self.party = JointParty(
            u,
            today=context.clock.today,
            changed=self.revalidate,
            person_ok=all("natural_person" in s for s in subjects),
            org_ok=all("legal_person" in s for s in subjects),
            parent=self,
        )

        self.materials_box = u.jointMaterialsBox
        self.materials_caption = u.materialsCaption
        self.combined = checklist(u.jointMaterials, combined_rows(package), self.revalidate)
        self.all_button = u.jointAllMaterials
        self.all_button.clicked.connect(self._tick_all)
        self.parts_host = u.jointPartsHost
        self.parts_layout = u.partsLayout

        self.missing_label = u.jointMissing
        self.missing_label.setStyleSheet(ERROR_STYLE)
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = u.jointAccept
        self.cancel_button = u.jointCancel
        self.accept_button.clicked.connect(self.request_accept)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.request_accept)
        self.parking = JointParking(self)  # Ctrl+S parks it (暂存)

        self._build_parts()
        self.retranslate()
        self._updating = False
        self.revalidate()
        QTimer.singleShot(0, self._first_focus)

    # -- building ------------------------------------------------------------------------

    def _build_project(self) -> None:
        """A project's type and code (a 一件事 has none: the box is hidden)."""
        u = self.ui
        self.project_box = u.jointProjectBox
        self.type_caption = u.typeCaption
        self.code_caption = u.codeCaption
        self.code_message = u.jointCodeMessage
        self.code_message.setStyleSheet(ERROR_STYLE)
        self.code_message.hide()
        self.type_combo: QComboBox | None = None
        self.code_edit: QLineEdit | None = None
        if self.package.kind != "project":
            self.project_box.hide()
            return
        self.type_combo = u.jointProjectType
        self.code_edit = u.jointProjectCode
        self._fill_types()
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.code_edit.textChanged.connect(lambda _t: self.revalidate())
        self.code_edit.editingFinished.connect(self.revalidate)

    def _fill_types(self) -> None:
        combo = self.type_combo
        if combo is None:
            return
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        names = project_type_names()
        for value in self.package.project_types:
            combo.addItem(names.get(value, value), value)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
        combo.blockSignals(False)

    def project_type(self) -> str | None:
        return self.type_combo.currentData() if self.type_combo is not None else None

    def _type_changed(self, _index: int = 0) -> None:
        self._build_parts()
        self.revalidate()

    def _build_parts(self) -> None:
        """(Re)make the part boxes for the parts the project type has."""
        keep = {p.item.code: p.receipts() for p in self.parts}
        old = [p.box for p in self.parts] + ([self.later.box] if self.later else [])
        for box in old:  # out of the dialog (and its Tab chain) now, deleted later
            box.hide()
            box.setParent(None)
            box.deleteLater()
        self.parts = []
        self.plan = plan_parts(self.package, self.catalog, self.project_type())
        first = self.plan[0].stage if self.plan else None
        for planned in self.plan:
            if planned.stage != first:
                continue
            item = self.catalog.item(planned.item)
            part = PartBox(self.parts_host, self.package, item, self.catalog, self.revalidate)
            if part.materials is not None and item.code in keep:
                part.materials.restore(
                    [{"code": r.code, "state": _state(r)} for r in keep[item.code]]
                )
            self.parts_layout.insertWidget(self.parts_layout.count() - 1, part.box)
            self.parts.append(part)
        later = [p for p in self.plan if p.stage != first]
        self.later = LaterStages(self.parts_host, self.package, later, self.catalog)
        self.parts_layout.insertWidget(self.parts_layout.count() - 1, self.later.box)
        widgets = [w for p in self.parts for w in _tab_chain(p)]
        project = [self.type_combo, self.code_edit] if self.type_combo is not None else []
        chain = [*project, *self.party.tab_chain(), self.combined.table, self.all_button,
                 *widgets, self.accept_button, self.cancel_button]  # fmt: skip
        for first_widget, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first_widget, second)

    def retranslate(self) -> None:
        p = self.package
        demo = self.tr("DEMO") if p.demo else ""
        badge = (
            f"<span style='background:#fff1c2;color:#7a5200'>&nbsp;{demo}&nbsp;</span>"
            if demo
            else ""
        )
        self.header.setText(
            f"<b>「{kind_mark(p)}」{p.name}</b> <span style='color:#555'>{p.code}</span> {badge}"
        )
        self.setWindowTitle(self.tr("Joint intake — %1").replace("%1", p.name))
        self.project_box.setTitle(self.tr("Project"))
        self.type_caption.setText(self.tr("Project &type:"))
        self.code_caption.setText(self.tr("Project &code (项目代码):"))
        self._fill_types()
        self.materials_box.setTitle(self.tr("Materials handed in once (一套材料)"))
        self.materials_caption.setText(
            self.tr("&Materials — Space: received / missing · O: original / copy · + / −: copies")
        )
        self.all_button.setText(self.tr("Mark all &required received"))
        self.accept_button.setText(self.tr("&Accept") + "  (Ctrl+Return)")
        self.accept_button.setToolTip(self.tr("Take the whole application in (Ctrl+Return)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.party.retranslate()
        self.combined.retranslate()
        for part in self.parts:
            part.retranslate()
        if self.later is not None:
            self.later.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._updating:
            self.retranslate()
            self.revalidate()
        super().changeEvent(event)

    def _first_focus(self) -> None:
        widget = self.type_combo if self.type_combo is not None else self.party.first_field()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tick_all(self) -> None:
        self.combined.tick_all()
        for part in self.parts:
            if part.materials is not None:
                part.materials.tick_all()

    # -- values --------------------------------------------------------------------------

    def draft(self) -> JointDraft:
        """The ``core.joint_intake.JointDraft`` of what the form holds."""
        code = self.code_edit.text().strip() if self.code_edit is not None else ""
        return JointDraft(
            package_code=self.package.code,
            applicant=self.party.applicant(),
            agent=self.party.agent_value(),
            project_type=self.project_type(),
            project_code=code,
            materials=tuple(self.combined.receipts()),
            own={p.item.code: p.receipts() for p in self.parts},
            decisions={p.item.code: d for p in self.parts if (d := p.disposition()) is not None},
        )

    # -- checks --------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Everything that keeps Accept disabled, in plain words, each with its widget."""
        out: list[Problem] = []
        if self.code_edit is not None:
            text = self.code_edit.text()
            wrong = False
            try:
                check_project_code(text)
            except ValueError:
                wrong = True
            typing = self.code_edit.hasFocus() and len(text.strip()) < 24
            words = self.tr(
                "The project code has the form 2026-130502-48-01-000123 (year, division, "
                "industry, kind, serial)."
            )
            self.code_message.setText(words)
            self.code_message.setVisible(wrong and bool(text.strip()) and not typing)
            if wrong:
                needed = self.tr("Project code") if not text.strip() else words
                out.append((needed, self.code_edit))
        party = self.party.problems()
        out += party
        draft = self.draft()
        for part in self.parts:
            part.update_allowed(draft)
        draft = self.draft()
        errors = check_joint(
            draft, self.package, self.catalog, self.calendar, self.context.clock.today()
        )
        for part in self.parts:
            texts = []
            for issue in errors.get(part.item.code, []):
                if issue.field.startswith(("applicant.", "agent.")):
                    if not party:  # the party's own widgets word it otherwise
                        party_text = intake_issue_text(issue)
                        if all(party_text != t for t, _w in out):
                            out.append((party_text, self.party.first_field()))
                    continue
                texts.append(intake_issue_text(issue))
            part.show_issues(texts)
            for text in texts:
                name = self.tr("%1 (%2): %3")
                line = name.replace("%1", part.item.name).replace("%2", part.department)
                out.append((line.replace("%3", text), part.first_widget()))
        for issue in errors.get("", []):
            if issue.code != "joint.project_code":  # said above, next to the field
                out.append((self._joint_issue(issue), self.type_combo or self))
        return out

    def _joint_issue(self, issue: Issue) -> str:
        if issue.code == "joint.project_type":
            return self.tr("Choose the project type.")
        return intake_issue_text(issue)

    def revalidate(self) -> None:
        if self._updating:
            return
        self._updating = True
        try:
            self._problems = self.problems()
        finally:
            self._updating = False
        missing = [text for text, _w in self._problems]
        if missing:
            separator = self.tr("; ")
            self.missing_label.setText(
                self.tr("Still needed: %1").replace("%1", separator.join(missing))
            )
        else:
            self.missing_label.setText("")
        self.missing_label.setVisible(bool(missing))
        self.accept_button.setEnabled(not missing and not self._saving)
        self._fit_body()

    def _fit_body(self) -> None:
        """Make the scrolled body as tall as its parts need at its width: a scroll area
        asks only for the size hint, which word-wrapped texts give for another width."""
        layout = self.body_layout
        layout.activate()
        margins = layout.contentsMargins()
        width = self.body.width() - margins.left() - margins.right()
        heights = []
        for n in range(layout.count()):
            item = layout.itemAt(n)
            if item.isEmpty():
                continue
            widget = item.widget()
            if widget is not None and widget.hasHeightForWidth():
                heights.append(widget.heightForWidth(width))
            else:
                heights.append(item.sizeHint().height())
        spacing = layout.spacing() * max(len(heights) - 1, 0)
        height = sum(heights) + spacing + margins.top() + margins.bottom()
        self.body.setMinimumHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if not self._updating:
            self._fit_body()

    def focus_first_problem(self) -> bool:
        """Focus the first problem's field (Accept when there is none); whether one was."""
        self.revalidate()
        if not self._problems:
            self.accept_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        _text, widget = self._problems[0]
        if widget is not self:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- cancel --------------------------------------------------------------------------

    def is_blank(self) -> bool:
        """Nothing typed or marked yet (nothing to lose by closing)."""
        edits = [*self.party.org_edits()]
        if self.code_edit is not None:
            edits.append(self.code_edit)
        receipts = [*self.combined.receipts(), *(r for p in self.parts for r in p.receipts())]
        return (
            self.party.person.is_empty()
            and not any(e.text().strip() for e in edits)
            and not self.party.has_agent()
            and not any(r.received for r in receipts)
        )

    def reject(self) -> None:
        """Esc / Cancel: close, after asking when something was entered (never while it
        is being saved)."""
        if self._saving:
            return
        if not self.is_blank():
            self.discard_box = box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Joint intake"))
            box.setText(self.tr("Close the joint intake? What you entered is not kept."))
            close = box.addButton(self.tr("&Close it"), QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton(self.tr("&Go on"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
            box.exec()
            self.discard_box = None
            if box.clickedButton() is not close:
                return
        super().reject()

    # -- accept --------------------------------------------------------------------------

    def request_accept(self) -> None:
        """Ctrl+Return / Accept: take the application in if complete, else go to the
        first problem."""
        if self._saving or self.focus_first_problem():
            return
        from clerk_app.app.parking import take_in_parked_joint

        draft, parked_id = self.draft(), self.parking.parked_id
        self._saving = True
        self.body.setEnabled(False)
        self.accept_button.setEnabled(False)
        if self.take_in_hook is not None:
            self.take_in_hook(self, draft)
            return

        def work() -> Any:
            return take_in_parked_joint(self.context, self.session, draft, parked_id)

        self.writer.submit(work, self).success(self._taken).failure(self._failed)

    def _failed(self, exc: Exception) -> None:
        self._saving = False
        self.body.setEnabled(True)
        self.revalidate()
        show_error(self, exc)

    def _taken(self, taken: Any) -> None:
        self._saving = False
        joint = taken.joint
        log.info("joint case %s taken in (%d parts)", joint.joint_no, len(joint.parts))
        case_hub().announce_write(joint.joint_no)  # the sync worker wakes
        self.taken.emit(taken)
        self.accept()


def _state(receipt: Any) -> str:
    return "received" if receipt.received else "missing"


def _tab_chain(part: PartBox) -> list[QWidget]:
    out: list[QWidget] = []
    if part.materials is not None:
        out.append(part.materials.table)
    out.append(part.decision_combo)
    return out


def open_joint_intake(window: Any, package: Any) -> JointIntakeDialog | None:
    """Show ``package``'s disclosures in the desk's panel and open its joint intake."""
    from clerk_app.gui.joint_result import JointAcceptedDialog

    catalog = window.catalog_pane.model.catalog
    if catalog is None:
        return None
    window.disclosure.show_package(package, catalog)
    try:
        dialog = JointIntakeDialog(
            window.context,
            window.session,
            catalog,
            package,
            calendar=window.calendar,
            writer=window.writer,
            parent=window,
        )
    except KeyError as exc:  # an item of the package withdrawn from this catalog
        log.error("package %s cannot be taken in: %s", package.code, exc)
        show_error(window, exc)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def taken(result: Any) -> None:
        bar = getattr(window, "calling_bar", None)
        if bar is not None:  # a queue ticket served: its parts belong to the visit
            bar.joint_taken(result)
        window.last_joint_result = JointAcceptedDialog(
            window.context,
            window.session,
            result,
            writer=window.writer,
            catalog=catalog,
            parent=window,
        )
        window.last_joint_result.open()

    dialog.taken.connect(taken)
    window.last_joint_dialog = dialog
    dialog.open()
    return dialog


def install_joint_intake(window: Any) -> None:
    """Enter on a package in the desk's catalog opens its joint intake."""
    window.last_joint_dialog = None
    window.last_joint_result = None
    window.catalog_pane.package_chosen.connect(lambda p: open_joint_intake(window, p))
