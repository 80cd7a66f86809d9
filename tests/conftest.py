"""Project-wide test set-up: offscreen Qt, an in-memory keyring, Hypothesis profiles."""

from __future__ import annotations

import os

# Before anything imports Qt: no display on CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep test runs out of the real user folders.
os.environ.setdefault("CLERK_TEST_RUN", "1")

import keyring
from hypothesis import HealthCheck, settings
from keyring.backend import KeyringBackend

settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory: headless test machines have no secure backend."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


keyring.set_keyring(MemoryKeyring())

pytest_plugins = ["tests.fixtures.service"]
