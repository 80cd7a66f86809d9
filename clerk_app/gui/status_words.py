"""A case's status in the clerk's language (``CaseText``), on its own so the worklist can
name statuses without loading the case actions (issue 21: the worklist's memory)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.core import lifecycle

S = lifecycle.Status


def status_label(status: str) -> str:
    """The status in the clerk's language."""
    labels = {
        S.RECEIVED: QCoreApplication.translate("CaseText", "Received"),
        S.ACCEPTED: QCoreApplication.translate("CaseText", "Accepted"),
        S.IN_PROGRESS: QCoreApplication.translate("CaseText", "In progress"),
        S.SUPPLEMENT_REQUESTED: QCoreApplication.translate("CaseText", "Supplement requested"),
        S.SUSPENDED: QCoreApplication.translate("CaseText", "Suspended"),
        S.FORWARDED: QCoreApplication.translate("CaseText", "Forwarded"),
        S.COMPLETED_APPROVED: QCoreApplication.translate("CaseText", "Completed (approved)"),
        S.COMPLETED_REJECTED: QCoreApplication.translate("CaseText", "Completed (not approved)"),
        S.REFUSED: QCoreApplication.translate("CaseText", "Refused"),
        S.WITHDRAWN: QCoreApplication.translate("CaseText", "Withdrawn"),
        S.VOIDED: QCoreApplication.translate("CaseText", "Voided"),
        S.REVOKED: QCoreApplication.translate("CaseText", "Revoked"),
    }
    try:
        return labels[S(status)]
    except ValueError:
        return status
