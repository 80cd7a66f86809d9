"""The hall's voice: announcements spoken one after another, never over each other.

Which voice speaks (:func:`pick_voice`):

1. Qt TextToSpeech, where the system has a real engine with a Chinese voice (SAPI or
   WinRT on Windows; speech-dispatcher with a Mandarin module on Linux). The ``mock``
   engine that PySide6's wheels carry never counts, nor an engine with no Chinese locale
   (it would read 请 as nothing) or one that fails to start.
2. ``espeak-ng -v cmn`` on PATH, run as a :class:`~PySide6.QtCore.QProcess`: the GUI
   thread only starts it and hears when it ends, so a slow or stuck sound device never
   freezes the screen (a process that takes longer than ``timeout_ms`` is killed).
3. None: the screen still shows every call, and logs once that it cannot speak.

:class:`Announcer` keeps the queue: ``announce(text)`` while another announcement is being
spoken waits its turn. :func:`render_wav` writes an announcement to a WAV file with
espeak-ng (tests and IT's check that the hall PC can speak; it blocks, so never call it on
the GUI thread of a running screen).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QProcess, QTimer, Signal

log = logging.getLogger("clerk.gui")

ESPEAK = "espeak-ng"
#: espeak-ng's Mandarin voice.
ESPEAK_VOICE = "cmn"
#: Words per minute: a little slower than espeak-ng's 175, for a hall that echoes.
ESPEAK_SPEED = 150
#: Engines that never count as a voice (PySide6's test engine speaks nothing).
NOT_A_VOICE = frozenset({"mock"})


def espeak_command(text: str, wav: Path | None = None, program: str = ESPEAK) -> list[str]:
    """The espeak-ng command line for ``text`` (to the sound device, or into ``wav``)."""
    cmd = [program, "-v", ESPEAK_VOICE, "-s", str(ESPEAK_SPEED)]
    if wav is not None:
        cmd += ["-w", str(wav)]
    return [*cmd, "--", text]


def render_wav(text: str, path: Path | str, *, timeout: float = 30) -> Path:
    """Speak ``text`` into the WAV file ``path`` with espeak-ng (blocking).

    Raises:
        FileNotFoundError: espeak-ng is not installed.
        subprocess.CalledProcessError / TimeoutExpired: espeak-ng failed.
    """
    program = shutil.which(ESPEAK)
    if program is None:
        raise FileNotFoundError(ESPEAK)
    target = Path(path)
    subprocess.run(  # noqa: S603 - a fixed tool; the text is one argument after "--"
        espeak_command(text, target, program),
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return target


def _chinese_locale(locales: list[QLocale]) -> QLocale | None:
    for locale in locales:
        if locale.language() == QLocale.Language.Chinese:
            return locale
    return None


class Voice(QObject):
    """Speaks one text at a time; ``finished`` when it is done (or could not speak).

    Signals:
        finished(bool): the text was spoken (True) or the voice failed (False).
    """

    finished = Signal(bool)
    #: What the voice is, for the log and the settings ("espeak-ng", "Qt sapi"...).
    name = ""

    def speak(self, text: str) -> None:  # pragma: no cover - every voice overrides it
        raise NotImplementedError

    def stop(self) -> None:
        """Stop speaking now (the screen closes)."""


class EspeakVoice(Voice):
    """espeak-ng in a QProcess; with ``wav_dir`` each text goes into a numbered WAV file
    there instead of the sound device (``wav_files`` lists them, in order)."""

    name = ESPEAK

    def __init__(
        self,
        program: str,
        *,
        wav_dir: Path | None = None,
        timeout_ms: int = 30_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.program = program
        self.wav_dir = wav_dir
        self.wav_files: list[Path] = []
        self._process: QProcess | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._too_long)

    def speak(self, text: str) -> None:
        wav = None
        if self.wav_dir is not None:
            wav = self.wav_dir / f"announcement-{len(self.wav_files) + 1:03d}.wav"
            self.wav_files.append(wav)
        cmd = espeak_command(text, wav, self.program)
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._error)
        self._process = process
        self._timer.start()
        process.start(cmd[0], cmd[1:])

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        ok = status == QProcess.ExitStatus.NormalExit and code == 0
        if not ok and self._process is not None:
            output = bytes(self._process.readAll().data()).decode("utf-8", "replace")
            log.warning("hall voice: espeak-ng ended with %s: %s", code, output.strip()[-300:])
        self._done(ok)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.warning("hall voice: espeak-ng could not start (%s)", self.program)
            self._done(False)

    def _too_long(self) -> None:
        if self._process is not None:
            log.warning("hall voice: espeak-ng took too long; stopped")
            self._process.kill()

    def _done(self, ok: bool) -> None:
        self._timer.stop()
        process, self._process = self._process, None
        if process is None:
            return
        process.deleteLater()
        self.finished.emit(ok)

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.waitForFinished(1000)


class QtVoice(Voice):
    """A Qt TextToSpeech engine speaking Chinese (build it with :func:`qt_voice`)."""

    def __init__(self, speech: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._speech = speech
        speech.setParent(self)
        self.name = f"Qt {speech.engine()}"
        self._speaking = False
        self._state = QTextToSpeech.State
        speech.stateChanged.connect(self._state_changed)

    def speak(self, text: str) -> None:
        self._speaking = True
        self._speech.say(text)

    def _state_changed(self, state: Any) -> None:
        if not self._speaking:
            return
        if state == self._state.Ready:
            self._speaking = False
            self.finished.emit(True)
        elif state == self._state.Error:
            self._speaking = False
            log.warning("hall voice: %s failed: %s", self.name, self._speech.errorString())
            self.finished.emit(False)

    def stop(self) -> None:
        self._speaking = False
        self._speech.stop()


def qt_voice(engine: str, parent: QObject | None = None) -> QtVoice | None:
    """A :class:`QtVoice` on ``engine`` when it is a real engine, ready, with a Chinese
    voice; else None (the mock engine is never one)."""
    if engine in NOT_A_VOICE:
        return None
    from PySide6.QtTextToSpeech import QTextToSpeech

    speech = QTextToSpeech(engine)
    if speech.state() != QTextToSpeech.State.Ready:
        speech.deleteLater()
        return None
    locale = _chinese_locale(list(speech.availableLocales()))
    if locale is None:
        speech.deleteLater()
        return None
    speech.setLocale(locale)
    return QtVoice(speech, parent)


def pick_voice(
    parent: QObject | None = None, *, qt_engines: list[str] | None = None
) -> Voice | None:
    """The best voice this PC has (see the module's note), or None.

    Args:
        qt_engines: the Qt engines to try, in order (default: what Qt offers).
    """
    if qt_engines is None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        qt_engines = list(QTextToSpeech.availableEngines())
    for engine in qt_engines:
        voice = qt_voice(engine, parent)
        if voice is not None:
            return voice
    program = shutil.which(ESPEAK)
    if program is not None:
        return EspeakVoice(program, parent=parent)
    log.warning("hall voice: no voice on this PC (no Qt speech engine, no espeak-ng)")
    return None


class Announcer(QObject):
    """Announcements in a queue, spoken one at a time by ``voice`` (None: shown, unspoken).

    Signals:
        started(str): the voice begins this text.
        spoken(str, bool): the voice is done with this text (True: spoken).
    """

    started = Signal(str)
    spoken = Signal(str, bool)

    def __init__(self, voice: Voice | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.voice = voice
        #: Texts waiting their turn.
        self.pending: deque[str] = deque()
        #: The text being spoken now, "" when the voice is silent.
        self.speaking = ""
        #: Every text handed to the voice, in order (what the hall heard).
        self.history: list[str] = []
        if voice is not None:
            voice.setParent(self)
            voice.finished.connect(self._finished)

    def announce(self, text: str) -> None:
        """Speak ``text`` after what is already queued."""
        if self.voice is None:
            self.history.append(text)
            return
        self.pending.append(text)
        if not self.speaking:
            self._next()

    def idle(self) -> bool:
        return not self.speaking and not self.pending

    def _next(self) -> None:
        if not self.pending or self.voice is None:
            self.speaking = ""
            return
        self.speaking = self.pending.popleft()
        self.history.append(self.speaking)
        self.started.emit(self.speaking)
        self.voice.speak(self.speaking)

    def _finished(self, ok: bool) -> None:
        if not self.speaking:  # stopped
            return
        text, self.speaking = self.speaking, ""
        self.spoken.emit(text, ok)
        self._next()

    def stop(self) -> None:
        """Forget what is queued and stop the voice (the screen closes)."""
        self.pending.clear()
        if self.voice is not None and self.speaking:
            self.speaking = ""
            self.voice.stop()
