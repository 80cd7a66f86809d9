"""The sign-in window comes first (issue 21): ``clerk-app --smoke-start`` runs the desk's
start path in a fresh process (offscreen, a throwaway home and machine folder, the demo
window's provisioning, no service) and the modules loaded when the sign-in window is shown
must not include the heavy ones the sign-in does not need — the HTTP client, the OS keyring
and its backends, the local store (SQLCipher, the key, the purge), the work calendar, the
ID checks' tables, pinyin tables, spreadsheets, charts, the PDF and QR stack, the sync
engine and the desk's main window. They load after the window is shown or at their first
use; ``--smoke-start`` then opens the store as a start does, and quits. Even the window's
provisioning file is read only once the window is shown, which is then filled in from it.

The child notes ``sys.modules`` at the moment the client prints that the sign-in window is
shown, and again when it is filled in (usable): no heavy module by then either, nor
dataclasses (its stdout is wrapped; nothing in the client is replaced).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from clerk_app.core.provisioning import MACHINE_DIR_ENV
from tests.helpers.gui import REPO

DEMO = REPO / "resources" / "provisioning" / "demo-W01.toml"
SHOWN = "smoke-start: sign-in window shown"

#: Not before the sign-in window (a module, or a package and everything under it).
HEAVY = (
    "requests",  # the HTTP client: the first call to the service loads it
    "urllib3",
    "keyring.backends.SecretService",  # the OS keyrings' backends (discovery)
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.kwallet",
    "keyring.backends.libsecret",
    "pypinyin",  # the catalog's search keys
    "openpyxl",  # spreadsheet exports
    "PySide6.QtCharts",  # the dashboard
    "PySide6.QtPdf",  # the PDF preview
    "PySide6.QtPrintSupport",  # printing
    "clerk_app.documents",  # receipts and notices: HTML -> PDF (QtGui), with their QR codes
    "clerk_app.app.documents",
    "segno",  # QR codes
    "qrcode",
    "clerk_app.remote.sync",  # the outbox's sync engine and link keeper
    "clerk_app.remote.link",
    "clerk_app.app.sync",
    "clerk_app.gui.main_window",  # the desk itself
    "clerk_app.gui.catalog_pane",
    # The local store opens once the sign-in window is shown (AppContext.open):
    "clerk_app.store",  # the store package (SQLite/SQLCipher, the key, offline passwords)
    "sqlcipher3",  # SQLCipher's bindings
    "keyring",  # the OS keyring and its backend choice (the database key, the tokens)
    "secretstorage",  # Secret Service over D-Bus (keyring's discovery)
    "jeepney",
    "cryptography",  # the key file and the documents' cipher
    "argon2",  # offline password hashes
    "clerk_app.remote",  # the service client and the token store
    "clerk_app.app.retention",  # the retention purge and the old documents' sealing
    "clerk_app.app.document_seal",
    "clerk_app.core.records",  # case records (the store's)
    "clerk_app.core.calendar",  # the work calendar (its first use: AppContext.calendar)
    "chinese_calendar",
    "lunar_python",
    "stdnum",  # ID and credit-code checks (the log's masking filter does not need it)
    "clerk_app.gui.startup_error",  # why the client cannot start: only when it cannot
    "logging.handlers",  # the log's rotation (clerk_app.logs: loaded when the file nears 2 MB)
    "clerk_app.core.identity",  # the log's masking patterns (at its first line with a number)
    "socket",  # (the single-instance lock names the host with QSysInfo, as QLockFile does)
    "clerk_app.core.idcard",  # the SDK reader's setup: only with an [idcard] section
    "PySide6.QtCore.Qt",  # the Qt namespace (built at its first use: ~10 ms of enums)
    "PySide6.QtGui.QFont",  # QFont's type and its eight enums (~1 ms): the center's name is
    # made bold and larger by a style sheet
    "PySide6.QtWidgets.QSizePolicy",  # its type and enums (~0.6 ms, with QSpacerItem's ~1 ms):
    # the sign-in window's stretch is made by its layout (addStretch), not by a spacer item
    "zoneinfo",  # core.clock's CENTER_TZ is made at its first use (the lock's note needs none)
    "clerk_app.gui.ops",  # background work and the desk's writer: at the first sign-in
    "concurrent.futures",
    "clerk_app.gui.services",  # the desk's hooks into the application layer
    "clerk_app.gui.errors",  # the words for an error: when there is one
    "clerk_app.core.errors",
    "getpass",  # (the lock's note reads the user's name as getpass does, without termios)
    "json",  # the note beside the data folder's lock: written once the window is shown
    "clerk_app.gui.palette",  # the readable palette and the collector's timer: after it too
    "clerk_app.gui.gc_guard",
)

#: Read behind the shown sign-in window, which is then filled in from them: the window's
#: provisioning file (TOML), its checks, and the context made from it (issue 21).
BEHIND = ("tomllib", "clerk_app.core.provisioning", "clerk_app.app.context")
FILLED = "smoke-start: sign-in window filled in"
#: Not even once the window is filled in (usable): besides ``HEAVY``, dataclasses (the
#: provisioning is a NamedTuple) and the context's backend record (loaded when it opens).
NOT_WHEN_FILLED = ("dataclasses", "clerk_app.app.backend")

CHILD = f"""
import sys  # (json only once the window was shown: the guard names it)

def loaded():
    # loaded ones (None marks a module as absent: store.keys skips keyring's macOS one)
    modules = sorted(k for k, v in sys.modules.items() if v is not None)
    # PySide6 builds a type at its first use; the Qt namespace's enums cost ~10 ms
    for package, name in (
        ("PySide6.QtCore", "Qt"), ("PySide6.QtGui", "QFont"), ("PySide6.QtWidgets", "QSizePolicy")
    ):
        module = sys.modules.get(package)
        if module is not None and name in vars(module):
            modules.append(package + "." + name)
    return modules

class Watch:
    def __init__(self, out):
        self.out, self.modules, self.filled = out, None, None
    def write(self, text):
        if {SHOWN!r} in text and self.modules is None:
            self.modules = loaded()
        if {FILLED!r} in text and self.filled is None:
            self.filled = loaded()
        return self.out.write(text)
    def flush(self):
        self.out.flush()

watch = sys.stdout = Watch(sys.stdout)
from clerk_app.__main__ import main
code = main(sys.argv[1:])
sys.stdout = watch.out
import json
print(json.dumps({{"code": code, "modules": watch.modules, "filled": watch.filled}}))
"""


def heavy_loaded(modules: list[str]) -> list[str]:
    """Which of ``modules`` are heavy (in ``HEAVY`` or under one of them)."""
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


def start_to_sign_in(tmp_path: Path) -> tuple[int, list[str] | None, list[str] | None, str]:
    """Run ``clerk-app --smoke-start`` in a fresh process: its exit code, the modules loaded
    when the sign-in window was shown and when it was filled in (None if it never was),
    and its output."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "user"),
        MACHINE_DIR_ENV: str(tmp_path / "machine"),
        "QT_QPA_PLATFORM": "offscreen",
        # No secure keyring here: the database key goes to the machine key file.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    home = tmp_path / "home"
    argv = ["--home", str(home), "--provisioning", str(DEMO), "--smoke-start"]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *argv],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines or not lines[-1].startswith("{"):
        return result.returncode, None, None, output
    report = json.loads(lines[-1])
    return int(report["code"]), report["modules"], report["filled"], output


def test_the_sign_in_window_is_shown_before_any_heavy_module(tmp_path):
    for start in ("first start (the database is made)", "the next start"):
        code, modules, filled, output = start_to_sign_in(tmp_path)
        assert code == 0, f"{start}: {output}"
        assert SHOWN in output and modules is not None, f"{start}: {output}"
        assert "clerk_app.gui.login" in modules  # it was the sign-in window
        assert heavy_loaded(modules) == [], start
        # The provisioning was read after the window was shown, and the window filled in.
        assert [m for m in BEHIND if m in modules] == [], start
        assert output.index(SHOWN) < output.index(FILLED), start
        # Nor does any heavy module load before the window is usable.
        assert filled is not None and [m for m in BEHIND if m not in filled] == [], start
        assert heavy_loaded(filled) == [], start
        assert [m for m in NOT_WHEN_FILLED if m in filled] == [], start
        # --smoke-start went on to open the store behind the window, as a start does.
        assert (tmp_path / "home" / "data" / "clerk.db").is_file(), start
    assert (tmp_path / "home").is_dir()  # the throwaway home, not the user's


def test_the_guard_names_a_heavy_module_and_its_submodules():
    modules = ["clerk_app.gui.login", "requests", "requests.adapters", "clerk_app.gui.i18n"]
    assert heavy_loaded(modules) == ["requests", "requests.adapters"]
    assert heavy_loaded(["keyring.backends.fail", "clerk_app.store.keys"]) == [
        "keyring.backends.fail",
        "clerk_app.store.keys",
    ]
    assert heavy_loaded(["PySide6.QtChartsX", "clerk_app.documentsX", "clerk_app.storeX"]) == []
