"""The documents of one case: what was issued, when, how often reprinted; reprint one.

``CaseDocumentsPanel`` lists the archived originals of a case (kind, 文书编号, issued at,
reprints) from the local store. Reprint (Ctrl+R, or Enter on a row) renders the document
again from the data it was issued with, marked 副本 / REPRINT, archives and journals it
(``app.documents.reprint_document``, on the one database writer) and opens the print
preview on the printer chosen for its kind. Open PDF (Ctrl+O) shows the archived file.
The case-detail view embeds the panel; it works with the keyboard alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app.documents import (
    ArchivedDocument,
    CaseArchive,
    case_archive,
    reprint_document,
)
from clerk_app.app.fees import FEE_DOCUMENT_KINDS, reprint_fee_document
from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import archive_data
from clerk_app.gui.ops import DbWriter, Op, nearest_writer, show_error
from clerk_app.gui.printing import PreviewSession, PrinterChoices

log = logging.getLogger("clerk.print")

# Whole rows the documents table always has room for.
VISIBLE_ROWS = 3
COLUMNS = 4
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def kind_title(kind: str) -> str:
    """The document kind in the clerk's language (context "CaseDocuments")."""
    titles = {
        "acceptance": QCoreApplication.translate("CaseDocuments", "Acceptance notice"),
        "supplement": QCoreApplication.translate("CaseDocuments", "Supplement notice"),
        "deferred": QCoreApplication.translate("CaseDocuments", "Deferred-materials acceptance"),
        "supplied": QCoreApplication.translate("CaseDocuments", "Deferred material received"),
        "lapsed": QCoreApplication.translate("CaseDocuments", "Deferred acceptance ended"),
        "refusal": QCoreApplication.translate("CaseDocuments", "Refusal notice"),
        "forwarded": QCoreApplication.translate("CaseDocuments", "Forwarding notice"),
        "completion": QCoreApplication.translate("CaseDocuments", "Completion notice"),
        "fee": QCoreApplication.translate("CaseDocuments", "Fee notice"),
        "void": QCoreApplication.translate("CaseDocuments", "Void notice"),
        "correction": QCoreApplication.translate("CaseDocuments", "Correction notice"),
        "commitment": QCoreApplication.translate("CaseDocuments", "Commitment letter"),
        "joint_acceptance": QCoreApplication.translate("CaseDocuments", "Joint acceptance notice"),
        "joint_supplement": QCoreApplication.translate("CaseDocuments", "Joint supplement notice"),
        "stage_completion": QCoreApplication.translate("CaseDocuments", "Stage completion notice"),
        "joint_completion": QCoreApplication.translate("CaseDocuments", "Joint completion notice"),
        "slip": QCoreApplication.translate("CaseDocuments", "Receipt slip (80 mm)"),
        "payment_notice": QCoreApplication.translate("CaseDocuments", "Payment notice"),
        "fiscal_receipt": QCoreApplication.translate("CaseDocuments", "Fiscal receipt (copy)"),
    }
    return titles.get(kind, kind)


def _rebuildable(doc: ArchivedDocument) -> bool:
    """Whether a reprint can rebuild the document: from its archived data, or (a fee
    document) from the notice kept here."""
    return doc.data_json is not None or doc.kind in FEE_DOCUMENT_KINDS


class CaseDocumentsPanel(QWidget):
    """The archived documents of ``case_no`` with Reprint and Open PDF.

    Args:
        context: the ``AppContext`` (store, provisioning, paths, clock).
        session: the signed-in ``Session`` (the reprint's clerk).
        case_no: the case.
        parent: the parent widget.
        writer: the one ``DbWriter``; when not given, the nearest parent's ``writer``.
        archive: what to list instead of the case's archive (a joint case's documents:
            ``gui.joint_archive``); read again on every ``reload()``.

    Signals:
        reprinted(object): an ``IssuedDocument`` was reprinted and archived.
    """

    reprinted = Signal(object)

    def __init__(
        self,
        context: Any,
        session: Any,
        case_no: str,
        parent: QWidget | None = None,
        *,
        writer: DbWriter | None = None,
        archive: Callable[[], CaseArchive] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseDocumentsPanel")
        self._archive = archive
        self.context = context
        self.session = session
        self.case_no = case_no
        self._writer = writer
        self.documents: list[ArchivedDocument] = []
        # The last print preview opened (kept alive while its dialog is open).
        self.last_preview: PreviewSession | None = None
        # The last archived PDF opened (``gui.pdf_viewer.PdfViewer``), or None.
        self.last_viewer: Any = None
        self.busy = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("caseDocumentsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Number"), self.tr("Issued at"), self.tr("Reprints")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _index: self.reprint_selected())
        # Room for the header and three whole rows (it showed one and a half).
        rows = VISIBLE_ROWS * self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumHeight(header.sizeHint().height() + rows + frame)
        layout.addWidget(self.table)

        self.empty_label = QLabel(self.tr("No document has been issued for this case yet."), self)
        self.empty_label.setEnabled(False)
        layout.addWidget(self.empty_label)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("caseDocumentsStatus")
        layout.addWidget(self.status_label)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.reprint_action = self._action(
            self.tr("&Reprint…"), QKeySequence("Ctrl+R"), self.reprint_selected
        )
        self.open_action = self._action(
            self.tr("&Open PDF"), QKeySequence("Ctrl+O"), self.open_selected
        )
        self.reprint_button = self._button(self.reprint_action)
        self.open_button = self._button(self.open_action)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reprint_button)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self.reload()

    def _action(self, text: str, keys: QKeySequence, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.text(), self)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{action.text().replace('&', '')} ({shortcut})")
        button.clicked.connect(action.trigger)
        return button

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the case's archive again (originals only; reprints are counted)."""
        archive = self._archive() if self._archive else case_archive(self.context, self.case_no)
        originals, counts = archive.originals, archive.reprints
        selected = self.selected_document()
        self.documents = originals
        self.table.setRowCount(len(originals))
        for row, doc in enumerate(originals):
            issued = doc.issued_at.astimezone(CENTER_TZ).strftime("%Y-%m-%d %H:%M")
            reprints = counts.get((doc.kind, doc.document_no), 0)
            cells = (kind_title(doc.kind), doc.document_no, issued, str(reprints))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if col == 3:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, cell)
        self.table.setVisible(bool(originals))
        self.empty_label.setVisible(not originals)
        # Focus goes to the list only while it is shown: a proxy to the hidden list stopped
        # Tab at the control before this panel (issue 18's keyboard walk).
        self.setFocusProxy(self.table if originals else None)
        if originals:
            keep = next((i for i, d in enumerate(originals) if selected and d.id == selected.id), 0)
            self.table.selectRow(keep)
        self._update_buttons()

    def selected_document(self) -> ArchivedDocument | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.documents):
            return None
        return self.documents[rows[0].row()]

    def _update_buttons(self) -> None:
        doc = self.selected_document()
        can_reprint = doc is not None and _rebuildable(doc) and not self.busy
        self.reprint_action.setEnabled(can_reprint)
        self.reprint_button.setEnabled(can_reprint)
        can_open = doc is not None and doc.path.exists()
        self.open_action.setEnabled(can_open)
        self.open_button.setEnabled(can_open)
        if doc is not None and not _rebuildable(doc):
            self.reprint_button.setToolTip(
                self.tr("This document was issued before its data was kept; open its PDF instead.")
            )
        else:
            self.reprint_button.setToolTip(self.tr("Reprint (%1)").replace("%1", "Ctrl+R"))

    # -- actions --------------------------------------------------------------------------

    def writer(self) -> DbWriter | None:
        if self._writer is not None:
            return self._writer
        return nearest_writer(self.parentWidget())

    def reprint_selected(self) -> None:
        """Reprint the selected document (marked 副本 / REPRINT), then preview it."""
        doc = self.selected_document()
        if doc is None or not _rebuildable(doc) or self.busy:
            return
        if doc.data_json is None:  # a fee document (issue 17): rebuilt from the notice
            self._reprint(doc, lambda c, s: reprint_fee_document(c, s, doc))
            return
        try:
            data = archive_data.decode(doc.data_json)
        except archive_data.ArchiveDataError as exc:
            log.error("archived data of %s unreadable: %s", doc.document_no, exc)
            self.status_label.setText(
                self.tr("This document cannot be rebuilt here; open its PDF instead.")
            )
            return
        self._reprint(doc, lambda c, s: reprint_document(c, s, data))

    def _reprint(self, doc: ArchivedDocument, make: Any) -> None:
        context, session = self.context, self.session

        def work() -> Any:
            return make(context, session)

        self._set_busy(True)
        self.status_label.setText(self.tr("Reprinting %1…").replace("%1", doc.document_no))
        writer = self.writer()
        op = writer.submit(work, self) if writer is not None else Op(self, work).run()
        op.success(self._reprinted).failure(self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _reprinted(self, issued: Any) -> None:
        self._set_busy(False)
        self.status_label.setText(
            self.tr("Reprint of %1 saved as %2.").replace("%1", issued.document_no)
            .replace("%2", issued.path.name)
        )  # fmt: skip
        self.reload()
        self.reprinted.emit(issued)
        choices = PrinterChoices(self.context)
        preview = PreviewSession(issued.rendered, choices, self)
        preview.pdf_path = issued.path
        self.last_preview = preview
        preview.open()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.status_label.setText(self.tr("The reprint was not made."))
        show_error(self, exc)

    def open_selected(self) -> None:
        """Open the archived PDF of the selected document (kept encrypted: decrypted in
        memory into the desk's own viewer; Ctrl+P prints it, Ctrl+S saves a plain copy)."""
        doc = self.selected_document()
        if doc is not None and doc.path.exists():
            from clerk_app.gui.pdf_viewer import open_document

            title = f"{kind_title(doc.kind)} {doc.document_no}"
            self.last_viewer = open_document(self, self.context, doc.path, title, doc.kind)
