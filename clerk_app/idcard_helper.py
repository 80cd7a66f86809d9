"""The ID card reader's helper process: loads a (32-bit) vendor SDK library for the app.

Run by the app, never by a person: ``python -m clerk_app.idcard_helper`` from source, or the
frozen ``clerk-idcard-helper.exe`` of the Windows bundle, built with a 32-bit Python so that
it can load the 32-bit ``termb.dll`` / ``sdtapi.dll`` / ``WltRS.dll`` most vendors ship —
``packaging/idcard-helper.spec`` (one file, no console), which the Windows workflow runs
with a 32-bit Python and puts beside ``clerk-app.exe``::

    py -3.11-32 -m pip install pyinstaller
    py -3.11-32 -m PyInstaller --distpath dist\\helper32 packaging\\idcard-helper.spec

Its standard input and output are the pipe: the app starts it with all three standard
handles redirected (and ``CREATE_NO_WINDOW``), which a program without a console inherits
too. The helper needs only the standard library and ``clerk_app.core`` /
``clerk_app.app.idcard`` (ctypes), no Qt.

It reads requests from standard input and answers on standard output, one frame each (a
4-byte big-endian length and UTF-8 JSON, :func:`clerk_app.core.idcard.read_frame`):

- ``{"op": "hello", "protocol": 1, "id": n}`` → ``{"ok": true, "op": "hello", "protocol":
  1, "version": "…", "bits": 32, "platform": "win32", "id": n}``; another protocol →
  ``{"ok": false, "reason": "helper-failed", "protocol": 1, …}``.
- ``{"op": "read", "library": path, "kind": "termb"|"sdtapi", "port": 1001, "decoder":
  path|null, "id": n}`` → ``{"ok": true, "text": base64 of the 256-byte base message,
  "photo": base64, "photo_format": "bmp"|"wlt"|"", "id": n}`` or ``{"ok": false, "reason":
  one of the in-process reasons (no-card …), "detail": "…", "id": n}``.
- ``{"op": "bye"}`` → ``{"ok": true}`` and the helper ends; so it does at the end of its
  input.

Anything the vendor library prints goes to standard error (file descriptor 1 is pointed
there before the library is loaded), so the pipe carries frames only; the app logs it.
"""

from __future__ import annotations

import base64
import logging
import os
import struct
import sys
from pathlib import Path
from typing import IO, Any

from clerk_app import __version__
from clerk_app.app.idcard import read_raw
from clerk_app.core.errors import CardReaderProblem
from clerk_app.core.idcard import (
    DEFAULT_PORT,
    HELPER_PROTOCOL,
    READER_KINDS,
    BadFrame,
    IdCardSetup,
    read_frame,
    write_frame,
)

log = logging.getLogger("clerk.idcard_helper")


def _setup(request: dict[str, Any]) -> IdCardSetup:
    kind = request.get("kind")
    port = request.get("port", DEFAULT_PORT)
    if kind not in READER_KINDS or not isinstance(port, int) or not request.get("library"):
        raise CardReaderProblem("helper-failed", f"a bad read request: {kind!r}, {port!r}")
    decoder = request.get("decoder")
    return IdCardSetup(
        library=Path(str(request["library"])),
        kind=str(kind),
        port=port,
        decoder=Path(str(decoder)) if decoder else None,
    )


def answer(request: dict[str, Any]) -> dict[str, Any]:
    """The answer to one request (never raises for a reader's failure)."""
    op = request.get("op")
    reply: dict[str, Any] = {"id": request.get("id")}
    if op == "hello":
        reply.update(
            op="hello",
            protocol=HELPER_PROTOCOL,
            version=__version__,
            bits=struct.calcsize("P") * 8,
            platform=sys.platform,
        )
        if request.get("protocol") != HELPER_PROTOCOL:
            reply.update(ok=False, reason="helper-failed", detail="another protocol version")
        else:
            reply["ok"] = True
        return reply
    if op != "read":
        reply.update(ok=False, reason="helper-failed", detail=f"unknown request {op!r}")
        return reply
    try:
        text, photo, fmt = read_raw(_setup(request))
    except CardReaderProblem as exc:
        reply.update(ok=False, reason=exc.reason, detail=exc.detail)
        return reply
    reply.update(
        ok=True,
        text=base64.b64encode(text).decode("ascii"),
        photo=base64.b64encode(photo).decode("ascii"),
        photo_format=fmt if photo else "",
    )
    return reply


def serve(requests: IO[bytes], answers: IO[bytes]) -> int:
    """Answer ``requests`` until ``bye`` or their end (0), or garbage (2)."""
    while True:
        try:
            request = read_frame(requests)
        except BadFrame as exc:
            log.error("not a request: %s", exc)
            return 2
        if request is None:
            return 0
        if request.get("op") == "bye":
            write_frame(answers, {"ok": True, "id": request.get("id")})
            return 0
        write_frame(answers, answer(request))


def main() -> int:
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(message)s")
    # The pipe to the app is a copy of standard output; descriptor 1 itself then points at
    # standard error, so a vendor library's printf never lands in the middle of a frame.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    sys.exit(main())
