"""Scanning a material at the counter: the scanner adapter (issue 22).

The interface every scanner adapter implements (:class:`Scanner`)::

    devices() -> list[ScanDevice]          # the scanners this desk can use now
    scan(device, *, resolution=150, mode="color", cancel=None) -> ScannedPage
                                           # one page, as a PNG in memory

Both block (a page takes seconds): call them off the GUI thread. Every failure is a
:class:`clerk_app.core.errors.ScannerProblem` whose ``reason`` (``no-scanner``, ``busy``,
``cancelled``, ``bad-image``, ``failed``) the GUI turns into plain words
(``gui.errors.scanner_message``); the scanner's own words go to the log only.

Implemented: :class:`SaneScanner` (Linux), through SANE's ``scanimage`` command (Debian
``sane-utils``): ``scanimage --formatted-device-list`` lists the devices, ``scanimage -d DEV
--format=png --resolution N --mode Color|Gray`` scans a page to standard output. A
subprocess keeps a misbehaving backend out of the app's process and lets a cancel kill the
scan at once. ``SANE_CONFIG_DIR`` is honoured as SANE does (the tests point it at a copy of
``/etc/sane.d`` with the ``test`` backend enabled).

:class:`CameraScanner`: a document camera (高拍仪), which the system sees as a camera, through
QtMultimedia (``QMediaDevices.videoInputs()`` lists them; ``QCamera`` + ``QImageCapture`` in
a ``QMediaCaptureSession`` take one still, in a local event loop of the calling worker
thread). Without a camera it says ``no-scanner``. QtMultimedia is imported only when it is
used (packaging/clerk-app.spec ships it with its FFmpeg backend; tests/packaging/
test_frozen_devices.py loads that backend in a frozen build). The tests
run only its no-camera paths: this machine has no camera, and QtMultimedia offers no
virtual one (a v4l2loopback device needs a kernel module).

Planned for Windows (not implemented): a ``WiaScanner`` through WIA 2.0
(``WIA.DeviceManager`` over COM: ``DeviceInfos`` for :meth:`Scanner.devices`, ``Items[1]
.Transfer(wiaFormatPNG)`` with ``WIA_IPS_XRES``/``YRES`` and ``WIA_IPS_CUR_INTENT`` set from
``resolution`` and ``mode``), and a TWAIN adapter (``pytwain``, 32-bit data sources through
the same helper-process approach as the 32-bit ID card libraries) for scanners that have
no WIA driver. Each maps its errors to the same reasons (``WIA_ERROR_BUSY`` → ``busy``,
``WIA_ERROR_OFFLINE``/no device → ``no-scanner``, the user's cancel → ``cancelled``).
:func:`default_scanner` gives the adapter of the platform, or None where there is none.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol

from clerk_app.core.errors import ScannerProblem
from clerk_app.logs import logger

log = logger("app")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
#: Colour modes an adapter accepts.
MODES = ("color", "gray")
#: A page larger than this many pixels is refused as a bad image (a misconfigured
#: resolution: A4 at 600 dpi is about 35 megapixels).
MAX_PIXELS = 60_000_000
#: How long a page may take before the scan is given up.
SCAN_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class ScanDevice:
    """A scanner: its adapter's name for it and what to show the clerk."""

    name: str
    label: str


@dataclass(frozen=True)
class ScannedPage:
    """One scanned page: a PNG in memory."""

    png: bytes
    width: int
    height: int
    resolution: int
    mode: str


class Scanner(Protocol):
    """What every scanner adapter does (see the module's docstring)."""

    def devices(self) -> list[ScanDevice]: ...

    def scan(
        self,
        device: str,
        *,
        resolution: int = 150,
        mode: str = "color",
        cancel: threading.Event | None = None,
    ) -> ScannedPage: ...


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG.

    Raises:
        ScannerProblem: ``bad-image``: not a PNG, or too large.
    """
    if len(data) < 24 or not data.startswith(PNG_MAGIC) or data[12:16] != b"IHDR":
        raise ScannerProblem("bad-image", "not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    if width == 0 or height == 0 or width * height > MAX_PIXELS:
        raise ScannerProblem("bad-image", f"{width}x{height} pixels")
    return width, height


def _reason_of(stderr: str) -> str:
    """The reason behind ``scanimage``'s words on standard error."""
    text = stderr.lower()
    if "busy" in text:
        return "busy"
    if "cancel" in text:
        return "cancelled"
    if "no scanners were identified" in text or "no sane devices" in text:
        return "no-scanner"
    if "open of device" in text:
        return "no-scanner"
    if "invalid argument" in text or "no such" in text:
        return "no-scanner"
    return "failed"


class SaneScanner:
    """SANE through the ``scanimage`` command (Linux).

    Args:
        command: the ``scanimage`` program (found on PATH by default).
        timeout: seconds a page may take.
    """

    def __init__(self, command: str | None = None, *, timeout: float = SCAN_TIMEOUT_S) -> None:
        self.command = command or shutil.which("scanimage") or ""
        self.timeout = timeout

    def _check(self) -> None:
        if not self.command or not os.path.exists(self.command):
            raise ScannerProblem("no-scanner", "scanimage is not installed (sane-utils)")

    def devices(self) -> list[ScanDevice]:
        """The SANE devices that answer now (may take seconds: network backends probe)."""
        self._check()
        try:
            done = subprocess.run(  # noqa: S603 - the scanimage found on PATH, fixed arguments
                [self.command, "--formatted-device-list=%d\t%v %m%n"],
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ScannerProblem("failed", str(exc)) from exc
        found = []
        for line in done.stdout.decode("utf-8", "replace").splitlines():
            name, _, label = line.partition("\t")
            if name.strip():
                found.append(ScanDevice(name.strip(), label.strip() or name.strip()))
        return found

    def scan(
        self,
        device: str,
        *,
        resolution: int = 150,
        mode: str = "color",
        cancel: threading.Event | None = None,
    ) -> ScannedPage:
        """Scan one page of ``device``.

        Raises:
            ValueError: an unknown mode or a resolution outside 50–1200 dpi (a bug).
            ScannerProblem: no scanner, busy, cancelled (``cancel`` set before or during the
                scan: the scan is killed), not an image, or failed.
        """
        if mode not in MODES or not 50 <= resolution <= 1200:
            raise ValueError(f"bad scan settings: {mode}, {resolution} dpi")
        self._check()
        if cancel is not None and cancel.is_set():
            raise ScannerProblem("cancelled")
        argv = [
            self.command,
            "-d",
            device,
            "--format=png",
            "--resolution",
            str(resolution),
            "--mode",
            "Color" if mode == "color" else "Gray",
        ]
        try:
            proc = subprocess.Popen(  # noqa: S603 - scanimage; the device name is one argument
                argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
        except OSError as exc:
            raise ScannerProblem("no-scanner", str(exc)) from exc
        out, err = self._wait(proc, cancel)
        words = err.decode("utf-8", "replace").strip()
        if proc.returncode != 0 or not out:
            reason = _reason_of(words)
            log.warning("scan on %s failed (%s): %s", device, reason, words)
            raise ScannerProblem(reason, words)
        width, height = png_size(out)
        log.info("scanned a page on %s: %dx%d, %d dpi, %s", device, width, height, resolution, mode)
        return ScannedPage(out, width, height, resolution, mode)

    def _wait(
        self, proc: subprocess.Popen[bytes], cancel: threading.Event | None
    ) -> tuple[bytes, bytes]:
        """The process's output; killed when ``cancel`` is set or the time is up."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                return proc.communicate(timeout=0.1)
            except subprocess.TimeoutExpired:
                pass
            if cancel is not None and cancel.is_set():
                proc.kill()
                proc.communicate()
                raise ScannerProblem("cancelled")
            if time.monotonic() > deadline:
                proc.kill()
                proc.communicate()
                raise ScannerProblem("failed", f"no page after {self.timeout:.0f} s")


class CameraScanner:
    """A document camera through QtMultimedia (see the module's docstring).

    Args:
        timeout: seconds the camera may take to start and give a still.
    """

    def __init__(self, *, timeout: float = 20.0) -> None:
        self.timeout = timeout

    @staticmethod
    def _cameras() -> list[Any]:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError as exc:  # a bundle built without QtMultimedia
            raise ScannerProblem("no-scanner", f"QtMultimedia is not available: {exc}") from exc
        return list(QMediaDevices.videoInputs())

    def devices(self) -> list[ScanDevice]:
        """The cameras the system lists now (a document camera is one of them)."""
        return [
            ScanDevice(bytes(camera.id().data()).decode("utf-8", "replace"), camera.description())
            for camera in self._cameras()
        ]

    def scan(
        self,
        device: str,
        *,
        resolution: int = 150,
        mode: str = "color",
        cancel: threading.Event | None = None,
    ) -> ScannedPage:
        """One still of the camera ``device`` (its id), as a PNG.

        Raises:
            ValueError: an unknown mode or resolution (a bug).
            ScannerProblem: ``no-scanner`` (no such camera, or it does not start),
                ``cancelled``, ``bad-image`` or ``failed`` (no still in time).
        """
        if mode not in MODES or not 50 <= resolution <= 1200:
            raise ValueError(f"bad scan settings: {mode}, {resolution} dpi")
        found = [
            c for c in self._cameras() if bytes(c.id().data()).decode("utf-8", "replace") == device
        ]
        if not found:
            raise ScannerProblem("no-scanner", f"no camera {device!r}")
        if cancel is not None and cancel.is_set():
            raise ScannerProblem("cancelled")
        return self.capture(found[0], resolution=resolution, mode=mode, cancel=cancel)

    def capture(
        self, camera_device: Any, *, resolution: int, mode: str, cancel: threading.Event | None
    ) -> ScannedPage:
        """Start ``camera_device`` (a ``QCameraDevice``) and take one still."""
        from PySide6.QtCore import QBuffer, QEventLoop, QIODevice, QTimer
        from PySide6.QtGui import QImage
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession

        loop = QEventLoop()
        camera = QCamera(camera_device)
        still = QImageCapture()
        session = QMediaCaptureSession()
        session.setCamera(camera)
        session.setImageCapture(still)
        if camera.error() != QCamera.Error.NoError:  # no such camera: said at once
            raise ScannerProblem("no-scanner", camera.errorString())
        got: dict[str, Any] = {}

        def done(key: str, value: Any) -> None:
            got.setdefault(key, value)
            loop.quit()

        still.imageCaptured.connect(lambda _id, image: done("image", image))
        still.errorOccurred.connect(lambda _id, _error, text: done("error", text))
        camera.errorOccurred.connect(lambda _error, text: done("camera", text))
        still.readyForCaptureChanged.connect(lambda ready: ready and still.capture())
        deadline = time.monotonic() + self.timeout

        def tick() -> None:
            if cancel is not None and cancel.is_set():
                done("cancelled", True)
            elif time.monotonic() > deadline:
                done("error", f"no still after {self.timeout:.0f} s")

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(100)
        camera.start()
        if still.isReadyForCapture():
            still.capture()
        loop.exec()
        timer.stop()
        camera.stop()
        if "cancelled" in got:
            raise ScannerProblem("cancelled")
        if "camera" in got:
            raise ScannerProblem("no-scanner", str(got["camera"]))
        image = got.get("image")
        if image is None or image.isNull():
            raise ScannerProblem("failed", str(got.get("error", "no still")))
        if mode == "gray":
            image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        png = bytes(buffer.data().data())
        width, height = png_size(png)
        log.info("camera still: %dx%d, %s", width, height, mode)
        return ScannedPage(png, width, height, resolution, mode)


#: ``scan.source`` of the settings: which adapter :func:`default_scanner` gives.
SOURCES = ("scanner", "camera")


def default_scanner(source: str = "scanner") -> Scanner | None:
    """The scanner adapter of this platform: a document camera for ``source`` ``camera``
    (and on Windows, where the WIA/TWAIN adapters are planned, not built), else SANE on
    Linux; None where there is none."""
    if source == "camera" or sys.platform == "win32":
        return CameraScanner()
    if sys.platform.startswith("linux"):
        return SaneScanner()
    return None
