"""`clerk-app self-check`: one line per check, OK / WARN / FAIL, with what to do.

Checks: provisioning, service reachable and version compatible, TLS, clock skew (the
service's Date header), keyring backend (else the machine key file: WARN), local database
encryption and integrity, private file modes, free disk, printers,
CJK font, translations, outbox backlog and rejected items. The exit code is 1 only when a
check FAILs (WARN is 0), so IT scripts can use it. ``run_checks`` is shared with the GUI's
Help → Self-check… dialog. The checks that ask Qt (printers, CJK font, translations) and the
command itself live on the GUI side (``clerk_app.gui.selfcheck_qt``); they come last.
"""

from __future__ import annotations

import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from pathlib import Path

from clerk_app import __version__
from clerk_app.core.clock import Clock, SystemClock
from clerk_app.core.provisioning import (
    DEFAULT_MAX_WAITING_HOURS,
    Provisioning,
    ProvisioningError,
    locate_provisioning,
)
from clerk_app.paths import POSIX, Paths
from clerk_app.store import cipher
from clerk_app.store.keys import database_key_of

SKEW_WARN_S = 60
SKEW_FAIL_S = 300
DISK_WARN_BYTES = 1_000_000_000
DISK_FAIL_BYTES = 200_000_000
BACKLOG_WARN = 20


class Level(StrEnum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True)
class CheckResult:
    """One line of the report: what was checked, how it went, what to do (both languages)."""

    name: str
    level: Level
    zh: str
    en: str

    def text(self, language: str = "zh_CN") -> str:
        return f"{self.level.value:<4} {self.name}: {self.en if language == 'en' else self.zh}"


def _version_tuple(v: str) -> tuple[int, ...]:
    parts = []
    for piece in v.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def check_service(
    prov: Provisioning, clock: Clock | None = None, timeout: float = 5.0
) -> list[CheckResult]:
    """Service reachable, version compatible, TLS trusted, clock skew (three results)."""
    from clerk_app.remote.api import ApiClient, ApiError, NetworkError, RemoteError, TlsError

    url = prov.service_url
    tls_ok = CheckResult(
        "tls",
        Level.OK,
        "证书可信" + (f"（CA：{prov.ca_bundle}）" if prov.ca_bundle else "（系统证书库）"),
        "certificate trusted" + (f" (CA: {prov.ca_bundle})" if prov.ca_bundle else ""),
    )
    if url.startswith("http://"):
        tls_ok = CheckResult(
            "tls",
            Level.WARN,
            "未加密（http，仅限本机测试）",
            "not encrypted (http, local tests only)",
        )
    api = ApiClient(url, ca_bundle=prov.ca_bundle, timeout=(timeout, timeout))
    try:
        response = api.request("GET", "/api/v1/health")
        data = response.json()
    except TlsError as exc:
        return [
            CheckResult(
                "service", Level.FAIL, f"无法安全连接 {url}", f"cannot connect securely to {url}"
            ),
            CheckResult(
                "tls",
                Level.FAIL,
                f"证书不可信：{exc}。请检查配置文件的 service.ca_bundle 或联系信息科。",
                f"certificate not trusted: {exc}. Check service.ca_bundle or ask IT.",
            ),
            CheckResult("clock", Level.WARN, "未能检查（服务不可达）", "not checked (no service)"),
        ]
    except (NetworkError, ApiError, RemoteError, ValueError) as exc:
        return [
            CheckResult(
                "service",
                Level.FAIL,
                f"无法连接 {url}：{exc}。请检查网线/网络和配置文件的 service.url。",
                f"cannot reach {url}: {exc}. Check the network and service.url.",
            ),
            CheckResult("tls", Level.WARN, "未能检查（服务不可达）", "not checked (no service)"),
            CheckResult("clock", Level.WARN, "未能检查（服务不可达）", "not checked (no service)"),
        ]
    finally:
        api.close()
    minimum = str(data.get("min_client_version") or "0")
    server_version = data.get("version") or "?"
    if _version_tuple(__version__) < _version_tuple(minimum):
        service = CheckResult(
            "service",
            Level.FAIL,
            f"本客户端 {__version__} 过旧，服务要求至少 {minimum}。请联系信息科安装新版本。",
            f"this client {__version__} is too old; the service needs {minimum}. Ask IT to "
            "install the new version.",
        )
    else:
        service = CheckResult(
            "service",
            Level.OK,
            f"{url} 可达（服务 {server_version}，要求客户端 ≥ {minimum}，本机 {__version__}）",
            f"{url} reachable (service {server_version}, needs client ≥ {minimum}, "
            f"this is {__version__})",
        )
    return [
        service,
        tls_ok,
        _clock_result(response.headers.get("Date"), (clock or SystemClock()).now()),
    ]


def _clock_result(date_header: str | None, now: datetime) -> CheckResult:
    if not date_header:
        return CheckResult("clock", Level.WARN, "服务未给出时间", "the service sent no Date")
    try:
        server = parsedate_to_datetime(date_header)
    except (TypeError, ValueError):
        return CheckResult("clock", Level.WARN, "服务时间无法读取", "unreadable Date header")
    skew = (now - server).total_seconds()
    zh = f"本机时间与服务相差 {skew:+.0f} 秒"
    en = f"this PC's clock is {skew:+.0f} s off the service"
    if abs(skew) > SKEW_FAIL_S:
        return CheckResult(
            "clock", Level.FAIL, zh + "。请校准系统时间（NTP）。", en + ". Fix the time (NTP)."
        )
    if abs(skew) > SKEW_WARN_S:
        return CheckResult(
            "clock", Level.WARN, zh + "。建议校准系统时间。", en + ". Set the time right."
        )
    return CheckResult("clock", Level.OK, zh, en)


def check_keyring(paths: Paths | None = None) -> CheckResult:
    import keyring

    from clerk_app.store.keys import is_secure_backend

    backend = keyring.get_keyring()
    name = type(backend).__name__
    if is_secure_backend(backend):
        return CheckResult("keyring", Level.OK, f"安全存储：{name}", f"secure backend: {name}")
    key_file = str(paths.key_file) if paths is not None else "machine.key"
    return CheckResult(
        "keyring",
        Level.WARN,
        f"无安全密钥存储（{name}）：本地数据库密钥和设备令牌保存在仅本用户可读的密钥文件 "
        f"{key_file} 中；用户令牌只保存在内存，每次启动需重新登录。可安装 gnome-keyring。",
        f"no secure keyring ({name}): the database key and the device token are in the key "
        f"file {key_file}, readable by this user only; user tokens are kept in memory only "
        "(sign in at every start). Install a keyring (e.g. gnome-keyring).",
    )


def check_private_files(paths: Paths) -> CheckResult:
    """The desk's folders 0700 and files 0600 (POSIX), the key file above all."""
    if not POSIX:
        return CheckResult(
            "files", Level.OK, "由安装程序设置访问权限", "access set by the installer (ACLs)"
        )
    loose: list[str] = []
    for folder in paths.private_folders:
        if not folder.exists():
            continue
        for path in (folder, *folder.rglob("*")):
            try:
                mode = stat.S_IMODE(path.lstat().st_mode)
            except OSError:
                continue
            if mode & 0o077 and not path.is_symlink():
                loose.append(f"{path} ({oct(mode)})")
    if not loose:
        return CheckResult("files", Level.OK, "仅本用户可读写", "readable by this user only")
    shown = "; ".join(loose[:3]) + (f" … (+{len(loose) - 3})" if len(loose) > 3 else "")
    level = Level.FAIL if paths.key_file.exists() and str(paths.key_file) in shown else Level.WARN
    return CheckResult(
        "files",
        level,
        f"其他用户可读：{shown}。重新启动本程序即可修正，或联系信息科。",
        f"readable by other users: {shown}. Starting the client again fixes it, or ask IT.",
    )


def check_database(
    paths: Paths, *, now: datetime | None = None, max_waiting_hours: int | None = None
) -> list[CheckResult]:
    """Integrity, outbox backlog and rejected items of the local database (read-only).

    An item waiting unsent for longer than ``max_waiting_hours`` (provisioning ``[sync]``)
    at ``now`` rates the outbox WARN, never OK.
    """
    db = paths.database
    if not db.exists():
        note = ("尚未创建（首次登录时创建）", "not created yet (made at first sign-in)")
        return [
            CheckResult("database", Level.OK, *note),
            CheckResult("outbox", Level.OK, "无待发送", "nothing waiting"),
        ]
    encrypted = not cipher.is_plaintext(db)
    try:
        con = cipher.connect_readonly(db, database_key_of(db))
        try:
            result = con.execute("PRAGMA quick_check").fetchone()[0]
            counts = dict(
                con.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall()
            )
            oldest = con.execute(
                "SELECT MIN(created_at) FROM outbox WHERE state = 'pending'"
            ).fetchone()[0]
        finally:
            con.close()
    except cipher.errors() as exc:
        return [
            CheckResult(
                "database",
                Level.FAIL,
                f"无法读取 {db}：{exc}。请联系信息科（勿删除该文件）。",
                f"cannot read {db}: {exc}. Ask IT (do not delete the file).",
            ),
            CheckResult("outbox", Level.WARN, "未能检查", "not checked"),
        ]
    if result != "ok":
        database = CheckResult(
            "database",
            Level.FAIL,
            f"{db} 已损坏：{result}。请联系信息科（勿删除该文件）。",
            f"{db} is damaged: {result}. Ask IT (do not delete the file).",
        )
    elif not encrypted:
        database = CheckResult(
            "database",
            Level.WARN if cipher.available() else Level.FAIL,
            f"{db} 完好，但未加密（下次启动时加密）",
            f"{db} intact but NOT encrypted (it is encrypted at the next start)",
        )
    else:
        database = CheckResult(
            "database", Level.OK, f"{db} 完好（已加密）", f"{db} intact (encrypted)"
        )
    pending, rejected = counts.get("pending", 0), counts.get("rejected", 0)
    zh = f"待发送 {pending} 条，被拒 {rejected} 条"
    en = f"{pending} waiting, {rejected} rejected"
    if rejected:
        outbox = CheckResult(
            "outbox", Level.WARN, zh + "。被拒的案件请在“待处理”中查看并联系信息科。",
            en + ". Look at the rejected cases and ask IT.",
        )  # fmt: skip
    elif pending > BACKLOG_WARN:
        outbox = CheckResult(
            "outbox", Level.WARN, zh + "。请检查网络连接。", en + ". Check the network."
        )
    elif (hours := _hours_waiting(oldest, now)) is not None and hours > (
        max_waiting_hours or DEFAULT_MAX_WAITING_HOURS
    ):
        outbox = CheckResult(
            "outbox", Level.WARN,
            zh + f"，最早一条已等待 {int(hours)} 小时。请检查网络连接，或联系信息科。",
            en + f"; the oldest has waited {int(hours)} hours. Check the network or ask IT.",
        )  # fmt: skip
    else:
        outbox = CheckResult("outbox", Level.OK, zh, en)
    return [database, outbox]


def _hours_waiting(created_at: str | None, now: datetime | None) -> float | None:
    """Hours since ``created_at`` (the outbox's UTC ISO stamp) at ``now``; None if unknown."""
    if not created_at:
        return None
    try:
        since = datetime.fromisoformat(created_at)
    except ValueError:
        return None
    return ((now or datetime.now(UTC)) - since).total_seconds() / 3600


def check_disk(paths: Paths) -> CheckResult:
    folder = paths.data_dir if paths.data_dir.exists() else Path(paths.data_dir.anchor or "/")
    free = shutil.disk_usage(folder).free
    zh, en = f"{folder} 剩余 {free / 1e9:.1f} GB", f"{free / 1e9:.1f} GB free at {folder}"
    if free < DISK_FAIL_BYTES:
        return CheckResult(
            "disk", Level.FAIL, zh + "。请清理磁盘。", en + ". Free some disk space."
        )
    if free < DISK_WARN_BYTES:
        return CheckResult(
            "disk", Level.WARN, zh + "。磁盘将满。", en + ". The disk is nearly full."
        )
    return CheckResult("disk", Level.OK, zh, en)


def run_checks(
    paths: Paths,
    provisioning: Provisioning | None = None,
    *,
    clock: Clock | None = None,
    progress: Callable[[CheckResult], None] | None = None,
    qt_checks: Callable[[Provisioning | None], list[CheckResult]] | None = None,
) -> list[CheckResult]:
    """Run every check; without `provisioning`, look for the window's file as the app does.

    ``qt_checks(provisioning)`` adds the checks that ask Qt, last (``gui.selfcheck_qt``;
    they must run on the GUI thread); without it they are left out.
    """
    results: list[CheckResult] = []

    def add(*items: CheckResult) -> None:
        for item in items:
            results.append(item)
            if progress:
                progress(item)

    prov = provisioning
    if prov is None:
        try:
            prov = locate_provisioning(paths.config_dir)
        except ProvisioningError as exc:
            add(CheckResult(
                "provisioning", Level.FAIL,
                "配置文件有误：" + "；".join(f"{p.field} {p.zh}" for p in exc.problems),
                "provisioning file wrong: " + "; ".join(f"{p.field} {p.en}" for p in exc.problems),
            ))  # fmt: skip
        else:
            if prov is None:
                add(CheckResult(
                    "provisioning", Level.FAIL,
                    "此电脑尚未配置窗口。请运行 clerk-app provision 文件。",
                    "this PC is not set up for a window. Run `clerk-app provision FILE`.",
                ))  # fmt: skip
    if prov is not None:
        where = str(prov.source or "")
        if prov.ignored_overrides:
            add(CheckResult(
                "provisioning", Level.WARN,
                f"{where}；个人设置中不允许的项被忽略：{'、'.join(prov.ignored_overrides)}",
                f"{where}; user overrides ignored (not allowed): "
                + ", ".join(prov.ignored_overrides),
            ))  # fmt: skip
        else:
            line = f"{prov.window_code} · {where}"
            add(CheckResult("provisioning", Level.OK, line, line))
        add(*check_service(prov, clock or SystemClock()))
    add(check_keyring(paths))
    add(*check_database(
        paths,
        now=(clock or SystemClock()).now(),
        max_waiting_hours=prov.max_waiting_hours if prov is not None else None,
    ))  # fmt: skip
    add(check_private_files(paths))
    add(check_disk(paths))
    if qt_checks is not None:
        add(*qt_checks(prov))
    return results


def format_report(results: list[CheckResult], language: str = "zh_CN") -> str:
    return "\n".join(r.text(language) for r in results)


def exit_code(results: list[CheckResult]) -> int:
    return 1 if any(r.level is Level.FAIL for r in results) else 0
