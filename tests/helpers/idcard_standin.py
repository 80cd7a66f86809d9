"""The stand-in ID card reader SDK (``idcard_standin.c``), compiled with gcc at test time,
and a fixture card: what the reader hands over and the record it must become."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from datetime import date
from pathlib import Path

from clerk_app.core.idcard import BASE_MESSAGE_BYTES, IdCard

SOURCE = Path(__file__).with_name("idcard_standin.c")

#: The fixture card (a valid check digit; a name and address of no real person).
CARD = IdCard(
    name="张三丰",
    sex="male",
    ethnicity_code="01",
    ethnicity="汉",
    birth_date=date(1985, 6, 15),
    address="河北省石家庄市长安区和平东路100号3单元501室",
    id_number="110105198506150030",
    authority="石家庄市公安局长安分局",
    valid_from=date(2016, 3, 1),
    valid_to=date(2036, 3, 1),
)

_LAYOUT = (
    ("name", 15),
    ("sex", 1),
    ("ethnicity", 2),
    ("birth", 8),
    ("address", 35),
    ("id_number", 18),
    ("authority", 15),
    ("valid_from", 8),
    ("valid_to", 8),
    ("reserved", 18),
)


def base_message(card: IdCard, *, valid_to: str | None = None) -> bytes:
    """The 256-byte UCS-2 base message a card reader gives for ``card``."""
    values = {
        "name": card.name,
        "sex": {"male": "1", "female": "2"}.get(card.sex, "0"),
        "ethnicity": card.ethnicity_code,
        "birth": card.birth_date.strftime("%Y%m%d"),
        "address": card.address,
        "id_number": card.id_number,
        "authority": card.authority,
        "valid_from": card.valid_from.strftime("%Y%m%d"),
        "valid_to": valid_to
        if valid_to is not None
        else (card.valid_to.strftime("%Y%m%d") if card.valid_to else "长期"),
        "reserved": "",
    }
    text = "".join(values[name][:width].ljust(width) for name, width in _LAYOUT)
    raw = text.encode("utf-16-le")
    assert len(raw) == BASE_MESSAGE_BYTES
    return raw


def bmp(width: int = 4, height: int = 4, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small 24-bit BMP of one colour (a photo Qt can show)."""
    row = bytes(reversed(rgb)) * width
    row += b"\0" * ((4 - len(row) % 4) % 4)
    pixels = row * height
    header = struct.pack("<2sIHHI", b"BM", 54 + len(pixels), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return header + info + pixels


#: What the stand-in decoder's ``GetBmp`` writes for any 1024-byte WLT photo.
DECODED_COLOUR = (30, 90, 200)


def decoded_bmp() -> bytes:
    """The fixture picture the stand-in ``GetBmp`` decodes every WLT photo to."""
    return bmp(102, 126, DECODED_COLOUR)


def build_standin(folder: Path) -> Path | None:
    """Compile the stand-in into ``folder``; None when there is no C compiler."""
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        return None
    suffix = ".dll" if sys.platform == "win32" else ".so"
    out = folder / f"libtermb_standin{suffix}"
    subprocess.run(
        [gcc, "-shared", "-fPIC", "-O1", "-Wall", "-Werror", "-o", str(out), str(SOURCE)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return out


def elf32_header(path: Path) -> Path:
    """A file that starts like a 32-bit x86 shared library (what many vendor SDKs are)."""
    ident = b"\x7fELF" + bytes([1, 1, 1, 0]) + b"\0" * 8
    rest = struct.pack("<HHIIIIIHHHHHH", 3, 3, 1, 0, 52, 0, 0, 52, 32, 0, 40, 0, 0)
    path.write_bytes(ident + rest + b"\0" * 64)
    return path
