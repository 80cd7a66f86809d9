"""Random and half-broken bodies never make the service answer 5xx."""

from __future__ import annotations

import uuid

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.service_api import TIMEOUT, auth, case_body

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)

FIELDS = sorted(case_body())
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _assert_client_error_or_success(response: requests.Response) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/problem+json")


@FUZZ
@given(field=st.sampled_from(FIELDS), value=json_values)
def test_case_with_one_field_replaced_by_junk_is_never_a_server_error(
    package_service, clerk_token, field, value
) -> None:
    body = case_body()
    body[field] = value
    headers = {**auth(clerk_token), "Idempotency-Key": str(uuid.uuid4())}
    response = requests.post(
        package_service.url("/cases"), json=body, headers=headers, timeout=TIMEOUT
    )
    _assert_client_error_or_success(response)


@FUZZ
@given(payload=json_values)
def test_login_with_any_json_is_never_a_server_error(package_service, payload) -> None:
    response = requests.post(package_service.url("/auth/login"), json=payload, timeout=TIMEOUT)
    _assert_client_error_or_success(response)


@FUZZ
@given(raw=st.binary(max_size=200))
def test_case_with_arbitrary_bytes_is_never_a_server_error(
    package_service, clerk_token, raw
) -> None:
    headers = {
        **auth(clerk_token),
        "Idempotency-Key": str(uuid.uuid4()),
        "Content-Type": "application/json",
    }
    response = requests.post(
        package_service.url("/cases"), data=raw, headers=headers, timeout=TIMEOUT
    )
    _assert_client_error_or_success(response)


@FUZZ
@given(moment=st.datetimes(timezones=st.timezones()))
def test_case_with_any_timestamp_is_never_a_server_error(
    package_service, clerk_token, moment
) -> None:
    body = case_body()
    body["received_at"] = moment.isoformat()
    headers = {**auth(clerk_token), "Idempotency-Key": body["id"]}
    response = requests.post(
        package_service.url("/cases"), json=body, headers=headers, timeout=TIMEOUT
    )
    _assert_client_error_or_success(response)
