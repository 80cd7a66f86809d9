"""Font choice, atomic writing and the repaired text map of written PDFs."""

from __future__ import annotations

import ast
import errno
import os
import re
from pathlib import Path

import pytest

from clerk_app.documents import (
    DocumentTexts,
    DocumentWriteError,
    NoCjkFontError,
    build_receipt,
    pick_cjk_family,
    write_pdf,
)
from clerk_app.documents import pdf as pdf_module
from tests.helpers.documents import pdf_fonts, pdf_info, pdf_text, receipt

CHINESE = {
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    "SimSun",
    "Microsoft YaHei",
    "Songti SC",
    "PingFang SC",
    "Some Chinese Font",
}


def covers(family: str) -> bool:
    return family in CHINESE


def test_font_picker_prefers_serif_cjk_on_linux():
    families = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Serif CJK SC"]
    assert pick_cjk_family(families, supports_chinese=covers, platform="linux") == (
        "Noto Serif CJK SC"
    )


def test_font_picker_uses_simsun_on_windows_and_songti_on_macos():
    windows = ["Arial", "Microsoft YaHei", "SimSun"]
    mac = ["Helvetica", "PingFang SC", "Songti SC"]
    assert pick_cjk_family(windows, supports_chinese=covers, platform="win32") == "SimSun"
    assert pick_cjk_family(mac, supports_chinese=covers, platform="darwin") == "Songti SC"


def test_font_picker_falls_back_to_any_family_that_covers_chinese():
    families = ["Arial", "Some Chinese Font"]
    assert pick_cjk_family(families, supports_chinese=covers, platform="linux") == (
        "Some Chinese Font"
    )


def test_font_picker_ignores_a_preferred_name_without_chinese_glyphs():
    # A family may carry a well-known name and still lack the glyphs (a broken install).
    families = ["SimSun", "Noto Sans CJK SC"]
    picked = pick_cjk_family(
        families, supports_chinese=lambda f: f == "Noto Sans CJK SC", platform="win32"
    )
    assert picked == "Noto Sans CJK SC"


def test_no_cjk_font_raises_a_clear_bilingual_error():
    with pytest.raises(NoCjkFontError) as caught:
        pick_cjk_family(["DejaVu Sans", "Arial"], supports_chinese=covers, platform="linux")
    message = str(caught.value)
    assert "中文字体" in message
    assert "CJK font" in message


def test_font_picker_finds_a_cjk_font_on_this_machine(qapp):
    assert "CJK" in pick_cjk_family()


def test_write_pdf_without_cjk_font_writes_nothing(qapp, tmp_path, monkeypatch):
    def no_chinese() -> str:
        return pick_cjk_family(["DejaVu Sans"], supports_chinese=covers)

    monkeypatch.setattr(pdf_module, "pick_cjk_family", no_chinese)
    target = tmp_path / "r.pdf"
    with pytest.raises(NoCjkFontError):
        write_pdf("<p>受理通知书</p>", target)
    assert list(tmp_path.iterdir()) == []


def test_disk_full_raises_document_write_error_and_keeps_the_old_file(qapp, tmp_path, monkeypatch):
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old receipt")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pdf_module.os, "fsync", full_disk)
    with pytest.raises(DocumentWriteError) as caught:
        write_pdf("<p>受理通知书</p>", target)
    assert caught.value.errno == errno.ENOSPC
    assert "磁盘空间已满" in str(caught.value)
    assert "disk is full" in str(caught.value)
    assert target.read_bytes() == b"old receipt"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]  # no temp file left


def test_missing_folder_raises_document_write_error(qapp, tmp_path):
    with pytest.raises(DocumentWriteError) as caught:
        write_pdf("<p>受理通知书</p>", tmp_path / "no-such-folder" / "r.pdf")
    assert "文书未能保存" in str(caught.value)


def test_write_pdf_replaces_an_existing_file_with_a_complete_pdf(qapp, tmp_path):
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old receipt")
    write_pdf("<p>受理通知书</p>", target, title="t")
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert "受理通知书" in pdf_text(target)


def test_unknown_page_format_is_refused(qapp, tmp_path):
    with pytest.raises(ValueError, match="A4"):
        write_pdf("<p>x</p>", tmp_path / "r.pdf", page="A3")


def xref_offsets(data: bytes) -> dict[int, int]:
    start = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data).group(1))
    assert data[start : start + 4] == b"xref"
    section = data[start : data.index(b"trailer", start)].split(b"\n")
    first, count = (int(x) for x in section[1].split())
    offsets = {}
    for number, line in zip(range(first, first + count), section[2:], strict=False):
        offset, _, kind = line.split()[:3]
        if kind == b"n":
            offsets[number] = int(offset)
    return offsets


def test_repaired_pdf_cross_reference_points_at_every_object(qapp, tmp_path):
    target = tmp_path / "r.pdf"
    # 人 民 户 share glyphs with radicals / traditional forms: the text map is rewritten.
    write_pdf("<p>中华人民共和国 居民户口簿</p>", target)
    data = target.read_bytes()
    offsets = xref_offsets(data)
    assert offsets
    for number, offset in offsets.items():
        assert data[offset:].startswith(b"%d 0 obj" % number)
    _, complaints = pdf_info(target)
    assert complaints == ""
    assert "中华人民共和国 居民户口簿" in pdf_text(target)


def test_receipt_renders_with_a_given_font_family(qapp, tmp_path):
    target = tmp_path / "r.pdf"
    doc = build_receipt(receipt(), DocumentTexts.load())
    doc.write_pdf(target, font_family="Noto Sans CJK SC")
    names = [font["name"] for font in pdf_fonts(target)]
    assert names
    assert all("NotoSansCJKsc" in name for name in names), names


def test_documents_package_never_imports_qt_widgets():
    root = Path(__file__).resolve().parents[3] / "clerk_app" / "documents"
    for source in root.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            assert not [n for n in names if "QtWidgets" in n], source.name
