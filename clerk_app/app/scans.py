"""The pages scanned for the materials of an intake: kept encrypted, then with the case.

A page scanned at the counter (``app.scanner``) is sealed at once into the documents folder
(``scans/<page id>.scan``, AES-GCM with the documents' key, ``store.file_cipher``): no
picture of an applicant's papers is ever on disk in clear. Until the case is taken in the
pages belong to the form (:class:`KeptScan`, in memory); :func:`attach_scans` then keeps
them with the case (``store.scans``, one transaction, page numbers per material in the
order scanned) and queues each page for the center in the same transaction.
:func:`scan_image` gives a page's PNG in memory for a thumbnail.

The sync engine sends the queued pages after the case record, in resumable chunks, each
exactly once (:func:`page_uploader`, ``remote.attachments``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.remote.attachments import CHUNK_BYTES, AttachmentUploader
from clerk_app.store import scans as store_scans
from clerk_app.store.file_cipher import FileCipher, SealedFileError
from clerk_app.store.keys import documents_cipher

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

SCANS_FOLDER = "scans"
SUFFIX = ".scan"
MEDIA_TYPE = "image/png"

CaseScan = store_scans.ScanRow
#: A page's file cannot be read (``reason``: ``key``, ``damaged``, ``missing``).
ScanUnreadable = SealedFileError


@dataclass(frozen=True)
class KeptScan:
    """A page sealed on disk, not yet with a case.

    Attributes:
        path: the sealed file, relative to the documents folder.
        sha256, size: of the plain image.
        media_type: ``image/png`` (scanned, a camera's or a PDF's page) or ``image/jpeg``
            (a JPEG file taken in as it is).
    """

    id: str
    material_code: str
    path: str
    sha256: str
    size: int
    scanned_at: datetime
    media_type: str = MEDIA_TYPE


def _cipher(context: AppContext) -> FileCipher:
    secrets = context.backend.secrets
    if secrets is None:
        raise RuntimeError("the desk has no secret store: scans cannot be encrypted")
    return documents_cipher(secrets)


def keep_scan(
    context: AppContext, material_code: str, png: bytes, *, media_type: str = MEDIA_TYPE
) -> KeptScan:
    """Seal a scanned page (a PNG, or a JPEG with ``media_type``) into the documents folder.

    Raises:
        OSError: the file could not be written (nothing is left behind).
    """
    page_id = str(uuid.uuid4())
    folder = context.paths.documents_dir / SCANS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    relative = f"{SCANS_FOLDER}/{page_id}{SUFFIX}"
    _cipher(context).write(context.paths.documents_dir / relative, png)
    return KeptScan(
        id=page_id,
        material_code=material_code,
        path=relative,
        sha256=hashlib.sha256(png).hexdigest(),
        size=len(png),
        scanned_at=context.clock.now(),
        media_type=media_type,
    )


def replace_scan(context: AppContext, scan: KeptScan, image: bytes) -> KeptScan:
    """The page with a new picture (turned): sealed over its file, same id and format.

    Raises:
        OSError: the file could not be written (the old one stays).
    """
    _cipher(context).write(context.paths.documents_dir / scan.path, image)
    return dataclasses.replace(scan, sha256=hashlib.sha256(image).hexdigest(), size=len(image))


def release_scans(context: AppContext, scans: Sequence[KeptScan]) -> int:
    """Remove the files of a form's pages that nothing keeps: not with a case, not named by
    a parked intake (an intake abandoned without parking). Call it on the store's writer,
    after the writes that may have claimed them (take-in, park). Returns how many went."""
    claimed = store_scans.claimed_scan_paths(context.backend.store)
    gone = 0
    for scan in scans:
        if scan.path not in claimed:
            discard_scan(context, scan)
            gone += 1
    return gone


def sweep_scans(context: AppContext, *, before: float | None = None) -> int:
    """Remove every page file under ``scans/`` that nothing keeps (left by an intake
    abandoned when the desk was closed or a parked intake discarded), at start. With
    ``before`` (a file system time, ``time.time()``) only files written before it: a page
    scanned since the start belongs to the form. Returns how many went."""
    folder = context.paths.documents_dir / SCANS_FOLDER
    if not folder.is_dir():
        return 0
    claimed = store_scans.claimed_scan_paths(context.backend.store)
    gone = 0
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if f"{SCANS_FOLDER}/{path.name}" in claimed:
            continue
        try:
            if before is not None and path.stat().st_mtime >= before:
                continue
        except FileNotFoundError:
            continue
        path.unlink(missing_ok=True)
        gone += 1
    return gone


def scan_image(context: AppContext, path: str) -> bytes:
    """A kept page's PNG, decrypted in memory.

    Raises:
        SealedFileError: missing, sealed with another key, or damaged.
    """
    return _cipher(context).read(context.paths.documents_dir / Path(path))


def discard_scan(context: AppContext, scan: KeptScan) -> None:
    """Remove a page the clerk dropped before the case was taken in."""
    (context.paths.documents_dir / scan.path).unlink(missing_ok=True)


def attach_scans(context: AppContext, case_no: str, scans: Sequence[KeptScan]) -> int:
    """Keep the form's pages with the case just taken in; returns how many were added.

    Pages are numbered per material in the order given (scanned). Runs on the store's
    writer.

    Raises:
        KeyError: no such case here.
    """
    pages: dict[str, int] = {}
    rows = []
    for scan in scans:
        pages[scan.material_code] = pages.get(scan.material_code, 0) + 1
        rows.append(
            store_scans.ScanRow(
                id=scan.id,
                case_no=case_no,
                material_code=scan.material_code,
                page=pages[scan.material_code],
                path=scan.path,
                sha256=scan.sha256,
                size=scan.size,
                media_type=scan.media_type,
                scanned_at=scan.scanned_at,
            )
        )
    return store_scans.record_scans(context.backend.store, rows)


def case_scans(context: AppContext, case_no: str) -> list[CaseScan]:
    """The case's scanned pages, by material and page (read only)."""
    return store_scans.case_scans(context.backend.store, case_no)


def page_uploader(
    context: AppContext, *, chunk_bytes: int = CHUNK_BYTES
) -> AttachmentUploader | None:
    """What sends the queued pages for the sync engine, ``chunk_bytes`` at most at a time
    (None: this desk keeps no secrets, so it has no pages it could read)."""
    if context.backend.secrets is None:
        return None
    documents = context.paths.documents_dir

    def read(page: CaseScan) -> bytes:
        return _cipher(context).read(documents / Path(page.path))

    return AttachmentUploader(
        context.backend.api, context.backend.store, read, chunk_bytes=chunk_bytes
    )
