"""Figures in news copy: amounts of money, percentages, counts and measurements.

The number grammar lives in `factcheck.extract.numbers.parse`, shared with the matcher that reads
sources; this module adds what is particular to a Markdown draft: numbers in link
targets, code, list markers and footnote marks are part of the markup, not claims.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck.extract.numbers.parse import Figure, parse_figures
from factcheck.model import Found, Kind


@dataclass(frozen=True)
class RangeEnd(Found):
    """A written end of a range or side of a score, listed by `extract` as a figure of its own
    next to the range or score (`of`, its span): a reader counting the numbers in a story
    counts "$5 million" and "$7 million" in "$5 million to $7 million". The range is the
    claim an editor signs off; the claims file leaves its ends out."""

    of: tuple[int, int] = (0, 0)


_compiled = functools.cache(re.compile)

# Markdown that can hold digits but never a claim, each with the text that must occur for
# it to be there: most news copy has none of it, and a pass that cannot match is skipped
# (and its pattern never compiled).
_MARKUP = tuple(
    (triggers, functools.partial(_compiled, pattern, flags))
    for triggers, pattern, flags in (
        (
            ("```", "~~~"),
            r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ \t]{0,3}(?P=fence)[ \t]*$",
            re.M | re.S,
        ),
        (("`",), r"`[^`\n]+`", 0),  # inline code
        (("](",), r"\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)", 0),  # link and image targets
        (("]:",), r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.M),  # reference link definitions
        (("<",), r"<[A-Za-z/!][^>\n]*>", 0),  # HTML tags and autolinks
        (("[",), r"\[\^[^\]\n]+\]|\[\d+\]", 0),  # footnote and citation marks
        (("\n",), r"\n[ \t]{0,3}\d{1,9}[.)](?=[ \t])", 0),  # ordered list markers ("\n" first: a quick skip)
        (("{#",), r"\{#[^}\n]*\}", 0),  # heading ids
    )
)
_FIRST_LIST_MARKER = re.compile(r"[ \t]{0,3}\d{1,9}[.)](?=[ \t])")
# "the 1960s": the number grammar reads a decade as no figure, but its first year is a
# number a reader checks like any year. Two-digit decades ("the '90s") name no number.
_DECADE = r"(?<![\w.,$\u00a3\u20ac'\u2019])(?<!\d-)(?:1\d|20|21)\d0(?=['\u2019]?s(?!\w))"


def find(doc) -> list[Found]:
    """Every figure in the draft's body, with absolute offsets into `doc.text`."""
    text, start = doc.text, doc.body_start
    body = doc.body
    skip = [
        m.span()
        for triggers, pattern in _MARKUP
        if any(t in body for t in triggers)
        for m in pattern().finditer(text, start)
    ]
    first = _FIRST_LIST_MARKER.match(text, start)
    if first:
        skip.append(first.span())
    found: list[Found] = []
    for f in parse_figures(text, start, skip=skip, locale=doc.locale):
        found.append(
            Found(kind=Kind.FIGURE, start=f.start, end=f.end, value=f.value, unit=f.unit, qualifier=f.qualifier)
        )
        if f.ends:
            found.extend(_ends(f))
    if "0s" in body or "0\u2019s" in body or "0's" in body:
        found = sorted(found + _decades(text, start, skip), key=lambda f: f.start)
    return found


def _ends(f: Figure) -> list[Found]:
    return [
        RangeEnd(kind=Kind.FIGURE, start=e.start, end=e.end, value=e.value, unit=e.unit, of=(f.start, f.end))
        for e in f.ends
    ]


def _decades(text: str, start: int, skip: list[tuple[int, int]]) -> list[Found]:
    """The first year of each decade written in full, spanning "1960s"; the date claim on the
    same words decides whether it stands (see `overlaps.settle`)."""
    out = []
    for m in _compiled(_DECADE).finditer(text, start):
        if any(s <= m.start() < e for s, e in skip):
            continue
        end = text.index("s", m.end()) + 1
        out.append(Found(kind=Kind.FIGURE, start=m.start(), end=end, value=int(m.group())))
    return out


def without_range_ends(found: list[Found]) -> list[Found]:
    """The spans with no end of a range among them: the claims an editor signs off, and what
    the matcher reads in a source."""
    return [f for f in found if not isinstance(f, RangeEnd)]


def with_range_ends(found: list[Found]) -> list[Found]:
    """The spans, with the ends of each range or score whose own figure claim still stands
    (a range inside a date, "September 16-19", gives its numbers to the date)."""
    standing = {(f.start, f.end) for f in found if f.kind is Kind.FIGURE and not isinstance(f, RangeEnd)}
    return [f for f in found if not isinstance(f, RangeEnd) or f.of in standing]
