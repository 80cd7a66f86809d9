"""The PDFs on the desk's disk (issue 14): what a thief of the window PC finds in the
documents folder is sealed (AES-GCM, the key derived from the database key), yet the clerk
still opens, previews, reprints and exports them; an older version's plain PDFs are
encrypted at the next start without losing one; a PDF whose key this desk does not have is
a plain message, and nothing else is lost."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk_app.app.documents import (
    DocumentUnreadable,
    case_archive,
    document_pdf,
    export_pdf,
    reprint_document,
)
from clerk_app.app.take_in import take_in_case
from clerk_app.documents import archive_data
from clerk_app.gui.pdf_viewer import PdfViewer, open_document
from clerk_app.store.file_cipher import TEMP_PREFIX
from tests.helpers.documents import flat, pdf_text
from tests.helpers.printing import clerk_session
from tests.helpers.security_desk import UNREACHABLE
from tests.helpers.workload import VALID_ID, demo_item, draft_for

NAME = "测试申请人1"


def _accept(ctx, n: int = 1):
    catalog, item = demo_item()
    return take_in_case(
        ctx, clerk_session(), draft_for(item, n), item, catalog_version=catalog.version
    )


def _plain_text(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "plain-read.pdf"
    pdf.write_bytes(data)
    try:
        return flat(pdf_text(pdf))
    finally:
        pdf.unlink()


def _forms(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-be"), text.encode("utf-16-le")]


def test_a_stored_notice_is_sealed_and_still_opens_reprints_and_exports(make_desk, tmp_path, qtbot):
    ctx = make_desk(UNREACHABLE)
    taken = _accept(ctx)
    assert taken.receipt_error is None
    files = sorted(ctx.paths.documents_dir.rglob("*.pdf"))
    assert {taken.receipt_path, taken.slip_issued.path} <= set(files)

    for path in files:
        raw = path.read_bytes()
        assert b"%PDF" not in raw, path.name
        for secret in (VALID_ID, NAME, taken.case_no):
            assert not any(form in raw for form in _forms(secret)), (path.name, secret)
        done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=False)
        assert done.returncode != 0  # a PDF reader finds no PDF in it

    # The clerk still has it: in memory, the very PDF whose hash was archived.
    plain = document_pdf(ctx, taken.receipt_path)
    assert plain.startswith(b"%PDF")
    assert hashlib.sha256(plain).hexdigest() == taken.receipt.sha256
    text = _plain_text(plain, tmp_path)
    assert NAME in text and taken.case_no in text

    # Opened in the desk's viewer (a preview from memory), reprinted, exported on request.
    viewer = open_document(None, ctx, taken.receipt_path, "受理通知书", "acceptance")
    assert isinstance(viewer, PdfViewer) and viewer.document.pageCount() >= 1
    viewer.close()
    [original] = case_archive(ctx, taken.case_no).originals[:1]
    again = reprint_document(ctx, clerk_session(), archive_data.decode(original.data_json))
    assert not again.path.read_bytes().startswith(b"%PDF")
    assert "副本/REPRINT" in _plain_text(document_pdf(ctx, again.path), tmp_path)
    out = export_pdf(ctx, taken.receipt_path, tmp_path / "for-the-applicant.pdf")
    assert out.read_bytes() == plain  # a plain copy, by the clerk's choice


def test_an_older_versions_plain_pdfs_are_encrypted_at_start_and_still_open(make_desk, tmp_path):
    ctx = make_desk(UNREACHABLE)
    taken = _accept(ctx)
    plain = document_pdf(ctx, taken.receipt_path)
    guide = ctx.paths.documents_dir / "guides" / "DEMO-GA-001-guide.pdf"
    guide.parent.mkdir(parents=True, exist_ok=True)
    # What an older version left: the same PDFs, plain; and a crash's half-written temp file.
    taken.receipt_path.write_bytes(plain)
    guide.write_bytes(plain)
    leftover = ctx.paths.documents_dir / f"{TEMP_PREFIX}crash.tmp"
    leftover.write_bytes(b"half a sealed file")
    old_temp = ctx.paths.documents_dir / f".{taken.receipt_path.name}.x1y2.tmp"
    old_temp.write_bytes(plain[:1000])  # an older version's interrupted write: plain
    ctx.close()

    again = make_desk(UNREACHABLE)  # the new version starts on the same files
    for path in (taken.receipt_path, guide):
        assert not path.read_bytes().startswith(b"%PDF"), path.name
        assert document_pdf(again, path) == plain
    assert not leftover.exists() and not old_temp.exists()
    assert not list(again.paths.documents_dir.rglob(f"{TEMP_PREFIX}*"))
    sealed = {p: p.read_bytes() for p in again.paths.documents_dir.rglob("*.pdf")}
    again.close()

    third = make_desk(UNREACHABLE)  # idempotent: nothing sealed twice
    assert {p: p.read_bytes() for p in third.paths.documents_dir.rglob("*.pdf")} == sealed
    assert document_pdf(third, taken.receipt_path) == plain
    assert third.backend.store.get_case(taken.case_no) is not None


def test_a_pdf_whose_key_this_desk_lacks_is_a_plain_message_and_nothing_else_is_lost(
    make_desk, qtbot
):
    here = make_desk(UNREACHABLE)
    mine = _accept(here)
    other = make_desk(UNREACHABLE, home="another-pc")  # another desk: another key
    theirs = _accept(other, 2)
    # IT restored the other PC's documents folder into this one (or this desk was
    # reinstalled and its old key is gone): that file's key is not on this desk.
    foreign = here.paths.documents_dir / "restored" / theirs.receipt_path.name
    foreign.parent.mkdir()
    foreign.write_bytes(theirs.receipt_path.read_bytes())
    here.close()

    ctx = make_desk(UNREACHABLE)  # the start neither fails nor touches the foreign file
    assert foreign.read_bytes() == theirs.receipt_path.read_bytes()
    with pytest.raises(DocumentUnreadable) as info:
        document_pdf(ctx, foreign)
    assert info.value.reason == "key"

    assert open_document(None, ctx, foreign, "受理通知书", "acceptance") is None
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    [box] = [b for b in boxes if b.objectName() == "documentUnreadableBox" and b.isVisible()]
    assert "key this computer does not have" in box.text()
    assert "Traceback" not in box.text() and "InvalidTag" not in box.text()
    box.close()

    # Nothing else is lost: this desk's case, its own PDFs, and new documents.
    assert ctx.backend.store.get_case(mine.case_no) is not None
    assert document_pdf(ctx, mine.receipt_path).startswith(b"%PDF")
    assert _accept(ctx, 3).receipt_error is None


def test_a_damaged_pdf_is_a_plain_message(make_desk):
    ctx = make_desk(UNREACHABLE)
    taken = _accept(ctx)
    raw = bytearray(taken.receipt_path.read_bytes())
    raw[-5] ^= 0xFF  # one flipped byte: AES-GCM's tag no longer matches
    taken.receipt_path.write_bytes(bytes(raw))
    with pytest.raises(DocumentUnreadable) as info:
        document_pdf(ctx, taken.receipt_path)
    assert info.value.reason == "damaged"
    assert document_pdf(ctx, taken.slip_issued.path).startswith(b"%PDF")
