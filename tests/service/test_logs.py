"""The service's log never carries an applicant's ID number or phone, a bearer token or a
password: a database error during a case insert, forced on the real service, is logged
without them (statement parameters hidden; what the database's own message quotes is
masked by the scrub filter)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from clerk_app.core.identity import mask_text
from records_service import logs
from records_service.logs import JsonFormatter, ScrubFilter
from tests.helpers.service_api import case_body, login, post_case, valid_resident_id

PHONE = "13800138000"

_SQLITE_FAULT = (
    "CREATE TRIGGER cases_fault BEFORE INSERT ON cases "
    "BEGIN SELECT count(*) FROM table_that_is_gone; END"
)
# The database's own message quotes the row, as PostgreSQL's "Failing row contains" does.
_POSTGRES_FAULT = (
    "CREATE FUNCTION cases_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION USING ERRCODE = '58000', MESSAGE = 'disk gone: ' || NEW.applicant::text; "
    "END $$",
    "CREATE TRIGGER cases_fault BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION cases_fault()",
)


def test_a_failed_case_insert_leaves_no_id_number_or_phone_in_the_log(
    service_factory, backend
) -> None:
    service = service_factory(backend=backend)
    signed_in = login(service, device_id="desk-logs").json()
    if service.backend == "sqlite":
        service.sql(_SQLITE_FAULT)
    else:
        for statement in _POSTGRES_FAULT:
            service.sql(statement)
    body = case_body()
    answer = post_case(service, signed_in["access_token"], body)
    assert answer.status_code == 500
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert valid_resident_id() not in answer.text and PHONE not in answer.text

    log = service.log()
    errors = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    failure = next(e for e in errors if e["message"] == "database error")
    assert "INSERT INTO cases" in failure["exception"]  # the statement is there ...
    assert valid_resident_id() not in log  # ... never the applicant's ID number
    assert PHONE not in log
    assert signed_in["access_token"] not in log
    if service.backend == "sqlite":
        assert "[SQL parameters hidden due to hide_parameters=True]" in failure["exception"]
    else:  # the database quoted the row; the filter masked it
        assert "disk gone:" in failure["exception"]
        assert "110105********" in failure["exception"]
        assert "138****8000" in failure["exception"]


@pytest.fixture
def scrubbed() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ScrubFilter())
    logger = logging.getLogger("records.test-scrub")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    yield logger, out
    logger.handlers.clear()


def test_the_scrub_filter_masks_ids_phones_tokens_and_passwords(scrubbed) -> None:
    logger, out = scrubbed
    old_id = "110105491231002"  # a 15-digit ID of the first generation
    logger.warning(
        "login %s from %s with password=%s, sent Bearer %s",
        valid_resident_id(),
        PHONE,
        "s3cret-Pass-word",
        "tok.en-abc123",
        extra={"fields": {"body": f'{{"id_number": "{old_id}", "access_token": "x-y-z"}}'}},
    )
    try:
        raise ValueError(f"bad row ({valid_resident_id()}, {PHONE})")
    except ValueError:
        logger.exception("insert failed")
    text = out.getvalue()
    for secret in (valid_resident_id(), PHONE, "s3cret-Pass-word", "tok.en-abc123", old_id):
        assert secret not in text
    assert "x-y-z" not in text
    first, second = (json.loads(line) for line in text.splitlines())
    assert "110105********" in first["message"] and "138****8000" in first["message"]
    assert "Bearer ***" in first["message"] and "password=***" in first["message"]
    assert "110105******002" in first["body"]
    assert "bad row (110105********" in second["exception"]


def _every_pattern(text: str) -> str:
    """scrub_text as it was before its pre-check: every pattern on every text."""
    text = logs._OLD_ID.sub(lambda m: m[1] + "******" + m[2], mask_text(text))
    text = logs._BEARER.sub(lambda m: m[1] + "***", text)
    return logs._SECRET.sub(lambda m: m[1] + "***", text)


def test_the_scrub_pre_check_skips_only_text_no_pattern_would_change() -> None:
    # scrub_text leaves a text without 11 digits in a row or a keyword as it is: every
    # text the patterns would change must pass the pre-check, whatever its form.
    digits = ["1" * n for n in range(9, 20)] + [
        "13800138000",
        "+8613800138000",
        "１３８００１３８０００",
    ]
    digits += [valid_resident_id(), valid_resident_id()[:-1] + "x", "110105491231002"]
    words = ["Bearer abc.def", "BEARER  x", "password=s3", "PassWd: 'q'", "pwd=1", "Secret=z"]
    words += ['"token": "t"', "Authorization=Basic", "ｔoken=x", "to ken=x", "passw0rd=x"]
    texts = ["request", "/api/v1/cases", "/api/v1/cases/HS-W01-20261128-000001", "POST"]
    texts += ["127.0.0.1", "::1", "/api/v1/progress/HS-W01-20261128-000001", ""]
    for core in digits + words:
        texts += [core, f"a {core} b", f"x{core}y", f"/p/{core}/q", f"{core}{core}"]
    changed = 0
    for text in texts:
        assert logs.scrub_text(text) == _every_pattern(text), text
        changed += _every_pattern(text) != text
    assert changed > 40  # the corpus does reach the patterns


def _every_step(record: logging.LogRecord) -> logging.LogRecord:
    """What ScrubFilter did before its short cut for plain messages: MaskingFilter, then
    scrub_text on the message and on every field."""
    from clerk_app.core.identity import MaskingFilter

    def scrub(value: object) -> object:
        if isinstance(value, str):
            return _every_pattern(value)
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [scrub(v) for v in value]
        return value

    MaskingFilter().filter(record)
    record.msg = _every_pattern(str(record.msg))
    record.fields = scrub(record.fields)  # type: ignore[attr-defined]
    return record


def test_the_scrub_filter_short_cuts_change_no_line() -> None:
    # An access line's plain message and flat fields skip MaskingFilter and most calls:
    # the record and the written line stay what every step would make of them.
    cases: list[tuple[str, tuple[object, ...], dict[str, object]]] = [
        ("request", (), {"request_id": "0123456789abcdef", "method": "POST", "status": 201}),
        ("request", (), {"path": f"/api/v1/cases/{valid_resident_id()}", "ms": 1.5}),
        ("request", (), {"request_id": "12345678901abcde", "client": "127.0.0.1", "x": None}),
        ("request", (), {"path": "/p", "nested": {"q": PHONE, "n": [PHONE, 1, True]}}),
        (f"login {PHONE}", (), {"client": "::1"}),
        ("login %s", (valid_resident_id(),), {"body": "password=s3"}),
        ("plain %s", ("text",), {}),
        ("Bearer abc.def", (), {}),
    ]
    formatter = JsonFormatter()
    for msg, args, fields in cases:
        made = [
            logging.LogRecord("records.access", logging.INFO, __file__, 1, msg, args, None)
            for _ in range(2)
        ]
        for record in made:
            record.fields = dict(fields)
            record.created = made[0].created  # the same "at" in both lines
        ScrubFilter().filter(made[0])
        _every_step(made[1])
        assert made[0].msg == made[1].msg and made[0].args == made[1].args
        assert made[0].fields == made[1].fields  # type: ignore[attr-defined]
        assert formatter.format(made[0]) == formatter.format(made[1])
        assert PHONE not in formatter.format(made[0])
