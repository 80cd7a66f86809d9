"""Fixtures for issuing and printing: a window's context on real files, a real CUPS queue.

``cups_queue`` follows ../shared/TESTING-RECIPES.md: it starts ``cupsd`` when none runs,
adds a cups-pdf queue writing into a temp folder, and on the way out (also when a test
failed) removes the queue and its config, stops the cupsd it started and puts
``/etc/cups/printers.conf`` back as it was found.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType, SimpleNamespace

import pytest

from clerk_app.app.session import Session
from clerk_app.core.clock import FixedClock
from clerk_app.core.provisioning import Provisioning
from clerk_app.core.settings import Settings
from clerk_app.store import LocalStore
from clerk_app.store.keys import SecretStore
from tests.helpers.remote import desk  # noqa: F401 - fixture re-exported for these tests
from tests.helpers.store import T0, open_store

CUPS_ETC = Path("/etc/cups")
CUPSD = Path("/usr/sbin/cupsd")
CUPS_PDF_PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
C_LOCALE = {**os.environ, "LC_ALL": "C", "LANG": "C"}


def provisioning(printers: dict[str, str] | None = None) -> Provisioning:
    return Provisioning(
        service_url="http://127.0.0.1:9",
        center_code="HS",
        center_name="衡水市政务服务中心（示例）",
        window_code="W01",
        window_name="公安户籍窗口",
        department="市公安局",
        progress_url="https://zwfw.example.gov.cn/progress",
        printers=MappingProxyType(printers or {}),
    )


def window_context(store: LocalStore, clock: FixedClock, home: Path, **prov) -> SimpleNamespace:
    """What ``issue_document`` and the printing module use of an ``AppContext``."""
    paths = SimpleNamespace(config_dir=home / "config", documents_dir=home / "documents")
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.documents_dir.mkdir(parents=True, exist_ok=True)
    return SimpleNamespace(
        provisioning=provisioning(**prov),
        paths=paths,
        clock=clock,
        backend=SimpleNamespace(store=store, db=store.db, secrets=desk_secrets(home)),
        settings=Settings(),  # the defaults (the main window's worklist reads them)
    )


def desk_secrets(home: Path) -> SecretStore:
    """The desk's secret store (the test keyring; the key of its documents comes from it)."""
    return SecretStore(home / "machine.key", scope=f"test-{uuid.uuid4().hex[:12]}")


def clerk_session() -> Session:
    return Session(
        username="demo-clerk",
        display_name="王敏",
        roles=("clerk",),
        window_code="W01",
        window_name="公安户籍窗口",
        department="市公安局",
        access_token=None,
        expires_at=None,
    )


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[LocalStore]:
    s = open_store(tmp_path / "clerk.db", clock)
    yield s
    s.db.close()


# -- CUPS ---------------------------------------------------------------------------------


def _run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), capture_output=True, text=True, check=check, timeout=30, env=C_LOCALE
    )


def _scheduler_running() -> bool:
    if shutil.which("lpstat") is None:
        return False
    return "is running" in _run("lpstat", "-r", check=False).stdout


@dataclass
class CupsQueue:
    """A cups-pdf print queue: its name and the folder its jobs land in as PDFs."""

    name: str
    out_dir: Path

    def job_ids(self) -> set[int]:
        out = _run("lpstat", "-W", "all", "-o", self.name, check=False).stdout
        return {int(m) for m in re.findall(rf"^{re.escape(self.name)}-(\d+)\s", out, re.M)}

    def completed(self, job_id: int) -> bool:
        out = _run("lpstat", "-W", "completed", "-o", self.name, check=False).stdout
        return re.search(rf"^{re.escape(self.name)}-{job_id}\s", out, re.M) is not None

    def output_of(self, job_id: int, timeout: float = 60.0) -> Path:
        """The PDF cups-pdf wrote for ``job_id`` (waits for the external job, bounded)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = sorted(self.out_dir.glob(f"*-job_{job_id}.pdf"))
            if found and self.completed(job_id):
                return found[0]
            time.sleep(0.1)
        listing = sorted(p.name for p in self.out_dir.iterdir())
        raise AssertionError(f"no output for job {job_id} in {self.out_dir}: {listing}")


def _snapshot(paths: list[Path]) -> dict[Path, bytes | None]:
    return {p: (p.read_bytes() if p.exists() else None) for p in paths}


def _restore(snapshot: dict[Path, bytes | None]) -> None:
    for path, content in snapshot.items():
        with contextlib.suppress(OSError):
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)


@pytest.fixture(scope="module")
def cups_queue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CupsQueue]:
    if os.geteuid() != 0:
        pytest.skip("the CUPS tests add a print queue: run them as root (as CI does)")
    if not CUPSD.exists() or not Path("/usr/lib/cups/backend/cups-pdf").exists():
        pytest.skip("cups and printer-driver-cups-pdf are not installed")
    # One module at a time uses the scheduler, across pytest-xdist workers too: a module
    # that started cupsd stops it (and restores printers.conf) at its end, which would cut
    # another worker's jobs. The lock lives in the run's temporary root, shared by workers.
    lock = (tmp_path_factory.getbasetemp().parent / "cups-tests.lock").open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        yield from _cups_queue(tmp_path_factory)
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def _cups_queue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CupsQueue]:
    name = f"wc-test-{uuid.uuid4().hex[:8]}"
    out_dir = tmp_path_factory.mktemp("cups-out")
    out_dir.chmod(0o777)
    conf = CUPS_ETC / f"cups-pdf-{name}.conf"
    state = _snapshot([CUPS_ETC / "printers.conf", CUPS_ETC / "printers.conf.O"])
    daemon: subprocess.Popen[bytes] | None = None
    try:
        if not _scheduler_running():
            daemon = subprocess.Popen(
                [str(CUPSD), "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            deadline = time.monotonic() + 20
            while not _scheduler_running():
                if daemon.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("cupsd did not start")
                time.sleep(0.1)
        conf.write_text(f"Out {out_dir}\nUserUMask 0022\n", encoding="utf-8")
        _run(
            "lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-m", CUPS_PDF_PPD,
            "-o", "pdftops-renderer-default=pdftocairo",
        )  # fmt: skip
        yield CupsQueue(name, out_dir)
    finally:
        if _scheduler_running():
            _run("cancel", "-a", name, check=False)
            _run("lpadmin", "-x", name, check=False)
        conf.unlink(missing_ok=True)
        if daemon is not None:
            daemon.terminate()
            try:
                daemon.wait(timeout=10)
            except subprocess.TimeoutExpired:
                daemon.kill()
                daemon.wait(timeout=10)
            _restore(state)
        for leftover in (Path("/var/cache/cups") / f"{name}.strings",):
            leftover.unlink(missing_ok=True)
