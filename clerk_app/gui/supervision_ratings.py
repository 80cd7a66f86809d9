"""The bad ratings (差评) on the supervisor's complaints tab (``gui.supervision``, issue 19):
the center's bad ratings, newest first, the comment with ID and mobile numbers masked.
Ctrl+B goes to the list; Alt+G raises a complaint from the selected rating — the intake
form is filled (channel "bad rating", about its window, the comment) and Ctrl+Return takes
it in with the rating's id, so the service links the rating's case, window and clerk.

Below the list, the filter: the first and last day rated (YYYY-MM-DD, blank for any), the
department (its code) and followed up or not; Enter in a field or another choice in the
follow-up box reloads the list narrowed (``GET /ratings/bad?rated_from=&rated_to=&
department=&followed_up=``); a day not understood is said in words and nothing is sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QTableWidget, QVBoxLayout, QWidget

from clerk_app.app import supervision
from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.supervision_dialogs import Calls, combo, fill, line, refusal_text


def follow_up_names() -> dict[str, str]:
    """The follow-up filter's choices (key: ``""`` any, ``"no"``, ``"yes"``)."""
    return {
        "": QCoreApplication.translate("Supervision", "Followed up or not"),
        "no": QCoreApplication.translate("Supervision", "Still to follow up"),
        "yes": QCoreApplication.translate("Supervision", "Followed up"),
    }


class BadRatingsBox(QGroupBox):
    """The center's bad ratings; :attr:`selected` is the one a complaint is raised from."""

    def __init__(
        self,
        context: Any,
        session: Any,
        say: Callable[[str], None],
        calls: Calls | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.calls = calls or Calls(self, say)
        self.context = context
        self.session = session
        self.say = say
        self.items: list[supervision.BadRating] = []
        self.setTitle(self.tr("Bad ratings (Ctrl+B; Alt+G raises a complaint)"))
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Bad ratings"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Rated"),
                self.tr("Window"),
                self.tr("Clerk"),
                self.tr("Case"),
                self.tr("Score"),
                self.tr("Comment"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setMaximumHeight(160)
        self.rated_from = line(self.tr("Rated from (day)"), self.tr("YYYY-MM-DD"))
        self.rated_to = line(self.tr("Rated to (day)"), self.tr("YYYY-MM-DD"))
        self.department = line(self.tr("Department of the window"), self.tr("e.g. GA"))
        self.followed_up = combo(follow_up_names(), self.tr("Followed up or not"))
        for edit in (self.rated_from, self.rated_to, self.department):
            edit.returnPressed.connect(self.load)
        self.followed_up.currentIndexChanged.connect(lambda _index: self.load())
        filters = QHBoxLayout()
        for label, field in (
            (self.tr("From"), self.rated_from),
            (self.tr("To"), self.rated_to),
            (self.tr("Department"), self.department),
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            filters.addWidget(caption)
            filters.addWidget(field)
        filters.addWidget(self.followed_up)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(filters)

    @property
    def selected(self) -> supervision.BadRating | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def wanted(self) -> supervision.RatingFilter:
        """The filter as typed (raises ``SupervisionRefused`` naming what is not understood)."""
        followed = {"yes": True, "no": False}.get(str(self.followed_up.currentData() or ""))
        return supervision.rating_filter(
            self.rated_from.text(), self.rated_to.text(), self.department.text(), followed
        )

    def load(self) -> None:
        """The bad ratings narrowed to the filter, newest first (the selection kept; off
        the GUI thread)."""
        try:
            wanted = self.wanted()
        except supervision.SupervisionRefused as refused:
            self.say(refusal_text(refused))
            return
        keep = self.selected.id if self.selected else None
        context, session = self.context, self.session
        self.calls.run(
            lambda: supervision.bad_ratings(context, session, wanted),
            lambda found: self._show(found, keep),
            gate=False,
        )

    def _show(self, found: list[supervision.BadRating], keep: str | None) -> None:
        self.items = found
        followed = QCoreApplication.translate("Supervision", " (followed up)")
        rows = [
            [
                r.rated_at.astimezone(CENTER_TZ).strftime("%m-%d %H:%M") if r.rated_at else "",
                r.window_code,
                r.clerk,
                r.case_no,
                f"{r.score}/5" + (followed if r.followed_up else ""),
                r.comment,
            ]
            for r in self.items
        ]
        fill(self.table, rows)
        ids = [r.id for r in self.items]
        if self.items:
            self.table.setCurrentCell(ids.index(keep) if keep in ids else 0, 0)
