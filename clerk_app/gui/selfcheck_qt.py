"""The self-check's checks that ask Qt (printers, CJK font, translations), and the command
`clerk-app self-check` itself, which makes a QGuiApplication for them.

The other checks (provisioning, service, TLS, clock, keyring, database, disk) are
``clerk_app.selfcheck``'s; the Qt ones come last, on the GUI thread.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from clerk_app.core.provisioning import Provisioning, ProvisioningError
from clerk_app.selfcheck import CheckResult, Level, exit_code, run_checks


def check_printers(prov: Provisioning | None, names: list[str] | None = None) -> CheckResult:
    if names is None:
        from PySide6.QtPrintSupport import QPrinterInfo

        names = list(QPrinterInfo.availablePrinterNames())
    if not names:
        return CheckResult(
            "printers", Level.WARN, "未找到打印机，无法打印通知书。请安装打印机。",
            "no printer found: notices cannot be printed. Install a printer.",
        )  # fmt: skip
    wanted = sorted({p for p in (prov.printers.values() if prov else []) if p})
    missing = [p for p in wanted if p not in names]
    if missing:
        return CheckResult(
            "printers", Level.WARN,
            f"配置的打印机不存在：{'、'.join(missing)}（现有：{'、'.join(names)}）",
            f"configured printers missing: {', '.join(missing)} (found: {', '.join(names)})",
        )  # fmt: skip
    return CheckResult("printers", Level.OK, "、".join(names), ", ".join(names))


def check_font() -> CheckResult:
    from clerk_app.documents import NoCjkFontError, pick_cjk_family

    try:
        family = pick_cjk_family()
    except NoCjkFontError:
        return CheckResult(
            "font", Level.FAIL, "没有中文字体，无法打印通知书。请安装中文字体。",
            "no Chinese font: notices cannot be made. Install one (e.g. fonts-noto-cjk).",
        )  # fmt: skip
    return CheckResult("font", Level.OK, family, family)


def check_translations(language: str) -> CheckResult:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from clerk_app.gui.i18n import TRANSLATIONS_DIR

    missing = []
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not QTranslator().load(f"qtbase_{language}", qt_dir):
            missing.append(f"qtbase_{language}.qm")
    for lang in ("zh_CN", "en"):
        if not QTranslator().load(f"clerk_{lang}", str(TRANSLATIONS_DIR)):
            missing.append(f"clerk_{lang}.qm")
    if missing:
        return CheckResult(
            "translations", Level.FAIL, f"缺少翻译文件：{'、'.join(missing)}。请重新安装。",
            f"translation files missing: {', '.join(missing)}. Reinstall the client.",
        )  # fmt: skip
    zh, en = {"en": ("英文", "English")}.get(language, ("简体中文", "Chinese (simplified)"))
    return CheckResult("translations", Level.OK, f"界面语言：{zh}", f"UI language: {en}")


def qt_checks(prov: Provisioning | None, printers: list[str] | None = None) -> list[CheckResult]:
    """The checks that ask Qt (printers, CJK font, translations): on the GUI thread."""
    return [
        check_printers(prov, printers),
        check_font(),
        check_translations(prov.language if prov else "zh_CN"),
    ]


def main(argv: list[str]) -> int:
    """Entry point of `clerk-app self-check`."""
    parser = argparse.ArgumentParser(
        prog="clerk-app self-check",
        description="检查本机能否正常受理 / check this window PC; exit 1 only on FAIL",
    )
    parser.add_argument("--provisioning", type=Path, help="check this file instead")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="report language")
    parser.add_argument(
        "--details",
        action="store_true",
        help="详细信息：每项的技术细节（给信息科） / the technical detail of each check (for IT)",
    )
    args = parser.parse_args(argv)

    from clerk_app.core.provisioning import load_provisioning
    from clerk_app.logs import setup_logging
    from clerk_app.paths import default_paths
    from clerk_app.selfcheck import provisioning_failed

    paths = default_paths()
    if paths.log_dir.is_dir():  # the client has run here: the details go into its log too
        setup_logging(paths.log_dir)
    prov = None
    if args.provisioning:
        try:
            prov = load_provisioning(args.provisioning)
        except ProvisioningError as exc:
            _print(provisioning_failed(exc), args.lang or "zh_CN", details=args.details)
            return 1
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["clerk-app"])  # noqa: F841
    language = args.lang or (prov.language if prov else "zh_CN")
    results = run_checks(
        paths,
        prov,
        progress=lambda r: _print(r, language, details=args.details),
        qt_checks=qt_checks,
    )
    return exit_code(results)


def _print(result: CheckResult, language: str, *, details: bool) -> None:
    """One line of the report; with ``details``, the check's technical detail under it."""
    print(result.text(language), flush=True)
    if details and result.detail:
        label = "details" if language == "en" else "详细信息"
        print(f"     {label}: {result.detail}", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
