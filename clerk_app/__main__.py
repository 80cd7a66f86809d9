"""`clerk-app`: start the window client.

clerk-app                          the window set up by IT (the per-machine provisioning
                                   file with the user's allowed overrides, else one in
                                   the user's config folder; or --provisioning)
clerk-app --demo                   the demo: an embedded records service with demo data
clerk-app --demo --smoke           sign in as demo-clerk, wait for the catalog, quit
clerk-app --smoke-start            start up to the sign-in window, show it, quit (no service
                                   needed; the start-up bench and import guard use it)
clerk-app --kiosk                  the hall's ticket kiosk (an enrolled kiosk PC, issue 18)
clerk-app unsent [--all-users]     count the cases and documents not yet sent (exit 0/1/2)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # argparse loads only for what _quick_args does not read
    import argparse
    from collections.abc import Callable

    from clerk_app.app.context import AppContext
    from clerk_app.core.provisioning import Provisioning
    from clerk_app.core.settings import Settings
    from clerk_app.gui.single_instance import DataFolderLock
    from clerk_app.paths import Paths

from clerk_app import __version__

DEMO_PROVISIONING = (
    Path(__file__).resolve().parents[1] / "resources" / "provisioning" / "demo-W01.toml"
)
DEMO_USER = "demo-clerk"
DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - the published demo account


#: Sub-commands: name -> "module:function"; the function takes the remaining arguments
#: (a list of str) and returns the exit code. Each lives in its own module, so commands
#: can be added without touching the start-up path below.
COMMANDS: dict[str, str] = {
    "provision": "clerk_app.provision:main",
    "self-check": "clerk_app.gui.selfcheck_qt:main",
    "export-journal": "clerk_app.store.journal_export:main",
    "unsent": "clerk_app.store.unsent_check:main",
}


def _run_command(name: str, argv: list[str]) -> int:
    import importlib

    module_name, _, function = COMMANDS[name].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        print(f"clerk-app {name}: not available in this build", file=sys.stderr)
        return 2
    return int(getattr(module, function)(argv) or 0)


def _cannot_start(make: str, *args: object, show: bool, **kwargs: object) -> int:
    """Say why the client does not start (a window in both languages, stderr, the log);
    return the exit code (issue 15: not stderr only). ``make`` names the function of
    ``gui.startup_error`` that words the problem, called with the other arguments; that
    module (its dialog's Qt classes) loads only then, not on a good start (issue 21)."""
    import gc

    gc.enable()  # (off during the start, see main)
    from clerk_app.gui import startup_error

    problem = getattr(startup_error, make)(*args, **kwargs)
    return startup_error.report_startup_problem(problem, show=show)


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="clerk-app", description="Window Clerk (窗口受理客户端)")
    parser.add_argument("--version", action="version", version=f"clerk-app {__version__}")
    parser.add_argument("--provisioning", type=Path, help="the window's provisioning file")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start an embedded records service with demo data and use the demo window W01",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="sign in with the demo account without asking, wait for the catalog, then quit",
    )
    parser.add_argument(
        "--smoke-start",
        action="store_true",
        help="start as usual up to the sign-in window, show it, then quit (exit 0)",
    )
    parser.add_argument("--home", type=Path, help="keep all files under this folder")
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="run as the hall's ticket kiosk on this PC's kiosk credential (full screen)",
    )
    return parser


#: The start's switches and options (what ``_quick_args`` reads without argparse).
_FLAGS = {"--demo": "demo", "--smoke": "smoke", "--smoke-start": "smoke_start", "--kiosk": "kiosk"}
_OPTIONS = {"--provisioning": "provisioning", "--home": "home"}


def _quick_args(argv: list[str]) -> SimpleNamespace | None:
    """The arguments of an ordinary start (the switches and options above, each spelt out
    in full, an option's value not empty and not starting with "-"), read without building
    argparse (~2.5 ms with what its parser loads: shutil, gettext, locale — before the
    sign-in window, issue 21); None for anything else (help, --version, an abbreviation, a
    mistake), which argparse then reads and words as before."""
    args = SimpleNamespace(**dict.fromkeys(_FLAGS.values(), False))
    args.provisioning = args.home = None
    rest = iter(argv)
    for arg in rest:
        name, equals, value = arg.partition("=")
        if arg in _FLAGS:
            setattr(args, _FLAGS[arg], True)
        elif name in _OPTIONS:
            value = value if equals else next(rest, "")
            if not value or value.startswith("-"):
                return None
            setattr(args, _OPTIONS[name], Path(value))
        else:
            return None
    return args


def main(argv: list[str] | None = None) -> int:
    """Entry point of `clerk-app` and `python -m clerk_app`."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        return _run_command(argv[0], argv[1:])
    args: SimpleNamespace | argparse.Namespace | None = _quick_args(argv)
    if args is None:
        parser = _parser()
        parser.epilog = "commands: " + ", ".join(COMMANDS)
        args = parser.parse_args(argv)
    if args.home:
        os.environ["CLERK_HOME"] = str(args.home.resolve())
    import gc

    # The GUI collects cyclic garbage from a timer on its own thread (gui.gc_guard, made by
    # run_app); until then none is collected: the start makes many objects and little
    # garbage, and the collector's passes over them cost ~3 ms before the sign-in window.
    # It is on again for any other way out of the start (wizard, kiosk, an error).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _start(args)
    finally:
        if collecting:
            gc.enable()


def _start(args: SimpleNamespace | argparse.Namespace) -> int:
    """The start of the window client (``main`` after the arguments are read)."""
    import gc

    from clerk_app.core.clock import use_center_time_zone

    use_center_time_zone()  # before Qt: its file dialogs show the center's time too

    from clerk_app.core.settings import Settings
    from clerk_app.logs import logger, setup_logging
    from clerk_app.paths import default_paths, private_umask

    private_umask()  # (start_context's too) before the lock's files are written
    paths = default_paths().ensure()
    settings = Settings.load(paths.settings_file)
    setup_logging(paths.log_dir, settings["logging.level"], console=args.smoke)
    quiet = args.smoke or args.smoke_start  # nothing that waits for a person
    log = logger("app")
    log.info("clerk-app %s starting", __version__)

    from clerk_app.gui.single_instance import RunningClient, hold_data_folder_soon, refuse

    # One client per data folder, before its database or demo service is touched, or any
    # window shown (issue 15). The lock is taken on a thread while the GUI's modules load.
    taking = hold_data_folder_soon(paths.data_dir)
    from clerk_app.gui import app as _gui  # noqa: F401 - the sign-in window's modules

    held = taking()
    if isinstance(held, RunningClient):
        gc.enable()
        language = settings["ui.language"] or None  # the provisioning is not read yet
        return refuse(held, paths.data_dir, language, show=not quiet)
    service = None
    contexts: list[AppContext] = []  # (closed at the end)
    shown_language = _remembered_language(paths.config_dir)

    def provide(hide_sign_in: Callable[[], None]) -> AppContext | int:
        """The window's provisioning read and its context made (an exit code when the
        start ends there, said in a window after ``hide_sign_in``)."""
        from clerk_app.app.context import start_context

        provisioning = _provisioning(args, paths, settings, held, quiet, hide_sign_in)
        if isinstance(provisioning, int):
            return provisioning
        # The store opens once the sign-in window is shown (run_app), the kiosk's at once.
        contexts.append(start_context(provisioning, paths, settings=settings))
        if provisioning.language != shown_language:
            _remember_language(paths.config_dir, provisioning.language)
        return contexts[-1]

    try:
        from clerk_app.gui.app import run_app

        smoke_user = smoke_password = None
        if args.smoke:
            smoke_user = os.environ.get("CLERK_SMOKE_USER", DEMO_USER)
            smoke_password = os.environ.get("CLERK_SMOKE_PASSWORD", DEMO_PASSWORD)
        # Who holds the data folder, written beside its lock once the sign-in window is
        # shown (json and the file are not needed before it, issue 21).
        shown = {"after_shown": (held.write_note,), "smoke_start": args.smoke_start}
        if not (args.demo or (args.kiosk and not quiet)):
            # The sign-in window first; the provisioning is read once it is shown, and the
            # window filled in from it (issue 21): tomllib, the provisioning's checks and
            # the context load behind it. Its language until then: the settings' choice,
            # else the one the provisioning chose last time.
            return run_app(
                provide=provide, language=settings["ui.language"] or shown_language,
                smoke_user=smoke_user, smoke_password=smoke_password, **shown,
            )  # fmt: skip
        if args.demo:
            from clerk_app.app.context import demo_provisioning, start_context
            from clerk_app.embedded import EmbeddedServiceError, start_embedded_service

            try:
                service = start_embedded_service(paths.data_dir / "embedded-service")
            except EmbeddedServiceError as exc:
                return _cannot_start("embedded_service_failed", exc, show=not quiet)
            provisioning = demo_provisioning(DEMO_PROVISIONING, service.base_url)
            contexts.append(start_context(provisioning, paths, settings=settings))
            context = contexts[-1]
        else:  # the hall's ticket kiosk: its own window, no sign-in
            made = provide(lambda: None)
            if isinstance(made, int):
                return made
            context = made
        if args.kiosk and not quiet:
            from clerk_app.app.context import StartupError
            from clerk_app.gui.kiosk import run_kiosk

            gc.enable()
            held.write_note()
            try:
                context.open()
            except StartupError as exc:
                return _cannot_start("cannot_open", str(exc), exc.__cause__, show=True)
            return run_kiosk(context)
        return run_app(context, smoke_user=smoke_user, smoke_password=smoke_password, **shown)
    finally:
        for context in contexts:
            context.close()
        if service is not None:
            service.stop()
        held.release()
        log.info("clerk-app stopped")


#: The language the provisioning chose at the last start, beside the settings: the sign-in
#: window, shown before the provisioning is read (issue 21), speaks it from the start; when
#: the provisioning has changed it, the window says it all again once it is read.
LANGUAGE_FILE = "sign-in-language"


def _remembered_language(config_dir: Path) -> str | None:
    """The provisioning's language at the last start (None: not known)."""
    try:
        return (config_dir / LANGUAGE_FILE).read_text("utf-8").strip() or None
    except (OSError, ValueError):  # (none yet, or not readable: the default language)
        return None


def _remember_language(config_dir: Path, language: str) -> None:
    try:
        (config_dir / LANGUAGE_FILE).write_text(language + "\n", "utf-8")
    except OSError as exc:  # the next start's window then switches again: no harm
        from clerk_app.logs import logger

        logger("app").warning("sign-in language not remembered: %s", exc)


def _provisioning(
    args: SimpleNamespace | argparse.Namespace,
    paths: Paths,
    settings: Settings,
    held: DataFolderLock,
    quiet: bool,
    hide_sign_in: Callable[[], None],
) -> Provisioning | int:
    """The window's provisioning (``--provisioning``; else the machine file with the
    user's allowed overrides, else the user's own; else the first-run wizard's), or the
    exit code after saying why there is none (the sign-in window hidden first)."""
    import gc

    from clerk_app.core.provisioning import (
        PROVISIONING_NAME,
        ProvisioningError,
        load_provisioning,
        locate_provisioning,
        machine_provisioning_path,
    )

    provisioning: Provisioning | None
    try:
        if args.provisioning:
            provisioning = load_provisioning(args.provisioning)
        else:  # the machine file (+ allowed user overrides), else the user's own
            provisioning = locate_provisioning(paths.config_dir)
    except ProvisioningError as exc:
        hide_sign_in()
        return _cannot_start("bad_provisioning", exc, show=not quiet)
    wizard_shown = provisioning is None and not quiet
    if wizard_shown:  # nothing set up: ask, check, save — in the person's language
        hide_sign_in()
        gc.enable()
        held.write_note()
        from clerk_app.gui.i18n import translated_application
        from clerk_app.gui.wizard import run_first_run_wizard

        translated_application(settings["ui.language"] or None)
        provisioning = run_first_run_wizard(paths.config_dir)
    if provisioning is None:
        hide_sign_in()
        return _cannot_start(
            "not_set_up",
            machine_provisioning_path(),
            paths.config_dir / PROVISIONING_NAME,
            wizard_cancelled=wizard_shown,
            show=not quiet,
        )
    return provisioning


if __name__ == "__main__":
    sys.exit(main())
