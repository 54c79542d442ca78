"""Settling spans that two extractors both claim.

Measured on real news (the quote and date dev articles, about 2,900 figures), nearly
every overlap between a figure and a date is a number that the date already says: a
bare year ("in 2010", 200 of them), part of a date ("September 16-19"), or the count in
a relative date or a period ("22 years ago", "the past two weeks", 80 of them). A second
claim on the same words would ask an editor to sign the same fact off twice, and the
date carries more (it is resolved against the draft's date), so the date wins — except
for a year or decade standing alone, and for the count of days, weeks or years in a period
("the past 52 weeks", "22 years ago"), each kept as a figure too (see `settle`): a reader
counting the numbers in a story counts them, and `editorial` still asks an editor to sign
the fact off once, on the date.

Partial overlaps are rare (a handful) and come from the two readers disagreeing about
where a phrase ends ("Seventy-four years" against "four years ago"); both claims are
kept, as each is checkable. Money and percentages are never dates, so a date span that
covers one has overreached and the figure stays.
"""

from __future__ import annotations

import bisect
from itertools import accumulate

from factcheck.model import Found, Kind

# Units that no date can hold.
_NEVER_DATES = ("percent", "percentage points", "basis points")
# Units of time: a figure counting them inside a date is the length of a period.
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "quarters", "year", "decade", "century"})


def settle(found: list[Found]) -> list[Found]:
    """Drop each figure that lies wholly inside a date, unless it is money, a percentage, a year
    or a count of time.

    A year standing alone ("in 1979", "the 1960s") is both: the date claim is read against
    the story's date, and the figure claim keeps the number itself checkable as a number,
    the way readers and fact-checking desks count "how many numbers are in this story".
    """
    dates = sorted((f.start, f.end) for f in found if f.kind is Kind.DATE)
    if not dates:
        return found
    years = sorted((f.start, f.end) for f in found if f.kind is Kind.DATE and _is_year_only(f))
    within_date = Spans(dates)
    within_year = Spans(years)
    return [
        f
        for f in found
        if not (
            f.kind is Kind.FIGURE
            and within_date.holds(f)
            and not _is_amount(f)
            and not counts_time(f)
            and not _year_of(f, within_year)
        )
    ]


def counts_time(f: Found) -> bool:
    """A figure that counts units of time: "two weeks", "22 years"."""
    return f.kind is Kind.FIGURE and f.unit in TIME_UNITS


class Spans:
    """Sorted spans that answer "does one of you hold this claim?" in log time.

    A draft can hold thousands of dates; asking each of them about each figure made
    extraction grow with the square of the draft. For the spans starting at or before a
    claim, the furthest end among them decides: one holds the claim exactly when that end
    reaches the claim's end.
    """

    __slots__ = ("starts", "reach")

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))

    def holds(self, f: Found) -> bool:
        return self.covers(f.start, f.end)

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def _is_year_only(date: Found) -> bool:
    """A date that names no more than a year or a decade: "1979", "fiscal 2011", "the 1960s"."""
    return isinstance(date.value, str) and 3 <= len(date.value) <= 4 and date.value.isdigit()


def _year_of(f: Found, years: Spans) -> bool:
    """The figure is the number of a year-only date it lies in."""
    if f.unit or not isinstance(f.value, int) or not 1000 <= f.value <= 2199:
        return False
    return years.holds(f)


def _is_amount(f: Found) -> bool:
    unit = f.unit or ""
    return unit in _NEVER_DATES or (len(unit) == 3 and unit.isupper())
