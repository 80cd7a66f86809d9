"""The shift lead's dashboard: the records service's workload, sync and people figures.

Every call needs the signed-in lead's token (an offline sign-in has none: ``Offline``);
they run on worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from clerk_app.app.queue_dashboard import QueueFigures, queue_figures
from clerk_app.core.errors import Offline
from clerk_app.remote.api import ApiClient

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session


@dataclass
class DashboardSource:
    """The records service calls of the dashboard, with the signed-in lead's token."""

    api: ApiClient
    token: str | None

    def _token(self) -> str:
        if not self.token:
            raise Offline("signed in offline: no figures from the records service")
        return self.token

    def workload(self, start: date, end: date, group: str) -> dict[str, Any]:
        return self.api.workload(self._token(), start, end, group)

    def cases(self, window: str, start: date, end: date) -> dict[str, Any]:
        return self.api.workload_cases(self._token(), window, start, end)

    def joint(self, start: date, end: date) -> dict[str, Any]:
        """The stage dashboard of the joint cases received from ``start`` to ``end``."""
        return self.api.joint_workload(self._token(), start, end)

    def queue(self, start: date, end: date) -> QueueFigures:
        """The hall queue's figures of the tickets of ``start`` to ``end`` (issue 18)."""
        return queue_figures(self.api, self._token(), start, end)

    def windows(self) -> dict[str, Any]:
        return self.api.windows(self._token())

    def users(self) -> dict[str, Any]:
        return self.api.users(self._token())

    def bad_ratings(self, followed_up: bool | None = None) -> dict[str, Any]:
        return self.api.bad_ratings(self._token(), followed_up)

    def unlock(self, username: str) -> None:
        self.api.unlock_user(self._token(), username)

    def follow_up(self, rating_id: str, note: str) -> dict[str, Any]:
        return self.api.follow_up_rating(self._token(), rating_id, note)


def dashboard_source(context: AppContext, session: Session) -> DashboardSource:
    """The dashboard's calls for the signed-in ``session``."""
    return DashboardSource(context.backend.api, session.access_token)
