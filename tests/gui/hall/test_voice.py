"""The hall's voice: a call rendered by espeak-ng (the voice a Linux hall PC has) and read
back with sox; announcements queued so two calls are never spoken over each other."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtTextToSpeech import QTextToSpeech

from clerk_app.core.announce import announcement
from clerk_app.gui.hall.voice import Announcer, EspeakVoice, pick_voice, qt_voice, render_wav

ESPEAK = shutil.which("espeak-ng")
SOX = shutil.which("sox")
needs_espeak = pytest.mark.skipif(
    ESPEAK is None, reason="espeak-ng is not installed (tools/ensure-debian-packages.sh test)"
)
needs_sox = pytest.mark.skipif(
    SOX is None, reason="sox is not installed (tools/ensure-debian-packages.sh test)"
)


def sox_stat(path: Path) -> dict[str, float]:
    """``sox FILE -n stat`` as numbers: {"Length (seconds)": 4.7, "RMS amplitude": ...}."""
    done = subprocess.run(
        ["sox", str(path), "-n", "stat"], capture_output=True, text=True, check=True, timeout=30
    )
    out = {}
    for line in done.stderr.splitlines():
        match = re.match(r"^(.+?):\s+(-?[\d.]+)$", line.strip())
        if match:
            out[" ".join(match.group(1).split())] = float(match.group(2))
    return out


@needs_espeak
@needs_sox
def test_a_call_rendered_in_mandarin_is_audible_and_of_a_plausible_length(tmp_path):
    call = render_wav(announcement("A012", "3"), tmp_path / "call.wav")
    stat = sox_stat(call)
    assert 2.0 <= stat["Length (seconds)"] <= 10.0, stat
    assert stat["RMS amplitude"] > 0.02, stat  # speech, not silence
    assert stat["Maximum amplitude"] > 0.3, stat
    # A recall says more (再次呼叫), so it lasts longer than the call it repeats.
    recall = render_wav(announcement("A012", "3", recall=True), tmp_path / "recall.wav")
    assert sox_stat(recall)["Length (seconds)"] > stat["Length (seconds)"] + 0.5


@needs_espeak
@needs_sox
def test_queued_announcements_are_spoken_one_after_another(qtbot, tmp_path):
    voice = EspeakVoice(ESPEAK or "", wav_dir=tmp_path)
    announcer = Announcer(voice)
    times: list[tuple[str, str, float]] = []
    announcer.started.connect(lambda text: times.append(("start", text, time.monotonic())))
    announcer.spoken.connect(lambda text, ok: times.append(("end", text, time.monotonic())))
    texts = [announcement("A012", "3"), announcement("B001", "5"), announcement("A013", "12")]
    for text in texts:
        announcer.announce(text)
    # The first is being spoken; the others wait their turn.
    assert announcer.speaking == texts[0]
    assert list(announcer.pending) == texts[1:]
    qtbot.waitUntil(announcer.idle, timeout=20_000)
    assert [(kind, text) for kind, text, _t in times] == [
        (kind, text) for text in texts for kind in ("start", "end")
    ]
    moments = [t for _kind, _text, t in times]
    assert moments == sorted(moments)  # each ended before the next started
    assert announcer.history == texts
    assert [p.name for p in voice.wav_files] == [
        "announcement-001.wav",
        "announcement-002.wav",
        "announcement-003.wav",
    ]
    for wav in voice.wav_files:
        assert sox_stat(wav)["Length (seconds)"] > 2.0


def test_the_mock_engine_never_counts_as_a_voice(qapp):
    assert "mock" in QTextToSpeech.availableEngines()  # PySide6's wheels carry it
    assert qt_voice("mock") is None
    voice = pick_voice(qt_engines=["mock"])
    if ESPEAK is None:
        assert voice is None
    else:
        assert isinstance(voice, EspeakVoice)
        voice.deleteLater()


@needs_espeak
def test_a_voice_that_cannot_start_does_not_stop_the_queue(qtbot, tmp_path):
    announcer = Announcer(EspeakVoice(str(tmp_path / "no-such-espeak"), wav_dir=tmp_path))
    results: list[tuple[str, bool]] = []
    announcer.spoken.connect(lambda text, ok: results.append((text, ok)))
    announcer.announce("请 A 零零一 号 到 一 号窗口办理")
    announcer.announce("请 A 零零二 号 到 二 号窗口办理")
    qtbot.waitUntil(announcer.idle, timeout=10_000)
    assert results == [
        ("请 A 零零一 号 到 一 号窗口办理", False),
        ("请 A 零零二 号 到 二 号窗口办理", False),
    ]
