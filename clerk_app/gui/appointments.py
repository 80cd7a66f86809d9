"""Appointments at the desk (预约, issue 18): Intake ▸ Appointments… (Ctrl+Shift+Y).

A clerk books a half-day place of a queue category for an applicant at the counter or on
the phone: the category (only those taking appointments, with their places per half-day),
the day and half-day (the center's next working days on the desk's calendar), the holder's
name, ID number (checked by the core before anything is sent) and phone; Enter in any of
these fields (or Alt+B) books. The appointment code is shown large enough to read out,
with the places left in the half-day; the fields are cleared and the holder shown masked
as the service keeps them. Below, an appointment is cancelled by its code and the holder's
ID number (Enter in either field, or Alt+C): its place is free again. Refusals (full,
closed, booked already, a wrong ID number, checked in already) are plain sentences. Nothing
is printed: the applicant notes the code (or hears it on the phone).

``install_appointments(window)`` adds the menu item to the window's Intake menu.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import appointments as ap
from clerk_app.gui import shortcuts
from clerk_app.gui.errors import error_message
from clerk_app.gui.issues import issue_text
from clerk_app.gui.ops import Op

KEY = "Ctrl+Shift+Y"
ERROR_COLOUR = "#b3261e"
OK_COLOUR = "#1b6e20"


def refusal_text(reason: str) -> str:
    """The sentence for an :class:`~clerk_app.app.appointments.AppointmentRefused` reason."""
    words = {
        "full": QCoreApplication.translate(
            "Appointments", "No place is left in that half-day: choose another."
        ),
        "closed": QCoreApplication.translate(
            "Appointments",
            "The center is closed then (not a working day, or that half-day is over), "
            "or this business takes no appointments.",
        ),
        "already-booked": QCoreApplication.translate(
            "Appointments",
            "This ID number has an appointment for this business on that day already.",
        ),
        "wrong-id": QCoreApplication.translate("Appointments", "The ID number is not valid."),
        "wrong-phone": QCoreApplication.translate(
            "Appointments", "The phone is not a mobile number."
        ),
        "no-name": QCoreApplication.translate("Appointments", "Type the applicant's name."),
        "not-found": QCoreApplication.translate(
            "Appointments",
            "No such appointment for this ID number: check the code and the ID card.",
        ),
        "checked-in": QCoreApplication.translate(
            "Appointments",
            "This appointment was checked in at the kiosk already: its ticket is in the queue.",
        ),
        "missed": QCoreApplication.translate(
            "Appointments", "This appointment's half-day is over."
        ),
        "cancelled": QCoreApplication.translate(
            "Appointments", "This appointment was cancelled already."
        ),
        "invalid": QCoreApplication.translate(
            "Appointments", "The center refused a field: check the entries."
        ),
        "no-token": QCoreApplication.translate(
            "Appointments", "Appointments need the connection to the center."
        ),
    }
    return words.get(reason, QCoreApplication.translate("Appointments", "The center refused this."))


class AppointmentsDialog(QDialog):
    """The desk's appointment dialog (see the module doc).

    Args:
        window: the desk's ``MainWindow`` (``context``, ``session``).

    Signals:
        booked(object): an appointment was booked (the ``Booked`` answer).
        cancelled(object): an appointment was cancelled (the ``Appointment``).
        refused(str): a refusal was shown (its sentence).
        loaded(): the categories arrived (or their refusal was shown).
    """

    booked = Signal(object)
    cancelled = Signal(object)
    refused = Signal(str)
    loaded = Signal()

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("appointmentsDialog")
        self.context, self.session = window.context, window.session
        self.categories: list[ap.QueueCategory] = []
        self.slots = ap.bookable_days(self.context, self.context.clock.now())
        layout = QVBoxLayout(self)

        self.book_box = QGroupBox(self)
        form = QFormLayout(self.book_box)
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("appointmentCategory")
        self.slot_combo = QComboBox(self)
        self.slot_combo.setObjectName("appointmentSlot")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("appointmentName")
        self.id_edit = QLineEdit(self)
        self.id_edit.setObjectName("appointmentIdNumber")
        self.id_edit.setMaxLength(20)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("appointmentPhone")
        self.phone_edit.setMaxLength(20)
        self.book_button = QPushButton(self)
        self.book_button.setObjectName("appointmentBookButton")
        self.labels = [QLabel(self) for _ in range(5)]
        for label, field in zip(
            self.labels,
            (self.category_combo, self.slot_combo, self.name_edit, self.id_edit, self.phone_edit),
            strict=True,
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.book_button)
        layout.addWidget(self.book_box)

        self.code_label = QLabel("—", self)
        self.code_label.setObjectName("appointmentCode")
        font = QFont(self.code_label.font())
        font.setPointSize(28)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("appointmentResult")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.code_label)
        layout.addWidget(self.result_label)

        self.cancel_box = QGroupBox(self)
        cancel_form = QFormLayout(self.cancel_box)
        self.cancel_code_edit = QLineEdit(self)
        self.cancel_code_edit.setObjectName("cancelCode")
        self.cancel_code_edit.setMaxLength(16)
        self.cancel_id_edit = QLineEdit(self)
        self.cancel_id_edit.setObjectName("cancelIdNumber")
        self.cancel_id_edit.setMaxLength(20)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("appointmentCancelButton")
        self.cancel_labels = [QLabel(self), QLabel(self)]
        for label, field in zip(
            self.cancel_labels, (self.cancel_code_edit, self.cancel_id_edit), strict=True
        ):
            label.setBuddy(field)
            cancel_form.addRow(label, field)
        cancel_form.addRow(self.cancel_button)
        layout.addWidget(self.cancel_box)

        self.message = QLabel(self)
        self.message.setObjectName("appointmentMessage")
        self.message.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setObjectName("appointmentHint")
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        for button in (self.book_button, self.cancel_button, *self.buttons.buttons()):
            if not isinstance(button, QPushButton):
                continue
            button.setAutoDefault(False)
            button.setDefault(False)
        for edit in (self.name_edit, self.id_edit, self.phone_edit):
            edit.returnPressed.connect(self.book)
        for edit in (self.cancel_code_edit, self.cancel_id_edit):
            edit.returnPressed.connect(self.cancel)
        self.book_button.clicked.connect(self.book)
        self.cancel_button.clicked.connect(self.cancel)
        self.category_combo.currentIndexChanged.connect(lambda _i: self._show_capacity())
        self.busy = False
        self.doing = ""
        self.retranslate()
        self.resize(560, 640)

    # -- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Appointments"))
        self.book_box.setTitle(self.tr("Book an appointment"))
        self.cancel_box.setTitle(self.tr("Cancel an appointment"))
        texts = (
            self.tr("B&usiness:"),
            self.tr("&Day:"),
            self.tr("&Name:"),
            self.tr("&ID number:"),
            self.tr("&Phone:"),
        )
        fields = (self.category_combo, self.slot_combo, self.name_edit, self.id_edit)
        for label, text, field in zip(self.labels, texts, (*fields, self.phone_edit), strict=True):
            label.setText(text)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        cancel_texts = (self.tr("Appointment c&ode:"), self.tr("ID number of the &holder:"))
        for label, text, field in zip(
            self.cancel_labels,
            cancel_texts,
            (self.cancel_code_edit, self.cancel_id_edit),
            strict=True,
        ):
            label.setText(text)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.book_button.setText(self.tr("&Book"))
        self.cancel_button.setText(self.tr("&Cancel the appointment"))
        self.code_label.setAccessibleName(self.tr("Appointment code"))
        self.hint.setText(
            self.tr(
                "Enter in the booking fields books (Alt+B); Enter in the cancel fields "
                "cancels (Alt+C). Esc closes."
            )
        )
        self._fill_slots()

    def _slot_text(self, slot: ap.HalfDay) -> str:
        weekdays = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        half = (
            self.tr("morning 9:00–12:00") if slot.half == "am" else self.tr("afternoon 13:00–17:00")
        )
        return f"{slot.day.isoformat()} {weekdays[slot.day.weekday()]} {half}"

    def _fill_slots(self) -> None:
        current = self.slot_combo.currentIndex()
        self.slot_combo.clear()
        for slot in self.slots:
            self.slot_combo.addItem(self._slot_text(slot), slot)
        self.slot_combo.setCurrentIndex(max(current, 0) if self.slots else -1)

    def _show_capacity(self) -> None:
        category = self.current_category()
        if category is not None:
            self.result_label.setText(
                self.tr("%1: %2 places per half-day.")
                .replace("%1", category.name)
                .replace("%2", str(category.slot_capacity))
            )

    def say(self, text: str, ok: bool = False) -> None:
        colour = OK_COLOUR if ok else ERROR_COLOUR
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)
        if not ok:
            self.refused.emit(text)

    # -- work ---------------------------------------------------------------------------

    def load(self) -> None:
        """Ask the service for the categories that take appointments."""
        context, session = self.context, self.session
        Op(self, lambda: ap.categories(context, session)).success(self.show_categories).failure(
            self._failed_load
        ).run()

    def show_categories(self, categories: list[ap.QueueCategory]) -> None:
        self.categories = categories
        self.category_combo.clear()
        for category in categories:
            self.category_combo.addItem(f"{category.prefix}  {category.name}", category.code)
        if not categories:
            self.say(self.tr("No business of the hall takes appointments."))
        self._show_capacity()
        self.loaded.emit()

    def _failed_load(self, exc: Exception) -> None:
        self._failed(exc)
        self.loaded.emit()

    def current_category(self) -> ap.QueueCategory | None:
        index = self.category_combo.currentIndex()
        return self.categories[index] if 0 <= index < len(self.categories) else None

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.book_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def book(self) -> None:
        category = self.current_category()
        slot = self.slot_combo.currentData()
        if self.busy or category is None or slot is None:
            return
        context, session = self.context, self.session
        name, number, phone = self.name_edit.text(), self.id_edit.text(), self.phone_edit.text()

        def work() -> ap.Booked:
            return ap.book(
                context,
                session,
                category=category.code,
                slot=slot,
                name=name,
                id_number=number,
                phone=phone,
            )

        self.say("", ok=True)
        self.doing = "book"
        Op(self, work).busy(self._set_busy).success(self._booked).failure(self._failed).run()

    def _booked(self, answer: ap.Booked) -> None:
        appointment = answer.appointment
        for edit in (self.name_edit, self.id_edit, self.phone_edit):
            edit.clear()  # what stays on screen is masked, as the service keeps it
        self.code_label.setText(appointment.code)
        slot = ap.HalfDay(date.fromisoformat(appointment.day), appointment.half)
        lines = [
            self.tr("Booked: %1, %2.")
            .replace("%1", self._slot_text(slot))
            .replace("%2", appointment.holder),
            self.tr("Places left in that half-day: %1.").replace("%1", str(answer.places_left)),
        ]
        if appointment.phone:
            lines.append(self.tr("Phone: %1").replace("%1", appointment.phone))
        if answer.no_shows:
            lines.append(
                self.tr("This applicant missed %1 earlier appointments.").replace(
                    "%1", str(answer.no_shows)
                )
            )
        self.result_label.setText("\n".join(lines))
        self.say(
            self.tr("Read the code out to the applicant: %1").replace("%1", appointment.code),
            ok=True,
        )
        self.name_edit.setFocus()
        self.booked.emit(answer)

    def cancel(self) -> None:
        if self.busy:
            return
        context, session = self.context, self.session
        code, number = self.cancel_code_edit.text(), self.cancel_id_edit.text()
        self.say("", ok=True)
        self.doing = "cancel"
        Op(self, lambda: ap.cancel(context, session, code, number)).busy(self._set_busy).success(
            self._cancelled
        ).failure(self._failed).run()

    def _cancelled(self, appointment: ap.Appointment) -> None:
        self.cancel_code_edit.clear()
        self.cancel_id_edit.clear()
        self.say(
            self.tr("Appointment %1 is cancelled: its place is free again.").replace(
                "%1", appointment.code
            ),
            ok=True,
        )
        self.cancelled.emit(appointment)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ap.AppointmentRefused):
            text = refusal_text(exc.reason)
            if exc.issues:
                text = f"{text} {issue_text(exc.issues[0])}"
            self.say(text)
            wrong_id = self.id_edit if self.doing == "book" else self.cancel_id_edit
            field = {"wrong-id": wrong_id, "wrong-phone": self.phone_edit}.get(exc.reason)
            if field is not None:
                field.setFocus()
                field.selectAll()
            return
        self.say(error_message(exc))


class AppointmentsController:
    """The menu item and the dialog it opens (one at a time)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.last_dialog: AppointmentsDialog | None = None
        self.action = QAction(window)
        self.action.setObjectName("appointmentsAction")
        self.action.setShortcut(QKeySequence(KEY))
        self.action.triggered.connect(self.show_dialog)
        window.addAction(self.action)
        window.intake_menu.addAction(self.action)
        self.action.setText(QCoreApplication.translate("Appointments", "Appoint&ments…"))
        shortcuts.describe(self.action, window.intake_menu)

    def show_dialog(self) -> AppointmentsDialog:
        dialog = AppointmentsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        dialog.category_combo.setFocus()
        dialog.load()
        return dialog


def install_appointments(window: Any) -> AppointmentsController:
    """Add "Appointments…" (Ctrl+Shift+Y) to the window's Intake menu."""
    return AppointmentsController(window)
