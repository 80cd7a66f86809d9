"""Receipt data for tests, and the poppler / zbar command-line tools that read a PDF back.

The desk keeps its PDFs encrypted (``clerk_app.store.file_cipher``); these readers open such
a file with the key of the desk that wrote it, found in the tests' keyring (the key id in
the file's header says which), as the desk itself does in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import ReceiptData
from clerk_app.store.file_cipher import FileCipher, derive_key, is_sealed, key_id
from clerk_app.store.keys import DATABASE_KEY
from tests.helpers.test_keyring import ENV as TEST_KEYRING_ENV

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


def desk_ciphers() -> dict[bytes, FileCipher]:
    """The document ciphers of every desk whose key is in the tests' keyring, by key id."""
    try:
        entries = json.loads(Path(os.environ[TEST_KEYRING_ENV]).read_text("utf-8") or "{}")
    except (KeyError, OSError, ValueError):
        return {}
    found = {}
    for name, value in entries.items():
        if name.split("\n", 1)[-1].startswith(DATABASE_KEY + ":"):
            with contextlib.suppress(ValueError):
                cipher = FileCipher(derive_key(value))
                found[key_id(cipher.key)] = cipher
    return found


def plain_bytes(path: Path) -> bytes:
    """The PDF bytes of ``path``, decrypted when the desk sealed it."""
    data = Path(path).read_bytes()
    if not is_sealed(data):
        return data
    cipher = desk_ciphers().get(data[6:14])
    if cipher is None:
        raise AssertionError(f"{path}: sealed with a key no test desk has")
    return cipher.open(data, Path(path))


@contextlib.contextmanager
def readable(path: Path) -> Iterator[Path]:
    """``path`` itself when it is a plain PDF, else a temporary plain copy."""
    data = Path(path).read_bytes()
    if not is_sealed(data):
        yield Path(path)
        return
    with tempfile.TemporaryDirectory(prefix="plain-pdf-") as folder:
        copy = Path(folder) / Path(path).name
        copy.write_bytes(plain_bytes(path))
        yield copy


def pdf_text(path: Path, *extra: str) -> str:
    """pdftotext's reading of the PDF (raw order, one string)."""
    with readable(path) as pdf:
        out = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *extra, str(pdf), "-"],
            check=True,
            capture_output=True,
        )
    return out.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text with all whitespace removed: line breaks fall anywhere in a paragraph."""
    return re.sub(r"\s+", "", text)


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table as dicts: name, type, emb, sub, uni."""
    with readable(path) as pdf:
        out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
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
    with readable(path) as pdf:
        out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    fields = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields, out.stderr


def render_page(path: Path, png_base: Path, dpi: int = 150) -> Path:
    """Page 1 rendered to ``<png_base>.png`` by pdftoppm."""
    with readable(path) as pdf:
        subprocess.run(
            [
                *("pdftoppm", "-r", str(dpi), "-png", "-singlefile"),
                *("-f", "1", "-l", "1", str(pdf), str(png_base)),
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
