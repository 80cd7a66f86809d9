"""Lookup: any case number and query code, checked as the applicant would check progress.

A joint number (联合审批 / 一件事, issue 16) answers with its package, current stage, every
stage and every part (:class:`~clerk_app.gui.lookup_joint.JointProgressView`), and, for a
signed-in clerk, the joint documents this desk issued for it, to reprint
(:class:`~clerk_app.gui.joint_archive.JointDocumentsBox`).

Asks the records service's public ``GET /progress`` (off the GUI thread). When the center
cannot be reached the dialog says so and shows this desk's own record of the case, if it
has one with that query code. Applicant names are shown masked, as the public page shows
them. The layout is the Designer form ``ui/lookup_dialog.ui``.
"""

from __future__ import annotations

import re
from datetime import datetime
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
)

from clerk_app.app import lookup
from clerk_app.app.joint import joint_of
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.records import JointProgress, Progress
from clerk_app.gui.case_actions import status_label
from clerk_app.gui.errors import error_message, is_offline, is_refused
from clerk_app.gui.forms.ui_lookup_dialog import Ui_LookupDialog
from clerk_app.gui.hub import case_hub
from clerk_app.gui.joint_archive import JointDocumentsBox
from clerk_app.gui.lookup_joint import JointProgressView
from clerk_app.gui.ops import Op
from clerk_app.logs import logger

log = logger("gui")

_CODE = re.compile(r"^\d{6}$")


class LookupDialog(QDialog):
    """Case number + query code → progress (Enter looks up, Esc closes).

    Args:
        context: the ``AppContext`` (``api``, ``store``).
        session: the signed-in clerk (not needed: the query is public).
    """

    def __init__(self, context: Any, session: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self.result: Progress | JointProgress | None = None
        self.source = ""
        self._local_query = ("", "")
        self.setObjectName("lookupDialog")
        case_hub().case_changed.connect(self._hub_changed)
        # The layout is ui/lookup_dialog.ui; the code adds the Look up button and the answer.
        self.ui = u = Ui_LookupDialog()
        u.setupUi(self)
        self.case_edit = u.lookupCaseEdit
        self.code_edit = u.lookupCodeEdit
        self.case_label = u.caseLabel
        self.code_label = u.codeLabel
        # Designer cannot put a button of its own into a QDialogButtonBox.
        self.lookup_button = QPushButton(self)
        self.lookup_button.setObjectName("lookupButton")
        self.lookup_button.setDefault(True)
        self.lookup_button.clicked.connect(self.look_up)
        self.message = u.lookupMessage
        self.answer = u.answerForm
        self.fields: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("status", "item", "applicant", "received", "due", "completed"):
            value = getattr(u, key + "Value")
            value.setObjectName("lookup:" + key)
            self.fields[key] = (getattr(u, key + "Caption"), value)
        self.joint_view = JointProgressView(self)
        u.mainLayout.insertWidget(u.mainLayout.indexOf(u.buttonBox), self.joint_view, 1)
        # A joint number's documents issued here, to reprint (a clerk signed in only).
        self.joint_documents = JointDocumentsBox(context, session, self)
        u.mainLayout.insertWidget(u.mainLayout.indexOf(u.buttonBox), self.joint_documents)
        self.buttons = u.buttonBox
        self.buttons.addButton(self.lookup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self._order_tabs()
        self.retranslate()
        self._show(None)

    def _order_tabs(self) -> None:
        """Tab reads the answer (a joint case's stages, parts and documents) before the
        buttons: added in code, they joined the chain after the form's Close."""
        answer = (self.joint_view, self.joint_documents)
        inner: list[QWidget] = []
        widget = self.nextInFocusChain()
        while widget is not self:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and any(
                part.isAncestorOf(widget) for part in answer
            ):
                inner.append(widget)
            widget = widget.nextInFocusChain()
        buttons = [self.lookup_button, *self.buttons.buttons()]
        order = [self.code_edit, *inner, *dict.fromkeys(buttons)]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

    def retranslate(self) -> None:
        """Set the texts made in code (the form's own are set by its retranslateUi)."""
        self.lookup_button.setText(self.tr("&Look up"))
        self.lookup_button.setToolTip(self.tr("Check the progress as the applicant would (Enter)"))
        if self.result is not None:  # its words (status, stage states…) in the new language
            self._show(self.result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    # -- lookup ----------------------------------------------------------------------------

    def look_up(self) -> None:
        """Check the fields, then ask the service (off the GUI thread)."""
        case_no = self.case_edit.text().strip().upper()
        code = self.code_edit.text().strip()
        if not case_no:
            self.message.setText(self.tr("Enter the case number."))
            self.case_edit.setFocus()
            return
        if not _CODE.match(code):
            self.message.setText(self.tr("The query code is 6 digits."))
            self.code_edit.setFocus()
            return
        self.message.setText(self.tr("Asking the center…"))
        self.lookup_button.setEnabled(False)
        self.joint_documents.show_joint(None)  # the answer lists them afresh
        context = self.context
        Op(self, lambda: lookup.progress_at_center(context, case_no, code)).success(
            self._answered
        ).failure(lambda exc: self._failed(exc, case_no, code)).run()

    def _answered(self, progress: Progress | JointProgress) -> None:
        self.lookup_button.setEnabled(True)
        self.source = "center"
        self.message.setText(self._center_says(progress))
        self._show(progress)

    def _center_says(self, progress: Progress | JointProgress) -> str:
        """The line above the center's answer, with the moment its data are as of (issue
        20: the center may answer from a read replica, seconds behind)."""
        if progress.as_of is None:
            return self.tr("As the center records it:")
        when = progress.as_of.astimezone(CENTER_TZ).strftime("%H:%M:%S")
        if progress.behind_seconds is not None:
            return (
                self.tr("As the center records it (data as of %1, %2 s behind the latest):")
                .replace("%1", when)
                .replace("%2", str(progress.behind_seconds))
            )
        return self.tr("As the center records it (data as of %1):").replace("%1", when)

    def _failed(self, exc: Exception, case_no: str, code: str) -> None:
        self.lookup_button.setEnabled(True)
        if is_refused(exc, 404):
            self.source = ""
            self.message.setText(self.tr("No case with this number and query code."))
            self._show(None)
            return
        if is_refused(exc, 429):
            self.message.setText(self.tr("Too many lookups in a short time; wait a moment."))
            return
        if not is_offline(exc):
            self.message.setText(error_message(exc))
            return
        local = self._local(case_no, code)
        if local is None:
            self.source = ""
            self.message.setText(
                self.tr("The center cannot be reached (offline), and this desk has no such case.")
            )
            self._show(None)
            return
        self.source = "local"
        self._local_query = (case_no, code)
        self.message.setText(
            self.tr(
                "The center cannot be reached (offline). This desk's own record of the case "
                "(it may not show what others did since):"
            )
        )
        self._show(local)

    def _hub_changed(self, case_no: str) -> None:
        """A case this desk shows from its own record changed (a pull, a desk write), or a
        part of the joint case it shows."""
        if self.source != "local":
            return
        asked = self._local_query[0]
        if asked == case_no or (
            isinstance(self.result, JointProgress) and joint_of(self.context, case_no) == asked
        ):
            self._show(self._local(*self._local_query))

    def _local(self, case_no: str, code: str) -> Progress | JointProgress | None:
        return lookup.progress_on_desk(self.context, case_no, code)

    def _show(self, progress: Progress | JointProgress | None) -> None:
        self.result = progress
        joint = progress if isinstance(progress, JointProgress) else None
        self.joint_view.show_progress(joint)
        signed_in = joint is not None and self.session is not None
        self.joint_documents.show_joint(joint.joint_no if signed_in and joint else None)
        for _label, value in self.fields.values():
            value.setText("")
        for key, (label, value) in self.fields.items():
            # A joint case's item and due date are its parts' and stages' (the joint view).
            shown = progress is not None and not (joint and key in ("item", "due"))
            label.setVisible(shown)
            value.setVisible(shown)
        if joint is not None:
            self._show_joint(joint)
            return
        if not isinstance(progress, Progress):
            return
        item = " ".join(x for x in (progress.item_code, progress.item_name) if x)
        texts = {
            "status": status_label(progress.status),
            "item": item,
            "applicant": progress.applicant,
            "received": _when(progress.received_at),
            "due": progress.due_date.isoformat() if progress.due_date else "—",
            "completed": _when(progress.completed_at) or "—",
        }
        for key, text in texts.items():
            self.fields[key][1].setText(text)

    def _show_joint(self, progress: JointProgress) -> None:
        texts = {
            "status": self.joint_view.status_word(progress.status),
            "applicant": progress.applicant,
            "received": _when(progress.received_at),
            "completed": _when(progress.completed_at) or "—",
        }
        for key, text in texts.items():
            self.fields[key][1].setText(text)
        # Room for the stages and parts (the form is made for one case's six lines).
        self.resize(max(self.width(), 760), max(self.height(), 560))


def _when(moment: datetime | None) -> str:
    """A time as the center's clock shows it (``YYYY-MM-DD HH:MM``)."""
    return moment.astimezone(CENTER_TZ).strftime("%Y-%m-%d %H:%M") if moment else ""
