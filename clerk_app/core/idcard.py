"""A resident ID card (居民身份证) as read by an SDK card reader: the frozen record and the
parser of the card's base message.

Every reader SDK (``termb``'s ``wz.txt``, ``sdtapi``'s ``SDT_ReadBaseMsg``) hands over the
same 256-byte base message the card holds (GA 467 / the Ministry's reader SDK), UCS-2
little-endian, fixed-width fields padded with spaces:

=========  =====  ======================================
field      bytes  content
=========  =====  ======================================
name       30     up to 15 characters
sex        2      GB/T 2261.1 code: 1 male, 2 female, 0/9
ethnicity  4      GB 3304 code, ``01`` 汉 … ``56`` 基诺
birth      16     ``YYYYMMDD``
address    70     up to 35 characters
id number  36     18 characters
authority  30     issuing authority, up to 15 characters
valid from 16     ``YYYYMMDD``
valid to   16     ``YYYYMMDD`` or ``长期`` (no end)
reserved   36     (the newest address on some cards)
=========  =====  ======================================

The photo comes beside it: a BMP (``termb`` decodes it to ``zp.bmp``) or the card's raw
1024-byte WLT image (``sdtapi``; only the vendor's decoder turns it into a picture), told
apart by :attr:`IdCard.photo_format`. Pure: no ctypes here (``clerk_app.app.idcard``).

It also holds the framing of the pipe protocol between the app and the card reader's helper
process (``clerk_app.idcard_helper``, for 32-bit vendor libraries): each message is a 4-byte
big-endian length and that many bytes of UTF-8 JSON (:func:`write_frame`,
:func:`read_frame`); see docs/INTERFACES.md for the messages.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

#: Length of the card's base message (text) and of its raw WLT photo, in bytes.
BASE_MESSAGE_BYTES = 256
WLT_PHOTO_BYTES = 1024

#: ``[idcard] kind`` of the provisioning file: the SDK interface the library implements.
READER_KINDS = ("termb", "sdtapi")
#: The SDKs' port numbers: 1–16 serial ports, 1001–1016 USB (``1001`` the first USB reader).
DEFAULT_PORT = 1001
#: ``[idcard] mode``: the library loaded into the app, or into the helper process.
READER_MODES = ("in-process", "helper")
#: Seconds the helper process may take to start or to answer a read before it is given up.
HELPER_TIMEOUT_S = 15.0
#: The helper protocol's version (the ``hello`` exchange); a helper of another one is refused.
HELPER_PROTOCOL = 1
#: The largest frame either side accepts (a photo is a few KB; garbage is not read in full).
MAX_FRAME_BYTES = 1 << 20

#: (field, width in characters) in the order of the base message.
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
)

#: GB 3304 ethnic group codes, as the card prints them (without 族).
ETHNICITIES = {
    "01": "汉", "02": "蒙古", "03": "回", "04": "藏", "05": "维吾尔", "06": "苗", "07": "彝",
    "08": "壮", "09": "布依", "10": "朝鲜", "11": "满", "12": "侗", "13": "瑶", "14": "白",
    "15": "土家", "16": "哈尼", "17": "哈萨克", "18": "傣", "19": "黎", "20": "傈僳",
    "21": "佤", "22": "畲", "23": "高山", "24": "拉祜", "25": "水", "26": "东乡", "27": "纳西",
    "28": "景颇", "29": "柯尔克孜", "30": "土", "31": "达斡尔", "32": "仫佬", "33": "羌",
    "34": "布朗", "35": "撒拉", "36": "毛南", "37": "仡佬", "38": "锡伯", "39": "阿昌",
    "40": "普米", "41": "塔吉克", "42": "怒", "43": "乌孜别克", "44": "俄罗斯", "45": "鄂温克",
    "46": "德昂", "47": "保安", "48": "裕固", "49": "京", "50": "塔塔尔", "51": "独龙",
    "52": "鄂伦春", "53": "赫哲", "54": "门巴", "55": "珞巴", "56": "基诺", "97": "其他",
    "98": "外国血统中国籍人士",
}  # fmt: skip

#: GB/T 2261.1 sex codes.
SEXES = {"0": "unknown", "1": "male", "2": "female", "9": "unspecified"}


@dataclass(frozen=True)
class IdCardSetup:
    """``[idcard]`` of the provisioning file: the SDK library this window's reader uses.

    Attributes:
        mode: ``in-process`` (the library loaded into the app) or ``helper`` (loaded into
            the helper process, for a 32-bit library; :mod:`clerk_app.idcard_helper`).
        helper: the helper program (a frozen ``clerk-idcard-helper.exe``); None: the one
            shipped beside the app, or ``python -m clerk_app.idcard_helper`` from source.
        decoder: the vendor's WLT photo decoder (``WltRS.dll`` / ``libwlt.so``) for an
            ``sdtapi`` reader; None: the raw WLT photo is not shown.
        timeout: seconds the helper may take to start or to answer.
    """

    library: Path
    kind: str  # one of READER_KINDS
    port: int = DEFAULT_PORT
    mode: str = "in-process"
    helper: Path | None = None
    decoder: Path | None = None
    timeout: float = HELPER_TIMEOUT_S


@dataclass(frozen=True)
class IdCard:
    """What a card read gives: the holder's particulars and photo.

    Attributes:
        sex: ``male``, ``female``, ``unknown`` or ``unspecified`` (:data:`SEXES`).
        ethnicity: the name as printed (``汉``); ``ethnicity_code`` the GB 3304 code.
        valid_to: None for a card valid without end (``长期``).
        photo_format: ``bmp`` (a picture Qt shows), ``wlt`` (the card's raw image), or
            ``""`` when the reader gave no photo.
    """

    name: str
    sex: str
    ethnicity_code: str
    ethnicity: str
    birth_date: date
    address: str
    id_number: str
    authority: str
    valid_from: date
    valid_to: date | None
    photo: bytes = b""
    photo_format: str = ""

    def __repr__(self) -> str:  # never the number or the address in a log line
        return f"IdCard(name={self.name!r}, id_number=…{self.id_number[-4:]!r})"


class BadCardData(ValueError):
    """The reader's bytes are not a card's base message (wrong length, bad dates)."""


def _date(text: str, field: str) -> date:
    if len(text) != 8 or not text.isdigit():
        raise BadCardData(f"{field} is not YYYYMMDD: {text!r}")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as exc:
        raise BadCardData(f"{field} is not a date: {text!r}") from exc


def parse_base_message(raw: bytes, photo: bytes = b"", photo_format: str = "") -> IdCard:
    """The card record of a 256-byte base message (UCS-2 LE) and its photo.

    Raises:
        BadCardData: the bytes are too short, not UTF-16, or hold impossible dates.
    """
    if len(raw) < BASE_MESSAGE_BYTES - 36:
        raise BadCardData(f"base message of {len(raw)} bytes, {BASE_MESSAGE_BYTES} expected")
    try:
        text = raw[:BASE_MESSAGE_BYTES].decode("utf-16-le")
    except UnicodeDecodeError as exc:
        raise BadCardData("base message is not UCS-2") from exc
    fields: dict[str, str] = {}
    at = 0
    for name, width in _LAYOUT:
        fields[name] = text[at : at + width].strip(" \x00")
        at += width
    number = fields["id_number"].upper()
    if len(number) != 18:
        raise BadCardData("the ID number is not 18 characters")
    valid_to_text = fields["valid_to"]
    return IdCard(
        name=fields["name"],
        sex=SEXES.get(fields["sex"], "unknown"),
        ethnicity_code=fields["ethnicity"],
        ethnicity=ETHNICITIES.get(fields["ethnicity"], fields["ethnicity"]),
        birth_date=_date(fields["birth"], "birth"),
        address=fields["address"],
        id_number=number,
        authority=fields["authority"],
        valid_from=_date(fields["valid_from"], "valid_from"),
        valid_to=None if valid_to_text.startswith("长期") else _date(valid_to_text, "valid_to"),
        photo=photo,
        photo_format=photo_format if photo else "",
    )


class BadFrame(ValueError):
    """The other end of the helper pipe sent something that is not a frame of JSON."""


def write_frame(stream: IO[bytes], message: dict[str, Any]) -> None:
    """Write one message: its length (4 bytes, big-endian) and its UTF-8 JSON."""
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_FRAME_BYTES:
        raise BadFrame(f"a frame of {len(body)} bytes")
    stream.write(struct.pack(">I", len(body)) + body)
    stream.flush()


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            break
        data += chunk
    return data


def read_frame(stream: IO[bytes]) -> dict[str, Any] | None:
    """The next message of ``stream``; None at its end (the other side closed it).

    Raises:
        BadFrame: a length beyond :data:`MAX_FRAME_BYTES`, a frame cut short, or a body
            that is not a JSON object.
    """
    head = _read_exactly(stream, 4)
    if not head:
        return None
    if len(head) < 4:
        raise BadFrame(f"a frame header of {len(head)} bytes")
    (size,) = struct.unpack(">I", head)
    if size > MAX_FRAME_BYTES:
        raise BadFrame(f"a frame of {size} bytes announced ({head!r})")
    body = _read_exactly(stream, size)
    if len(body) < size:
        raise BadFrame(f"a frame cut short: {len(body)} of {size} bytes")
    try:
        message = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadFrame(f"not JSON: {body[:40]!r}") from exc
    if not isinstance(message, dict):
        raise BadFrame(f"not a JSON object: {body[:40]!r}")
    return message
