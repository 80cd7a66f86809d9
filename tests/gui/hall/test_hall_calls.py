"""The hall PC's call panel fed from the records service (issue 18): with ``hall.screen`` set
to ``calls`` the hall screen is the call panel; a window calls a kiosk's ticket and the panel
shows "请 B001 号到 1 号窗口" and speaks it through espeak-ng (rendered to a WAV file here),
a recall is shown and spoken again; the long-poll runs off the GUI thread and stops when the
panel closes."""

from __future__ import annotations

import os
import shutil
import wave
from pathlib import Path

import pytest

from clerk_app.app import queue_window as qw
from clerk_app.app.session import Session, sign_in
from clerk_app.gui.hall import open_hall_screen
from clerk_app.gui.hall import voice as voice_module
from clerk_app.gui.hall.call_panel import CallPanel
from clerk_app.gui.hall.voice import Announcer, EspeakVoice
from tests.helpers.accessibility import nameless_controls
from tests.helpers.calling import display_token, issue, kiosk_token
from tests.helpers.service import DEMO_PASSWORD

ESPEAK = shutil.which("espeak-ng")


def _hall_session(token: str) -> Session:
    return Session(
        username="demo-display",
        display_name="大厅显示屏",
        roles=("display",),
        window_code="",
        window_name="",
        department="",
        access_token=token,
        expires_at=None,
    )


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")
def test_the_hall_shows_and_speaks_the_windows_call_from_the_service(
    qtbot, records_service, make_context, language, screenshots, tmp_path, monkeypatch
) -> None:
    language("zh_CN")
    # This PC's voice is espeak-ng (no Chinese Qt voice here), rendering to WAV files.
    voice = EspeakVoice(ESPEAK or "", wav_dir=tmp_path)
    monkeypatch.setattr(voice_module, "pick_voice", lambda *_a, **_k: voice)
    hall = make_context(records_service.base_url, home="hall", hall__screen="calls")
    panel = open_hall_screen(hall, _hall_session(display_token(records_service)), show=False)
    assert isinstance(panel, CallPanel)
    qtbot.addWidget(panel)
    assert isinstance(panel.announcer, Announcer) and panel.announcer.voice is voice
    panel.feed.feed.wait = 1.0  # the service answers within a second when nothing comes
    panel.resize(1920, 1080)
    panel.show()
    panel.start()
    qtbot.waitUntil(lambda: panel.feed.feed.link_ok is True, timeout=10_000)
    # Every window serving a category has its tile before any call (the demo hall's).
    qtbot.waitUntil(lambda: len(panel.shown_windows()) == 9, timeout=10_000)
    assert list(panel.shown_windows())[:3] == ["1 号窗口", "2 号窗口", "3 号窗口"]
    assert set(panel.shown_windows().values()) == {"—"}

    desk = make_context(records_service.base_url, home="w01")
    clerk = sign_in(desk, "demo-clerk", DEMO_PASSWORD)
    issue(records_service, kiosk_token(records_service))
    qw.call_next(desk, clerk)
    qtbot.waitUntil(lambda: panel.latest() is not None, timeout=10_000)
    assert panel.headline_label.text() == "请 B001 号到 1 号窗口"
    assert panel.shown_windows()["1 号窗口"] == "B001"
    qtbot.waitUntil(
        lambda: len(voice.wav_files) == 1 and voice.wav_files[0].exists(), timeout=20_000
    )

    qw.recall(desk, clerk, "B001")
    qtbot.waitUntil(lambda: len(panel.calls) == 2, timeout=10_000)
    assert panel.recall_label.text() == "再次呼叫"
    qtbot.waitUntil(
        lambda: panel.announcer.speaking == "" and len(voice.wav_files) == 2, timeout=20_000
    )
    for wav in voice.wav_files:
        with wave.open(str(wav)) as audio:
            assert audio.getnframes() / audio.getframerate() > 1.0  # a spoken sentence
    assert [c.number for c in panel.spoken] == ["B001", "B001"]
    assert nameless_controls(panel) == []
    # CLERK_CALLING_SCREENSHOTS=docs/screenshots refreshes the README's picture.
    out = Path(os.environ.get("CLERK_CALLING_SCREENSHOTS") or screenshots)
    assert panel.grab().save(str(out / "call-panel-from-service.png"))

    panel.close()
    qtbot.waitUntil(lambda: not panel.feed.feed.running, timeout=10_000)
