"""The ticket kiosk's screen (issue 18, gui.kiosk) against the real records service and a
real CUPS queue, used as a person would: by keyboard alone (a category's letter, Tab and
Enter, the ID card reader typing its number and Enter) and by touch (mouse clicks on the
buttons); each step spoken; the per-ID daily limit said plainly; an appointment checked in
by its code and by the ID card; the printer out of paper said on screen, the ticket kept
and reprinted; large text (≥ 28 px) and high contrast switched on screen, every control
named for a screen reader and every text at 4.5:1 in both; screenshots of both sizes
(copied to ``$CLERK_KIOSK_SCREENSHOTS``, e.g. docs/screenshots, when it is set)."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import requests
import shiboken6
from PySide6.QtCore import Qt

from clerk_app.app import kiosk
from clerk_app.gui.hall.voice import EspeakVoice
from clerk_app.gui.kiosk import TicketPrinter, open_kiosk
from clerk_app.gui.kiosk import style as kiosk_style
from clerk_app.gui.kiosk.printer import alerts_say_paper_out, paper_out
from tests.helpers.accessibility import nameless_controls
from tests.helpers.contrast import contrast_ratio, low_contrast_texts, stylesheet_colours
from tests.helpers.documents import decode_qr, flat, pdf_text, render_page
from tests.helpers.hall_service_data import TIMEOUT, auth, token_for
from tests.helpers.kiosk import book_appointment, enrolled_kiosk, resident_id
from tests.helpers.printing import cups_queue  # noqa: F401 - fixture

ELDER = resident_id(date(1950, 3, 8), serial=222)  # 76 on the Monday
YOUNG = resident_id(date(1994, 6, 1), serial=333)


class Roll(TicketPrinter):
    """The kiosk's real print path on the CUPS queue; the paper sensor is the test's (a
    cups-pdf queue has no roll to run out)."""

    def __init__(self, context) -> None:
        super().__init__(context)
        self.paper = True

    def paper_out(self, name: str) -> bool:
        return not self.paper


@pytest.fixture
def kiosk_screen(qtbot, center, make_context, cups_queue):  # noqa: F811
    context = make_context(center.base_url, home="kiosk")
    holder = enrolled_kiosk(center, context, block=8, elderly_age=65, printer=cups_queue.name)
    roll = Roll(context)
    screen = open_kiosk(context, holder, printer=roll, show=False)
    qtbot.addWidget(screen)
    screen.resize(1280, 900)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    with qtbot.waitSignal(screen.categories_shown, timeout=30_000):
        screen.start()
    screen.stop()  # no timers in tests: each refresh and send is asked for
    yield screen, roll, center
    if shiboken6.isValid(screen):
        screen.stop()


def _take(qtbot, screen, press) -> kiosk.KioskTicket:
    with qtbot.waitSignal(screen.ticket_printed, timeout=30_000) as printed:
        press()
    return printed.args[0]


def _refused(qtbot, screen, press) -> str:
    with qtbot.waitSignal(screen.refused, timeout=30_000) as said:
        press()
    return said.args[0]


def test_by_keyboard_a_ticket_an_elderly_priority_and_the_daily_limit(
    qtbot,
    kiosk_screen,
    cups_queue,  # noqa: F811
    tmp_path,
):
    screen, _roll, center = kiosk_screen
    history = screen.announcer.history
    assert history[0].startswith("Welcome. Choose your business")
    buttons = [b.text() for b in screen.category_buttons]
    assert buttons[0] == "A  综合业务\n0 waiting" and buttons[1].startswith("B  公安业务")
    assert screen.focusWidget() is screen.category_buttons[0]

    # Enter on the focused category: the ticket, printed on the real queue.
    jobs = cups_queue.job_ids()
    first = _take(qtbot, screen, lambda: qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Return))
    assert (first.number, first.people_ahead) == ("A001", 0)
    assert "Your number is A001 (综合业务). Nobody is waiting" in screen.message_label.text()
    assert screen.number_label.text() == "A001"
    assert (
        history[-1]
        == "Your number is A 零零一. Nobody is waiting ahead of you. Please take your ticket."
    )
    (job,) = cups_queue.job_ids() - jobs
    output = cups_queue.output_of(job)
    printed = unicodedata.normalize("NFKC", flat(pdf_text(output)))
    assert "综合业务" in printed and "前面没有人等候" in printed
    (qr,) = decode_qr(render_page(output, tmp_path / "ticket"))
    assert qr.startswith(f"{center.base_url}/api/v1/queue/tickets/A001?code=")
    assert qr.endswith(first.query_code)

    # The card reader types the number while a button has the focus, then Enter.
    qtbot.keyClicks(screen.focusWidget(), ELDER)
    assert screen.id_edit.hasFocus()
    qtbot.keyClick(screen.id_edit, Qt.Key.Key_Return)
    assert "110105********" in screen.id_label.text() and "age 76" in screen.id_label.text()
    assert "Priority for the elderly." in screen.id_label.text()
    assert ELDER not in screen.id_label.text() and screen.id_edit.text() == ""
    assert history[-1].startswith("ID card read. You will be served with priority.")
    # The category's letter takes its ticket.
    elderly = _take(qtbot, screen, lambda: qtbot.keyClick(screen, Qt.Key.Key_B))
    assert (elderly.number, elderly.priority_class) == ("B001", "elderly")
    assert screen.reading is None and not screen.id_label.isVisible()  # one ticket per read

    # Tab from the switches reaches the second category; two more with the same card.
    for _ in range(2):
        qtbot.keyClicks(screen, ELDER)
        qtbot.keyClick(screen.id_edit, Qt.Key.Key_Return)
        _take(qtbot, screen, lambda: qtbot.keyClick(screen, Qt.Key.Key_B))
    qtbot.keyClicks(screen, ELDER)
    qtbot.keyClick(screen.id_edit, Qt.Key.Key_Return)
    screen.large_button.setFocus()
    for _ in range(3):
        qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Tab)
    assert screen.focusWidget() is screen.category_buttons[1]
    said = _refused(qtbot, screen, lambda: qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Space))
    assert said == (
        "This ID card has already taken today's tickets for this business (3 per day). No "
        "more tickets can be taken with it today."
    )
    assert history[-1] == said and screen.message_label.property("problem")
    assert "409" not in said and "Error" not in said
    assert [t.number for t in kiosk.tickets_today(screen.context)] == [
        "A001", "B001", "B002", "B003",
    ]  # fmt: skip
    assert center.sql("SELECT count(*) FROM queue_tickets") == [(4,)]


def test_by_touch_check_ins_paper_out_and_the_two_looks(qtbot, kiosk_screen, screenshots, language):
    screen, roll, center = kiosk_screen
    code = book_appointment(center, YOUNG)
    booked_by_id = book_appointment(center, ELDER, category="GA")

    # The appointment code typed on the touch keyboard, then 预约签到 touched.
    qtbot.mouseClick(screen.code_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.code_edit, code.lower())
    by_code = _take(
        qtbot, screen, lambda: qtbot.mouseClick(screen.check_in_button, Qt.MouseButton.LeftButton)
    )
    assert (by_code.number, by_code.appointment_code) == ("A001", code)
    assert screen.code_edit.text() == ""
    said = _refused(
        qtbot, screen, lambda: (screen.code_edit.setText(code), screen.check_in_button.click())
    )
    assert said == "This appointment is already checked in."

    # The card read, 用身份证签到 touched — with the printer out of paper.
    roll.paper = False
    screen.id_edit.setText(ELDER)
    qtbot.keyClick(screen.id_edit, Qt.Key.Key_Return)
    assert screen.check_in_id_button.isEnabled()
    with qtbot.waitSignal(screen.print_failed, timeout=30_000) as failed:
        qtbot.mouseClick(screen.check_in_id_button, Qt.MouseButton.LeftButton)
    kept = failed.args[0]
    assert (kept.number, kept.appointment_code) == ("B001", booked_by_id)
    assert screen.message_label.text() == (
        "The printer is out of paper. Your number B001 is kept: please ask a member of staff, "
        "who will reprint it."
    )
    assert screen.announcer.history[-1] == screen.message_label.text()
    assert screen.reprint_button.isVisible() and "B001" in screen.reprint_button.text()
    # Paper back: 补打凭条 prints the kept ticket once, marked as a reprint.
    roll.paper = True
    reprinted = _take(
        qtbot, screen, lambda: qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    )
    assert reprinted.id == kept.id and not screen.reprint_button.isVisible()
    assert kiosk.waiting_reprint(screen.context) == []

    # The looks: large text and high contrast touched on and off; every text 4.5:1, every
    # control named, in both sizes and both schemes.
    for large in (False, True):
        for high in (False, True):
            if screen.large != large:
                qtbot.mouseClick(screen.large_button, Qt.MouseButton.LeftButton)
            if screen.high_contrast != high:
                qtbot.mouseClick(screen.contrast_button, Qt.MouseButton.LeftButton)
            assert (screen.large, screen.high_contrast) == (large, high)
            assert low_contrast_texts(screen) == []
            assert nameless_controls(screen) == []
            for button in (*screen.category_buttons, screen.large_button, screen.reprint_button):
                colours = stylesheet_colours(button.styleSheet().split("}")[0])
                assert contrast_ratio(colours["color"], colours["background"]) >= 4.5
            body = screen.message_label.font().pixelSize()
            assert body >= 28 if large else body >= 20
            assert screen.id_edit.font().pixelSize() == body
            assert min(b.height() for b in screen.category_buttons) >= 100
    assert kiosk_style.LARGE_SIZES.body >= 28

    # Screenshots for the README, in Chinese: normal and large text.
    language("zh_CN")
    screen.hide()
    for large in (False, True):
        fresh = open_kiosk(screen.context, screen.holder, printer=roll, show=False)
        qtbot.addWidget(fresh)
        fresh.resize(1280, 900)
        fresh.set_large_text(large)
        fresh.show()
        with qtbot.waitSignal(fresh.categories_shown, timeout=30_000):
            fresh.start()
        fresh.stop()
        assert "取号" in fresh.title_label.text()
        assert fresh.announcer.history[-1].startswith("欢迎！请选择要办理的业务取号。")
        assert fresh.category_buttons[0].text().startswith("A  综合业务\n等候 ")
        name = "kiosk-large.png" if large else "kiosk.png"
        assert fresh.grab().save(str(screenshots / name))
        target = os.environ.get("CLERK_KIOSK_SCREENSHOTS")  # e.g. docs/screenshots
        if target:
            shutil.copy(screenshots / name, Path(target) / name)
        fresh.close()


def test_the_service_gone_tickets_from_the_block_and_sent_once_when_back(qtbot, kiosk_screen):
    screen, _roll, center = kiosk_screen
    api = screen.context.backend.api
    api.base_url = "http://127.0.0.1:9"  # the link goes down
    screen.refresh()
    qtbot.waitUntil(lambda: screen.link_label.isVisible(), timeout=30_000)
    assert "人数待定" in screen.link_label.text()
    assert screen.category_buttons[0].text() == "A  综合业务\nwaiting: to be confirmed"
    numbers = [
        _take(qtbot, screen, lambda: qtbot.keyClick(screen, Qt.Key.Key_A)).number for _ in range(2)
    ]
    assert numbers == ["A800", "A801"]
    assert "How many people are ahead of you will be known later." in (screen.message_label.text())
    with qtbot.waitSignal(screen.sent, timeout=30_000) as down:
        screen.send_now()
    assert (down.args[0].sent, down.args[0].waiting) == (0, 2)

    api.base_url = center.base_url  # back: each round sends what is due (the first
    sent = 0  # ticket waits out its back-off on the kiosk's clock)
    for _ in range(5):
        with qtbot.waitSignal(screen.sent, timeout=30_000) as up:
            screen.send_now()
        sent += up.args[0].sent
        if up.args[0].waiting == 0:
            break
        screen.context.clock.set(up.args[0].next_due)
    assert sent == 2 and kiosk.waiting_to_send(screen.context) == 0
    qtbot.waitUntil(lambda: not screen.link_label.isVisible(), timeout=30_000)
    rows = center.sql("SELECT number, offline FROM queue_tickets ORDER BY number")
    assert rows == [("A800", 1), ("A801", 1)]
    assert _take(qtbot, screen, lambda: qtbot.keyClick(screen, Qt.Key.Key_A)).number == "A001"

    # Ready for the next person: the greeting again, the last number gone.
    screen.welcome()
    assert screen.message_label.text().startswith("Welcome.")
    assert not screen.number_label.isVisible()

    # The center revokes the kiosk's credential: staff are told what to do; nothing issued.
    admin = token_for(center, "demo-admin", window_code=None)
    listed = requests.get(center.url("/credentials"), headers=auth(admin), timeout=TIMEOUT)
    (mine,) = [c for c in listed.json()["items"] if c["label"] == "kiosk 1"]
    revoked = requests.post(
        center.url(f"/credentials/{mine['id']}/revoke"), headers=auth(admin), timeout=TIMEOUT
    )
    assert revoked.status_code == 204
    said = _refused(qtbot, screen, lambda: qtbot.keyClick(screen, Qt.Key.Key_A))
    assert "revoked or has expired" in said and "F2" in said and "401" not in said
    assert screen.revoked
    assert center.sql("SELECT count(*) FROM queue_tickets") == [(3,)]


def sox_stat(path: Path) -> dict[str, float]:
    """``sox FILE -n stat`` as numbers."""
    out = subprocess.run(
        ["sox", str(path), "-n", "stat"], capture_output=True, text=True, check=True, timeout=30
    )
    stat = {}
    for line in out.stderr.splitlines():
        key, _, value = line.partition(":")
        try:
            stat[key.strip()] = float(value)
        except ValueError:
            continue
    return stat


LPSTAT_EMPTY_ROLL = """printer roll80 is idle.  enabled since Mon 30 Nov 2026 09:12:01 AM
\tForm mounted:
\tContent types: any
\tAlerts: media-empty-error media-needed
\tDescription: 80 mm roll
"""


def test_the_paper_sensor_reads_cups_alerts(cups_queue):  # noqa: F811
    assert alerts_say_paper_out(LPSTAT_EMPTY_ROLL)
    assert not alerts_say_paper_out(
        LPSTAT_EMPTY_ROLL.replace("media-empty-error media-needed", "none")
    )
    assert not alerts_say_paper_out("printer roll80 is idle.")
    # A real queue with paper (cups-pdf): the kiosk prints on it.
    assert paper_out(cups_queue.name) is False


@pytest.mark.skipif(
    not (shutil.which("espeak-ng") and shutil.which("sox")), reason="no espeak-ng/sox"
)
def test_each_step_is_spoken_in_mandarin(
    qtbot,
    center,
    make_context,
    cups_queue,  # noqa: F811
    language,
    tmp_path,
):
    language("zh_CN")
    context = make_context(center.base_url, home="voice")
    holder = enrolled_kiosk(center, context, label="kiosk voice", printer=cups_queue.name)
    voice = EspeakVoice(shutil.which("espeak-ng") or "", wav_dir=tmp_path)
    screen = open_kiosk(context, holder, voice=voice, show=False)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.categories_shown, timeout=30_000):
        screen.start()
    screen.stop()
    screen.running = True  # keep the announcer; no timers
    qtbot.keyClicks(screen, ELDER)
    qtbot.keyClick(screen.id_edit, Qt.Key.Key_Return)
    _take(qtbot, screen, lambda: qtbot.keyClick(screen, Qt.Key.Key_A))
    qtbot.waitUntil(screen.announcer.idle, timeout=60_000)
    assert screen.announcer.history == [
        "欢迎！请选择要办理的业务取号。已预约的请输入预约号或刷身份证签到。",
        "已读取身份证，您将优先办理。请选择业务，或进行预约签到。",
        "正在打印综合业务的排队凭条，请稍候。",
        "您的号码是 A 零零一。前面没有人等候。请取走凭条。",
    ]
    assert len(voice.wav_files) == 4
    for wav in voice.wav_files:
        stat = sox_stat(wav)
        assert stat["Length (seconds)"] > 1.5 and stat["Maximum amplitude"] > 0.05
