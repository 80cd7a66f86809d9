"""The scans of a case's materials as the case detail and the lead's case view show them.

On the desk that took the case in, the pages are its own sealed files (``app.scans``):
listed from the store and decrypted in memory for a thumbnail, with what the center has
acknowledged of each. A case pulled from the center (another window's part of a joint
case, a lead's view) has no pages on this desk: its files are listed with ``GET
/cases/{case_no}/attachments`` and each picture is fetched when the clerk asks for it
(``GET /attachments/{id}``; the center audits each read), checked against its SHA-256.

The center calls are blocking: run them off the GUI thread (an ``Op``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from clerk_app.core.errors import Offline
from clerk_app.remote import attachments as remote
from clerk_app.remote.api import ApiClient
from clerk_app.store import scans as store_scans

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

#: Where a page's picture comes from.
DESK, CENTER = "desk", "center"
#: What the center holds of a page: all of it, part of it (being sent), nothing yet.
AT_CENTER, SENDING, WAITING = "at-center", "sending", "waiting"


@dataclass(frozen=True)
class MaterialPage:
    """One page (or file) of a case's material.

    Attributes:
        source: :data:`DESK` (a sealed file here: ``ref`` its path) or :data:`CENTER`
            (``ref`` the attachment id; ``sha256`` checks the fetched bytes).
        state: :data:`AT_CENTER`, :data:`SENDING` or :data:`WAITING`.
        case_no: the case the file is kept with (another part's for a joint case's
            shared material).
    """

    case_no: str
    material_code: str
    page: int
    source: str
    ref: str
    media_type: str
    size: int
    sha256: str
    state: str


def desk_pages(context: AppContext, case_no: str) -> list[MaterialPage]:
    """The case's pages kept on this desk, by material and page (no network)."""
    return [
        MaterialPage(
            case_no=row.case_no,
            material_code=row.material_code,
            page=row.page,
            source=DESK,
            ref=row.path,
            media_type=row.media_type,
            size=row.size,
            sha256=row.sha256,
            state=_sent_state(store_scans.sent_bytes(context.backend.store, row.id), row.size),
        )
        for row in store_scans.case_scans(context.backend.store, case_no)
    ]


def _sent_state(sent: int, size: int) -> str:
    return AT_CENTER if sent >= size else SENDING if sent > 0 else WAITING


@dataclass(frozen=True)
class CenterFiles:
    """A case's files at the center, read with a signed-in user's token (``token`` None:
    signed in offline, every call raises :class:`Offline`)."""

    api: ApiClient
    token: str | None

    def _token(self) -> str:
        if not self.token:
            raise Offline("signed in offline: the center's files need the records service")
        return self.token

    def pages(self, case_no: str) -> list[MaterialPage]:
        """The case's files at the center (a joint part's: with the shared ones).

        Raises:
            Offline; the client's errors (``ApiError`` 404: not in reach).
        """
        return [
            MaterialPage(
                case_no=f.case_no,
                material_code=f.material_code,
                page=f.page,
                source=CENTER,
                ref=f.id,
                media_type=f.content_type,
                size=f.size,
                sha256=f.sha256,
                state=AT_CENTER if f.complete else SENDING,
            )
            for f in remote.case_files(self.api, self._token(), case_no)
        ]

    def image(self, page: MaterialPage) -> bytes:
        """The file of a page at the center (the read is audited there)."""
        file = remote.CenterFile(
            id=page.ref,
            case_no=page.case_no,
            material_code=page.material_code,
            page=page.page,
            content_type=page.media_type,
            size=page.size,
            sha256=page.sha256,
            complete=page.state == AT_CENTER,
        )
        return remote.file_bytes(self.api, self._token(), file)


def center_files_if_online(context: AppContext, session: Session) -> CenterFiles | None:
    """The center's files as the signed-in ``session`` reads them, or None when this desk
    has no service client or the session no token (signed in offline): then only the
    desk's own pages are shown."""
    api = getattr(getattr(context, "backend", None), "api", None)
    token = getattr(session, "access_token", None)
    return CenterFiles(api, token) if api is not None and token else None
