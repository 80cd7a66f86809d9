"""The lifecycle over HTTP: every legal event from every reachable status is applied, every
illegal one is 409 ``illegal-transition`` naming the current status (the table is
``clerk_app.core.lifecycle``, the one both sides use)."""

from __future__ import annotations

import uuid
from collections import deque

import requests

from clerk_app.core import lifecycle
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, case_body, post_case


def _reachable() -> dict[str, tuple[str, list[str]]]:
    """Each status reachable at the window → (disposition, events from intake)."""
    paths: dict[str, tuple[str, list[str]]] = {}
    queue: deque[str] = deque()
    for disposition in lifecycle.Disposition:
        status = lifecycle.initial_status(disposition).value
        if status not in paths:
            paths[status] = (disposition.value, [])
            queue.append(status)
    while queue:
        status = queue.popleft()
        disposition, events = paths[status]
        for event in sorted(lifecycle.allowed_events(status)):
            after = lifecycle.transition(status, event).value
            if after not in paths:
                paths[after] = (disposition, [*events, event.value])
                queue.append(after)
    return paths


def _send(service, token, case_no: str, event: str) -> requests.Response:
    body = {"id": str(uuid.uuid4()), "type": event, "at": "2026-11-28T11:00:00+08:00",
            "note": "依法说明理由"}  # fmt: skip
    return requests.post(
        service.url(f"/cases/{case_no}/events"),
        json=body,
        headers={**auth(token), "Idempotency-Key": body["id"]},
        timeout=TIMEOUT,
    )


def _case_in(service, token, disposition: str, events: list[str]) -> str:
    body = case_body()
    body["disposition"] = disposition
    body["first_event"]["type"] = lifecycle.intake_event(disposition).value
    body["first_event"]["note"] = "依法说明理由"
    if disposition in ("refused", "supplement", "forwarded"):
        body["due_date"] = None
    created = post_case(service, token, body)
    assert created.status_code == 201, created.text
    for event in events:
        assert _send(service, token, body["case_no"], event).status_code == 201
    return body["case_no"]


def test_every_event_from_every_reachable_status(service, clerk_token) -> None:
    paths = _reachable()
    assert {"accepted", "in_progress", "suspended", "completed_approved", "voided"} <= set(paths)
    checked = 0
    for status, (disposition, events) in sorted(paths.items()):
        allowed = {e.value for e in lifecycle.allowed_events(status)}
        probe = _case_in(service, clerk_token, disposition, events)
        for event in sorted(e.value for e in lifecycle.EventType if e.value not in allowed):
            problem = assert_problem(
                _send(service, clerk_token, probe, event), 409, "illegal-transition"
            )
            assert problem["current_status"] == status
            checked += 1
        for event in sorted(allowed):
            case_no = _case_in(service, clerk_token, disposition, events)
            response = _send(service, clerk_token, case_no, event)
            assert response.status_code == 201, (status, event, response.text)
            expected = lifecycle.transition(status, event).value
            assert response.json()["case"]["status"] == expected
            checked += 1
    assert checked == len(paths) * len(lifecycle.EventType)
