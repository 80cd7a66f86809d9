"""The lifecycle over HTTP: every legal event from every reachable status is applied, every
illegal one is 409 ``illegal-transition`` naming the current status (the table is
``clerk_app.core.lifecycle``, the one both sides use)."""

from __future__ import annotations

import uuid
from collections import deque

import requests

from clerk_app.core import lifecycle
from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    demo_catalog,
    post_case,
)

#: 告知承诺 verification: only for a case taken in on a written commitment (the service
#: answers 409 ``no-commitment`` otherwise), and a commitment found false names its credit note.
VERIFY = {e.value for e in (lifecycle.EventType.COMMITMENT_VERIFIED,
                            lifecycle.EventType.COMMITMENT_FALSE)}  # fmt: skip


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
            if event.value in VERIFY:  # a plain case is never verified: reach it otherwise
                continue
            after = lifecycle.transition(status, event).value
            if after not in paths:
                paths[after] = (disposition, [*events, event.value])
                queue.append(after)
    return paths


def _from_accepted(status: str) -> list[str] | None:
    """The events that take an accepted (承诺) case to ``status``, or None."""
    paths: dict[str, list[str]] = {"accepted": []}
    queue: deque[str] = deque(["accepted"])
    while queue:
        current = queue.popleft()
        for event in sorted(lifecycle.allowed_events(current)):
            after = lifecycle.transition(current, event).value
            if after not in paths:
                paths[after] = [*paths[current], event.value]
                queue.append(after)
    return paths.get(status)


def _on_commitment(body: dict) -> None:
    """Make ``body`` a case of DEMO-GA-006 whose 亲属关系证明 (M4) the applicant replaced by a
    written commitment, the serious-dishonesty list checked."""
    item = next(i for i in demo_catalog()["items"] if i["code"] == "DEMO-GA-006")
    body["item_code"] = item["code"]
    body["materials"] = [
        {"code": m["code"], "received": m["code"] != "M4", "copies": 1,
         **({"by_commitment": True} if m["code"] == "M4" else {})}
        for m in item["materials"]
    ]  # fmt: skip
    body["first_event"]["data"] = {
        "commitment": {
            "materials": [{"code": "M4", "name": "亲属关系证明"}],
            "credit_checked": True,
            "verify_by": "2026-12-28",
        }
    }


def _send(service, token, case_no: str, event: str) -> requests.Response:
    body = {"id": str(uuid.uuid4()), "type": event, "at": "2026-11-28T11:00:00+08:00",
            "note": "依法说明理由"}  # fmt: skip
    if event in VERIFY:
        body["data"] = {"verified_on": "2026-11-28", "credit_note": "承诺不实，记入信用记录"}
    return requests.post(
        service.url(f"/cases/{case_no}/events"),
        json=body,
        headers={**auth(token), "Idempotency-Key": body["id"]},
        timeout=TIMEOUT,
    )


def _case_in(
    service, token, disposition: str, events: list[str], *, commitment: bool = False
) -> str:
    body = case_body()
    if commitment:
        _on_commitment(body)
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
            if event in VERIFY:  # on a case taken in on a commitment, by the same status
                route = _from_accepted(status)
                assert route is not None, status
                case_no = _case_in(service, clerk_token, "promised", route, commitment=True)
            else:
                case_no = _case_in(service, clerk_token, disposition, events)
            response = _send(service, clerk_token, case_no, event)
            assert response.status_code == 201, (status, event, response.text)
            expected = lifecycle.transition(status, event).value
            assert response.json()["case"]["status"] == expected
            checked += 1
    assert checked == len(paths) * len(lifecycle.EventType)
