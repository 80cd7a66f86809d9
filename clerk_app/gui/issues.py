"""Sentences for the issue codes of ``clerk_app.core`` (identity checks, intake validation).

The core reports codes with parameters; the GUI words them with Qt's translation system so
that every sentence a clerk reads is in the .ts files. Codes this module does not know fall
back to the core's own tables (``clerk_app.core.identity.describe``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale


def _texts() -> dict[str, str]:
    # Built on each call so that the current translator is used.
    return {
        "id.length": QCoreApplication.translate(
            "Issues",
            "A resident ID has 18 characters; {length} were entered.",
        ),
        "id.characters": QCoreApplication.translate(
            "Issues",
            "A resident ID has 17 digits and then a digit or X; other characters were entered.",
        ),
        "id.check_digit": QCoreApplication.translate(
            "Issues",
            "The check digit (the last character) does not match the other 17: "
            "a character was mistyped or misread.",
        ),
        "id.birth_date": QCoreApplication.translate(
            "Issues",
            "The birth date in the number ({value}) is not a possible date of birth.",
        ),
        "id.residence_permit": QCoreApplication.translate(
            "Issues",
            "This is a residence permit number of a Hong Kong, Macau or Taiwan resident "
            "(starts with {prefix}): check it against the permit.",
        ),
        "id.area_unknown": QCoreApplication.translate(
            "Issues",
            "The area code {area} is not known for this birth year; it may be a renamed area. "
            "Check it against the card.",
        ),
        "credit.length": QCoreApplication.translate(
            "Issues",
            "A unified social credit code has 18 characters; {length} were entered.",
        ),
        "credit.characters": QCoreApplication.translate(
            "Issues",
            "A unified social credit code uses only digits and the letters ABCDEFGHJKLMNPQRTUWXY.",
        ),
        "credit.check_digit": QCoreApplication.translate(
            "Issues",
            "The check character of this credit code does not match. Some real codes fail "
            "this check: compare it with the business licence and confirm below.",
        ),
        "mobile.format": QCoreApplication.translate(
            "Issues",
            "A mobile number has 11 digits and starts with 13 to 19.",
        ),
        "document.empty": QCoreApplication.translate("Issues", "The document number is empty."),
    }


def issue_text(issue: Any) -> str:
    """The translated sentence for an ``Issue(code, params)``."""
    template = _texts().get(issue.code)
    params = dict(issue.params)
    if template is None:
        from clerk_app.core.identity import describe

        lang = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
        return describe(issue, lang)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
