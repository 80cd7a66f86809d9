"""schemathesis against the live ``/openapi.json``: no 5xx, every response fits its schema.

At least 1,000 generated requests (bounded, fixed seed), on a service of its own so that
the sign-in lockouts the fuzzer provokes cannot disturb other tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from tests.service.conftest import TIMEOUT, login, token_for

EXAMPLES_PER_OPERATION = 55
MIN_REQUESTS = 1000
#: Operations the fuzzer must not call: logout would end the tokens it signs in with.
SKIPPED = {"logout"}
#: Write routes a window's clerk makes; the rest are called as an admin.
CLERK_ROUTES = {
    "create_case",
    "append_case_event",
    "record_case_document",
    "rate_case",
    "report_device_status",
    "record_client_events",
}


def _fuzzer(strategy: Any, call: Callable[[Any], None]) -> Callable[[], None]:
    @seed(20261128)
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        call(case)

    return run


def test_generated_requests_get_no_5xx_and_fit_the_schema(service_factory) -> None:
    service = service_factory()
    schema = schemathesis.openapi.from_url(service.base_url + "/openapi.json")
    tokens = {
        "clerk": login(service, device_id="fuzz-desk").json()["access_token"],
        "admin": token_for(service, "demo-admin", window_code=None),
    }
    http = requests.Session()
    sent: dict[str, int] = {}
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        op_id = operation.definition.raw.get("operationId", operation.label)
        if op_id in SKIPPED:
            continue
        role = "clerk" if op_id in CLERK_ROUTES else "admin"
        headers = {"Authorization": f"Bearer {tokens[role]}"}

        def call(case: Any, op_id: str = op_id, headers: dict[str, str] = headers) -> None:
            sent[op_id] = sent.get(op_id, 0) + 1
            case.call_and_validate(
                base_url=service.base_url,
                session=http,
                headers=headers,
                timeout=TIMEOUT[1],
                checks=[not_a_server_error, response_schema_conformance],
            )

        try:
            _fuzzer(operation.as_strategy(), call)()
        except Exception as exc:
            failures.append(f"{op_id}: {type(exc).__name__}: {exc}"[:3000])
    http.close()
    assert not failures, "\n\n".join(failures[:5])
    assert sum(sent.values()) >= MIN_REQUESTS, sent
