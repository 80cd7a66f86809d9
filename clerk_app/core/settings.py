"""Typed client settings: each declared once, with its type, default and meaning.

In the style of Picard's options: code reads ``settings["sync.interval_seconds"]`` and
gets the declared type back, whatever is in the file. A value of the wrong type or out of
range in the file is ignored (the default is used) and reported, never a crash.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


def _any(_value: Any) -> bool:
    return True


class Setting:
    """One declared setting (a plain class: this module loads before the sign-in window,
    and a dataclass costs ~0.3 ms to make, issue 21)."""

    __slots__ = ("check", "default", "doc", "key", "type")

    def __init__(
        self, key: str, type: type, default: Any, doc: str, check: Callable[[Any], bool] = _any
    ) -> None:
        self.key, self.type, self.default, self.doc, self.check = key, type, default, doc, check

    def __repr__(self) -> str:
        return f"Setting({self.key!r}, {self.type.__name__}, {self.default!r})"


SETTINGS: Mapping[str, Setting] = {
    s.key: s
    for s in (
        Setting(
            "ui.language",
            str,
            "",
            "UI language override (zh_CN, en); empty = provisioning",
            lambda v: v in ("", "zh_CN", "en"),
        ),
        Setting(
            "sync.interval_seconds",
            int,
            30,
            "How often the outbox is pushed when idle",
            lambda v: 5 <= v <= 3600,
        ),
        Setting(
            "sync.heartbeat_seconds",
            int,
            3,
            "When nothing was sent for this long, ask the service whether it is there",
            lambda v: 1 <= v <= 300,
        ),
        Setting(
            "sync.max_backoff_seconds",
            int,
            300,
            "Longest wait between two retries",
            lambda v: 10 <= v <= 86400,
        ),
        Setting(
            "worklist.due_soon_working_days",
            int,
            2,
            "Cases due within this many working days are marked yellow",
            lambda v: 0 <= v <= 30,
        ),
        Setting(
            "ui.window_geometry",
            str,
            "",
            "The main window's size and place (Qt saveGeometry, base64); empty = default",
            lambda v: len(v) <= 4096,
        ),
        Setting(
            "ui.splitter_state",
            str,
            "",
            "Widths of catalog | disclosures | intake (Qt saveState, base64)",
            lambda v: len(v) <= 4096,
        ),
        Setting(
            "logging.level",
            str,
            "INFO",
            "Log level of the rotating log files",
            lambda v: v in ("DEBUG", "INFO", "WARNING", "ERROR"),
        ),
        Setting(
            "network.connect_timeout",
            float,
            3.05,
            "Seconds to wait for a connection",
            lambda v: 0.5 <= v <= 60,
        ),
        Setting(
            "network.read_timeout",
            float,
            15.0,
            "Seconds to wait for an answer",
            lambda v: 1 <= v <= 300,
        ),
        Setting(
            "applicant_screen.enabled",
            bool,
            False,
            "Show the applicant screen (confirmation, rating) on a monitor facing the applicant",
        ),
        Setting(
            "applicant_screen.require_confirmation",
            bool,
            False,
            "Accept a case only after the applicant confirmed it on the applicant screen",
        ),
        Setting(
            "applicant_screen.idle_seconds",
            int,
            20,
            "Seconds the applicant screen shows a thank-you or an unanswered rating before idle",
            lambda v: 3 <= v <= 600,
        ),
        Setting(
            "hall.page_seconds",
            int,
            10,
            "Seconds each page of the hall's big screen stays before the next",
            lambda v: 3 <= v <= 300,
        ),
        Setting(
            "hall.refresh_seconds",
            int,
            30,
            "How often the hall's big screen fetches the board",
            lambda v: 5 <= v <= 3600,
        ),
        Setting(
            "hall.rows_per_page",
            int,
            8,
            "Rows on one page of the hall's big screen",
            lambda v: 3 <= v <= 30,
        ),
        Setting(
            "hall.screen",
            str,
            "board",
            "What the hall PC shows: board (the cases) or calls (the queue's call panel)",
            lambda v: v in ("board", "calls"),
        ),
        Setting(
            "hall.windows",
            str,
            "",
            "The windows whose calls the hall's call panel shows, comma-separated (W01,W02): "
            "one hall of a center with several; empty for all",
            lambda v: (
                re.fullmatch(r"\s*([A-Za-z0-9-]{1,16}\s*(,\s*[A-Za-z0-9-]{1,16}\s*)*)?", v)
                is not None
            ),
        ),
        Setting(
            "queue.calling_bar",
            bool,
            False,
            "Show the calling bar (叫号) at the desk: the window calls queue tickets",
        ),
        Setting(
            "queue.window_screen",
            bool,
            False,
            "Show the window's own screen (窗口屏) fed by the calling bar",
        ),
        Setting(
            "scan.source",
            str,
            "scanner",
            "Where the S key takes a material's page from: scanner (SANE) or camera (a "
            "document camera, 高拍仪, through QtMultimedia)",
            lambda v: v in ("scanner", "camera"),
        ),
        Setting(
            "scan.max_page_bytes",
            int,
            20_000_000,
            "The largest page (scanned or from a file) the desk keeps, in bytes; the center "
            "refuses files over its own attachment_max_bytes",
            lambda v: 100_000 <= v <= 500_000_000,
        ),
        Setting(
            "scan.max_case_bytes",
            int,
            200_000_000,
            "The most bytes of pages one intake may hold (the center's attachment_case_max_bytes)",
            lambda v: 1_000_000 <= v <= 5_000_000_000,
        ),
        Setting(
            "cashier.receipt_paper",
            str,
            "a4",
            "The cashier's fiscal receipt: a4 (three parts) or roll80 (the 80 mm roll)",
            lambda v: v in ("a4", "roll80"),
        ),
    )
}


#: Settings that clerks could once change and no longer can: set by IT in the machine's
#: provisioning file, or not a choice at all. An old file that has one is read with a note.
RETIRED: Mapping[str, str] = {
    "offline.signin_hours": "set by IT only, in the provisioning file's [security] section",
    "privacy.mask_ids": (
        "no longer a choice: ID numbers are always masked on screen and on paper "
        "(the whole number only through Show full ID, which is audited)"
    ),
}


class Settings:
    """The client's settings, backed by a JSON file in the user's config folder."""

    def __init__(self, path: Path | None = None, values: Mapping[str, Any] | None = None):
        self.path = path
        self._values: dict[str, Any] = {}
        #: Human-readable notes about values in the file that were ignored.
        self.ignored: list[str] = []
        for key, value in (values or {}).items():
            self._accept(key, value)

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read settings from ``path``; a missing or unreadable file gives the defaults."""
        settings = cls(path)
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:  # (json loads only for a file: issue 21's start)
            return settings
        except (OSError, ValueError) as exc:  # (not UTF-8: a ValueError)
            settings.ignored.append(f"{path}: unreadable ({exc}); defaults used")
            return settings
        import json

        try:
            raw = json.loads(text)
        except ValueError as exc:
            settings.ignored.append(f"{path}: unreadable ({exc}); defaults used")
            return settings
        if not isinstance(raw, dict):
            settings.ignored.append(f"{path}: not a JSON object; defaults used")
            return settings
        for key, value in raw.items():
            settings._accept(key, value)
        return settings

    def _accept(self, key: str, value: Any) -> None:
        spec = SETTINGS.get(key)
        if spec is None and key in RETIRED:
            self.ignored.append(f"{key}: ignored, {RETIRED[key]}")
            return
        if spec is None:
            self.ignored.append(f"{key}: unknown setting, ignored")
            return
        if spec.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not spec.type or not spec.check(value):
            self.ignored.append(f"{key}: {value!r} is not valid; default {spec.default!r} used")
            return
        self._values[key] = value

    def __getitem__(self, key: str) -> Any:
        return self._values.get(key, SETTINGS[key].default)

    def set(self, key: str, value: Any) -> None:
        """Change a setting; raise ValueError for an unknown key or a wrong value."""
        spec = SETTINGS.get(key)
        if spec is None:
            raise KeyError(key)
        if type(value) is not spec.type or not spec.check(value):
            raise ValueError(f"{key}: {value!r} is not a valid value")
        self._values[key] = value

    def save(self) -> None:
        """Write the non-default values atomically (temp file + rename)."""
        if self.path is None:
            return
        import json

        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self._values, ensure_ascii=False, indent=2, sort_keys=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
