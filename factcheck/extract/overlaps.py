"""Settling spans that two extractors both claim.

Measured on real news (the quote and date dev articles, about 2,900 figures), nearly
every overlap between a figure and a date is a number that the date already says: a
bare year ("in 2010", 200 of them), part of a date ("September 16-19"), or the count in
a relative date or a period ("22 years ago", "the past two weeks", 80 of them). A second
claim on the same words would ask an editor to sign the same fact off twice, and the
date carries more (it is resolved against the draft's date), so the date wins.

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


def settle(found: list[Found]) -> list[Found]:
    """Drop each figure that lies wholly inside a date, unless it is money or a percentage."""
    dates = sorted((f.start, f.end) for f in found if f.kind is Kind.DATE)
    if not dates:
        return found
    starts = [s for s, _ in dates]
    reach = list(accumulate((e for _, e in dates), max))  # furthest end of any date starting so far
    return [f for f in found if not (f.kind is Kind.FIGURE and _inside_date(f, starts, reach))]


def _inside_date(f: Found, starts: list[int], reach: list[int]) -> bool:
    i = bisect.bisect_right(starts, f.start) - 1
    return i >= 0 and reach[i] >= f.end and not _is_amount(f)


def _is_amount(f: Found) -> bool:
    unit = f.unit or ""
    return unit in _NEVER_DATES or (len(unit) == 3 and unit.isupper())
