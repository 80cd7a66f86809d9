"""schemathesis with all of its checks against the live ``/openapi.json``, as an integrator
would run it: as a window's clerk, a shift lead and an admin, it must find nothing.

The run is schemathesis' own engine (what ``st run`` drives: explicit examples, coverage,
generated positive and negative data, stateful links) with every check enabled, configured
by ``schemathesis.toml`` at the repository root, which relaxes only
``positive_data_acceptance`` (404, 409 and 422: a business rule refusing valid-looking
data). The seed is fixed. The generated examples per operation are capped so that the run
stays within its time budget as routes are added: ``EXAMPLE_BUDGET`` is shared by the
operations, between ``MIN_EXAMPLES`` and ``MAX_EXAMPLES`` each.

The service is one of its own (the sign-in lockouts the fuzzer provokes cannot disturb
other tests), with no minimum client version: a schema-valid ``client_version`` is then
never "too old", since 426 is not a status the relaxation lists (tests/service/test_auth.py
covers 426 on a service that has a minimum).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from schemathesis.engine import Status, events, from_schema

from tests.fixtures.service import TEST_NOW, RunningService, ServiceLauncher
from tests.service.conftest import TIMEOUT, login, token_for

pytestmark = pytest.mark.sqlite_only  # the HTTP contract; both backends share it

CONFIG = Path(__file__).resolve().parents[2] / "schemathesis.toml"
SEED = 20261128
#: Generated examples shared by all operations (per role), and each operation's bounds.
EXAMPLE_BUDGET = 480
MIN_EXAMPLES, MAX_EXAMPLES = 8, 25
#: Logout would end the token the run signs in with; tests/service/test_auth.py covers it.
SKIPPED_OPERATIONS = ["logout"]


def examples_per_operation(operations: int) -> int:
    """The cap of generated examples for each of ``operations`` operations."""
    return max(MIN_EXAMPLES, min(MAX_EXAMPLES, EXAMPLE_BUDGET // max(operations, 1)))


@pytest.fixture(scope="module")
def fuzzed_service(
    tmp_path_factory: pytest.TempPathFactory, records_template_db
) -> Iterator[RunningService]:
    launcher = ServiceLauncher(
        tmp_path_factory.mktemp("schemathesis"), records_template_db, clock=TEST_NOW
    )
    try:
        yield launcher.start(env={"CLERK_MIN_CLIENT_VERSION": "0"})
    finally:
        launcher.stop_all()


def _token(service: RunningService, role: str) -> str:
    if role == "clerk":  # a user token issued at W01 to a desk: the clerk's own device
        answer = login(service, device_id="fuzz-desk")
        assert answer.status_code == 200, answer.text
        return answer.json()["access_token"]
    return token_for(service, f"demo-{role}", window_code=None)


def run_schemathesis(service: RunningService, token: str) -> tuple[int, list[str]]:
    """Run every phase and check against ``service``: (test cases sent, distinct failures)."""
    config = schemathesis.Config.from_path(CONFIG)
    schema = schemathesis.openapi.from_url(
        service.base_url + "/openapi.json", config=config
    ).exclude(operation_id=SKIPPED_OPERATIONS)
    operations = sum(1 for result in schema.get_all_operations() if result.ok())
    schema.config.seed = SEED
    schema.config.update(
        base_url=service.base_url,
        headers={"Authorization": f"Bearer {token}"},
        request_timeout=TIMEOUT[1],
    )
    schema.config.generation.update(
        max_examples=examples_per_operation(operations), deterministic=True, database="none"
    )
    cases = 0
    failures: set[str] = set()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            cases += len(event.recorder.cases)
            for checks in event.recorder.checks.values():
                for check in checks:
                    if check.status == Status.FAILURE and check.failure_info is not None:
                        failure = check.failure_info.failure
                        failures.add(
                            f"{event.recorder.label} [{check.name}] {failure.title}\n"
                            f"{failure.message}\n{check.failure_info.code_sample}"
                        )
        elif isinstance(event, events.NonFatalError):
            failures.add(f"{event.label}: error {event.info.title}: {event.info.message}")
        elif isinstance(event, events.FatalError):
            raise event.exception
    return cases, sorted(failures)


@pytest.mark.parametrize("role", ["clerk", "lead", "admin"])
def test_all_checks_find_nothing(fuzzed_service: RunningService, role: str) -> None:
    cases, failures = run_schemathesis(fuzzed_service, _token(fuzzed_service, role))
    assert not failures, f"{len(failures)} failures as {role}:\n\n" + "\n\n".join(failures)
    assert cases >= 500, cases  # it really ran
