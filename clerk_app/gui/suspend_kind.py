"""The kinds of suspension in the clerk's words, and the case detail's choice of them.

An ordinary case is suspended for a special procedure (听证, 现场核查, 检验检测, 专家评审); a
part of a joint case for what the construction-approval reform leaves out of the approval
time (中介服务, 技术审查, 公示, 特殊程序) — the list comes from
:func:`clerk_app.app.suspensions.suspend_kinds`. In the case detail the clerk picks the
action (Alt+A, "Suspend"), then the kind (Alt+E, arrow keys) and records it (Ctrl+Return);
"Resume" ends it. Words live in the translation context ``SuspendKind``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from clerk_app.app.suspensions import current_suspension, suspend_kinds
from clerk_app.core import lifecycle
from clerk_app.core.records import Case


def part_kind_label(kind: str) -> str:
    """A part's suspension kind in the clerk's language (the kind as sent when unknown)."""
    labels = {
        "intermediary": QCoreApplication.translate("SuspendKind", "Intermediary service"),
        "technical_review": QCoreApplication.translate("SuspendKind", "Technical review"),
        "public_notice": QCoreApplication.translate("SuspendKind", "Public notice"),
        "special_procedure": QCoreApplication.translate("SuspendKind", "Special procedure"),
        "supplement": QCoreApplication.translate("SuspendKind", "Waiting on the applicant"),
    }
    return labels.get(kind, kind)


def kind_label(kind: str) -> str:
    """Any suspension kind in the clerk's language (a case's or a part's)."""
    from clerk_app.gui.case_actions import suspend_kind_label

    return suspend_kind_label(kind)


def action_label(case: Case | None, action: lifecycle.EventType) -> str:
    """An action as the case detail offers it: a part's suspension says its time is not
    counted (the case's says "special procedure")."""
    from clerk_app.gui.case_actions import event_label

    if action is lifecycle.EventType.SUSPEND and case is not None and case.joint_case_no:
        return QCoreApplication.translate("SuspendKind", "Suspend (time not counted)")
    return event_label(action)


def status_text(case: Case) -> str:
    """The case's status in words; a suspended case with what it waits on."""
    from clerk_app.gui.case_actions import status_label

    text = status_label(case.status)
    suspension = current_suspension(case)
    if suspension is not None and suspension.kind:
        text += f"（{kind_label(suspension.kind)}）"
    return text


def fill_suspend_kinds(combo: QComboBox, case: Case | None) -> None:
    """Offer the kinds ``case`` may be suspended for, in the clerk's language; the one
    chosen stays chosen when it is still offered."""
    kinds = suspend_kinds(case)
    chosen = combo.currentData()
    if tuple(combo.itemData(i) for i in range(combo.count())) != kinds:
        combo.blockSignals(True)
        combo.clear()
        for kind in kinds:
            combo.addItem("", kind)
        combo.blockSignals(False)
    for i, kind in enumerate(kinds):
        combo.setItemText(i, kind_label(kind))
    index = combo.findData(chosen)
    combo.setCurrentIndex(index if index >= 0 else 0)
