"""The People tab: unlock a locked-out clerk; bad ratings with their follow-up deadline.

The follow-up note's dialog is the Designer form ``ui/follow_up_dialog.ui``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui.dashboard.widgets import (
    Freshness,
    cell,
    failure_text,
    fit_columns,
    role_names,
    table_view,
)
from clerk_app.gui.forms.ui_follow_up_dialog import Ui_FollowUpDialog
from clerk_app.gui.ops import Op

LOCKED = QBrush(QColor("#fde2e1"))
LATE = QBrush(QColor("#fde2e1"))
DONE = QBrush(QColor("#e6f4ea"))


class FollowUpDialog(QDialog):
    """Ask for the follow-up note of one bad rating (Ctrl+Enter records it)."""

    def __init__(self, rating: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The layout is ui/follow_up_dialog.ui; the code says which rating it is about.
        self.ui = u = Ui_FollowUpDialog()
        u.setupUi(self)
        u.aboutLabel.setText(
            self.tr("Case %1, score %2: %3")
            # a queue ticket's rating with no case (一次一评) names the ticket
            .replace("%1", str(rating.get("case_no") or rating.get("ticket")))
            .replace("%2", str(rating.get("score")))
            .replace("%3", str(rating.get("comment") or "—"))
        )
        self.note = u.noteEdit
        u.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setShortcut("Ctrl+Return")
        u.buttonBox.accepted.connect(self._accept)
        u.buttonBox.rejected.connect(self.reject)

    def _accept(self) -> None:
        if self.note.toPlainText().strip():
            self.accept()
        else:
            self.note.setFocus()


class PeopleTab(QWidget):
    """Users of the lead's department (unlock) and bad ratings (follow up)."""

    refreshed = Signal(bool)
    # A write (unlock, follow-up) finished: (ok, message for the status bar).
    acted = Signal(bool, str)

    def __init__(self, source: Any, clock: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleTab")
        self.source, self.clock = source, clock
        self.users: list[dict[str, Any]] = []
        self.ratings: list[dict[str, Any]] = []
        self.freshness = Freshness(self)

        self.users_box = QGroupBox()
        self.users_model = QStandardItemModel(0, 6, self)
        self.users_table = table_view(self)
        self.users_table.setObjectName("usersTable")
        self.users_table.setModel(self.users_model)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.unlock_selected)
        users_layout = QVBoxLayout(self.users_box)
        users_layout.addWidget(self.users_table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        users_layout.addLayout(row)

        self.ratings_box = QGroupBox()
        self.ratings_model = QStandardItemModel(0, 8, self)
        self.ratings_table = table_view(self)
        self.ratings_table.setObjectName("ratingsTable")
        self.ratings_table.setModel(self.ratings_model)
        self.ratings_table.activated.connect(lambda _i: self.ask_follow_up())
        self.open_only = QCheckBox()
        self.open_only.setObjectName("openOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _c: self.refresh())
        self.follow_up_button = QPushButton()
        self.follow_up_button.setObjectName("followUpButton")
        self.follow_up_button.clicked.connect(self.ask_follow_up)
        ratings_layout = QVBoxLayout(self.ratings_box)
        ratings_layout.addWidget(self.ratings_table)
        row = QHBoxLayout()
        row.addWidget(self.open_only)
        row.addStretch(1)
        row.addWidget(self.follow_up_button)
        ratings_layout.addLayout(row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.freshness)
        layout.addWidget(self.users_box, 2)
        layout.addWidget(self.ratings_box, 3)
        self.dialog: FollowUpDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.users_box.setTitle(self.tr("Users of my department"))
        self.ratings_box.setTitle(self.tr("Bad ratings to follow up"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setToolTip(self.tr("Unlock the selected user (Alt+U)"))
        self.follow_up_button.setText(self.tr("Rec&ord follow-up…"))
        self.follow_up_button.setToolTip(
            self.tr("Record the follow-up of the selected rating (Alt+O, or Enter on the row)")
        )
        self.open_only.setText(self.tr("Only those &not yet followed up"))
        self.users_model.setHorizontalHeaderLabels(
            [
                self.tr("User"),
                self.tr("Name"),
                self.tr("Roles"),
                self.tr("Window"),
                self.tr("Failed sign-ins"),
                self.tr("State"),
            ]
        )
        self.ratings_model.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Window"),
                self.tr("Clerk"),
                self.tr("Score"),
                self.tr("Comment"),
                self.tr("Rated"),
                self.tr("Follow up by"),
                self.tr("State"),
            ]
        )
        self.freshness.render()
        self._show()

    # -- queries ----------------------------------------------------------------------------

    def refresh(self) -> None:
        followed = False if self.open_only.isChecked() else None

        def load() -> tuple[dict[str, Any], dict[str, Any]]:
            return self.source.users(), self.source.bad_ratings(followed)

        Op(self, load).success(self._done).failure(self._failed).run()

    def _done(self, answers: tuple[dict[str, Any], dict[str, Any]]) -> None:
        users, ratings = answers
        self.users = list(users.get("items") or [])
        self.ratings = list(ratings.get("items") or [])
        self._show()
        self.freshness.fresh(self.clock.now())
        self.refreshed.emit(True)

    def _failed(self, exc: Exception) -> None:
        self.freshness.failed(exc)
        self.refreshed.emit(False)

    def _show(self) -> None:
        self.users_model.removeRows(0, self.users_model.rowCount())
        for user in self.users:
            locked = bool(user.get("locked"))
            cells = [
                QStandardItem(cell(user.get("username"))),
                QStandardItem(cell(user.get("display_name"))),
                QStandardItem(role_names(user.get("roles"))),
                QStandardItem(cell(user.get("window_code"))),
                QStandardItem(str(user.get("failed_sign_ins") or 0)),
                QStandardItem(self.tr("Locked out") if locked else self.tr("OK")),
            ]
            for item in cells:
                item.setEditable(False)
                if locked:
                    item.setBackground(LOCKED)
            self.users_model.appendRow(cells)
        self.ratings_model.removeRows(0, self.ratings_model.rowCount())
        for rating in self.ratings:
            if rating.get("followed_up_at"):
                state, brush = self.tr("Followed up"), DONE
            elif rating.get("overdue"):
                state, brush = self.tr("Deadline passed"), LATE
            else:
                state, brush = self.tr("Open"), None
            cells = [
                QStandardItem(cell(rating.get("case_no") or rating.get("ticket"))),
                QStandardItem(cell(rating.get("window_code"))),
                QStandardItem(cell(rating.get("clerk"))),
                QStandardItem(cell(rating.get("score"))),
                QStandardItem(cell(rating.get("comment"))),
                QStandardItem(str(rating.get("rated_at") or "")[:16].replace("T", " ")),
                QStandardItem(cell(rating.get("follow_up_due"))),
                QStandardItem(state),
            ]
            for item in cells:
                item.setEditable(False)
                if brush is not None:
                    item.setBackground(brush)
            self.ratings_model.appendRow(cells)
        fit_columns(self.users_table)
        fit_columns(self.ratings_table)

    # -- actions ----------------------------------------------------------------------------

    def selected_user(self) -> dict[str, Any] | None:
        index = self.users_table.currentIndex()
        return self.users[index.row()] if index.isValid() else None

    def selected_rating(self) -> dict[str, Any] | None:
        index = self.ratings_table.currentIndex()
        return self.ratings[index.row()] if index.isValid() else None

    def unlock_selected(self) -> None:
        user = self.selected_user()
        if user is None:
            self.acted.emit(False, self.tr("Choose a user first."))
            return
        name = str(user["username"])
        Op(self, lambda: self.source.unlock(name)).success(
            lambda _r: self._acted(self.tr("%1 is unlocked.").replace("%1", name))
        ).failure(self._act_failed).run()

    def ask_follow_up(self) -> None:
        rating = self.selected_rating()
        if rating is None:
            self.acted.emit(False, self.tr("Choose a rating first."))
            return
        if rating.get("followed_up_at"):
            self.acted.emit(False, self.tr("This rating has been followed up already."))
            return
        self.dialog = FollowUpDialog(rating, self)
        self.dialog.accepted.connect(
            lambda: self.record_follow_up(str(rating["id"]), self.dialog.note.toPlainText())
        )
        self.dialog.open()

    def record_follow_up(self, rating_id: str, note: str) -> None:
        """Send the follow-up note of a bad rating, then reload the lists."""
        Op(self, lambda: self.source.follow_up(rating_id, note.strip())).success(
            lambda _r: self._acted(self.tr("The follow-up is recorded."))
        ).failure(self._act_failed).run()

    def _acted(self, message: str) -> None:
        self.acted.emit(True, message)
        self.refresh()

    def _act_failed(self, exc: Exception) -> None:
        self.acted.emit(False, failure_text(exc))
