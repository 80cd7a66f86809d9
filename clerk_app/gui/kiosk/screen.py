"""The ticket kiosk's screen (取号机): full screen, touch-sized, usable by keyboard alone.

- The hall's categories as large buttons with their waiting counts (a category's letter
  picks it from the keyboard; Tab and Enter too); a ticket is issued, kept, then printed.
- An optional ID card: the keyboard-wedge reader types the number into the ID field and
  presses Enter (a person may type it). The holder's age gives the 老年人 priority; the
  number counts against the center's per-ID daily limit; it checks in an appointment.
- An appointment code typed checks in the appointment (预约签到).
- Large text (body ≥ 28 px) and high contrast are switches on screen; each step is
  spoken (the hall's :class:`~clerk_app.gui.hall.voice.Announcer`).
- The service out of reach: a band says so; tickets come from the kiosk's offline block
  marked 人数待定 and are sent when the link returns (every ``send_seconds``).
- The printer out of paper: said on screen, the ticket kept; 补打凭条 prints it once paper
  is back.
- F2: a new enrolment code (IT) when the kiosk's credential was refused; F5: refresh.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import kiosk
from clerk_app.app.enrolment import CredentialRevoked
from clerk_app.core.announce import spoken_ticket
from clerk_app.core.errors import Refused
from clerk_app.gui.hall.voice import Announcer
from clerk_app.gui.kiosk import style
from clerk_app.gui.kiosk.printer import PaperOut, TicketPrinter
from clerk_app.gui.ops import Op
from clerk_app.gui.printing import PrintFailed

log = logging.getLogger("clerk.gui")

# Categories shown at most.
MAX_CATEGORIES = 9


class KioskScreen(QWidget):
    """The kiosk.

    Args:
        context: the ``AppContext``.
        holder: the kiosk's credential (``app.kiosk.KioskCredentialHolder``).
        announcer: speaks each step (``Announcer(None)``: silent, the texts kept).
        printer: prints the tickets.
        refresh_seconds: how often the waiting counts are fetched.
        send_seconds: how often tickets printed offline are sent.
        idle_seconds: after a ticket or a message, the screen greets the next person.

    Signals:
        categories_shown(): the category buttons were (re)built.
        ticket_ready(object): a ticket was issued and kept (``KioskTicket``).
        ticket_printed(object): a ticket reached paper.
        print_failed(object): a ticket did not reach paper (kept for its reprint).
        refused(str): a refusal was said on screen.
        sent(object): a round of sending offline tickets ended (``PushResult``).
        enrol_requested(): F2 (IT types a new enrolment code).
    """

    categories_shown = Signal()
    ticket_ready = Signal(object)
    ticket_printed = Signal(object)
    print_failed = Signal(object)
    refused = Signal(str)
    sent = Signal(object)
    enrol_requested = Signal()

    def __init__(
        self,
        context: Any,
        holder: kiosk.KioskCredentialHolder,
        *,
        announcer: Announcer,
        printer: TicketPrinter,
        refresh_seconds: int = 30,
        send_seconds: int = 20,
        idle_seconds: int = 30,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskScreen")
        self.context = context
        self.holder = holder
        self.announcer = announcer
        announcer.setParent(self)
        self.printer = printer
        self.engine = kiosk.sync_engine(context, holder)
        self.large = False
        self.high_contrast = False
        self.online = True
        self.revoked = False
        self.busy = False
        self._focus_back: QWidget | None = None
        self.sending = False
        self.running = False
        self.categories: tuple[kiosk.QueueCategory, ...] = ()
        self.reading: kiosk.IdReading | None = None
        self.last_ticket: kiosk.KioskTicket | None = None
        self.category_buttons: list[QPushButton] = []
        self.setWindowTitle(self.tr("Take a ticket"))
        self._build()
        self._shortcuts()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(refresh_seconds * 1000)
        self.refresh_timer.timeout.connect(self.refresh)
        self.send_timer = QTimer(self)
        self.send_timer.setInterval(send_seconds * 1000)
        self.send_timer.timeout.connect(self.send_now)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_seconds * 1000)
        self.idle_timer.timeout.connect(self.welcome)
        self.apply_style()
        self._show_reprint()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(16)
        head = QHBoxLayout()
        self.title_label = QLabel(self.tr("%1 · Take a ticket").replace("%1", self._center()))
        self.title_label.setObjectName("titleLabel")
        head.addWidget(self.title_label, 1)
        self.large_button = self._toggle("largeTextButton", self.tr("Large text"))
        self.large_button.toggled.connect(self.set_large_text)
        self.contrast_button = self._toggle("highContrastButton", self.tr("High contrast"))
        self.contrast_button.toggled.connect(self.set_high_contrast)
        head.addWidget(self.large_button)
        head.addWidget(self.contrast_button)
        root.addLayout(head)

        self.link_label = QLabel()
        self.link_label.setObjectName("linkLabel")
        self.link_label.setWordWrap(True)
        self.link_label.hide()
        root.addWidget(self.link_label)

        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Message"))
        root.addWidget(self.message_label)

        self.number_label = QLabel()
        self.number_label.setObjectName("numberLabel")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number_label.hide()
        root.addWidget(self.number_label)

        self.category_box = QWidget()
        self.category_box.setObjectName("categoryBox")
        self.category_grid = QGridLayout(self.category_box)
        self.category_grid.setSpacing(16)
        root.addWidget(self.category_box, 1)

        id_row = QHBoxLayout()
        self.id_caption = QLabel(self.tr("ID card (optional):"))
        self.id_caption.setObjectName("idCaption")
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("idEdit")
        self.id_edit.setPlaceholderText(self.tr("Place your ID card on the reader"))
        self.id_edit.setAccessibleName(self.tr("ID card number"))
        self.id_edit.setMaxLength(40)
        self.id_edit.returnPressed.connect(self.read_id)
        self.id_caption.setBuddy(self.id_edit)
        self.clear_id_button = self._button("clearIdButton", self.tr("Clear ID"))
        self.clear_id_button.clicked.connect(self.clear_id)
        id_row.addWidget(self.id_caption)
        id_row.addWidget(self.id_edit, 1)
        id_row.addWidget(self.clear_id_button)
        root.addLayout(id_row)
        self.id_label = QLabel()
        self.id_label.setObjectName("idLabel")
        self.id_label.hide()
        root.addWidget(self.id_label)

        code_row = QHBoxLayout()
        self.code_caption = QLabel(self.tr("Appointment code:"))
        self.code_caption.setObjectName("codeCaption")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("codeEdit")
        self.code_edit.setPlaceholderText(self.tr("e.g. YY2K7M4Q9P"))
        self.code_edit.setAccessibleName(self.tr("Appointment code"))
        self.code_edit.setMaxLength(16)
        self.code_edit.returnPressed.connect(self.check_in_by_code)
        self.code_caption.setBuddy(self.code_edit)
        self.check_in_button = self._button("checkInButton", self.tr("Check in"))
        self.check_in_button.clicked.connect(self.check_in_by_code)
        self.check_in_id_button = self._button("checkInIdButton", self.tr("Check in with ID"))
        self.check_in_id_button.clicked.connect(self.check_in_by_id)
        self.check_in_id_button.setEnabled(False)
        code_row.addWidget(self.code_caption)
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.check_in_button)
        code_row.addWidget(self.check_in_id_button)
        root.addLayout(code_row)

        self.reprint_button = self._button("reprintButton", self.tr("Reprint ticket"))
        self.reprint_button.clicked.connect(self.reprint)
        root.addWidget(self.reprint_button)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(True)  # Enter presses the focused button, as Space does
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAccessibleName(text)
        return button

    def _toggle(self, name: str, text: str) -> QPushButton:
        button = self._button(name, text)
        button.setCheckable(True)
        return button

    def _shortcuts(self) -> None:
        QShortcut(QKeySequence(Qt.Key.Key_F5), self).activated.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self).activated.connect(self.enrol_requested)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys no control took: a category's letter takes its ticket; digits (a card
        reader typing while the focus is elsewhere) go into the ID field."""
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and len(text) == 1 and text.isdigit():
            self.id_edit.setFocus()
            self.id_edit.insert(text)
            return
        if plain and len(text) == 1 and text.isalpha():
            for button, category in zip(self.category_buttons, self.categories, strict=False):
                if category.prefix == text.upper() and button.isEnabled():
                    button.setFocus()
                    button.click()
                    return
        super().keyPressEvent(event)

    def _center(self) -> str:
        return str(self.context.provisioning.center_name)

    # -- looks ------------------------------------------------------------------------------

    def set_large_text(self, on: bool) -> None:
        if on == self.large:
            return
        self.large = on
        self.large_button.setChecked(on)
        self.apply_style()
        self.say(self.tr("Large text on.") if on else self.tr("Large text off."), show=False)

    def set_high_contrast(self, on: bool) -> None:
        if on == self.high_contrast:
            return
        self.high_contrast = on
        self.contrast_button.setChecked(on)
        self.apply_style()
        self.say(self.tr("High contrast on.") if on else self.tr("High contrast off."), show=False)

    def apply_style(self) -> None:
        """Fonts and colours of the current text size and scheme, on every widget."""
        s = style.scheme(self.high_contrast)
        z = style.sizes(self.large)
        style.paint_window(self, s)
        self.setFont(style.font(z.body))
        self.title_label.setFont(style.font(z.title, bold=True))
        self.title_label.setStyleSheet(style.label_css(s))
        self.number_label.setFont(style.font(z.number, bold=True))
        self.number_label.setStyleSheet(style.label_css(s, "number"))
        for label in (self.message_label, self.id_caption, self.code_caption, self.id_label):
            label.setFont(style.font(z.body, bold=label is self.message_label))
            label.setStyleSheet(style.label_css(s))
        self.link_label.setFont(style.font(z.body))
        self.link_label.setStyleSheet(style.label_css(s, "band"))
        self._style_message(s)
        for edit in (self.id_edit, self.code_edit):
            edit.setFont(style.font(z.body))
            edit.setStyleSheet(style.edit_css(s))
            style.paint_edit(edit, s)
            edit.setMinimumHeight(z.body * 2)
        for button in (
            self.clear_id_button,
            self.check_in_button,
            self.check_in_id_button,
            self.reprint_button,
        ):
            button.setFont(style.font(z.body, bold=True))
            button.setStyleSheet(style.button_css(s))
            button.setMinimumHeight(max(64, z.body * 2 + 16))
        toggles = ((self.large_button, self.large), (self.contrast_button, self.high_contrast))
        for toggle, on in toggles:
            toggle.setFont(style.font(z.body, bold=True))
            toggle.setStyleSheet(style.toggle_css(s, on))
            toggle.setMinimumHeight(max(64, z.body * 2 + 16))
        for button in self.category_buttons:
            button.setFont(style.font(z.button, bold=True))
            button.setStyleSheet(style.button_css(s))
            button.setMinimumHeight(z.button_height)

    def _style_message(self, s: style.Scheme | None = None) -> None:
        s = s or style.scheme(self.high_contrast)
        problem = bool(self.message_label.property("problem"))
        self.message_label.setStyleSheet(style.label_css(s, "problem" if problem else "message"))

    # -- categories -------------------------------------------------------------------------

    def start(self) -> None:
        """Greet, fetch the categories, and keep them (and the sending) going."""
        self.say(self._welcome_text())
        self.refresh()
        self.send_now()
        self.refresh_timer.start()
        self.send_timer.start()
        self.running = True

    def _welcome_text(self) -> str:
        return self.tr(
            "Welcome. Choose your business to take a ticket. With an appointment, type "
            "its code or place your ID card on the reader."
        )

    def welcome(self) -> None:
        """Ready for the next person: the greeting shown (not spoken again), the last
        number and any ID read gone."""
        if self.busy or self.revoked:
            return
        self.show_message(self._welcome_text())
        self.number_label.hide()
        self.code_edit.clear()
        self.clear_id(quiet=True)

    def stop(self) -> None:
        self.running = False
        self.refresh_timer.stop()
        self.send_timer.stop()
        self.idle_timer.stop()
        self.announcer.stop()

    def refresh(self) -> None:
        """Fetch the categories and their waiting counts (in the background)."""
        Op(self, lambda: kiosk.categories(self.context, self.holder)).success(
            self._got_categories
        ).failure(self._failed).run()

    def _got_categories(self, listed: kiosk.CategoryList) -> None:
        self.set_online(listed.online)
        items = listed.items[:MAX_CATEGORIES]
        same = [c.code for c in items] == [c.code for c in self.categories]
        self.categories = items
        if same and self.category_buttons:  # new counts only: the focus stays where it is
            for button, category in zip(self.category_buttons, items, strict=True):
                text = self._category_text(category)
                button.setText(text)
                button.setAccessibleName(text.replace("\n", ", "))
        else:
            self._rebuild_categories()
        self.categories_shown.emit()

    def _rebuild_categories(self) -> None:
        for button in self.category_buttons:
            self.category_grid.removeWidget(button)
            button.deleteLater()
        self.category_buttons = []
        columns = 2 if len(self.categories) > 4 or self.large else 3
        for index, category in enumerate(self.categories):
            text = self._category_text(category)
            button = self._button(f"category_{category.code}", text)
            button.setAccessibleName(text.replace("\n", ", "))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setToolTip(self.tr("Key %1").replace("%1", category.prefix))
            button.clicked.connect(lambda _=False, c=category: self.take(c))
            button.setEnabled(not self.busy)
            self.category_grid.addWidget(button, index // columns, index % columns)
            button.show()  # now, not when the event loop gets round to it
            self.category_buttons.append(button)
        if not self.categories:
            self.show_message(self.tr("No business can be chosen now. Please ask at the desk."))
        # Tab goes from the switches through the categories to the ID and the appointment.
        chain: list[QWidget] = [self.large_button, self.contrast_button, *self.category_buttons]
        chain += [self.id_edit, self.clear_id_button, self.code_edit]
        chain += [self.check_in_button, self.check_in_id_button, self.reprint_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        focus = self.focusWidget()
        if self.category_buttons and (focus is None or focus is self.large_button):
            self.category_buttons[0].setFocus()
        self.apply_style()

    def _category_text(self, category: kiosk.QueueCategory) -> str:
        if self.online:
            waiting = self.tr("%n waiting", "", category.waiting)
        else:
            waiting = self.tr("waiting: to be confirmed")
        return f"{category.prefix}  {category.name}\n{waiting}"

    def set_online(self, online: bool) -> None:
        self.online = online
        if online:
            self.link_label.hide()
        else:
            self.link_label.setText(
                self.tr(
                    "The center cannot be reached now. Tickets are still printed; how many "
                    "people are ahead of you will be known later (人数待定)."
                )
            )
            self.link_label.show()

    # -- the ID card ------------------------------------------------------------------------

    def read_id(self) -> None:
        """The reader typed an ID number and Enter (or a person did)."""
        text = self.id_edit.text().strip()
        self.id_edit.clear()
        if not text:
            return
        try:
            reading = kiosk.read_id(self.context, text)
        except kiosk.IdNotRead:
            self.clear_id(quiet=True)
            self.refuse(
                self.tr("The ID card could not be read. Please place it on the reader again.")
            )
            return
        self.reading = reading
        if reading.elderly:
            said = self.tr("ID card read: %1, age %2. Priority for the elderly.")
            spoken = self.tr(
                "ID card read. You will be served with priority. Choose your business, or "
                "check in your appointment."
            )
        else:
            said = self.tr("ID card read: %1, age %2.")
            spoken = self.tr("ID card read. Choose your business, or check in your appointment.")
        self.id_label.setText(said.replace("%1", reading.masked).replace("%2", str(reading.age)))
        self.id_label.show()
        self.check_in_id_button.setEnabled(not self.busy)
        self._focus_categories()  # the next key is a category's letter
        self.say(spoken)

    def clear_id(self, quiet: bool = False) -> None:
        self.reading = None
        self.id_edit.clear()
        self.id_label.clear()
        self.id_label.hide()
        self.check_in_id_button.setEnabled(False)
        if not quiet:
            self.say(self.tr("ID card cleared."))

    # -- tickets ----------------------------------------------------------------------------

    def take(self, category: kiosk.QueueCategory) -> None:
        """Issue a ticket of ``category`` (with the ID read, if any) and print it."""
        if self.busy:
            return
        reading = self.reading
        self._set_busy(True)
        self.say(self.tr("Printing your ticket for %1, please wait.").replace("%1", category.name))
        Op(
            self,
            lambda: kiosk.take_ticket(self.context, self.holder, category, reading=reading),
        ).success(self._issued).failure(self._failed).run()

    def check_in_by_code(self) -> None:
        code = self.code_edit.text().strip()
        if not code:
            self.refuse(self.tr("Type your appointment code first."))
            self.code_edit.setFocus()
            return
        self._check_in(code=code)

    def check_in_by_id(self) -> None:
        if self.reading is None:
            self.refuse(self.tr("Place your ID card on the reader first."))
            return
        self._check_in(reading=self.reading)

    def _check_in(self, **how: Any) -> None:
        if self.busy:
            return
        self._set_busy(True)
        self.say(self.tr("Checking in your appointment, please wait."))
        Op(self, lambda: kiosk.check_in(self.context, self.holder, **how)).success(
            self._issued
        ).failure(self._failed).run()

    def _focus_categories(self) -> None:
        """The focus off the ID and code fields, onto the categories: a category's letter
        typed there would be taken as text."""
        if self.category_buttons and self.focusWidget() in (self.id_edit, self.code_edit):
            self.category_buttons[0].setFocus()

    def _issued(self, ticket: kiosk.KioskTicket) -> None:
        self.last_ticket = ticket
        self.code_edit.clear()
        self.clear_id(quiet=True)
        if ticket.offline:
            self.set_online(False)
        self.ticket_ready.emit(ticket)
        self._print(ticket)
        self._set_busy(False)
        self._focus_categories()  # ready for the next person
        self.refresh()

    def _print(self, ticket: kiosk.KioskTicket, *, reprint: bool = False) -> bool:
        self.number_label.setText(ticket.number)
        self.number_label.setAccessibleName(self.tr("Your number %1").replace("%1", ticket.number))
        self.number_label.show()
        try:
            document = kiosk.ticket_document(self.context, ticket, reprint=reprint)
            self.printer.print_ticket(document)
        except PaperOut:
            self._not_printed(
                ticket,
                self.tr(
                    "The printer is out of paper. Your number %1 is kept: please ask a member "
                    "of staff, who will reprint it."
                ),
            )
            return False
        except PrintFailed:
            self._not_printed(
                ticket,
                self.tr(
                    "The ticket could not be printed. Your number %1 is kept: please ask a "
                    "member of staff, who will reprint it."
                ),
            )
            return False
        kiosk.printed(self.context, ticket)
        self._show_reprint()
        if ticket.people_ahead is None:
            ahead = self.tr("How many people are ahead of you will be known later.")
        elif ticket.people_ahead == 0:
            ahead = self.tr("Nobody is waiting ahead of you.")
        else:
            ahead = self.tr("%n people are waiting ahead of you.", "", ticket.people_ahead)
        shown = self.tr("Your number is %1 (%2). %3 Please take your ticket.")
        shown = shown.replace("%1", ticket.number).replace("%2", ticket.category_name)
        spoken = self.tr("Your number is %1. %2 Please take your ticket.")
        spoken = spoken.replace("%1", spoken_ticket(ticket.number)).replace("%2", ahead)
        self.show_message(shown.replace("%3", ahead))
        self.announcer.announce(spoken)
        self.ticket_printed.emit(ticket)
        return True

    def _not_printed(self, ticket: kiosk.KioskTicket, text: str) -> None:
        self._show_reprint()
        self.refuse(text.replace("%1", ticket.number))
        self.print_failed.emit(ticket)

    def reprint(self) -> None:
        """Print the tickets kept (the printer had no paper), oldest first."""
        waiting = kiosk.waiting_reprint(self.context)
        if not waiting:
            self._show_reprint()
            return
        for ticket in waiting:
            if not self._print(ticket, reprint=True):
                return
        self._show_reprint()

    def _show_reprint(self) -> None:
        kept = kiosk.waiting_reprint(self.context)
        self.reprint_button.setVisible(bool(kept))
        if kept:
            text = self.tr("Reprint ticket (%1)").replace("%1", ", ".join(t.number for t in kept))
            self.reprint_button.setText(text)
            self.reprint_button.setAccessibleName(text)

    # -- sending what was printed offline ---------------------------------------------------

    def send_now(self) -> None:
        """Send the tickets printed offline that are due (in the background, one round)."""
        if self.sending:
            return
        self.sending = True
        Op(self, lambda: kiosk.send_waiting(self.context, self.engine)).success(self._sent).failure(
            self._send_failed
        ).run()

    def _sent(self, result: Any) -> None:
        self.sending = False
        if result.online and not self.online:
            self.refresh()
        self.sent.emit(result)

    def _send_failed(self, exc: Exception) -> None:
        self.sending = False
        log.warning("kiosk: sending offline tickets failed: %s", exc)

    # -- messages ---------------------------------------------------------------------------

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, CredentialRevoked):
            self.revoked = True
            self.refresh_timer.stop()
            self.refuse(
                self.tr(
                    "This kiosk's credential was revoked or has expired: tickets cannot be "
                    "issued. Staff: press F2 and type a new enrolment code."
                )
            )
            return
        self.refuse(self.refusal_text(exc))

    def refusal_text(self, exc: Exception) -> str:
        """What the person at the kiosk reads for ``exc`` (never an exception's words)."""
        if isinstance(exc, kiosk.DailyLimitReached):
            return self.tr(
                "This ID card has already taken today's tickets for this business (%n per "
                "day). No more tickets can be taken with it today.",
                "",
                exc.limit,
            )
        if isinstance(exc, kiosk.NoOfflineTickets):
            if exc.reason == "used-up":
                return self.tr(
                    "The center cannot be reached and this kiosk has printed all the tickets "
                    "it may print offline today. Please ask at the desk."
                )
            return self.tr(
                "The center cannot be reached and this kiosk prints no tickets without it. "
                "Please ask at the desk."
            )
        if isinstance(exc, kiosk.CheckInRefused):
            return {
                "checked-in": self.tr("This appointment is already checked in."),
                "missed": self.tr(
                    "The time of this appointment is over. Please take an ordinary ticket."
                ),
                "not-today": self.tr("This appointment is for another day."),
                "cancelled": self.tr("This appointment was cancelled."),
                "daily-limit": self.tr("This ID card has taken all its tickets for today."),
                "needs-link": self.tr(
                    "Appointments cannot be checked in while the center cannot be reached. "
                    "Please take an ordinary ticket."
                ),
            }.get(
                exc.reason,
                self.tr("No appointment for today was found. Please check the code."),
            )
        if isinstance(exc, Refused) and exc.status == 404:
            self.refresh()
            return self.tr("This business cannot be chosen now. Please choose again.")
        log.warning("kiosk: %s: %s", type(exc).__name__, exc)
        return self.tr("The ticket could not be issued. Please try again or ask at the desk.")

    def refuse(self, text: str) -> None:
        self.show_message(text, problem=True)
        self.announcer.announce(text)
        self.refused.emit(text)

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message_label.setProperty("problem", problem)
        if self.running:  # started (a test drives a stopped screen itself)
            self.idle_timer.start()
        self.message_label.setText(text)
        self._style_message()

    def say(self, text: str, *, show: bool = True) -> None:
        """Show ``text`` (unless ``show`` is False) and speak it."""
        if show:
            self.show_message(text)
        self.announcer.announce(text)

    def _set_busy(self, busy: bool) -> None:
        buttons = (*self.category_buttons, self.check_in_button)
        focus = self.focusWidget()
        if busy:
            # Disabling the pressed button moves the focus on (into the ID field, where the
            # next person's category letter would be typed as text): it comes back after.
            self._focus_back = focus if focus in buttons else None
        self.busy = busy
        for button in buttons:
            button.setEnabled(not busy)
        self.check_in_id_button.setEnabled(not busy and self.reading is not None)
        if not busy:
            back, self._focus_back = self._focus_back, None
            if back is not None and back in (*self.category_buttons, self.check_in_button):
                back.setFocus()

    # -- IT -----------------------------------------------------------------------------------

    def credential_restored(self, holder: kiosk.KioskCredentialHolder) -> None:
        """A new enrolment code was redeemed: tickets again."""
        self.holder = holder
        self.engine = kiosk.sync_engine(self.context, holder)
        self.revoked = False
        self.show_message(self.tr("The kiosk is enrolled again."))
        self.refresh()
        self.refresh_timer.start()
