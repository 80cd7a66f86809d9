"""The intake form's words that several of its parts share, through Qt's translation system.

Decision names, material states, document types, fee states, and the sentences for the
issue codes of ``clerk_app.core.intake`` that ``clerk_app.gui.issues`` does not word.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from clerk_app.gui.issues import issue_text


def _tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("IntakeTexts", text, disambiguation)


def decision_names() -> dict[str, str]:
    """The six intake decisions, as the clerk picks them."""
    return {
        "immediate": _tr("Done on the spot (即办)"),
        "promised": _tr("Accepted, promised time limit (承诺)"),
        "deferred_materials": _tr("Accepted, materials to follow (容缺)"),
        "supplement": _tr("One-time notice of missing materials (补正)"),
        "refused": _tr("Not accepted (不予受理)"),
        "forwarded": _tr("Forwarded to a higher authority (上报)"),
    }


def case_kind_names() -> dict[str, str]:
    """What kind of case a decision makes (shown as "Case kind")."""
    return {
        "immediate": _tr("On-the-spot case"),
        "promised": _tr("Promised case"),
        "deferred_materials": _tr("Promised case, materials to follow"),
        "supplement": _tr("Not accepted yet: materials to be completed"),
        "refused": _tr("Not accepted"),
        "forwarded": _tr("Forwarded case"),
    }


def document_names() -> dict[str, str]:
    """The document each decision issues."""
    return {
        "acceptance": _tr("acceptance receipt"),
        "deferred": _tr("notice of materials to follow"),
        "supplement": _tr("one-time notice of missing materials"),
        "refusal": _tr("refusal notice"),
        "forwarded": _tr("forwarding notice"),
    }


def id_type_names(organization: bool = False) -> list[tuple[str, str]]:
    """(IdType value, name) of the documents a person (or an organization) may bring."""
    if organization:
        return [("credit_code", _tr("Unified social credit code"))]
    return [
        ("resident_id", _tr("Resident ID card")),
        ("passport", _tr("Passport")),
        ("hk_macau_permit", _tr("Hong Kong/Macau travel permit")),
        ("taiwan_permit", _tr("Taiwan residents' travel permit")),
        ("foreign_permanent_residence", _tr("Foreigner's permanent residence ID")),
    ]


def state_names() -> dict[str, str]:
    """Material states in the checklist."""
    return {
        "received": _tr("received"),
        "missing": _tr("missing"),
        "deferred": _tr("to follow later"),
    }


def fee_state_names() -> dict[str, str]:
    return {"unpaid": _tr("unpaid"), "paid": _tr("paid"), "waived": _tr("waived")}


def refusal_reason_names() -> list[tuple[str, str]]:
    """(code, label) of ``core.intake.REFUSAL_REASONS`` for the clerk's list."""
    return [
        ("out_of_scope", _tr("Not within this agency's authority")),
        ("not_licensing", _tr("Needs no licence by law")),
        ("not_eligible", _tr("Applicant not eligible / legal conditions not met")),
        ("false_materials", _tr("Facts concealed or false materials")),
        ("other", _tr("Other reason (write it below)")),
    ]


def _texts() -> dict[str, str]:
    return {
        "passport.format": _tr("A passport number has 5 to 17 letters or digits."),
        "hk_macau_permit.format": _tr(
            "A Hong Kong/Macau travel permit number is a letter followed by 8 to 10 "
            "letters or digits."
        ),
        "taiwan_permit.format": _tr("A Taiwan residents' travel permit number has 8 or 10 digits."),
        "foreign_permanent_residence.format": _tr(
            "A foreigner's permanent residence ID has 15 characters (old card) or 18 "
            "starting with 9 (new card)."
        ),
        "foreign_permanent_residence.check_digit": _tr(
            "The check digit of this permanent residence ID does not match: check it "
            "against the card."
        ),
        "deferred.supply_by_required": _tr("Say by when the materials to follow must come."),
        "deferred.supply_by_past": _tr("The day for the materials to follow ({date}) is past."),
        "deferred.supply_by_after_due": _tr(
            "The materials to follow must come by the due date {due_date}, not {date}."
        ),
        "supplement.nothing_missing": _tr(
            "Nothing is missing: mark the missing materials, or choose another decision."
        ),
        "refusal.reason_required": _tr("Give the reason for not accepting."),
        "refusal.legal_basis_required": _tr("Give the legal basis for not accepting."),
        "forward.authority_required": _tr("Name the authority the case is forwarded to."),
        "forward.reason_required": _tr("Say why the case is forwarded."),
        "forward.materials_incomplete": _tr(
            "A case is forwarded only with all required materials in hand."
        ),
        "material.missing": _tr("Required material {code} ({name}) has not been received."),
        "material.not_deferrable": _tr("Material {code} ({name}) cannot follow later."),
        "material.deferred_needs_decision": _tr(
            "Materials marked to follow later need the decision 'materials to follow'."
        ),
        "material.nothing_deferred": _tr(
            "The decision 'materials to follow' needs a material marked to follow later."
        ),
        "fee.not_waivable": _tr("The fee for this item cannot be waived."),
        "phone.required": _tr("A phone number is needed to reach the applicant."),
        "name.required": _tr("The name is missing."),
        "applicant.subject": _tr("This item does not serve applicants of this kind."),
        "disposition.not_immediate": _tr(
            "This item is not done on the spot (its time limit is {days} working days)."
        ),
    }


def intake_issue_text(issue: Any) -> str:
    """The translated sentence for an issue of the intake (falls back to ``issue_text``)."""
    template = _texts().get(issue.code)
    if template is None:
        return issue_text(issue)
    try:
        return template.format(**dict(getattr(issue, "params", {}) or {}))
    except (KeyError, IndexError, ValueError):
        return template
