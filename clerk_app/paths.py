"""Where the client keeps its files: platformdirs folders, or under CLERK_HOME.

CLERK_HOME (a folder) puts everything in one place: tests and the embedded demo use it so
they never touch the real user folders.

Everything the desk keeps holds applicants' data, so on POSIX its folders are 0700 and its
files 0600 (``Paths.ensure`` makes them so, ``Paths.tighten`` fixes what an older version
left readable, ``private_umask`` makes every later file private). On Windows the installer
sets the folders' ACLs.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import NamedTuple

import platformdirs

APP_NAME = "WindowClerk"
APP_AUTHOR = "WindowClerk"

#: Folders and files of the desk: only the app's user may open them.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
POSIX = sys.platform != "win32"


def private_dir(folder: Path) -> Path:
    """Make ``folder`` (and missing parents) and set it to 0700 on POSIX."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if POSIX:
        folder.chmod(PRIVATE_DIR_MODE)
    return folder


def private_file(path: Path) -> Path:
    """Set an existing file to 0600 on POSIX (a missing one is left alone)."""
    if POSIX:
        with contextlib.suppress(FileNotFoundError):
            path.chmod(PRIVATE_FILE_MODE)
    return path


def private_umask() -> int:
    """Every file and folder this process makes from now on is its user's only (umask 077);
    returns the previous umask."""
    return os.umask(0o077)


def tighten(folder: Path) -> int:
    """Set every folder under ``folder`` to 0700 and every file to 0600 (POSIX); returns how
    many had to change. Symbolic links are left alone."""
    if not POSIX or not folder.is_dir():
        return 0
    changed = 0
    for root, dirs, files in os.walk(folder):
        for name, mode in [(d, PRIVATE_DIR_MODE) for d in dirs] + [
            (f, PRIVATE_FILE_MODE) for f in files
        ]:
            path = Path(root, name)
            try:
                st = path.lstat()
                if stat.S_ISLNK(st.st_mode) or stat.S_IMODE(st.st_mode) == mode:
                    continue
                path.chmod(mode)
                changed += 1
            except OSError:
                continue
    if stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR_MODE:
        folder.chmod(PRIVATE_DIR_MODE)
        changed += 1
    return changed


class Paths(NamedTuple):
    """The client's folders (a named tuple: made before the sign-in window is shown, which
    then needs no dataclasses, ~1.5 ms, issue 21)."""

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

    @property
    def key_file(self) -> Path:
        """The machine key file (secrets when there is no secure keyring)."""
        return self.data_dir / "machine.key"

    @property
    def private_folders(self) -> tuple[Path, ...]:
        """The folders that hold applicants' data (the settings folder holds none)."""
        return (self.data_dir, self.log_dir, self.documents_dir)

    def ensure(self) -> Paths:
        """Make the folders: the data, log and document folders 0700 on POSIX."""
        for folder in self.private_folders:
            private_dir(folder)
        self.config_dir.mkdir(parents=True, exist_ok=True)
        return self

    def tighten(self) -> int:
        """0700/0600 for everything already in the private folders (see :func:`tighten`)."""
        return sum(tighten(folder) for folder in self.private_folders)


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
