"""The plain TOML of a provisioning file, read without loading ``tomllib`` (issue 21).

``tomllib`` (its parser, its regular expressions compiled at import) costs ~3 ms before
the sign-in window. A provisioning file as IT writes it is plain: ``[section]`` headers,
``key = value`` lines with a string in double or single quotes without escapes, a decimal
integer or a boolean, comments and blank lines. :func:`read_plain_toml` reads exactly that
and gives what ``tomllib.loads`` gives for it; for anything else (an escape, a date, an
array, a dotted or quoted key, a key or section given twice, a line it does not know) it
returns None and the caller asks ``tomllib`` — which then also words any mistake, so a
wrong file is said exactly as before. (String methods, no regular expression: compiling
one for this grammar took ~2 ms.)
"""

from __future__ import annotations

from typing import Any

#: TOML's whitespace, and the characters of a bare key.
_SPACE = " \t"
_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
#: What no comment or string may hold: control characters but tab.
_CONTROL = frozenset(chr(code) for code in (*range(0x09), *range(0x0A, 0x20), 0x7F))
_DIGITS = frozenset("0123456789")


def _bare(key: str) -> bool:
    return bool(key) and _BARE.issuperset(key)


def _end_of_line(rest: str) -> bool:
    """``rest`` (after a header or a value) is nothing or a comment."""
    rest = rest.lstrip(_SPACE)
    return not rest or (rest[0] == "#" and _CONTROL.isdisjoint(rest))


def _value(text: str) -> tuple[Any, str] | None:
    """The value at the start of ``text`` and what follows it; None if not plain."""
    quote = text[:1]
    if quote in ('"', "'"):
        end = text.find(quote, 1)
        content = text[1:end]
        if end < 0 or not _CONTROL.isdisjoint(content) or (quote == '"' and "\\" in content):
            return None
        return content, text[end + 1 :]
    cut = len(text)
    for stop in " \t#":
        found = text.find(stop)
        if 0 <= found < cut:
            cut = found
    word, rest = text[:cut], text[cut:]
    if word in ("true", "false"):
        return word == "true", rest
    digits = word[1:] if word[:1] in ("+", "-") else word
    if digits and _DIGITS.issuperset(digits) and (digits == "0" or digits[0] != "0"):
        return int(word), rest
    return None


def read_plain_toml(text: str) -> dict[str, Any] | None:
    """``tomllib.loads(text)`` for a plain file (see the module's docstring), else None."""
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        return None
    document: dict[str, Any] = {}
    table = document
    for line in text.split("\n"):
        line = line.strip(_SPACE)
        if not line or line[0] == "#":
            if not _end_of_line(line):
                return None
        elif line[0] == "[":
            close = line.find("]")
            name = line[1:close].strip(_SPACE)
            if close < 0 or not _bare(name) or not _end_of_line(line[close + 1 :]):
                return None
            if name in document:  # a table twice, or a table over a key
                return None
            table = document[name] = {}
        else:
            equals = line.find("=")
            key = line[:equals].rstrip(_SPACE)
            if equals < 0 or not _bare(key) or key in table:
                return None
            read = _value(line[equals + 1 :].lstrip(_SPACE))
            if read is None or not _end_of_line(read[1]):
                return None
            table[key] = read[0]
    return document
