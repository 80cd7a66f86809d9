"""Where the client keeps its files: platformdirs folders, or under CLERK_HOME.

CLERK_HOME (a folder) puts everything in one place: tests and the embedded demo use it so
they never touch the real user folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "WindowClerk"
APP_AUTHOR = "WindowClerk"


@dataclass(frozen=True)
class Paths:
    """The client's folders."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    documents_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "clerk.db"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    def ensure(self) -> Paths:
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.documents_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def default_paths() -> Paths:
    """The folders for this user, honouring CLERK_HOME."""
    home = os.environ.get("CLERK_HOME")
    if home:
        base = Path(home)
        return Paths(base / "data", base / "config", base / "logs", base / "documents")
    data = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return Paths(
        data_dir=data,
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        documents_dir=data / "documents",
    )
