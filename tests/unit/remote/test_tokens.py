"""TokenStore: the OS keyring when it is secure, memory only otherwise (never a file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked

from clerk_app.remote import TokenStore


@pytest.fixture
def tmp_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "CLERK_HOME"):
        monkeypatch.setenv(var, str(home))
    return home


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


class LockedKeyring(KeyringBackend):
    """Looks usable, but every call fails (a locked login keyring)."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the keyring is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the keyring is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("the keyring is locked")


class EmptyChainer(chainer.ChainerBackend):
    backends = []  # noqa: RUF012 - what keyring's chainer holds when nothing is available


def test_secure_keyring_keeps_tokens_in_the_keyring() -> None:
    tokens = TokenStore()
    assert tokens.secure
    tokens.set_user_token("W01", "demo-clerk", "u-token")
    tokens.set_device_token("W01", "dev-1", "d-token")
    # Another instance (e.g. after a restart) finds them in the keyring.
    again = TokenStore()
    assert again.get_user_token("W01", "demo-clerk") == "u-token"
    assert again.get_device_token("W01", "dev-1") == "d-token"
    assert again.get_user_token("W02", "demo-clerk") is None
    assert keyring.get_password("window-clerk", "device:W01:dev-1") == "d-token"
    again.delete_user_token("W01", "demo-clerk")
    again.delete_user_token("W01", "demo-clerk")  # deleting twice is fine
    assert tokens.get_user_token("W01", "demo-clerk") is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), EmptyChainer()])
def test_no_secure_backend_means_memory_only_and_nothing_on_disk(
    backend: KeyringBackend, tmp_home: Path, restore_keyring: None
) -> None:
    keyring.set_keyring(backend)
    tokens = TokenStore()
    assert not tokens.secure
    tokens.set_user_token("W01", "demo-clerk", "u-token")
    tokens.set_device_token("W01", "dev-1", "d-token")
    assert tokens.get_user_token("W01", "demo-clerk") == "u-token"
    assert tokens.get_device_token("W01", "dev-1") == "d-token"
    tokens.delete_device_token("W01", "dev-1")
    assert tokens.get_device_token("W01", "dev-1") is None
    assert list(tmp_home.rglob("*")) == []
    # Memory only: a new instance (a restart) has nothing.
    assert TokenStore().get_user_token("W01", "demo-clerk") is None


def test_keyring_failing_at_use_falls_back_to_memory(tmp_home: Path) -> None:
    tokens = TokenStore(backend=LockedKeyring())
    assert tokens.secure  # nothing known to be wrong yet
    tokens.set_device_token("W01", "dev-1", "d-token")
    assert not tokens.secure
    assert tokens.get_device_token("W01", "dev-1") == "d-token"
    assert list(tmp_home.rglob("*")) == []


def test_token_never_appears_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    tokens = TokenStore(backend=LockedKeyring())
    tokens.set_user_token("W01", "demo-clerk", "very-secret-token")
    assert caplog.records
    assert all("very-secret-token" not in r.getMessage() for r in caplog.records)
