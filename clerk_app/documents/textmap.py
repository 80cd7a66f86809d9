"""Repair the text maps (ToUnicode CMaps) of PDFs written by Qt, so copied and searched
text is the text that was printed.

WORKAROUND: Qt's PDF writer (QFontSubset::getReverseMap) maps each glyph to the LOWEST
code point that uses it in the font. CJK fonts share one glyph between an ideograph and
its Kangxi radical or radical-supplement twin, and the Simplified Chinese faces between
some simplified and traditional forms: 人 U+4EBA came out as ⼈ U+2F08, 民 as ⺠ U+2EA0,
户 U+6237 as 戶 U+6236, the space as a tab. This module rewrites those entries to the
characters the document really contains (``glyph_aliases``) and rebuilds the PDF's
cross-reference table to match.

Only Qt's own output layout is handled (one classic xref table, uncompressed CMaps); any
other file is returned unchanged.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable

log = logging.getLogger("clerk.print")

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+) (\d+)\s*\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])\s*\n")
_CMAP_OBJECT = re.compile(rb"\A(\d+) 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_LINE_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_LINE_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")

_CMAP_HEAD = (
    b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
)
_CMAP_TAIL = b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def _better_text(text: str, canonical: Callable[[str], str] | None) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        better = canonical(ch) if canonical is not None else ch
        if better != ch:
            out.append(better)
        elif 0x2E80 <= code <= 0x2FDF:  # CJK Radicals Supplement, Kangxi Radicals
            normal = unicodedata.normalize("NFKC", ch)
            out.append(normal if len(normal) == 1 else ch)
        elif ch == "\t":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _decode_utf16(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", errors="replace")


def _parse_cmap(cmap: bytes) -> dict[int, str] | None:
    """CID → text of a CMap; None when it holds something this module does not know."""
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, target in _LINE_BFRANGE.findall(block):
            lo, hi = int(first, 16), int(last, 16)
            if target.startswith(b"["):
                values = _HEX.findall(target)
                if len(values) != hi - lo + 1:
                    return None
                for offset, value in enumerate(values):
                    mapping[lo + offset] = _decode_utf16(value)
            else:
                start = _decode_utf16(target[1:-1])
                if len(start) != 1:
                    return None
                for offset in range(hi - lo + 1):
                    mapping[lo + offset] = chr(ord(start) + offset)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for cid, value in _LINE_BFCHAR.findall(block):
            mapping[int(cid, 16)] = _decode_utf16(value)
    return mapping


def _write_cmap(mapping: dict[int, str]) -> bytes:
    items = sorted(mapping.items())
    parts = [_CMAP_HEAD]
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        parts.append(b"%d beginbfchar\n" % len(chunk))
        for cid, text in chunk:
            parts.append(b"<%04X> <%s>\n" % (cid, text.encode("utf-16-be").hex().upper().encode()))
        parts.append(b"endbfchar\n")
    parts.append(_CMAP_TAIL)
    return b"".join(parts)


def _repair_object(body: bytes, canonical: Callable[[str], str] | None) -> bytes | None:
    """The object with its CMap repaired, or None when it needs no change."""
    head = _CMAP_OBJECT.match(body)
    if head is None:
        return None
    length = int(head.group(2))
    stream = body[head.end() : head.end() + length]
    if b"begincmap" not in stream or b"/Adobe-Identity-UCS" not in stream:
        return None
    mapping = _parse_cmap(stream)
    if mapping is None:
        return None
    fixed = {cid: _better_text(text, canonical) for cid, text in mapping.items()}
    if fixed == mapping:
        return None
    cmap = _write_cmap(fixed)
    number = head.group(1)
    return b"%s 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        number,
        len(cmap),
        cmap,
    )


def repair_text_map(pdf: bytes, canonical: Callable[[str], str] | None = None) -> bytes:
    """``pdf`` with the wrong entries of its ToUnicode maps replaced (see module).

    Args:
        pdf: a PDF written by QPdfWriter.
        canonical: maps a character of the text map to the character that was really
            printed with the same glyph (``glyph_aliases`` builds one from the document's
            text); radicals without one become their NFKC form, a tab a space.
    """
    tail = _STARTXREF.search(pdf)
    if tail is None:
        return pdf
    xref_at = int(tail.group(1))
    if pdf[xref_at : xref_at + 4] != b"xref":
        return pdf
    trailer_at = pdf.find(b"trailer", xref_at)
    if trailer_at < 0:
        return pdf
    offsets: dict[int, int] = {}
    pos = xref_at + len(b"xref")
    while pos < trailer_at:
        pos = _skip_space(pdf, pos)
        sub = _SUBSECTION.match(pdf, pos)
        if sub is None or pos >= trailer_at:
            break
        first, count = int(sub.group(1)), int(sub.group(2))
        pos = sub.end()
        for number in range(first, first + count):
            entry = _ENTRY.match(pdf, pos)
            if entry is None:
                return pdf
            pos = entry.end()
            if entry.group(3) == b"n":
                offsets[number] = int(entry.group(1))
    if not offsets:
        return pdf
    order = sorted(offsets, key=offsets.__getitem__)
    bodies: dict[int, bytes] = {}
    for index, number in enumerate(order):
        start = offsets[number]
        end = offsets[order[index + 1]] if index + 1 < len(order) else xref_at
        body = pdf[start:end]
        if not body.startswith(b"%d 0 obj" % number):
            log.warning("PDF text map not repaired: unexpected object layout")
            return pdf
        bodies[number] = body
    changed = False
    for number, body in bodies.items():
        repaired = _repair_object(body, canonical)
        if repaired is not None:
            bodies[number] = repaired
            changed = True
    if not changed:
        return pdf
    out = bytearray(pdf[: offsets[order[0]]])
    new_offsets: dict[int, int] = {}
    for number in order:
        new_offsets[number] = len(out)
        out += bodies[number]
    new_xref = len(out)
    size = max(offsets) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in new_offsets:
            out += b"%010d 00000 n \n" % new_offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += pdf[trailer_at : tail.start()]
    out += b"startxref\n%d\n%%%%EOF\n" % new_xref
    return bytes(out)


def _skip_space(data: bytes, pos: int) -> int:
    while pos < len(data) and data[pos : pos + 1] in b" \r\n":
        pos += 1
    return pos


def glyph_aliases(text: str, glyphs_of: Callable[[str], tuple[int, ...]]) -> Callable[[str], str]:
    """A ``canonical`` function for ``repair_text_map``.

    Args:
        text: all the text the document printed.
        glyphs_of: the font's glyph ids for a string (``QRawFont.glyphIndexesForString``).

    Returns:
        A function giving, for a character of the text map, the one character of ``text``
        drawn with the same glyph; the character itself when it is in ``text``, when no
        character of ``text`` shares its glyph, or when several do (ambiguous).
    """
    printed = set(text)
    by_glyph: dict[int, set[str]] = {}
    for ch in printed:
        glyphs = glyphs_of(ch)
        if len(glyphs) == 1 and glyphs[0] != 0:
            by_glyph.setdefault(glyphs[0], set()).add(ch)

    def canonical(ch: str) -> str:
        if ch in printed:
            return ch
        glyphs = glyphs_of(ch)
        if len(glyphs) != 1:
            return ch
        twins = by_glyph.get(glyphs[0], set())
        return next(iter(twins)) if len(twins) == 1 else ch

    return canonical
