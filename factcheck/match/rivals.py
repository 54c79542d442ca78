"""A bound borne out by one figure of a sentence is not borne out when another figure of
the same sentence, nearer the bound, contradicts it.

"Less than $278 million worldwide" holds for the "$148.6 million" a film took at home,
but the sentence's "$279.1 million" total is the figure a reporter rounds to a bound:
the nearest one is the likeliest reading. "After May 2014" holds for a contract's
"2015 season", yet the same sentence dates the decision "26 October 2013". A bound is
true of so many values that when its sentence also holds a reading against it, the
judge cannot tell which is meant, and says so rather than clear the claim.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from factcheck.extract import extract_claims
from factcheck.extract.numbers.parse import parse_figures
from factcheck.match import conversions, quantity, values
from factcheck.match.evidence import Verdict
from factcheck.match.intervals import date_interval
from factcheck.model import ClaimRecord, Kind

# Date bounds that leave many days open; "as of" and "in" name a time, not a range.
_OPEN_DATE_BOUNDS = ("before", "after", "since", "by")
# A reporter's bound sits close to the figure it stands for ("more than 300" for 317): a
# contradicting figure this near the bound (as a ratio) is a likely reading of the claim.
NEAR = 1.5


def doubt(claim: ClaimRecord, sentence: str, reference_date: dt.date) -> str | None:
    """Why the source sentence that bears out a bounded claim does not settle it, or None."""
    if claim.get("kind") == Kind.FIGURE:
        return _figure_doubt(claim, sentence, reference_date, Verdict.CONTRADICTED)
    if claim.get("kind") == Kind.DATE:
        return _date_doubt(claim, sentence, reference_date)
    return None


def alarm_doubt(claim: ClaimRecord, sentence: str, reference_date: dt.date) -> str | None:
    """Why the source sentence that contradicts a bounded figure does not settle it: its
    figure nearest the bound bears the claim out ("more than $2 million" against a
    worldwide "$2,015,502", though the same sentence gives "$259,017" at home)."""
    if claim.get("kind") != Kind.FIGURE:
        return None
    return _figure_doubt(claim, sentence, reference_date, Verdict.SUPPORTED)


def _figure_doubt(claim: ClaimRecord, sentence: str, reference_date: dt.date, rival: Verdict) -> str | None:
    if not quantity.is_bound(claim):
        return None
    bound = values.as_float(claim.get("value"))
    if not bound or bound <= 0:
        return None
    text = claim.get("text") or ""
    dates = _date_spans(sentence, reference_date)
    scope = quantity.claim_scope(claim)
    readings = []
    for f in parse_figures(sentence, 0, len(sentence)):
        shown = sentence[f.start : f.end]
        if any(s < f.end and f.start < e for s, e in dates):
            continue  # the "11" of "11 March 2020" counts nothing
        if scope is not None and quantity.figure_scope(sentence, shown) not in (scope, None):
            continue  # "outside North America" is not read against the North American figure
        if not f.value or f.value <= 0 or not _comparable(claim.get("unit"), f.unit):
            continue
        if quantity.year_like(shown) and not quantity.year_like(text):
            continue  # "in 2019" is when, not how many
        if quantity.on_a_scale(sentence, f.start, f.end) or values.rating_share(claim, shown) is not None:
            continue  # "61 out of 100" is a rating's scale, read below as the share it is
        span = (f.low, f.high) if f.low is not None else None
        verdict, _ = values.compare_figures(claim, f.value, f.unit, shown, span, f.qualifier)
        readings.append((abs(math.log(float(f.value) / bound)), verdict, shown))
    readings += _ratings_as_shares(claim, sentence)
    if not any(v is rival for _, v, _ in readings):
        return None
    distance, verdict, shown = min(readings, key=lambda r: r[0])
    if verdict is not rival or distance > math.log(NEAR):
        return None
    outcome = "that does not hold" if rival is Verdict.CONTRADICTED else "that bears it out"
    return f"the source sentence also gives {shown!r}, nearer {text!r}, and {outcome}; it is not clear which figure is meant"


_RATING = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:/|out of)\s*(5|10|100)\b")


def _ratings_as_shares(claim: ClaimRecord, sentence: str) -> list[tuple[float, Verdict, str]]:
    """A rating on a scale ("3.5/10", "4 out of 5") read as the share of the scale it is, for
    a claim in percent: an "average rating of 35%" is that rating."""
    if values.unit_key(claim.get("unit")) != "percent":
        return []
    bound = values.as_float(claim.get("value")) or 0.0
    out = []
    for m in _RATING.finditer(sentence):
        share = round(float(m.group(1)) / float(m.group(2)) * 100, 9)  # 58/100 is 58%, not 57.999…
        if 0 < share <= 100 and bound > 0:
            verdict, _ = values.compare_figures(claim, share, "percent", m.group(0))
            out.append((abs(math.log(share / bound)), verdict, m.group(0)))
    return out


def _comparable(claim_unit, source_unit) -> bool:
    """Could these two figures measure one thing? Money is not a count, dollars are not euros,
    kilometres are not kilograms; a bare number may be any count."""
    mine, theirs = values.unit_key(claim_unit), values.unit_key(source_unit)
    if not mine:
        return True  # "less than 20 million" may be the source's "$36.7 million"
    if not theirs:
        return not (values.is_measure(mine) or conversions.dimension(claim_unit))
    if mine.lower() == theirs.lower() or conversions.convertible(claim_unit, source_unit):
        return True
    measured = (
        values.is_measure(mine),
        values.is_measure(theirs),
        conversions.dimension(claim_unit),
        conversions.dimension(source_unit),
    )
    return not any(measured)


def _date_doubt(claim: ClaimRecord, sentence: str, reference_date: dt.date) -> str | None:
    bound, _ = values.claim_date_bound(claim)
    if bound not in _OPEN_DATE_BOUNDS:
        return None

    mine = date_interval(str(claim.get("value") or ""))
    if mine is None:
        return None
    readings = []
    for c in _dates(sentence, reference_date):
        theirs = date_interval(str(c.value))
        if theirs is None:
            continue
        before = sentence[max(0, c.start - 40) : c.start]
        verdict, _ = values.compare_dates(claim, c.value, c.text, before)
        distance = max(theirs.lo - mine.hi, mine.lo - theirs.hi, 0)
        readings.append((distance, verdict is not Verdict.SUPPORTED, c.text))
    # The date nearest the claim's is the likeliest reading; a contradicting one at the
    # same distance leaves it open too.
    if not readings:
        return None
    nearest = min(d for d, _, _ in readings)
    against = [t for d, bad, t in readings if bad and d <= nearest]
    if not against:
        return None
    said = f"{bound} {claim.get('text')}"
    return f"the source sentence also gives {against[0]!r}, which does not fit {said!r}; it is not clear which date is meant"


def _dates(sentence: str, reference_date: dt.date) -> list:
    """The sentence's dates that name a day, month or year in digits or month names: not
    clock times ("6:00 pm") nor relative phrases ("the last year")."""
    found = extract_claims(sentence, reference_date=reference_date)
    return [
        c for c in found if c.kind is Kind.DATE and c.value and any(ch.isdigit() for ch in c.text) and ":" not in c.text
    ]


def _date_spans(sentence: str, reference_date: dt.date) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in _dates(sentence, reference_date)]
