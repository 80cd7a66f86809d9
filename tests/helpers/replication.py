"""A PostgreSQL hot standby and a PgBouncer for tests of the province layout.

Both are real: the standby is made with ``pg_basebackup -R -X stream`` from a running
:class:`~tests.helpers.service.PostgresCluster`, and PgBouncer is Debian's, run as the
postgres user (it refuses to run as root) in transaction mode, as docs/SCALING.md
recommends in front of the primary.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.service import (
    PG_BIN,
    PostgresCluster,
    PostgresDatabases,
    _free_port,
    _run_as_postgres,
    can_start_postgres,
)

PGBOUNCER = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"


def standby_of(primary: PostgresCluster) -> PostgresCluster:
    """A hot standby of ``primary`` streaming from it (``pg_basebackup -R -X stream``)."""
    folder = Path(tempfile.mkdtemp(prefix="clerk-test-pg-standby-"))
    (folder / "sock").mkdir()
    shutil.chown(folder, "postgres")
    shutil.chown(folder / "sock", "postgres")
    try:
        _run_as_postgres(
            "env", "PGPASSWORD=pw", str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1",
            "-p", str(primary.port), "-U", "postgres", "-D", str(folder / "data"),
            "-R", "-X", "stream", "--checkpoint=fast", "--no-sync",
        )  # fmt: skip
        for attempt in range(3):  # another process may take the free port first
            standby = PostgresCluster(folder, _free_port())
            try:
                standby.resume()
            except RuntimeError:
                if attempt == 2:
                    raise
                continue
            return standby
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    raise AssertionError("unreachable")


@dataclass
class PrimaryAndStandby:
    primary: PostgresCluster
    standby: PostgresCluster
    database: str  # the demo database's name (the same on both)

    @property
    def primary_url(self) -> str:
        return f"{self.primary.url}/{self.database}"

    @property
    def standby_url(self) -> str:
        return f"{self.standby.url}/{self.database}"


@contextlib.contextmanager
def primary_and_standby() -> Iterator[PrimaryAndStandby]:
    """A primary holding a copy of the migrated demo database and a hot standby streaming
    from it, both removed afterwards; skips where no cluster can be started."""
    if not can_start_postgres():
        pytest.skip("needs root and PostgreSQL 15 to start a primary and a standby")
    primary = PostgresCluster.start()
    standby: PostgresCluster | None = None
    databases: PostgresDatabases | None = None
    try:
        databases = PostgresDatabases(primary.url)
        database = databases.create(template=databases.demo_template()).rsplit("/", 1)[1]
        standby = standby_of(primary)
        yield PrimaryAndStandby(primary, standby, database)
    finally:
        if databases is not None:
            with contextlib.suppress(Exception):
                databases._admin.dispose()
        if standby is not None:
            standby.remove()
        primary.remove()


def crash(cluster: PostgresCluster) -> None:
    """Stop ``cluster`` as a crash would (immediate shutdown: no checkpoint, clients cut)."""
    _run_as_postgres(
        str(PG_BIN / "pg_ctl"), "-D", str(cluster.folder / "data"), "-m", "immediate", "-w",
        "stop",
    )  # fmt: skip


def promote(standby: PostgresCluster) -> None:
    """Make ``standby`` the primary (``pg_ctl promote``; waits until it takes writes)."""
    _run_as_postgres(
        str(PG_BIN / "pg_ctl"), "-D", str(standby.folder / "data"), "-w", "-t", "30", "promote"
    )


@dataclass
class PgBouncer:
    """Debian's PgBouncer on 127.0.0.1:``port`` in transaction mode, every database name
    passed to the server at ``target`` (a port on 127.0.0.1), user postgres / pw."""

    folder: Path
    port: int
    target: int
    process: subprocess.Popen[bytes] | None = None

    @classmethod
    def start(cls, target: int) -> PgBouncer:
        folder = Path(tempfile.mkdtemp(prefix="clerk-test-pgbouncer-"))
        (folder / "userlist.txt").write_text('"postgres" "pw"\n')
        bouncer = cls(folder, _free_port(), target)
        bouncer._write_config()
        for path in (folder, *folder.iterdir()):
            shutil.chown(path, "postgres")
        try:
            bouncer._launch()
        except BaseException:
            bouncer.stop()
            raise
        return bouncer

    @property
    def url(self) -> str:
        """The server URL through PgBouncer, without a database name."""
        return f"postgresql+psycopg://postgres:pw@127.0.0.1:{self.port}"

    def _write_config(self) -> None:
        (self.folder / "pgbouncer.ini").write_text(
            "[databases]\n"
            f"* = host=127.0.0.1 port={self.target}\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.port}\nunix_socket_dir =\n"
            f"auth_type = scram-sha-256\nauth_file = {self.folder / 'userlist.txt'}\n"
            "pool_mode = transaction\nmax_client_conn = 200\ndefault_pool_size = 8\n"
            # A server that cannot be reached is an answer within seconds, not 120 s
            # (SCALING.md: query_wait_timeout about 10 s in production).
            "query_wait_timeout = 3\nserver_connect_timeout = 2\nserver_login_retry = 1\n"
            "ignore_startup_parameters = extra_float_digits\n"
            f"logfile = {self.folder / 'pgbouncer.log'}\n"
            f"pidfile = {self.folder / 'pgbouncer.pid'}\n",
            encoding="utf-8",
        )

    def _launch(self) -> None:
        ini = str(self.folder / "pgbouncer.ini")
        self.process = subprocess.Popen(
            ["runuser", "-u", "postgres", "--", PGBOUNCER, ini],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)  # bounded start-up poll of a real process
        raise RuntimeError("PgBouncer did not start:\n" + self.log())

    def log(self) -> str:
        path = self.folder / "pgbouncer.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _pid(self) -> int | None:
        with contextlib.suppress(OSError, ValueError):
            return int((self.folder / "pgbouncer.pid").read_text().strip())
        return None

    def point_at(self, target: int) -> None:
        """Send every database to the server at ``target`` from now on: rewrite the
        ``[databases]`` entry and reload (SIGHUP, as ``RELOAD`` on the admin console)."""
        self.target = target
        self._write_config()
        pid = self._pid()
        assert pid is not None, "PgBouncer has no pid file"
        os.kill(pid, signal.SIGHUP)

    def stop(self) -> None:
        pid = self._pid()
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)
