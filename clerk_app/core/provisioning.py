"""The window's provisioning file: everything IT sets up for one window, in TOML.

A new window is set up with nothing but this file (the installers issue installs it; it
does not redefine it). The loader checks every field and reports every wrong one at once,
each with a clear message in Chinese and English, so the technician can fix the file in
one go.
"""

from __future__ import annotations

import ipaddress
import os
import re
import sys
import tomllib
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

if TYPE_CHECKING:  # pragma: no cover
    from clerk_app.core.idcard import IdCardSetup


SCHEMA_VERSION = 1

LANGUAGES = ("zh_CN", "en")

#: Kinds of document a window prints; the printer for each can be set separately.
#: "default" applies to any kind without its own entry.
DOCUMENT_KINDS = (
    "default",
    "acceptance",  # 受理通知书
    "supplement",  # 补正材料通知书 / 一次性告知书
    "deferred",  # 容缺受理通知书
    "supplied",  # 容缺材料补齐回执
    "lapsed",  # 容缺受理终止通知书
    "refusal",  # 不予受理通知书
    "forwarded",  # 上报 notice
    "completion",  # 办结通知 / pickup notice
    "fee",  # fee notice
    "void",  # 作废 notice
    "correction",  # corrected notice
    "commitment",  # 告知承诺书
    "joint_acceptance",  # 联合受理通知书 (issue 16)
    "joint_supplement",  # a stage's consolidated 一次性告知
    "stage_completion",  # 阶段办结通知书
    "joint_completion",  # 联合办结通知书
    "guide",  # 办事指南
    "slip",  # 80 mm roll receipt slip
    "payment_notice",  # 缴款通知书 (issue 17)
    "fiscal_receipt",  # 非税收入票据, A4 in three parts
    "fiscal_receipt_roll",  # the fiscal receipt on the 80 mm roll
    "refund_voucher",  # 退付凭证
    "daily_close",  # 收费日结单
    "queue_ticket",  # 排队凭条, the kiosk's 80 mm ticket (issue 18)
)

#: What a per-user override file may change, when the machine file's [overrides] allow it.
OVERRIDABLE = ("printers", "ui.language")

#: Folder of the per-machine provisioning file (tests point it at a temp folder).
MACHINE_DIR_ENV = "CLERK_MACHINE_CONFIG_DIR"
PROVISIONING_NAME = "provisioning.toml"
OVERRIDES_NAME = "provisioning-overrides.toml"

_CODE = re.compile(r"^[A-Z0-9]{1,8}$")
_MAX_TEXT = 200

#: ``[security]`` of the machine file: idle lock, offline sign-in, local retention.
DEFAULT_IDLE_LOCK_MINUTES = 10
DEFAULT_OFFLINE_SIGNIN_HOURS = 72
#: An offline sign-in is never allowed longer than this after the last online one.
MAX_OFFLINE_SIGNIN_HOURS = 72
DEFAULT_RETENTION_DAYS = 180
#: Hours an outbox item may wait unsent before self-check warns (``[sync] max_waiting_hours``).
DEFAULT_MAX_WAITING_HOURS = 24
#: ``[queue] elderly_age``: a kiosk gives an ID card holder this old the 老年人 priority.
DEFAULT_ELDERLY_AGE = 60


class ProvisioningProblem(NamedTuple):
    """One wrong field: where it is and what is wrong, in both languages (immutable)."""

    field: str
    zh: str
    en: str
    #: The technical reason (a parser's or the system's words), for IT and the log only.
    detail: str = ""

    def __str__(self) -> str:
        text = f"{self.field}: {self.zh} / {self.en}"
        return f"{text} ({self.detail})" if self.detail else text


class ProvisioningError(Exception):
    """The provisioning file cannot be used; `problems` lists every wrong field."""

    def __init__(self, path: Path | str, problems: list[ProvisioningProblem]) -> None:
        self.path = Path(path)
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"provisioning file {self.path} is not usable:\n{lines}")


class Provisioning(NamedTuple):
    """A window's set-up, as read from its provisioning file (immutable; a changed copy
    with ``_replace``).

    A NamedTuple, not a frozen dataclass: it is read behind the shown sign-in window,
    which is filled in from it, and ``dataclasses`` with the 23 fields' generated methods
    cost ~2 ms more there (issue 21)."""

    service_url: str
    center_code: str
    center_name: str
    window_code: str
    window_name: str
    department: str
    progress_url: str = ""
    ca_bundle: Path | None = None
    language: str = "zh_CN"
    printers: MappingProxyType[str, str] = MappingProxyType({})
    source: Path | None = None
    #: What a user's override file may change (a subset of OVERRIDABLE).
    overrides_allowed: frozenset[str] = frozenset()
    #: The user's override file applied on top of `source`, if any.
    override_source: Path | None = None
    #: Keys of that override file that were ignored (not allowed), e.g. "ui.language".
    ignored_overrides: tuple[str, ...] = ()
    #: Minutes without keyboard or mouse input before the desk locks (``[security]``).
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES
    #: Hours after an online sign-in during which an offline one is allowed (at most 72).
    offline_signin_hours: int = DEFAULT_OFFLINE_SIGNIN_HOURS
    #: Days synced, closed cases and parked intakes are kept on the desk.
    retention_days: int = DEFAULT_RETENTION_DAYS
    #: Hours an item may wait unsent before self-check rates the outbox WARN (``[sync]``).
    max_waiting_hours: int = DEFAULT_MAX_WAITING_HOURS
    #: A ticket kiosk's offline block (``[queue] offline_block``: 8 → 800–899, 9 →
    #: 900–999; ``clerk_app.core.queue``); None: this PC prints no ticket offline.
    queue_offline_block: int | None = None
    #: The age from which a kiosk gives the 老年人 priority (``[queue] elderly_age``).
    queue_elderly_age: int = DEFAULT_ELDERLY_AGE
    #: The SDK ID card reader (``[idcard]``); None: only a keyboard-wedge reader.
    idcard: IdCardSetup | None = None
    #: The center above this window's (``[center] parent``, ``parent_name``; issue 20):
    #: 上报 to it makes the linked case there (the service's ``GET /centers`` parent).
    #: Empty: no center above on the service (forwards go to authorities outside it).
    center_parent: str = ""
    center_parent_name: str = ""

    def printer_for(self, kind: str) -> str:
        """The printer configured for a document kind ("" = ask / system default)."""
        return self.printers.get(kind) or self.printers.get("default", "")

    @property
    def api_base(self) -> str:
        """The service's API root, e.g. ``https://records.example/api/v1``."""
        return self.service_url.rstrip("/") + "/api/v1"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Reader:
    """Collects problems while reading typed fields out of the parsed TOML."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.problems: list[ProvisioningProblem] = []

    def problem(self, name: str, zh: str, en: str) -> None:
        self.problems.append(ProvisioningProblem(name, zh, en))

    def table(self, name: str, *, required: bool = True) -> dict[str, Any]:
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(f"[{name}]", "缺少此节", "section is missing")
            return {}
        if not isinstance(value, dict):
            self.problem(f"[{name}]", "应为一个节（表）", "must be a table")
            return {}
        return value

    def text(self, section: dict[str, Any], sname: str, key: str, *, required: bool = True) -> str:
        name = f"{sname}.{key}"
        value = section.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(name, "必须填写", "is required")
            return ""
        if not isinstance(value, str):
            self.problem(name, "应为文本（用引号括起）", "must be a string in quotes")
            return ""
        value = value.strip()
        if len(value) > _MAX_TEXT:
            self.problem(name, f"过长（最多 {_MAX_TEXT} 个字符）", f"is too long (max {_MAX_TEXT})")
            return ""
        return value

    def unknown_keys(self, section: dict[str, Any], sname: str, known: set[str]) -> None:
        for key in sorted(set(section) - known):
            self.problem(f"{sname}.{key}", "未知的设置项（拼写错误？）", "unknown key (a typo?)")


def _not_toml(exc: tomllib.TOMLDecodeError) -> ProvisioningProblem:
    """A file that is not TOML: plain words; the parser's (with the line) as the detail."""
    return ProvisioningProblem(
        "(file)",
        "不是有效的 TOML 格式（多半是打错了字，详细信息中有行号）",
        "not valid TOML (most likely a typing mistake; the details give the line)",
        str(exc),
    )


def _load_toml(text: str, where: Path) -> dict[str, Any]:
    """The TOML of the file at ``where``; a mistake in it as a ProvisioningError."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProvisioningError(where, [_not_toml(exc)]) from exc


def parse_provisioning(text: str, *, source: Path | None = None) -> Provisioning:
    """Parse provisioning TOML text; raise ProvisioningError listing every wrong field."""
    where = source or Path("<provisioning>")
    data = _load_toml(text, where)

    r = _Reader(data)
    schema = data.get("schema", SCHEMA_VERSION)
    if schema != SCHEMA_VERSION:
        r.problem(
            "schema",
            f"不支持的版本 {schema!r}（本程序支持 {SCHEMA_VERSION}）",
            f"unsupported schema {schema!r} (this client reads {SCHEMA_VERSION})",
        )
    r.unknown_keys(
        data,
        "(top)",
        {
            "schema",
            "service",
            "center",
            "window",
            "printers",
            "ui",
            "overrides",
            "security",
            "sync",
            "queue",
            "idcard",
        },
    )

    service = r.table("service")
    r.unknown_keys(service, "service", {"url", "progress_url", "ca_bundle"})
    url = r.text(service, "service", "url")
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            r.problem(
                "service.url",
                "应为 https:// 开头的完整地址",
                "must be a full https:// address",
            )
        elif parts.scheme == "http" and not _is_loopback(parts.hostname):
            r.problem(
                "service.url",
                "只有本机地址可以不加密（http）；其他地址必须使用 https",
                "plain http is only allowed for this machine (127.0.0.1); use https",
            )
    progress_url = r.text(service, "service", "progress_url", required=False)
    if progress_url and urlsplit(progress_url).scheme not in ("http", "https"):
        r.problem("service.progress_url", "应为 http(s):// 地址", "must be an http(s):// address")

    ca_bundle: Path | None = None
    ca_text = r.text(service, "service", "ca_bundle", required=False)
    if ca_text:
        ca_bundle = Path(ca_text).expanduser()
        if not ca_bundle.is_absolute() and source is not None:
            ca_bundle = (source.parent / ca_bundle).resolve()
        if not ca_bundle.is_file():
            r.problem(
                "service.ca_bundle",
                f"找不到证书文件 {ca_bundle}",
                f"certificate bundle {ca_bundle} does not exist",
            )
        else:
            try:
                head = ca_bundle.read_text("ascii", errors="replace")[:100_000]
            except OSError as exc:
                head = ""
                r.problem("service.ca_bundle", f"无法读取：{exc}", f"cannot be read: {exc}")
            if head and "-----BEGIN CERTIFICATE-----" not in head:
                r.problem(
                    "service.ca_bundle",
                    "不是 PEM 格式的证书文件",
                    "is not a PEM certificate file",
                )

    center = r.table("center")
    r.unknown_keys(center, "center", {"code", "name", "parent", "parent_name"})
    center_code = r.text(center, "center", "code")
    if center_code and not _CODE.match(center_code):
        r.problem(
            "center.code",
            "应为 1–8 位大写字母或数字，如 HS",
            "must be 1-8 capital letters or digits, e.g. HS",
        )
    center_name = r.text(center, "center", "name")
    center_parent = r.text(center, "center", "parent", required=False)
    if center_parent and (not _CODE.match(center_parent) or center_parent == center_code):
        r.problem(
            "center.parent",
            "应为上级中心的代码（1–8 位大写字母或数字，不同于本中心），如 HS",
            "must be the code of the center above (1-8 capital letters or digits, not this "
            "center's), e.g. HS",
        )
    center_parent_name = r.text(center, "center", "parent_name", required=False)

    window = r.table("window")
    r.unknown_keys(window, "window", {"code", "name", "department"})
    window_code = r.text(window, "window", "code")
    if window_code and not _CODE.match(window_code):
        r.problem(
            "window.code",
            "应为 1–8 位大写字母或数字，如 W01",
            "must be 1-8 capital letters or digits, e.g. W01",
        )
    window_name = r.text(window, "window", "name", required=False) or window_code
    department = r.text(window, "window", "department")

    printers = _read_printers(r)
    language = _read_language(r) or "zh_CN"
    allowed = _read_allowed(r)
    idle_minutes, offline_hours, retention_days = _read_security(r)
    max_waiting_hours = _read_sync(r)
    offline_block, elderly_age = _read_queue(r)
    idcard = _read_idcard(r, source)

    if r.problems:
        raise ProvisioningError(where, r.problems)
    return Provisioning(
        service_url=url.rstrip("/"),
        center_code=center_code,
        center_name=center_name,
        center_parent=center_parent,
        center_parent_name=center_parent_name or center_parent,
        window_code=window_code,
        window_name=window_name,
        department=department,
        progress_url=progress_url,
        ca_bundle=ca_bundle,
        language=language,
        printers=MappingProxyType(printers),
        source=source,
        overrides_allowed=allowed,
        idle_lock_minutes=idle_minutes,
        offline_signin_hours=offline_hours,
        retention_days=retention_days,
        max_waiting_hours=max_waiting_hours,
        queue_offline_block=offline_block,
        queue_elderly_age=elderly_age,
        idcard=idcard,
    )


def _read_idcard(r: _Reader, source: Path | None) -> IdCardSetup | None:
    """``[idcard]``: the SDK library of the ID card reader (``library``, a path relative to
    the file's folder allowed; ``kind`` ``termb`` or ``sdtapi``; ``port``, 1001 = USB;
    ``mode`` ``in-process`` or ``helper`` — a 32-bit library through the helper process —,
    ``helper`` the helper program (implies the helper mode); ``decoder`` the vendor's WLT
    photo decoder)."""
    section = r.table("idcard", required=False)
    if not section:
        return None
    # Only here: a window with a keyboard-wedge reader does not load it before the sign-in
    # window (issue 21).
    from clerk_app.core.idcard import DEFAULT_PORT, READER_KINDS, READER_MODES, IdCardSetup

    r.unknown_keys(section, "idcard", {"library", "kind", "port", "mode", "helper", "decoder"})
    library = r.text(section, "idcard", "library")
    kind = r.text(section, "idcard", "kind")
    if kind and kind not in READER_KINDS:
        r.problem("idcard.kind", "应为 termb 或 sdtapi", "must be termb or sdtapi")
    port = section.get("port", DEFAULT_PORT)
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 9999:
        r.problem(
            "idcard.port",
            "应为 1 到 9999 之间的整数（USB 为 1001）",
            "must be a whole number from 1 to 9999 (USB: 1001)",
        )
        port = DEFAULT_PORT
    helper = r.text(section, "idcard", "helper", required=False)
    mode = r.text(section, "idcard", "mode", required=False) or (
        "helper" if helper else "in-process"
    )
    if mode not in READER_MODES:
        r.problem("idcard.mode", "应为 in-process 或 helper", "must be in-process or helper")
    decoder = r.text(section, "idcard", "decoder", required=False)
    if not library or kind not in READER_KINDS or mode not in READER_MODES:
        return None

    def path_of(text: str) -> Path:
        path = Path(text).expanduser()
        if not path.is_absolute() and source is not None:
            path = source.parent / path
        return path

    return IdCardSetup(
        library=path_of(library),
        kind=kind,
        port=port,
        mode=mode,
        helper=path_of(helper) if helper else None,
        decoder=path_of(decoder) if decoder else None,
    )


def _read_queue(r: _Reader) -> tuple[int | None, int]:
    """``[queue]`` of a ticket kiosk: its offline block (8 or 9) and the elderly age."""
    section = r.table("queue", required=False)
    r.unknown_keys(section, "queue", {"offline_block", "elderly_age"})
    block = section.get("offline_block")
    if block is not None and (isinstance(block, bool) or block not in (8, 9)):
        r.problem(
            "queue.offline_block",
            "应为 8（800–899 号）或 9（900–999 号）；同一大厅的两台取号机各用一个",
            "must be 8 (800-899) or 9 (900-999); two kiosks of a hall use one each",
        )
        block = None
    age = section.get("elderly_age", DEFAULT_ELDERLY_AGE)
    if isinstance(age, bool) or not isinstance(age, int) or not 50 <= age <= 100:
        r.problem(
            "queue.elderly_age",
            "应为 50 到 100 之间的整数",
            "must be a whole number from 50 to 100",
        )
        age = DEFAULT_ELDERLY_AGE
    return block, age


def _read_security(r: _Reader) -> tuple[int, int, int]:
    """``[security]``: idle lock minutes, offline sign-in hours (≤ 72), retention days."""
    section = r.table("security", required=False)
    r.unknown_keys(
        section, "security", {"idle_lock_minutes", "offline_signin_hours", "retention_days"}
    )

    def number(key: str, default: int, low: int, high: int) -> int:
        value = section.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            r.problem(
                f"security.{key}",
                f"应为 {low} 到 {high} 之间的整数",
                f"must be a whole number from {low} to {high}",
            )
            return default
        return value

    return (
        number("idle_lock_minutes", DEFAULT_IDLE_LOCK_MINUTES, 1, 120),
        number("offline_signin_hours", DEFAULT_OFFLINE_SIGNIN_HOURS, 0, MAX_OFFLINE_SIGNIN_HOURS),
        number("retention_days", DEFAULT_RETENTION_DAYS, 1, 3650),
    )


def _read_sync(r: _Reader) -> int:
    """``[sync]``: hours an outbox item may wait unsent before self-check warns (1–720)."""
    section = r.table("sync", required=False)
    r.unknown_keys(section, "sync", {"max_waiting_hours"})
    value = section.get("max_waiting_hours", DEFAULT_MAX_WAITING_HOURS)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 720:
        r.problem(
            "sync.max_waiting_hours",
            "应为 1 到 720 之间的整数",
            "must be a whole number from 1 to 720",
        )
        return DEFAULT_MAX_WAITING_HOURS
    return value


def _read_printers(r: _Reader) -> dict[str, str]:
    printers: dict[str, str] = {}
    for kind, value in r.table("printers", required=False).items():
        name = f"printers.{kind}"
        if kind not in DOCUMENT_KINDS:
            r.problem(
                name,
                "未知的文书种类；可用：" + "、".join(DOCUMENT_KINDS),
                "unknown document kind; known: " + ", ".join(DOCUMENT_KINDS),
            )
        elif not isinstance(value, str):
            r.problem(name, "应为打印机名称（文本）", "must be a printer name (a string)")
        else:
            printers[kind] = value.strip()
    return printers


def _read_language(r: _Reader) -> str:
    ui = r.table("ui", required=False)
    r.unknown_keys(ui, "ui", {"language"})
    language = r.text(ui, "ui", "language", required=False)
    if language and language not in LANGUAGES:
        r.problem("ui.language", "应为 zh_CN 或 en", "must be zh_CN or en")
        return ""
    return language


def _read_allowed(r: _Reader) -> frozenset[str]:
    section = r.table("overrides", required=False)
    r.unknown_keys(section, "overrides", {"allow"})
    value = section.get("allow", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        r.problem(
            "overrides.allow",
            '应为列表，如 ["printers", "ui.language"]',
            'must be a list, e.g. ["printers", "ui.language"]',
        )
        return frozenset()
    wrong = [v for v in value if v not in OVERRIDABLE]
    if wrong:
        r.problem(
            "overrides.allow",
            f"不能由用户修改：{'、'.join(wrong)}；可用：{'、'.join(OVERRIDABLE)}",
            f"cannot be changed by users: {', '.join(wrong)}; allowed: {', '.join(OVERRIDABLE)}",
        )
    return frozenset(v for v in value if v in OVERRIDABLE)


def load_provisioning(path: Path | str) -> Provisioning:
    """Read and check a provisioning file; raise ProvisioningError with every problem."""
    path = Path(path)
    return parse_provisioning(_read_text(path), source=path.resolve())


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ProvisioningError(
            path, [ProvisioningProblem("(file)", "文件不存在", "file does not exist")]
        ) from exc
    except OSError as exc:
        raise ProvisioningError(
            path,
            [
                ProvisioningProblem(
                    "(file)",
                    "无法读取（可能没有读取权限）",
                    "cannot be read (perhaps no permission to read it)",
                    str(exc),
                )
            ],
        ) from exc
    if len(raw) > 1_000_000:
        raise ProvisioningError(
            path, [ProvisioningProblem("(file)", "文件过大", "file is too large")]
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM (the Windows installer)
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:  # (what "utf-8-sig" does, without loading that codec before the sign-in window)
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProvisioningError(
            path,
            [ProvisioningProblem("(file)", "应为 UTF-8 编码", "must be UTF-8 encoded")],
        ) from exc
    return text


# -- where the file lives ------------------------------------------------------------------


def machine_config_dir() -> Path:
    """The per-machine folder IT installs the provisioning file into (read-only for users).

    Windows: ``%ProgramData%\\WindowClerk``; elsewhere ``/etc/window-clerk``; the
    environment variable ``CLERK_MACHINE_CONFIG_DIR`` overrides both (tests, odd set-ups).
    """
    override = os.environ.get(MACHINE_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "WindowClerk"
    return Path("/etc/window-clerk")


def machine_provisioning_path() -> Path:
    """The per-machine provisioning file."""
    return machine_config_dir() / PROVISIONING_NAME


def apply_overrides(base: Provisioning, path: Path) -> Provisioning:
    """Apply a user's override file (only ``[printers]`` and ``[ui] language``) to `base`.

    Keys the machine file does not allow are ignored and listed in ``ignored_overrides``.

    Raises:
        ProvisioningError: the override file itself is wrong (naming each field).
    """
    data = _load_toml(_read_text(path), path)
    r = _Reader(data)
    r.unknown_keys(data, "(top)", {"printers", "ui"})
    printers = _read_printers(r)
    language = _read_language(r)
    if r.problems:
        raise ProvisioningError(path, r.problems)
    ignored: list[str] = []
    new_printers = dict(base.printers)
    if printers:
        if "printers" in base.overrides_allowed:
            new_printers.update(printers)
        else:
            ignored.append("printers")
    new_language = base.language
    if language:
        if "ui.language" in base.overrides_allowed:
            new_language = language
        else:
            ignored.append("ui.language")
    return base._replace(
        printers=MappingProxyType(new_printers),
        language=new_language,
        override_source=path.resolve(),
        ignored_overrides=tuple(ignored),
    )


def locate_provisioning(user_config_dir: Path) -> Provisioning | None:
    """The window's provisioning when the client is started without ``--provisioning``.

    1. the per-machine file (:func:`machine_provisioning_path`), with the user's
       ``provisioning-overrides.toml`` from `user_config_dir` applied where it allows;
    2. else a full ``provisioning.toml`` in `user_config_dir` (written by the first-run
       wizard, or by ``clerk-app provision --user``), its ``[security]`` no looser than the
       defaults (:func:`user_file_security`);
    3. else None: nothing is set up yet (the first-run wizard asks).

    Raises:
        ProvisioningError: a file that exists is wrong.
    """
    machine = machine_provisioning_path()
    if machine.is_file():
        prov = load_provisioning(machine)
        overrides = user_config_dir / OVERRIDES_NAME
        if overrides.is_file():
            prov = apply_overrides(prov, overrides)
        return prov
    user = user_config_dir / PROVISIONING_NAME
    if user.is_file():
        return user_file_security(load_provisioning(user))
    return None


def user_file_security(prov: Provisioning) -> Provisioning:
    """A provisioning file in the user's own folder (the first-run wizard's) may make the
    ``[security]`` rules stricter than the defaults, never looser: a clerk can edit that
    file, and only the machine's file, which clerks cannot write, sets them freely."""
    return prov._replace(
        idle_lock_minutes=min(prov.idle_lock_minutes, DEFAULT_IDLE_LOCK_MINUTES),
        offline_signin_hours=min(prov.offline_signin_hours, DEFAULT_OFFLINE_SIGNIN_HOURS),
        retention_days=min(prov.retention_days, DEFAULT_RETENTION_DAYS),
    )
