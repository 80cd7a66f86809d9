"""The plain TOML of a provisioning file, read without loading ``tomllib`` (issue 21).

``tomllib`` (its parser, its regular expressions compiled at import) costs ~3 ms before
the sign-in window. A provisioning file as IT writes it is plain: ``[section]`` headers,
``key = value`` lines with a string in double or single quotes without escapes, a decimal
integer or a boolean, comments and blank lines. :func:`read_plain_toml` reads exactly that
and gives what ``tomllib.loads`` gives for it; for anything else (an escape, a date, an
array, a dotted or quoted key, a key or section given twice, a line it does not know) it
returns None and the caller asks ``tomllib`` — which then also words any mistake, so a
wrong file is said exactly as before.
"""

from __future__ import annotations

import re
from typing import Any

# TOML's whitespace is space and tab; comments and strings may hold no control character
# but tab (U+0000-0008, U+000A-001F, U+007F).
_COMMENT = r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
_KEY = r"[A-Za-z0-9_-]+"
_LINE = re.compile(
    rf"[ \t]*(?:"
    rf"\[[ \t]*(?P<table>{_KEY})[ \t]*\]"
    rf"|(?P<key>{_KEY})[ \t]*=[ \t]*(?:"
    r'"(?P<basic>[^\x00-\x08\x0a-\x1f\x7f"\\]*)"'
    r"|'(?P<literal>[^\x00-\x08\x0a-\x1f\x7f']*)'"
    r"|(?P<integer>[+-]?(?:0|[1-9][0-9]*))"
    r"|(?P<boolean>true|false))"
    rf")?[ \t]*{_COMMENT}"
)


def read_plain_toml(text: str) -> dict[str, Any] | None:
    """``tomllib.loads(text)`` for a plain file (see the module's docstring), else None."""
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        return None
    document: dict[str, Any] = {}
    table = document
    for line in text.split("\n"):
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        name, key = match["table"], match["key"]
        if name is not None:
            if name in document:  # a table twice, or a table over a key
                return None
            table = document[name] = {}
        elif key is not None:
            if key in table:
                return None
            if match["basic"] is not None:
                table[key] = match["basic"]
            elif match["literal"] is not None:
                table[key] = match["literal"]
            elif match["integer"] is not None:
                table[key] = int(match["integer"])
            else:
                table[key] = match["boolean"] == "true"
    return document
