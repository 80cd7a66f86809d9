"""A stable id for this installation, kept in the data folder."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

_FILE = "device_id"


def device_id(data_dir: Path) -> str:
    """Return this device's id, creating it (atomically) on first use.

    A damaged file (not a UUID) is replaced: the service then sees a new device, which is
    safe — it issues a new device token and keeps the window's numbering high-water marks.
    """
    path = data_dir / _FILE
    try:
        return str(uuid.UUID(path.read_text("ascii").strip()))
    except (FileNotFoundError, ValueError, UnicodeDecodeError):
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    new = str(uuid.uuid4())
    tmp = path.with_suffix(".tmp")
    tmp.write_text(new + "\n", "ascii")
    os.replace(tmp, path)
    return new
