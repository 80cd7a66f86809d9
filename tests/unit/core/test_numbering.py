import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.core.numbering import (
    CaseNo,
    DocumentNo,
    format_case_no,
    format_document_no,
    new_query_code,
    parse_case_no,
    parse_document_no,
)


def test_case_number_reads_center_window_date_and_sequence():
    assert format_case_no("HS", "W01", date(2026, 11, 28), 123) == "HS-W01-20261128-000123"


def test_case_number_parses_back_forgiving_case_and_blanks():
    assert parse_case_no(" hs-w01-20261128-000123 ") == CaseNo("HS", "W01", date(2026, 11, 28), 123)
    assert str(parse_case_no("HS-W01-20261128-000123")) == "HS-W01-20261128-000123"


@pytest.mark.parametrize(
    ("center", "window", "seq"),
    [
        ("hs", "W01", 1),
        ("HS", "W-1", 1),
        ("", "W01", 1),
        ("HS", "窗口1", 1),
        ("HS", "W01", 0),
        ("HS", "W01", 1_000_000),
        ("HS", "W01", True),
        ("HSXXXXXXX", "W01", 1),
    ],
)
def test_bad_case_number_parts_are_refused(center, window, seq):
    with pytest.raises(ValueError):
        format_case_no(center, window, date(2026, 1, 5), seq)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "HS-W01-20261128-123",
        "HS-W01-20260230-000001",
        "HS-W01-20261128-000000",
        "HS_W01_20261128_000001",
        "HS-W01-20261128-0000011",
        "HS-W01-20261128-000001x",
    ],
)
def test_things_that_are_not_case_numbers_are_refused(text):
    with pytest.raises(ValueError, match="not a case number"):
        parse_case_no(text)


codes = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8)


@given(codes, codes, st.dates(min_value=date(1000, 1, 1)), st.integers(1, 999_999))
def test_case_numbers_round_trip(center, window, day, seq):
    assert parse_case_no(format_case_no(center, window, day, seq)) == (center, window, day, seq)


def test_query_code_is_six_digits_keeping_leading_zeros():
    rng = random.Random(7)
    made = [new_query_code(rng) for _ in range(2000)]
    assert all(len(c) == 6 and c.isdigit() for c in made)
    assert any(c.startswith("0") for c in made)
    assert len(set(made)) > 1900


def test_query_code_is_reproducible_with_an_injected_rng():
    assert new_query_code(random.Random(1)) == new_query_code(random.Random(1))


def test_query_code_uses_secrets_by_default():
    code = new_query_code()
    assert len(code) == 6 and code.isdigit()


def test_document_number_format():
    assert format_document_no("衡政服", "受", 2026, "W01", 7) == "衡政服受〔2026〕W01-0007号"
    assert format_document_no("衡政服", "补", 2026, "W12", 12345) == "衡政服补〔2026〕W12-12345号"


def test_document_number_parses_back():
    assert parse_document_no("衡政服受〔2026〕W01-0007号") == DocumentNo("衡政服受", 2026, "W01", 7)
    with pytest.raises(ValueError):
        parse_document_no("衡政服受[2026]W01-0007号")


@pytest.mark.parametrize(
    "args",
    [
        ("", "受", 2026, "W01", 1),
        ("衡政服", "", 2026, "W01", 1),
        ("衡 政服", "受", 2026, "W01", 1),
        ("衡政服", "受", 26, "W01", 1),
        ("衡政服", "受", 2026, "w01", 1),
        ("衡政服", "受", 2026, "W01", 0),
        ("衡政服", "受", 2026, "W01", 100_000),
    ],
)
def test_bad_document_number_parts_are_refused(args):
    with pytest.raises(ValueError):
        format_document_no(*args)
