"""网上待接件 at the window (issue 19): the department's online pre-submissions, their
pre-review by keyboard and the take-in that fills the intake form.

Intake menu → "Online pre-submissions…" (Ctrl+Shift+O) opens the list (oldest first). On
a row: F2 accept (the applicant brings the originals), Shift+F2 accept online (全程网办),
F3 the one-time supplement notice and F4 reject — both with the text typed in the note
field below the list (Tab) —, F5 refresh, Enter take in: the intake form opens filled from
the pre-submission (the state a parked intake is resumed from, ``app.presubmissions.
intake_state``); the clerk checks the originals and accepts as usual, and the case is made
on the service under the pre-submission's number (``app.presubmissions.take_in``, through
the window's take-in hook). A package's (一件事) opens its joint intake instead, filled
from it (applicant, the uploaded combined materials ticked); Ctrl+Return there numbers the
parts (the database writer), makes the joint case on the service under the
pre-submission's number (a worker; the same built joint case is sent again after a lost
answer, so it is made once) and stores it (the writer). One call to the service at a
time: a key pressed while one runs (:attr:`PresubmissionsDialog.busy`) sends nothing and
is told to wait.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import presubmissions as ps
from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.ops import Op, show_error

#: Column headers (translated in :meth:`PresubmissionsDialog.retranslate`).
COLUMNS = 5


def status_text(status: str) -> str:
    """The clerk's word for a pre-submission's status."""
    words = {
        "submitted": QCoreApplication.translate("Presubmissions", "Waiting for pre-review"),
        "accepted": QCoreApplication.translate("Presubmissions", "Accepted: bring originals"),
        "online_accepted": QCoreApplication.translate(
            "Presubmissions", "Accepted online (全程网办)"
        ),
        "supplement": QCoreApplication.translate("Presubmissions", "Supplement asked for"),
        "taken_in": QCoreApplication.translate("Presubmissions", "Taken in"),
        "rejected": QCoreApplication.translate("Presubmissions", "Rejected"),
    }
    return words.get(status, status)


def refusal_text(reason: str) -> str:
    """What the clerk is told when the service refuses (``PresubmissionRefused.reason``)."""
    words = {
        "not-found": QCoreApplication.translate(
            "Presubmissions", "This pre-submission is not your department's, or is gone."
        ),
        "not-reviewable": QCoreApplication.translate(
            "Presubmissions", "This pre-submission is not waiting for a pre-review."
        ),
        "supplement-used": QCoreApplication.translate(
            "Presubmissions", "The one-time supplement notice was given: accept or reject it."
        ),
        "needs-visit": QCoreApplication.translate(
            "Presubmissions", "This item needs a visit: it cannot be done fully online."
        ),
        "invalid": QCoreApplication.translate(
            "Presubmissions", "Type the notice or the reason in the note field first."
        ),
        "awaiting-supplement": QCoreApplication.translate(
            "Presubmissions", "The applicant's supplement is awaited: it cannot be taken in."
        ),
        "taken-in": QCoreApplication.translate(
            "Presubmissions", "This pre-submission was taken in already."
        ),
        "rejected": QCoreApplication.translate(
            "Presubmissions", "This pre-submission was rejected: it cannot be taken in."
        ),
        "package": QCoreApplication.translate(
            "Presubmissions", "A package is taken in as a joint case at its window."
        ),
        "package-unknown": QCoreApplication.translate(
            "Presubmissions", "This package is not in the desk's catalog: update the catalog."
        ),
        "no-token": QCoreApplication.translate(
            "Presubmissions", "Online pre-submissions need the connection to the center."
        ),
    }
    return words.get(
        reason, QCoreApplication.translate("Presubmissions", "The center refused this.")
    )


class PresubmissionsDialog(QDialog):
    """The list, its pre-review keys and Enter to take in (see the module doc).

    Args:
        controller: the window's :class:`PresubmissionController`.
    """

    def __init__(self, controller: PresubmissionController, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presubmissionsDialog")
        self.controller = controller
        self.items: list[ps.Presubmission] = []
        #: The pre-submission to take in (set when Enter closes the dialog).
        self.chosen: ps.Presubmission | None = None
        #: A call to the service is running (the list or a pre-review).
        self.busy = False
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("presubmissionTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the note
        self.table.activated.connect(lambda _index: self.take_in())
        self.table.currentCellChanged.connect(lambda *_: self._show_detail())
        self.detail = QLabel(self)
        self.detail.setObjectName("presubmissionDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("presubmissionNote")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.message = QLabel(self)
        self.message.setObjectName("presubmissionMessage")
        self.message.setWordWrap(True)
        self.keys = QLabel(self)
        self.keys.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter on a row takes it in; Close must not be the default Enter also presses.
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        for widget in (self.table, self.detail, self.note, self.message, self.keys, buttons):
            layout.addWidget(widget)
        self.actions_by_name: dict[str, QAction] = {}
        for name, key, slot in (
            ("accept", "F2", lambda: self.review("accept")),
            ("accept_online", "Shift+F2", lambda: self.review("accept_online")),
            ("supplement", "F3", lambda: self.review("supplement")),
            ("reject", "F4", lambda: self.review("reject")),
            ("refresh", "F5", self.refresh),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action
        self.retranslate()
        self.resize(820, 520)

    def retranslate(self) -> None:
        self.setWindowTitle(
            QCoreApplication.translate("Presubmissions", "Online pre-submissions (网上待接件)")
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Presubmissions", "Number"),
                QCoreApplication.translate("Presubmissions", "Applicant"),
                QCoreApplication.translate("Presubmissions", "Item"),
                QCoreApplication.translate("Presubmissions", "Status"),
                QCoreApplication.translate("Presubmissions", "Submitted"),
            ]
        )
        self.table.setAccessibleName(
            QCoreApplication.translate("Presubmissions", "Online pre-submissions")
        )
        self.note.setAccessibleName(
            QCoreApplication.translate("Presubmissions", "Supplement notice or reason")
        )
        self.note.setPlaceholderText(
            QCoreApplication.translate(
                "Presubmissions", "Supplement notice (F3) or reason to reject (F4)"
            )
        )
        self.keys.setText(
            QCoreApplication.translate(
                "Presubmissions",
                "Enter take in · F2 accept · Shift+F2 accept online · F3 supplement · F4 reject",
            )
        )

    def set_busy(self, busy: bool) -> None:
        """While a call runs, its keys send nothing more (see the module doc)."""
        self.busy = busy

    def wait(self) -> None:
        self.message.setText(
            QCoreApplication.translate(
                "Presubmissions", "Wait: the last request is still being sent."
            )
        )

    # -- the list ----------------------------------------------------------------------

    def current(self) -> ps.Presubmission | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def show_items(self, items: list[ps.Presubmission], keep: str = "") -> None:
        """Fill the table (``keep``: the number to stay on)."""
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            submitted = item.created_at.astimezone(CENTER_TZ).strftime("%m-%d %H:%M")
            cells = (
                item.no,
                item.applicant_masked,
                item.item_name or item.item_code or item.package_code,
                status_text(item.status),
                submitted,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        rows = [n for n, item in enumerate(self.items) if item.no == keep] or [0]
        if self.items:
            self.table.setCurrentCell(rows[0], 0)
        self.table.setFocus()
        if not self.items:
            self.message.setText(
                QCoreApplication.translate("Presubmissions", "No online pre-submission is waiting.")
            )
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.current()
        if item is None:
            self.detail.clear()
            return
        files = "、".join(m.name for m in item.materials) or QCoreApplication.translate(
            "Presubmissions", "none"
        )
        lines = [
            QCoreApplication.translate("Presubmissions", "Uploaded materials: %1").replace(
                "%1", files
            ),
            *[f"{key}：{value}" for key, value in item.form_data.items()],
        ]
        if item.supplement_text:
            lines.append(
                QCoreApplication.translate("Presubmissions", "Supplement notice given: %1").replace(
                    "%1", item.supplement_text
                )
            )
        self.detail.setText("\n".join(lines))

    def refresh(self) -> None:
        keep = self.current().no if self.current() is not None else ""
        self.controller.load(self, keep)

    # -- the keys ------------------------------------------------------------------------

    def review(self, decision: str) -> None:
        item = self.current()
        if item is None:
            return
        text = self.note.toPlainText().strip()
        if decision in ("supplement", "reject") and not text:
            self.message.setText(refusal_text("invalid"))
            self.note.setFocus()
            return
        self.controller.review(self, item, decision, text)

    def reviewed(self, item: ps.Presubmission) -> None:
        self.note.clear()
        self.message.setText(
            QCoreApplication.translate("Presubmissions", "%1: %2")
            .replace("%1", item.no)
            .replace("%2", status_text(item.status))
        )
        self.refresh()

    def refused(self, exc: Exception) -> None:
        if isinstance(exc, ps.PresubmissionRefused):
            self.message.setText(refusal_text(exc.reason))
            return
        show_error(self, exc)

    def take_in(self) -> None:
        if self.busy:  # the list or a pre-review is on its way: the row may change
            self.wait()
            return
        item = self.current()
        if item is None:
            return
        if item.status not in ("accepted", "online_accepted", "submitted"):
            self.message.setText(refusal_text("awaiting-supplement"))
            return
        self.chosen = item
        self.accept()


class PresubmissionController:
    """The Intake menu's "Online pre-submissions…" and the window's take-in hook.

    Args:
        window: the ``MainWindow`` (``context``, ``session``, ``intake``, ``intake_menu``,
            ``catalog_pane``, ``choose_item``; its accept asks ``take_in_first``).
    """

    def __init__(self, window: Any) -> None:
        self.window = window
        self.last_dialog: PresubmissionsDialog | None = None
        #: The pre-submission the intake form was filled from (its take-in makes the case).
        self.active: ps.Presubmission | None = None
        #: A package's joint case built and sent whose answer did not come: (number,
        #: draft, joint case); sent again as it is when the same draft is accepted again.
        self.unanswered: tuple[str, Any, Any] | None = None
        self.action = QAction(window)
        self.action.setObjectName("presubmissionsAction")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.action.triggered.connect(self.show_list)
        window.addAction(self.action)
        window.intake_menu.addAction(self.action)
        self.action.setText(
            QCoreApplication.translate("Presubmissions", "&Online pre-submissions…")
        )
        window.take_in_first = self.take_in_first

    def take_in_first(self, draft: Any, item: Any) -> Callable[[], Any] | None:
        """The window's accept, when the form holds the pre-submission it was filled from
        (GUI thread): the service call, to run on a worker; it returns the short job that
        stores the case the service made, for the database writer. None for any other
        intake (the window's usual take-in on the writer)."""
        active = self.active
        if active is None or not self._matches(active, draft):
            return None
        context, session = self.window.context, self.window.session

        def on_worker() -> Callable[[], Any]:
            made = ps.make_case(context, session, active, draft, item)

            def on_writer() -> Any:
                taken = ps.store_case(context, session, made, item)
                self.active = None
                return taken

            return on_writer

        return on_worker

    @staticmethod
    def _matches(active: ps.Presubmission, draft: Any) -> bool:
        """The form still holds the applicant and item the pre-submission filled in."""
        number = str(active.applicant.get("id_number") or "").upper()
        return draft.item_code == active.item_code and draft.applicant.id_number == number

    def show_list(self) -> PresubmissionsDialog:
        dialog = PresubmissionsDialog(self, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.fill_intake(dialog.chosen))
        self.last_dialog = dialog
        from clerk_app.gui.case_materials import install_presubmission_files

        install_presubmission_files(dialog, self.window)  # F6: the uploaded files (issue 22)
        dialog.open()
        self.load(dialog)
        return dialog

    @staticmethod
    def _run(dialog: PresubmissionsDialog, fn: Callable[[], Any], done: Any) -> bool:
        """``fn`` (one call to the service) off the GUI thread, ``done`` with its answer;
        False (nothing sent, the clerk told to wait) while another call runs."""
        if dialog.busy:
            dialog.wait()
            return False
        Op(dialog, fn).busy(dialog.set_busy).success(done).failure(dialog.refused).run()
        return True

    def load(self, dialog: PresubmissionsDialog, keep: str = "") -> None:
        context, session = self.window.context, self.window.session
        self._run(
            dialog,
            lambda: ps.pending(context, session),
            lambda items: dialog.show_items(items, keep),
        )

    def review(
        self, dialog: PresubmissionsDialog, item: ps.Presubmission, decision: str, text: str
    ) -> None:
        context, session = self.window.context, self.window.session
        note = text if decision != "supplement" else ""
        notice = text if decision == "supplement" else None

        def work() -> ps.Presubmission:
            return ps.review(context, session, item.no, decision, note=note, supplement_text=notice)

        self._run(dialog, work, dialog.reviewed)

    def fill_intake(self, chosen: ps.Presubmission | None) -> bool:
        """Open the intake form filled from ``chosen`` (as a parked intake is resumed); a
        package's opens its joint intake (:meth:`fill_joint`)."""
        if chosen is None:
            return False
        if chosen.package_code:
            return self.fill_joint(chosen)
        model = self.window.catalog_pane.model
        catalog = getattr(model, "_catalog", None) or getattr(model, "catalog", None)
        try:
            item = catalog.item(chosen.item_code)
        except (KeyError, AttributeError):
            self.window.statusBar().showMessage(refusal_text("package"), 8000)
            return False
        self.window.choose_item(item)
        self.window.intake.restore(ps.intake_state(chosen, item), item)
        self.active = chosen
        self.window.activateWindow()  # back from the list: Ctrl+Return accepts
        self.window.intake.focus_first_problem()
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "Presubmissions", "Pre-submission %1 filled in: check the originals, then accept."
            ).replace("%1", chosen.no),
            8000,
        )
        return True

    # -- a package's pre-submission -------------------------------------------------------

    def fill_joint(self, chosen: ps.Presubmission) -> bool:
        """Open the package's joint intake filled from ``chosen``; its Ctrl+Return takes
        the pre-submission in (:meth:`take_in_joint`)."""
        from clerk_app.gui.joint_intake import open_joint_intake

        catalog = self.window.catalog_pane.model.catalog
        package = catalog.package(chosen.package_code) if catalog is not None else None
        if package is None:
            self.window.statusBar().showMessage(refusal_text("package-unknown"), 8000)
            return False
        dialog = open_joint_intake(self.window, package)
        if dialog is None:
            return False
        dialog.parking.restore(ps.joint_state(chosen, [m.code for m in package.materials]))
        dialog.take_in_hook = partial(self.take_in_joint, chosen)
        QTimer.singleShot(0, dialog.focus_first_problem)  # after the dialog's own first focus
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "Presubmissions", "Pre-submission %1 filled in: check the originals, then accept."
            ).replace("%1", chosen.no),
            8000,
        )
        return True

    def take_in_joint(self, chosen: ps.Presubmission, dialog: Any, draft: Any) -> None:
        """The joint intake's Ctrl+Return for ``chosen``: number (writer), make on the
        service (worker), store (writer); the dialog's ``_taken`` or a refusal in words."""
        context, session, writer = self.window.context, self.window.session, self.window.writer

        def failed(exc: Exception) -> None:
            if not isinstance(exc, ps.PresubmissionRefused):
                dialog._failed(exc)  # a lost answer: the same joint case goes again
                return
            self.unanswered = None
            dialog._saving = False
            dialog.body.setEnabled(True)
            dialog.revalidate()
            dialog.missing_label.setText(refusal_text(exc.reason))
            dialog.missing_label.setVisible(True)

        def done(taken: Any) -> None:
            self.unanswered = None
            dialog._taken(taken)

        def store(made: Any) -> None:
            writer.submit(lambda: ps.store_joint(context, made), dialog).success(done).failure(
                failed
            )

        def send(joint: Any) -> None:
            self.unanswered = (chosen.no, draft, joint)
            Op(dialog, lambda: ps.send_joint(context, session, chosen, joint)).success(
                store
            ).failure(failed).run()

        last = self.unanswered
        if last is not None and last[0] == chosen.no and last[1] == draft:
            send(last[2])
            return
        writer.submit(lambda: ps.number_joint(context, session, chosen, draft), dialog).success(
            send
        ).failure(failed)


def install_presubmissions(window: Any) -> PresubmissionController:
    """Add "Online pre-submissions…" (Ctrl+Shift+O) to the window's Intake menu."""
    return PresubmissionController(window)
