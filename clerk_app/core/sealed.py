"""Files sealed with a passphrase: the desk's journal export (``export-journal``), read by
the service's ``import-journal``.

A sealed file is one JSON header line (``format``, the scrypt parameters and salt) and one
Fernet token (AES-128-CBC with HMAC-SHA256, from ``cryptography``) holding the plaintext.
The key is scrypt(passphrase, salt); nothing here is home-made cryptography.
"""

from __future__ import annotations

import base64
import json
import os

from cryptography.exceptions import InvalidKey
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

FORMAT = "window-clerk-sealed/1"
#: The shortest passphrase ``seal`` accepts.
MIN_PASSPHRASE = 12
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class SealError(Exception):
    """Not a sealed file, or the passphrase is wrong (or the file was changed)."""


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    raw = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return base64.urlsafe_b64encode(raw)


def seal(plaintext: bytes, passphrase: str) -> bytes:
    """Encrypt ``plaintext`` with a key derived from ``passphrase``.

    Raises:
        ValueError: the passphrase is shorter than :data:`MIN_PASSPHRASE` characters.
    """
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")
    salt = os.urandom(16)
    header = {"format": FORMAT, "kdf": "scrypt", **_SCRYPT, "salt": base64.b64encode(salt).decode()}
    token = Fernet(_key(passphrase, salt, **_SCRYPT)).encrypt(plaintext)
    return json.dumps(header).encode("ascii") + b"\n" + token + b"\n"


def is_sealed(data: bytes) -> bool:
    """Whether ``data`` starts like a sealed file."""
    first = data.split(b"\n", 1)[0]
    try:
        return bool(json.loads(first).get("format") == FORMAT)
    except (ValueError, AttributeError):
        return False


def unseal(data: bytes, passphrase: str) -> bytes:
    """The plaintext of a sealed file.

    Raises:
        SealError: not a sealed file, a wrong passphrase, or a changed file.
    """
    try:
        first, token = data.split(b"\n", 1)
        header = json.loads(first)
        if header.get("format") != FORMAT or header.get("kdf") != "scrypt":
            raise SealError("not a sealed Window Clerk file")
        salt = base64.b64decode(header["salt"])
        key = _key(passphrase, salt, int(header["n"]), int(header["r"]), int(header["p"]))
        return Fernet(key).decrypt(token.strip())
    except (InvalidToken, InvalidKey):
        raise SealError("wrong passphrase, or the file was changed") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise SealError(f"not a sealed Window Clerk file: {exc}") from exc
