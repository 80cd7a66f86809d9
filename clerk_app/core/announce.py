"""What the hall says and shows when a window calls a ticket (pure; no Qt).

Spoken (Mandarin, for a voice engine): the ticket read letter and digit by digit, the
window as a number — ``("A012", "3")`` → ``请 A 零一二 号 到 三 号窗口办理``. A ticket's
digits are read one by one (零一二, never 十二), as every calling system in a hall does,
so 012 and 12 never sound alike; a window's number is read as a number (``12`` → 十二,
``3`` → 三), as people say "十二号窗口". A window label with letters (``P1``, another
hall's window, see :func:`clerk_app.core.queue_calls.window_label`) keeps its letters
spoken as letters: ``P 一 号窗口``. A recall says 再次呼叫 first.

Shown (the call panel's headline): ``请 A012 号到 3 号窗口``.
The spaces in the spoken text are pauses for the voice, nothing else.
"""

from __future__ import annotations

import re

from clerk_app.core.queue_calls import Call

DIGITS = "零一二三四五六七八九"
RECALL_PREFIX = "再次呼叫，"
_RUNS = re.compile(r"\d+|[A-Za-z]+|[^\dA-Za-z]+")


def digit_by_digit(digits: str) -> str:
    """``"012"`` → ``"零一二"``."""
    return "".join(DIGITS[int(d)] for d in digits)


def cardinal(n: int) -> str:
    """A number as it is said in Mandarin, 0–9999: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十,
    105 → 一百零五, 110 → 一百一十, 2008 → 二千零八. Larger numbers digit by digit."""
    if n < 0 or n > 9999:
        return digit_by_digit(str(abs(n)))
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n - 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += DIGITS[d] + unit
    return out


def _speak_runs(text: str, digits: str) -> str:
    """Letters upper-cased, digit runs spoken (``digits``: "each" or "number"), the runs
    apart by a space (a pause)."""
    parts = []
    for run in _RUNS.findall(text.strip()):
        if run.isdigit():
            parts.append(digit_by_digit(run) if digits == "each" else cardinal(int(run)))
        elif run.isascii() and run.isalpha():
            parts.append(run.upper())
        elif run.strip():
            parts.append(run.strip())
    return " ".join(parts)


def spoken_ticket(number: str) -> str:
    """``"A012"`` → ``"A 零一二"``; an offline ticket ``"A812"`` → ``"A 八一二"``."""
    return _speak_runs(number, "each")


def spoken_window(label: str) -> str:
    """``"3"`` → ``"三"``, ``"12"`` → ``"十二"``, ``"P1"`` → ``"P 一"``."""
    return _speak_runs(label, "number")


def announcement(number: str, window_label: str, *, recall: bool = False) -> str:
    """What the voice says: ``请 A 零一二 号 到 三 号窗口办理`` (a recall: 再次呼叫 first)."""
    text = f"请 {spoken_ticket(number)} 号 到 {spoken_window(window_label)} 号窗口办理"
    return RECALL_PREFIX + text if recall else text


def screen_text(number: str, window_label: str) -> str:
    """The headline on the call panel: ``请 A012 号到 3 号窗口``."""
    return f"请 {number.strip().upper()} 号到 {window_label.strip()} 号窗口"


def call_announcement(call: Call) -> str:
    """:func:`announcement` of a call record (a recall says so)."""
    return announcement(call.number, call.window_label, recall=call.is_recall)


def call_screen_text(call: Call) -> str:
    """:func:`screen_text` of a call record."""
    return screen_text(call.number, call.window_label)
