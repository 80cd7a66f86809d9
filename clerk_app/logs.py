"""Loggers named by area, written to rotating files in the user's log folder.

Areas: ``clerk.sync``, ``clerk.store``, ``clerk.remote``, ``clerk.print``, ``clerk.gui``,
``clerk.core``, ``clerk.app``. Every handler masks resident ID and mobile numbers, so a
log a clerk sends to IT never carries them whole.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from logging.handlers import RotatingFileHandler

    from clerk_app.core.identity import MaskingFilter

AREAS = ("app", "sync", "store", "remote", "print", "gui", "core")
LOG_FILE = "clerk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
# The center's offset (UTC+8, no DST): the log says the time the clerk's screen says,
# whatever zone the PC is set to (it said UTC on a PC set to UTC).
_CENTER_OFFSET_S = 8 * 3600
#: The log file rotates when a record would make it this long (5 old files are kept).
_MAX_BYTES = 2_000_000


def center_time(seconds: float | None) -> time.struct_time:
    """``logging.Formatter.converter`` writing times in Beijing time."""
    return time.gmtime((time.time() if seconds is None else seconds) + _CENTER_OFFSET_S)


class CenterTimeFormatter(logging.Formatter):
    """The log's formatter: times in the center's zone (Beijing time)."""

    converter = staticmethod(center_time)


#: What every number the masking hides contains: 11 digits in a row (a mobile number has
#: 11, a resident ID 17 and a check character; ``\d`` as in their patterns, any script).
_ELEVEN_DIGITS = re.compile(r"\d{11}")


class _Masking(logging.Filter):
    """``core.identity.MaskingFilter``, made at the first record that may need it: a
    record without a traceback and without 11 digits in a row has nothing to mask, so the
    start's first lines do not load ``core.identity`` before the sign-in window (issue 21).
    """

    def __init__(self) -> None:
        super().__init__()
        self._filter: MaskingFilter | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if self._filter is None:
            if not (record.exc_info or record.exc_text or record.stack_info):
                try:
                    if not _ELEVEN_DIGITS.search(record.getMessage()):
                        return True
                except (TypeError, ValueError):
                    pass  # a broken format string: the masking filter says what there is
            from clerk_app.core.identity import MaskingFilter

            self._filter = MaskingFilter()
        return self._filter.filter(record)


class _RotatingFile(logging.FileHandler):
    """The log file, rotated at 2 MB, 5 old files kept.

    A plain ``FileHandler`` while the file is far from 2 MB; from the record that would
    reach it on, the standard ``RotatingFileHandler`` writes (and rotates at once). So
    ``logging.handlers`` (with socket and pickle) does not load before the sign-in window,
    whose start writes the log's first lines (issue 21).
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self._rotating: RotatingFileHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._rotating is None:
            try:
                message = self.format(record) + self.terminator
                if self.stream is None:
                    self.stream = self._open()
                self.stream.seek(0, 2)  # the end (another process may have written)
                if self.stream.tell() + len(message.encode("utf-8")) < _MAX_BYTES:
                    self.stream.write(message)
                    self.stream.flush()
                    return
                self.stream.close()
                self.stream = None
                from logging.handlers import RotatingFileHandler

                self._rotating = RotatingFileHandler(
                    self.baseFilename, maxBytes=_MAX_BYTES, backupCount=5, encoding="utf-8"
                )
            except Exception:  # logging never raises into the caller
                self.handleError(record)
                return
        self._rotating.setFormatter(self.formatter)
        self._rotating.emit(record)

    def close(self) -> None:
        if self._rotating is not None:
            self._rotating.close()
        super().close()


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
    handlers: list[logging.Handler] = [_RotatingFile(path)]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(CenterTimeFormatter(_FORMAT))
        handler.addFilter(_Masking())
        handler._clerk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    return path
