"""Catalog with ETag, and the working-day calendar."""

from __future__ import annotations

import requests

from clerk_app.core.calendar import WorkCalendar
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, demo_catalog


def test_catalog_is_the_demo_catalog_with_a_strong_etag(service, clerk_token) -> None:
    response = requests.get(service.url("/catalog"), headers=auth(clerk_token), timeout=TIMEOUT)
    assert response.status_code == 200
    etag = response.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert response.json() == demo_catalog()


def test_catalog_if_none_match_answers_304(service, clerk_token) -> None:
    first = requests.get(service.url("/catalog"), headers=auth(clerk_token), timeout=TIMEOUT)
    headers = {**auth(clerk_token), "If-None-Match": first.headers["ETag"]}
    again = requests.get(service.url("/catalog"), headers=headers, timeout=TIMEOUT)
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    stale = {**auth(clerk_token), "If-None-Match": '"something-else"'}
    assert requests.get(service.url("/catalog"), headers=stale, timeout=TIMEOUT).status_code == 200


def test_calendar_is_the_one_core_computes(service, clerk_token) -> None:
    response = requests.get(
        service.url("/calendar"), params={"year": 2026}, headers=auth(clerk_token), timeout=TIMEOUT
    )
    assert response.status_code == 200
    assert response.json() == WorkCalendar.builtin().to_published(2026)


def test_calendar_for_an_unpublished_year_is_provisional(service, clerk_token) -> None:
    response = requests.get(
        service.url("/calendar"), params={"year": 2031}, headers=auth(clerk_token), timeout=TIMEOUT
    )
    assert response.status_code == 200
    assert response.json()["provisional"] is True


def test_calendar_without_year_is_a_validation_problem(service, clerk_token) -> None:
    response = requests.get(service.url("/calendar"), headers=auth(clerk_token), timeout=TIMEOUT)
    problem = assert_problem(response, 422, "validation")
    assert problem["errors"][0]["field"] == "year"
