"""schemathesis with all of its checks against the live ``/openapi.json``, as an integrator
would run it: as a window's clerk, a shift lead and an admin, it must find nothing.

The run is schemathesis' own engine (what ``st run`` drives: explicit examples, coverage,
generated positive and negative data, stateful links) with every check enabled, configured
by ``schemathesis.toml`` at the repository root, which relaxes only
``positive_data_acceptance`` (404, 409 and 422: a business rule refusing valid-looking
data). The seed is fixed. So that the run stays within two minutes as routes are added, the
generated examples per operation are capped (``EXAMPLE_BUDGET`` is shared by the
operations, between ``MIN_EXAMPLES`` and ``MAX_EXAMPLES`` each), and each operation's
coverage phase runs once, as the role it is for (``COVERAGE_OWNER``).

The service is one of its own (the sign-in lockouts the fuzzer provokes cannot disturb
other tests), with no minimum client version: a schema-valid ``client_version`` is then
never "too old", since 426 is not a status the relaxation lists (tests/service/test_auth.py
covers 426 on a service that has a minimum).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import schemathesis
from schemathesis.engine import Status, events, from_schema

from tests.helpers.service import TEST_NOW, RunningService, ServiceLauncher
from tests.helpers.service_api import TIMEOUT, login, token_for

pytestmark = pytest.mark.sqlite_only  # the HTTP contract; both backends share it

CONFIG = Path(__file__).resolve().parents[2] / "schemathesis.toml"
SEED = 20261128
#: Generated examples shared by all operations (per role), and each operation's bounds.
EXAMPLE_BUDGET = 480
MIN_EXAMPLES, MAX_EXAMPLES = 8, 25
#: Every check schemathesis has (``max_response_time`` needs a limit, and there is none).
ALL_CHECKS = {
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "positive_data_acceptance",
    "negative_data_rejection",
    "use_after_free",
    "ensure_resource_availability",
    "missing_required_header",
    "ignored_auth",
    "object_level_authorization",
    "unsupported_method",
    "allow_header_conformance",
}
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
        # The fuzzer's failed sign-ins all come from 127.0.0.1, as do the runs' own: lift
        # the per-address limit and the delays (tests/security tries them).
        env = {
            "CLERK_MIN_CLIENT_VERSION": "0",
            "CLERK_LOGIN_ADDRESS_MAX_FAILURES": "1000000",
            "CLERK_LOGIN_DELAY_AFTER": "1000000",
        }
        yield launcher.start(env=env)
    finally:
        launcher.stop_all()


def _token(service: RunningService, role: str) -> str:
    if role == "clerk":  # a user token issued at W01 to a desk: the clerk's own device
        answer = login(service, device_id="fuzz-desk")
        assert answer.status_code == 200, answer.text
        return answer.json()["access_token"]
    return token_for(service, f"demo-{role}", window_code=None)


#: Whose coverage phase an operation is in (the role that may call it; the rest: admin).
#: The coverage phase (boundary and missing values of every parameter) is not bounded by
#: ``max_examples`` and costs about as much as the generated data of all three roles, so
#: each operation gets it once, as its owner; the generated data runs as every role.
COVERAGE_OWNER = {
    "clerk": {
        "create_case",
        "append_case_event",
        "record_case_document",
        "rate_case",
        "report_device_status",
        "record_client_events",
        "get_case",
        "list_cases",
        "get_changes",
        "create_attachment",
        "upload_attachment_chunk",
        "list_case_attachments",
        "get_attachment",
    },
    "lead": {
        "follow_up_rating",
        "get_workload",
        "list_workload_cases",
        "get_board",
        "list_windows",
        "list_bad_ratings",
        "list_users",
        "unlock_user",
    },
}


def _operation_ids(schema: schemathesis.BaseSchema) -> list[str]:
    return [
        result.ok().definition.raw["operationId"]
        for result in schema.get_all_operations()
        if result.ok()
    ]


@dataclass
class Run:
    cases: int = 0
    failures: set[str] = field(default_factory=set)
    checks: set[str] = field(default_factory=set)  # the checks that judged some answer


def run_schemathesis(
    service: RunningService, token: str, phases: list[str], only: set[str] | None = None
) -> Run:
    """Run ``phases`` with every check against ``service``, on the operations ``only``
    names (default: all but ``SKIPPED_OPERATIONS``)."""
    config = schemathesis.Config.from_path(CONFIG)
    schema = schemathesis.openapi.from_url(
        service.base_url + "/openapi.json", config=config
    ).exclude(operation_id=SKIPPED_OPERATIONS)
    operations = len(_operation_ids(schema))
    if only is not None:
        schema = schema.include(operation_id=sorted(only))
    schema.config.seed = SEED
    schema.config.update(
        base_url=service.base_url,
        headers={"Authorization": f"Bearer {token}"},
        request_timeout=TIMEOUT[1],
    )
    schema.config.phases.update(phases=phases)
    schema.config.generation.update(
        max_examples=examples_per_operation(operations), deterministic=True, database="none"
    )
    run = Run()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            run.cases += len(event.recorder.cases)
            for checks in event.recorder.checks.values():
                for check in checks:
                    run.checks.add(check.name)
                    if check.status == Status.FAILURE and check.failure_info is not None:
                        failure = check.failure_info.failure
                        run.failures.add(
                            f"{event.recorder.label} [{check.name}] {failure.title}\n"
                            f"{failure.message}\n{check.failure_info.code_sample}"
                        )
        elif isinstance(event, events.NonFatalError):
            run.failures.add(f"{event.label}: error {event.info.title}: {event.info.message}")
        elif isinstance(event, events.FatalError):
            raise event.exception
    return run


def _owned_by(role: str, service: RunningService) -> set[str]:
    if role != "admin":
        return COVERAGE_OWNER[role]
    schema = schemathesis.openapi.from_url(service.base_url + "/openapi.json")
    owned = set().union(*COVERAGE_OWNER.values())
    return set(_operation_ids(schema)) - owned - set(SKIPPED_OPERATIONS)


@pytest.mark.parametrize("role", ["clerk", "lead", "admin"])
def test_all_checks_find_nothing(fuzzed_service: RunningService, role: str) -> None:
    token = _token(fuzzed_service, role)
    generated = run_schemathesis(fuzzed_service, token, ["examples", "fuzzing", "stateful"])
    covered = run_schemathesis(fuzzed_service, token, ["coverage"], _owned_by(role, fuzzed_service))
    failures = sorted(generated.failures | covered.failures)
    assert not failures, f"{len(failures)} failures as {role}:\n\n" + "\n\n".join(failures)
    assert generated.cases >= 300 and covered.cases >= 100, (generated.cases, covered.cases)
    assert generated.checks >= ALL_CHECKS and covered.checks >= ALL_CHECKS


def test_the_configuration_relaxes_only_positive_data_acceptance() -> None:
    """schemathesis.toml lists, for one check, the statuses of a business refusal; every
    other check keeps its defaults and all of them are on."""
    written = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert list(written) == ["checks"] and list(written["checks"]) == ["positive_data_acceptance"]
    relaxed = written["checks"]["positive_data_acceptance"]
    assert list(relaxed) == ["expected-statuses"]
    defaults = schemathesis.Config().projects.default.checks.positive_data_acceptance
    added = set(relaxed["expected-statuses"]) - set(defaults.expected_statuses)
    assert added <= {"404", "409", "422"}
    checks = schemathesis.Config.from_path(CONFIG).projects.default.checks
    assert all(getattr(checks, name).enabled for name in ALL_CHECKS)
