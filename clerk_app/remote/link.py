"""What the sync worker does besides pushing: pull changes, refresh caches, report, skew.

:class:`LinkKeeper` runs on the sync worker thread, after a push round that reached the
service (``SyncEngine`` calls :meth:`LinkKeeper.after_push`). Each task has its own
interval, read against the injected clock; none of them sleeps:

- ``GET /changes`` from the cursor kept in ``sync_state`` (statuses set by leads, cases
  of this window taken in on another machine); the cursor moves only after the page is
  stored, so a crash re-reads a page, never skips one; a case that conflicts with this
  desk's unsent events is kept aside for the clerk (``clerk_app.store.conflicts``);
- catalog and calendar with ``If-None-Match`` (a 304 costs nothing);
- ``POST /devices/{id}/status``: waiting, rejected items with reasons, version, clock;
- last contact and clock skew (the service's ``Date`` against the local clock).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from clerk_app.core.records import Case
from clerk_app.remote.api import ApiClient, NetworkError, RemoteError
from clerk_app.remote.notice_follow import follow_notices
from clerk_app.remote.wire import WireError, case_from_wire
from clerk_app.store import conflicts
from clerk_app.store.local import LocalStore
from clerk_app.store.sync_state import SyncState, SyncStateStore
from clerk_app.store.writes import apply_server_case

log = logging.getLogger("clerk.sync")


class _Clock(Protocol):
    def now(self) -> datetime: ...


@dataclass(frozen=True)
class LinkIntervals:
    changes: timedelta = timedelta(seconds=60)
    catalog: timedelta = timedelta(hours=1)
    report: timedelta = timedelta(minutes=5)


class LinkKeeper:
    """Pull, refresh, report; see the module docstring.

    Args:
        store, state: the local store and its sync bookkeeping.
        api: the service client (its ``last_server_date`` gives the skew).
        clock: the application clock.
        device_id, client_version: for the status report.
        intervals: how often each task runs.
    """

    def __init__(
        self,
        store: LocalStore,
        state: SyncStateStore,
        api: ApiClient,
        clock: _Clock,
        *,
        device_id: str,
        client_version: str,
        intervals: LinkIntervals | None = None,
    ) -> None:
        self.store = store
        self.state = state
        self.api = api
        self.clock = clock
        self.device_id = device_id
        self.client_version = client_version
        self.intervals = intervals or LinkIntervals()
        self._last: dict[str, datetime] = {}
        self._pulled: list[str] = []

    def take_pulled(self) -> tuple[str, ...]:
        """The numbers of the cases pulled since the last call (each once, in order)."""
        pulled, self._pulled = tuple(dict.fromkeys(self._pulled)), []
        return pulled

    def _due(self, task: str, every: timedelta) -> bool:
        last = self._last.get(task)
        return last is None or self.clock.now() - last >= every

    def _done(self, task: str) -> None:
        self._last[task] = self.clock.now()

    def note_contact(self) -> SyncState:
        """The service answered: record when, and the skew against its Date header."""
        self.state.record_contact(self.api.last_server_date, self.clock.now())
        return self.state.load()

    def after_push(self, token: str) -> bool | None:
        """Run the tasks that are due; a failing task is logged and tried next time.

        Returns False when the service could not be reached (the link is down), True when
        it answered, None when no task was due (nothing learnt about the link).
        """
        ran = False
        tasks = (
            ("changes", self.intervals.changes, self.pull_changes),
            ("catalog", self.intervals.catalog, self.refresh_catalog),
            ("report", self.intervals.report, self.report_status),
        )
        for name, every, task in tasks:
            if not self._due(name, every):
                continue
            ran = True
            try:
                task(token)
            except NetworkError as exc:
                log.info("%s failed: %s", name, exc)
                self.state.record_failure(f"{name}: {exc}")
                self._done(name)  # tried again after its interval, not every round
                return False
            except RemoteError as exc:  # the service answered, but not as hoped
                log.warning("%s failed: %s", name, exc)
                self.state.record_failure(f"{name}: {exc}")
            self._done(name)
            self.note_contact()
        return True if ran else None

    # -- tasks ------------------------------------------------------------------------------

    def pull_changes(self, token: str, *, page: int = 200, max_pages: int = 50) -> int:
        """Apply ``GET /changes`` pages from the stored cursor; returns cases applied.

        Each page is stored in one transaction on the store's writer, the cursor with it:
        a crash re-reads a page, never skips one, and no desk write gets between the check
        for a conflict and the case it decides about.
        """
        applied = 0
        pulled: list[str] = []
        cursor = int(self.state.load().changes_cursor or 0)
        for _ in range(max_pages):
            items, nxt = self.api.changes(token, cursor, page)
            cases: list[Case] = []
            for item in items:
                try:
                    cases.append(case_from_wire(item))
                except WireError as exc:
                    log.error("a changed case could not be read, left out: %s", exc)
            # A page short of ``page`` holds every change there was; its ``next`` is kept
            # even without items (the service moves it past other windows' changes, so
            # the next pull does not make it read them again).
            last = nxt == cursor or len(items) < page
            self.store.db.writer.call(self._store_page, cases, None if nxt == cursor else nxt)
            self._pulled.extend(case.case_no for case in cases)
            pulled.extend(case.case_no for case in cases)
            applied += len(cases)
            if last:
                break
            cursor = nxt
        if applied:
            log.info("pulled %d changed cases (cursor %s)", applied, cursor)
            # Their payment notices follow the center (paid, refunded, cancelled; issue 17).
            follow_notices(self.store, self.api, token, pulled)
        return applied

    def _store_page(self, cases: list[Case], cursor: int | None) -> None:
        """One page of changes and the cursor after it, in one transaction (on the writer)."""
        with self.store.db.transaction():
            for case in cases:
                if conflicts.conflicts_with(self.store, case):
                    # The center changed a case this desk has unsent events of: keep both
                    # versions until the clerk decides (clerk_app.store.conflicts).
                    conflicts.record(self.store, case)
                    log.warning("conflict on %s kept for the clerk", case.case_no)
                else:
                    apply_server_case(self.store, case)
                    conflicts.settle_if_open(self.store, case.id)
            if cursor is not None:
                self.state.set_cursor(str(cursor))

    def refresh_catalog(self, token: str) -> bool:
        """Catalog and this year's calendar with If-None-Match; True if anything changed."""
        from clerk_app.core.catalog import Catalog

        changed = False
        cached = self.store.load_catalog()
        answer = self.api.catalog(token, cached.etag if cached else None)
        if not answer.not_modified and answer.data is not None:
            catalog = Catalog.from_dict(answer.data)
            self.store.save_catalog(
                json.dumps(answer.data, ensure_ascii=False),
                catalog.version,
                answer.etag,
                self.clock.now(),
            )
            changed = True
        year = self.clock.now().year
        cal = self.state.load_calendar(year)
        not_modified, data, etag = self.api.calendar_if_changed(
            token, year, cal.etag if cal else None
        )
        if not not_modified and data is not None:
            text = json.dumps(data, ensure_ascii=False, sort_keys=True)
            if cal is None or cal.json_text != text or cal.etag != etag:
                self.state.save_calendar(year, text, etag)
                changed = True
        return changed

    def status_report(self) -> dict[str, Any]:
        """The body of ``POST /devices/{id}/status``."""
        counts = self.store.outbox_counts()
        rejected = [
            {"key": r.idempotency_key[:64], "reason": (r.last_error or "")[:500]}
            for r in self.store.outbox_rows("rejected")[:200]
        ]
        state = self.state.load()
        report: dict[str, Any] = {
            "waiting": counts["pending"],
            "rejected": rejected,
            "client_version": self.client_version[:32],
            "clock": self.clock.now().isoformat(),
        }
        if state.last_contact_at is not None:
            report["last_sync_at"] = state.last_contact_at.isoformat()
        return report

    def report_status(self, token: str) -> None:
        self.api.report_status(token, self.device_id, self.status_report())
        self.state.record_report(self.clock.now())
