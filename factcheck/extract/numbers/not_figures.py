"""Spans that hold digits but no figure: web addresses, phone numbers, dates, clock times, versions.

`mask` blanks out those found before the scan; `NOT_A_FIGURE_AT` is tried where a number starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.extract.numbers import units as U
from factcheck.extract.numbers.quantity import Lazy

_trie = U.trie


_MONTH = (
    "(?:"
    + _trie(
        "January February March April May June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
    )
    + ")"
)


_ZONES = r"(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|IST|JST|AEST|AEDT|ET|PT|local time)"


# Spans that hold digits but no figure, blanked out before the scan. Each pattern runs
# in a pass of its own and starts with a literal, never with a look-behind or \b, so
# that the regular expression engine can skip ahead to the next possible start (one
# pattern for all would stop at every character); a pattern whose trigger is nowhere in
# the text is not run at all.
NOT_FIGURES = tuple(
    (triggers, Lazy(pattern) if triggers else re.compile(pattern))
    for triggers, pattern in (
        (("://", "www."), r"(?:https?://|ftp://|www\.)[^\s<>\"'\]\[)]+"),  # web addresses
        (("@",), r"@(?<=[\w.+-]@)[\w-]+(?:\.[\w-]+)+"),  # e-mail domains (the digits before "@" are in a word)
        (
            ("@", "#"),
            r"[@#](?<![\w@][@#])\w*[A-Za-z_]\w*",
        ),  # handles and hashtags (not "#1", see before.sign_and_currency)
        (("(",), r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}(?!\d)"),  # (202) 555-0143
        (("+",), r"\+(?<![\w+]\+)\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,5}(?!\d)"),  # +44 20 7946 0958
        (
            (),
            _MONTH + r"\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:\s*(?:-|\u2013|to|and)\s*\d{1,2}(?!\d))?"
            r"(?:,?\s+\d{4}(?!\d))?|,?\s+\d{4}(?!\d))",  # November 23, 2010; Sept. 19 to 22; November 2010
        ),
    )
)


# The same for spans that start with the digits: tried where a number starts, by `number.digits`.
NOT_A_FIGURE_AT = re.compile(
    r"\d(?:"
    + "|".join(
        (
            r"\d{2}[-.]\d{3}[-.]\d{4}(?!\d)",  # 202-555-0143
            r"\d?:\d{1,2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?(?!\w))?",  # clock times, ratios, verses
            r"\d?(?:[.:][0-5]\d)?\s?(?:[ap]\.m\.|[AaPp][Mm](?!\w))",  # 2 pm, 10.30am, 9 a.m.
            r"\d?(?:[0-5]\d)?\s?" + _ZONES + r"(?!\w)",  # 1400 GMT
            r"\d?(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?!\w)\.?(?:,?\s+\d{4}(?!\d))?",  # 23 November
            r"\d{3}-\d{1,2}-\d{1,2}(?!\d)|\d?[/.]\d{1,2}[/.]\d{2,4}(?!\d)",  # 2010-11-23, 11/23/2010
            r"\d*(?:\.\d+){2,}(?!\d)",  # version numbers and network addresses
            r"\d{0,2}0['\u2019]?s(?!\w)",  # decades: the 1990s, the 90s
            r"\d{0,4}\s+(?:[A-Z][a-z]+\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln"
            r"|Drive|Way|Place|Square|Court|Terrace|Parkway|Pkwy|Highway|Close|Crescent|Row)(?!\w)\.?",
        )
    )
    + ")"
)


BARRIER = "\x00"  # stands in for masked text: not a word, not a space, not a digit


def mask(text: str, start: int, end: int, skip: Iterable[tuple[int, int]]) -> str:
    """`text` with every no-figure span blanked out, offsets unchanged."""
    spans = [(s, e) for s, e in skip if e > start and s < end]
    region = text[start:end] if start or end < len(text) else text
    for triggers, pattern in NOT_FIGURES:
        if not triggers or any(t in region for t in triggers):
            spans.extend(m.span() for m in pattern.finditer(text, start, end))
    if not spans:
        return text
    spans.sort()
    parts, cur = [], 0
    for s, e in spans:
        s = max(s, cur)
        if e <= s:
            continue
        parts.append(text[cur:s])
        parts.append(BARRIER * (e - s))
        cur = e
    parts.append(text[cur:])
    return "".join(parts)
