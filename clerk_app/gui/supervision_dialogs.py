"""Parts of the supervisor's screen (``gui.supervision``, issue 19): the words of the
complaint's values and of the service's refusals, the complaint intake form and the tab of
warning cards (红牌/黄牌) and model windows (样板窗口)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import supervision
from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op


def channel_names() -> dict[str, str]:
    return {
        "in_person": QCoreApplication.translate("Supervision", "In person"),
        "phone": QCoreApplication.translate("Supervision", "Phone"),
        "letter": QCoreApplication.translate("Supervision", "Letter"),
        "website": QCoreApplication.translate("Supervision", "Website"),
        "hotline": QCoreApplication.translate("Supervision", "12345 hotline"),
        "rating": QCoreApplication.translate("Supervision", "Bad rating"),
    }


def about_names() -> dict[str, str]:
    return {
        "window": QCoreApplication.translate("Supervision", "Window"),
        "department": QCoreApplication.translate("Supervision", "Department"),
        "clerk": QCoreApplication.translate("Supervision", "Clerk"),
        "case": QCoreApplication.translate("Supervision", "Case"),
        "hall": QCoreApplication.translate("Supervision", "The hall"),
    }


def category_names() -> dict[str, str]:
    return {
        "attitude": QCoreApplication.translate("Supervision", "Attitude"),
        "delay": QCoreApplication.translate("Supervision", "Delay beyond the promise"),
        "extra_materials": QCoreApplication.translate(
            "Supervision", "Materials not in the disclosure"
        ),
        "fees": QCoreApplication.translate("Supervision", "Fees"),
        "misconduct": QCoreApplication.translate("Supervision", "Misconduct"),
        "other": QCoreApplication.translate("Supervision", "Other"),
    }


def status_names() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Supervision", "Open"),
        "assigned": QCoreApplication.translate("Supervision", "Assigned"),
        "answered": QCoreApplication.translate("Supervision", "Answered"),
        "called_back": QCoreApplication.translate("Supervision", "Called back"),
        "closed": QCoreApplication.translate("Supervision", "Closed"),
        "reopened": QCoreApplication.translate("Supervision", "Reopened"),
    }


def satisfaction_names() -> dict[str, str]:
    return {
        "satisfied": QCoreApplication.translate("Supervision", "Satisfied"),
        "basically_satisfied": QCoreApplication.translate("Supervision", "Basically satisfied"),
        "dissatisfied": QCoreApplication.translate("Supervision", "Dissatisfied"),
    }


def _field_names() -> dict[str, str]:
    return {
        "complainant_name": QCoreApplication.translate(
            "Supervision", "the complainant's name (or tick anonymous)"
        ),
        "about_window": QCoreApplication.translate("Supervision", "the window"),
        "about_department": QCoreApplication.translate("Supervision", "the department"),
        "about_clerk": QCoreApplication.translate("Supervision", "the clerk's user name"),
        "about_case_no": QCoreApplication.translate("Supervision", "the case number"),
        "account": QCoreApplication.translate("Supervision", "the account"),
        "department_code": QCoreApplication.translate("Supervision", "the department"),
        "note": QCoreApplication.translate("Supervision", "the note saying why"),
        "target_code": QCoreApplication.translate("Supervision", "the window or department"),
        "reason": QCoreApplication.translate("Supervision", "the reason"),
        "window_code": QCoreApplication.translate("Supervision", "the window"),
        "month": QCoreApplication.translate("Supervision", "the month (YYYY-MM)"),
        "links": QCoreApplication.translate("Supervision", "the linked numbers"),
        "period": QCoreApplication.translate("Supervision", "the period (YYYY-MM or YYYY-Wnn)"),
        "answer_due_at": QCoreApplication.translate(
            "Supervision", "the new deadline (a later YYYY-MM-DD HH:MM)"
        ),
        "rating_id": QCoreApplication.translate("Supervision", "the bad rating"),
        "rated_from": QCoreApplication.translate(
            "Supervision", "the first day rated (YYYY-MM-DD, not after the last)"
        ),
        "rated_to": QCoreApplication.translate("Supervision", "the last day rated (YYYY-MM-DD)"),
        "department": QCoreApplication.translate("Supervision", "the department's code"),
    }


def refusal_text(refused: BaseException) -> str:
    """What to tell the supervisor about a refusal (never the service's own words)."""
    if not isinstance(refused, supervision.SupervisionRefused):
        return error_message(refused)
    if refused.code == "invalid":
        names = _field_names()
        said = [names.get(f, f) for f in dict.fromkeys(refused.fields) if f]
        if not said:
            return QCoreApplication.translate(
                "Supervision", "Something entered is not accepted: check the fields."
            )
        return QCoreApplication.translate(
            "Supervision", "Check %1: it is missing or unknown."
        ).replace("%1", QCoreApplication.translate("Supervision", "; ").join(said))
    return {
        "not_found": QCoreApplication.translate(
            "Supervision", "That complaint is not there (or not yours to see)."
        ),
        "forbidden": QCoreApplication.translate("Supervision", "Your account may not do this."),
        "complaint_closed": QCoreApplication.translate(
            "Supervision", "The complaint is closed: reopen it first."
        ),
        "complaint_state": QCoreApplication.translate(
            "Supervision", "The complaint is not at a step where this is done."
        ),
        "no_contact": QCoreApplication.translate(
            "Supervision", "The complainant left no contact to call back: close it instead."
        ),
        "reopened_once": QCoreApplication.translate(
            "Supervision", "A complaint is reopened once only."
        ),
        "already_model_window": QCoreApplication.translate(
            "Supervision", "That window is the month's model window already."
        ),
        "order_not_found": QCoreApplication.translate(
            "Supervision", "That work order is not there (or not the center's)."
        ),
        "illegal_transition": QCoreApplication.translate(
            "Supervision", "The work order is not at a step where this is done."
        ),
    }.get(
        refused.code, QCoreApplication.translate("Supervision", "The records service refused this.")
    )


class Calls:
    """The screen's calls to the service, off the GUI thread (``gui.ops.Op``): ``done``
    gets the result on the GUI thread, a failure is said in words through ``say``.

    :attr:`busy` while any call runs; a step (``gate``) is not started while another call
    runs (the person is told to wait), a read alongside is.
    """

    def __init__(self, parent: QWidget, say: Callable[[str], None]) -> None:
        self.parent = parent
        self.say = say
        self.running = 0

    @property
    def busy(self) -> bool:
        return self.running > 0

    def _count(self, started: bool) -> None:
        self.running += 1 if started else -1

    def run(self, fn: Callable[[], Any], done: Callable[[Any], None], *, gate: bool = True) -> bool:
        """Start ``fn``; False (nothing started) if ``gate`` and a call is running."""
        if gate and self.running:
            self.say(
                QCoreApplication.translate(
                    "Supervision", "Wait: the last request is still being sent."
                )
            )
            return False

        def failed(exc: Exception) -> None:
            self.say(refusal_text(exc))

        Op(self.parent, fn).busy(self._count).success(done).failure(failed).run()
        return True


def combo(values: dict[str, str], name: str) -> QComboBox:
    """A combo box of ``values`` (key → words), the key as each entry's data."""
    box = QComboBox()
    box.setAccessibleName(name)
    for key, text in values.items():
        box.addItem(text, key)
    return box


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text or "—"))  # an empty cell has no name
    table.resizeColumnsToContents()


def line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class ComplaintForm(QGroupBox):
    """Taking in a complaint: channel, complainant or anonymous, what it is about, category
    and the account (the account field moves on with Tab; Ctrl+Return takes it in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Take in a complaint (Ctrl+N; Ctrl+Return takes it in)"))
        self.channel = combo(channel_names(), self.tr("Channel"))
        self.anonymous = QCheckBox(self.tr("Anonymous"))
        self.name = line(self.tr("Complainant"))
        self.contact = line(self.tr("Contact"), self.tr("phone, for the call-back"))
        self.about_kind = combo(about_names(), self.tr("About"))
        self.about = line(self.tr("Window, department, clerk or case"), self.tr("e.g. W01"))
        self.category = combo(category_names(), self.tr("Category"))
        self.account = QPlainTextEdit()
        self.account.setAccessibleName(self.tr("Account"))
        self.account.setTabChangesFocus(True)
        self.account.setFixedHeight(60)
        self.rating_id = ""  # raised from a bad rating (Alt+G)
        #: One Idempotency-Key per complaint as typed: a retry after a lost answer sends the
        #: same key (the service answers with the complaint it took); an edited form, a new one.
        self._sent: supervision.NewComplaint | None = None
        self.from_rating = QLabel()
        self.from_rating.setWordWrap(True)
        self.from_rating.setAccessibleName(self.tr("Raised from a bad rating"))
        self.anonymous.toggled.connect(lambda on: self.name.setEnabled(not on))
        self.about_kind.currentIndexChanged.connect(
            lambda _i: self.about.setEnabled(self.about_kind.currentData() != "hall")
        )
        form = QFormLayout(self)
        who = QHBoxLayout()
        who.addWidget(self.name)
        who.addWidget(self.anonymous)
        about = QHBoxLayout()
        about.addWidget(self.about_kind)
        about.addWidget(self.about)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Complainant"), who)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("About"), about)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.from_rating)
        chain: tuple[QWidget, ...] = (
            self.channel, self.name, self.anonymous, self.contact,
            self.about_kind, self.about, self.category, self.account,
        )  # fmt: skip
        for first, then in pairwise(chain):
            QWidget.setTabOrder(first, then)

    def value(self) -> supervision.NewComplaint:
        typed = self._typed()
        if self._sent is None or dataclasses.replace(self._sent, key="") != typed:
            self._sent = dataclasses.replace(typed, key=str(uuid.uuid4()))
        return self._sent

    def _typed(self) -> supervision.NewComplaint:
        return supervision.NewComplaint(
            channel=str(self.channel.currentData()),
            anonymous=self.anonymous.isChecked(),
            complainant_name=self.name.text(),
            complainant_contact=self.contact.text(),
            about_kind=str(self.about_kind.currentData()),
            about=self.about.text(),
            category=str(self.category.currentData()),
            account=self.account.toPlainText(),
            rating_id=self.rating_id if self.channel.currentData() == "rating" else "",
        )

    def raise_from(self, rating: supervision.BadRating) -> None:
        """Fill the form from a bad rating: channel 'bad rating', anonymous (the applicant
        rated at the pad), about its window; the account starts with the comment."""
        self.clear()
        self.rating_id = rating.id
        self.channel.setCurrentIndex(self.channel.findData("rating"))
        self.anonymous.setChecked(True)
        self.about_kind.setCurrentIndex(self.about_kind.findData("window"))
        self.about.setText(rating.window_code)
        self.account.setPlainText(
            self.tr("Rated %1 of 5: %2")
            .replace("%1", str(rating.score))
            .replace("%2", rating.comment)
        )
        self.from_rating.setText(
            self.tr("From the bad rating of %1 at %2 (case %3)")
            .replace(
                "%1",
                rating.rated_at.astimezone(CENTER_TZ).strftime("%Y-%m-%d %H:%M")
                if rating.rated_at
                else "",
            )
            .replace("%2", rating.window_code)
            .replace("%3", rating.case_no or "—")
        )

    def clear(self) -> None:
        for edit in (self.name, self.contact, self.about):
            edit.clear()
        self.account.clear()
        self.anonymous.setChecked(False)
        self.rating_id = ""
        self.from_rating.clear()
        self._sent = None


class CardsTab(QWidget):
    """Warning cards (Alt+I issues one) and model windows (Alt+M designates one), each with
    its list; ``say`` shows a message on the screen."""

    def __init__(
        self, context: Any, session: Any, say: Callable[[str], None], calls: Calls | None = None
    ) -> None:
        super().__init__()
        self.context, self.session, self.say = context, session, say
        self.calls = calls or Calls(self, say)
        self.colour = combo({"yellow": self.tr("Yellow card"), "red": self.tr("Red card")},
                            self.tr("Card"))  # fmt: skip
        self.target_kind = combo(
            {"window": self.tr("Window"), "department": self.tr("Department")}, self.tr("To")
        )
        self.target = line(self.tr("Window or department code"), self.tr("e.g. W01"))
        self.reason = line(self.tr("Reason"))
        self.cases = line(self.tr("Cases"), self.tr("case numbers, comma-separated"))
        self.complaints = line(self.tr("Complaints"), self.tr("complaint numbers"))
        self.ratings = line(self.tr("Ratings"), self.tr("rating ids"))
        self.month = line(self.tr("Month"), "YYYY-MM")
        self.month.setText(supervision.periods(context)[0])
        self.window_code = line(self.tr("Model window"), self.tr("e.g. W01"))
        self.model_reason = line(self.tr("What it did well"))
        self.card_table = QTableWidget(0, 5)
        self.card_table.setAccessibleName(self.tr("Cards"))
        self.card_table.setHorizontalHeaderLabels(
            [self.tr("Issued"), self.tr("Card"), self.tr("To"), self.tr("Reason"), self.tr("By")]
        )
        self.model_table = QTableWidget(0, 3)
        self.model_table.setAccessibleName(self.tr("Model windows"))
        self.model_table.setHorizontalHeaderLabels(
            [self.tr("Month"), self.tr("Window"), self.tr("What it did well")]
        )
        for table in (self.card_table, self.model_table):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setTabKeyNavigation(False)  # Tab leaves the list, the arrows move in it
        card = QGroupBox(self.tr("Warning card (Alt+I issues it)"))
        form = QFormLayout(card)
        kind = QHBoxLayout()
        kind.addWidget(self.colour)
        kind.addWidget(self.target_kind)
        kind.addWidget(self.target)
        form.addRow(self.tr("Card"), kind)
        form.addRow(self.tr("Reason"), self.reason)
        links = QHBoxLayout()
        for edit in (self.cases, self.complaints, self.ratings):
            links.addWidget(edit)
        form.addRow(self.tr("Behind it"), links)
        model = QGroupBox(self.tr("Model window of the month (Alt+M designates it)"))
        model_form = QFormLayout(model)
        model_form.addRow(self.tr("Month"), self.month)
        model_form.addRow(self.tr("Window"), self.window_code)
        model_form.addRow(self.tr("What it did well"), self.model_reason)
        layout = QVBoxLayout(self)
        layout.addWidget(card)
        layout.addWidget(self.card_table)
        layout.addWidget(model)
        layout.addWidget(self.model_table)
        layout.addWidget(QLabel(self.tr("Alt+I: issue the card   Alt+M: designate   F5: reload")))

    def load(self) -> None:
        """The cards and model windows (off the GUI thread)."""
        context, session = self.context, self.session
        self.calls.run(
            lambda: (
                supervision.cards(context, session),
                supervision.model_windows(context, session),
            ),
            lambda found: self._show(*found),
            gate=False,
        )

    def _show(self, cards: list[dict[str, Any]], models: list[dict[str, Any]]) -> None:
        colours = {"red": self.tr("Red card"), "yellow": self.tr("Yellow card")}
        fill(
            self.card_table,
            [
                [
                    str(c.get("issued_at", ""))[:10],
                    colours.get(str(c.get("colour")), str(c.get("colour"))),
                    str(c.get("target_code", "")),
                    str(c.get("reason", "")),
                    str(c.get("by", "")),
                ]
                for c in cards
            ],
        )
        fill(
            self.model_table,
            [
                [str(m.get("month")), str(m.get("window_code")), str(m.get("reason"))]
                for m in models
            ],
        )

    def issue(self) -> None:
        """Alt+I: the card as filled in."""
        fields = {
            "colour": str(self.colour.currentData()),
            "target_kind": str(self.target_kind.currentData()),
            "target_code": self.target.text(),
            "reason": self.reason.text(),
            "cases": self.cases.text(),
            "complaints": self.complaints.text(),
            "ratings": self.ratings.text(),
        }
        context, session = self.context, self.session

        def issued(card: dict[str, Any]) -> None:
            for edit in (self.target, self.reason, self.cases, self.complaints, self.ratings):
                edit.clear()
            self.say(self.tr("Card issued to %1.").replace("%1", str(card.get("target_code"))))
            self.load()

        self.calls.run(lambda: supervision.issue_card(context, session, **fields), issued)

    def designate(self) -> None:
        """Alt+M: the month's model window as filled in."""
        values = (self.month.text(), self.window_code.text(), self.model_reason.text())
        context, session = self.context, self.session

        def designated(done: dict[str, Any]) -> None:
            self.window_code.clear()
            self.model_reason.clear()
            self.say(
                self.tr("%1 is the model window of %2.")
                .replace("%1", str(done.get("window_code")))
                .replace("%2", str(done.get("month")))
            )
            self.load()

        self.calls.run(
            lambda: supervision.designate_model_window(context, session, *values), designated
        )
