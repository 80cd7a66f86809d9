"""Sending a scanned page to the center exactly once, in chunks that resume (issue 22).

An outbox row of kind ``attachment`` (``store.scans``) holds the page's declaration. The
sync engine hands it to :meth:`AttachmentUploader.send`, which

1. reads the page (decrypted in memory) and checks it is the page it is about to declare
   (a page damaged on this desk is refused here, never declared);
2. declares the page (``POST /cases/{case_no}/attachments``, the page's id as the
   Idempotency-Key: a retry gets the same upload, never a second one);
3. sends its bytes from the last offset the service acknowledged (``case_scans.sent_bytes``)
   with ``PUT /uploads/{id}`` and ``Content-Range``, one chunk at a time, remembering each
   acknowledged offset before the next chunk, until the service says the file is whole.

A dropped link leaves the row to be retried (the engine's back-off) and the offset where it
was; a desk restarted goes on from there too. The service answers a chunk it already has
without change, tells where to go on from when the desk is behind (409
``…/upload-offset``), and throws the bytes away when the whole file's SHA-256 is not the
declared one (422 ``…/hash-mismatch``): the desk then starts the page again from byte 0.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from clerk_app.remote.api import API_PREFIX, ApiClient, ApiError, BadResponseError, _expect_dict
from clerk_app.store import scans
from clerk_app.store.file_cipher import SealedFileError
from clerk_app.store.local import LocalStore, OutboxRow

KIND_ATTACHMENT = scans.KIND_ATTACHMENT
#: The largest chunk the desk sends (the service may suggest a smaller one).
CHUNK_BYTES = 256 * 1024
#: Chunks sent at most for one page in one call (a service that keeps moving the offset
#: back cannot hold the sync thread for ever).
MAX_CHUNKS = 10_000


class UploadRestart(Exception):
    """The service threw the page's bytes away (its hash did not match): try the row again
    later, from byte 0."""


class PageUnreadable(Exception):
    """The page on this desk is missing, sealed with another key, or not the page declared:
    sending it can never succeed (the row is refused for the clerk).

    Attributes:
        problem: a problem document for the refused row (``title``, ``detail``).
    """

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.problem = {"title": "The scanned page cannot be sent", "detail": detail}


class AttachmentUploader:
    """Sends the pages of the ``attachment`` outbox rows (see the module docstring).

    Args:
        api: the service client.
        store: the local store (``case_scans``).
        read_page: the plain bytes of a page (decrypted in memory); raises ``OSError`` or
            ``SealedFileError`` when it cannot be read.
        chunk_bytes: the largest chunk to send.
    """

    def __init__(
        self,
        api: ApiClient,
        store: LocalStore,
        read_page: Callable[[scans.ScanRow], bytes],
        *,
        chunk_bytes: int = CHUNK_BYTES,
    ) -> None:
        self.api = api
        self.store = store
        self.read_page = read_page
        self.chunk_bytes = chunk_bytes

    def send(self, row: OutboxRow, token: str) -> tuple[int, Any]:
        """Declare the row's page and send its bytes; the last answer ``(status, json)``.

        Raises:
            ApiError, NetworkError, TlsError, BadResponseError: as ``ApiClient.send``.
            UploadRestart: the service threw the bytes away; retry the row later.
            PageUnreadable: the page cannot be sent from this desk.
        """
        declared = row.body if isinstance(row.body, dict) else {}
        offset = scans.sent_bytes(self.store, row.idempotency_key)
        data = b""
        if offset < int(declared.get("size") or 0):
            # Read first: a page damaged on this desk is refused here, never declared.
            data = self._page(row.idempotency_key, int(declared["size"]))
        status, answer = self.api.send(
            row.method, row.path, token, row.body_json, row.idempotency_key
        )
        upload = _upload_of(answer)
        upload_id, size = str(upload["id"]), int(upload["size"])
        if offset >= size:
            return status, answer  # the service said it has the whole file
        if len(data) != size:
            raise PageUnreadable(f"page {row.idempotency_key} was declared with another size")
        chunk = max(1, min(self.chunk_bytes, int(upload.get("chunk_bytes") or CHUNK_BYTES)))
        for _ in range(MAX_CHUNKS):
            piece = data[offset : offset + chunk]
            try:
                response = self.api.request(
                    "PUT",
                    f"{API_PREFIX}/uploads/{upload_id}",
                    token=token,
                    body=piece,
                    headers={
                        "Content-Type": "application/octet-stream",
                        "Content-Range": f"bytes {offset}-{offset + len(piece) - 1}/{size}",
                    },
                )
            except ApiError as exc:
                if exc.status == 409 and exc.slug == "upload-offset":
                    offset = self._acknowledged(row, exc.problem.get("received"), size)
                    continue
                if exc.status == 422 and exc.slug == "hash-mismatch":
                    scans.set_sent_bytes(self.store, row.idempotency_key, 0)
                    raise UploadRestart(str(exc)) from exc
                raise
            answer = _json(response.content)
            state = _upload_of(answer)
            offset = self._acknowledged(row, state.get("received"), size)
            if state.get("complete"):
                return response.status_code, answer
        raise UploadRestart(f"upload {upload_id} did not finish in {MAX_CHUNKS} chunks")

    def _acknowledged(self, row: OutboxRow, received: Any, size: int) -> int:
        """Remember what the service says it holds, before the next chunk goes."""
        if not isinstance(received, int) or not 0 <= received <= size:
            raise BadResponseError(f"upload answer without a sane offset: {received!r}", status=200)
        scans.set_sent_bytes(self.store, row.idempotency_key, received)
        return received

    def _page(self, page_id: str, size: int) -> bytes:
        page = scans.scan_row(self.store, page_id)
        if page is None:
            raise PageUnreadable(f"page {page_id} is not kept on this desk")
        try:
            data = self.read_page(page)
        except (OSError, SealedFileError) as exc:
            raise PageUnreadable(f"page {page.material_code}-{page.page}: {exc}") from exc
        if len(data) != size or hashlib.sha256(data).hexdigest() != page.sha256:
            raise PageUnreadable(
                f"page {page.material_code}-{page.page} is not the page scanned (damaged)"
            )
        return data


# -- reading a case's files at the center ---------------------------------------------------

#: ``(connect, read)`` seconds of a list; a file may take longer.
LIST_TIMEOUT = (3.05, 20.0)
FILE_TIMEOUT = (3.05, 60.0)


@dataclass(frozen=True)
class CenterFile:
    """A file of a case's material at the center (``AttachmentPublic``); ``case_no`` is the
    case it is kept with (another part's, for a joint case's shared material)."""

    id: str
    case_no: str
    material_code: str
    page: int
    content_type: str
    size: int
    sha256: str
    complete: bool


def case_files(api: ApiClient, token: str, case_no: str) -> list[CenterFile]:
    """``GET /cases/{case_no}/attachments``: the case's files by material and page.

    Raises:
        ApiError (404: no such case in reach), NetworkError, TlsError, BadResponseError.
    """
    path = f"{API_PREFIX}/cases/{quote(case_no, safe='')}/attachments"
    data = _expect_dict(api.request("GET", path, token=token, timeout=LIST_TIMEOUT))
    items = data.get("items")
    if not isinstance(items, list):
        raise BadResponseError("attachment list without items", status=200)
    try:
        return [
            CenterFile(
                id=str(i["id"]),
                case_no=str(i["case_no"]),
                material_code=str(i["material_code"]),
                page=int(i["page"]),
                content_type=str(i["content_type"]),
                size=int(i["size"]),
                sha256=str(i["sha256"]),
                complete=bool(i["complete"]),
            )
            for i in items
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"attachment list item without {exc}", status=200) from exc


def file_bytes(api: ApiClient, token: str, file: CenterFile) -> bytes:
    """``GET /attachments/{id}``: the whole file (each read is audited at the center),
    checked against its SHA-256.

    Raises:
        ApiError (404: not whole yet, or out of reach), NetworkError, TlsError,
        BadResponseError: the bytes are not the file listed.
    """
    path = f"{API_PREFIX}/attachments/{quote(file.id, safe='')}"
    content = api.request("GET", path, token=token, timeout=FILE_TIMEOUT).content
    if hashlib.sha256(content).hexdigest() != file.sha256:
        raise BadResponseError(f"attachment {file.id}: the bytes are not the file", status=200)
    return content


def _json(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError as exc:
        raise BadResponseError("upload answer is not JSON", status=200) from exc


def _upload_of(answer: Any) -> dict[str, Any]:
    upload = answer.get("upload") if isinstance(answer, dict) else None
    if not isinstance(upload, dict) or "id" not in upload or "size" not in upload:
        raise BadResponseError("attachment answer without its upload", status=200)
    return upload
