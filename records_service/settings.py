"""Service settings (pydantic-settings): environment variables, optionally a TOML file.

Precedence: environment variables ``CLERK_<NAME>`` > the TOML file named by
``CLERK_RECORDS_CONFIG`` > defaults. Values are parsed by type: a bool accepts
``true/false``, ``1/0``, ``yes/no``, ``on/off``; a bad value is a :class:`SettingsError`
naming the variable (or the file's key) and what was wrong with it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

import platformdirs
from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings.sources.utils import parse_env_vars

ENV_PREFIX = "CLERK_"
CONFIG_ENV = "CLERK_RECORDS_CONFIG"
#: A center's code as it appears in case numbers (``HS`` in ``HS-W01-20261128-000001``).
CENTER_CODE_PATTERN = r"^[A-Z0-9]{1,8}$"
#: The tiers a center can sit at (issue "many centers" builds the hierarchy on these).
CenterLevel = Literal["province", "city", "county", "district", "sub-center"]


class SettingsError(ValueError):
    """A setting could not be read; the message names each bad setting and why."""


def default_database_url() -> str:
    """SQLite file ``records.db`` in the user data folder of "clerk-records"."""
    folder = Path(platformdirs.user_data_dir("clerk-records", appauthor=False))
    return f"sqlite:///{folder / 'records.db'}"


#: What :meth:`Settings.load` reads: (environment, TOML file or None). Unset: the process's.
_LOADING: ContextVar[tuple[Mapping[str, str], Path | None] | None] = ContextVar(
    "clerk_settings_loading", default=None
)


class _EnvironSource(EnvSettingsSource):
    """``CLERK_*`` variables from a given mapping instead of ``os.environ``."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(
            self._environ, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str
        )


#: The categories of a complaint (issue 19) and the working days a department has by default
#: to answer one of each (``Settings.complaint_answer_days``).
ComplaintCategory = Literal["attitude", "delay", "extra_materials", "fees", "misconduct", "other"]
COMPLAINT_ANSWER_DAYS: dict[ComplaintCategory, int] = {
    "attitude": 3,
    "delay": 5,
    "extra_materials": 5,
    "fees": 5,
    "misconduct": 10,
    "other": 5,
}
#: The center's opening hours by half-day (center time), ``HH:MM-HH:MM``
#: (``Settings.queue_opening_hours``).
HalfDay = Literal["am", "pm"]
QUEUE_OPENING_HOURS: dict[HalfDay, str] = {"am": "09:00-12:00", "pm": "13:00-17:00"}
_HOURS = r"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$"


class Settings(BaseSettings):
    """Every service setting, declared once with its type and default.

    Attributes:
        database_url: SQLAlchemy URL (``sqlite:///...`` or ``postgresql+psycopg://...``).
        access_token_minutes: lifetime of a user token from ``/auth/login``.
        device_token_days: lifetime of a device token.
        min_client_version: clients older than this get 426 at login.
        max_body_bytes: request bodies above this size get 413 before parsing.
        center_code: this service's center: the center part of case numbers (``HS`` in
            ``HS-W01-...``) and the center every record written here belongs to; the
            migration creates it in ``centers`` (the default center).
        center_name: the default center's name, used when the migration creates it.
        center_level: the default center's level, used when the migration creates it.
        login_max_failures: failed sign-ins of one user name from one address before
            that pair is locked (429) for ``login_lock_minutes`` or until a lead unlocks.
        login_lock_minutes: window in which failed logins are counted.
        login_address_max_failures: failed sign-ins from one address (any user names)
            within ``login_lock_minutes`` before the address gets 429 (spraying).
        login_delay_after: failed sign-ins of one user name (from anywhere), or
            ``login_delay_after`` × 3 from one address, before each next try waits.
        login_delay_max_seconds: the longest such wait (it doubles up to this).
        password_expiry_days: a password older than this must be changed at sign-in
            (0: never).
        devices_per_window: live desk device credentials a window may have.
        enrolment_minutes: how long an enrolment code may be redeemed.
        renew_grace_minutes: how long a renewed machine credential stays valid after its
            first renewal, so that a machine whose answer was lost renews again with it
            (0: refused at once).
        progress_wrong_codes_per_day: wrong query codes for one case before that case
            answers 404 for the rest of the day.
        progress_per_minute: public progress queries per client address per minute.
        rating_follow_up_days: working days within which a bad rating is followed up.
        due_soon_days: an open case due within this many working days is "due soon".
        idle_minutes: a user token unused this long is refused (0: no idle expiry).
        trusted_proxies: addresses whose ``X-Forwarded-For`` is believed; in the
            environment comma-separated (``127.0.0.1,10.0.0.5``), in TOML a list.
        tls_certfile: certificate (PEM) to serve HTTPS directly; with ``tls_keyfile``.
        tls_keyfile: its private key (PEM).
        api_docs: serve the interactive API page at ``/docs`` (``/openapi.json``, the
            contract, is always served).
        audit_key_file: the HMAC key that seals audit records, kept apart from the
            database (made 0600 by ``clerk-records audit init-key`` or at the first
            record); default: next to a SQLite file, else in the user's config folder.
        audit_checkpoint_file: where the audit chain heads are checkpointed (JSON lines);
            default: ``audit-checkpoints.jsonl`` next to the key.
        audit_checkpoint_every: checkpoint a center's chain every this many records.
        allow_plain_http: let ``serve`` answer plain HTTP on an address other than
            loopback (behind a TLS proxy on another machine); off: it refuses to start.
        fiscal_platform: the province's fiscal non-tax collection platform the fee routes
            talk to (``records_service.fiscal``): ``standin``, the in-process stand-in
            (tests and the demo; the only one today), or ``standin-offline``, the
            stand-in unreachable (to try the platform's link down).
        waiver_approval_above_fen: a fee waiver (减免) above this many fen names the
            department's lead who approved it (``approved_by``).
        queue_opening_hours: the center's opening hours by half-day (``am``, ``pm``;
            ``HH:MM-HH:MM``, center time, the morning before the afternoon): appointments
            are booked for these half-days, a half-day that is over takes none, and an
            appointment's ticket goes first from its half-day's start; a half-day not
            given keeps its default (:data:`QUEUE_OPENING_HOURS`); in the environment as
            JSON (``{"pm": "13:30-17:30"}``), in TOML a table.
        complaint_answer_days: working days a department has to answer a complaint, per
            category (``attitude``, ``delay``, ``extra_materials``, ``fees``,
            ``misconduct``, ``other``; a category not given keeps its default, see
            :data:`COMPLAINT_ANSWER_DAYS`); in the environment as JSON
            (``{"attitude": 2}``), in TOML a table.
        attachments_dir: the folder the files of cases' materials are kept in (issue 22),
            content-addressed; default: ``attachments`` next to a SQLite file, else in the
            service user's data folder.
        attachment_max_bytes: the largest file of a material the service takes (413).
        attachment_case_max_bytes: the most bytes of files one case may hold (413).
        read_database_url: a PostgreSQL streaming replica (hot standby) of
            ``database_url`` that serves the board, the public progress query, the
            workload dashboard and the change feed (``records_service.read_replica``);
            empty: everything reads the primary. Refused with a SQLite database.
        read_max_lag_seconds: a replica whose data are older than this says so in those
            answers (``behind_seconds``) and in the log.
        db_pool_size: PostgreSQL: database connections each service process keeps open
            (SQLAlchemy's ``pool_size``; SQLite keeps its own pool). See docs/SCALING.md
            for the sizes to use with and without PgBouncer.
        db_max_overflow: PostgreSQL: connections a process may open beyond
            ``db_pool_size`` under load, closed again when returned (``max_overflow``).
        db_pool_timeout_seconds: PostgreSQL: how long a request waits for a free
            connection before it is answered 503 ``busy`` with ``Retry-After``.
        db_prepared_statements: PostgreSQL: psycopg prepares a statement once it ran 5
            times on a connection (its default, and the faster). Set false behind a
            PgBouncer older than 1.21 in transaction mode, which cannot follow prepared
            statements from one server connection to another (docs/SCALING.md).
    """

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        case_sensitive=False,
        extra="forbid",
        frozen=True,
        validate_default=True,
    )

    database_url: str = ""
    access_token_minutes: int = Field(default=8 * 60, ge=0)
    device_token_days: int = Field(default=365, ge=0)
    min_client_version: str = "0.1.0"
    max_body_bytes: int = Field(default=1_000_000, ge=1)
    center_code: str = Field(default="HS", pattern=CENTER_CODE_PATTERN)
    center_name: str = Field(default="政务服务中心", min_length=1, max_length=100)
    center_level: CenterLevel = "city"
    login_max_failures: int = Field(default=5, ge=1)
    login_lock_minutes: int = Field(default=15, ge=1)
    login_address_max_failures: int = Field(default=30, ge=1)
    login_delay_after: int = Field(default=3, ge=1)
    login_delay_max_seconds: int = Field(default=30, ge=0)
    password_expiry_days: int = Field(default=0, ge=0)
    devices_per_window: int = Field(default=3, ge=1)
    enrolment_minutes: int = Field(default=60, ge=1)
    renew_grace_minutes: int = Field(default=10, ge=0, le=60)
    progress_wrong_codes_per_day: int = Field(default=10, ge=1)
    progress_per_minute: int = Field(default=30, ge=1)
    rating_follow_up_days: int = Field(default=3, ge=0)
    due_soon_days: int = Field(default=2, ge=0)
    idle_minutes: int = Field(default=30, ge=0)
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = ()
    tls_certfile: str = ""
    tls_keyfile: str = ""
    api_docs: bool = True
    audit_key_file: str = ""
    audit_checkpoint_file: str = ""
    audit_checkpoint_every: int = Field(default=100, ge=1)
    allow_plain_http: bool = False
    fiscal_platform: Literal["standin", "standin-offline"] = "standin"
    waiver_approval_above_fen: int = Field(default=10_000, ge=0)
    queue_opening_hours: dict[HalfDay, Annotated[str, Field(pattern=_HOURS)]] = Field(
        default_factory=lambda: dict(QUEUE_OPENING_HOURS)
    )
    complaint_answer_days: dict[ComplaintCategory, Annotated[int, Field(ge=1, le=60)]] = Field(
        default_factory=lambda: dict(COMPLAINT_ANSWER_DAYS)
    )
    attachments_dir: str = ""
    attachment_max_bytes: int = Field(default=20_000_000, ge=1)
    attachment_case_max_bytes: int = Field(default=200_000_000, ge=1)
    read_database_url: str = ""
    read_max_lag_seconds: int = Field(default=30, ge=1)
    db_pool_size: int = Field(default=5, ge=1, le=1000)
    db_max_overflow: int = Field(default=10, ge=0, le=1000)
    db_pool_timeout_seconds: float = Field(default=30, gt=0, le=600)
    db_prepared_statements: bool = True

    @field_validator("queue_opening_hours")
    @classmethod
    def _hours_in_order(cls, value: dict[HalfDay, str]) -> dict[HalfDay, str]:
        hours = {**QUEUE_OPENING_HOURS, **value}
        times = [t for half in ("am", "pm") for t in hours[half].split("-")]
        if times != sorted(times) or len(set(times[:2])) < 2 or len(set(times[2:])) < 2:
            raise ValueError("each half-day opens before it closes, the morning first")
        return hours

    @field_validator("database_url")
    @classmethod
    def _default_database(cls, value: str) -> str:
        return value or default_database_url()

    @field_validator("read_database_url")
    @classmethod
    def _replica_of_postgres(cls, value: str, info: ValidationInfo) -> str:
        primary = str(info.data.get("database_url") or "")
        if value and not (value.startswith("postgresql") and primary.startswith("postgresql")):
            raise ValueError(
                "a read replica is a PostgreSQL hot standby of a PostgreSQL database_url "
                "(SQLite has none); leave CLERK_READ_DATABASE_URL empty"
            )
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_addresses(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = re.split(r"[,\s]+", value)
        if isinstance(value, list | tuple):
            return tuple(str(v).strip() for v in value if str(v).strip())
        return value

    @property
    def access_token_ttl(self) -> timedelta:
        return timedelta(minutes=self.access_token_minutes)

    @property
    def device_token_ttl(self) -> timedelta:
        return timedelta(days=self.device_token_days)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Constructor arguments, then ``CLERK_*`` variables, then the TOML file."""
        loading = _LOADING.get()
        if loading is None:
            environ: Mapping[str, str] = os.environ
            config = _config_path(os.environ)
        else:
            environ, config = loading
        sources: list[PydanticBaseSettingsSource] = [
            init_settings,
            _EnvironSource(settings_cls, environ),
        ]
        if config is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config))
        return tuple(sources)

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read settings from the environment (``os.environ`` unless ``environ`` is given)
        and the TOML file it names in ``CLERK_RECORDS_CONFIG``.

        Environment names are ``CLERK_`` + the upper-case field name, e.g.
        ``CLERK_DATABASE_URL``, ``CLERK_MIN_CLIENT_VERSION``.

        Raises:
            SettingsError: a value does not fit its setting, the file has an unknown
                setting, or the file named by ``CLERK_RECORDS_CONFIG`` cannot be read.
        """
        env = dict(os.environ if environ is None else environ)
        config = _config_path(env)
        if config is not None and not config.is_file():
            raise SettingsError(f"{CONFIG_ENV} names {config}, which is not a readable file")
        with _loading(env, config):
            try:
                return cls()
            except ValidationError as exc:
                raise SettingsError(_explain(exc, env, config)) from None
            except (OSError, ValueError) as exc:  # the TOML file itself (tomllib's errors)
                raise SettingsError(f"{config}: {exc}") from None

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied and checked like the loaded values."""
        try:
            return type(self).model_validate({**self.model_dump(), **changes})
        except ValidationError as exc:
            raise SettingsError(_explain(exc, {}, None)) from None


def _config_path(environ: Mapping[str, str]) -> Path | None:
    value = environ.get(CONFIG_ENV)
    return Path(value) if value else None


@contextmanager
def _loading(environ: Mapping[str, str], config: Path | None) -> Iterator[None]:
    token = _LOADING.set((environ, config))
    try:
        yield
    finally:
        _LOADING.reset(token)


def _explain(exc: ValidationError, environ: Mapping[str, str], config: Path | None) -> str:
    """One line per bad setting: where it came from, the value, and what is wrong."""
    upper = {k.upper(): v for k, v in environ.items()}
    lines = []
    for error in exc.errors(include_url=False):
        name = str(error["loc"][0]) if error["loc"] else "?"
        env_name = ENV_PREFIX + name.upper()
        if error["type"] == "extra_forbidden":
            where = f" in {config}" if config else ""
            lines.append(f"unknown setting {name!r}{where}")
        elif env_name in upper:
            lines.append(f"{env_name}={upper[env_name]!r}: {error['msg']}")
        else:
            where = f" in {config}" if config else ""
            lines.append(f"{name} = {error.get('input')!r}{where}: {error['msg']}")
    return "invalid settings: " + "; ".join(lines)
