"""Beijing time everywhere, on a PC set to UTC: the log view shows its records in the
center's time, and so does the modified column of Qt's own file dialogs (export logs,
dashboard exports) once the client's start-up has set the process's zone
(``core.clock.use_center_time_zone``, what ``clerk-app`` calls before Qt starts).

A process keeps the zone it started with, so the dialog is opened in a child started with
TZ=UTC: once as the client starts (zone set) and once without (UTC, the old behaviour)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from clerk_app.core.clock import CENTER_TZ_NAME, CENTER_TZ_POSIX, use_center_time_zone
from clerk_app.gui.log_view import LogView, read_log
from clerk_app.logs import LOG_FILE, CenterTimeFormatter

ROOT = Path(__file__).resolve().parents[3]
#: 2026-12-06 01:30 UTC is 09:30 in Beijing.
STAMP = datetime(2026, 12, 6, 1, 30, tzinfo=UTC).timestamp()

CHILD = """
import sys
from pathlib import Path
if sys.argv[2] == "center":
    from clerk_app.core.clock import use_center_time_zone
    use_center_time_zone()
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel
app = QApplication([])
folder = Path(sys.argv[1])
dialog = QFileDialog(None, "Export", str(folder), "Excel (*.xlsx)")
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
dialog.setViewMode(QFileDialog.ViewMode.Detail)
model = dialog.findChild(QFileSystemModel)
dialog.show()
for _ in range(200):
    app.processEvents()
    index = model.index(str(folder / "workload.xlsx"))
    shown = model.index(index.row(), 3, index.parent()).data()
    if shown:
        break
    import time; time.sleep(0.02)
print(shown)
"""


def _dialog_shows(folder: Path, mode: str) -> str:
    env = dict(os.environ, TZ="UTC", LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), mode], env=env, capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_qt_file_dialogs_show_modified_times_in_beijing_time(tmp_path):
    export = tmp_path / "workload.xlsx"
    export.write_bytes(b"PK")
    os.utime(export, (STAMP, STAMP))
    center = _dialog_shows(tmp_path, "center")
    assert "2026" in center and "09:30" in center, center
    before = _dialog_shows(tmp_path, "utc")  # what a UTC PC showed without it
    assert "01:30" in before and "09:30" not in before, before


def test_the_zone_is_set_only_where_the_pc_is_not_on_beijing_time():
    env = {"TZ": "UTC"}
    assert use_center_time_zone(env) in (CENTER_TZ_NAME, CENTER_TZ_POSIX)
    assert env["TZ"] in (CENTER_TZ_NAME, CENTER_TZ_POSIX)
    assert use_center_time_zone(env) is None  # already the center's
    assert use_center_time_zone({"TZ": "Europe/Berlin"}) is not None


def test_the_log_view_shows_a_record_of_01_30_utc_as_09_30(qtbot, context):
    record = logging.makeLogRecord(
        {"name": "clerk.sync", "levelname": "WARNING", "levelno": logging.WARNING,
         "msg": "push failed: timeout", "created": STAMP, "msecs": 0.0}
    )  # fmt: skip
    line = CenterTimeFormatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s").format(record)
    log_dir = Path(context.paths.log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    (log_dir / LOG_FILE).write_text(line + "\n", "utf-8")
    assert [e.time for e in read_log(log_dir)] == ["2026-12-06 09:30:00"]
    view = LogView(context)
    qtbot.addWidget(view)
    assert view.view.toPlainText().startswith("2026-12-06 09:30:00 WARNING sync: push failed")
