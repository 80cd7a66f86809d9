"""The desk's secrets at rest: the local database key and the device token.

The key of the desk's document files is derived from the database key
(:func:`documents_cipher`, ``clerk_app.store.file_cipher``).

They live in the OS keyring (DPAPI on Windows, Secret Service on Linux) when a secure one
exists. Where none does (a headless Linux desk, a locked-down profile) they go to a machine
key file in the data folder, readable only by the app's user (0600 on POSIX; the Windows
installer's ACLs), and :attr:`SecretStore.secure` is False so the self-check says WARN.
Never memory only: an encrypted store whose key is lost at a restart loses the unsent cases
in it.

Each secret is read from the keyring first, then from the key file, so a desk that moved
from one to the other keeps what it had.

Which keyring (:func:`os_keyring`): the one the user named (``PYTHON_KEYRING_BACKEND``,
keyring's ``keyringrc.cfg``) or the process set; else the platform's own — Windows
Credential Manager, the macOS Keychain, on Linux the Secret Service (or KWallet, libsecret)
when a D-Bus session bus is there. keyring's own discovery (every installed package's entry
points read, every backend imported and tried: Secret Service loads ``cryptography``) is
not run: issue 21, ~7 MiB of the desk's resident memory.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import secrets
import sys
import tempfile
import threading
import uuid
from pathlib import Path

if sys.platform != "darwin":  # before keyring: its backend discovery imports every backend
    # keyring.backends.macOS imports its ctypes bindings on every system; elsewhere that only
    # runs ldconfig to look for Security.framework (~30 ms of the start, issue 21) before the
    # backend refuses ("macOS required", its first check). Marked absent, it is skipped.
    sys.modules.setdefault("keyring.backends.macOS.api", None)  # type: ignore[arg-type]

import keyring
import keyring.core
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from clerk_app.paths import private_file
from clerk_app.store.file_cipher import FileCipher, derive_key

log = logging.getLogger("clerk.store")

#: The keyring service every secret of the desk is filed under.
SERVICE_NAME = "window-clerk"
#: The key file's name in the data folder.
KEY_FILE_NAME = "machine.key"
#: The local database key (hex, 32 random bytes) — per data folder (device id).
DATABASE_KEY = "database-key"


#: The platform's own keyrings (keyring's built-in backends; its priorities rank them).
PLATFORM_KEYRINGS: dict[str, tuple[str, ...]] = {
    "win32": ("keyring.backends.Windows.WinVaultKeyring",),
    "darwin": ("keyring.backends.macOS.Keyring",),
    "linux": (  # over a D-Bus session bus only
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.libsecret.Keyring",
    ),
}

_choice = threading.Lock()


def os_keyring() -> KeyringBackend:
    """The keyring backend of this process, chosen once (``keyring.get_keyring()`` returns
    it from then on, for the token store and the self-check too).

    The user's choice first (``PYTHON_KEYRING_BACKEND``, then ``keyringrc.cfg``, as keyring
    reads them; a backend the process set with ``keyring.set_keyring``), else the working
    one of the platform's own that keyring ranks highest (:data:`PLATFORM_KEYRINGS`; on
    Linux only when a D-Bus session bus is there), else keyring's ``fail`` backend: no
    secure keyring. Backends of other packages (keyring's entry points) are used when named.

    Raises:
        RuntimeError, ImportError: the backend the user named cannot be used (as keyring's
            own choice raises).
    """
    with _choice:
        if getattr(keyring.core, "_keyring_backend", None) is not None:  # chosen, or set
            return keyring.get_keyring()
        backend = keyring.core.load_env() or keyring.core.load_config() or _platform_keyring()
        keyring.set_keyring(backend)
        return backend


def _platform_keyring() -> KeyringBackend:
    """The platform's working keyring of the highest priority (``fail`` if none works)."""
    from keyring.backends import fail

    platform = "linux" if sys.platform.startswith(("linux", "freebsd", "openbsd")) else sys.platform
    names = PLATFORM_KEYRINGS.get(platform, ())
    if platform == "linux" and not _session_bus():
        names = ()  # a headless desk: nothing to ask (Secret Service, KWallet need the bus)
    best: tuple[float, KeyringBackend] | None = None
    for name in names:
        module, _, class_name = name.rpartition(".")
        try:
            backend_class = getattr(importlib.import_module(module), class_name)
            priority = float(backend_class.priority)  # raises when it cannot work here
            backend = backend_class()
        except Exception as exc:  # missing library, no daemon: keyring's discovery skips it too
            log.debug("keyring backend %s not usable: %s", name, exc)
            continue
        if priority > 0 and (best is None or priority > best[0]):
            best = (priority, backend)
    return best[1] if best is not None else fail.Keyring()


def _session_bus() -> bool:
    """Whether a D-Bus session bus may be reached (its address, or the user's socket)."""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return Path(runtime, "bus").exists()


def is_secure_backend(backend: KeyringBackend) -> bool:
    """False for keyring's ``fail`` and ``null`` backends and an empty chainer."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(is_secure_backend(b) for b in backend.backends)
    return True


class SecretStore:
    """Secrets in the OS keyring, else in the machine key file (0600).

    Args:
        key_file: the fallback file (in the data folder).
        scope: what makes this desk's entries unique in a keyring shared by several data
            folders (the device id).
        service_name: the keyring service.
        backend: the keyring backend; by default :func:`os_keyring`.
    """

    def __init__(
        self,
        key_file: Path,
        *,
        scope: str,
        service_name: str = SERVICE_NAME,
        backend: KeyringBackend | None = None,
    ) -> None:
        self.key_file = key_file
        self.scope = scope
        self.service_name = service_name
        self._backend = backend if backend is not None else os_keyring()
        self._secure = is_secure_backend(self._backend)
        self._lock = threading.RLock()
        if not self._secure:
            log.warning(
                "no secure keyring (%s): secrets go to the key file %s (owner only)",
                type(self._backend).__name__,
                key_file,
            )

    @property
    def secure(self) -> bool:
        """True while secrets go to the OS keyring; False when they go to the key file."""
        return self._secure

    def _entry(self, name: str) -> str:
        return f"{name}:{self.scope}"

    def get(self, name: str) -> str | None:
        """The secret ``name``, from the keyring or the key file; None when neither has it."""
        with self._lock:
            if self._secure:
                try:
                    value = self._backend.get_password(self.service_name, self._entry(name))
                except (KeyringError, RuntimeError) as exc:
                    self._fall_back(exc)
                else:
                    if value is not None:
                        return value
            return self._read_file().get(name)

    def set(self, name: str, value: str) -> None:
        """Keep the secret (keyring; the key file when no secure keyring works)."""
        with self._lock:
            if self._secure:
                try:
                    self._backend.set_password(self.service_name, self._entry(name), value)
                except (KeyringError, RuntimeError) as exc:
                    self._fall_back(exc)
                else:
                    self._drop_from_file(name)
                    return
            values = self._read_file()
            values[name] = value
            self._write_file(values)

    def delete(self, name: str) -> None:
        """Forget the secret everywhere it may be."""
        with self._lock:
            if self._secure:
                try:
                    self._backend.delete_password(self.service_name, self._entry(name))
                except PasswordDeleteError:
                    pass
                except (KeyringError, RuntimeError) as exc:
                    self._fall_back(exc)
            self._drop_from_file(name)

    def get_or_create(self, name: str, nbytes: int = 32) -> str:
        """The secret ``name``; a new random one (hex) is made and kept when there is none."""
        with self._lock:
            value = self.get(name)
            if value is None:
                value = secrets.token_hex(nbytes)
                self.set(name, value)
                if self.get(name) != value:  # pragma: no cover - a keyring that drops writes
                    raise OSError(f"the secret {name!r} could not be kept")
            return value

    # -- the key file -----------------------------------------------------------------------

    def _fall_back(self, exc: Exception) -> None:
        # The error text of keyring backends never contains the secret.
        log.warning("keyring failed (%s): secrets go to the key file from now on", exc)
        self._secure = False

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.key_file.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.error("the key file %s cannot be read: %s", self.key_file, exc)
            raise OSError(f"the key file {self.key_file} cannot be read: {exc}") from exc
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _drop_from_file(self, name: str) -> None:
        values = self._read_file()
        if name in values:
            del values[name]
            self._write_file(values)

    def _write_file(self, values: dict[str, str]) -> None:
        folder = self.key_file.parent
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".key-", suffix=".tmp")  # 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(values, sort_keys=True))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.key_file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        private_file(self.key_file)


def database_key_of(database: Path) -> str | None:
    """The SQLCipher key of the desk whose database file this is (its data folder's device
    id and key file; the keyring first): for tools that open the file without the app
    (``export-journal``, the self-check, tests). None when no key is kept."""
    try:
        device = str(uuid.UUID((database.parent / "device_id").read_text("ascii").strip()))
    except (OSError, ValueError):
        return None
    return SecretStore(database.parent / KEY_FILE_NAME, scope=device).get(DATABASE_KEY)


def documents_cipher(secrets: SecretStore) -> FileCipher:
    """The cipher of the desk's document files: its key derived from the database key
    (made here at a first start; the start refuses to go on without the key of an existing
    encrypted database, so a new one never replaces a lost one).

    Raises:
        OSError: the key can be neither read nor kept.
    """
    return FileCipher(derive_key(secrets.get_or_create(DATABASE_KEY)))
