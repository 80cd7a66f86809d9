"""The intake form's words that several of its parts share, through Qt's translation system.

Decision names, material states, document types, fee states, and the sentences for the
issue codes of ``clerk_app.core.intake`` that ``clerk_app.gui.issues`` does not word.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from clerk_app.gui.issues import issue_text


def decision_names() -> dict[str, str]:
    """The six intake decisions, as the clerk picks them."""
    return {
        "immediate": QCoreApplication.translate("IntakeTexts", "Done on the spot (即办)"),
        "promised": QCoreApplication.translate(
            "IntakeTexts", "Accepted, promised time limit (承诺)"
        ),
        "deferred_materials": QCoreApplication.translate(
            "IntakeTexts", "Accepted, materials to follow (容缺)"
        ),
        "supplement": QCoreApplication.translate(
            "IntakeTexts", "One-time notice of missing materials (补正)"
        ),
        "refused": QCoreApplication.translate("IntakeTexts", "Not accepted (不予受理)"),
        "forwarded": QCoreApplication.translate(
            "IntakeTexts", "Forwarded to a higher authority (上报)"
        ),
    }


def case_kind_names() -> dict[str, str]:
    """What kind of case a decision makes (shown as "Case kind")."""
    return {
        "immediate": QCoreApplication.translate("IntakeTexts", "On-the-spot case"),
        "promised": QCoreApplication.translate("IntakeTexts", "Promised case"),
        "deferred_materials": QCoreApplication.translate(
            "IntakeTexts", "Promised case, materials to follow"
        ),
        "supplement": QCoreApplication.translate(
            "IntakeTexts", "Not accepted yet: materials to be completed"
        ),
        "refused": QCoreApplication.translate("IntakeTexts", "Not accepted"),
        "forwarded": QCoreApplication.translate("IntakeTexts", "Forwarded case"),
    }


def document_names() -> dict[str, str]:
    """The document each decision issues."""
    return {
        "acceptance": QCoreApplication.translate("IntakeTexts", "acceptance receipt"),
        "deferred": QCoreApplication.translate("IntakeTexts", "notice of materials to follow"),
        "supplement": QCoreApplication.translate(
            "IntakeTexts", "one-time notice of missing materials"
        ),
        "refusal": QCoreApplication.translate("IntakeTexts", "refusal notice"),
        "forwarded": QCoreApplication.translate("IntakeTexts", "forwarding notice"),
        "commitment": QCoreApplication.translate("IntakeTexts", "commitment letter"),
    }


def id_type_names(organization: bool = False) -> list[tuple[str, str]]:
    """(IdType value, name) of the documents a person (or an organization) may bring."""
    if organization:
        return [
            ("credit_code", QCoreApplication.translate("IntakeTexts", "Unified social credit code"))
        ]
    return [
        ("resident_id", QCoreApplication.translate("IntakeTexts", "Resident ID card")),
        ("passport", QCoreApplication.translate("IntakeTexts", "Passport")),
        (
            "hk_macau_permit",
            QCoreApplication.translate("IntakeTexts", "Hong Kong/Macau travel permit"),
        ),
        (
            "taiwan_permit",
            QCoreApplication.translate("IntakeTexts", "Taiwan residents' travel permit"),
        ),
        (
            "foreign_permanent_residence",
            QCoreApplication.translate("IntakeTexts", "Foreigner's permanent residence ID"),
        ),
    ]


def state_names() -> dict[str, str]:
    """Material states in the checklist."""
    return {
        "received": QCoreApplication.translate("IntakeTexts", "received"),
        "missing": QCoreApplication.translate("IntakeTexts", "missing"),
        "deferred": QCoreApplication.translate("IntakeTexts", "to follow later"),
        #: 告知承诺: the applicant replaced this certificate by a written commitment.
        "by_commitment": QCoreApplication.translate("IntakeTexts", "by commitment"),
    }


def fee_state_names() -> dict[str, str]:
    return {
        "unpaid": QCoreApplication.translate("IntakeTexts", "unpaid"),
        "paid": QCoreApplication.translate("IntakeTexts", "paid"),
        "waived": QCoreApplication.translate("IntakeTexts", "waived"),
    }


def refusal_reason_names() -> list[tuple[str, str]]:
    """(code, label) of ``core.intake.REFUSAL_REASONS`` for the clerk's list."""
    return [
        (
            "out_of_scope",
            QCoreApplication.translate("IntakeTexts", "Not within this agency's authority"),
        ),
        ("not_licensing", QCoreApplication.translate("IntakeTexts", "Needs no licence by law")),
        (
            "not_eligible",
            QCoreApplication.translate(
                "IntakeTexts", "Applicant not eligible / legal conditions not met"
            ),
        ),
        (
            "false_materials",
            QCoreApplication.translate("IntakeTexts", "Facts concealed or false materials"),
        ),
        ("other", QCoreApplication.translate("IntakeTexts", "Other reason (write it below)")),
    ]


def _texts() -> dict[str, str]:
    return {
        "passport.format": QCoreApplication.translate(
            "IntakeTexts", "A passport number has 5 to 17 letters or digits."
        ),
        "hk_macau_permit.format": QCoreApplication.translate(
            "IntakeTexts",
            "A Hong Kong/Macau travel permit number is a letter followed by 8 to 10 "
            "letters or digits.",
        ),
        "taiwan_permit.format": QCoreApplication.translate(
            "IntakeTexts", "A Taiwan residents' travel permit number has 8 or 10 digits."
        ),
        "foreign_permanent_residence.format": QCoreApplication.translate(
            "IntakeTexts",
            "A foreigner's permanent residence ID has 15 characters (old card) or 18 "
            "starting with 9 (new card).",
        ),
        "foreign_permanent_residence.check_digit": QCoreApplication.translate(
            "IntakeTexts",
            "The check digit of this permanent residence ID does not match: check it "
            "against the card.",
        ),
        "deferred.supply_by_required": QCoreApplication.translate(
            "IntakeTexts", "Say by when the materials to follow must come."
        ),
        "deferred.supply_by_past": QCoreApplication.translate(
            "IntakeTexts", "The day for the materials to follow ({date}) is past."
        ),
        "deferred.supply_by_after_due": QCoreApplication.translate(
            "IntakeTexts",
            "The materials to follow must come by the due date {due_date}, not {date}.",
        ),
        "supplement.nothing_missing": QCoreApplication.translate(
            "IntakeTexts",
            "Nothing is missing: mark the missing materials, or choose another decision.",
        ),
        "refusal.reason_required": QCoreApplication.translate(
            "IntakeTexts", "Give the reason for not accepting."
        ),
        "refusal.legal_basis_required": QCoreApplication.translate(
            "IntakeTexts", "Give the legal basis for not accepting."
        ),
        "forward.authority_required": QCoreApplication.translate(
            "IntakeTexts", "Name the authority the case is forwarded to."
        ),
        "forward.reason_required": QCoreApplication.translate(
            "IntakeTexts", "Say why the case is forwarded."
        ),
        "forward.materials_incomplete": QCoreApplication.translate(
            "IntakeTexts", "A case is forwarded only with all required materials in hand."
        ),
        "material.missing": QCoreApplication.translate(
            "IntakeTexts", "Required material {code} ({name}) has not been received."
        ),
        "material.not_deferrable": QCoreApplication.translate(
            "IntakeTexts", "Material {code} ({name}) cannot follow later."
        ),
        "material.deferred_needs_decision": QCoreApplication.translate(
            "IntakeTexts",
            "Materials marked to follow later need the decision 'materials to follow'.",
        ),
        "material.nothing_deferred": QCoreApplication.translate(
            "IntakeTexts",
            "The decision 'materials to follow' needs a material marked to follow later.",
        ),
        "fee.not_waivable": QCoreApplication.translate(
            "IntakeTexts", "The fee for this item cannot be waived."
        ),
        "phone.required": QCoreApplication.translate(
            "IntakeTexts", "A phone number is needed to reach the applicant."
        ),
        "name.required": QCoreApplication.translate("IntakeTexts", "The name is missing."),
        "applicant.subject": QCoreApplication.translate(
            "IntakeTexts", "This item does not serve applicants of this kind."
        ),
        "disposition.not_immediate": QCoreApplication.translate(
            "IntakeTexts",
            "This item is not done on the spot (its time limit is {days} working days).",
        ),
    }


def intake_issue_text(issue: Any) -> str:
    """The translated sentence for an issue of the intake (falls back to ``issue_text``)."""
    from clerk_app.gui.commitment import issue_texts

    template = _texts().get(issue.code) or issue_texts().get(issue.code)
    if template is None:
        return issue_text(issue)
    try:
        return template.format(**dict(issue.params))
    except (KeyError, IndexError, ValueError):
        return template
