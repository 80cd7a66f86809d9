"""Money in fen: capital amounts checked against the written rules, an independent
reference written digit by digit, and a reader of capitals back to fen."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.core.money import MAX_CAPITALS_FEN, capitals, check_fen, parse_yuan, yuan

# --- an independent reference: position by position over the decimal digits ------------

_REF_DIGITS = dict(zip("0123456789", "零壹贰叁肆伍陆柒捌玖", strict=True))


def reference_capitals(fen: int) -> str:
    """Walk the yuan digits from the left by position (not in 万 groups of four):
    before a non-zero digit that follows zeros write 零, unless the zeros are only the
    tail of the next higher 万/亿 group and the digit is a thousand (the optional 零 the
    module leaves out); a group's name after its last non-zero digit in that group."""
    text = str(fen).rjust(3, "0")
    whole, jiao, cents = text[:-2].lstrip("0"), text[-2], text[-1]
    out = []
    last_nonzero = None
    for index, char in enumerate(whole):
        position = len(whole) - 1 - index
        if char != "0":
            if last_nonzero is not None and last_nonzero - position > 1:
                skip = position % 4 == 3 and last_nonzero <= position + 4
                if not skip:
                    out.append("零")
            out.append(_REF_DIGITS[char] + ["", "拾", "佰", "仟"][position % 4])
            last_nonzero = position
        if position % 4 == 0 and position > 0:
            group = whole[max(0, index - 3) : index + 1]
            if group.strip("0"):
                out.append({4: "万", 8: "亿"}[position])
    result = "".join(out) + ("元" if whole else "")
    if jiao == "0" and cents == "0":
        return (result or "零元") + "整"
    if jiao != "0":
        result += _REF_DIGITS[jiao] + "角"
    elif result:
        result += "零"
    return result + (_REF_DIGITS[cents] + "分" if cents != "0" else "整")


def read_capitals(words: str) -> int:
    """Capitals back to fen (a reader, as a person would add the words up)."""
    value = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
    units = {"拾": 10, "佰": 100, "仟": 1000}
    total = section = number = 0
    fen = 0
    for char in words.removesuffix("整"):
        if char in value:
            number = value[char]
        elif char in units:
            section += number * units[char]
            number = 0
        elif char == "亿":
            total = (total + section + number) * 10**8
            section = number = 0
        elif char == "万":
            total += (section + number) * 10**4
            section = number = 0
        elif char == "元":
            fen += (total + section + number) * 100
            total = section = number = 0
        elif char == "角":
            fen += number * 10
            number = 0
        elif char == "分":
            fen += number
            number = 0
        else:
            raise AssertionError(f"unexpected {char!r} in {words!r}")
    return fen


# --- the written examples ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (1234567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
        (100500, "壹仟零伍元整"),
        (1050, "壹拾元伍角整"),
        (1000, "壹拾元整"),
        (12050, "壹佰贰拾元伍角整"),
        (140950, "壹仟肆佰零玖元伍角整"),
        (600714, "陆仟零柒元壹角肆分"),
        (168032, "壹仟陆佰捌拾元叁角贰分"),
        (10700053, "壹拾万柒仟元伍角叁分"),
        (1640902, "壹万陆仟肆佰零玖元零贰分"),
        (32504, "叁佰贰拾伍元零肆分"),
        (100000, "壹仟元整"),
        (1005000, "壹万零伍拾元整"),
        (10000010000, "壹亿零壹佰元整"),
        (10000100000, "壹亿零壹仟元整"),
        (11000000000, "壹亿壹仟万元整"),
        (10001000000, "壹亿零壹万元整"),
        (5, "伍分"),
        (50, "伍角整"),
        (55, "伍角伍分"),
        (0, "零元整"),
        (MAX_CAPITALS_FEN, "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_capitals_follow_the_receipt_rules(fen, words):
    assert capitals(fen) == words
    assert reference_capitals(fen) == words
    assert read_capitals(words) == fen


@pytest.mark.parametrize("bad", [12.5, Decimal("12.50"), "1250", True, None])
def test_capitals_refuse_anything_but_whole_fen(bad):
    with pytest.raises(TypeError):
        capitals(bad)


@pytest.mark.parametrize("bad", [-1, MAX_CAPITALS_FEN + 1])
def test_capitals_refuse_negative_and_too_large(bad):
    with pytest.raises(ValueError):
        capitals(bad)


# --- properties ----------------------------------------------------------------------------

#: Amounts with many zeros, where the 零 rules bite.
_SPARSE = st.lists(st.sampled_from("000000123456789"), min_size=1, max_size=14).map(
    lambda digits: int("".join(digits))
)
_ANY = st.integers(min_value=0, max_value=MAX_CAPITALS_FEN)


@given(st.one_of(_SPARSE, _ANY))
def test_capitals_equal_the_reference_and_read_back(fen):
    words = capitals(fen)
    assert words == reference_capitals(fen)
    assert read_capitals(words) == fen


@given(st.one_of(_SPARSE, _ANY))
def test_capitals_never_double_or_dangle_a_zero(fen):
    words = capitals(fen)
    if fen == 0:
        assert words == "零元整"
        return
    assert "零零" not in words
    assert not words.startswith("零")
    assert not any(f"零{unit}" in words for unit in "拾佰仟万亿元角分")
    assert words.endswith(("整", "分"))
    assert not words.endswith("分整")


@given(st.integers(min_value=0, max_value=10**15))
def test_yuan_and_parse_yuan_round_trip(fen):
    assert parse_yuan(yuan(fen)) == fen
    assert parse_yuan(yuan(fen, grouped=False)) == fen


# --- display and parsing --------------------------------------------------------------------


def test_yuan_shows_groups_and_two_decimals():
    assert yuan(1234567) == "12,345.67"
    assert yuan(5) == "0.05"
    assert yuan(0) == "0.00"
    assert yuan(100000000, grouped=False) == "1000000.00"


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12", 1200),
        ("12.3", 1230),
        ("12.30", 1230),
        ("0.07", 7),
        (" ¥12,345.67 ", 1234567),
        ("￥5", 500),
        ("１２．５", 1250),
        ("0", 0),
        # 0.1 + 0.2 is not 0.3 in binary floating point; here it is exact.
        ("0.30", 30),
        ("99999999999999.99", 9999999999999999),
    ],
)
def test_parse_yuan_is_exact(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12.345", "two decimals"),
        ("-1", "negative"),
        ("−1.00", "negative"),
        ("1e3", "not an amount"),
        ("abc", "not an amount"),
        ("", "not an amount"),
        ("12.", "not an amount"),
        (".5", "not an amount"),
        ("1,23.00", "not an amount"),
        ("012", "not an amount"),
        ("nan", "not an amount"),
        ("inf", "not an amount"),
    ],
)
def test_parse_yuan_refuses_what_is_not_an_amount(text, message):
    with pytest.raises(ValueError, match=message):
        parse_yuan(text)


def test_parse_yuan_refuses_a_float():
    with pytest.raises(ValueError):
        parse_yuan(12.5)  # type: ignore[arg-type]


def test_check_fen_refuses_floats_bools_and_negatives():
    assert check_fen(0) == 0
    with pytest.raises(TypeError, match="fee"):
        check_fen(1.0, "fee")
    with pytest.raises(TypeError):
        check_fen(False)
    with pytest.raises(ValueError):
        check_fen(-5)
