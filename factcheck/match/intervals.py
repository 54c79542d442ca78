"""Figures and dates as the intervals their words allow.

A reporter rarely copies a number: "more than 300 arrests" is every count above 300,
"about $4.6 million" every amount that rounds to it, "early 2019" the first months of
that year. A source says something just as wide or narrower ("317 people were arrested").
The claim holds when everything the source allows lies inside what the claim allows; it
is contradicted when the two cannot meet; otherwise the sources leave it open.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class Interval:
    """The values a figure or date as written allows; open ends exclude their bound."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def inside(self, other: Interval) -> bool:
        """Every value of self is a value of other."""
        return _below_or_at(other.lo, other.lo_open, self.lo, self.lo_open) and _above_or_at(
            other.hi, other.hi_open, self.hi, self.hi_open
        )

    def meets(self, other: Interval) -> bool:
        """Some value is allowed by both."""
        lo = max(self.lo, other.lo)
        hi = min(self.hi, other.hi)
        lo_open = (self.lo == lo and self.lo_open) or (other.lo == lo and other.lo_open)
        hi_open = (self.hi == hi and self.hi_open) or (other.hi == hi and other.hi_open)
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    @property
    def point(self) -> bool:
        return self.lo == self.hi


def _below_or_at(bound: float, open_: bool, lo: float, lo_open: bool) -> bool:
    """The other's lower bound lets in everything from `lo` up."""
    return bound < lo or (bound == lo and (not open_ or lo_open))


def _above_or_at(bound: float, open_: bool, hi: float, hi_open: bool) -> bool:
    return bound > hi or (bound == hi and (not open_ or hi_open))


# --- figures --------------------------------------------------------------------------------

MORE = (
    "more than",
    "over",
    "above",
    "exceed",
    "upward",
    "in excess",
    "greater than",
    "higher than",
    "plus",
    "north of",
)
# "hundreds of people": at least the order of magnitude the plural names
AT_LEAST = (
    "at least",
    "no fewer",
    "no less",
    "or more",
    "minimum",
    "not less",
    "dozens",
    "tens of",
    "hundreds",
    "thousands",
    "millions",
    "billions",
)
LESS = ("less than", "fewer than", "under", "below", "lower than", "short of", "south of")
AT_MOST = ("at most", "up to", "no more", "or fewer", "or less", "maximum", "as many as", "as much as", "not more")
NEARLY = ("nearly", "almost", "just under", "just below", "close to", "just shy of", "approaching")
JUST_OVER = ("just over", "just above", "just more than", "slightly more", "slightly over")
ABOUT = ("about", "around", "approximately", "roughly", "some", "estimated", "approx", "~", "circa", "c.", "or so")
# Units of time: "over seven years" is a period, not a bound.
DURATIONS = frozenset(
    {
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "decade",
        "decades",
        "hour",
        "hours",
        "minute",
        "minutes",
        "season",
        "seasons",
    }
)
# Share of an approximation's value it may miss by, beside the precision written.
APPROX_SHARE = 0.05

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def kind_of(qualifier: str | None) -> str:
    """The qualifier's kind: more, at_least, less, at_most, nearly, just_over, about, or ''."""
    q = (qualifier or "").lower().strip()
    if not q:
        return ""
    for kind, phrases in (
        ("just_over", JUST_OVER),
        ("nearly", NEARLY),
        ("at_least", AT_LEAST),
        ("at_most", AT_MOST),
        ("more", MORE),
        ("less", LESS),
        ("about", ABOUT),
    ):
        if any(p in q for p in phrases):
            return kind
    return ""


def is_duration(qualifier: str | None, unit: str | None) -> bool:
    """ "over seven years", "over a period of seven years": a span of time, not a bound."""
    return (
        kind_of(qualifier) == "more"
        and (qualifier or "").lower().strip() == "over"
        and (unit or "").lower() in DURATIONS
    )


def precision(text: str, value: float) -> float:
    """The place of the last significant digit as written, in the figure's own scale:
    "317" is 1, "300" and "$4.6 million" are 100 and 100,000, "nine" is 1."""
    m = _NUMBER.search(text or "")
    if not m or not value:
        return 1.0 if value == int(value) else 0.0
    literal = m.group()
    written = float(literal.replace(",", ""))
    scale = abs(value / written) if written else 1.0
    if "." in literal:
        return 10.0 ** -len(literal.split(".")[1]) * scale
    digits = literal.replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    return 10.0**zeros * scale


def rounding(text: str, value: float) -> float:
    """How far a plain figure may be from the exact one: half its last written digit.
    "140" may well be exact, so among whole numbers only those ending in three zeros are round."""
    m = _NUMBER.search(text or "")
    if not m or not value:
        return 0.0
    literal = m.group()
    if "." in literal:
        return precision(text, value) / 2
    digits = literal.replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    written = float(digits)
    if written >= 1000 and zeros >= 3:
        return precision(text, value) / 2
    if written != abs(value):  # "4 million": the scale word makes the number a round one
        return precision(text, value) / 2
    return 0.0


def figure_interval(value: float, text: str, qualifier: str | None, *, low=None, high=None, unit=None) -> Interval:
    """What a figure as written allows."""
    if low is not None and high is not None:
        return Interval(float(min(low, high)), float(max(low, high)))
    kind = "" if is_duration(qualifier, unit) else kind_of(qualifier)
    step = rounding(text, value)
    tol = max(precision(text, value) / 2, abs(value) * APPROX_SHARE)
    if kind == "more":
        return Interval(value, INF, lo_open=True)
    if kind == "at_least":
        return Interval(value - step, INF)
    if kind == "less":
        return Interval(-INF, value, hi_open=True)
    if kind == "at_most":
        return Interval(-INF, value + step)
    if kind == "nearly":
        return Interval(value - tol, value)
    if kind == "just_over":
        return Interval(value, value + tol, lo_open=True)
    if kind == "about":
        return Interval(value - tol, value + tol)
    return Interval(value - step, value + step)


def source_interval(value: float, text: str, qualifier: str | None, *, low=None, high=None, unit=None) -> Interval:
    """What a source's figure allows. A plain source figure is taken as exact: a source
    writing "2,000" is not read as "anything from 1,500 to 2,500"."""
    if low is None and not kind_of(qualifier):
        return Interval(value, value)
    if low is None and kind_of(qualifier) == "about" and significant_digits(text) >= 3:
        # "approximately 2.88 million" is written to the nearest 10,000: the writer knows the
        # figure that well, so it is within a step of its last digit, not 5% either way.
        step = precision(text, value)
        return Interval(value - step, value + step)
    return figure_interval(value, text, qualifier, low=low, high=high, unit=unit)


def significant_digits(text: str) -> int:
    """How many digits of a figure as written say something: "2.88" three, "15,000" two."""
    m = _NUMBER.search(text or "")
    if not m:
        return 0
    digits = m.group().replace(",", "")
    whole, _, fraction = digits.partition(".")
    if fraction:
        return len((whole + fraction).lstrip("0"))
    return len(whole.strip("0")) or 1


# --- dates ----------------------------------------------------------------------------------

# Words before a date that make it a bound, nearest the date last ("prior to", "no later than").
_DATE_BOUND = re.compile(
    r"\b(?P<q>before|prior to|earlier than|after|later than|following|since|by|no later than|until|till|up to|through|as of|as at)"
    r"\s+(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?,?\s+(?:on\s+)?)?"  # "as of 9 AM, 5 March": the day, past the hour
    r"(?:the\s+)?(?:(?:early|mid|late|end of|start of|beginning of|middle of)[\s-]+)?$",
    re.I,
)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_DATE_PART = re.compile(r"\b(?P<p>early|mid|late|end of|start of|beginning of|middle of)[\s-]*(?:the\s+)?$", re.I)
_PART_IN_TEXT = re.compile(r"^(?:the\s+)?(?P<p>early|mid|late|end of|start of|beginning of|middle of)[\s-]", re.I)


def date_bound(before: str, text: str) -> tuple[str, str]:
    """(bound, part) from the words just before a date and the date's own words:
    bound is before/after/since/by or ''; part is early/mid/late or ''."""
    # "after Monday's debate": the date says when the debate was, the bound is the debate's.
    b = None if _POSSESSIVE.search(text) else _DATE_BOUND.search(before[-40:])
    bound = ""
    if b:
        q = b.group("q").lower()
        bound = {
            "prior to": "before",
            "earlier than": "before",
            "later than": "after",
            "following": "after",
            "no later than": "by",
            "until": "by",
            "till": "by",
            "up to": "by",
            "through": "by",
            "as of": "as of",
            "as at": "as of",
        }.get(q, q)
    p = _PART_IN_TEXT.search(text) or _DATE_PART.search(before[-20:])
    part = ""
    if p:
        word = p.group("p").lower()
        part = {"end of": "late", "start of": "early", "beginning of": "early", "middle of": "mid"}.get(word, word)
    return bound, part


def day_span(iso: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date value (YYYY, YYYY-MM, YYYY-MM-DD) covers; a
    decade ("192", the 1920s) or a century ("17", the 18th century) as TIMEX writes them."""
    span = re.fullmatch(r"(\d{4}(?:-\d{2}){0,2})/(\d{4}(?:-\d{2}){0,2})", str(iso or "").strip())
    if span:  # "2013–2018", a span of years as the extractor writes it
        opens, closes = day_span(span.group(1)), day_span(span.group(2))
        return (opens[0], closes[1]) if opens and closes and opens[0] <= closes[1] else None
    era = re.fullmatch(r"(\d{2,3})", str(iso or "").strip())
    if era:
        width = 10 ** (4 - len(era.group(1)))
        first_year = int(era.group(1)) * width
        if first_year < 1:
            return None
        return dt.date(first_year, 1, 1), dt.date(first_year + width - 1, 12, 31)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(iso or "").strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            day = dt.date(y, int(mo), int(d))
            return day, day
        if mo:
            first = dt.date(y, int(mo), 1)
            nxt = dt.date(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None


def date_interval(iso: str, bound: str = "", part: str = "") -> Interval | None:
    """The days a date as written allows, as day ordinals."""
    span = day_span(iso)
    if span is None:
        return None
    first, last = span[0].toordinal(), span[1].toordinal()
    if part and last > first:
        third = (last - first + 1) / 3
        # "the early 1980s" runs to 1983 or 1984 as people say it: the early or late part of
        # a decade or a century is wider than a third.
        end = (last - first + 1) * 0.4 if last - first > 800 else third
        first, last = {
            "early": (first, first + math.ceil(end) - 1),
            "mid": (first + math.floor(third), last - math.floor(third)),
            "late": (last - math.ceil(end) + 1, last),
        }[part]
    if bound == "before":
        return Interval(-INF, first, hi_open=True)
    if bound == "after":
        return Interval(last, INF, lo_open=True)
    if bound == "since":
        return Interval(first, INF)
    if bound in ("by", "as of"):
        return Interval(-INF, last)
    return Interval(first, last)


def describe_date(iv: Interval) -> str:
    def day(n: float) -> str:
        return dt.date.fromordinal(int(n)).isoformat()

    if iv.lo == -INF:
        return f"before {day(iv.hi)}" if iv.hi_open else f"by {day(iv.hi)}"
    if iv.hi == INF:
        return f"after {day(iv.lo)}" if iv.lo_open else f"from {day(iv.lo)}"
    return day(iv.lo) if iv.point else f"{day(iv.lo)} to {day(iv.hi)}"
