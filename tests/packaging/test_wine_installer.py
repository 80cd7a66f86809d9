"""The Windows installer run for real under Wine: Debian's ``wine64`` (64-bit only, so the
installer is built ``Target amd64-unicode``), an Xvfb display, ``WINEDLLOVERRIDES=
"mscoree,mshtml="`` (no Mono or Gecko), one Wine prefix for the whole module.

The payload is a stand-in (this machine cannot build the Windows bundle): ``clerk-app.exe``
is a tiny NSIS program that answers ``--version`` from ``_internal\\version.txt`` and
``unsent --all-users --numbers`` the way the real command does (``CASES DOCUMENTS OTHER
UNREADABLE``, exit 1 when something waits), summing each user's stand-in ``clerk.db``,
which here holds the three numbers as text. The real counting of real desk databases is
tested in test_uninstall_unsent.py and tests/unit; here it is the installer's side: it asks,
refuses with exit code 2 and the counts in its log, and goes on with /FORCE.

Not checked here: file ACLs. The installer runs ``$SYSDIR\\icacls.exe`` by full path to make
``%ProgramData%\\WindowClerk`` read-only for Users, but Wine does not keep or enforce NTFS
permissions — that is checked on a real PC (packaging/README.md, acceptance checklist).

Skipped only where Wine cannot start (no ``wine64``, ``makensis`` or ``Xvfb``, or the
prefix cannot be created), with a PytestWarning in the warnings summary saying the
installer was NOT run. The module adds about 45 s to ``make test`` on the 2-core machine
(prefix creation about 10 s of it).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from clerk_app.core.provisioning import load_provisioning

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"
WINE = Path("/usr/lib/wine/wine64")
WINESERVER = Path("/usr/lib/wine/wineserver64")
OLD, NEW, NEWER = "1.4.0", "1.5.0", "1.6.0"
INSTDIR = "C:\\Program Files\\WindowClerk"
UNINST_KEY = "[Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Uninstall\\\\WindowClerk]"
PROVISIONING = (
    "/SERVER=https://records.hs.example.gov.cn:8443",
    "/WINDOW=W07",
    "/CENTER=HS",
    "/CENTERNAME=衡水市政务服务中心",
    "/DEPARTMENT=市场监督管理局",
)
PEM = "-----BEGIN CERTIFICATE-----\nMIIBstandin\n-----END CERTIFICATE-----\n"

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("default::pytest.PytestWarning")]

STAND_IN = r"""
Unicode true
Target amd64-unicode
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WordFunc.nsh"
OutFile "${OUTFILE}"
SilentInstall silent
RequestExecutionLevel user
Var Out
Function .onInit
  SetErrorLevel 0  ; Quit alone exits 2 ("aborted by script")
  ${GetParameters} $R0
  System::Call 'kernel32::GetStdHandle(i -11) p .s'
  Pop $Out
  FileOpen $1 "$EXEDIR\_internal\version.txt" r
  FileRead $1 $2
  FileClose $1
  ${If} $R0 == "--version"
    FileWrite $Out "clerk-app $2"
    Quit
  ${EndIf}
  ${If} $R0 != "unsent --all-users --numbers"
    FileWrite $Out "stand-in: unknown command $R0"
    SetErrorLevel 9
    Quit
  ${EndIf}
  ${GetParent} "$PROFILE" $3
  StrCpy $5 0
  StrCpy $6 0
  StrCpy $7 0
  FindFirst $8 $9 "$3\*"
  ${DoUntil} $9 == ""
    ${If} ${FileExists} "$3\$9\AppData\Local\WindowClerk\WindowClerk\clerk.db"
      FileOpen $1 "$3\$9\AppData\Local\WindowClerk\WindowClerk\clerk.db" r
      FileRead $1 $2
      FileClose $1
      ${WordFind} "$2" " " "+1" $R1
      ${WordFind} "$2" " " "+2" $R2
      ${WordFind} "$2" " " "+3" $R3
      IntOp $5 $5 + $R1
      IntOp $6 $6 + $R2
      IntOp $7 $7 + $R3
    ${EndIf}
    FindNext $8 $9
  ${Loop}
  FindClose $8
  FileWrite $Out "$5 $6 $7 0"
  IntOp $R4 $5 + $6
  IntOp $R4 $R4 + $7
  ${If} $R4 > 0
    SetErrorLevel 1
  ${EndIf}
  Quit
FunctionEnd
Section
SectionEnd
"""


def cannot_start(why: str) -> None:
    """Skip, loudly: the warning lands in the warnings summary of every run (xdist too)."""
    message = f"WINE CANNOT START — the Windows installer was NOT run under Wine: {why}"
    warnings.warn(pytest.PytestWarning(message), stacklevel=2)
    pytest.skip(message)


def makensis(*args: str) -> None:
    result = subprocess.run(
        ["makensis", "-V2", *args], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def wineserver(env: dict[str, str], *args: str) -> int:
    return subprocess.run(
        [str(WINESERVER), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=60,
        check=False,
    ).returncode


@dataclass
class Wine:
    """One Wine prefix with the stand-in installers built for it."""

    prefix: Path
    env: dict[str, str]
    installers: dict[str, Path] = field(default_factory=dict)
    runs: int = 0
    me: str = ""

    def path(self, windows: str) -> Path:
        """The Linux path of ``C:\\...`` in the prefix."""
        assert windows[:3].upper() == "C:\\", windows
        return self.prefix / "drive_c" / windows[3:].replace("\\", "/")

    def run(
        self, program: str | Path, *args: str, timeout: float = 180
    ) -> subprocess.CompletedProcess[str]:
        """Run a Windows program; its output through files, not pipes: Wine's own
        background processes (services, explorer) inherit them and outlive the program."""
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            done = subprocess.run(
                [str(WINE), str(program), *args],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                timeout=timeout,
                check=False,
            )
            out.seek(0)
            err.seek(0)
            text = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        return subprocess.CompletedProcess(done.args, done.returncode, *text)

    def new_log(self) -> tuple[str, Path]:
        self.runs += 1
        windows = f"C:\\logs\\run{self.runs:02}.log"
        self.path(windows).parent.mkdir(exist_ok=True)
        return windows, self.path(windows)

    def setup(self, version: str, *args: str) -> tuple[int, str]:
        """Run the installer of ``version`` silently: its exit code and its log."""
        windows, log = self.new_log()
        result = self.run(self.installers[version], "/S", f"/LOG={windows}", *args)
        return result.returncode, log.read_text("utf-16") if log.is_file() else ""

    def uninstall(self, *args: str) -> tuple[int, str]:
        """The documented way to get the uninstaller's exit code: a copy run with
        ``_?=<install folder>`` (as the last parameter, unquoted)."""
        copy = self.path("C:\\windows\\temp\\wc-uninstall.exe")
        shutil.copy(self.path(INSTDIR + "\\uninstall.exe"), copy)
        windows, log = self.new_log()
        # Separate words: Wine joins them with a space and does not quote them.
        result = self.run(
            copy, "/S", *args, f"/LOG={windows}", "_?=C:\\Program", "Files\\WindowClerk"
        )
        return result.returncode, log.read_text("utf-16") if log.is_file() else ""

    def version(self) -> str:
        result = self.run(INSTDIR + "\\clerk-app.exe", "--version")
        return result.stdout.strip() if result.returncode == 0 else f"broken: {result!r}"

    def registry(self) -> str:
        """``system.reg`` (HKLM) as Wine saved it: the server writes it when it stops."""
        wineserver(self.env, "-k")
        wineserver(self.env, "-w")
        self.keep_server()
        return (self.prefix / "system.reg").read_text("utf-8", errors="replace")

    def keep_server(self) -> None:
        """A server that stays between runs (each run would otherwise start one: ~3 s)."""
        assert wineserver(self.env, "-p") == 0

    def users(self) -> Path:
        return self.prefix / "drive_c" / "users"

    def desk(self, user: str, waiting: str = "0 0 0") -> Path:
        """A user's desk data folder with a stand-in database (``CASES DOCUMENTS OTHER``)."""
        folder = self.users() / user / "AppData" / "Local" / "WindowClerk" / "WindowClerk"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "clerk.db").write_text(waiting + "\n", "ascii")
        (folder / "receipts").mkdir(exist_ok=True)
        (folder / "receipts" / "HS-W07-0001.pdf").write_bytes(b"%PDF-1.7 stand-in")
        return folder

    def this_user(self) -> str:
        """The profile Wine made for the Linux user running it (root, runner, ...)."""
        if not self.me:
            names = [p.name for p in self.users().iterdir() if p.name != "Public"]
            assert len(names) == 1, names
            self.me = names[0]
        return self.me


def uninstall_key(registry: str) -> str:
    """The Apps & Features entry's lines in ``system.reg`` ("" when it is missing)."""
    start = registry.find(UNINST_KEY)
    if start < 0:
        return ""
    end = registry.find("\n\n", start)
    return registry[start : end if end > 0 else None]


def snapshot(*folders: Path) -> dict[str, str]:
    """Every file under ``folders``: path → SHA-256."""
    found = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def stand_in_payload(folder: Path, exe: Path, version: str, bulk: int = 0) -> Path:
    (folder / "_internal").mkdir(parents=True)
    shutil.copy(exe, folder / "clerk-app.exe")
    shutil.copy(exe, folder / "clerk-idcard-helper.exe")  # the 32-bit helper's place
    (folder / "_internal" / "version.txt").write_text(version, "ascii")
    (folder / "_internal" / f"only-in-{version}.txt").write_text(version, "ascii")
    if bulk:  # many files: the copy takes long enough to be interrupted
        (folder / "_internal" / "bulk").mkdir()
        for i in range(bulk):
            (folder / "_internal" / "bulk" / f"lib{i:04}.dat").write_bytes(os.urandom(64) * 64)
    return folder


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    missing = [p for p in ("makensis", "Xvfb") if shutil.which(p) is None]
    if not WINE.is_file() or not WINESERVER.is_file():
        missing.append(str(WINE))
    if missing:
        cannot_start(f"missing {', '.join(missing)} (Debian packages wine64, nsis, xvfb)")
    work = tmp_path_factory.mktemp("wine")
    started = time.monotonic()
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "800x600x24"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    display = os.read(read, 64).decode().strip()
    os.close(read)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLERK_", "WINE"))}
    # wineserver keeps its socket in $TMPDIR/wine-XXXXXX (no /run/user here): inside the
    # module's folder it goes with the folder, not left in /tmp after every run.
    (work / "tmp").mkdir(exist_ok=True)
    env.update(
        TMPDIR=str(work / "tmp"),
        WINEPREFIX=str(work / "prefix"),
        # No Mono or Gecko; no winemenubuilder, which would write the installer's Start
        # menu entry and icon into this machine's ~/.local/share and ~/.config/menus.
        WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
        WINEDEBUG="-all",
        DISPLAY=f":{display}",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    box = Wine(work / "prefix", env)
    try:
        exe = work / "clerk-app.exe"
        (work / "stand-in.nsi").write_text(STAND_IN, "utf-8")
        makensis(f"-DOUTFILE={exe}", str(work / "stand-in.nsi"))
        for version, bulk in ((OLD, 0), (NEW, 0), (NEWER, 1000)):
            payload = stand_in_payload(work / f"payload-{version}", exe, version, bulk)
            out = work / f"WindowClerk-Setup-{version}.exe"
            fast = ["-XSetCompressor /FINAL zlib"] if bulk else []  # random data: lzma is slow
            makensis(
                *fast,
                f"-DPAYLOAD={payload}",
                f"-DVERSION={version}",
                f"-DOUTFILE={out}",
                str(SCRIPT),
            )
            box.installers[version] = out
        if not display:
            cannot_start("Xvfb did not start")
        box.prefix.mkdir()
        if wineserver(env, "-p") != 0:
            cannot_start("wineserver64 -p failed")
        probe = box.run(work / f"payload-{OLD}" / "clerk-app.exe", "--version")  # makes the prefix
        if probe.stdout.strip() != f"clerk-app {OLD}":
            cannot_start(f"the prefix did not start: {probe.returncode} {probe.stderr[-500:]}")
        box.this_user()
        print(f"wine prefix ready in {time.monotonic() - started:.1f} s")
        yield box
    finally:
        wineserver(env, "-k")
        xvfb.terminate()
        xvfb.wait(timeout=30)
        shutil.rmtree(work / "prefix", ignore_errors=True)
        shutil.rmtree(work / "tmp", ignore_errors=True)  # the wineserver's socket folder


def test_silent_install_writes_the_provisioning_file_and_the_uninstall_entry(wine, tmp_path):
    ca = wine.path("C:\\it\\center-ca.pem")
    ca.parent.mkdir(exist_ok=True)
    ca.write_text(PEM, "ascii")
    code, log = wine.setup(OLD, *PROVISIONING, "/CA=C:\\it\\center-ca.pem")
    assert code == 0, log
    assert f"done: Window Clerk {OLD} installed in {INSTDIR}" in log
    assert wine.version() == f"clerk-app {OLD}"
    assert wine.path(INSTDIR + "\\uninstall.exe").is_file()
    assert not wine.path(INSTDIR + "\\.staging").exists()
    helper = INSTDIR + "\\clerk-idcard-helper.exe"
    assert wine.path(helper).is_file() and f"ID card reader's 32-bit helper: {helper}" in log

    machine = wine.path("C:\\ProgramData\\WindowClerk")
    assert (machine / "provisioning.toml").read_bytes()[:2] == b"\xff\xfe"  # UTF-16, BOM
    assert (machine / "center-ca.pem").read_text("ascii") == PEM
    # The file the client will read: parsed by the client's own loader.
    prov = load_provisioning(machine / "provisioning.toml")
    assert prov.service_url == "https://records.hs.example.gov.cn:8443"
    assert (prov.center_code, prov.center_name) == ("HS", "衡水市政务服务中心")
    assert (prov.window_code, prov.department) == ("W07", "市场监督管理局")
    assert prov.ca_bundle == machine / "center-ca.pem"

    entry = uninstall_key(wine.registry())
    assert f'"DisplayVersion"="{OLD}"' in entry
    assert (
        '"QuietUninstallString"="\\"C:\\\\Program Files\\\\WindowClerk\\\\uninstall.exe\\" /S"'
        in entry
    )
    assert '"InstallLocation"="C:\\\\Program Files\\\\WindowClerk"' in entry


BAD_INPUT = {
    "no scheme": (("/SERVER=records.hs.example.gov.cn", *PROVISIONING[1:]), "https://"),
    "no host": (("/SERVER=https://", *PROVISIONING[1:]), "host name"),
    "host with a colon only": (("/SERVER=https://:8443", *PROVISIONING[1:]), "host name"),
    "port out of range": (("/SERVER=https://records.example:99999", *PROVISIONING[1:]), "1-65535"),
    "plain http elsewhere": (("/SERVER=http://records.example", *PROVISIONING[1:]), "plain http"),
    "a quote in the address": (("/SERVER=https://rec<ords.example", *PROVISIONING[1:]), "'<'"),
    "window code in lower case": (
        (*PROVISIONING[:1], "/WINDOW=w07", *PROVISIONING[2:]),
        "/WINDOW=w07",
    ),
    "window code too long": (
        (*PROVISIONING[:1], "/WINDOW=WINDOW007", *PROVISIONING[2:]),
        "1-8 capital letters",
    ),
    "window code with a dash": (
        (*PROVISIONING[:1], "/WINDOW=W-07", *PROVISIONING[2:]),
        "the window code",
    ),
    "no department": (PROVISIONING[:4], "/DEPARTMENT= is missing"),
    "window without a server": (("/WINDOW=W07",), "need /SERVER="),
    "CA bundle not PEM": ((*PROVISIONING, "/CA=C:\\windows\\win.ini"), "not a PEM"),
    "provisioning file missing": (("/PROVISIONING=C:\\it\\none.toml",), "does not exist"),
}


@pytest.mark.parametrize("args, reason", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_writes_nothing_and_says_why(wine, args, reason):
    folders = (wine.path(INSTDIR), wine.path("C:\\ProgramData\\WindowClerk"))
    before = snapshot(*folders)
    code, log = wine.setup(NEW, *args)
    assert code == 2, log
    assert "ERROR (exit 2)" in log and reason in log, log
    assert "copying" not in log
    assert snapshot(*folders) == before


def test_an_upgrade_in_place_keeps_the_provisioning_file_and_every_desk(wine):
    if wine.version() != f"clerk-app {OLD}":
        assert wine.setup(OLD, *PROVISIONING, "/ALLOWDOWNGRADE")[0] == 0
    desks = [wine.desk(user) for user in ("li", "wang", wine.this_user())]
    machine = wine.path("C:\\ProgramData\\WindowClerk")
    kept = snapshot(machine, *desks)
    assert kept

    code, log = wine.setup(NEW)
    assert code == 0, log
    assert f"installed: {OLD} in {INSTDIR}; installing {NEW} over it" in log
    assert "provisioning file kept" in log
    assert wine.version() == f"clerk-app {NEW}"
    internal = wine.path(INSTDIR + "\\_internal")
    assert sorted(p.name for p in internal.iterdir()) == [f"only-in-{NEW}.txt", "version.txt"]
    assert snapshot(machine, *desks) == kept
    assert f'"DisplayVersion"="{NEW}"' in uninstall_key(wine.registry())


def test_a_downgrade_is_refused_unless_allowed(wine):
    if wine.version() != f"clerk-app {NEW}":
        assert wine.setup(NEW, "/ALLOWDOWNGRADE")[0] == 0
    kept = snapshot(wine.path(INSTDIR), wine.path("C:\\ProgramData\\WindowClerk"))
    code, log = wine.setup(OLD)
    assert code == 3, log
    assert f"version {NEW} is installed, newer than {OLD}" in log and "/ALLOWDOWNGRADE" in log
    assert snapshot(wine.path(INSTDIR), wine.path("C:\\ProgramData\\WindowClerk")) == kept

    code, log = wine.setup(OLD, "/ALLOWDOWNGRADE")
    assert code == 0, log
    assert wine.version() == f"clerk-app {OLD}"


def test_an_upgrade_killed_while_copying_leaves_the_previous_version_working(wine):
    if wine.version() != f"clerk-app {OLD}":
        assert wine.setup(OLD, "/ALLOWDOWNGRADE")[0] == 0
    windows, log = wine.new_log()
    setup = subprocess.Popen(
        [str(WINE), str(wine.installers[NEWER]), "/S", f"/LOG={windows}"],
        env=wine.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    bulk = wine.path(INSTDIR + "\\.staging\\_internal\\bulk")
    deadline = time.monotonic() + 120
    while not (bulk.is_dir() and len(os.listdir(bulk)) >= 20):
        assert setup.poll() is None, "the installer finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    setup.send_signal(signal.SIGKILL)  # a power cut, a task killed
    setup.wait(timeout=60)
    assert 20 <= len(os.listdir(bulk)) < 1000
    assert "done:" not in log.read_text("utf-16")

    assert wine.version() == f"clerk-app {OLD}"  # the previous version still starts
    assert f'"DisplayVersion"="{OLD}"' in uninstall_key(wine.registry())
    # The repair: run the installer again.
    code, log_text = wine.setup(NEWER)
    assert code == 0, log_text
    assert "an earlier installation was interrupted" in log_text
    assert wine.version() == f"clerk-app {NEWER}"
    assert not wine.path(INSTDIR + "\\.staging").exists()
    assert not wine.path(INSTDIR + "\\.previous").exists()


def test_uninstall_removes_the_program_and_keeps_every_data_folder(wine):
    if not wine.path(INSTDIR + "\\uninstall.exe").is_file():
        assert wine.setup(NEW, *PROVISIONING, "/ALLOWDOWNGRADE")[0] == 0
    desks = [wine.desk(user) for user in ("li", wine.this_user())]
    machine = wine.path("C:\\ProgramData\\WindowClerk")
    kept = snapshot(machine, *desks)
    # The plain command IT runs: it hands over to a copy of itself and returns at once.
    windows, log = wine.new_log()
    handed_over = wine.run(INSTDIR + "\\uninstall.exe", "/S", f"/LOG={windows}")
    assert handed_over.returncode == 0
    deadline = time.monotonic() + 120
    while "done: uninstalled" not in (log.read_text("utf-16") if log.is_file() else ""):
        assert "ERROR" not in (log.read_text("utf-16") if log.is_file() else "")
        assert time.monotonic() < deadline, "the uninstaller did not finish"
        time.sleep(0.05)
    assert "nothing waits to be sent" in log.read_text("utf-16")
    assert not wine.path(INSTDIR).exists()
    assert snapshot(machine, *desks) == kept
    assert (machine / "provisioning.toml").is_file()
    registry = wine.registry()
    assert uninstall_key(registry) == "" and "[Software\\\\WindowClerk]" not in registry


def test_purge_refuses_while_a_desk_waits_unless_forced(wine):
    if not wine.path(INSTDIR + "\\uninstall.exe").is_file():
        assert wine.setup(NEW, *PROVISIONING, "/ALLOWDOWNGRADE")[0] == 0
    me = wine.this_user()
    desks = [wine.desk("li", "2 4 0"), wine.desk("wang"), wine.desk(me, "1 0 1")]
    machine = wine.path("C:\\ProgramData\\WindowClerk")
    kept = snapshot(wine.path(INSTDIR), machine, *desks)

    code, log = wine.uninstall("/PURGE")
    assert code == 2, log
    assert "not uninstalled: 3 case(s), 4 document(s) and 1 other record(s) not yet sent" in log
    assert snapshot(wine.path(INSTDIR), machine, *desks) == kept  # nothing removed

    code, log = wine.uninstall("/PURGE", "/FORCE")
    assert code == 0, log
    assert "/FORCE: uninstalling anyway" in log and "done: uninstalled" in log
    assert not wine.path(INSTDIR).exists()
    assert not machine.exists()
    for user in ("li", "wang", me):
        assert not (wine.users() / user / "AppData" / "Local" / "WindowClerk").exists(), user
    assert uninstall_key(wine.registry()) == ""
