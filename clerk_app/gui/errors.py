"""What went wrong, in the clerk's language: every user-facing error worded in one place.

The kinds come from :mod:`clerk_app.core.errors` (``store``, ``remote`` and the application
layer raise subclasses of them) and are told apart with ``isinstance``, most precise kind
first (a certificate problem is also "offline", so it is asked about before).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.core import errors


def error_message(exc: BaseException) -> str:
    """Say in the clerk's language what went wrong and what to do.

    Args:
        exc: the exception raised by the background function.

    Returns:
        A translated sentence for a message box or an error label.
    """
    if isinstance(exc, errors.StorageError):
        return storage_message(exc)
    if isinstance(exc, errors.CertificateNotTrusted):
        return QCoreApplication.translate(
            "Ops",
            "The records service's certificate is not trusted. Check the CA bundle in the "
            "provisioning file or call IT support.",
        )
    if isinstance(exc, errors.Offline):
        return QCoreApplication.translate(
            "Ops",
            "The records service cannot be reached (offline). Check the network cable or "
            "try again later.",
        )
    if isinstance(exc, errors.BadAnswer):
        return QCoreApplication.translate(
            "Ops",
            "The records service gave an answer this client does not understand. Call IT support.",
        )
    if isinstance(exc, errors.Refused):
        return refused_message(exc)
    if isinstance(exc, errors.OfflineSignInRefused):
        return offline_sign_in_message(exc)
    if isinstance(exc, errors.CardReaderProblem):
        return card_reader_message(exc)
    if isinstance(exc, errors.NoCatalog):
        return QCoreApplication.translate(
            "Ops",
            "There is no catalog on this computer yet, and the records service cannot be "
            "reached: it must be reached once.",
        )
    return QCoreApplication.translate("Ops", "Something went wrong: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )


def storage_message(exc: errors.StorageError) -> str:
    """Word a local database problem (disk full, locked, damaged, cannot be used)."""
    if isinstance(exc, errors.DiskFull):
        return QCoreApplication.translate(
            "Ops",
            "The disk is full. Nothing was saved. Free some disk space or call IT support, "
            "then try again.",
        )
    if isinstance(exc, errors.DatabaseLocked):
        return QCoreApplication.translate(
            "Ops",
            "The local database is busy (locked by another program). Nothing was saved. "
            "Wait a moment and try again.",
        )
    if isinstance(exc, errors.DatabaseCorrupt):
        return QCoreApplication.translate(
            "Ops",
            "The local database is damaged. Stop taking in cases on this computer and call "
            "IT support.",
        )
    return QCoreApplication.translate("Ops", "The local database could not be used: %1").replace(
        "%1", str(exc)
    )


def refused_message(exc: errors.Refused) -> str:
    """Word a refusal of the records service (``status`` and its problem document)."""
    status = exc.status
    problem = exc.problem
    if status == 401:
        return QCoreApplication.translate("Ops", "Wrong user name or password.")
    if status == 403:
        return QCoreApplication.translate("Ops", "This account may not do that at this window.")
    if status == 426:
        from clerk_app import __version__

        needed = problem.get("min_client_version")
        return (
            QCoreApplication.translate(
                "Ops",
                "This client (version %1) is older than the records service accepts (version "
                "%2 or newer). Ask IT support to install the new version.",
            )
            .replace("%1", __version__)
            .replace("%2", str(needed or "?"))
        )
    if status == 429:
        return QCoreApplication.translate(
            "Ops", "Too many attempts. Wait a few minutes, or ask the shift lead to unlock it."
        )
    detail = str(problem.get("detail") or problem.get("title") or "")
    text = QCoreApplication.translate(
        "Ops", "The records service refused the request (%1)."
    ).replace("%1", str(status))
    return f"{text} {detail}".strip()


def offline_sign_in_message(exc: errors.OfflineSignInRefused) -> str:
    """Why an offline sign-in was refused: offline, and never here / too long ago / wrong."""
    offline = QCoreApplication.translate(
        "LoginDialog", "The records service cannot be reached (offline)."
    )
    if exc.reason == "never-online":
        why = QCoreApplication.translate(
            "LoginDialog",
            "This user has never signed in online at this window, so an offline sign-in "
            "is not possible yet. Sign in once while the service is reachable.",
        )
    elif exc.reason == "locked":
        why = QCoreApplication.translate(
            "LoginDialog",
            "Offline sign-in is locked for this user after 5 wrong passwords. Sign in while "
            "the service is reachable to open it again.",
        )
    elif exc.reason == "clock":
        why = QCoreApplication.translate(
            "LoginDialog",
            "This computer's clock is earlier than the time the records service last gave "
            "it, so an offline sign-in is refused. Ask IT support to set the clock right.",
        )
    elif exc.reason == "expired":
        why = QCoreApplication.translate(
            "LoginDialog",
            "The last online sign-in at this window is too long ago for an offline "
            "sign-in. Sign in while the service is reachable.",
        )
    else:
        why = QCoreApplication.translate("LoginDialog", "Wrong user name or password.")
        left = exc.tries_left
        if left is not None:
            why += " " + QCoreApplication.translate(
                "LoginDialog", "%1 more wrong password(s) lock offline sign-in."
            ).replace("%1", str(left))
    return offline + " " + why


def card_reader_message(exc: errors.CardReaderProblem) -> str:
    """Why the ID card reader gave no card, and what the clerk does next."""
    texts = {
        "library-missing": QCoreApplication.translate(
            "CardReader",
            "The ID card reader's software (the library named in the provisioning file) is "
            "missing or cannot be loaded. Type the ID number, and call IT support.",
        ),
        "wrong-architecture": QCoreApplication.translate(
            "CardReader",
            "The ID card reader's software is 32-bit and cannot be loaded by this 64-bit "
            "program. Type the ID number for now, and call IT support: with "
            '[idcard] mode = "helper" in the provisioning file the desk reads the card '
            'through its 32-bit helper program (README, "Devices on the counter").',
        ),
        "wrong-library": QCoreApplication.translate(
            "CardReader",
            "The library named for the ID card reader is not that kind of reader's software. "
            "Type the ID number, and call IT support.",
        ),
        "no-reader": QCoreApplication.translate(
            "CardReader",
            "No ID card reader answers. Check its cable (USB), then try again.",
        ),
        "no-card": QCoreApplication.translate(
            "CardReader",
            "No card on the reader. Put the ID card flat on the reader and try again.",
        ),
        "card-removed": QCoreApplication.translate(
            "CardReader",
            "The card was taken away during the read. Leave it on the reader and try again.",
        ),
        "helper-missing": QCoreApplication.translate(
            "CardReader",
            "The ID card reader's helper program (for its 32-bit software) is missing or "
            "cannot be started. Type the ID number, and call IT support.",
        ),
        "helper-failed": QCoreApplication.translate(
            "CardReader",
            "The ID card reader's helper program stopped working. Try again (it is started "
            "anew); if it happens again, type the ID number and call IT support.",
        ),
        "helper-timeout": QCoreApplication.translate(
            "CardReader",
            "The ID card reader did not answer in time. Check its cable (USB), then try "
            "again, or type the ID number.",
        ),
    }
    return texts.get(
        exc.reason,
        QCoreApplication.translate(
            "CardReader", "The card could not be read. Try again, or type the ID number."
        ),
    )


def is_offline(exc: BaseException) -> bool:
    """The service could not be reached (or its certificate failed)."""
    return isinstance(exc, errors.Offline)


def is_refused(exc: BaseException, status: int) -> bool:
    """The service answered with this HTTP status."""
    return isinstance(exc, errors.Refused) and exc.status == status
