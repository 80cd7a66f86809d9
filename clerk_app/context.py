"""The application's parts, wired once at start: what every window of the GUI is given.

``build_context`` opens the local store (moving a damaged one aside), the REST client
(TLS checked against the provisioning CA bundle), the token store and the clock.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import Clock, SystemClock
from clerk_app.core.provisioning import Provisioning, load_provisioning
from clerk_app.core.settings import Settings
from clerk_app.device import device_id as load_device_id
from clerk_app.logs import logger
from clerk_app.paths import Paths
from clerk_app.remote.api import ApiClient
from clerk_app.remote.tokens import TokenStore
from clerk_app.store.db import Database, StoreError
from clerk_app.store.local import LocalStore

log = logger("app")


class StartupError(Exception):
    """The client cannot start; the message says why, in Chinese and English."""


@dataclass
class AppContext:
    """Everything the GUI needs, built once per run."""

    provisioning: Provisioning
    settings: Settings
    paths: Paths
    clock: Clock
    db: Database
    store: LocalStore
    api: ApiClient
    tokens: TokenStore
    device_id: str
    calendar: WorkCalendar = field(default_factory=WorkCalendar.builtin)

    def close(self) -> None:
        """Close the network session and the database."""
        self.api.close()
        self.db.close()


def demo_provisioning(path: Path, service_url: str) -> Provisioning:
    """The demo window's provisioning, pointed at the embedded service."""
    return dataclasses.replace(load_provisioning(path), service_url=service_url.rstrip("/"))


def build_context(
    provisioning: Provisioning,
    paths: Paths,
    *,
    clock: Clock | None = None,
    settings: Settings | None = None,
) -> AppContext:
    """Open the store and the service client for this window.

    Raises:
        StartupError: the local database cannot be opened (disk full, locked, damaged).
    """
    paths.ensure()
    clock = clock or SystemClock()
    settings = settings or Settings.load(paths.settings_file)
    for note in settings.ignored:
        log.warning("settings: %s", note)
    try:
        db = Database(paths.database)
    except StoreError as exc:
        raise StartupError(
            f"无法打开本地数据库 {paths.database}：{exc}\n"
            f"cannot open the local database {paths.database}: {exc}"
        ) from exc
    api = ApiClient(
        provisioning.service_url,
        ca_bundle=provisioning.ca_bundle,
        timeout=(settings["network.connect_timeout"], settings["network.read_timeout"]),
    )
    tokens = TokenStore()  # logs when there is no secure backend (memory only)
    return AppContext(
        provisioning=provisioning,
        settings=settings,
        paths=paths,
        clock=clock,
        db=db,
        store=LocalStore(db, clock),
        api=api,
        tokens=tokens,
        device_id=load_device_id(paths.data_dir),
    )
