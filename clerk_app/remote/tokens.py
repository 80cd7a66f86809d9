"""Where the client keeps its tokens: the OS keyring; else memory (user tokens) or the
machine key file (the device token).

A headless Linux desk (or a locked-down Windows profile) may have no secure keyring; keyring
then offers its ``fail`` or ``null`` backend, or a chainer with nothing in it. Those are
detected up front, and any keyring error at use switches the store to its fallback, so the
GUI and the self-check can say so (``secure`` is False). A user token then lives in memory
only (a restart signs the clerk out). The device token, given a
:class:`~clerk_app.store.keys.SecretStore` (as ``build_context`` does), is kept like the
database key: keyring, else the machine key file readable only by the app's user — a desk
whose device token vanished at every restart could not send its outbox unattended.

Keys: user tokens by window + username, device tokens by window + device id.
"""

from __future__ import annotations

import logging
import threading

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from clerk_app.store.keys import SecretStore, is_secure_backend, os_keyring

log = logging.getLogger("clerk.remote")

__all__ = ["TokenStore", "is_secure_backend"]


class TokenStore:
    """User and device tokens, in the keyring when it is secure, else in memory.

    Args:
        service_name: the keyring service the entries are filed under.
        backend: the keyring backend to use; by default whatever ``keyring`` chose.
        secrets: where device tokens go (keyring, else the machine key file); without it
            they are kept like user tokens.
    """

    def __init__(
        self,
        service_name: str = "window-clerk",
        backend: KeyringBackend | None = None,
        *,
        secrets: SecretStore | None = None,
    ) -> None:
        self.service_name = service_name
        self._secrets = secrets
        self._backend = backend if backend is not None else os_keyring()
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        self._secure = is_secure_backend(self._backend)
        if not self._secure:
            log.warning(
                "no secure keyring (%s): tokens are kept in memory only",
                type(self._backend).__name__,
            )

    @property
    def secure(self) -> bool:
        """True while tokens go to the OS keyring; False when kept in memory only."""
        return self._secure

    # -- user tokens ------------------------------------------------------------------------

    def get_user_token(self, window_code: str, username: str) -> str | None:
        """The signed-in user's access token at this window, if any."""
        return self._get(_user_key(window_code, username))

    def set_user_token(self, window_code: str, username: str, token: str) -> None:
        """Keep the user's access token."""
        self._set(_user_key(window_code, username), token)

    def delete_user_token(self, window_code: str, username: str) -> None:
        """Forget the user's access token (sign-out, expiry)."""
        self._delete(_user_key(window_code, username))

    # -- device tokens ----------------------------------------------------------------------

    def get_device_token(self, window_code: str, device_id: str) -> str | None:
        """This installation's device token for the window, if one was issued."""
        if self._secrets is not None:
            return self._secrets.get(_device_key(window_code, device_id))
        return self._get(_device_key(window_code, device_id))

    def set_device_token(self, window_code: str, device_id: str, token: str) -> None:
        """Keep the device token the service issued."""
        if self._secrets is not None:
            self._secrets.set(_device_key(window_code, device_id), token)
            return
        self._set(_device_key(window_code, device_id), token)

    def delete_device_token(self, window_code: str, device_id: str) -> None:
        """Forget the device token (revoked by an admin)."""
        if self._secrets is not None:
            self._secrets.delete(_device_key(window_code, device_id))
            return
        self._delete(_device_key(window_code, device_id))

    @property
    def device_tokens_secure(self) -> bool:
        """True when the device token is in the OS keyring (not the key file, not memory)."""
        return self._secrets.secure if self._secrets is not None else self._secure

    # -- storage ----------------------------------------------------------------------------

    def _fall_back(self, exc: Exception) -> None:
        # Never log the token; the error text of keyring backends does not contain it.
        log.warning("keyring failed (%s): tokens are kept in memory only from now on", exc)
        self._secure = False

    def _get(self, key: str) -> str | None:
        with self._lock:
            if key in self._memory or not self._secure:
                return self._memory.get(key)
            try:
                return self._backend.get_password(self.service_name, key)
            except (KeyringError, RuntimeError) as exc:
                self._fall_back(exc)
                return None

    def _set(self, key: str, token: str) -> None:
        with self._lock:
            if self._secure:
                try:
                    self._backend.set_password(self.service_name, key, token)
                    self._memory.pop(key, None)
                    return
                except (KeyringError, RuntimeError) as exc:
                    self._fall_back(exc)
            self._memory[key] = token

    def _delete(self, key: str) -> None:
        with self._lock:
            self._memory.pop(key, None)
            if not self._secure:
                return
            try:
                self._backend.delete_password(self.service_name, key)
            except PasswordDeleteError:
                pass  # nothing stored under that key
            except (KeyringError, RuntimeError) as exc:
                self._fall_back(exc)


def _user_key(window_code: str, username: str) -> str:
    return f"user:{window_code}:{username}"


def _device_key(window_code: str, device_id: str) -> str:
    return f"device:{window_code}:{device_id}"
