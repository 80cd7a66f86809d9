"""The SDK ID card reader beside the intake form (issue 22).

F4 reads the card on the reader into the applicant, Shift+F4 into the agent (the agent box
is opened): name, document type and number are filled, and the card's photo is shown here
for the clerk to compare with the person at the counter. The read runs off the GUI thread
(:class:`clerk_app.gui.ops.Op`); a reader's failure is a plain message under the photo, and
the keyboard-wedge reader and typing still work. ``on_read(card, role)`` is called after
each good read (the desk audits it, :func:`clerk_app.app.audit.record_card_read`).
:func:`install_card_reader` puts the panel beside the main window's intake form when the
provisioning file names a reader (``[idcard]``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app.audit import record_card_read
from clerk_app.app.idcard import read_card
from clerk_app.core.idcard import IdCard, IdCardSetup
from clerk_app.core.identity import IdType
from clerk_app.gui.errors import error_message
from clerk_app.gui.intake_party import ERROR_STYLE
from clerk_app.gui.ops import Op, write_later

#: A card's photo is 102 × 126 pixels; shown at twice that size.
PHOTO_SIZE = (204, 252)

APPLICANT = "applicant"
AGENT = "agent"


class CardReaderPanel(QWidget):
    """The photo of the card read and the read button; shortcuts on ``form``.

    Args:
        form: the :class:`~clerk_app.gui.intake_form.IntakeForm` to fill.
        setup: the provisioned reader (``Provisioning.idcard``).
        reader: ``setup -> IdCard`` (blocks; :func:`clerk_app.app.idcard.read_card`).
        on_read: called on the GUI thread after each good read with the card and its role.
    """

    #: The role (``applicant`` / ``agent``) a card was read into.
    card_read = Signal(str)

    def __init__(
        self,
        form: Any,
        setup: IdCardSetup,
        *,
        reader: Callable[[IdCardSetup], IdCard] = read_card,
        on_read: Callable[[IdCard, str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardReaderPanel")
        self._form = form
        self._setup = setup
        self._reader = reader
        self._on_read = on_read
        self._busy = False
        self.card: IdCard | None = None
        self.photo = QLabel(self)
        self.photo.setObjectName("cardPhoto")
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setWordWrap(True)
        self.photo.setFrameShape(QLabel.Shape.Box)
        self.message = QLabel(self)
        self.message.setObjectName("cardReaderMessage")
        self.message.setWordWrap(True)
        self.message.setMaximumWidth(PHOTO_SIZE[0])
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.button = QPushButton(self)
        self.button.setObjectName("readCardButton")
        self.button.clicked.connect(lambda: self.read(APPLICANT))
        layout = QVBoxLayout(self)
        layout.addWidget(self.photo)
        layout.addWidget(self.button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, role in (("F4", APPLICANT), ("Shift+F4", AGENT)):
            shortcut = QShortcut(QKeySequence(keys), form, lambda r=role: self.read(r))
            shortcut.setContext(context)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts (again, after a language switch)."""
        self.button.setText(self.tr("Read ID card (F4)"))
        self.button.setToolTip(
            self.tr("F4: read the card into the applicant; Shift+F4: into the agent")
        )
        self.photo.setAccessibleName(self.tr("Photo on the ID card"))
        if self.card is None:
            self.photo.setText(self.tr("No card read"))
        elif self.photo.pixmap().isNull():
            self.photo.setText(self._no_picture_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def read(self, role: str = APPLICANT) -> Op | None:
        """Read the card into ``role``'s fields (in the background); None while a read runs."""
        if self._busy:
            return None
        self._busy = True
        self.button.setEnabled(False)
        self.message.hide()
        setup = self._setup
        return (
            Op(self, lambda: self._reader(setup))
            .success(lambda card: self._fill(card, role))
            .failure(self._failed)
            .run()
        )

    def _done(self) -> None:
        self._busy = False
        self.button.setEnabled(True)

    def _failed(self, exc: Exception) -> None:
        self._done()
        self.message.setText(error_message(exc))
        self.message.show()

    def _fill(self, card: IdCard, role: str) -> None:
        self._done()
        form = self._form
        if role == AGENT:
            form.ui.agentBox.setChecked(True)
            fields = form.agent_fields
        else:
            form.ui.personRadio.setChecked(True)
            fields = form.applicant_fields
        fields.set_id_type(IdType.RESIDENT_ID.value)
        fields.name_edit.setText(card.name)
        fields.id_edit.setText(card.id_number)
        self.card = card
        self._show_photo(card)
        fields.phone_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._on_read is not None:
            self._on_read(card, role)
        self.card_read.emit(role)

    def _no_picture_text(self) -> str:
        if self.card is not None and self.card.photo_format == "wlt":
            # sdtapi's raw WLT photo: only the vendor's decoder ([idcard] decoder) shows it.
            return self.tr("The photo needs the reader vendor's decoder library")
        return self.tr("The card's photo cannot be shown by this reader's software")

    def _show_photo(self, card: IdCard) -> None:
        picture = QPixmap()
        if card.photo_format == "bmp" and picture.loadFromData(card.photo):
            self.photo.setPixmap(
                picture.scaled(
                    *PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            return
        self.photo.setPixmap(QPixmap())
        self.photo.setText(self._no_picture_text())


def install_card_reader(window: Any) -> CardReaderPanel | None:
    """The reader panel beside ``window``'s intake form (a ``MainWindow``), each read
    audited on the writer; None when the provisioning file names no SDK reader."""
    setup = getattr(window.context.provisioning, "idcard", None)
    if setup is None:
        return None
    context, clerk = window.context, window.session.username

    def audit(card: IdCard, role: str) -> None:
        write_later(window, lambda: record_card_read(context, card, clerk=clerk, role=role))

    splitter = window.findChild(QSplitter, "mainSplitter")
    scroll = window.intake.parentWidget().parentWidget()  # viewport → the scroll area
    beside = QWidget(window)
    beside.setObjectName("intakeWithCardReader")
    panel = CardReaderPanel(window.intake, setup, on_read=audit, parent=beside)
    row = QHBoxLayout(beside)
    row.setContentsMargins(0, 0, 0, 0)
    if isinstance(splitter, QSplitter) and isinstance(scroll, QScrollArea):
        index = splitter.indexOf(scroll)
        splitter.replaceWidget(index, beside)
        row.addWidget(scroll, 1)
    row.addWidget(panel, 0, Qt.AlignmentFlag.AlignTop)
    return panel
