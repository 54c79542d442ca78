"""What comes before a number: a sign, a currency, a qualifier ("more than", "about", "~")."""

from __future__ import annotations

import re

from factcheck.extract.numbers import figure_words as W
from factcheck.extract.numbers import units as U
from factcheck.extract.numbers.quantity import CODES, Lazy, Quantity, Region, scale_by

_trie = U.trie


def left(r: Region, q: Quantity) -> None:
    """A sign, a currency symbol, then a qualifier, read backwards from the number."""
    text, s = r.text, q.start
    window = text[max(r.start, s - 40) : s]
    if not window:
        return
    tail = window.rstrip(" \u00a0-")[-5:]
    if not q.words and (window[-1] in _SIGNS or tail[-1:] in _CURRENCY_TAILS or tail[-1:].isupper()):
        window = sign_and_currency(q, window)
    elif tail.lower() in ("minus", "ative"):  # "minus one", "negative five"
        m = _MINUS_WORD.search(window)
        if m:
            q.value, q.start = -q.value, q.start - len(m.group())
            window = window[: len(window) - len(m.group())]
    qualifier_before(q, window)


def sign_and_currency(q: Quantity, window: str) -> str:
    """ "-15", "$6", "US$ 6", "$-99.99", "-$5", "minus 5"."""
    if window.endswith("#"):
        # "#1" ranks; "#557 million" and "#10.86" are pounds written the way older
        # wire copy wrote "£" (check_names drops the rank once the magnitude is known)
        q.currency, q.start, q.hash = "GBP", q.start - 1, True
        return window[:-1]
    sign = _SIGN_BEFORE.search(window)
    if sign:
        q.value, q.start = -q.value, q.start - 1
        window = window[:-1]
    cur = _CURRENCY_BEFORE.search(window)
    if cur:
        q.currency = U.currency_code(cur.group("c"))
        if cur.group("s"):
            scale_by(q, SHORTHAND_SCALES[cur.group("s")])  # "MUSD 12"
        q.start -= len(cur.group())
        window = window[: len(window) - len(cur.group())]
        if cur.group().endswith("-") and not sign:
            q.value = -q.value
        elif not sign and _SIGN_BEFORE.search(window):
            q.value, q.start = -q.value, q.start - 1
            window = window[:-1]
    elif not sign:
        m = _MINUS_WORD.search(window)
        if m:
            q.value, q.start = -q.value, q.start - len(m.group())
            window = window[: len(window) - len(m.group())]
    return window


def qualifier_before(q: Quantity, window: str) -> None:
    q.own_start = q.start
    if q.qualifier:
        return  # "hundreds of": the number's own words hedge it already
    m = _SYMBOL_BEFORE.search(window) if window[-1:] in _QUALIFIER_SYMBOL_TAILS else None
    if m:
        q.qualifier = W.QUALIFIER_SYMBOL[m.group("q")]
        q.start -= len(m.group())
        return
    found = _qualifier_at_end(window) if last_word(window) in W.QUALIFIER_ENDS else None
    if found:
        q.qualifier = W.CANON_QUALIFIER.get(found[1], found[1])
        q.start -= found[0]
    elif _EMPHASIS_BEFORE.search(window):
        q.bare_one = False


_LAST_WORDS = re.compile(r"(?:\S+\s+){1,4}$")


_OPENERS = "([\"'\u201c\u2018\u2014"


def _qualifier_at_end(window: str) -> tuple[int, str] | None:
    """The qualifier that `window` ends with ("more than "), as (its length, its words), else None."""
    m = _LAST_WORDS.search(window, max(0, len(window) - 40))
    if not m:
        return None
    words = m.group().split()
    for k in range(len(words), 0, -1):
        first = words[-k].lstrip(_OPENERS)
        phrase = " ".join([first, *words[len(words) - k + 1 :]]).lower()
        if first and phrase in W.QUALIFIER_SET:
            start = window.rindex(first, 0, len(window) - len(" ".join(words[len(words) - k + 1 :])))
            if start == 0 or not (window[start - 1].isalnum() or window[start - 1] in "._"):
                return len(window) - start, phrase
    return None


def last_word(window: str) -> str:
    """The word `window` ends with (before white space), lower-cased, without an opening bracket or quote."""
    parts = window.rsplit(None, 1)
    return parts[-1].lstrip(_OPENERS).lower() if parts and window[-1:].isspace() else ""


# Words that leave the number as it is but show that "one" counts something ("only one").
# "only one bidder" counts; "the only one to vote" is a pronoun, with "the" before the emphasis.
_EMPHASIS_BEFORE = Lazy(r"(?i:(?<!\bthe\s)\b(?:only|just|a\s+mere|exactly|precisely)\s+$)")


_SYMBOL_BEFORE = re.compile(r"(?P<q>>=|<=|[~≈><≥≤])$")


_SIGNS = "-\u2212\u2013#"


_CURRENCY_TAILS = frozenset("".join(U.CURRENCY_SYMBOLS) + "s.")


_QUALIFIER_SYMBOL_TAILS = frozenset("~≈><≥≤=")


_SIGN_BEFORE = re.compile(r"(?:(?<=[\s(\[\"'\u201c:=\x00])|^)[-\u2212\u2013]$")


# "plus or minus 3 points" is a margin either way, not a negative number
_MINUS_WORD = Lazy(r"(?i:(?<!plus or )(?<!plus/)\b(?:minus|negative)\s+)$")


_CURRENCY_BEFORE = re.compile(
    r"(?:(?<=[^\w$£€¥])|^)(?:(?P<s>MN|BN|[KMBT])(?=(?:" + CODES + r")[ \u00a0]?$))?"
    r"(?P<c>" + _trie(U.CURRENCY_SYMBOLS) + r"|(?:" + CODES + r"))[ \u00a0]?-?$"
)


SHORTHAND_SCALES = {"K": 1_000, "M": 1_000_000, "MN": 1_000_000, "B": 1_000_000_000, "BN": 1_000_000_000,
                     "T": 1_000_000_000_000}  # fmt: skip
