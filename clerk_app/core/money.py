"""Money as integer fen (分): Chinese capital amounts (大写), display and parsing.

Money is an ``int`` of fen everywhere, never a float; ``bool`` is refused where an amount
is expected. ``capitals`` is THE function that writes an amount in capitals (the receipts,
notices and vouchers all call it).

The capital-amount conventions follow the bank and accounting rules fiscal receipts
(非税收入票据) are filled in by — 《支付结算办法》附件一 "正确填写票据和结算凭证的基本规定"
and 《会计基础工作规范》第五十二条:

- Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟, groups 万亿, then 元角分.
- A leading ten keeps its 壹: ``10.00`` → 壹拾元整, ``100,000.00`` → 壹拾万元整 (a bare
  拾 invites an added digit in front).
- 整 follows an amount that ends at 元 or at 角 (``120.50`` → 壹佰贰拾元伍角整: the 规范
  requires it after 角, the bank rules allow it); never after 分.
- A run of zeros between non-zero digits is written as one 零 (``1,005.00`` →
  壹仟零伍元整, ``6,007.14`` → 陆仟零柒元壹角肆分); trailing zeros of the yuan are silent
  (``1,000.00`` → 壹仟元整); a whole 万 group of zeros is one 零 too
  (``100,001,000.00`` → 壹亿零壹仟元整).
- Where the rules allow 零 or not — the 万 (or 亿) digit zero before a non-zero thousand
  (``107,000.53``), or the 元 digit zero before a non-zero 角 (``1,680.32``) — this
  function leaves it out: 壹拾万柒仟元伍角叁分, 壹仟陆佰捌拾元叁角贰分. A zero thousand
  after a group is always written (``10,050.00`` → 壹万零伍拾元整).
- 角 zero and 分 not: 零 after 元 (``16,409.02`` → 壹万陆仟肆佰零玖元零贰分); below one
  yuan no 零元 in front (``0.05`` → 伍分, ``0.50`` → 伍角整).
- Nothing at all: ``0`` → 零元整.
"""

from __future__ import annotations

import re

#: The largest amount ``capitals`` writes: 9999亿9999万9999元9角9分 (below 1 万亿 yuan).
MAX_CAPITALS_FEN = 10**14 - 1

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿")
_AMOUNT = re.compile(r"(0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.(\d{1,2}))?")


def check_fen(fen: object, what: str = "amount") -> int:
    """``fen`` if it is a whole, non-negative number of fen (an int, not a bool).

    Raises:
        TypeError: not an int (a float, a Decimal, a string, a bool).
        ValueError: negative.
    """
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"{what} must be a whole number of fen (int): {fen!r}")
    if fen < 0:
        raise ValueError(f"{what} must not be negative: {fen}")
    return fen


def _group_words(value: int) -> str:
    """1-9999 in capitals, one 零 for each run of inner zeros, trailing zeros silent."""
    words, zero = "", False
    for position in range(3, -1, -1):
        digit = (value // 10**position) % 10
        if digit == 0:
            zero = bool(words)
        else:
            words += ("零" if zero else "") + _DIGITS[digit] + _UNITS[position]
            zero = False
    return words


def _yuan_words(number: int) -> str:
    """A positive whole number of yuan in capitals (without 元)."""
    groups = []
    rest = number
    while rest:
        rest, value = divmod(rest, 10_000)
        groups.append(value)
    out = ""
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        value = groups[index]
        if value == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or value < 1000):
            out += "零"
        pending_zero = False
        out += _group_words(value) + _GROUPS[index]
    return out


def capitals(fen: int) -> str:
    """The amount in Chinese capitals (大写) as on a fiscal receipt.

    ``1234567`` → ``壹万贰仟叁佰肆拾伍元陆角柒分``; ``100500`` → ``壹仟零伍元整``;
    ``0`` → ``零元整``. The conventions are those of the module docstring.

    Raises:
        TypeError: ``fen`` is not an int (floats and bools are refused).
        ValueError: negative, or above ``MAX_CAPITALS_FEN``.
    """
    check_fen(fen)
    if fen > MAX_CAPITALS_FEN:
        raise ValueError(f"amount too large for capitals: {fen}")
    whole, jiao, cents = fen // 100, (fen // 10) % 10, fen % 10
    words = _yuan_words(whole) + "元" if whole else ""
    if jiao == 0 and cents == 0:
        return (words or "零元") + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif words:
        words += "零"
    return words + (_DIGITS[cents] + "分" if cents else "整")


def yuan(fen: int, *, grouped: bool = True) -> str:
    """``1234567`` → ``"12,345.67"`` (``grouped=False``: ``"12345.67"``).

    Raises:
        TypeError, ValueError: as ``check_fen``.
    """
    check_fen(fen)
    whole, cents = divmod(fen, 100)
    return f"{whole:,}.{cents:02d}" if grouped else f"{whole}.{cents:02d}"


def parse_yuan(text: str) -> int:
    """An amount typed in yuan → fen, exactly (never through a float).

    Accepts ``"12"``, ``"12.3"``, ``"12.30"``, ``"12,345.67"`` (commas in groups of three),
    ``"¥12.30"`` and surrounding blanks; full-width digits and points are read as ASCII.

    Raises:
        ValueError: empty, negative, more than two decimals, an exponent, or not a number.
    """
    if not isinstance(text, str):
        raise ValueError(f"not an amount: {text!r}")
    cleaned = text.strip().translate(_FULL_WIDTH)
    cleaned = cleaned.removeprefix("¥").removeprefix("￥").strip()
    if cleaned.startswith(("-", "−")):
        raise ValueError(f"an amount must not be negative: {text!r}")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        if re.fullmatch(r"[\d,]+\.\d{3,}", cleaned):
            raise ValueError(f"an amount has at most two decimals (fen): {text!r}")
        raise ValueError(f"not an amount in yuan: {text!r}")
    whole = int(match.group(1).replace(",", ""))
    decimals = (match.group(2) or "").ljust(2, "0")
    return whole * 100 + int(decimals)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
