"""Connection indicator and panel, the sync worker's details, the login's offline messages,
the damaged-database notice — without a service."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui.app import Desk
from clerk_app.gui.login import LoginDialog
from clerk_app.gui.sync_status import ConnectionIndicator
from clerk_app.gui.sync_worker import LinkDetails, RejectedItem, SyncWorker
from clerk_app.remote.sync import PushResult
from clerk_app.store.credentials import OfflineSignInError
from tests.helpers.offline import DEMO_PROVISIONING, UNREACHABLE, window_paths
from tests.helpers.store import add_case, make_payload, open_store

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=CENTER_TZ)


def test_indicator_and_panel_show_state_contact_skew_and_rejections(qtbot):
    indicator = ConnectionIndicator()
    qtbot.addWidget(indicator)
    indicator.show_details(LinkDetails("syncing", 3))
    assert indicator.text() == "Syncing… · 3 waiting"
    details = LinkDetails(
        "online",
        2,
        rejected=(RejectedItem(7, "case_event", "HS-W01-20261130-000004", "409: Illegal"),),
        last_contact=NOW,
        clock_skew_seconds=-8 * 60,
    )
    indicator.show_details(details)
    assert indicator.text() == (
        "Online · 2 waiting · last contact 09:00 · clock off by 8 min · 1 rejected"
    )
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    panel = indicator.panel
    assert panel.isVisible()
    assert panel.waiting_label.text() == "2 waiting"
    assert "8 minutes behind the service" in panel.skew_label.text()
    assert panel.rejected_table.rowCount() == 1
    assert panel.rejected_table.item(0, 0).text() == "HS-W01-20261130-000004"
    assert panel.rejected_table.item(0, 2).text() == "409: Illegal"
    indicator.show_details(LinkDetails("online", 0, last_contact=NOW, clock_skew_seconds=20))
    assert panel.skew_label.text() == "in step with the service"
    assert panel.rejected_table.rowCount() == 0


class _Engine:
    def __init__(self, store):
        self.store = store

    def push_once(self):
        return PushResult(online=False, waiting=1, rejected_total=1, stopped="offline",
                          last_contact=NOW - timedelta(minutes=3))  # fmt: skip


def test_worker_reports_syncing_then_details_with_rejected_items(qtbot, tmp_path: Path):
    store = open_store(tmp_path / "clerk.db")
    payload = make_payload(4)
    add_case(store, payload)
    row = store.outbox_rows()[0]
    store.mark_rejected(row.id, 422, {"title": "Unprocessable", "detail": "item unknown"})
    worker = SyncWorker(_Engine(store), FixedClock(NOW), idle_ms=60_000)
    seen: list[LinkDetails] = []
    worker.details_changed.connect(seen.append)
    worker.start()
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=5000)
    assert worker.stop(5000)
    assert seen[0].state == "syncing"
    final = seen[1]
    assert final.state == "offline" and final.waiting == 1
    assert final.last_contact == NOW - timedelta(minutes=3)
    assert final.rejected == (
        RejectedItem(
            row.id, "create_case", payload["case_no"], "422: Unprocessable — item unknown"
        ),
    )
    store.db.close()


def _refusing(reason):
    def sign_in(_user, _password):
        raise OfflineSignInError(reason, "no")

    return sign_in


def test_login_says_why_an_offline_sign_in_was_refused(qtbot):
    expected = {
        "never-online": "has never signed in online at this window",
        "expired": "too long ago",
        "wrong-password": "Wrong user name or password.",
    }
    for reason, text in expected.items():
        dialog = LoginDialog(_refusing(reason), center_name="中心", window_code="W01",
                             server=UNREACHABLE)  # fmt: skip
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.fill("demo-clerk", "pw")
        dialog.submit()
        qtbot.waitUntil(lambda d=dialog: bool(d.error_text()), timeout=5000)
        assert dialog.error_text().startswith("The records service cannot be reached (offline).")
        assert text in dialog.error_text()


def test_a_damaged_database_is_said_on_the_sign_in_dialog(qtbot, tmp_path: Path):
    paths = window_paths(tmp_path / "desk")
    paths.database.write_bytes(b"not a database" * 500)
    ctx = build_context(
        demo_provisioning(DEMO_PROVISIONING, UNREACHABLE), paths, clock=FixedClock(NOW)
    )
    try:
        login = Desk(ctx).make_login()
        qtbot.addWidget(login)
        assert ctx.damaged_database is not None
        assert str(ctx.damaged_database) in login.damaged_label.text()
        assert "set aside, not deleted" in login.damaged_label.text()
    finally:
        ctx.close()
