"""Parking a joint intake (暂存, Ctrl+S in the joint intake) and resuming it from the
parked list (Ctrl+R, with the single intakes; issue 16).

The draft — the package, the project's type and code, the applicant and agent, the
combined materials, each first-stage part's own materials and decision — goes into the
local database through the one writer (``app.parking.park``) as a parked intake whose
``item_code`` is the package's code and whose state says ``"joint": true``; the dialog
closes and the desk is free for the next applicant. Resuming opens the package's joint
intake with it (focus on the first thing still missing); taking it in removes it from the
list in the joint case's own transaction (``app.parking.take_in_parked_joint``). Closing
the desk with a joint intake open parks it too.
"""

from __future__ import annotations

import logging
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QKeySequence, QShortcut

from clerk_app.app.parking import park, park_at_quit
from clerk_app.gui.joint_texts import kind_mark

log = logging.getLogger("clerk.gui")

# The version of a parked joint intake's state.
STATE_VERSION = 1


def is_joint(state: dict[str, Any]) -> bool:
    """Whether a parked intake's state is a joint intake's."""
    return bool(state.get("joint"))


def package_title(catalog: Any, code: str | None) -> str | None:
    """「项目」name of the package ``code`` names (the parked list's item column), or None."""
    package = catalog.package(code) if catalog is not None and code else None
    return f"「{kind_mark(package)}」{package.name}" if package is not None else None


class JointParking(QObject):
    """Park and resume for one ``JointIntakeDialog`` (Ctrl+S parks it).

    Args:
        dialog: the joint intake (its ``party``, ``combined``, ``parts``, ``writer``…).
    """

    def __init__(self, dialog: Any) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        # The parked intake the dialog was resumed from ("" for a fresh one).
        self.parked_id = ""
        self.shortcut = QShortcut(QKeySequence("Ctrl+S"), dialog, self.park)

    # -- the state ---------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The dialog's state as JSON-able data."""
        d = self.dialog
        return {
            "version": STATE_VERSION,
            "joint": True,
            "package_code": d.package.code,
            "project_type": d.project_type(),
            "project_code": d.code_edit.text() if d.code_edit is not None else "",
            **d.party.snapshot(),
            "materials": d.combined.snapshot(),
            "own": {
                p.item.code: p.materials.snapshot() for p in d.parts if p.materials is not None
            },
            "decisions": {
                p.item.code: c.value for p in d.parts if (c := p.disposition()) is not None
            },
        }

    def restore(self, state: dict[str, Any], parked_id: str = "") -> None:
        """Fill the dialog from a ``snapshot`` (parts and decisions the project type and
        the materials no longer allow are left as the form has them)."""
        d = self.dialog
        d._updating = True
        try:
            self.parked_id = parked_id
            if d.type_combo is not None:
                index = d.type_combo.findData(state.get("project_type"))
                if index >= 0:
                    d.type_combo.setCurrentIndex(index)  # the parts of that type
            if d.code_edit is not None:
                d.code_edit.setText(state.get("project_code", ""))
            d.party.restore(state)
            d.combined.restore(state.get("materials") or [])
            own = state.get("own") or {}
            for part in d.parts:
                if part.materials is not None and part.item.code in own:
                    part.materials.restore(own[part.item.code])
        finally:
            d._updating = False
        d.revalidate()  # each part offers the decisions its materials allow
        decisions = state.get("decisions") or {}
        for part in d.parts:
            index = part.decision_combo.findData(decisions.get(part.item.code))
            if index >= 0:
                part.decision_combo.setCurrentIndex(index)
        d.revalidate()

    # -- park --------------------------------------------------------------------------

    def _work(self, at_quit: bool) -> Any:
        d = self.dialog
        context, clerk, code = d.context, d.session.username, d.package.code
        state, parked_id = self.snapshot(), self.parked_id or None
        write = park_at_quit if at_quit else park

        def work() -> str:
            return write(context, clerk=clerk, item_code=code, state=state, parked_id=parked_id)

        return work

    def park(self) -> None:
        """Ctrl+S: save the joint intake as it is and close it (not while it is saved)."""
        d = self.dialog
        if d._saving:
            return
        if d.take_in_hook is not None:
            # An online pre-submission's intake: it stays in the 网上待接件 list, and a parked
            # copy would be taken in later as an ordinary joint case beside it.
            d.missing_label.setText(
                self.tr(
                    "An online pre-submission is not parked: it stays in the online list "
                    "(Ctrl+Shift+O) until it is taken in."
                )
            )
            d.missing_label.setVisible(True)
            return
        if d.is_blank():
            d.missing_label.setText(self.tr("Nothing to park yet."))
            d.missing_label.setVisible(True)
            return
        d._saving = True
        d.writer.submit(self._work(False), d).success(self._parked).failure(self._failed)

    def _parked(self, _parked_id: str) -> None:
        d = self.dialog
        d._saving = False
        window = d.parentWidget()
        d.done(0)  # closed without the "discard?" question: nothing is lost
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                self.tr("Joint intake parked. Resume it with Ctrl+R."), 8000
            )
            if hasattr(window, "focus_search"):
                window.focus_search()

    def _failed(self, exc: Exception) -> None:
        from clerk_app.gui.ops import show_error

        self.dialog._saving = False
        log.error("parking the joint intake failed: %s", exc)
        show_error(self.dialog, exc)

    def park_at_quit(self) -> bool:
        """The desk closes with the dialog open: park what it holds (and wait for it)."""
        d = self.dialog
        if d._saving or d.is_blank() or d.take_in_hook is not None:
            return False  # a pre-submission stays in the online list (see park)
        d.writer.submit(self._work(True), d).failure(self._failed)
        if not d.writer.wait_idle(10_000):
            log.error("the joint intake open at quit could not be parked in time")
            return False
        log.info("parked the joint intake open at quit (%s)", d.package.code)
        return True


def open_joint(window: Any) -> Any:
    """The desk's joint intake dialog while it is open, else None."""
    dialog = getattr(window, "last_joint_dialog", None)
    if dialog is None or not shiboken6.isValid(dialog) or not dialog.isVisible():
        return None
    return dialog


def resume_joint(window: Any, parked: Any) -> bool:
    """Open the joint intake of a parked one's package with its state (it stays parked
    until taken in); False when the package is not in the catalog any more."""
    from clerk_app.gui.joint_intake import open_joint_intake

    catalog = window.catalog_pane.model.catalog
    package = catalog.package(parked.item_code) if catalog is not None else None
    if package is None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "JointParking", "The package of this parked intake is not in the catalog any more."
            ),
            8000,
        )
        return False
    dialog = open_joint_intake(window, package)
    if dialog is None:
        return False
    dialog.parking.restore(parked.state, parked.id)
    QTimer.singleShot(0, dialog.focus_first_problem)  # after the dialog's own first focus
    window.statusBar().showMessage(
        QCoreApplication.translate("JointParking", "Parked joint intake resumed."), 5000
    )
    return True


__all__ = ["JointParking", "is_joint", "open_joint", "package_title", "resume_joint"]
