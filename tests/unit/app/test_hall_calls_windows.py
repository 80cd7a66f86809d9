"""One hall of a center with several (issue 18, setting ``hall.windows``): the hall PC's
call feed asks the real service for its windows' calls only, and lists only its windows'
tiles; the setting's text is read as window codes."""

from __future__ import annotations

import pytest

from clerk_app.app import hall_calls
from clerk_app.app import queue_window as qw
from clerk_app.app.session import sign_in
from clerk_app.core.settings import SETTINGS
from tests.helpers.calling import display_token, issue, kiosk_token
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD

pytestmark = pytest.mark.usefixtures("qapp")


def test_the_setting_names_the_halls_windows() -> None:
    assert hall_calls.parse_windows(" w01, W02 ,,W01") == ("W01", "W02")
    assert hall_calls.parse_windows("") == ()
    check = SETTINGS["hall.windows"].check
    assert check("") and check("W01") and check("W01, W02,K01")
    assert not check("W01;W02") and not check("W01,,") and not check("一楼")


def test_a_halls_feed_gets_only_its_windows_calls_and_tiles(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="hall")
    token = display_token(records_service)

    def feed(windows: tuple[str, ...]) -> tuple[hall_calls.CallFeed, list, list]:
        seen: list[list] = []
        tiles: list[list] = []
        made = hall_calls.CallFeed(
            ctx,
            lambda: token,
            on_calls=seen.append,
            on_link=lambda ok, error: None,
            wait=0,
            on_windows=tiles.append,
            windows=windows,
        )
        return made, seen, tiles

    upstairs, upstairs_calls, upstairs_tiles = feed(("W03", "K01"))
    downstairs, downstairs_calls, downstairs_tiles = feed(("W01", "W02"))
    for hall in (upstairs, downstairs):
        hall.poll_once()  # today's latest: none yet
    kiosk = kiosk_token(records_service)
    assert issue(records_service, kiosk) == "B001"  # 公安, served at W01 and W02
    desk = make_context(records_service.base_url, home="w01c")
    assert qw.call_next(desk, sign_in(desk, "demo-clerk", DEMO_PASSWORD)).number == "B001"

    downstairs.poll_once()
    upstairs.poll_once()
    assert [[(c.number, c.window_code) for c in batch] for batch in downstairs_calls] == [
        [("B001", "W01")]
    ]
    assert upstairs_calls == []
    assert [[code for code, _ in tiles] for tiles in upstairs_tiles] == [["W03", "K01"]]
    assert [sorted(code for code, _ in tiles) for tiles in downstairs_tiles] == [["W01", "W02"]]
