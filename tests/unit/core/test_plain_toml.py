"""core.plain_toml reads a plain provisioning file as tomllib does (same values, same
types), and leaves everything else — every invalid file among them — to tomllib, which
then words the mistake (issue 21: tomllib loads after the sign-in window)."""

from __future__ import annotations

import random
import tomllib
from typing import Any

import pytest

from clerk_app.core.plain_toml import read_plain_toml
from clerk_app.core.provisioning import ProvisioningError, parse_provisioning
from tests.helpers.gui import REPO


def typed(value: Any) -> Any:
    """``value`` with every leaf's type next to it (True == 1 in Python, not in TOML)."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def same_as_tomllib(text: str) -> bool:
    """The plain reader either declines ``text`` or reads what tomllib reads."""
    plain = read_plain_toml(text)
    if plain is None:
        return True
    return typed(plain) == typed(tomllib.loads(text))


@pytest.mark.parametrize(
    "name",
    ["resources/provisioning/demo-W01.toml", "resources/templates/center.toml"],
)
def test_the_repository_files_are_read_plainly_and_alike(name):
    text = (REPO / name).read_text("utf-8")
    plain = read_plain_toml(text)
    assert plain is not None
    assert typed(plain) == typed(tomllib.loads(text))


PLAIN = [
    'schema = 1\n[service]\nurl = "https://records.example" # the service\n',
    "[ window ]\t\ncode='W07'\nname = \"窗口\\t\"\n".replace("\\t", "\t"),
    "a = -0\nb = +17\nc = true\nd = false\ne = ''\n[x]\n[y]\nk = \"\"\n",
    '# only a comment\r\n\r\n[ui]\r\nlanguage = "en"\r\n',
    "",
]

DECLINED_OR_INVALID = [
    'url = "C:\\\\ca.pem"',  # an escape: tomllib's
    'allow = ["printers"]',  # an array
    "when = 2026-12-06",  # a date
    "a.b = 1",  # a dotted key
    '"quoted" = 1',  # a quoted key
    "x = 1\nx = 2",  # a key twice: invalid
    "[t]\n[t]",  # a table twice: invalid
    "t = 1\n[t]",  # a table over a key: invalid
    "n = 007",  # leading zeros: invalid
    "n = 1_000",  # underscores: tomllib's
    "n = 0x1F",
    "f = 1.5",
    "b = True",  # invalid
    'a = "x" "y"',  # invalid
    'a = "unterminated',  # invalid
    "a = 'bell\x07'",  # a control character: invalid
    "# a bell \x07",  # invalid
    "a = 1\rb = 2",  # a lone CR: invalid
    "[a.b]",
    "[[list]]",
    "a =",  # invalid
    "= 1",  # invalid
    'a = """long"""',
    "a = { b = 1 }",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_files_read_as_tomllib_reads_them(text):
    assert read_plain_toml(text) is not None
    assert same_as_tomllib(text)


@pytest.mark.parametrize("text", DECLINED_OR_INVALID)
def test_anything_else_is_left_to_tomllib(text):
    assert read_plain_toml(text) is None


def test_a_wrong_file_is_still_worded_by_tomllib():
    with pytest.raises(ProvisioningError) as caught:
        parse_provisioning("schema = 1\nschema = 2\n")
    assert "not valid TOML" in str(caught.value)
    assert "line 2" in str(caught.value.problems[0].detail)


FRAGMENTS = [
    "a", "b-1", "k_", " ", "\t", "=", " = ", '"v"', "'v'", '"窗 é"', '"', "'", "#c", "# x",
    "[t]", "[ u ]", "[", "]", ".", ",", "\\", "1", "-0", "+3", "07", "true", "false",
    "\x01", "\x7f", "\r", "é",
]  # fmt: skip


def test_random_lines_are_either_declined_or_read_alike():
    """3,000 random documents made of the grammar's pieces (seeded)."""
    rng = random.Random(21)
    read = 0
    for _ in range(3000):
        lines = ["".join(rng.choices(FRAGMENTS, k=rng.randint(0, 4))) for _ in range(3)]
        text = "\n".join(lines)
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            assert read_plain_toml(text) is None, repr(text)
            continue
        assert same_as_tomllib(text), repr(text)
        read += read_plain_toml(text) is not None
    assert read > 40  # the plain reader did read many of them (66 with this seed)
