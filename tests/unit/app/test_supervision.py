"""The supervisor's use cases without a service (``clerk_app.app.supervision``): the periods
offered, input refused before anything is sent, the service's refusals as codes; the whole
flow against a real service: tests/gui/supervision/test_supervision_screen.py."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest

from clerk_app.app import supervision
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.remote.api import ApiError

#: Nothing may be sent: any use of the backend fails the test.
NO_BACKEND = SimpleNamespace(clock=FixedClock(datetime(2026, 1, 2, 9, 0, tzinfo=CENTER_TZ)))


def test_the_periods_offered_are_this_and_last_month_and_iso_week_across_a_new_year() -> None:
    # Friday 2 January 2026 lies in ISO week 1 of 2026; a week earlier is week 52 of 2025.
    assert supervision.periods(NO_BACKEND) == ["2026-01", "2025-12", "2026-W01", "2025-W52"]


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"complainant_name": ""}, ("complainant_name",)),
        ({"complainant_name": "", "anonymous": True, "about": ""}, ("about_window",)),
        ({"about_kind": "case", "about": " ", "account": ""}, ("about_case_no", "account")),
    ],
)
def test_an_incomplete_complaint_is_refused_before_anything_is_sent(
    change: dict, fields: tuple[str, ...]
) -> None:
    values = {
        "channel": "phone",
        "anonymous": False,
        "complainant_name": "王芳",
        "complainant_contact": "",
        "about_kind": "window",
        "about": "W01",
        "category": "delay",
        "account": "超期未办",
        **change,
    }
    with pytest.raises(supervision.SupervisionRefused) as refused:
        supervision.take_complaint(NO_BACKEND, None, supervision.NewComplaint(**values))  # type: ignore[arg-type]
    assert (refused.value.code, refused.value.fields) == ("invalid", fields)


def test_a_reopen_without_a_reason_is_refused_before_anything_is_sent() -> None:
    with pytest.raises(supervision.SupervisionRefused) as refused:
        supervision.reopen(NO_BACKEND, None, "TS-HS-20260102-0001", "  ")  # type: ignore[arg-type]
    assert refused.value.fields == ("note",)


@pytest.mark.parametrize(
    ("status", "problem", "code", "fields"),
    [
        (404, {"type": "about:blank"}, "not_found", ()),
        (409, {"type": "https://x/problems/reopened-once"}, "reopened_once", ()),
        (409, {"type": "https://x/problems/complaint-closed"}, "complaint_closed", ()),
        (
            422,
            {"type": "https://x/problems/validation", "errors": [
                {"field": "links.complaints[1]", "message": "no complaint"},
                {"field": "about_window", "message": "no window W99"},
            ]},
            "invalid",
            ("links", "about_window"),
        ),
    ],
)  # fmt: skip
def test_the_services_refusals_become_codes_the_screen_words(
    status: int, problem: dict, code: str, fields: tuple[str, ...]
) -> None:
    refused = supervision._refused(ApiError(status, problem))
    assert (refused.code, refused.fields) == (code, fields)


def test_the_bad_ratings_filter_as_typed() -> None:
    wanted = supervision.rating_filter(" 2026-11-01", "2026-11-30 ", "ga", False)
    assert wanted.params() == {
        "rated_from": "2026-11-01",
        "rated_to": "2026-11-30",
        "department": "GA",
        "followed_up": "false",
    }
    assert supervision.rating_filter("", "", "", None).params() == {}
    for typed, fields in (
        (("2026-11-30", "2026-11-01", "", None), ("rated_from",)),
        (("11/01", "tomorrow", "", None), ("rated_from", "rated_to")),
        (("", "", "公安", True), ("department",)),
    ):
        with pytest.raises(supervision.SupervisionRefused) as refused:
            supervision.rating_filter(*typed)
        assert (refused.value.code, refused.value.fields) == ("invalid", fields)
