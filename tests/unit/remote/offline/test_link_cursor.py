"""The desk keeps the change feed's cursor the service moved past other windows' changes
(issue 20: a desk without changes of its own read every event since its cursor at every
pull), and one request is enough when the page was not full."""

from __future__ import annotations

from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.remote.api import ApiClient
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import case_body


def _w03_case(api: ApiClient) -> str:
    """A case taken in at window W03 (department SJ), as its clerk on the service."""
    token = api.request(
        "POST", "/api/v1/auth/login",
        body={"username": "demo-clerk-w03", "password": DEMO_PASSWORD, "window_code": "W03",
              "device_id": None, "client_version": "0.1.0"},
    ).json()["access_token"]  # fmt: skip
    body = case_body(window_code="W03", clerk="demo-clerk-w03", department="SJ")
    api.send("POST", "/api/v1/cases", token, body, body["id"])
    return body["case_no"]


def test_the_cursor_moved_past_other_windows_is_kept(records_service, make_context):
    ctx = make_context(records_service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    engine = sync_engine(ctx, session)
    token = ctx.backend.tokens.get_device_token("W01", ctx.device_id)
    api = ApiClient(records_service.base_url, timeout=(3.05, 15))
    try:
        other = _w03_case(api)
        calls = []
        changes = engine.link.api.changes

        def counted(*args, **kwargs):
            calls.append(args)
            return changes(*args, **kwargs)

        engine.link.api.changes = counted  # type: ignore[method-assign]
        assert engine.link.pull_changes(token) == 0
        # W03's case is not the desk's, but the cursor is past it: one request, kept.
        cursor = int(ctx.backend.sync_state.load().changes_cursor or 0)
        assert cursor > 0 and len(calls) == 1
        _, after_w03 = changes(token, 0, 500)
        assert cursor == after_w03
        assert ctx.backend.store.get_case(other) is None
    finally:
        api.close()
