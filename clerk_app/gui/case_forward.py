"""上报 of a case already taken in (issue 20), in the case detail.

A 承诺件 that turns out to need the city is forwarded from the case detail: the action
"Forward to the center above" is offered when the window has a center above (provisioning
``[center] parent``) and the lifecycle allows it. Its page names where the case goes; the
opinion (Alt+P) is the reason; Ctrl+Return asks once more (:func:`confirm_forward`: Alt+F
forwards, Esc or Alt+G goes back) before the event is written and queued like any other
action (``app.case_actions.perform_action``: event + outbox row in one transaction). The
service makes the linked case at the center above; the case detail's 上级中心 row shows it
after the next sync.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QStackedWidget, QWidget

from clerk_app.core import lifecycle
from clerk_app.core.event_data import ForwardData, ForwardDecision
from clerk_app.core.records import Case


def upper_center(context: Any) -> tuple[str, str]:
    """(code, name) of the center above this window's; ("", "") when there is none."""
    provisioning = getattr(context, "provisioning", None)
    code = str(getattr(provisioning, "center_parent", "") or "")
    name = str(getattr(provisioning, "center_parent_name", "") or "")
    return (code, name or code) if code else ("", "")


def forward_action_label() -> str:
    """The 上报 action as the case detail's action list offers it."""
    return QCoreApplication.translate("CaseForward", "Forward to the center above")


def center_text(code: str, name: str) -> str:
    """``name (code)``, or the code alone when the name is not known."""
    return f"{name} ({code})" if name and name != code else code


def forwarded_center(case: Case) -> str:
    """The code of the center above a ``forwarded`` case went to on the service: its latest
    forward event's (at intake or later); "" for an authority outside the service."""
    if case.status is not lifecycle.Status.FORWARDED:
        return ""
    event = case.last_event(lifecycle.EventType.FORWARD)
    data = event.data if event is not None else None
    return data.center if isinstance(data, ForwardData | ForwardDecision) else ""


class ForwardPage(QWidget):
    """The page of the case detail's action form for 上报: where the case goes."""

    def __init__(self, stack: QStackedWidget, code: str, name: str) -> None:
        super().__init__(stack)
        self.setObjectName("forwardPage")
        self.code, self.name = code, name
        self.target_caption = QLabel(self)
        self.target = QLabel(self)
        self.target.setObjectName("forwardTarget")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.target_caption, self.target)
        layout.addRow(self.hint)
        stack.addWidget(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.target_caption.setText(self.tr("Goes to:"))
        self.target.setText(center_text(self.code, self.name))
        self.hint.setText(
            self.tr(
                "The center above takes the case over; its progress shows here after the next "
                "sync. Write the reason under Opinion."
            )
        )


def confirm_forward(owner: Any, case_no: str, code: str, name: str) -> bool:
    """Ask before forwarding ``case_no`` (``owner.forward_box`` holds the question while it
    is open). Alt+F forwards; Esc or Alt+G goes back, the default."""
    box = QMessageBox(owner)
    owner.forward_box = box
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("CaseForward", "Forward the case"))
    box.setText(
        QCoreApplication.translate(
            "CaseForward", "Forward case %1 to %2? It is handled there from then on."
        )
        .replace("%1", case_no)
        .replace("%2", center_text(code, name))
    )
    yes = box.addButton(
        QCoreApplication.translate("CaseForward", "&Forward"), QMessageBox.ButtonRole.AcceptRole
    )
    back = box.addButton(
        QCoreApplication.translate("CaseForward", "&Go back"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    try:
        box.exec()
    finally:
        owner.forward_box = None
    return box.clickedButton() is yes


def add_forward_page(detail: QWidget, stack: QStackedWidget) -> ForwardPage | None:
    """The 上报 page of the case detail's action form (None: no center above)."""
    code, name = upper_center(getattr(detail, "context", None))
    return ForwardPage(stack, code, name) if code else None
