"""The desk's log file (clerk_app.logs): rotated at 2 MB with five old files kept, resident
ID and mobile numbers masked — with ``logging.handlers`` and the masking patterns loaded
only when needed, so the start's first lines do not load them before the sign-in window
(issue 21)."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.logs import LOG_FILE, setup_logging

REPO = Path(__file__).resolve().parents[3]
VALID_ID = "11010519491231002X"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger("clerk")
    level = root.level
    setup_logging(tmp_path / "logs")
    yield tmp_path / "logs"
    for handler in [h for h in root.handlers if getattr(h, "_clerk", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_the_log_rotates_at_2_mb_and_keeps_five_old_files(log_dir: Path) -> None:
    log = logging.getLogger("clerk.app")
    block = "x" * 100_000
    for n in range(150):  # 15 MB: more than the file and its five old ones hold
        log.info("block %d %s", n, block)
    files = sorted(p.name for p in log_dir.iterdir())
    assert files == [LOG_FILE] + [f"{LOG_FILE}.{n}" for n in range(1, 6)]
    assert all((log_dir / f).stat().st_size <= 2_000_000 for f in files)
    assert "block 149 " in (log_dir / LOG_FILE).read_text("utf-8")
    assert "block 149 " not in (log_dir / f"{LOG_FILE}.1").read_text("utf-8")


def test_numbers_are_masked_in_messages_arguments_and_tracebacks(log_dir: Path) -> None:
    log = logging.getLogger("clerk.sync")
    log.info("signed in, nothing to mask")
    log.warning("push failed for applicant %s", VALID_ID)
    log.warning("call %s", 13800138000)
    log.warning("broken format %d", "no number")
    try:
        raise ValueError(f"bad id {VALID_ID}")
    except ValueError:
        log.exception("lookup failed")
    text = (log_dir / LOG_FILE).read_text("utf-8")
    assert "signed in, nothing to mask" in text
    assert "110105********002X" in text
    assert VALID_ID not in text and "13800138000" not in text
    assert "broken format" in text
    assert "ValueError: bad id 110105********002X" in text


def test_lines_without_numbers_load_neither_the_rotation_nor_the_masking(
    tmp_path: Path,
) -> None:
    code = (
        "import logging, sys\n"
        "from pathlib import Path\n"
        "from clerk_app.logs import setup_logging\n"
        f"setup_logging(Path({str(tmp_path)!r}))\n"
        "logging.getLogger('clerk.app').info('clerk-app 0.1.0 starting')\n"
        "print(sorted(m for m in ('logging.handlers', 'clerk_app.core.identity')"
        " if m in sys.modules))\n"
        f"logging.getLogger('clerk.app').info('id %s', {VALID_ID!r})\n"
        "print('clerk_app.core.identity' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:2] == ["[]", "True"]
    assert "110105********002X" in (tmp_path / LOG_FILE).read_text("utf-8")
