"""Which keyring the desk's secrets go to (``store.keys.os_keyring``), chosen without
keyring's entry-point discovery (issue 21), and the documents' cipher made at its first use.

Each choice runs in a fresh process (the test process has its own keyring set up in
tests/conftest.py): the user's ``PYTHON_KEYRING_BACKEND`` and ``keyringrc.cfg`` are honoured;
a headless Linux desk (no D-Bus session bus) has no secure keyring, its secrets go to the
owner-only key file, and neither Secret Service's libraries nor ``cryptography`` are loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.store.file_cipher import FileCipher, derive_key, is_sealed, seal_folder
from tests.helpers.test_keyring import ENV as TEST_KEYRING_ENV

REPO = Path(__file__).resolve().parents[3]
TEST_KEYRING = "tests.helpers.test_keyring.SharedTestKeyring"

CHILD = """
import json, sys
from pathlib import Path

import keyring
from clerk_app.store.keys import DATABASE_KEY, SecretStore, os_keyring

folder = Path(sys.argv[1])
store = SecretStore(folder / "machine.key", scope="desk-1")
store.set(DATABASE_KEY, "ab" * 32)
again = SecretStore(folder / "machine.key", scope="desk-1")
backend = os_keyring()
print(json.dumps({
    "backend": type(backend).__module__ + "." + type(backend).__qualname__,
    "secure": store.secure,
    "same": keyring.get_keyring() is backend,
    "read_back": again.get(DATABASE_KEY),
    "key_file": (folder / "machine.key").exists(),
    "loaded": sorted(m for m in ("secretstorage", "jeepney", "cryptography") if m in sys.modules),
}))
"""


def choose(tmp_path: Path, **env: str) -> dict:
    """Run the child in a clean environment (no session bus unless ``env`` gives one)."""
    runtime = tmp_path / "run"  # no "bus" socket in it
    runtime.mkdir(exist_ok=True)
    base = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_RUNTIME_DIR": str(runtime),
        "PYTHONPATH": str(REPO),
        TEST_KEYRING_ENV: str(tmp_path / "keyring.json"),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        cwd=REPO, env={**base, **env}, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux desk's choice")
def test_a_headless_desk_keeps_its_secrets_in_the_key_file_without_loading_secret_service(
    tmp_path,
):
    chosen = choose(tmp_path)
    assert chosen["backend"] == "keyring.backends.fail.Keyring"
    assert chosen["secure"] is False
    assert chosen["key_file"] is True
    assert chosen["read_back"] == "ab" * 32
    assert chosen["same"] is True  # the token store and the self-check see the same one
    assert chosen["loaded"] == []
    assert os.stat(tmp_path / "machine.key").st_mode & 0o077 == 0


def test_the_backend_named_in_the_environment_is_used(tmp_path):
    chosen = choose(tmp_path, PYTHON_KEYRING_BACKEND=TEST_KEYRING)
    assert chosen["backend"] == TEST_KEYRING
    assert chosen["secure"] is True
    assert chosen["key_file"] is False
    assert chosen["read_back"] == "ab" * 32
    assert "ab" * 32 in (tmp_path / "keyring.json").read_text("utf-8")


def test_the_backend_named_in_keyrings_config_file_is_used(tmp_path):
    config = tmp_path / "config" / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir(parents=True)
    config.write_text(f"[backend]\ndefault-keyring={TEST_KEYRING}\n", "utf-8")
    chosen = choose(tmp_path)
    assert chosen["backend"] == TEST_KEYRING
    assert chosen["secure"] is True
    assert chosen["key_file"] is False
    assert chosen["read_back"] == "ab" * 32


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux desk's choice")
def test_a_session_bus_without_a_keyring_daemon_leaves_the_key_file(tmp_path):
    chosen = choose(tmp_path, DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path}/no-such-bus")
    assert chosen["backend"] == "keyring.backends.fail.Keyring"
    assert chosen["secure"] is False
    assert chosen["read_back"] == "ab" * 32


def test_old_documents_are_sealed_with_a_cipher_made_at_the_first_plain_file(tmp_path):
    cipher = FileCipher(derive_key("cd" * 32))
    made: list[FileCipher] = []

    def make() -> FileCipher:
        made.append(cipher)
        return cipher

    (tmp_path / "sealed.pdf").write_bytes(cipher.seal(b"%PDF-1.7 sealed already"))
    assert seal_folder(make, tmp_path) == 0
    assert made == []  # nothing plain: no key derived
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.7 left plain by an older client")
    assert seal_folder(make, tmp_path) == 2
    assert len(made) == 1
    for name in ("a.pdf", "b.pdf", "sealed.pdf"):
        data = (tmp_path / name).read_bytes()
        assert is_sealed(data)
        assert cipher.read(tmp_path / name).startswith(b"%PDF-1.7")
