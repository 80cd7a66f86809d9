"""The errors a clerk (or IT) can act on, by kind — not by the module that raises them.

``store``, ``remote`` and the application layer raise subclasses of these;
``clerk_app.gui.errors.error_message`` words each kind in the clerk's language, in one place,
with ``isinstance``. Anything that is not a :class:`UserError` is a bug and is shown as such.

Hierarchy::

    UserError
    ├── StorageError                 the local database
    │   ├── DiskFull
    │   ├── DatabaseLocked           another program holds it
    │   ├── DatabaseCorrupt
    │   └── DatabaseUnavailable      cannot be opened or written (folder, permissions)
    ├── ConnectionProblem            the records service
    │   ├── Offline                  no usable answer (refused, timeout, broken connection)
    │   │   └── CertificateNotTrusted
    │   └── BadAnswer                an answer that does not follow the contract
    ├── Refused                      the service said no: ``status`` and ``problem``
    ├── OfflineSignInRefused         ``reason``: never-online, expired, wrong-password
    ├── NoCatalog                    signed in, but no catalog (never fetched, no link)
    └── CardReaderProblem            the ID card reader's SDK: ``reason``

``core.lifecycle.IllegalTransition`` (an action the case's status does not allow) stays
where it is; the GUI words it too.
"""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """Something went wrong that the clerk or IT can act on (not a bug)."""


# -- the local database -------------------------------------------------------------------


class StorageError(UserError):
    """The local database could not be used."""


class DiskFull(StorageError):
    """The disk (or the database's size limit) is full: nothing more can be saved."""


class DatabaseLocked(StorageError):
    """Another program holds the database (a second copy of the client, a backup tool)."""


class DatabaseCorrupt(StorageError):
    """The database file is damaged or is not a database at all."""


class DatabaseUnavailable(StorageError):
    """The database file cannot be opened or written (missing folder, permissions)."""


# -- the records service --------------------------------------------------------------------


class ConnectionProblem(UserError):
    """The records service gave no usable answer."""


class Offline(ConnectionProblem):
    """No answer: connection refused, DNS, timeout, broken connection."""


class CertificateNotTrusted(Offline):
    """The service's certificate is not trusted (wrong or missing CA bundle, wrong host)."""


class BadAnswer(ConnectionProblem):
    """A successful status with a body that does not follow the contract."""


class Refused(UserError):
    """The service answered with an HTTP error.

    Attributes:
        status: the HTTP status (401 wrong credentials, 403 forbidden, 426 client too old,
            429 rate limited, …).
        problem: the RFC 9457 problem document.
    """

    status: int
    problem: dict[str, Any]


# -- signing in ------------------------------------------------------------------------------


class OfflineSignInRefused(UserError):
    """An offline sign-in was refused.

    Attributes:
        reason: ``never-online`` (no online sign-in of this user here), ``locked``,
            ``clock``, ``expired`` (the last online sign-in is older than allowed),
            ``wrong-password``.
        tries_left: wrong passwords still allowed before the lock (None: not counted).
    """

    reason: str
    tries_left: int | None = None


class NoCatalog(UserError):
    """Signed in, but there is no catalog: never fetched, and the service is unreachable."""


# -- devices on the counter -------------------------------------------------------------------


class CardReaderProblem(UserError):
    """The ID card reader (its SDK library) gave no card.

    Attributes:
        reason: one of :data:`CARD_READER_REASONS`: ``library-missing`` (no file at the
            provisioned path, or it cannot be loaded), ``wrong-architecture`` (a 32-bit
            library in the 64-bit app), ``wrong-library`` (not the provisioned kind's
            functions), ``no-reader`` (the port does not open), ``no-card`` (nothing on the
            reader), ``card-removed`` (taken away during the read), ``bad-data`` (the
            reader's bytes are not a card); through the helper process of a 32-bit library
            also ``helper-missing`` (it cannot be started), ``helper-failed`` (it died or
            answered garbage) and ``helper-timeout`` (no answer in time).
        detail: the technical words (the system's, the SDK's return code), for the log.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


CARD_READER_REASONS = (
    "library-missing",
    "wrong-architecture",
    "wrong-library",
    "no-reader",
    "no-card",
    "card-removed",
    "bad-data",
    "helper-missing",
    "helper-failed",
    "helper-timeout",
)


class ScannerProblem(UserError):
    """The scanner gave no page (``clerk_app.app.scanner``).

    Attributes:
        reason: one of :data:`SCANNER_REASONS`: ``no-scanner`` (no scanner software, or no
            such device answers), ``busy`` (the device is in use), ``cancelled`` (the clerk
            stopped the scan), ``bad-image`` (what came back is not a picture), ``failed``
            (anything else the scanner said); for pages from a file also ``bad-file`` (not
            a PNG, JPEG or PDF the desk reads, or damaged) and, for any page, ``too-large``
            (over the pixel or byte limit of a page) and ``case-full`` (the intake's pages
            would pass the limit of a case).
        detail: the technical words (the scanner software's), for the log.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


SCANNER_REASONS = (
    "no-scanner",
    "busy",
    "cancelled",
    "bad-image",
    "failed",
    "bad-file",
    "too-large",
    "case-full",
)
