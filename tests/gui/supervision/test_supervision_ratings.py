"""A complaint raised from a bad rating on the supervisor's screen (issue 19), keyboard
only, against the real records service: demo-clerk takes a case in at W01 and its
applicant rates it 1 with a comment carrying a mobile number; the supervisor goes to the
bad ratings (Ctrl+B) — the comment masked — and raises a complaint from it (Alt+G fills
the form, Ctrl+Return takes it in): the complaint's channel is "bad rating" and the service
links the rating, its case, window and clerk. The channel "bad rating" chosen by hand
without a rating is refused in words."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import requests
from PySide6.QtCore import Qt

from clerk_app.app.session import sign_in
from clerk_app.gui.app import Desk
from clerk_app.gui.supervision import SupervisionScreen
from tests.helpers.hall_queue import CST
from tests.helpers.hall_service_data import TIMEOUT, auth
from tests.helpers.keyboard import CTRL, target, type_keys
from tests.helpers.keyboard import press as key_press
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import case_body, post_case

ALT = Qt.KeyboardModifier.AltModifier


def press(qtbot, screen, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key, then wait for the calls to the service it started (off the GUI thread)."""
    key_press(qtbot, screen, key, modifier)
    qtbot.waitUntil(lambda: not screen.working(), timeout=15_000)


def _token(service, username: str, window_code: str | None = None) -> str:
    body = {"username": username, "password": DEMO_PASSWORD}
    if window_code:
        body["window_code"] = window_code
    answer = requests.post(service.url("/auth/login"), json=body, timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def _bad_rating(service) -> tuple[str, str]:
    """A case taken in at W01 by demo-clerk, rated 1: (case number, rating id)."""
    clerk = _token(service, "demo-clerk", "W01")
    body = case_body()
    created = post_case(service, clerk, body)
    assert created.status_code == 201, created.text
    rating = {
        "id": str(uuid.uuid4()),
        "score": 1,
        "comment": "态度生硬，请回电13812345678",
        "rated_at": datetime.now(CST).isoformat(),
        "clerk": "demo-clerk",
    }
    rated = requests.post(
        service.url(f"/cases/{body['case_no']}/rating"),
        json=rating,
        headers={**auth(clerk), "Idempotency-Key": rating["id"]},
        timeout=TIMEOUT,
    )
    assert rated.status_code == 201, rated.text
    return body["case_no"], rating["id"]


def _tab_to(qtbot, screen, widget, limit: int = 20) -> None:
    for _ in range(limit):
        if target(screen) is widget:
            return
        press(qtbot, screen, Qt.Key.Key_Tab)
    assert target(screen) is widget, target(screen)


def test_a_complaint_raised_from_a_bad_rating_by_keyboard(
    qtbot, records_service, make_context
) -> None:
    service = records_service
    case_no, rating_id = _bad_rating(service)
    context = make_context(service.base_url, home="supervisor-ratings")
    desk = Desk(context)
    screen = desk.open_desk(sign_in(context, "demo-supervisor", DEMO_PASSWORD))
    assert isinstance(screen, SupervisionScreen)
    qtbot.addWidget(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: not screen.working(), timeout=15_000)  # the lists loaded
    form, ratings = screen.form, screen.ratings
    try:
        # The channel "bad rating" by hand, without a rating: refused, nothing taken in.
        press(qtbot, screen, Qt.Key.Key_N, CTRL)
        assert target(screen) is form.channel
        press(qtbot, screen, Qt.Key.Key_End)  # the last channel
        assert form.channel.currentData() == "rating"
        press(qtbot, screen, Qt.Key.Key_Tab)
        type_keys(qtbot, screen, "Zhao Lei")
        _tab_to(qtbot, screen, form.about)
        type_keys(qtbot, screen, "W01")
        _tab_to(qtbot, screen, form.account)
        type_keys(qtbot, screen, "Rated badly.")
        press(qtbot, screen, Qt.Key.Key_Return, CTRL)
        assert screen.message.text() == "Check the bad rating: it is missing or unknown."
        assert screen.items == []

        press(qtbot, screen, Qt.Key.Key_B, CTRL)
        assert target(screen) is ratings.table
        assert [r.id for r in ratings.items] == [rating_id]
        row = [ratings.table.item(0, c).text() for c in range(ratings.table.columnCount())]
        assert row[1:5] == ["W01", "demo-clerk", case_no, "1/5"]
        assert "138****5678" in row[5] and "13812345678" not in row[5]

        press(qtbot, screen, Qt.Key.Key_G, ALT)
        assert target(screen) is form.account
        assert form.channel.currentData() == "rating" and form.anonymous.isChecked()
        assert (form.about_kind.currentData(), form.about.text()) == ("window", "W01")
        assert case_no in form.from_rating.text()
        press(qtbot, screen, Qt.Key.Key_End, CTRL)
        type_keys(qtbot, screen, " The clerk refused to explain the missing stamp.")
        press(qtbot, screen, Qt.Key.Key_Return, CTRL)
        assert len(screen.items) == 1, screen.message.text()
        taken = screen.items[0]
        assert screen.message.text() == f"Complaint {taken.no} taken in."
        assert (taken.channel, taken.about_kind, taken.about) == ("rating", "window", "W01")
        assert "missing stamp" in taken.account and form.rating_id == ""

        supervisor = _token(service, "demo-supervisor")
        stored = requests.get(
            service.url(f"/complaints/{taken.no}"), headers=auth(supervisor), timeout=TIMEOUT
        ).json()["complaint"]
        assert stored["rating_id"] == rating_id
        assert (stored["about_case_no"], stored["about_clerk"]) == (case_no, "demo-clerk")
    finally:
        desk.shutdown()
        screen.close()


def test_the_bad_ratings_narrowed_by_day_department_and_follow_up_by_keyboard(
    qtbot, records_service, make_context
) -> None:
    service = records_service
    _case, followed = _bad_rating(service)
    _case, waiting = _bad_rating(service)
    lead = _token(service, "demo-lead")
    done = requests.post(
        service.url(f"/ratings/{followed}/follow-up"),
        json={"note": "已回访"},
        headers=auth(lead),
        timeout=TIMEOUT,
    )
    assert done.status_code == 200, done.text
    today = datetime.now(CST).date()
    context = make_context(service.base_url, home="supervisor-rating-filters")
    desk = Desk(context)
    screen = desk.open_desk(sign_in(context, "demo-supervisor", DEMO_PASSWORD))
    assert isinstance(screen, SupervisionScreen)
    qtbot.addWidget(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: not screen.working(), timeout=15_000)
    ratings = screen.ratings

    def shown() -> set[str]:
        return {r.id for r in ratings.items}

    try:
        press(qtbot, screen, Qt.Key.Key_B, CTRL)
        assert shown() == {followed, waiting}
        _tab_to(qtbot, screen, ratings.department)
        type_keys(qtbot, screen, "sj")
        press(qtbot, screen, Qt.Key.Key_Return)
        assert shown() == set()  # W01 is GA's
        ratings.department.clear()
        type_keys(qtbot, screen, "ga")
        press(qtbot, screen, Qt.Key.Key_Return)
        assert shown() == {followed, waiting}
        _tab_to(qtbot, screen, ratings.followed_up)
        press(qtbot, screen, Qt.Key.Key_Down)  # still to follow up
        assert ratings.followed_up.currentData() == "no"
        qtbot.waitUntil(lambda: not screen.working(), timeout=15_000)
        assert shown() == {waiting}
        press(qtbot, screen, Qt.Key.Key_Down)  # followed up
        qtbot.waitUntil(lambda: not screen.working(), timeout=15_000)
        assert shown() == {followed}
        assert "(followed up)" in ratings.table.item(0, 4).text()

        _tab_to(qtbot, screen, ratings.rated_from)
        type_keys(qtbot, screen, (today.replace(day=1) if today.day > 1 else today).isoformat())
        _tab_to(qtbot, screen, ratings.rated_to)
        type_keys(qtbot, screen, today.isoformat())
        press(qtbot, screen, Qt.Key.Key_Return)
        assert shown() == {followed}
        ratings.rated_from.setText((today + timedelta(days=1)).isoformat())
        press(qtbot, screen, Qt.Key.Key_Return)  # the first day after the last: nothing sent
        assert screen.message.text().startswith("Check the first day rated")
        assert shown() == {followed}
        ratings.rated_from.setText("2026-13-01")
        press(qtbot, screen, Qt.Key.Key_Return)
        assert screen.message.text().startswith("Check the first day rated")
    finally:
        desk.shutdown()
        screen.close()
