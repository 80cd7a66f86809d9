"""GET /board and GET /workload of a hall with thousands of windows (issue 20's province):
the right figures, and statements whose size does not grow with the number of windows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event, insert
from sqlalchemy.engine import Engine

from records_service.models import Window
from records_service.settings import Settings
from tests.helpers.local_service import Clock, local_service
from tests.helpers.service_api import TEST_NOW, case_body, post_case, token_for

#: Windows added to the demo center's hall (the demo has a dozen).
EXTRA_WINDOWS = 2000


@contextmanager
def largest_statement(url: str) -> Iterator[list[int]]:
    """The bound parameters of each statement this process runs on ``url``'s database
    while the block runs (the in-process service's statements)."""
    sizes: list[int] = []
    database = url.rsplit("/", 1)[1]

    def seen(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if conn.engine.url.database and conn.engine.url.database.endswith(database):
            sizes.append(len(parameters or ()))

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        yield sizes
    finally:
        event.remove(Engine, "before_cursor_execute", seen)


def _add_windows(url: str) -> None:
    engine = create_engine(url)
    center = Settings.load({}).center_code
    with engine.begin() as conn:
        conn.execute(
            insert(Window),
            [
                {
                    "code": f"M{i:04d}",
                    "name": f"窗口M{i:04d}",
                    "department_code": "GA",
                    "center_code": center,
                }
                for i in range(EXTRA_WINDOWS)
            ],
        )
    engine.dispose()


def test_a_hall_of_thousands_of_windows(demo_databases) -> None:
    url = demo_databases.new()
    _add_windows(url)
    with local_service(url, Clock(TEST_NOW)) as service:
        clerk = token_for(service, "demo-clerk")  # type: ignore[arg-type]
        taken = []
        for _ in range(3):
            body = case_body()
            body["received_at"] = body["first_event"]["at"] = TEST_NOW.isoformat()
            assert post_case(service, clerk, body).status_code == 201  # type: ignore[arg-type]
            taken.append(body["case_no"])
        display = token_for(service, "demo-display", window_code=None)  # type: ignore[arg-type]
        lead = token_for(service, "demo-lead", window_code=None)  # type: ignore[arg-type]
        with largest_statement(url) as sizes:
            board = service.get("/board", display)
            figures = service.get("/workload", lead)
    assert board.status_code == 200, board.text
    assert {row["case_no"] for row in board.json()["items"]} == set(taken)
    assert board.json()["today"]["received"] == 3
    assert figures.status_code == 200, figures.text
    items = {item["group"]: item for item in figures.json()["items"]}
    # The lead's department (GA) at every window of the hall, idle ones with zeros.
    assert len(items) > EXTRA_WINDOWS and items["M1999"]["received"] == 0
    assert items["W01"]["received"] == 3
    assert sum(item["received"] for item in items.values()) == 3
    # Before, every statement of a poll carried each window's code: 2,000 parameters.
    assert sizes and max(sizes) < 50, sorted(sizes)[-5:]
