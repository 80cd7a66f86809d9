"""What the hall says and shows for a call, and the call records the hall screen is fed."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from clerk_app.core.announce import (
    announcement,
    call_announcement,
    call_screen_text,
    cardinal,
    screen_text,
    spoken_ticket,
    spoken_window,
)
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.queue_calls import (
    RECALL,
    Call,
    WindowState,
    current_numbers,
    recent_calls,
    window_label,
)

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=CENTER_TZ)


def test_the_issue_example_is_said_and_shown_as_written():
    assert announcement("A012", "3") == "请 A 零一二 号 到 三 号窗口办理"
    assert screen_text("A012", "3") == "请 A012 号到 3 号窗口"


def test_a_recall_says_so_before_the_same_words():
    assert announcement("A012", "3", recall=True) == "再次呼叫，请 A 零一二 号 到 三 号窗口办理"
    recall = Call.of("A012", "W03", T0, RECALL)
    assert call_announcement(recall) == "再次呼叫，请 A 零一二 号 到 三 号窗口办理"
    assert call_screen_text(recall) == "请 A012 号到 3 号窗口"


@pytest.mark.parametrize(
    ("number", "spoken"),
    [
        ("A012", "A 零一二"),
        ("a012", "A 零一二"),
        ("B100", "B 一零零"),  # digit by digit, never 一百
        ("C812", "C 八一二"),  # an offline ticket from a kiosk's block
        ("A000", "A 零零零"),
    ],
)
def test_a_ticket_is_read_letter_and_digit_by_digit(number, spoken):
    assert spoken_ticket(number) == spoken


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "零"),
        (3, "三"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (28, "二十八"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (2008, "二千零八"),
    ],
)
def test_window_numbers_are_read_as_numbers(n, words):
    assert cardinal(n) == words


@pytest.mark.parametrize(
    ("code", "label", "spoken"),
    [
        ("W03", "3", "三"),
        ("W12", "12", "十二"),
        ("w10", "10", "十"),
        ("P01", "P1", "P 一"),  # the project hall's window 1 is not the main hall's
        ("07", "7", "七"),
        ("综合", "综合", "综合"),
    ],
)
def test_a_window_code_gives_the_number_above_the_window_and_how_it_is_said(code, label, spoken):
    assert window_label(code) == label
    assert spoken_window(label) == spoken


def test_a_window_of_another_hall_is_announced_with_its_letter():
    call = Call.of("C003", "P01", T0)
    assert call_announcement(call) == "请 C 零零三 号 到 P 一 号窗口办理"
    assert call_screen_text(call) == "请 C003 号到 P1 号窗口"


def test_a_call_needs_a_known_kind_and_an_aware_time():
    with pytest.raises(ValueError, match="kind"):
        Call.of("A001", "W01", T0, "shout")
    with pytest.raises(ValueError, match="aware"):
        Call.of("A001", "W01", T0.replace(tzinfo=None))
    with pytest.raises(ValueError, match="status"):
        WindowState("W01", "1", "户政业务窗口", status="asleep")


def _calls() -> list[Call]:
    at = [T0 + timedelta(minutes=i) for i in range(8)]
    return [
        Call.of("A001", "W01", at[0]),
        Call.of("B001", "W02", at[1]),
        Call.of("A002", "W03", at[2]),
        Call.of("A003", "W01", at[3]),
        Call.of("B002", "W02", at[4]),
        Call.of("A002", "W03", at[5], RECALL),
        Call.of("C001", "P01", at[6]),
        Call.of("A004", "W04", at[7]),
    ]


def test_the_last_five_calls_newest_first_a_recall_moving_its_line_up():
    calls = _calls()
    shown = [(c.number, c.window_label, c.kind) for c in recent_calls(reversed(calls))]
    assert shown == [
        ("A004", "4", "call"),
        ("C001", "P1", "call"),
        ("A002", "3", "recall"),
        ("B002", "2", "call"),
        ("A003", "1", "call"),
    ]


def test_each_window_shows_the_last_number_it_called():
    windows = [("W01", "1"), ("W02", "2"), ("W03", "3"), ("W05", "5")]
    assert current_numbers(_calls(), windows) == [
        ("W01", "1", "A003"),
        ("W02", "2", "B002"),
        ("W03", "3", "A002"),
        ("W05", "5", ""),  # no call yet
        ("W04", "4", "A004"),  # not listed: after the listed ones
        ("P01", "P1", "C001"),
    ]
