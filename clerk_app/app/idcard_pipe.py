"""The app's side of the ID card reader's helper process (issue 22).

Many vendors ship their reader SDK (``termb.dll``, ``sdtapi.dll``, ``WltRS.dll``) only as
32-bit DLLs, which the 64-bit app cannot load. The helper process
(:mod:`clerk_app.idcard_helper`; in the Windows bundle a 32-bit ``clerk-idcard-helper.exe``)
loads them instead and answers the app over its standard input and output: frames of a
4-byte big-endian length and UTF-8 JSON (:func:`clerk_app.core.idcard.write_frame`), one
request and one answer at a time, after a ``hello`` exchange naming the protocol version.
docs/INTERFACES.md describes the messages.

:class:`HelperReader` starts the helper on the first read and keeps it (the library is
loaded once), in a private temporary working folder (``termb`` writes the card's files
there). Every wait for an answer has a deadline (``IdCardSetup.timeout``): a helper that
hangs is killed. What goes wrong with the helper itself is a
:class:`~clerk_app.core.errors.CardReaderProblem` of its own reason — ``helper-missing``
(the program cannot be started), ``helper-failed`` (it died, spoke garbage or another
protocol version), ``helper-timeout`` (no answer in time) — and the next read starts a new
helper. The library's failures come back as the reasons the in-process path gives.
"""

from __future__ import annotations

import atexit
import base64
import binascii
import collections
import contextlib
import logging
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO, Any

from clerk_app.core.errors import CARD_READER_REASONS, CardReaderProblem
from clerk_app.core.idcard import (
    HELPER_PROTOCOL,
    BadFrame,
    IdCardSetup,
    read_frame,
    write_frame,
)

log = logging.getLogger("clerk.devices")

#: The helper run from source: ``python -m clerk_app.idcard_helper``.
HELPER_MODULE = "clerk_app.idcard_helper"
#: The frozen helper's file name, beside the app's executable in the bundle.
HELPER_EXE = "clerk-idcard-helper.exe" if sys.platform == "win32" else "clerk-idcard-helper"

#: Reasons the helper may give for a read: the library's own (the in-process reasons).
_LIBRARY_REASONS = frozenset(CARD_READER_REASONS) - {
    "helper-missing",
    "helper-failed",
    "helper-timeout",
}


def helper_command(setup: IdCardSetup) -> list[str]:
    """The command line that starts the helper of ``setup``."""
    if setup.helper is not None:
        return [str(setup.helper)]
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).with_name(HELPER_EXE))]
    return [sys.executable, "-m", HELPER_MODULE]


class HelperReader:
    """One helper process, started on the first read and kept for the next ones.

    Args:
        command: the helper's command line (:func:`helper_command`).
        timeout: seconds to wait for the helper's ``hello`` and for each answer.
    """

    def __init__(self, command: list[str], timeout: float) -> None:
        self.command = command
        self.timeout = timeout
        self.info: dict[str, Any] = {}
        self._proc: subprocess.Popen[bytes] | None = None
        self._answers: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=5)
        self._folder: Path | None = None
        self._lock = threading.Lock()
        self._next_id = 0

    # -- the process ------------------------------------------------------------------------

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _start(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="clerk-idcard-"))
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
        try:
            proc = subprocess.Popen(  # noqa: S603 - the provisioned helper, no shell
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=self._folder,
                creationflags=flags,
            )
        except OSError as exc:
            self._cleanup()
            raise CardReaderProblem("helper-missing", f"{self.command[0]}: {exc}") from exc
        self._proc = proc
        self._answers = queue.Queue()
        self._stderr.clear()
        assert proc.stdout is not None and proc.stderr is not None
        threading.Thread(target=self._pump, args=(proc.stdout, self._answers), daemon=True).start()
        threading.Thread(target=self._drain, args=(proc.stderr,), daemon=True).start()
        answer = self._ask({"op": "hello", "protocol": HELPER_PROTOCOL})
        if answer.get("protocol") != HELPER_PROTOCOL or answer.get("ok") is not True:
            self.close()
            raise CardReaderProblem(
                "helper-failed",
                f"the helper speaks protocol {answer.get('protocol')!r}, "
                f"this app {HELPER_PROTOCOL} ({answer.get('detail', '')})",
            )
        self.info = answer
        log.info(
            "ID card helper started: pid %s, %s-bit, version %s",
            proc.pid,
            answer.get("bits"),
            answer.get("version"),
        )

    @staticmethod
    def _pump(stream: IO[bytes], answers: queue.Queue[tuple[str, Any]]) -> None:
        """Read the helper's frames into ``answers`` until its end or garbage."""
        while True:
            try:
                frame = read_frame(stream)
            except (BadFrame, OSError, ValueError) as exc:
                answers.put(("garbage", str(exc)))
                return
            if frame is None:
                answers.put(("end", None))
                return
            answers.put(("frame", frame))

    def _drain(self, stream: IO[bytes]) -> None:
        """The helper's standard error (its log, the vendor library's prints) into the log."""
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip()
            if line:
                self._stderr.append(line)
                log.info("ID card helper: %s", line)

    def _cleanup(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def close(self) -> None:
        """Stop the helper (``bye``, then killed if it does not go) and remove its folder."""
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                try:
                    assert proc.stdin is not None
                    write_frame(proc.stdin, {"op": "bye"})
                    proc.stdin.close()
                    proc.wait(timeout=min(self.timeout, 2.0))
                except (OSError, ValueError, subprocess.TimeoutExpired):
                    proc.kill()
                    proc.wait()
            for stream in (proc.stdin, proc.stdout, proc.stderr):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        self._cleanup()

    def _kill(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
        self.close()

    # -- the exchange -----------------------------------------------------------------------

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        """Send ``request`` and wait for its answer (the helper killed when it fails)."""
        proc = self._proc
        assert proc is not None and proc.stdin is not None
        self._next_id += 1
        request = {**request, "id": self._next_id}
        try:
            write_frame(proc.stdin, request)
        except OSError as exc:
            detail = self._died()
            self._kill()
            raise CardReaderProblem(
                "helper-failed", f"cannot write to the helper: {exc}; {detail}"
            ) from exc
        try:
            kind, value = self._answers.get(timeout=self.timeout)
        except queue.Empty:
            self._kill()
            raise CardReaderProblem(
                "helper-timeout", f"no answer to {request['op']} in {self.timeout:g} s"
            ) from None
        if kind == "end":
            detail = self._died()
            self._kill()
            raise CardReaderProblem("helper-failed", detail)
        if kind == "garbage":
            self._kill()
            raise CardReaderProblem("helper-failed", f"the helper spoke garbage: {value}")
        if value.get("id") != request["id"]:
            self._kill()
            raise CardReaderProblem(
                "helper-failed", f"answer {value.get('id')!r} to request {request['id']}"
            )
        return dict(value)

    def _died(self) -> str:
        proc = self._proc
        code = None
        if proc is not None:
            try:
                code = proc.wait(timeout=2.0)
            except subprocess.TimeoutExpired:
                code = None
        last = " / ".join(self._stderr)
        return f"the helper stopped (exit code {code})" + (f": {last}" if last else "")

    def read(self, setup: IdCardSetup) -> tuple[bytes, bytes, str]:
        """The card's base message, photo and photo format, read by the helper.

        Raises:
            CardReaderProblem: the library's reasons, or ``helper-missing``,
                ``helper-failed``, ``helper-timeout``.
        """
        with self._lock:
            if not self.running():
                self.close()
                self._start()
            answer = self._ask(
                {
                    "op": "read",
                    "library": str(setup.library),
                    "kind": setup.kind,
                    "port": setup.port,
                    "decoder": str(setup.decoder) if setup.decoder is not None else None,
                }
            )
        if answer.get("ok") is not True:
            reason = answer.get("reason")
            detail = str(answer.get("detail", ""))
            if reason not in _LIBRARY_REASONS:
                raise CardReaderProblem("helper-failed", f"{reason!r}: {detail}")
            raise CardReaderProblem(str(reason), detail)
        try:
            text = base64.b64decode(answer["text"], validate=True)
            photo = base64.b64decode(answer.get("photo") or "", validate=True)
            fmt = answer.get("photo_format") or ""
            if fmt not in ("", "bmp", "wlt"):
                raise ValueError(f"photo_format {fmt!r}")
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            with self._lock:
                self._kill()
            raise CardReaderProblem("helper-failed", f"a bad answer to read: {exc}") from exc
        return text, photo, str(fmt)


_HELPERS: dict[tuple[tuple[str, ...], float], HelperReader] = {}
_HELPERS_LOCK = threading.Lock()


def helper_reader(setup: IdCardSetup) -> HelperReader:
    """The helper of ``setup``'s command line, one per process (started on its first read)."""
    command = helper_command(setup)
    key = (tuple(command), setup.timeout)
    with _HELPERS_LOCK:
        reader = _HELPERS.get(key)
        if reader is None:
            reader = _HELPERS[key] = HelperReader(command, setup.timeout)
        return reader


@atexit.register
def close_helpers() -> None:
    """Stop every helper this process started (at exit; tests between cases)."""
    with _HELPERS_LOCK:
        readers = list(_HELPERS.values())
        _HELPERS.clear()
    for reader in readers:
        reader.close()
