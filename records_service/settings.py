"""Service settings: environment variables, optionally a TOML file.

Precedence: environment variables > TOML file named by ``CLERK_RECORDS_CONFIG`` > defaults.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import platformdirs

ENV_PREFIX = "CLERK_"
CONFIG_ENV = "CLERK_RECORDS_CONFIG"


def default_database_url() -> str:
    """SQLite file ``records.db`` in the user data folder of "clerk-records"."""
    folder = Path(platformdirs.user_data_dir("clerk-records", appauthor=False))
    return f"sqlite:///{folder / 'records.db'}"


@dataclass(frozen=True)
class Settings:
    """Every service setting, declared once with its type and default.

    Attributes:
        database_url: SQLAlchemy URL (``sqlite:///...`` or ``postgresql+psycopg://...``).
        access_token_minutes: lifetime of a user token from ``/auth/login``.
        device_token_days: lifetime of a device token.
        min_client_version: clients older than this get 426 at login.
        max_body_bytes: request bodies above this size get 413 before parsing.
        center_code: the center part of case numbers (``HS`` in ``HS-W01-...``).
        login_max_failures: failed logins per username before 429.
        login_lock_minutes: window in which failed logins are counted.
        progress_per_minute: public progress queries per client address per minute.
        rating_follow_up_days: working days within which a bad rating is followed up.
        due_soon_days: an open case due within this many working days is "due soon".
        idle_minutes: a user token unused this long is refused (0: no idle expiry).
        trusted_proxies: comma-separated addresses whose ``X-Forwarded-For`` is believed.
        tls_certfile: certificate (PEM) to serve HTTPS directly; with ``tls_keyfile``.
        tls_keyfile: its private key (PEM).
    """

    database_url: str = ""
    access_token_minutes: int = 8 * 60
    device_token_days: int = 365
    min_client_version: str = "0.1.0"
    max_body_bytes: int = 1_000_000
    center_code: str = "HS"
    login_max_failures: int = 5
    login_lock_minutes: int = 15
    progress_per_minute: int = 30
    rating_follow_up_days: int = 3
    due_soon_days: int = 2
    idle_minutes: int = 30
    trusted_proxies: str = ""
    tls_certfile: str = ""
    tls_keyfile: str = ""

    @property
    def access_token_ttl(self) -> timedelta:
        return timedelta(minutes=self.access_token_minutes)

    @property
    def device_token_ttl(self) -> timedelta:
        return timedelta(days=self.device_token_days)

    @classmethod
    def load(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read settings from a TOML file (``CLERK_RECORDS_CONFIG``) and the environment.

        Environment names are ``CLERK_`` + the upper-case field name, e.g.
        ``CLERK_DATABASE_URL``, ``CLERK_MIN_CLIENT_VERSION``.
        """
        env = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        config_path = env.get(CONFIG_ENV)
        if config_path:
            with open(config_path, "rb") as fh:
                values.update(tomllib.load(fh))
        for field in fields(cls):
            name = ENV_PREFIX + field.name.upper()
            if name in env:
                values[field.name] = env[name]
        settings = cls()
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(unknown)}")
        converted: dict[str, Any] = {}
        for name, raw in values.items():
            default = getattr(settings, name)
            converted[name] = type(default)(raw) if not isinstance(default, str) else str(raw)
        settings = replace(settings, **converted)
        if not settings.database_url:
            settings = replace(settings, database_url=default_database_url())
        return settings
