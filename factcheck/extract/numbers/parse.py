"""Numbers as news copy writes them: numerals, number words, money, percentages, units.

The one public entry point is `parse_figures(text)`, used both on drafts (by the figure
extractor) and on sources (by the matcher), so that "$6 billion", "6 billion dollars",
"$6bn" and "$6,000,000,000" all come out as value 6000000000, unit "USD".

Each `Figure` carries:

- `value`: the number with magnitudes and fractions applied, an int when it is whole
  ("two" → 2, "5.5%" → 5.5, "a dozen" → 12, "half a million" → 500000, "2 1/2" → 2.5,
  "two point four billion" → 2400000000, "half their value" → 0.5).
- `unit`: an ISO 4217 code for money ("USD", "GBP", "EUR", "JPY"); "percent" for %,
  "per cent" and "percent"; "percentage points" and "basis points" as written; a
  canonical name for units of measurement ("kilometre", "square mile", "USD per hour");
  otherwise the counted noun as the text gives it ("114 Patriot missiles" → "Patriot
  missiles"), or None.
- `qualifier`: the hedge in front of or after the number, lower-cased ("more than",
  "about", "up to", "at least", "nearly", "some", "or more" ...); the span includes it.
- Ranges ("between 10 and 20", "10-20", "10 to 20 percent", "$5-6 billion") are one
  figure: `low` and `high` hold the ends, `value` is their midpoint and the qualifier
  is "between" unless the text gives another. "From 10 to 20" is a range too, except
  after a verb of change ("rose from 10 to 20"), where the two numbers are a before and
  an after and come out as two figures.
- An order of magnitude in words ("hundreds of people", "tens of thousands") is valued
  as the least it can mean (100, 10000), with `low` and `high` the order it names and the
  words as its qualifier; an age or temperature by its decade ("in his mid-30s", "the
  low 90s" in a forecast) is a range over the part of the decade named (see `decades`).
- A share ("one in five adults", "eight out of 10") is one figure valued as the
  fraction (0.2, 0.8); a ratio to one ("a 3-to-1 margin", "three to one", "25:1") is
  the first side, unit "ratio"; a tally or score ("voted 19-15", "won 3–1", "voted
  seven to two", "a 3:2 split") is one figure valued as its first count, with the
  other side as its unit ("to 1"); a share split ("a two-for-one split", "1-for-10")
  likewise, with the unit "for 1".
- A four-digit number that could be a year counts the plural noun after it unless
  the words around it make it a year ("1870 confirmed cases", but "the 2010
  elections"; see `years`).

A number in a name, a label or a short code ("Boeing 747", "Section 301", "page 12", "G-20",
"F-35") is a figure with no unit: it counts nothing, but a changed one is an error.

Not figures: ordinals ("21st", "second"), clock times, dates written with a month name
or in digits, decades ("the 1990s"), phone numbers, URLs and e-mail addresses, version
numbers, year spans ("2013-14"), digits glued to letters ("G20", "A320") or joined to a
word that is no short code ("COVID-19", "MiG-29"), and "one" used as a pronoun ("one of
the", "no one"). Bare years are figures here; the extractor lets a date claim take them.

`factcheck.extract.numbers.units` reads currencies and units of measurement on their own
(`currency_code("euros")`, `unit_at(text, pos, end)`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.extract.numbers import after, before, decades, names, number, number_locale
from factcheck.extract.numbers import units as U
from factcheck.extract.numbers.candidates import Candidates, inside_word
from factcheck.extract.numbers.not_figures import mask
from factcheck.extract.numbers.quantity import End, Lazy, Quantity, Region, Reject, as_number, sane

__all__ = ["Figure", "parse_figures", "parse_number", "currency_code"]

currency_code = U.currency_code


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in a text: where it is (end exclusive) and what it says."""

    start: int
    end: int
    value: int | float
    unit: str | None = None
    qualifier: str | None = None
    low: int | float | None = None
    high: int | float | None = None
    # each written end of a range or side of a score, a figure of its own ("$5 million" and
    # "$7 million" in "$5 million to $7 million"); the matcher reads the range, not these
    ends: tuple[Figure, ...] = ()

    @property
    def is_range(self) -> bool:
        return self.low is not None


def parse_figures(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    skip: Iterable[tuple[int, int]] = (),
    locale: str | None = None,
) -> list[Figure]:
    """Every figure in `text[start:end]`, in order, with absolute offsets into `text`.

    `skip` lists spans the caller knows hold no figures (a Markdown link target, say);
    numbers inside them are ignored. `locale` ("de-DE") says how numerals are written
    (see `factcheck.extract.numbers.number_locale`); the default is en-US.
    """
    end = len(text) if end is None else min(end, len(text))
    if start >= end:
        return []
    work = mask(text, start, end, skip)
    return _scan(Region(work, start, end, number_locale.marks(locale)))


def parse_number(text: str) -> int | float | None:
    """The value of `text` when all of it is one figure ("$6bn", "six billion dollars"), else None."""
    stripped = text.strip()
    found = parse_figures(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None


def _scan(r: Region) -> list[Figure]:
    """One pass over the region: find candidates, read each into a figure or reject it."""
    found: list[Quantity] = []
    candidates, pos = Candidates(r.text, r.end), r.start
    while True:
        m = candidates.next(pos)
        if m is None:
            break
        if m.lastgroup in ("w", "a") and inside_word(r.text, m.start(m.lastgroup)):
            pos = m.end()
            continue
        try:
            q = _read(r, m)
        except Reject as rejected:
            pos = max(rejected.resume, m.end())
            continue
        if q.powered and not sane(q.value):
            pos = q.end
            continue
        found.append(q)
        pos = q.end
    if decades.possible(r.text, r.start, r.end):
        found = _with_decades(r, found)
    _share_units(r.text, found)
    return [_figure(q) for q in found]


def _with_decades(r: Region, found: list[Quantity]) -> list[Quantity]:
    """Add ages and temperatures given by the decade ("in her mid-30s") where no figure stands."""
    extra = [
        d for d in decades.find(r.text, r.start, r.end) if not any(q.start < d.end and d.start < q.end for q in found)
    ]
    return sorted(found + extra, key=lambda q: q.start) if extra else found


def _read(r: Region, m: re.Match) -> Quantity:
    q = number.core(r, m, first=True)
    before.left(r, q)
    after.right(r, q)
    names.check_names(r, q)
    if q.low is not None and _DANGLING_OF.search(r.text, q.start, q.end):
        q.end = q.start + len(r.text[q.start : q.end].rsplit(None, 1)[0])  # "hundreds of the": no noun followed
    return q


_DANGLING_OF = Lazy(r"\s(?i:of)$")


def _figure(q: Quantity) -> Figure:
    low = as_number(q.low) if q.low is not None else None
    high = as_number(q.high) if q.high is not None else None
    unit = q.currency or q.unit
    ends = () if q.ends is None else tuple(_end(e, unit) for e in q.ends if e.start < e.end)
    if ends and q.counted and q.low is not None and ends[-1].end < q.end:
        # the noun counted after a range is the last end's too: "50 volunteers" in "30 and 50 volunteers"
        ends = (*ends[:-1], Figure(ends[-1].start, q.end, ends[-1].value, ends[-1].unit))
    return Figure(q.start, q.end, as_number(q.value), unit, q.qualifier, low, high, ends)


def _end(e: End, unit: str | None) -> Figure:
    """An end of a range takes the range's unit and currency, which its ends share ("40" in
    "between 40 and 45 percent", "$5" in "$5-6 per hour"); a side of a score keeps its own, as
    the score's unit is its other side ("to 48")."""
    return Figure(e.start, e.end, as_number(e.value), (unit or e.unit) if e.shared else e.unit)


_SHARED = Lazy(r"\s*(?:,|,?\s*and|,?\s*or)\s*")


_COMMA_JOIN = Lazy(r"\s*,\s*(?:and|or)\s*")


_LIST_COMMA = Lazy(r"\s*,\s*")


def _share_units(text: str, found: list[Quantity]) -> None:
    """ "45 and 50 mg", "5, 10 or 15 percent": a bare number in a list takes the measure of the next."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if a.unit or a.currency or b.counted or not (b.unit or b.currency):
            continue
        if _SHARED.fullmatch(text, a.end, b.start) and not _joins_clauses(text, found, i):
            a.unit, a.currency = b.unit, b.currency


def _joins_clauses(text: str, found: list[Quantity], i: int) -> bool:
    """ ", and" after a lone number joins two clauses ("in 2013, and 278,000 t"): a comma
    before "and" belongs to a list only when an item of the list comes before it."""
    if not _COMMA_JOIN.fullmatch(text, found[i].end, found[i + 1].start):
        return False
    return i == 0 or not _LIST_COMMA.fullmatch(text, found[i - 1].end, found[i].start)
