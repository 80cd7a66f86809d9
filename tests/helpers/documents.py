"""Receipt data for tests, and the poppler / zbar command-line tools that read a PDF back."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import ReceiptData

FULL_ID = "11010519491231002X"
MASKED_ID = "110105********002X"


def receipt(**changes: Any) -> ReceiptData:
    """A realistic promised-case receipt; keyword arguments replace fields."""
    data = ReceiptData(
        center_name="衡水市政务服务中心（示例）",
        department_name="市公安局",
        window_code="W01",
        window_name="公安户籍窗口",
        case_no="HS-W01-20261128-000001",
        query_code="482913",
        progress_url="https://zwfw.example.gov.cn/progress",
        applicant_name="张三",
        applicant_id_type="resident_id",
        applicant_id_number=FULL_ID,
        applicant_kind="person",
        item_code="11131100000000000X-XK-0001",
        item_name="居民身份证换领",
        materials_received=(
            ("居民户口簿", "original", 1),
            ("近期免冠彩色照片（二寸）", "original", 2),
            ("原居民身份证", "original_and_copy", 1),
        ),
        received_at=datetime(2026, 11, 28, 9, 30, tzinfo=CENTER_TZ),
        due_date=date(2026, 12, 7),
        due_provisional=False,
        promised_days=5,
        clerk_name="王敏",
        document_no="衡公受〔2026〕W01-0001号",
    )
    return replace(data, **changes)


def pdf_text(path: Path, *extra: str) -> str:
    """pdftotext's reading of the PDF (raw order, one string)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *extra, str(path), "-"],
        check=True,
        capture_output=True,
    )
    return out.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text with all whitespace removed: line breaks fall anywhere in a paragraph."""
    return re.sub(r"\s+", "", text)


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table as dicts: name, type, emb, sub, uni."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # name, type (may be two words), encoding, emb, sub, uni, object, id
        rows.append(
            {
                "name": parts[0],
                "type": " ".join(parts[1:-6]),
                "emb": parts[-5],
                "sub": parts[-4],
                "uni": parts[-3],
            }
        )
    return rows


def pdf_info(path: Path) -> tuple[dict[str, str], str]:
    """pdfinfo's fields, and whatever it complained about on stderr."""
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    fields = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields, out.stderr


def render_page(path: Path, png_base: Path, dpi: int = 150) -> Path:
    """Page 1 rendered to ``<png_base>.png`` by pdftoppm."""
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            str(path),
            str(png_base),
        ],
        check=True,
        capture_output=True,
    )
    return png_base.with_suffix(".png")


def decode_qr(png: Path) -> list[str]:
    """Every QR payload zbarimg finds in the image (empty when none)."""
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", "--nodbus", str(png)], capture_output=True, check=False
    )
    if out.returncode not in (0, 4):
        raise RuntimeError(f"zbarimg failed: {out.stderr!r}")
    return [line for line in out.stdout.decode("utf-8").splitlines() if line]
