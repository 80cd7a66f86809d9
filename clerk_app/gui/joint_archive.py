"""The documents of a joint case, found by its joint number (issue 16).

A joint case's documents (联合受理通知书, the consolidated 一次性告知, 阶段办结通知书,
联合办结通知书) are archived under one of its parts; :class:`JointDocumentsBox` lists them
by the joint number (``app.joint_documents.joint_document_archive``) with the case
documents panel's keys: Alt+D reaches the list, Enter or Ctrl+R reprints the selected one
marked 副本 / REPRINT (archived and sent like any reprint) and opens its print preview,
Ctrl+O opens the archived PDF. The lookup dialog shows it under a joint number's answer
when a clerk is signed in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from clerk_app.app.documents import CaseArchive
from clerk_app.app.joint_documents import joint_document_archive
from clerk_app.gui.case_documents import CaseDocumentsPanel


class JointDocumentsBox(QGroupBox):
    """The joint documents this desk issued for one joint number (hidden until shown).

    Args:
        context: the ``AppContext``; session: the signed-in clerk (the reprint's clerk);
        writer: the one ``DbWriter`` (else the nearest parent's).
    """

    def __init__(
        self, context: Any, session: Any, parent: QWidget | None = None, *, writer: Any = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("jointDocuments")
        self.context = context
        self.session = session
        self.joint_no = ""
        self.panel = CaseDocumentsPanel(
            context, session, "", self, writer=writer, archive=self._archive
        )
        self.panel.setObjectName("jointDocumentsPanel")
        self.setFocusProxy(self.panel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Documents of this joint case issued at this desk"))
        self.panel.empty_label.setText(
            self.tr("No document of this joint case was issued at this desk.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _archive(self) -> CaseArchive:
        if not self.joint_no:
            return CaseArchive([], {})
        return joint_document_archive(self.context, self.joint_no)

    def show_joint(self, joint_no: str | None) -> None:
        """List the documents of ``joint_no`` (None: hide the box). The list is read when
        the number changes (the same number shown again, e.g. in another language, keeps
        it; a reprint reads it again)."""
        number = joint_no or ""
        if number != self.joint_no:
            self.joint_no = number
            self.panel.reload()
        self.setVisible(bool(self.joint_no))
