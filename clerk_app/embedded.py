"""An embedded records service for `make run`: the demo on one machine.

Starts ``python -m records_service`` as a child process on 127.0.0.1 with an SQLite file
in the demo folder, migrated and loaded with the demo catalog and accounts, and stops it
when the client closes — also when the client is killed outright: the service watches its
parent and stops itself when the parent is gone (``CLERK_EXIT_WITH_PARENT``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from clerk_app.logs import logger

log = logger("app")


class EmbeddedServiceError(RuntimeError):
    """The embedded records service could not be started."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class EmbeddedService:
    """A running records service child process."""

    base_url: str
    database_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the service: SIGTERM, then SIGKILL after ``timeout`` seconds."""
        if self.process.poll() is not None:
            return
        log.info("stopping embedded records service (pid %s)", self.process.pid)
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout)


def _run_cli(args: list[str], env: dict[str, str], log_file: Path) -> None:
    with log_file.open("ab") as out:
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "records_service", *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=120,
            check=False,
        )
    if result.returncode != 0:
        tail = log_file.read_text("utf-8", errors="replace")[-2000:]
        raise EmbeddedServiceError(f"clerk-records {args[0]} failed:\n{tail}")


def start_embedded_service(folder: Path, *, port: int | None = None) -> EmbeddedService:
    """Migrate, load the demo data and serve on 127.0.0.1; wait until it answers."""
    folder.mkdir(parents=True, exist_ok=True)
    database_url = f"sqlite:///{folder / 'records.db'}"
    log_path = folder / "records-service.log"
    # CLERK_EXIT_WITH_PARENT: the service stops by itself if this client dies outright.
    env = dict(os.environ, CLERK_DATABASE_URL=database_url, CLERK_EXIT_WITH_PARENT="1")
    _run_cli(["migrate"], env, log_path)
    _run_cli(["load-demo"], env, log_path)

    port = port or free_port()
    base_url = f"http://127.0.0.1:{port}"
    out = log_path.open("ab")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "records_service",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    out.close()
    (folder / "service.pid").write_text(f"{process.pid}\n", "ascii")
    service = EmbeddedService(base_url, database_url, process, log_path)
    atexit.register(service.stop)

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text("utf-8", errors="replace")[-2000:]
            raise EmbeddedServiceError(f"records service exited at start:\n{tail}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{base_url}/api/v1/health", timeout=(0.5, 2)).ok:
                log.info("embedded records service ready at %s (pid %s)", base_url, process.pid)
                return service
        time.sleep(0.1)
    service.stop()
    raise EmbeddedServiceError(f"records service did not answer within 30 s; see {log_path}")
