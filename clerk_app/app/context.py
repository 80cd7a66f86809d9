"""The application's parts, wired once at start: what every window of the GUI is given.

``build_context`` makes the desk's folders private (0700/0600, umask 077), opens the local
store encrypted with SQLCipher (the key from the OS keyring, else the machine key file; an
old plaintext file is encrypted first, nothing lost; ``PRAGMA integrity_check``; a damaged
file is moved aside, kept, and ``AppContext.damaged_database`` says where), the REST client
(TLS checked against the provisioning CA bundle), the token store and the clock, runs
the retention purge and encrypts the PDFs an older version left plain.

The sign-in window comes first (issue 21): ``start_context`` does only the quick part (the
folders, the settings) and leaves the rest — the keyring's backend choice, SQLCipher, the
key, the purge — to :meth:`AppContext.open`, which ``clerk-app`` calls once the sign-in
window is shown (``gui.app.run_app``), and which the first use of ``AppContext.backend``
calls otherwise (from any thread; one opening, under a lock). ``build_context`` is both
steps at once, so its callers see every problem at once, as before. The work calendar
(``AppContext.calendar``) is made at its first use.

The handles only the application layer may use (the store, the database, the service client,
the token store) are grouped in ``AppContext.backend`` (``app.backend.Backend``, loaded when
the context opens); the GUI reads the config-like fields (provisioning, settings, paths,
clock, calendar) and never touches ``backend``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.core.clock import Clock, SystemClock
from clerk_app.core.provisioning import Provisioning, load_provisioning
from clerk_app.core.settings import Settings
from clerk_app.logs import logger
from clerk_app.paths import Paths, private_file, private_umask

if TYPE_CHECKING:  # loaded when the context opens, after the sign-in window is shown
    from clerk_app.app.backend import Backend
    from clerk_app.core.calendar import WorkCalendar
    from clerk_app.store.keys import SecretStore

log = logger("app")


class StartupError(Exception):
    """The client cannot start; the message says why, in Chinese and English."""


class AppContext:
    """Everything the GUI needs, built once per run.

    Attributes:
        provisioning, settings, paths, clock: the window's set-up and this run's clock.
    """

    def __init__(
        self,
        provisioning: Provisioning,
        settings: Settings,
        paths: Paths,
        clock: Clock,
        backend: Backend | None = None,
        device_id: str | None = None,
        calendar: WorkCalendar | None = None,
        damaged_database: Path | None = None,
    ) -> None:
        self.provisioning = provisioning
        self.settings = settings
        self.paths = paths
        self.clock = clock
        self._backend = backend
        self._device_id = device_id
        self._calendar = calendar
        self._damaged_database = damaged_database
        self._lock = threading.RLock()
        self._failed: StartupError | None = None
        self._closed = False

    def __repr__(self) -> str:
        state = "open" if self.opened else "not opened"
        return f"AppContext({self.provisioning.window_code!r}, {self.paths.data_dir}, {state})"

    # -- opened on first use ----------------------------------------------------------------

    @property
    def opened(self) -> bool:
        """Whether the store and the service client are open (:meth:`open` has run)."""
        return self._backend is not None

    def open(self) -> None:
        """Open the store and the service client, once (later calls return at once).

        Raises:
            StartupError: the local database cannot be opened (disk full, locked, damaged,
                its key unreadable) — this call and every later one.
        """
        if self._backend is not None:
            return
        with self._lock:
            if self._backend is not None:
                return
            if self._failed is not None:
                raise self._failed
            if self._closed:
                raise RuntimeError("the application context is closed")
            try:
                _tighten(self.paths)  # after the sign-in window: it walks every kept file
                _open(self)
            except StartupError as exc:
                self._failed = exc
                raise

    @property
    def backend(self) -> Backend:
        """The store and the service client (opened here at their first use)."""
        if self._backend is None:
            self.open()
        assert self._backend is not None
        return self._backend

    @property
    def device_id(self) -> str:
        """This installation's id (kept in the data folder)."""
        if self._device_id is None:
            with self._lock:
                if self._device_id is None:
                    from clerk_app.device import device_id as load_device_id

                    self._device_id = load_device_id(self.paths.data_dir)
        return self._device_id

    @property
    def damaged_database(self) -> Path | None:
        """Where a damaged local database was moved at this start (the clerk is told), or
        None (also before the context is opened)."""
        return self._damaged_database

    @property
    def calendar(self) -> WorkCalendar:
        """The work calendar due dates are counted with (the built-in one by default)."""
        if self._calendar is None:
            from clerk_app.core.calendar import WorkCalendar

            self._calendar = WorkCalendar.builtin()
        return self._calendar

    @calendar.setter
    def calendar(self, calendar: WorkCalendar) -> None:
        self._calendar = calendar

    def close(self) -> None:
        """Close the network session and the database (nothing to close if never opened)."""
        with self._lock:
            self._closed = True
            if self._backend is not None:
                self._backend.close()


def demo_provisioning(path: Path, service_url: str) -> Provisioning:
    """The demo window's provisioning, pointed at the embedded service."""
    return load_provisioning(path)._replace(service_url=service_url.rstrip("/"))


def start_context(
    provisioning: Provisioning,
    paths: Paths,
    *,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> AppContext:
    """The quick part of the start: the folders made, private to the user from now on, the
    settings read. The store and the service client open at :meth:`AppContext.open` or
    their first use; what an older version left readable to others is made private there
    too (a walk over every kept document: ms per thousand files, not before the sign-in
    window)."""
    private_umask()  # every file the desk writes from now on is its user's only
    paths.ensure()
    settings = settings or Settings.load(paths.settings_file)
    for note in settings.ignored:
        log.warning("settings: %s", note)
    return AppContext(provisioning, settings, paths, clock or SystemClock())


def _tighten(paths: Paths) -> None:
    tightened = paths.tighten()
    if tightened:
        log.warning("made %d files and folders readable by this user only", tightened)


def build_context(
    provisioning: Provisioning,
    paths: Paths,
    *,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> AppContext:
    """Open the store and the service client for this window (``start_context`` and
    ``AppContext.open`` at once).

    Raises:
        StartupError: the local database cannot be opened (disk full, locked, damaged).
    """
    context = start_context(provisioning, paths, clock=clock, settings=settings)
    context.open()
    return context


def _open(context: AppContext) -> None:
    """Open the store (its key from the keyring or the key file), the service client and
    the token store; purge what retention says; seal old documents."""
    forget_source_lines()  # the sign-in window's: the imports below reuse that memory
    from clerk_app.app.backend import Backend
    from clerk_app.remote.api import ApiClient
    from clerk_app.remote.tokens import TokenStore
    from clerk_app.store.db import DiskFullError, StoreError
    from clerk_app.store.keys import SecretStore
    from clerk_app.store.local import LocalStore
    from clerk_app.store.recovery import open_checked

    forget_source_lines()  # what the imports above (the keyring's chain) read
    paths, settings, clock = context.paths, context.settings, context.clock
    secrets = SecretStore(paths.key_file, scope=context.device_id)
    key = _database_key(secrets, paths)
    try:
        opened = open_checked(paths.database, key=key)
    except DiskFullError as exc:
        raise StartupError(
            f"磁盘已满，无法打开本地数据库 {paths.database}：请清理磁盘后重新启动。\n"
            f"the disk is full: cannot open the local database {paths.database}: free some "
            "disk space and start again."
        ) from exc
    except StoreError as exc:
        raise StartupError(
            f"无法打开本地数据库 {paths.database}（原因见详细信息）。"
            "请联系信息科；不要删除该文件。\n"
            f"cannot open the local database {paths.database} (the details say why): call "
            "IT; do not delete the file."
        ) from exc
    api = ApiClient(
        context.provisioning.service_url,
        ca_bundle=context.provisioning.ca_bundle,
        timeout=(settings["network.connect_timeout"], settings["network.read_timeout"]),
    )
    for suffix in ("", "-wal", "-shm"):
        private_file(paths.database.with_name(paths.database.name + suffix))
    tokens = TokenStore(secrets=secrets)  # no secure keyring: user tokens in memory only
    context._damaged_database = opened.moved_aside
    context._backend = Backend(
        db=opened.db,
        store=LocalStore(opened.db, clock),
        api=api,
        tokens=tokens,
        clock=clock,
        secrets=secrets,
    )
    from clerk_app.app.retention import purge_at_start

    try:
        purge_at_start(context)
    except StoreError as exc:  # the desk still works; the next start tries again
        log.error("retention purge failed: %s", exc)
    from clerk_app.app.document_seal import seal_old_documents

    try:  # PDFs an older version left plain are encrypted (idempotent, crash-safe)
        seal_old_documents(context)
    except OSError as exc:  # the desk still works; the next start tries again
        log.error("could not encrypt the old documents: %s", exc)
    # The purge read the whole cases table through the writer's page cache (up to 8 MiB
    # with the keyed driver); the writer needs a few pages from here on (issue 21).
    context._backend.db.pragma("shrink_memory")
    _give_back_freed_memory()


def forget_source_lines() -> None:
    """Drop the source lines PySide6 had read into ``linecache``.

    Once PySide6 is loaded, it reads the source of every module imported after it (its
    ``__feature__`` check, ``inspect.getsource``: PYSIDE-2029), and ``linecache`` keeps every
    line as a string: ~7.5 MiB on the real desk, issue 21. Dropped after each batch of
    imports, the next batch reuses that memory. A traceback reads the lines again when it
    needs them. The frozen client has no sources, so there nothing is read or kept."""
    import linecache

    linecache.clearcache()


def _give_back_freed_memory() -> None:
    """Drop the source lines read so far (:func:`forget_source_lines`) and hand the heap
    pages the opening freed (the purge's page cache, the integrity check's reads, those
    lines) back to the system: glibc keeps them in its arenas otherwise (−3.7 MiB on a desk
    with 100,000 cases, issue 21). The trim is made on Linux with glibc only."""
    import sys

    if not sys.platform.startswith("linux"):
        forget_source_lines()
        return
    import ctypes

    forget_source_lines()  # ctypes' too
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl): no malloc_trim
        return
    trim(0)


#: A valid resident ID number (GB 11643's own example): checking it loads the ID checks'
#: tables (stdnum's area codes) before the clerk's first intake needs them.
_SAMPLE_RESIDENT_ID = "11010519491231002X"


def warm_up(context: AppContext) -> None:
    """Load what the first intake needs and the sign-in does not — the work calendar, the
    ID checks and their area-code tables (~0.3 s) — so that the clerk's first intake costs
    no more than the second. Meant for a worker thread once the sign-in window is shown;
    a failure is logged, never raised (the first use then loads it itself)."""
    try:
        _ = context.calendar
        from clerk_app.core.identity import check_resident_id

        check_resident_id(_SAMPLE_RESIDENT_ID)
    except Exception as exc:  # only a head start: the first use tries again
        log.warning("warm-up after the sign-in window: %s", exc)


def _database_key(secrets: SecretStore, paths: Paths) -> str | None:
    """The SQLCipher key (made at the first start); an old plaintext database is encrypted
    with it here. None when SQLCipher is missing (a broken install) or the old file could
    not be encrypted: logged, the self-check says FAIL, the file is opened as it is.

    Raises:
        StartupError: the key can be neither read nor kept.
    """
    from clerk_app.store import cipher
    from clerk_app.store.keys import DATABASE_KEY

    if not cipher.available():
        log.error("sqlcipher3 is missing: the local database is NOT encrypted")
        return None
    database = paths.database
    size = database.stat().st_size if database.exists() else 0
    # An SQLCipher 4 file is whole 4096-byte pages; anything else is damage, set aside below.
    encrypted = size > 0 and size % 4096 == 0 and not cipher.is_plaintext(database)
    try:
        key = secrets.get(DATABASE_KEY)
        if key is None and encrypted:
            # Never a new key for an existing database: it would be set aside as damaged,
            # and its unsent cases with it (a locked keyring, a profile restored without it).
            raise StartupError(
                f"本地数据库 {database} 的密钥无法读取（系统密钥环未解锁或已丢失）。请解锁密钥环"
                "后重新启动，或联系信息科；不要删除该文件。\n"
                f"the key of the local database {database} cannot be read (the keyring is "
                "locked or lost it): unlock the keyring and start again, or call IT; do not "
                "delete the file."
            )
        key = key or secrets.get_or_create(DATABASE_KEY)
    except OSError as exc:
        raise StartupError(
            "无法读取或保存本地数据库的密钥（原因见详细信息）。请联系信息科。\n"
            "cannot read or keep the local database's key (the details say why): call IT."
        ) from exc
    if cipher.is_plaintext(paths.database):
        try:
            cipher.encrypt_in_place(paths.database, key)
        except Exception as exc:  # the old file is left as it was
            # Opened as it is (its unsent cases stay usable); the next start tries again.
            log.error("could not encrypt the old database %s: %s", paths.database, exc)
            return None
    return key


def has_local_store(context: AppContext) -> bool:
    """Whether this context has a local database (a window built without one, as some
    tests do — ``backend.store`` None — has no worklist, parking or remembered printers)."""
    return context.backend.store is not None
