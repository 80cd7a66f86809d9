"""The audit trail's seal: an HMAC key kept apart from the database, and checkpoints.

The hash chain (``audit.py``) shows an edited or deleted record to whoever verifies it, but
someone who holds the database can rewrite the chain from the edit on, or cut its tail, and
recompute every hash. Two things stop that:

- every record written since migration 0008 carries ``mac`` = HMAC-SHA256 of its ``hash``
  under a key that lives in a file (setting ``audit_key_file``), never in the database: a
  rewritten record cannot get a valid ``mac`` without the key;
- every ``audit_checkpoint_every`` records of a center, the head of that center's chain
  (center, position, record id, hash) is appended to a checkpoint file (setting
  ``audit_checkpoint_file``), itself signed with the key, after the record commits: a cut
  tail loses records that a checkpoint names.

The key file is made (32 random bytes, hex, mode 0600) by ``clerk-records audit init-key``
or when the first record is sealed. Checkpoint lines name their database (the URL without
user and password), so one checkpoint file can serve several databases.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import platformdirs
from sqlalchemy.engine import make_url

log = logging.getLogger("records.audit")

KEY_BYTES = 32
KEY_FILE_NAME = "audit.key"
CHECKPOINT_FILE_NAME = "audit-checkpoints.jsonl"
#: ``Session.info`` key of the seal of the records written in that session (db.py).
AUDIT_SEAL = "audit_seal"


class SealError(RuntimeError):
    """The audit key cannot be read or made (the message says which file and why)."""


def database_label(database_url: str) -> str:
    """What names a database in checkpoint lines: its URL without user and password (a
    SQLite file: its absolute path)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///{Path(url.database or ':memory:').resolve()}"
    host = url.host or ""
    port = f":{url.port}" if url.port else ""
    return f"{url.get_backend_name()}://{host}{port}/{url.database or ''}"


def default_key_path(database_url: str) -> Path:
    """Where the key lives when ``audit_key_file`` is not set: next to a SQLite file (a
    small center's one machine), else in the service user's configuration folder. A
    PostgreSQL deployment sets the path (the systemd unit: ``/etc/clerk-records``)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database).resolve().parent / KEY_FILE_NAME
    return Path(platformdirs.user_config_dir("clerk-records", appauthor=False)) / KEY_FILE_NAME


def _write_private(path: Path, data: bytes) -> bool:
    """Create ``path`` with mode 0600 holding ``data``, atomically (a process reading it
    at the same moment sees no file or the whole one); False when it exists already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temporary, path)  # fails when another process made it first
        except FileExistsError:
            return False
        return True
    finally:
        temporary.unlink(missing_ok=True)


@dataclass
class Checkpoint:
    """One checkpoint line: the head of a center's chain at a moment."""

    database: str
    center: str
    seq: int
    record_id: int
    hash: str
    mac: str = ""

    def payload(self) -> bytes:
        body = [self.database, self.center, self.seq, self.record_id, self.hash]
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass
class AuditSeal:
    """The key file, the checkpoint file and how often to checkpoint, for one database.

    Args:
        key_path: the HMAC key file.
        checkpoint_path: the checkpoint file (JSON lines).
        every: checkpoint a center's chain every this many of its records.
        database: :func:`database_label` of the database the records go to.
    """

    key_path: Path
    checkpoint_path: Path
    every: int
    database: str
    _key: bytes | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_settings(cls, settings: Any, database_url: str | None = None) -> AuditSeal:
        """The seal the settings describe for ``database_url`` (default: theirs)."""
        url = database_url or settings.database_url
        key = Path(settings.audit_key_file) if settings.audit_key_file else default_key_path(url)
        checkpoints = (
            Path(settings.audit_checkpoint_file)
            if settings.audit_checkpoint_file
            else key.parent / CHECKPOINT_FILE_NAME
        )
        return cls(key, checkpoints, settings.audit_checkpoint_every, database_label(url))

    # -- the key ---------------------------------------------------------------------------

    def init_key(self) -> bool:
        """Make the key file (0600) unless it exists; True when it was made now."""
        made = _write_private(self.key_path, secrets.token_hex(KEY_BYTES).encode() + b"\n")
        if made:
            log.info("audit key made", extra={"fields": {"path": str(self.key_path)}})
        return made

    @property
    def loaded(self) -> bool:
        """Whether the key has been read already (by this object)."""
        return self._key is not None

    def key_exists(self) -> bool:
        return self.key_path.is_file()

    def key_problem(self) -> str | None:
        """Why the key file is not safe to rely on (readable by others), or None."""
        try:
            mode = self.key_path.stat().st_mode
        except OSError as exc:
            return f"audit key {self.key_path}: {exc.strerror or exc}"
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            return f"audit key {self.key_path} is readable by others (mode {oct(mode & 0o777)})"
        return None

    def key(self, *, create: bool = False) -> bytes:
        """The key's bytes; ``create``: make the file first when it is missing.

        Raises:
            SealError: the file is missing (and not ``create``) or unreadable or malformed.
        """
        with self._lock:
            if self._key is not None:
                return self._key
            if create and not self.key_exists():
                self.init_key()
            try:
                text = self.key_path.read_text(encoding="ascii").strip()
                key = bytes.fromhex(text)
            except FileNotFoundError:
                raise SealError(f"no audit key at {self.key_path}") from None
            except (OSError, ValueError) as exc:
                raise SealError(f"audit key {self.key_path} cannot be read: {exc}") from None
            if len(key) < 16:
                raise SealError(f"audit key {self.key_path} is too short")
            problem = self.key_problem()
            if problem:
                log.warning(problem)
            self._key = key
            return key

    def mac(self, record_hash: str, *, create: bool = True) -> str:
        """HMAC-SHA256 of a record's ``hash`` under the key (hex)."""
        return hmac.new(self.key(create=create), record_hash.encode(), hashlib.sha256).hexdigest()

    def mac_ok(self, record_hash: str, mac: str) -> bool:
        return hmac.compare_digest(self.mac(record_hash, create=False), mac)

    # -- checkpoints ---------------------------------------------------------------------------

    def due(self, seq: int) -> bool:
        """Whether the record at position ``seq`` of its center's chain is checkpointed."""
        return seq % self.every == 0

    def write(self, checkpoints: list[Checkpoint]) -> None:
        """Append ``checkpoints`` (signed) to the checkpoint file, one line each, in one
        ``write`` (O_APPEND: lines of several processes do not interleave)."""
        if not checkpoints:
            return
        key = self.key(create=True)
        lines = []
        for point in checkpoints:
            point.mac = hmac.new(key, point.payload(), hashlib.sha256).hexdigest()
            lines.append(
                json.dumps(
                    {
                        "database": point.database,
                        "center": point.center,
                        "seq": point.seq,
                        "id": point.record_id,
                        "hash": point.hash,
                        "mac": point.mac,
                    },
                    ensure_ascii=False,
                )
            )
        data = ("\n".join(lines) + "\n").encode()
        self.checkpoint_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.checkpoint_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)

    def read(self) -> Iterator[tuple[int, Checkpoint | None, str]]:
        """This database's checkpoint lines: (line number, checkpoint or None, problem)
        where a line that is not valid JSON or whose signature does not match has a
        problem; other databases' lines are skipped."""
        try:
            handle = self.checkpoint_path.open(encoding="utf-8")
        except FileNotFoundError:
            return
        key = self.key(create=False)
        with handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                    point = Checkpoint(
                        str(raw["database"]),
                        str(raw["center"]),
                        int(raw["seq"]),
                        int(raw["id"]),
                        str(raw["hash"]),
                        str(raw["mac"]),
                    )
                except (ValueError, KeyError, TypeError):
                    yield number, None, f"checkpoint line {number} is damaged"
                    continue
                if point.database != self.database:
                    continue
                expected = hmac.new(key, point.payload(), hashlib.sha256).hexdigest()
                if not hmac.compare_digest(expected, point.mac):
                    yield number, None, f"checkpoint line {number} has a wrong signature"
                    continue
                yield number, point, ""


def private_file(path: Path, mode: str = "wb", **kwargs: Any) -> IO[Any]:
    """``open(path, mode)`` for writing a file only its owner may read (0600, also when it
    existed with another mode): backups and exports hold what the audit trail holds."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    if hasattr(os, "fchmod"):  # not on Windows
        os.fchmod(fd, 0o600)
    return os.fdopen(fd, mode, **kwargs)
