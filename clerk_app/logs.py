"""Loggers named by area, written to rotating files in the user's log folder.

Areas: ``clerk.sync``, ``clerk.store``, ``clerk.remote``, ``clerk.print``, ``clerk.gui``,
``clerk.core``, ``clerk.app``. Every handler masks resident ID and mobile numbers, so a
log a clerk sends to IT never carries them whole.
"""

from __future__ import annotations

import logging
import logging.handlers
import time
from pathlib import Path

from clerk_app.core.identity import MaskingFilter

AREAS = ("app", "sync", "store", "remote", "print", "gui", "core")
LOG_FILE = "clerk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
# The center's offset (UTC+8, no DST): the log says the time the clerk's screen says,
# whatever zone the PC is set to (it said UTC on a PC set to UTC).
_CENTER_OFFSET_S = 8 * 3600


def center_time(seconds: float | None) -> time.struct_time:
    """``logging.Formatter.converter`` writing times in Beijing time."""
    return time.gmtime((time.time() if seconds is None else seconds) + _CENTER_OFFSET_S)


class CenterTimeFormatter(logging.Formatter):
    """The log's formatter: times in the center's zone (Beijing time)."""

    converter = staticmethod(center_time)


def logger(area: str) -> logging.Logger:
    """The logger of one area, e.g. ``logger("sync")``."""
    if area not in AREAS:
        raise ValueError(f"unknown log area {area!r}")
    return logging.getLogger(f"clerk.{area}")


def setup_logging(log_dir: Path, level: str = "INFO", *, console: bool = False) -> Path:
    """Send the ``clerk`` loggers to a rotating file (5 x 2 MB); return its path.

    Calling it again replaces the handlers it installed before.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    root = logging.getLogger("clerk")
    for handler in list(root.handlers):
        if getattr(handler, "_clerk", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    ]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(CenterTimeFormatter(_FORMAT))
        handler.addFilter(MaskingFilter())
        handler._clerk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    return path
