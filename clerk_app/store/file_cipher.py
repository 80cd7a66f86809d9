"""The desk's document files encrypted at rest: AES-256-GCM from ``cryptography``.

Every file the desk keeps in its documents folder (the PDFs of issued notices, reprints and
slips, service guides, anything scanned or attached later) is written sealed:

    b"WCDOC\\x01" | key id (8 bytes) | nonce (12 bytes) | AES-GCM ciphertext and tag

The key is derived (HKDF-SHA256) from the local database key that
:class:`clerk_app.store.keys.SecretStore` keeps (the OS keyring, else the 0600 machine key
file), so the documents' key is lost only with the database's, and the start already
refuses to make a new database key for an existing database. The key id (a fingerprint of
the key, never the key) tells "sealed with a key this desk does not have" apart from
"damaged". Files are decrypted in memory only.

A file from an older client (plain ``%PDF``) is sealed in place at the start
(:func:`seal_folder`): the sealed copy is written next to it, synced, then renamed over
it, so a crash leaves either the old file or the new one, and a second run skips what is
sealed already.

``cryptography`` (its own OpenSSL, ~6 MiB resident) is loaded at the first key derived or
file sealed or opened, not with this module: a start that finds no plain file to seal does
not load it (issue 21).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("clerk.store")

#: The first bytes of every sealed file.
MAGIC = b"WCDOC\x01"
KEY_ID_BYTES = 8
NONCE_BYTES = 12
HEADER_BYTES = len(MAGIC) + KEY_ID_BYTES + NONCE_BYTES
#: HKDF ``info`` of the documents key (a different use of the database key).
KEY_INFO = b"window-clerk documents at rest v1"
#: Temp files of an interrupted write start with this (removed at the next start).
TEMP_PREFIX = ".sealing-"


class SealedFileError(Exception):
    """A document file cannot be read.

    Attributes:
        reason: ``"key"`` (sealed with a key this desk does not have), ``"damaged"`` (not a
            sealed file, or altered), ``"missing"`` (no such file).
        path: the file.
    """

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{path.name}: {reason}{': ' + detail if detail else ''}")
        self.reason = reason
        self.path = path


def derive_key(database_key_hex: str) -> bytes:
    """The 256-bit documents key from the database key (64 hex digits)."""
    material = bytes.fromhex(database_key_hex)
    if len(material) != 32:
        raise ValueError("the database key must be 32 bytes (64 hex digits)")
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=KEY_INFO).derive(material)


def key_id(key: bytes) -> bytes:
    """A fingerprint of ``key`` kept in each file's header (never the key itself)."""
    return hashlib.sha256(b"window-clerk documents key id\x00" + key).digest()[:KEY_ID_BYTES]


def is_sealed(data: bytes) -> bool:
    """True when ``data`` (a file's first bytes or all of them) is a sealed file."""
    return data[: len(MAGIC)] == MAGIC


@dataclass(frozen=True)
class FileCipher:
    """Seal and open the desk's document files with one key.

    Args:
        key: the 32-byte documents key (:func:`derive_key`).
    """

    key: bytes

    @property
    def key_id(self) -> bytes:
        return key_id(self.key)

    def seal(self, plain: bytes) -> bytes:
        """The sealed form of ``plain`` (a new random nonce each time)."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        head = MAGIC + self.key_id
        nonce = secrets.token_bytes(NONCE_BYTES)
        return head + nonce + AESGCM(self.key).encrypt(nonce, plain, head)

    def open(self, sealed: bytes, path: Path | None = None) -> bytes:
        """The plain bytes of a sealed file.

        Raises:
            SealedFileError: another key sealed it (``key``), or it is not sealed or was
                altered (``damaged``).
        """
        where = path or Path("document")
        if not is_sealed(sealed) or len(sealed) < HEADER_BYTES + 16:
            raise SealedFileError("damaged", where, "not a sealed document")
        head = sealed[: len(MAGIC) + KEY_ID_BYTES]
        if head[len(MAGIC) :] != self.key_id:
            raise SealedFileError("key", where, "sealed with another key")
        nonce = sealed[len(head) : HEADER_BYTES]
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            return AESGCM(self.key).decrypt(nonce, sealed[HEADER_BYTES:], head)
        except InvalidTag as exc:
            raise SealedFileError("damaged", where, "altered or cut short") from exc

    def read(self, path: Path) -> bytes:
        """The plain bytes of the file at ``path``; a file an older client left plain
        (``%PDF``, not sealed yet) is returned as it is.

        Raises:
            SealedFileError: missing, sealed with another key, or damaged.
        """
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError as exc:
            raise SealedFileError("missing", Path(path)) from exc
        if data.startswith(b"%PDF"):
            return data
        return self.open(data, Path(path))

    def write(self, path: Path, plain: bytes) -> Path:
        """Seal ``plain`` into ``path`` atomically (temp file, fsync, rename; owner only).

        Raises:
            OSError: the file could not be written (the old one, or none, is left).
        """
        target = Path(path)
        _atomic_write(target, self.seal(plain))
        return target

    def seal_file(self, path: Path) -> bool:
        """Seal a plain file in place; False when it is sealed already (nothing done)."""
        data = path.read_bytes()
        if is_sealed(data):
            return False
        _atomic_write(path, self.seal(data))
        return True


def seal_folder(cipher: FileCipher | Callable[[], FileCipher], folder: Path) -> int:
    """Seal every plain file under ``folder`` (an older client's PDFs); returns how many.

    Idempotent and crash-safe: each file is replaced by its sealed copy with a rename; temp
    files of an interrupted run are removed first. A file that cannot be sealed is logged
    and left (the next start tries again). ``cipher`` may be a function that makes it: it is
    called at the first plain file only (none found: no key derived, nothing loaded).
    """
    if not folder.is_dir():
        return 0
    # Temp files of a write a crash interrupted: ours (sealed) and an older version's
    # (``.<name>.<random>.tmp``, plain). Nothing writes here while the desk starts.
    for pattern in (f"{TEMP_PREFIX}*", ".*.tmp"):
        for leftover in folder.rglob(pattern):
            with contextlib.suppress(OSError):
                leftover.unlink()
    sealed = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.name.startswith("."):
            continue
        try:
            with path.open("rb") as fh:
                if is_sealed(fh.read(len(MAGIC))):
                    continue
        except OSError as exc:
            log.error("could not encrypt the old document %s: %s", path.name, exc)
            continue
        if not isinstance(cipher, FileCipher):
            cipher = cipher()  # raises as its maker does (the key can be neither read nor kept)
        try:
            if cipher.seal_file(path):
                sealed += 1
        except OSError as exc:
            log.error("could not encrypt the old document %s: %s", path.name, exc)
    if sealed:
        log.warning("encrypted %d document files an older version had left plain", sealed)
    return sealed


def _atomic_write(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=target.parent)  # 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if os.name == "posix":
        folder_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder_fd)
        finally:
            os.close(folder_fd)
