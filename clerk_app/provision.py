"""`clerk-app provision FILE`: check a provisioning file and install it for this machine.

    clerk-app provision window.toml            check, then install per machine
                                               (/etc/window-clerk or %ProgramData%\\WindowClerk;
                                               needs root / administrator)
    clerk-app provision window.toml --user     install for this user only
    clerk-app provision window.toml --check    only check; install nothing

Every wrong field is named (Chinese and English) and nothing is installed then. A CA bundle
given by a relative path is copied next to the installed file. Exit codes: 0 installed (or
checked), 2 the file is wrong, 3 it cannot be written where it belongs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from clerk_app.core.provisioning import (
    PROVISIONING_NAME,
    ProvisioningError,
    load_provisioning,
    machine_config_dir,
)
from clerk_app.core.provisioning import (
    _read_text as read_provisioning_text,  # UTF-8, or UTF-16 with BOM (Windows installer)
)

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_CANNOT_WRITE = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clerk-app provision",
        description="检查并安装窗口配置文件 / check and install a window's provisioning file",
    )
    parser.add_argument("file", type=Path, help="the provisioning file (TOML)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", help="install for this user only")
    where.add_argument("--check", action="store_true", help="only check the file")
    where.add_argument("--target", type=Path, help="install into this folder instead")
    return parser


def _atomic_copy(source: Path, target: Path, mode: int) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".provision-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(source.read_bytes())
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def install(source: Path, target_dir: Path) -> Path:
    """Check `source` and install it as ``target_dir/provisioning.toml``; return that path.

    The installed file is readable by everyone and writable only by its owner (IT).

    Raises:
        ProvisioningError: the file is wrong (nothing is written).
        OSError: the folder cannot be written (e.g. not administrator).
    """
    prov = load_provisioning(source)
    target = target_dir / PROVISIONING_NAME
    raw_ca = _relative_ca(source)
    if raw_ca is not None and prov.ca_bundle is not None:
        _atomic_copy(prov.ca_bundle, target_dir / raw_ca, 0o644)
    _atomic_copy(source, target, 0o644)
    load_provisioning(target)  # what is installed must load
    return target


def _relative_ca(source: Path) -> Path | None:
    import tomllib

    data = tomllib.loads(read_provisioning_text(source))
    ca = data.get("service", {}).get("ca_bundle")
    if isinstance(ca, str) and ca.strip() and not Path(ca.strip()).expanduser().is_absolute():
        return Path(ca.strip())
    return None


def main(argv: list[str]) -> int:
    """Entry point of `clerk-app provision`."""
    args = _parser().parse_args(argv)
    try:
        prov = load_provisioning(args.file)
    except ProvisioningError as exc:
        print(f"配置文件有误，未安装 / the file is wrong, nothing installed: {exc.path}")
        for problem in exc.problems:
            print(f"  - {problem}")
        return EXIT_INVALID
    print(
        f"配置文件正确 / the file is correct: {prov.center_code} {prov.window_code} "
        f"({prov.department}) → {prov.service_url}"
    )
    if args.check:
        return EXIT_OK
    if args.target:
        target_dir = args.target
    elif args.user:
        from clerk_app.paths import default_paths

        target_dir = default_paths().config_dir
    else:
        target_dir = machine_config_dir()
    try:
        target = install(args.file, target_dir)
    except OSError as exc:
        print(
            f"无法写入 {target_dir}：{exc}\n"
            f"  请以管理员（root）身份运行，或用 --user 仅为当前用户安装。\n"
            f"cannot write {target_dir}: {exc}\n"
            f"  run as administrator (root), or use --user to install for this user only.",
            file=sys.stderr,
        )
        return EXIT_CANNOT_WRITE
    print(f"已安装 / installed: {target}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
