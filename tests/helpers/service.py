"""A real records service on 127.0.0.1 for tests (a pytest plugin, see tests/conftest.py).

``service_factory(tls=None, catalog=None, env=None)`` starts ``python -m records_service
serve`` in a subprocess on a temp SQLite file that has been migrated and loaded with the
demo data, waits until ``GET /api/v1/health`` answers and returns a :class:`RunningService`.
Every process started is stopped at teardown, also when the test fails.

The migrated demo database is built once per test session and copied for each service;
``tests/service/test_cli.py`` checks that the real CLI builds the same one.

Two options make a service independent of the machine it runs on:

- ``clock=TEST_NOW`` (or any aware datetime, or a file path): the service is started through
  this module's test entry point (``python -m tests.helpers.service serve ...``), which gives
  the app a clock that starts at that instant and runs at real speed (a path: the clock reads
  the instant from that file whenever it changes, so a test can move it). Production builds
  never read ``CLERK_TEST_CLOCK``: only this test entry point does.
- ``backend="postgres"``: the service runs on a fresh copy of a migrated PostgreSQL demo
  database on the session's throwaway cluster (``postgres_databases``).
"""

from __future__ import annotations

import atexit
import contextlib
import http.client
import logging
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
API_PREFIX = "/api/v1"
STARTUP_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 10.0
CLI_TIMEOUT_S = 120.0

DEMO_PASSWORD = "demo-pass-2026"

#: Read by the test entry point below only (never by ``clerk-records``): the start of the
#: service's clock (ISO 8601 with offset), or ``@PATH`` of a file holding it.
TEST_CLOCK_ENV = "CLERK_TEST_CLOCK"
#: What the service suites' services believe "now" is when they start: the morning of the day
#: their case numbers and times carry (Beijing time), far from midnight and the year's end.
TEST_NOW = datetime(2026, 11, 28, 10, 0, tzinfo=timezone(timedelta(hours=8)))

Clock = datetime | Path

#: records_service.pool_nesting's switch and the start of the ERROR it logs.
POOL_NESTING_ENV = "CLERK_DEBUG_POOL_NESTING"
POOL_NESTING_MARK = "nested connection checkout"
#: Nested checkouts known and not yet fixed (their files are being changed by others):
#: logged, not failed. Remove a route from here when its nesting is fixed.
KNOWN_NESTED_CHECKOUTS: frozenset[str] = frozenset()  # routes allowed to nest: none
#: The log of every service started in this test run (see _no_nested_checkout).
_SERVICE_LOGS: list[Path] = []


class ServiceStartError(RuntimeError):
    """The service did not come up; the message carries its log."""


@dataclass
class RunningService:
    """A records service process started for a test.

    Attributes:
        base_url: ``http(s)://127.0.0.1:PORT`` (no path; the API lives under ``/api/v1``).
        api_url: ``base_url + "/api/v1"``.
        database_url: the SQLAlchemy URL of its SQLite file.
        database_path: that file.
        process: the ``subprocess.Popen`` of the service.
        log_path: the file its stdout and stderr go to.
    """

    base_url: str
    database_url: str
    database_path: Path
    process: subprocess.Popen[bytes]
    log_path: Path
    api_url: str = field(init=False)

    def __post_init__(self) -> None:
        self.api_url = self.base_url + API_PREFIX

    def url(self, path: str) -> str:
        """The full URL of an API path: ``url("/cases")`` → ``.../api/v1/cases``."""
        return self.api_url + path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return "sqlite" if self.database_url.startswith("sqlite") else "postgresql"

    def sql(self, statement: str, **params: object) -> list[tuple]:
        """Run one SQL statement on the service's database (either backend) in its own
        committed transaction; the rows it returns, if any (``:name`` parameters)."""
        from sqlalchemy import create_engine, text

        engine = create_engine(self.database_url)
        try:
            with engine.begin() as conn:
                result = conn.execute(text(statement), params)
                return [tuple(row) for row in result] if result.returns_rows else []
        finally:
            engine.dispose()

    def stop(self) -> None:
        """Terminate the process (kill it if it does not stop in time). Idempotent."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_S)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _private_audit_key() -> None:
    """Give every records service of this run (subprocess or in-process) an audit key in a
    temporary folder, removed at exit: the service's default for PostgreSQL is the user's
    configuration folder, which a test run must not write. Tests that name a key of their
    own pass ``CLERK_AUDIT_KEY_FILE`` themselves; a child process inherits the parent's."""
    if os.environ.get("CLERK_AUDIT_KEY_FILE"):
        return
    folder = Path(tempfile.mkdtemp(prefix="clerk-audit-keys-"))
    atexit.register(shutil.rmtree, folder, True)
    os.environ["CLERK_AUDIT_KEY_FILE"] = str(folder / "audit.key")


_private_audit_key()


def _child_env(database_url: str, extra: dict[str, str] | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CLERK_RECORDS_CONFIG", None)
    env["CLERK_DATABASE_URL"] = database_url
    env["PYTHONUNBUFFERED"] = "1"
    # A service must not outlive the test run that started it, even an aborted one.
    env["CLERK_EXIT_WITH_PARENT"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    # Every nested checkout from one connection pool is logged (see _no_nested_checkout).
    env.setdefault(POOL_NESTING_ENV, "1")
    if extra:
        env.update(extra)
    return env


def run_cli(args: list[str], database_url: str, env: dict[str, str] | None = None) -> str:
    """Run ``python -m records_service ARGS``; return its output, fail the test on error."""
    result = subprocess.run(
        [sys.executable, "-m", "records_service", *args],
        cwd=REPO_ROOT,
        env=_child_env(database_url, env),
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"clerk-records {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result.stdout + result.stderr


def _health_answers(host: str, port: int, tls: bool) -> bool:
    try:
        if tls:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, port, timeout=2, context=context
            )
        else:
            conn = http.client.HTTPConnection(host, port, timeout=2)
        try:
            conn.request("GET", API_PREFIX + "/health")
            return conn.getresponse().status == 200
        finally:
            conn.close()
    except (OSError, http.client.HTTPException):
        return False


def _wait_until_up(service: RunningService, host: str, port: int, tls: bool) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise ServiceStartError(
                f"records service exited with {service.process.returncode}:\n{service.log()}"
            )
        if _health_answers(host, port, tls):
            return
        time.sleep(0.05)  # bounded start-up poll of a real process; no test logic waits here
    service.stop()
    raise ServiceStartError(f"records service not up after {STARTUP_TIMEOUT_S} s:\n{service.log()}")


def build_demo_database(url: str, catalog: Path | None = None) -> None:
    """Migrate the database at ``url`` and load the demo data (what ``clerk-records
    migrate`` and ``load-demo`` do, run in this process to save two interpreter starts)."""
    from records_service.db import Database
    from records_service.demo import load_demo
    from records_service.migrate import upgrade

    upgrade(url)
    database = Database(url)
    try:
        with database.write() as session:
            load_demo(session, catalog)
    finally:
        database.dispose()


@pytest.fixture(scope="session")
def records_template_db(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path | None], Path]:
    """Build (once per catalog) a migrated SQLite file with the demo data loaded."""
    built: dict[Path | None, Path] = {}

    def template(catalog: Path | None = None) -> Path:
        if catalog not in built:
            path = tmp_path_factory.mktemp("records-template") / "records.db"
            build_demo_database(f"sqlite:///{path}", catalog)
            built[catalog] = path
        return built[catalog]

    return template


ServiceFactory = Callable[..., RunningService]


class ServiceLauncher:
    """Starts services in ``folder`` and remembers them so they can all be stopped.

    ``postgres`` (a :class:`PostgresDatabases`) is needed for ``backend="postgres"``;
    ``clock`` is the default of :meth:`start`'s ``clock``.
    """

    def __init__(
        self,
        folder: Path,
        template: Callable[[Path | None], Path],
        *,
        postgres: Callable[[], PostgresDatabases] | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.folder = folder
        self.template = template
        self.postgres = postgres
        self.clock = clock
        self.started: list[RunningService] = []

    def start(
        self,
        *,
        tls: tuple[str | Path, str | Path] | None = None,
        catalog: Path | None = None,
        env: dict[str, str] | None = None,
        database_path: Path | None = None,
        database_url: str | None = None,
        backend: str = "sqlite",
        clock: Clock | None = None,
    ) -> RunningService:
        """Start one service; see :func:`service_factory` for the arguments."""
        folder = self.folder / f"records-service-{len(self.started) + 1}"
        folder.mkdir(parents=True)
        if database_url is None and database_path is None and backend == "postgres":
            if self.postgres is None:
                raise RuntimeError("backend='postgres' needs a launcher with postgres=")
            databases = self.postgres()
            database_url = databases.create(template=databases.demo_template(catalog))
        if database_url is not None:
            database_path = folder / "not-sqlite"
        elif database_path is None:
            database_path = folder / "records.db"
            shutil.copyfile(self.template(catalog), database_path)
        database_url = database_url or f"sqlite:///{database_path}"
        clock = clock if clock is not None else self.clock
        extra_env = dict(env or {})
        entry = "records_service"
        if clock is not None:
            entry = "tests.helpers.service"  # the test entry point, see _serve_with_test_clock
            extra_env[TEST_CLOCK_ENV] = (
                f"@{clock}" if isinstance(clock, Path) else clock.isoformat()
            )
        host = "127.0.0.1"
        last_error: ServiceStartError | None = None
        for attempt in range(3):  # another process may grab the free port first
            port = _free_port()
            args = ["serve", "--host", host, "--port", str(port), "--log-level", "warning"]
            if tls:
                args += ["--ssl-certfile", str(tls[0]), "--ssl-keyfile", str(tls[1])]
            log_path = folder / f"service-{attempt}.log"
            with open(log_path, "wb") as log_file:
                process = subprocess.Popen(
                    [sys.executable, "-m", entry, *args],
                    cwd=REPO_ROOT,
                    env=_child_env(database_url, extra_env),
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                )
            scheme = "https" if tls else "http"
            service = RunningService(
                base_url=f"{scheme}://{host}:{port}",
                database_url=database_url,
                database_path=database_path,
                process=process,
                log_path=log_path,
            )
            self.started.append(service)
            _SERVICE_LOGS.append(log_path)
            try:
                _wait_until_up(service, host, port, tls is not None)
            except ServiceStartError as exc:
                last_error = exc
                service.stop()
                continue
            return service
        pytest.fail(str(last_error))

    def stop_all(self) -> None:
        for service in self.started:
            with contextlib.suppress(Exception):
                service.stop()


@pytest.fixture
def service_factory(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    records_template_db: Callable[[Path | None], Path],
) -> Iterator[ServiceFactory]:
    """Start real records services; all are stopped at teardown, also when a test fails.

    Call it as ``service_factory(tls=(certfile, keyfile), catalog=path, env={...},
    database_path=path, database_url=url, backend="sqlite"|"postgres", clock=TEST_NOW)``;
    every argument is optional. Each call gets its own copy of the demo database (a SQLite
    file, or with ``backend="postgres"`` a database on the session's PostgreSQL cluster)
    unless ``database_path`` names an existing SQLite file or ``database_url`` another
    database (already migrated and loaded). ``clock``: see the module docstring.
    """
    launcher = ServiceLauncher(
        tmp_path,
        records_template_db,
        postgres=lambda: request.getfixturevalue("postgres_databases"),
    )
    try:
        yield launcher.start
    finally:
        launcher.stop_all()


class _NestedCheckouts(logging.Handler):
    """The nested checkouts logged by services served in this process (local_service)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_IN_PROCESS = _NestedCheckouts()
logging.getLogger("records.pool").addHandler(_IN_PROCESS)


def forget_nested_checkouts() -> None:
    """Forget the nested checkouts logged in this process so far (a test of the check)."""
    _IN_PROCESS.messages.clear()


def _log_sizes() -> dict[Path, int]:
    return {path: path.stat().st_size for path in _SERVICE_LOGS if path.exists()}


@pytest.fixture(autouse=True)
def _no_nested_checkout() -> Iterator[None]:
    """Fail a test whose services logged a nested checkout from one connection pool (a
    request holding a connection while it waits for another: a busy service deadlocks on
    its own pool until the pool timeout; records_service/pool_nesting.py)."""
    before = _log_sizes()
    logged = len(_IN_PROCESS.messages)
    yield
    texts = ["\n".join(_IN_PROCESS.messages[logged:])]
    for path, size in _log_sizes().items():
        start = before.get(path, 0)
        if size > start:
            with open(path, "rb") as log_file:
                log_file.seek(start)
                texts.append(log_file.read().decode("utf-8", errors="replace"))
    for text in texts:
        at = text.find(POOL_NESTING_MARK)
        while at >= 0:
            route = text[at + len(POOL_NESTING_MARK) + 2 :].split(" holds ", 1)[0]
            if route not in KNOWN_NESTED_CHECKOUTS:
                excerpt = text[at : at + 1500].replace("\\n", "\n")  # a JSON log line
                pytest.fail(f"the service logged a {excerpt}", pytrace=False)
            at = text.find(POOL_NESTING_MARK, at + 1)


@pytest.fixture
def records_service(service_factory: ServiceFactory) -> RunningService:
    """A real records service with the demo data, on plain HTTP, for one test."""
    return service_factory()


@pytest.fixture(scope="module")
def shared_records_service(
    tmp_path_factory: pytest.TempPathFactory,
    records_template_db: Callable[[Path | None], Path],
) -> Iterator[RunningService]:
    """One records service for a whole test module (tests must not depend on its state)."""
    launcher = ServiceLauncher(tmp_path_factory.mktemp("shared-records"), records_template_db)
    try:
        yield launcher.start()
    finally:
        launcher.stop_all()


# -- PostgreSQL --------------------------------------------------------------------------

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _run_as_postgres(*args: str) -> None:
    result = subprocess.run(
        ["runuser", "-u", "postgres", "--", *args],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{args[0]} failed:\n{result.stdout}\n{result.stderr}")


def can_start_postgres() -> bool:
    """Whether this machine can start a throwaway cluster (root, PostgreSQL 15, runuser)."""
    return (PG_BIN / "initdb").exists() and os.geteuid() == 0 and bool(shutil.which("runuser"))


@dataclass
class PostgresCluster:
    """A throwaway PostgreSQL cluster run as the postgres user (TESTING-RECIPES.md)."""

    folder: Path
    port: int

    @property
    def url(self) -> str:
        """The server URL without a database name."""
        return f"postgresql+psycopg://postgres:pw@127.0.0.1:{self.port}"

    @classmethod
    def start(cls) -> PostgresCluster:
        # Not under pytest's temp folder: the postgres user cannot enter root's 0700 folders.
        folder = Path(tempfile.mkdtemp(prefix="clerk-test-pg-"))
        (folder / "sock").mkdir()
        (folder / "pw").write_text("pw\n")
        shutil.chown(folder, "postgres")
        for item in folder.iterdir():
            shutil.chown(item, "postgres")
        _run_as_postgres(
            str(PG_BIN / "initdb"), "-D", str(folder / "data"), "-U", "postgres",
            f"--pwfile={folder / 'pw'}", "--auth-local=trust", "--auth-host=scram-sha-256",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        for attempt in range(3):  # another process (an xdist worker) may take the port first
            cluster = cls(folder, _free_port())
            try:
                cluster.resume()
            except RuntimeError:
                if attempt == 2:
                    raise
                continue
            return cluster
        raise AssertionError("unreachable")

    def resume(self) -> None:
        """Start (again) the server of this cluster and wait until it accepts connections."""
        _run_as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-l",
            str(self.folder / "log"), "-w", "-t", "30", "-o",
            f"-p {self.port} -k {self.folder / 'sock'} -c listen_addresses=127.0.0.1 "
            "-c fsync=off",
            "start",
        )  # fmt: skip

    def halt(self) -> None:
        """Stop the server (fast shutdown: open connections are cut); the data stays."""
        _run_as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop"
        )

    def remove(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.halt()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server (without database name) for ``postgres`` tests.

    ``CLERK_TEST_POSTGRES_URL`` names one; otherwise a throwaway cluster is started the way
    /work/shared/TESTING-RECIPES.md describes (needs root and PostgreSQL 15), else skip.
    """
    given = os.environ.get("CLERK_TEST_POSTGRES_URL")
    if given:
        yield given.rstrip("/")
        return
    if not can_start_postgres():
        pytest.skip("no PostgreSQL: set CLERK_TEST_POSTGRES_URL or run as root with postgres 15")
    cluster = PostgresCluster.start()
    try:
        yield cluster.url
    finally:
        cluster.remove()


class PostgresDatabases:
    """Databases on one PostgreSQL server: new ones, copies of a template, all dropped at
    :meth:`drop_all`. The migrated demo database is built once (per catalog) as a template
    and copied with ``CREATE DATABASE ... TEMPLATE`` (a file copy: fast)."""

    def __init__(self, server: str) -> None:
        import uuid

        from sqlalchemy import create_engine

        self.server = server
        self._prefix = "records_" + uuid.uuid4().hex[:6]
        self._count = 0
        self._admin = create_engine(server + "/postgres", isolation_level="AUTOCOMMIT")
        self._made: list[str] = []
        self._templates: dict[Path | None, str] = {}

    def _execute(self, statement: str) -> None:
        from sqlalchemy import text

        with self._admin.connect() as conn:
            conn.execute(text(statement))

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of ``template`` when given); its URL."""
        self._count += 1
        name = f"{self._prefix}_{self._count}"
        self._execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self._made.append(name)
        return f"{self.server}/{name}"

    def demo_template(self, catalog: Path | None = None) -> str:
        """The name of a database migrated and loaded with the demo data (built once)."""
        if catalog not in self._templates:
            url = self.create()
            build_demo_database(url, catalog)
            self._templates[catalog] = url.rsplit("/", 1)[1]
        return self._templates[catalog]

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop_all(self) -> None:
        for name in reversed(self._made):
            with contextlib.suppress(Exception):
                self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._admin.dispose()


@pytest.fixture(scope="session")
def postgres_databases(postgres_server: str) -> Iterator[PostgresDatabases]:
    """Databases on the session's PostgreSQL server (see :class:`PostgresDatabases`)."""
    databases = PostgresDatabases(postgres_server)
    try:
        yield databases
    finally:
        databases.drop_all()


@pytest.fixture
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, text

    name = "records_" + uuid.uuid4().hex[:12]
    admin = create_engine(postgres_server + "/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield f"{postgres_server}/{name}"
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


# -- the test entry point: a service with a test clock ------------------------------------


class _TestClock:
    """Starts at the instant ``CLERK_TEST_CLOCK`` names and runs at real speed; with
    ``@PATH`` it re-reads the instant from that file whenever the file changes."""

    def __init__(self, value: str) -> None:
        self._path = Path(value[1:]) if value.startswith("@") else None
        self._stamp: float | None = None
        self._anchor(value if self._path is None else self._path.read_text().strip())

    def _anchor(self, iso: str) -> None:
        start = datetime.fromisoformat(iso)
        if start.tzinfo is None:
            raise SystemExit(f"{TEST_CLOCK_ENV} needs a time with an offset: {iso!r}")
        self._start, self._since = start.astimezone(UTC), time.monotonic()

    def __call__(self) -> datetime:
        if self._path is not None:
            stamp = self._path.stat().st_mtime_ns
            if stamp != self._stamp:
                self._stamp = stamp
                self._anchor(self._path.read_text().strip())
        return self._start + timedelta(seconds=time.monotonic() - self._since)


def _serve_with_test_clock(argv: list[str]) -> int:
    """``python -m tests.helpers.service serve ...``: ``clerk-records serve`` whose app gets
    the clock of ``CLERK_TEST_CLOCK`` (one worker process only)."""
    import functools

    from records_service import app as app_module
    from records_service.cli import main

    clock = _TestClock(os.environ[TEST_CLOCK_ENV])
    app_module.create_app = functools.partial(app_module.create_app, clock=clock)
    return main(argv)


if __name__ == "__main__":
    sys.exit(_serve_with_test_clock(sys.argv[1:]))
