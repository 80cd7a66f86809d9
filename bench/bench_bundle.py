"""Bundle size and frozen start, as ratios to a bare PySide6 app frozen the same way.

Not in CI (it runs PyInstaller twice: minutes). ``python -m bench.bench_bundle``.

* size: ``dist/clerk-app`` (built here into a temp folder with packaging/clerk-app.spec)
  against a bare QtWidgets "hello" app built with the same spec (same excludes, no data).
* start: the frozen client's ``--smoke`` sign-in against a local records service (start,
  sign in, catalog shown, quit) against the bare app showing a window and quitting; best
  of 3 each, same run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "clerk-app.spec"
BARE_ENTRY = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("bare")
label.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def build(work: Path, name: str, entry: Path | None = None) -> Path:
    env = dict(os.environ)
    if entry is not None:
        env.update(CLERK_BUNDLE_NAME=name, CLERK_BUNDLE_ENTRY=str(entry))
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        check=True, env=env, cwd=ROOT, timeout=1800,
    )  # fmt: skip
    return work / "dist" / name


def size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def best_start(args: list[str], env: dict[str, str], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True, timeout=300)
        times.append(time.perf_counter() - started)
    return min(times)


def start_service(work: Path) -> tuple[subprocess.Popen[bytes], str]:
    env = dict(os.environ, CLERK_DATABASE_URL=f"sqlite:///{work / 'records.db'}")
    for cmd in (["migrate"], ["load-demo"]):
        subprocess.run([sys.executable, "-m", "records_service", *cmd], env=env, check=True,
                       cwd=ROOT, capture_output=True, timeout=300)  # fmt: skip
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "records_service", "serve", "--host", "127.0.0.1",
         "--port", str(port)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/api/v1/health", timeout=1).close()
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("records service did not start")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "bare.py").write_text(BARE_ENTRY, "utf-8")
        app = build(work / "app", "clerk-app")
        bare = build(work / "bare", "bare-pyside6", work / "bare.py")
        app_size, bare_size = size(app), size(bare)
        print(
            f"bundle size: clerk-app {app_size / 1e6:.1f} MB; bare PySide6 "
            f"{bare_size / 1e6:.1f} MB; ratio {app_size / bare_size:.2f}"
        )
        proc, url = start_service(work)
        try:
            window = work / "window.toml"
            demo = ROOT / "resources" / "provisioning" / "demo-W01.toml"
            window.write_text(
                demo.read_text("utf-8").replace("http://127.0.0.1:8765", url), "utf-8"
            )
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLERK_HOME=str(work / "home"))
            app_s = best_start([str(app / "clerk-app"), "--provisioning", str(window),
                                "--smoke"], env)  # fmt: skip
            bare_s = best_start([str(bare / "bare-pyside6")], env)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        print(
            f"frozen start: clerk-app --smoke {app_s:.2f} s; bare PySide6 window "
            f"{bare_s:.2f} s; ratio {app_s / bare_s:.2f}"
        )


if __name__ == "__main__":
    main()
