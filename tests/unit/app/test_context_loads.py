"""What a desk's context loads when it opens (issue 21, resident memory): on a desk without a
secure keyring and with nothing old to seal, neither keyring's Secret Service libraries nor
``cryptography`` (its own OpenSSL, ~6 MiB); a plain PDF an older client left is still sealed
at the start (``cryptography`` loaded then). The keyed store loads ``sqlcipher3`` and not the
stdlib ``sqlite3`` beside it (a second SQLite library), and the source lines PySide6 read
while the context's modules loaded are not kept (``linecache``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "resources" / "provisioning" / "demo-W01.toml"

CHILD = """
import json, linecache, sys
from pathlib import Path

import PySide6.QtCore  # as in the client: PySide6 reads each module imported after it

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.paths import Paths

home = Path(sys.argv[1])
paths = Paths(home / "data", home / "config", home / "logs", home / "documents")
context = build_context(demo_provisioning(Path(sys.argv[2]), "http://127.0.0.1:9"), paths)
old = home / "documents" / "old.pdf"
print(json.dumps({
    "loaded": sorted(
        m for m in ("cryptography", "secretstorage", "jeepney", "sqlite3") if m in sys.modules
    ),
    "source_lines_kept": sum(len(entry[2]) for entry in linecache.cache.values() if len(entry) > 2),
    "secure": context.backend.secrets.secure,
    "encrypted": context.backend.db.encrypted,
    "old": old.read_bytes()[:6].hex() if old.exists() else None,
}))
context.close()
"""


def open_desk(tmp_path: Path) -> dict:
    runtime = tmp_path / "run"  # no D-Bus session bus
    runtime.mkdir(exist_ok=True)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "user"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_RUNTIME_DIR": str(runtime),
        "PYTHONPATH": str(REPO),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "home"), str(DEMO)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a headless Linux desk")
def test_opening_a_desk_loads_no_secret_service_nor_cryptography_until_a_file_is_sealed(
    tmp_path,
):
    opened = open_desk(tmp_path)  # first start: the database and its key are made
    assert opened == {
        "loaded": [],
        "secure": False,
        "encrypted": True,
        "old": None,
        "source_lines_kept": 0,
    }
    assert open_desk(tmp_path)["loaded"] == []  # the next start too
    (tmp_path / "home" / "documents" / "old.pdf").write_bytes(b"%PDF-1.4 an older client's")
    sealing = open_desk(tmp_path)
    assert sealing["old"] == b"WCDOC\x01".hex()  # sealed at the start, as before
    assert sealing["loaded"] == ["cryptography"]
