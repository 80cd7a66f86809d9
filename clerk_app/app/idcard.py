"""Reading a resident ID card through the reader vendor's SDK library, with ``ctypes``.

The provisioning file names the library and the interface it implements (``[idcard]``:
``library``, ``kind``, ``port``; :class:`clerk_app.core.idcard.IdCardSetup`). The keyboard-
wedge reader (one that types the number into the focused field) needs none of this and stays
the fallback. Two interfaces, the two that the vendors' SDKs share:

``termb`` (``termb.dll`` / ``libtermb.so``, the common "termb" SDK of 精伦, 华视 and others)::

    int InitComm(int port);        /* 1: the port is open                                 */
    int Authenticate(void);        /* 1: a card was found and selected                    */
    int Read_Content(int active);  /* 1: read; active = 1 (text and photo) writes wz.txt    */
                                   /*    (the 256-byte base message) and zp.bmp (the photo, */
                                   /*    decoded) into the process's working folder         */
    int CloseComm(void);

  The files are looked for in the working folder, then in the library's folder (some builds
  write there); both are removed before each read so an earlier card is never returned.

``sdtapi`` (``sdtapi.dll``, the Ministry's reference SDK that most readers ship)::

    int SDT_OpenPort(int port);                                   /* 0x90: open       */
    int SDT_ClosePort(int port);
    int SDT_StartFindIDCard(int port, unsigned char *mana, int if_open);  /* 0x9f: found */
    int SDT_SelectIDCard(int port, unsigned char *mana, int if_open);     /* 0x90: ok    */
    int SDT_ReadBaseMsg(int port, unsigned char *text, unsigned int *text_len,
                        unsigned char *photo, unsigned int *photo_len, int if_open);
                                   /* 0x90: 256 bytes of base message, 1024 bytes of WLT  */

  The photo is the card's raw WLT image (``photo_format`` ``wlt``). Only the vendor's
  decoder turns it into a picture; with ``[idcard] decoder`` naming it, it is decoded here
  (:func:`decode_wlt`), else the photo stays WLT and the panel says it needs the decoder.

The WLT decoder (``WltRS.dll`` on Windows, ``libwlt.so`` on Linux) — the interface of the
vendors' documentation, assumed here as we have no vendor library to check against::

    int GetBmp(char *wlt_path, int intf);  /* intf: 1 serial, 2 USB (the reader the decoder
                                              checks its licence with); 1: decoded — the
                                              picture is written beside the file, the same
                                              name with .bmp; 0 or negative: failed
                                              (-1 decode, -2 suffix, -3 open, -4 format,
                                              -5 not licensed, -6 no reader) */

  The WLT bytes are written to a private temporary folder as ``zp.wlt``, ``GetBmp`` is
  called with that path, and ``zp.bmp`` is read and both files removed. A decoder that
  cannot be loaded or fails leaves the WLT photo (logged): the card's text is still good.

On Windows the SDKs are ``__stdcall`` (``ctypes.WinDLL``), elsewhere the C convention.

Many vendor DLLs are 32-bit and cannot be loaded into the 64-bit app; such a library gives
``CardReaderProblem("wrong-architecture")`` in-process. With ``[idcard] mode = "helper"``
(or ``helper = "…"`` naming the program) the library is loaded by the helper process
(:mod:`clerk_app.idcard_helper`, built 32-bit for the Windows bundle) and :func:`read_card`
asks it over a pipe (:class:`HelperReader`; the protocol is in docs/INTERFACES.md). A helper
that cannot start, dies, hangs or answers garbage gives ``helper-missing``,
``helper-failed`` or ``helper-timeout``; the library's own failures come back as the same
reasons as in-process.

Every call blocks (a read takes about a second): call :func:`read_card` off the GUI thread.
The SDKs are not thread-safe: one read at a time per process.
"""

from __future__ import annotations

import ctypes
import logging
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from clerk_app.app.idcard_pipe import HelperReader, helper_reader
from clerk_app.core.errors import CardReaderProblem
from clerk_app.core.idcard import (
    BASE_MESSAGE_BYTES,
    WLT_PHOTO_BYTES,
    BadCardData,
    IdCard,
    IdCardSetup,
    parse_base_message,
)

__all__ = ["HelperReader", "decode_wlt", "load_library", "read_card", "read_raw"]

log = logging.getLogger("clerk.devices")

_LOCK = threading.Lock()
_LOADED: dict[Path, Any] = {}
_DECODERS: dict[Path, Any] = {}

#: ``termb``: the names of what ``Read_Content(1)`` writes.
TERMB_TEXT = "wz.txt"
TERMB_PHOTO = "zp.bmp"

#: ``sdtapi`` return codes.
SDT_OK = 0x90
SDT_FOUND = 0x9F

_FUNCTIONS = {
    "termb": ("InitComm", "Authenticate", "Read_Content", "CloseComm"),
    "sdtapi": (
        "SDT_OpenPort",
        "SDT_ClosePort",
        "SDT_StartFindIDCard",
        "SDT_SelectIDCard",
        "SDT_ReadBaseMsg",
    ),
}


def _wrong_architecture(exc: OSError) -> bool:
    """A library built for another architecture: Windows error 193 (``%1 is not a valid
    Win32 application``), the loader's "wrong ELF class" or a Mach-O "incompatible
    architecture"."""
    text = str(exc).lower()
    return (
        getattr(exc, "winerror", None) == 193
        or "wrong elf class" in text
        or "incompatible architecture" in text
    )


def load_library(setup: IdCardSetup) -> Any:
    """The SDK library of ``setup``, loaded once per process, its functions typed.

    Raises:
        CardReaderProblem: ``library-missing``, ``wrong-architecture`` or ``wrong-library``.
    """
    path = setup.library
    if path in _LOADED:
        return _LOADED[path]
    if not path.is_file():
        raise CardReaderProblem("library-missing", f"no file {path}")
    loader = getattr(ctypes, "WinDLL", ctypes.CDLL) if sys.platform == "win32" else ctypes.CDLL
    try:
        lib = loader(str(path))
    except OSError as exc:
        reason = "wrong-architecture" if _wrong_architecture(exc) else "library-missing"
        raise CardReaderProblem(reason, str(exc)) from exc
    missing = [name for name in _FUNCTIONS[setup.kind] if not hasattr(lib, name)]
    if missing:
        raise CardReaderProblem(
            "wrong-library", f"{path.name} has no {', '.join(missing)} ({setup.kind})"
        )
    _declare(lib, setup.kind)
    _LOADED[path] = lib
    log.info("ID card reader library %s loaded (%s)", path, setup.kind)
    return lib


def _declare(lib: Any, kind: str) -> None:
    c_int: Any = ctypes.c_int
    signatures: tuple[tuple[str, list[Any]], ...]
    if kind == "termb":
        signatures = (
            ("InitComm", [c_int]),
            ("Authenticate", []),
            ("Read_Content", [c_int]),
            ("CloseComm", []),
        )
    else:
        buf: Any = ctypes.c_char_p
        uint_p: Any = ctypes.POINTER(ctypes.c_uint)
        signatures = (
            ("SDT_OpenPort", [c_int]),
            ("SDT_ClosePort", [c_int]),
            ("SDT_StartFindIDCard", [c_int, buf, c_int]),
            ("SDT_SelectIDCard", [c_int, buf, c_int]),
            ("SDT_ReadBaseMsg", [c_int, buf, uint_p, buf, uint_p, c_int]),
        )
    for name, args in signatures:
        getattr(lib, name).argtypes = args
        getattr(lib, name).restype = c_int


def read_card(setup: IdCardSetup) -> IdCard:
    """Read the card on the reader of ``setup`` (blocks about a second), in this process or
    through the helper process (``setup.mode == "helper"``).

    Raises:
        CardReaderProblem: any of its reasons; nothing else for a reader's failure.
    """
    if setup.mode == "helper":
        text, photo, fmt = helper_reader(setup).read(setup)
    else:
        text, photo, fmt = read_raw(setup)
    try:
        card = parse_base_message(text, photo, fmt)
    except BadCardData as exc:
        raise CardReaderProblem("bad-data", str(exc)) from exc
    log.info("ID card read (%s, number ending %s)", setup.kind, card.id_number[-4:])
    return card


def read_raw(setup: IdCardSetup) -> tuple[bytes, bytes, str]:
    """The card's base message, its photo and the photo's format (``bmp`` / ``wlt``), read
    through the library in this process (what the helper process calls too).

    Raises:
        CardReaderProblem: any of its reasons.
    """
    lib = load_library(setup)
    with _LOCK:
        if setup.kind == "termb":
            return _read_termb(lib, setup)
        text, photo, fmt = _read_sdtapi(lib, setup)
        if photo and setup.decoder is not None:
            picture = decode_wlt(setup.decoder, photo, setup.port)
            if picture is not None:
                return text, picture, "bmp"
        return text, photo, fmt


#: ``GetBmp``'s ``intf``: 1 a serial reader, 2 a USB one (ports 1001–1016).
def _decoder_interface(port: int) -> int:
    return 2 if port >= 1001 else 1


def decode_wlt(decoder: Path, wlt: bytes, port: int) -> bytes | None:
    """The BMP picture of a card's WLT photo through the vendor's ``GetBmp``; None when the
    decoder is missing, cannot be loaded or fails (logged; the photo stays WLT)."""
    try:
        lib = _DECODERS.get(decoder)
        if lib is None:
            if not decoder.is_file():
                raise OSError(f"no file {decoder}")
            loader = ctypes.CDLL
            if sys.platform == "win32":
                loader = getattr(ctypes, "WinDLL", ctypes.CDLL)
            lib = loader(str(decoder))
            lib.GetBmp.argtypes = [ctypes.c_char_p, ctypes.c_int]
            lib.GetBmp.restype = ctypes.c_int
            _DECODERS[decoder] = lib
    except (OSError, AttributeError) as exc:
        log.warning("WLT decoder %s cannot be used: %s", decoder, exc)
        return None
    folder = Path(tempfile.mkdtemp(prefix="clerk-wlt-"))
    try:
        wlt_file = folder / "zp.wlt"
        wlt_file.write_bytes(wlt)
        code = lib.GetBmp(
            str(wlt_file).encode(sys.getfilesystemencoding()), _decoder_interface(port)
        )
        bmp_file = wlt_file.with_suffix(".bmp")
        if code != 1 or not bmp_file.is_file():
            log.warning("WLT decoder %s: GetBmp returned %s", decoder.name, code)
            return None
        return bmp_file.read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # the holder's photo leaves no file behind


def _termb_folders(setup: IdCardSetup) -> list[Path]:
    folders = [Path.cwd(), setup.library.resolve().parent]
    return list(dict.fromkeys(folders))


def _read_termb(lib: Any, setup: IdCardSetup) -> tuple[bytes, bytes, str]:
    folders = _termb_folders(setup)
    for folder in folders:
        for name in (TERMB_TEXT, TERMB_PHOTO):
            (folder / name).unlink(missing_ok=True)
    code = lib.InitComm(setup.port)
    if code != 1:
        raise CardReaderProblem("no-reader", f"InitComm({setup.port}) returned {code}")
    try:
        code = lib.Authenticate()
        if code != 1:
            raise CardReaderProblem("no-card", f"Authenticate returned {code}")
        code = lib.Read_Content(1)
        if code != 1:
            raise CardReaderProblem("card-removed", f"Read_Content returned {code}")
        for folder in folders:
            text_file = folder / TERMB_TEXT
            if text_file.is_file():
                text = text_file.read_bytes()
                photo_file = folder / TERMB_PHOTO
                photo = photo_file.read_bytes() if photo_file.is_file() else b""
                for done in (text_file, photo_file):
                    done.unlink(missing_ok=True)  # the holder's data leaves no file behind
                return text, photo, "bmp"
        raise CardReaderProblem("bad-data", f"Read_Content wrote no {TERMB_TEXT}")
    finally:
        lib.CloseComm()


def _read_sdtapi(lib: Any, setup: IdCardSetup) -> tuple[bytes, bytes, str]:
    port = setup.port
    code = lib.SDT_OpenPort(port)
    if code != SDT_OK:
        raise CardReaderProblem("no-reader", f"SDT_OpenPort({port}) returned {code:#x}")
    try:
        mana = ctypes.create_string_buffer(8)
        code = lib.SDT_StartFindIDCard(port, mana, 0)
        if code != SDT_FOUND:
            raise CardReaderProblem("no-card", f"SDT_StartFindIDCard returned {code:#x}")
        code = lib.SDT_SelectIDCard(port, mana, 0)
        if code != SDT_OK:
            raise CardReaderProblem("card-removed", f"SDT_SelectIDCard returned {code:#x}")
        text = ctypes.create_string_buffer(BASE_MESSAGE_BYTES + 64)
        photo = ctypes.create_string_buffer(WLT_PHOTO_BYTES + 64)
        text_len = ctypes.c_uint(0)
        photo_len = ctypes.c_uint(0)
        code = lib.SDT_ReadBaseMsg(
            port, text, ctypes.byref(text_len), photo, ctypes.byref(photo_len), 0
        )
        if code != SDT_OK:
            raise CardReaderProblem("card-removed", f"SDT_ReadBaseMsg returned {code:#x}")
        n_text = min(text_len.value, len(text))
        n_photo = min(photo_len.value, len(photo))
        return text.raw[:n_text], photo.raw[:n_photo], "wlt"
    finally:
        lib.SDT_ClosePort(port)
