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

import logging
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

log = logging.getLogger("clerk.selfcheck")


class Level(StrEnum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True)
class CheckResult:
    """One line of the report: what was checked, how it went, what to do (both languages).

    ``zh`` and ``en`` are plain sentences a person can act on, never an exception's words;
    those go in ``detail`` (behind the dialog's Details button, ``--details``, the log).
    """

    name: str
    level: Level
    zh: str
    en: str
    detail: str = ""

    def text(self, language: str = "zh_CN") -> str:
        return f"{self.level.value:<4} {self.name}: {self.en if language == 'en' else self.zh}"


def _detail(exc: BaseException) -> str:
    """An exception as IT reads it: its kind and words, and what it was raised from."""
    text = f"{type(exc).__name__}: {exc}"
    cause = exc.__cause__ or exc.__context__
    return f"{text} (from {type(cause).__name__}: {cause})" if cause is not None else text


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
        detail = _detail(exc)
        return [
            CheckResult(
                "service",
                Level.FAIL,
                f"无法与 {url} 建立安全连接（见“证书”一项）。",
                f"cannot connect securely to {url} (see the certificate line).",
                detail,
            ),
            CheckResult(
                "tls",
                Level.FAIL,
                "记录服务的证书不可信（不是中心 CA 签发、已过期或与地址不符）。请检查配置文件中的 "
                "service.ca_bundle，或联系信息科。",
                "the records service's certificate is not trusted (not issued by the center's "
                "CA, expired, or made out to another address). Check service.ca_bundle in the "
                "provisioning file, or ask IT.",
                detail,
            ),
            _not_checked("clock"),
        ]
    except ApiError as exc:
        return [
            CheckResult(
                "service",
                Level.FAIL,
                f"{url} 有回答，但不是记录服务应有的回答（状态 {exc.status}）。请核对配置文件中的 "
                "service.url，或联系信息科。",
                f"{url} answers, but not as the records service does (status {exc.status}). "
                "Check service.url in the provisioning file, or ask IT.",
                _detail(exc),
            ),
            _not_checked("tls"),
            _not_checked("clock"),
        ]
    except (NetworkError, RemoteError, ValueError) as exc:
        return [
            CheckResult(
                "service",
                Level.FAIL,
                f"无法连接记录服务 {url}。请检查网线和网络，并核对配置文件中的 service.url；"
                "网络正常时请联系信息科（服务可能已停止）。",
                f"cannot reach the records service at {url}. Check the cable and the network "
                "and service.url in the provisioning file; if the network is fine, ask IT (the "
                "service may be stopped).",
                _detail(exc),
            ),
            _not_checked("tls"),
            _not_checked("clock"),
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


def _not_checked(name: str) -> CheckResult:
    return CheckResult(name, Level.WARN, "未能检查（记录服务不可达）", "not checked (no service)")


def check_window(prov: Provisioning, timeout: float = 5.0) -> CheckResult:
    """The window code is known to the service at this center, and its name there.

    The service's name wins in the app (the status bar, About, documents); a provisioning
    file naming the window otherwise is a WARN naming both, so IT can correct the file.
    Run after :func:`check_service` found the service.
    """
    from urllib.parse import quote

    from clerk_app.remote.api import API_PREFIX, ApiClient, ApiError, RemoteError

    code, center = prov.window_code, prov.center_code
    path = f"{API_PREFIX}/centers/{quote(center, safe='')}/windows/{quote(code, safe='')}"
    api = ApiClient(prov.service_url, ca_bundle=prov.ca_bundle, timeout=(timeout, timeout))
    try:
        data = api.request("GET", path).json()
        name = data["name"]
        if not isinstance(name, str):
            raise ValueError(f"window answer without a name: {data!r}")
    except ApiError as exc:
        if exc.status == 404:
            return CheckResult(
                "window", Level.FAIL,
                f"记录服务不认识中心 {center} 的窗口 {code}。请核对配置文件中的 window.code 和 "
                "center.code，或联系信息科。",
                f"the records service knows no window {code} at center {center}. Check "
                "window.code and center.code in the provisioning file, or ask IT.",
                _detail(exc),
            )  # fmt: skip
        return CheckResult(
            "window", Level.WARN,
            "未能核对窗口编号（记录服务暂不回答，请稍后再检查）。",
            "window code not checked (the service does not answer it now; check again later).",
            _detail(exc),
        )  # fmt: skip
    except (RemoteError, ValueError, KeyError, TypeError) as exc:
        return CheckResult(
            "window", Level.WARN, "未能核对窗口编号。", "window code not checked.", _detail(exc)
        )
    finally:
        api.close()
    provisioned = prov.window_name
    if provisioned and provisioned != code and provisioned != name:
        return CheckResult(
            "window", Level.WARN,
            f"{code}：配置文件中的窗口名称“{provisioned}”与记录服务的“{name}”不同；本程序使用"
            f"记录服务的名称“{name}”。请信息科改正配置文件中的 window.name。",
            f"{code}: the provisioning file names the window \"{provisioned}\", the records "
            f"service \"{name}\"; the client uses the service's name \"{name}\". Ask IT to "
            "correct window.name in the provisioning file.",
        )  # fmt: skip
    return CheckResult("window", Level.OK, f"{code} {name}", f"{code} {name}")


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
    from clerk_app.store.keys import is_secure_backend, os_keyring

    backend = os_keyring()  # the desk's own choice
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
                f"无法读取本地数据库 {db}（已损坏，或密钥不对）。请联系信息科，不要删除该文件。",
                f"cannot read the local database {db} (damaged, or not its key). Ask IT; do "
                "not delete the file.",
                _detail(exc),
            ),
            CheckResult("outbox", Level.WARN, "未能检查", "not checked"),
        ]
    if result != "ok":
        database = CheckResult(
            "database",
            Level.FAIL,
            f"本地数据库 {db} 已损坏。请联系信息科，不要删除该文件。",
            f"the local database {db} is damaged. Ask IT; do not delete the file.",
            f"PRAGMA quick_check: {result}",
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
            if item.level is not Level.OK:
                log.warning("self-check %s %s: %s%s", item.level.value, item.name, item.en,
                            f" | {item.detail}" if item.detail else "")  # fmt: skip
            if progress:
                progress(item)

    prov = provisioning
    if prov is None:
        try:
            prov = locate_provisioning(paths.config_dir)
        except ProvisioningError as exc:
            add(provisioning_failed(exc))
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
        service = check_service(prov, clock or SystemClock())
        add(*service)
        if service[0].level is not Level.FAIL:
            add(check_window(prov))
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


def provisioning_failed(exc: ProvisioningError) -> CheckResult:
    """A provisioning file that cannot be used, field by field (the parser's words, if
    any, as the detail)."""

    def line(field: str, text: str) -> str:
        return text if field == "(file)" else f"{field} {text}"

    return CheckResult(
        "provisioning", Level.FAIL,
        f"配置文件 {exc.path} 有误：" + "；".join(line(p.field, p.zh) for p in exc.problems)
        + "。请联系信息科改正。",
        f"the provisioning file {exc.path} is wrong: "
        + "; ".join(line(p.field, p.en) for p in exc.problems) + ". Ask IT to correct it.",
        "; ".join(p.detail for p in exc.problems if p.detail),
    )  # fmt: skip


def format_report(results: list[CheckResult], language: str = "zh_CN") -> str:
    return "\n".join(r.text(language) for r in results)


def exit_code(results: list[CheckResult]) -> int:
    return 1 if any(r.level is Level.FAIL for r in results) else 0
